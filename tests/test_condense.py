import pytest

from rag.condense import condense
from rag.types import Message

pytestmark = pytest.mark.fast  # no model, no index: the edit-test loop (pytest -m fast)


HISTORY = [Message("user", "Who is Maria Zakharova?"), Message("assistant", "A spokeswoman. [1]")]


def test_a_follow_up_borrows_the_previous_question():
    assert (
        condense("What did she accuse them of?", HISTORY)
        == "Who is Maria Zakharova? What did she accuse them of?"
    )
    assert condense("And Peskov?", HISTORY).startswith("Who is Maria Zakharova?")


def test_a_self_contained_question_is_left_alone():
    assert condense("How many troops does Russia have in Armenia?", HISTORY) == (
        "How many troops does Russia have in Armenia?"
    )
    assert condense("What did she accuse them of?", []) == "What did she accuse them of?"


def test_a_follow_up_borrows_names_from_the_previous_answer():
    history = [
        Message("user", "Who chaired the emergency meeting?"),
        Message("assistant", "Kofi Annan chaired the emergency meeting in Geneva. [1]"),
    ]
    standalone = condense("What did he say about the refugees?", history)
    assert "Kofi Annan" in standalone and "Geneva" in standalone
    assert standalone.startswith("Who chaired the emergency meeting?")
    assert standalone.endswith("What did he say about the refugees?")


def test_names_already_in_the_question_are_not_borrowed_twice():
    history = [
        Message("user", "Who is Nikol Pashinyan?"),
        Message("assistant", "Nikol Pashinyan is Armenia's prime minister. [1]"),
    ]
    standalone = condense("What did Pashinyan say?", history)
    assert standalone.count("Nikol Pashinyan") == 1 and "Armenia" in standalone
