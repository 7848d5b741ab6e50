"""The decision before the model runs: refuse (with the reason) or which passages it sees."""

import pytest

from rag.condense import read_question
from rag.decide import (
    EMPTY_QUESTION,
    NO_RELEVANT_PASSAGE,
    NOT_IN_ARCHIVE,
    OUT_OF_SCOPE,
    decide,
)
from rag.names import NameIndex
from rag.types import Chunk, Passage

pytestmark = pytest.mark.fast  # no model, no index: the edit-test loop (pytest -m fast)


CHUNKS = [
    Chunk(0, "a.txt", 0, 60, "The council met on Monday to discuss the new port budget.", "Port"),
    Chunk(1, "b.txt", 0, 60, "Harbour traffic rose by a fifth over the summer months.", "Traffic"),
    Chunk(2, "c.txt", 0, 60, "Mayor Ingrid Solberg said the port budget would double.", "Budget"),
]
NAMES = NameIndex(CHUNKS)


def passages(*scores):
    return [Passage(CHUNKS[i], s) for i, s in scores]


def no_carrier(chunk_ids):
    raise AssertionError("not needed")


def run(question, candidates, carrier=no_carrier, min_relevance=0.3):
    return decide(read_question(question), candidates, 2, NAMES, carrier, min_relevance)


def test_a_name_no_article_mentions_is_refused_and_named():
    decision = run("What did Governor Tom Haverford say about the port?", passages((0, 0.7), (1, 0.5)))
    assert decision.refusal == NOT_IN_ARCHIVE and decision.missing == ["Governor Tom Haverford"]


def test_a_name_in_the_archive_but_not_in_the_top_passages_is_brought_in():
    brought = Passage(CHUNKS[2], 0.4)
    decision = run(
        "What did Solberg say about the budget?", passages((0, 0.7), (1, 0.5)), lambda name: brought
    )
    assert decision.refusal is None
    assert [p.chunk.id for p in decision.passages] == [2, 0]


def test_a_name_already_carried_needs_nothing_more():
    decision = run("What did Solberg say?", passages((2, 0.6), (0, 0.5)))
    assert decision.refusal is None and [p.chunk.id for p in decision.passages] == [2, 0]


def test_nothing_relevant_and_other_reasons():
    assert run("Why did the council meet?", passages((0, 0.1))).refusal == NO_RELEVANT_PASSAGE
    assert run("   ", passages((0, 0.9))).refusal == EMPTY_QUESTION
    assert run("Write me a poem about the harbour", passages((1, 0.9))).refusal == OUT_OF_SCOPE


def test_an_ordinary_question_is_let_through_with_the_top_passages():
    decision = run("Describe how harbour traffic changed.", passages((1, 0.6), (0, 0.4), (2, 0.3)))
    assert decision.refusal is None and [p.chunk.id for p in decision.passages] == [1, 0]
