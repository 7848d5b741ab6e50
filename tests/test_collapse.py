"""The same statement in other outlets' words is recognised; a different statement is not."""

import pytest

from rag.collapse import is_near_duplicate, restated_spans, shared_share
from rag.text import split_sentences
from rag.types import Chunk


def chunk(chunk_id: int, source: str, text: str) -> Chunk:
    return Chunk(chunk_id, source, 0, len(text), text, source, sentences=split_sentences(text))


WIRE = chunk(
    1,
    "wire.txt",
    "The foreign minister said talks would resume in Geneva next week. "
    "He added that both delegations had agreed on an agenda. "
    "Humanitarian convoys reached the city on Tuesday.",
)
REPRINT = chunk(
    2,
    "reprint.txt",
    "Talks will resume in Geneva next week, the foreign minister said. "
    "Both delegations had agreed on an agenda, he added. "
    "Humanitarian convoys reached the city on Tuesday.",
)
OTHER = chunk(
    3,
    "other.txt",
    "The central bank raised interest rates by half a point. "
    "Analysts had expected a smaller increase. "
    "Shares in lenders fell sharply after the announcement.",
)


def test_a_reprint_in_other_words_is_a_near_duplicate(embedder):
    assert shared_share(WIRE, REPRINT, embedder.embed) >= 0.5


def test_a_story_on_another_subject_is_not(embedder):
    assert shared_share(WIRE, OTHER, embedder.embed) == 0.0


def test_restated_sentences_are_found_in_order_and_only_those(embedder):
    quote = "Humanitarian convoys reached the city on Tuesday."
    spans = restated_spans([quote], REPRINT, embedder.embed)
    assert [REPRINT.quote(s) for s in spans] == [quote]
    assert restated_spans(["Interest rates went up by half a point."], WIRE, embedder.embed) == []


def _never_embed(texts):
    raise AssertionError(f"embedded {texts!r}: a verbatim reprint should decide without the encoder")


WORD_FOR_WORD = chunk(
    4,
    "word-for-word.txt",
    "The foreign minister said talks would resume in Geneva next week. "
    "He added that both delegations had agreed on an agenda. "
    "Fighting continued in the north overnight.",
)


def test_a_verbatim_reprint_is_a_near_duplicate_without_embedding_anything():
    assert is_near_duplicate(WIRE, WORD_FOR_WORD, _never_embed)


@pytest.mark.parametrize(
    "a, b",
    [(WIRE, REPRINT), (WIRE, OTHER), (WIRE, WORD_FOR_WORD), (OTHER, WORD_FOR_WORD), (REPRINT, WORD_FOR_WORD)],
)
def test_the_shortcut_decides_as_the_embedded_check_does(embedder, a, b):
    """One verbatim sentence of three is not enough to skip the encoder; the verdict never changes."""
    assert is_near_duplicate(a, b, embedder.embed) == (shared_share(a, b, embedder.embed) >= 0.5)
    assert is_near_duplicate(b, a, embedder.embed) == is_near_duplicate(a, b, embedder.embed)


def test_one_verbatim_sentence_of_three_still_asks_the_encoder():
    """The false-positive side: a shared stock sentence alone does not make a near-duplicate."""
    with pytest.raises(AssertionError, match="embedded"):
        is_near_duplicate(WIRE, REPRINT, _never_embed)  # they share only the Tuesday sentence
