import json

import numpy as np
import pytest

from rag.evaluate import (
    EvalItem,
    EvalRow,
    judge_sentences,
    load_questions,
    run_eval,
    sentence_supported,
    summarize,
)
from rag.types import Citation, Message
from tests.conftest import ROOT

DEV = ROOT / "tests" / "data" / "dev.jsonl"


def test_the_development_set_covers_what_it_should():
    items = load_questions(DEV)
    answerable = [i for i in items if i.answerable]
    unanswerable = [i for i in items if not i.answerable]
    assert len(items) >= 60 and len(unanswerable) >= 12
    assert {s for i in answerable for s in i.sources} == {p.name for p in (ROOT / "corpus").glob("*.txt")}
    assert sum(bool(i.history) for i in items) >= 4
    assert sum(len(i.sources) > 1 for i in items) >= 3
    assert all(i.answers for i in answerable)


def answer(text, citations, refused=False, ttft=1.0):
    """An `ask --json` object: the judge reads only the public contract."""
    return {
        "answer": text,
        "refused": refused,
        "citations": [c.to_json() for c in citations],
        "timings": {"retrieve_s": 0.01, "first_token_s": ttft, "total_s": ttft + 0.5},
    }


def test_metrics_on_known_outcomes():
    good = Citation(1, "a.txt", "T", 0, 10, "Russia has about 5,000 troops stationed in Armenia.", 0.9)
    item = EvalItem("How many troops?", ["5,000"], ["a.txt"], True)
    rows = [
        EvalRow(item, answer("Russia has about 5,000 troops stationed in Armenia. [1]", [good])),
        EvalRow(item, answer("Russia has about 7,000 troops in Armenia. [1]", [good])),
        EvalRow(
            EvalItem("Capital of France?", [], [], False), answer("The articles don't say.", [], refused=True)
        ),
        EvalRow(EvalItem("Who won?", [], [], False), answer("Somebody. [1]", [good])),
    ]
    summary = summarize(rows)
    assert summary["answer_accuracy"] == 0.5
    assert summary["citation_accuracy"] == 1.0
    assert summary["citation_precision"] == 0.333  # the 7,000 sentence and "Somebody." are unsupported
    assert summary["refusal_accuracy"] == 0.5
    assert summary["false_refusals"] == 0.0


def test_the_judge_needs_the_numbers_and_most_words():
    cited = ["Russia has about 5,000 troops stationed in Armenia."]
    assert sentence_supported("About 5,000 Russian troops are stationed in Armenia.", cited)
    assert not sentence_supported("About 7,000 Russian troops are stationed in Armenia.", cited)
    assert not sentence_supported("Turkey sent drones to Azerbaijan in October.", cited)
    assert judge_sentences(answer("Uncited claim here.", [])) == (0, 1)


def test_each_sentence_keeps_the_markers_written_after_its_full_stop():
    cited = Citation(
        1, "a.txt", "T", 0, 99, "Russia has about 5,000 troops in Armenia. They guard the border.", 0.9
    )
    two = "Russia has about 5,000 troops in Armenia. [1] They guard the border. [1]"
    assert judge_sentences(answer(two, [cited])) == (2, 2)
    assert judge_sentences(
        answer("Russia has about 5,000 troops in Armenia. They guard the border. [1]", [cited])
    ) == (1, 2)
    quoted = Citation(1, "a.txt", "T", 0, 99, "“Talks failed. The army moved in,” he said.", 0.9)
    assert judge_sentences(answer("“Talks failed. The army moved in,” he said. [1]", [quoted])) == (1, 1)


def test_harness_runs_the_real_pipeline(pipeline, tmp_path):
    subset = [json.loads(line) for line in DEV.read_text().splitlines()]
    picked = [r for r in subset if r["question"].startswith("How many Russian troops")]
    picked += [r for r in subset if not r["answerable"]][:1]
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in picked))
    by_split, rows = run_eval(
        load_questions(path), lambda q, h: pipeline.ask(q, [Message(**m) for m in h]).to_json()
    )
    summary = by_split["calibration"]  # the development set is all calibration: it was tuned on
    assert summary["questions"] == 2
    assert summary["answer_accuracy"] == 1.0 and summary["refusal_accuracy"] == 1.0
    assert summary["first_token_p50_s"] > 0


