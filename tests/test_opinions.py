"""The opinion probe (`rag.opinions`): a sentence's tone read from the real embedder's vector. Each
opinion below is one the word lists of `rag.claims` do not name; each fact is its false-positive
side. None of these sentences is in a claim set the probe was fitted on."""

from __future__ import annotations

import json

import pytest

from rag.check import NOT_A_CLAIM, DraftChecker
from rag.claims import not_a_claim
from rag.opinions import DEFAULT_PROBE, OpinionProbe, OpinionReader

UNNAMED_OPINIONS = [
    "Handing the contract to the mayor's brother-in-law was an insult to taxpayers.",
    "This budget asks far too much of the people who can least afford it.",
    "The new stadium is a monument to vanity that the city will regret for decades.",
    "Fining a pensioner for feeding pigeons is petty bureaucracy at its worst.",
]
FACTS = [
    "The council voted 7-2 on Tuesday to close the Eastgate library by March.",
    "The contract, worth 4.2 million euros, was awarded to Brenner Construction.",
    "The new stadium will seat 42,000 and is due to open in August 2027.",
    "Rescuers pulled three survivors from the rubble late on Wednesday.",
    "The striker has scored in each of his last six matches.",
]
# Somebody's judgement, reported: what they said is a claim, however it reads.
REPORTED = [
    "The opposition leader called the budget an insult to pensioners.",
    "Fining a pensioner for feeding pigeons is petty bureaucracy at its worst, the mayor said.",
]


@pytest.fixture(scope="module")
def tone(embedder):
    reader = OpinionReader.for_embedder(embedder)
    assert reader is not None, "the shipped probe was fitted on the default embedder"
    return reader


@pytest.mark.parametrize("sentence", UNNAMED_OPINIONS)
def test_the_probe_reads_an_opinion_the_word_lists_do_not_name(tone, sentence):
    assert not_a_claim(sentence) == ""  # the word lists alone take it for a claim
    assert not_a_claim(sentence, tone).startswith("an opinion (it reads like one:")


@pytest.mark.parametrize("sentence", FACTS)
def test_a_plain_fact_stays_a_claim(tone, sentence):
    assert tone(sentence) < tone.threshold
    assert not_a_claim(sentence, tone) == ""


@pytest.mark.parametrize("sentence", REPORTED)
def test_a_reported_judgement_stays_a_claim_whatever_the_probe_reads(tone, sentence):
    assert not_a_claim(sentence, tone) == ""


def test_the_draft_check_sets_an_unnamed_opinion_aside_before_any_search(pipeline):
    checker = DraftChecker(pipeline.with_options(check_model="none"))  # no judging model to fall back on
    result = checker.check_sentence(UNNAMED_OPINIONS[1])
    assert result.verdict == NOT_A_CLAIM and "reads like one" in result.reason
    assert result.citations == []
    assert checker.check_sentence(FACTS[0]).verdict != NOT_A_CLAIM


@pytest.mark.fast
def test_the_probe_is_kept_only_for_the_embedder_it_was_fitted_on(tmp_path):
    shipped = OpinionProbe.load()
    assert OpinionProbe.for_embedder(shipped.embedding_model, len(shipped.weights)) is not None
    assert OpinionProbe.for_embedder("some-other-model", len(shipped.weights)) is None
    assert OpinionProbe.for_embedder(shipped.embedding_model, len(shipped.weights) + 1) is None
    assert OpinionProbe.for_embedder(shipped.embedding_model, 384, tmp_path / "missing.json") is None


@pytest.mark.fast
def test_the_shipped_probe_records_how_it_was_fitted():
    data = json.loads(DEFAULT_PROBE.read_text(encoding="utf-8"))
    assert 0.5 <= data["threshold"] < 1.0
    assert data["about"]["opinions"] > 0 and data["about"]["article_sentences"] > 0
