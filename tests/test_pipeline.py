"""The whole pipeline with the default model on the shipped articles."""

from rag.answerability import OUT_OF_SCOPE_REPLY
from rag.pipeline import condense
from rag.prompt import REFUSAL
from rag.types import Message
from tests.conftest import CORPUS


def test_answers_with_a_citation_into_the_right_article(pipeline):
    answer = pipeline.ask("How many Russian troops are stationed in Armenia?")
    assert not answer.refused
    assert "5,000" in answer.answer and "[1]" in answer.answer
    assert answer.citations and answer.citations[0].source == "003_3de8e0a82d2249ce.txt"
    for c in answer.citations:
        assert (CORPUS / c.source).read_text(encoding="utf-8")[c.start : c.end] == c.text
    assert 0 < answer.timings.retrieve_s <= answer.timings.first_token_s <= answer.timings.total_s
    assert answer.model.endswith(".gguf")


def test_refuses_when_the_articles_do_not_say(pipeline):
    off_topic = pipeline.ask("What is the capital of France?")
    assert off_topic.refused and off_topic.citations == [] and off_topic.answer == REFUSAL
    near_miss = pipeline.ask("What did Antony Blinken discuss with Pashinyan?")
    assert near_miss.refused and near_miss.citations == []
    assert near_miss.answer.startswith(REFUSAL) and "Antony Blinken" in near_miss.answer
    request = pipeline.ask("Give me a recipe for chocolate chip cookies.")
    assert request.refused and request.citations == [] and request.answer == OUT_OF_SCOPE_REPLY


def test_streams_tokens_then_holds_the_verified_answer(pipeline):
    stream = pipeline.ask_stream("What did Maria Zakharova accuse the Armenian government of?")
    pieces = list(stream)
    assert len(pieces) > 3
    assert stream.answer is not None and "ingratitude" in stream.answer.answer


def test_follow_up_is_answered_from_the_conversation(pipeline):
    history = [
        Message("user", "Who is Maria Zakharova?"),
        Message("assistant", "She is the Russian Foreign Ministry spokeswoman. [1]"),
    ]
    answer = pipeline.ask("What did she accuse the Armenian government of?", history)
    assert "Zakharova" in answer.standalone_question
    assert not answer.refused and "ingratitude" in answer.answer
    assert answer.citations[0].source == "004_ec9ddec3083ffd8f.txt"


def test_follow_up_borrows_the_previous_question():
    history = [Message("user", "Who is Maria Zakharova?"), Message("assistant", "A spokeswoman. [1]")]
    assert "Zakharova" in condense("What did she accuse them of?", history)
    assert condense("How many troops does Russia have in Armenia?", history).startswith("How many")