def test_a_conflict_note_is_judged_by_the_dates_each_side_cites():
    a = Citation(1, "a.txt", "T", 0, 10, "Azerbaijan suspended its measures on Sept. 13.", 0.9)
    b = Citation(
        2, "b.txt", "T", 0, 10, "On September 20, the ministry said the crackdown was suspended.", 0.9
    )
    body = "Azerbaijan suspended its measures on Sept. 13. [1] "
    right = (
        body + "The sources disagree on the date: “T” gives Sept. 13 [1], while TASS gives September 20 [2]."
    )
    wrong = (
        body + "The sources disagree on the date: “T” gives Sept. 13 [1], while TASS gives September 21 [2]."
    )
    assert judge_sentences(answer(right, [a, b])) == (2, 2)
    assert judge_sentences(answer(wrong, [a, b])) == (1, 2)


def test_retrieval_metrics_on_known_rankings():
    from rag.evaluate import retrieval_metrics

    items = [
        EvalItem("q1", ["x"], ["a.txt"], True),
        EvalItem("q2", ["x"], ["b.txt"], True),
        EvalItem("q3", [], [], False),  # unanswerable: not scored
    ]
    rankings = {"q1": ["a.txt", "c.txt"], "q2": ["c.txt", "c.txt", "b.txt"]}
    metrics = retrieval_metrics(items, lambda item, k: rankings[item.question][:k])
    assert metrics["questions"] == 2
    assert metrics["recall@1"] == 0.5 and metrics["recall@5"] == 1.0
    assert metrics["mrr"] == round((1 + 1 / 3) / 2, 3)
    assert metrics["ndcg@10"] == round((1 + 1 / np.log2(3)) / 2, 3)  # b.txt is 2nd distinct source


def test_hybrid_retrieval_finds_the_gold_article_on_the_dev_set(pipeline):
    from rag.condense import condense
    from rag.evaluate import retrieval_metrics
    from rag.retrieve import Retriever

    items = load_questions(DEV)
    table = {
        mode: retrieval_metrics(
            items,
            lambda item, k, r=Retriever(pipeline.index, pipeline.embedder, mode): [
                p.chunk.source
                for p in r.search(condense(item.question, [Message(**m) for m in item.history]), k)
            ],
        )
        for mode in ("dense", "hybrid")
    }
    assert table["hybrid"]["recall@5"] >= 0.98
    assert table["hybrid"]["mrr"] >= table["dense"]["mrr"]


def test_the_judge_imports_nothing_of_the_code_it_judges():
    import ast

    tree = ast.parse((ROOT / "rag" / "evaluate.py").read_text())
    imported = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert not [m for m in imported if m and m.split(".")[0] == "rag"]


def test_every_held_out_set_is_split_in_two_halves_of_the_same_mix(tmp_path):
    for name in ("heldout_seeds", "heldout_lee", "heldout_wiki"):
        items = load_questions(ROOT / "tests" / "data" / f"{name}.jsonl")
        calibration = [i for i in items if i.split == "calibration"]
        test = [i for i in items if i.split == "test"]
        assert len(calibration) == len(test) and len(items) >= 50
        assert sorted(i.kind for i in calibration) == sorted(i.kind for i in test)
        assert {i.kind for i in items if not i.answerable} >= {"nearmiss", "absent"}
        assert any(i.history for i in test) and any(i.kind == "paraphrase" for i in test)
    assert (
        sum(
            len(load_questions(ROOT / "tests" / "data" / f"heldout_{n}.jsonl"))
            for n in ("seeds", "lee", "wiki")
        )
        >= 150
    )
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"question": "q", "split": "train"}) + "\n")
    with pytest.raises(ValueError, match="split"):
        load_questions(bad)


