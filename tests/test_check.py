"""Checking a draft against the archive: the verdicts on the real index and embedder, the value
comparisons on their own (each heuristic with the case it was written for and a false positive),
and `python -m rag check` as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rag.check import (
    CONTRADICTED,
    MIXED,
    NOT_A_CLAIM,
    NOT_FOUND,
    SUPPORTED,
    DraftChecker,
    differing_value,
    not_a_claim,
)
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def checker(pipeline):
    return DraftChecker(pipeline)


DRAFT = (
    "Russia has about 3,000 troops stationed in Armenia. Over 2,000 Karabakh Armenians took shelter "
    "at the headquarters of the Russian peacekeeping contingent, the Kremlin said.\n\n"
    "Did Russia know in advance? Azerbaijan suspended its counterterrorism measures on Sept. 13. "
    "The European Union offered to host talks between Aliyev and Pashinyan in Brussels.\n"
)


def test_each_sentence_gets_its_verdict_with_verified_citations(checker):
    results = list(checker.check_draft(DRAFT))
    assert [r.verdict for r in results] == [CONTRADICTED, SUPPORTED, NOT_A_CLAIM, MIXED, NOT_FOUND]
    for r in results:
        assert DRAFT[r.start : r.end] == r.sentence  # offsets into the draft
    contradicted, supported, _, mixed, not_found = results
    assert (contradicted.differs.draft, contradicted.differs.source) == ("3,000", "5,000")
    assert contradicted.citations[0].text == "Russia has about 5,000 troops stationed in Armenia."
    assert "2,000" in supported.citations[0].text and supported.citations[0].source.startswith("004")
    # Mixed: one outlet dates it Sept. 13, another September 20; both cited.
    assert {c.source[:3] for c in mixed.citations} == {"000", "002"}
    assert (mixed.differs.draft, mixed.differs.source) == ("Sept. 13", "September 20")
    assert not_found.citations == [] and not_found.differs is None


def test_a_citation_quotes_its_source_file_exactly(checker):
    from tests.conftest import CORPUS

    result = checker.check_sentence("Relations between Baku and Yerevan have been tense since 1994.")
    assert result.verdict == CONTRADICTED and result.differs.source == "1991"
    cited = result.citations[0]
    text = (CORPUS / cited.source).read_text(encoding="utf-8")
    assert text[cited.start : cited.end] == cited.text


def test_who_said_it_is_checked(checker):
    result = checker.check_sentence(
        "Kremlin spokesperson Maria Zakharova said Russia welcomes all efforts to help resolve the Karabakh issue."
    )
    assert result.verdict == CONTRADICTED
    assert (result.differs.draft, result.differs.source) == ("Maria Zakharova", "Peskov")
    right = checker.check_sentence(
        "Peskov said Russia welcomes all efforts to help resolve the Karabakh issue."
    )
    assert right.verdict == SUPPORTED


def test_a_number_word_is_a_value_too(checker):
    wrong = checker.check_sentence(
        "Armenia is a member of the Collective Security Treaty Organization, a Russian-dominated group "
        "comprised of nine post-Soviet states."
    )
    assert wrong.verdict == CONTRADICTED and (wrong.differs.draft, wrong.differs.source) == ("nine", "six")


@pytest.mark.fast  # no model, no index
@pytest.mark.parametrize(
    "sentence, why",
    [
        ("Did Russia know about the offensive in advance?", "a question"),
        ("I think the Kremlin's response was weak.", "an opinion"),
        ("In my view, Armenia should leave the CSTO.", "an opinion"),
        ("## Background", "a heading"),
    ],
)
def test_questions_opinions_and_headings_are_not_claims(sentence, why):
    assert not_a_claim(sentence) == why


@pytest.mark.fast  # no model, no index
@pytest.mark.parametrize(
    "sentence",
    [
        "Peskov said Moscow should not be blamed for the fighting.",  # "should", but someone said it
        "Russia has about 5,000 troops stationed in Armenia.",
        "Clear skies were forecast for Yerevan on Tuesday.",  # opens on a word like "clearly", is not one
    ],
)
def test_statements_are_claims_even_with_should_or_a_clear_opening(sentence):
    assert not_a_claim(sentence) == ""


@pytest.mark.fast  # no model, no index
def test_differing_value_names_the_value_on_both_sides():
    found = differing_value(
        "Police walked the final 20 kilometres to reach the tourists.",
        "Police officers had to walk the final 12 kilometres to reach the stranded tourists.",
    )
    assert found is not None and (found.differs.draft, found.differs.source, found.differs.kind) == (
        "20",
        "12",
        "number",
    )
    dated = differing_value(
        "Putin held a telephone conversation with Pashinyan on September 22.",
        "Putin held a telephone conversation with Pashinyan on September 20.",
    )
    assert (dated.differs.draft, dated.differs.source, dated.differs.kind) == (
        "September 22",
        "September 20",
        "date",
    )


@pytest.mark.fast  # no model, no index
def test_differing_value_false_positives():
    # Same topic, another fact: two of the claim's values are missing, so it is another event.
    assert (
        differing_value(
            "Azerbaijan's military operation killed 200 people on September 19.",
            "Over 2,000 Karabakh Armenians took shelter on September 20.",
        )
        is None
    )
    # A name the sentence before gives ("he said") is no difference.
    assert (
        differing_value(
            "Peskov said the peacekeepers show real heroism.",
            "The peacekeepers show real heroism, he said.",
            context="Kremlin spokesman Dmitry Peskov spoke on Monday.",
        )
        is None
    )
    # Nothing differs at all.
    assert (
        differing_value("Russia has 5,000 troops in Armenia.", "Russia has 5,000 troops in Armenia.") is None
    )


def test_the_cli_prints_a_report_and_json_lines(pipeline, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("# Notes\n\n- Russia has about 3,000 troops stationed in Armenia.\n", encoding="utf-8")
    env_args = ["--index", str(pipeline.settings.index_dir)]
    run = subprocess.run(
        [sys.executable, "-m", "rag", "check", str(draft), *env_args],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "CONTRADICTED" in run.stdout and "'3,000'" in run.stdout and "'5,000'" in run.stdout
    assert "NOT A CLAIM: # Notes" in run.stdout
    run = subprocess.run(
        [sys.executable, "-m", "rag", "check", "-", "--json", *env_args],
        input=draft.read_text(), cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [x["verdict"] for x in lines] == ["not_a_claim", "contradicted"]
    contradicted = lines[1]
    assert contradicted["differs"] == {"draft": "3,000", "source": "5,000", "kind": "number"}
    assert set(contradicted["citations"][0]) >= {"n", "source", "title", "start", "end", "text", "also_in"}


def test_the_cli_refuses_bad_input_with_a_message(pipeline, tmp_path):
    args = ["--index", str(pipeline.settings.index_dir)]
    (tmp_path / "draft.docx").write_bytes(b"PK")
    (tmp_path / "empty.txt").write_text("  \n")
    for path, message in (
        (tmp_path / "draft.docx", "a .txt or .md file"),
        (tmp_path / "missing.txt", "no such file"),
        (tmp_path / "empty.txt", "the draft is empty"),
    ):
        run = subprocess.run(
            [sys.executable, "-m", "rag", "check", str(path), *args],
            cwd=ROOT, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert run.returncode == 2 and message in run.stderr, run.stderr


def test_rag_eval_scores_a_claim_set_by_half(pipeline, tmp_path):
    claims = tmp_path / "claims.jsonl"
    lines = [
        {"claim": "Russia has about 5,000 troops stationed in Armenia.", "verdict": "supported",
         "sources": ["003_3de8e0a82d2249ce.txt"], "split": "calibration"},
        {"claim": "Russia has about 3,000 troops stationed in Armenia.", "verdict": "contradicted",
         "sources": ["003_3de8e0a82d2249ce.txt"], "differs": {"draft": "3,000", "source": "5,000"}, "split": "test"},
        {"claim": "Did Russia know?", "verdict": "not_a_claim", "split": "test"},
    ]  # fmt: skip
    claims.write_text("".join(json.dumps(x) + "\n" for x in lines))
    run = subprocess.run(
        [sys.executable, "-m", "rag", "eval", str(claims), "--json", "--index", str(pipeline.settings.index_dir)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.splitlines()[-1])
    assert report["mode"] == "check"
    assert report["calibration"]["claims"] == 1 and report["calibration"]["accuracy"] == 1.0
    assert report["test"]["accuracy"] == 1.0 and report["test"]["contradictions_name_value"] == 1.0


@pytest.mark.fast  # no model, no index
def test_a_date_is_compared_with_the_date_of_the_same_month():
    found = differing_value(
        "Talks broke down after the December 18 raid on the parliament.",
        "Leaders will meet at the January 4-6 summit; talks broke down after the December 13 raid on the parliament.",
    )
    assert (found.differs.draft, found.differs.source) == ("December 18", "December 13")
