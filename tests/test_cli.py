"""The command line, run as a user runs it: `python -m rag ...` in a subprocess."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import CORPUS, ROOT

CONTRACT = {"answer": str, "refused": bool, "citations": list, "timings": dict, "model": str}
CITATION = {"n": int, "source": str, "title": str, "start": int, "end": int, "text": str, "score": float}


def rag(*args, stdin=None, index=None, timeout=300):
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    cmd = [sys.executable, "-m", "rag", *args]
    if index is not None:
        cmd += ["--index", str(index)]
    return subprocess.run(
        cmd, input=stdin, capture_output=True, text=True, cwd=ROOT, env=env, timeout=timeout
    )


@pytest.fixture(scope="module")
def built_index(tmp_path_factory):
    index = tmp_path_factory.mktemp("cli") / "index"
    done = rag("index", "--corpus", str(CORPUS), index=index)
    assert done.returncode == 0, done.stderr
    assert "added: 5" in done.stderr.replace("  ", " ") and "removed: 0" in done.stderr
    return index


def test_index_reports_what_changed(tmp_path, corpus_copy):
    index = tmp_path / "idx"
    first = rag("index", "-v", "--corpus", str(corpus_copy), index=index)
    assert first.returncode == 0, first.stderr
    # -v: what cleaning left out of each article, with the reason, never silently.
    assert "003_3de8e0a82d2249ce.txt: left out" in first.stdout
    assert "- page furniture after the article: 'Recent Posts'" in first.stdout
    assert "- teaser for another article: 'Read also:'" in first.stdout
    (corpus_copy / "001_ad9039b2d6be9212.txt").unlink()
    second = rag("index", "--corpus", str(corpus_copy), index=index)
    assert second.returncode == 0
    assert "removed: 1" in second.stderr and "001_ad9039b2d6be9212.txt" in second.stderr
    assert "added: 0" in second.stderr and "embedded now: 0" in second.stderr


def test_search_json_lines(built_index):
    lines = '{"query": "5,000 troops stationed", "k": 2}\nnot json\n{"query": "Martakert district", "k": 1}\n'
    done = rag("search", "--json", "-", stdin=lines, index=built_index)
    assert done.returncode == 0, done.stderr
    first, bad, third = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(first["results"]) == 2 and "error" in bad and len(third["results"]) == 1
    top = first["results"][0]
    assert set(top) >= {"source", "title", "start", "end", "text", "score"}
    assert (CORPUS / top["source"]).read_text(encoding="utf-8")[top["start"] : top["end"]] == top["text"]
    assert "Martakert" in third["results"][0]["text"]


def test_ask_json_lines_keep_the_contract(built_index):
    questions = [
        {"question": "How many Russian troops are stationed in Armenia?"},
        {
            "question": "What did she accuse the Armenian government of?",
            "history": [
                {"role": "user", "content": "Who is Maria Zakharova?"},
                {"role": "assistant", "content": "The Russian Foreign Ministry spokeswoman. [1]"},
            ],
        },
        {"question": "Who won the 2022 FIFA World Cup?"},
        {"question": "bad history", "history": "nope"},
    ]
    stdin = "\n".join(json.dumps(q) for q in questions) + "\n"
    done = rag("ask", "--json", "-", stdin=stdin, index=built_index)
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(answers) == 4
    for answer in answers[:3]:
        for key, kind in CONTRACT.items():
            assert isinstance(answer[key], kind), key
        assert set(answer["timings"]) >= {"retrieve_s", "first_token_s", "total_s"}
        assert answer["model"].endswith(".gguf") and os.path.isfile(answer["model"])
        for citation in answer["citations"]:
            for key, kind in CITATION.items():
                assert isinstance(citation[key], kind), key
            text = (CORPUS / citation["source"]).read_text(encoding="utf-8")
            assert text[citation["start"] : citation["end"]] == citation["text"]
            assert f"[{citation['n']}]" in answer["answer"]  # only cited passages are listed
    troops, follow_up, unknown, bad = answers
    assert not troops["refused"] and "5,000" in troops["answer"]
    assert "Zakharova" in follow_up["standalone_question"] and "ingratitude" in follow_up["answer"]
    assert unknown["refused"] and unknown["citations"] == []
    assert troops["refusal_reason"] is None and unknown["refusal_reason"] == "not_in_archive"
    assert unknown["missing_names"] == ["FIFA World Cup"]
    assert "error" in bad and "history" in bad["error"]


def test_articles_lists_what_the_index_holds(built_index):
    listed = rag("articles", "--json", "--corpus", str(CORPUS), index=built_index)
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert sorted(r["source"] for r in rows) == sorted(p.name for p in CORPUS.glob("*.txt"))
    assert {"TASS", "Sputnik", "MassisPost"} <= {r["outlet"] for r in rows}
    assert all(r["passages"] > 0 and r["title"] for r in rows)
    text = rag("articles", "--corpus", str(CORPUS), index=built_index).stdout
    assert "Kremlin stands up for Russian peacekeepers in Karabakh (TASS, 8 passages)" in text


def test_missing_index_is_a_clear_error(tmp_path):
    done = rag("ask", "Anything?", index=tmp_path / "none")
    assert done.returncode == 2
    assert "python -m rag index" in done.stderr


def test_a_command_warns_when_the_articles_changed_since_the_index(tmp_path, corpus_copy):
    index = tmp_path / "idx"
    assert rag("index", "--corpus", str(corpus_copy), index=index).returncode == 0
    query = '{"query": "5,000 troops stationed", "k": 1}\n'
    fresh = rag("search", "--json", "-", "--corpus", str(corpus_copy), stdin=query, index=index)
    assert fresh.returncode == 0 and "changed since the index was built" not in fresh.stderr
    (corpus_copy / "new_article.txt").write_text("Ferry Strike Ends\n\nThe ferry strike ended on Monday.\n")
    stale = rag("search", "--json", "-", "--corpus", str(corpus_copy), stdin=query, index=index)
    assert stale.returncode == 0 and json.loads(stale.stdout)["results"]  # still answers
    assert "changed since the index was built" in stale.stderr and "python -m rag index" in stale.stderr


def test_eval_runs_from_the_command_line(built_index, tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        '{"question": "How many Russian troops are stationed in Armenia?", "answers": ["5,000"], '
        '"sources": ["003_3de8e0a82d2249ce.txt"], "answerable": true}\n'
        '{"question": "Who won the 2022 FIFA World Cup?", "answers": [], "sources": [], "answerable": false}\n'
    )
    done = rag("eval", str(questions), "--json", index=built_index)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    summary = report["test"]  # a set without splits is all reported
    assert "calibration" not in report
    assert summary["questions"] == 2 and summary["answer_accuracy"] == 1.0
    assert summary["refusal_accuracy"] == 1.0 and summary["citation_accuracy"] == 1.0
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json}\n")
    failed = rag("eval", str(bad), index=built_index)
    assert failed.returncode == 2 and "bad.jsonl:1" in failed.stderr


def test_add_copies_safely_reports_refusals_and_indexes(tmp_path, corpus_copy):
    index = tmp_path / "idx"
    good = tmp_path / "talks.txt"
    good.write_text(
        "Brussels talks\nBRUSSELS, Oct. 6, 2023. Aliyev and Pashinyan met in Brussels on Friday.\n"
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    done = rag("add", str(good), str(empty), "--corpus", str(corpus_copy), index=index)
    assert done.returncode == 1  # one file was refused: scripts can tell
    assert "refused" in done.stderr and "empty.txt" in done.stderr and "the file is empty" in done.stderr
    assert (corpus_copy / "talks.txt").exists() and not (corpus_copy / "empty.txt").exists()
    assert "added: 6" in done.stderr.replace("  ", " ")
    found = rag("search", "--json", "Aliyev Pashinyan Brussels", index=index)
    assert json.loads(found.stdout)["results"][0]["source"] == "talks.txt"


def test_index_exits_1_and_names_bad_files(tmp_path, corpus_copy):
    (corpus_copy / "binary.txt").write_bytes(b"\x00\x01\x02")
    done = rag("index", "--corpus", str(corpus_copy), index=tmp_path / "idx")
    assert done.returncode == 1
    assert "binary.txt" in done.stderr and "NUL bytes" in done.stderr and "added: 5" in done.stderr


def test_search_filters_by_outlet_and_date_and_explains_an_empty_filter(built_index):
    args = ["search", "Peskov peacekeepers", "--json", "-k", "5", "--corpus", str(CORPUS)]
    tass = rag(*args, "--source", "TASS", index=built_index)
    assert tass.returncode == 0, tass.stderr
    results = json.loads(tass.stdout)["results"]
    assert results and {r["source"] for r in results} == {"002_bc626fa2c772027a.txt"}
    two = rag(*args, "--source", "TASS", "--source", "Sputnik", index=built_index)
    assert {r["outlet"] for r in json.loads(two.stdout)["results"]} == {"TASS", "Sputnik"}
    dated = rag(*args, "--since", "2023-09-19", "--until", "2023-09-30", index=built_index)
    assert {r["date"] for r in json.loads(dated.stdout)["results"]} == {"2023-09-19"}
    assert "no known date" in dated.stderr
    nothing = rag(*args, "--source", "Reuters", index=built_index)
    assert nothing.returncode == 1 and "no article matches" in nothing.stderr and "Sputnik" in nothing.stderr
    bad = rag(*args, "--since", "19.09.2023", index=built_index)
    assert bad.returncode == 2 and "not a date" in bad.stderr


def test_search_shows_a_collapsed_duplicate_with_both_sources(built_index):
    out = rag("search", "Did Peskov accept blame on the Russian peacekeepers?", "-k", "4", index=built_index)
    assert out.returncode == 0, out.stderr
    # Anadolu's article (000) has no outlet line, so it is named by its file.
    assert (
        "also in TASS (002_bc626fa2c772027a.txt" in out.stdout
        or "also in 000_187d25106f4b8867.txt" in out.stdout
    )
