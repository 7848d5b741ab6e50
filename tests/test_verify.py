"""The verify stage alone: the model's raw text in, a checked and cited answer out (real embedder,
real passages from the shipped articles; no model needed, its text is given)."""

import pytest

from rag.condense import read_question
from rag.types import Passage
from rag.verify import Verify
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def shown(pipeline):
    def find(snippet):
        chunk = next(c for c in pipeline.index.chunks.values() if snippet in c.text)
        return Passage(chunk, 0.7)

    return [find("Russia has about 5,000 troops stationed in Armenia"), find("over 2,000 Karabakh Armenians")]


@pytest.fixture(scope="module")
def verify(pipeline):
    settings = pipeline.settings
    return Verify(pipeline.embedder.embed_cached, pipeline.index.names, settings.min_support)


def quoted(citation) -> str:
    return (CORPUS / citation.source).read_text(encoding="utf-8")[citation.start : citation.end]


def test_a_stated_answer_is_cited_exactly_and_accepted(verify, shown):
    question = read_question("How many Russian troops are stationed in Armenia?")
    result = verify.run(question, "Russia has about 5,000 troops stationed in Armenia [1].", shown, shown)
    assert result.accepted and not result.cited.extractive
    [citation] = result.cited.citations
    assert quoted(citation) == citation.text and "5,000" in citation.text
    assert result.features.right_kind == 1.0 and result.features.model_refused == 0.0


def test_a_model_that_refuses_an_answerable_question_gets_the_passage_quoted(verify, shown):
    question = read_question("How many Karabakh Armenians took shelter with the peacekeepers?")
    result = verify.run(question, "The articles don't say.", shown, shown)
    assert result.cited.extractive and "2,000" in result.cited.text
    assert result.features.model_refused == 1.0 and result.features.quoted == 1.0
    assert all(quoted(c) == c.text for c in result.cited.citations)


def test_an_answer_of_the_wrong_kind_is_replaced_by_one_of_the_right_kind(verify, shown):
    question = read_question("How many Karabakh Armenians took shelter with the peacekeepers?")
    result = verify.run(question, "Armenians took shelter at the peacekeepers' base [2].", shown, shown)
    assert any(ch.isdigit() for ch in result.cited.text)  # a quantity, as "how many" asks


def test_a_quantity_of_something_else_is_weighed_as_half_right(verify, shown):
    question = read_question("How many peacekeepers were killed?")
    result = verify.run(question, "Russia has about 5,000 troops stationed in Armenia [1].", shown, shown)
    assert result.features is not None and result.features.right_kind == 0.5


def test_without_verification_the_markers_are_trusted_as_they_come(pipeline, shown):
    naive = Verify(pipeline.embedder.embed_cached, pipeline.index.names, 0.5, verify_citations=False)
    result = naive.run(read_question("Anything?"), "Something no passage says [2].", shown, shown)
    assert result.accepted and result.features is None
    assert [c.source for c in result.cited.citations] == [shown[1].chunk.source]
