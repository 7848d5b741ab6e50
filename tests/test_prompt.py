import pytest

from rag.prompt import SYSTEM_PROMPT, build_messages
from rag.types import Chunk, Passage

pytestmark = pytest.mark.fast  # no model, no index: the edit-test loop (pytest -m fast)


def passage(i: int, words: int) -> Passage:
    text = " ".join(f"word{i}" for _ in range(words))
    return Passage(
        Chunk(id=i, source=f"{i}.txt", start=0, end=len(text), text=text, title=f"T{i}", outlet="TASS"), 0.9
    )


def count_words(text: str) -> int:  # a stand-in tokenizer: one token per word
    return len(text.split())


def test_passages_are_numbered_in_order_with_their_headers():
    messages, used = build_messages("Who?", [passage(1, 5), passage(2, 5)], count_words, 1000)
    assert messages[0] == {"role": "system", "content": SYSTEM_PROMPT}
    user = messages[1]["content"]
    assert "Passage [1] (T1 (TASS)): word1" in user and "Passage [2] (T2 (TASS)): word2" in user
    assert user.index("[1]") < user.index("[2]") < user.index("Question: Who?")
    assert [p.chunk.id for p in used] == [1, 2]


def test_budget_is_never_exceeded():
    passages = [passage(i, 100) for i in range(1, 6)]
    for budget in (150, 300, 480, 2000):
        messages, used = build_messages("What happened? " * 200, passages, count_words, budget)
        total = sum(count_words(m["content"]) for m in messages)
        assert total <= budget + 10, (budget, total)  # +10: the stand-in tokenizer splits joins differently
        if budget == 2000:
            assert len(used) == 5
        if budget == 150:
            assert used == []  # nothing fits beside the (cut) question: no partial passages
    _, used = build_messages("Short?", passages, count_words, 300)
    assert len(used) == 2  # lower-ranked passages are dropped first
