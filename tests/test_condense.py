from rag.condense import condense
from rag.types import Message

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