def test_summaries_keep_the_halves_apart():
    from rag.evaluate import summarize_by_split

    cal = EvalItem("q1", ["5,000"], ["a.txt"], True, split="calibration")
    test = EvalItem("q2", ["5,000"], ["a.txt"], True, split="test")
    good = Citation(1, "a.txt", "T", 0, 10, "About 5,000 troops.", 0.9)
    rows = [
        EvalRow(cal, answer("About 5,000 troops. [1]", [good])),
        EvalRow(test, answer("No.", [], refused=True)),
    ]
    by_split = summarize_by_split(rows)
    assert by_split["calibration"]["fact_and_citation"] == 1.0
    assert by_split["test"]["fact_and_citation"] == 0.0 and by_split["test"]["false_refusals"] == 1.0


# --- claim sets for checking drafts ----------------------------------------------------------


@pytest.mark.fast  # no model, no index
def test_the_claim_sets_are_split_in_two_halves_of_the_same_verdict_mix(tmp_path):
    from rag.evaluate import VERDICTS, load_claims

    total = 0
    for name in ("claims_seeds", "claims_lee"):
        items = load_claims(ROOT / "tests" / "data" / f"{name}.jsonl")
        total += len(items)
        for verdict in VERDICTS:
            cal = sum(i.verdict == verdict and i.split == "calibration" for i in items)
            test = sum(i.verdict == verdict and i.split == "test" for i in items)
            assert cal >= 1 and test >= 1 and abs(cal - test) <= 1, (name, verdict)
        kinds = {i.kind for i in items if i.verdict == "contradicted"}
        assert kinds == {"number", "date", "name", "attribution"}
        for item in items:
            if item.verdict in ("contradicted", "mixed"):
                assert item.differs["draft"] in item.claim
    assert total >= 80
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"claim": "c", "verdict": "true"}) + "\n")
    with pytest.raises(ValueError, match="verdict"):
        load_claims(bad)


@pytest.mark.fast  # no model, no index
def test_check_rows_are_judged_from_the_check_json_alone():
    from rag.evaluate import ClaimItem, run_check_eval

    cited = {"n": 1, "source": "a.txt", "text": "Russia has about 5,000 troops stationed in Armenia."}
    items = [
        ClaimItem("Russia has 5,000 troops in Armenia.", "supported", ["a.txt"], split="calibration"),
        ClaimItem("Russia has 3,000 troops in Armenia.", "contradicted", ["a.txt"], {"draft": "3,000", "source": "5,000"}),
        ClaimItem("Russia has 900 tanks in Armenia.", "not_found"),
        ClaimItem("Russia has 2,000 troops in Armenia.", "contradicted", ["a.txt"], {"draft": "2,000", "source": "5,000"}),
    ]  # fmt: skip
    answers = {
        items[0].claim: {"verdict": "supported", "citations": [cited]},
        # Names the values, and rightly.
        items[1].claim: {"verdict": "contradicted", "citations": [cited], "differs": {"draft": "3,000", "source": "5,000"}},
        # Says "supported" with a citation that does not hold its number: a precision miss.
        items[2].claim: {"verdict": "supported", "citations": [cited]},
        # Contradicted, but the source value it names is not in what it cites.
        items[3].claim: {"verdict": "contradicted", "citations": [cited], "differs": {"draft": "2,000", "source": "6,000"}},
    }  # fmt: skip
    by_split, rows = run_check_eval(items, lambda claim: [{"sentence": claim, **answers[claim]}])
    assert (
        by_split["calibration"]["accuracy"] == 1.0 and by_split["calibration"]["supported_precision"] == 1.0
    )
    test = by_split["test"]
    assert test["accuracy"] == round(2 / 3, 3) and test["accuracy_not_found"] == 0.0
    assert test["supported_precision"] == 0.0  # "900 tanks" is not in the cited text
    assert test["contradictions_name_value"] == 0.5 and test["differing_value_right"] == 0.5
