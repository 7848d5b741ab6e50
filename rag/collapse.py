"""Collapse: recognise the same statements carried by different articles.

Outlets quote the same press conference in their own translation ("No one can blame the
peacekeepers..." / "Nobody can say our peacekeepers did something wrong..."), or reprint the
same wire copy. Two sentences are taken as the same statement when their embeddings are at least
`SAME_STATEMENT` similar; two passages are near-duplicates when most of the shorter one's
sentences are restated in the other. Retrieval then keeps one passage and lists the others as
its duplicates, and a citation names every article that carries the cited sentence.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from rag.types import Chunk, Span

Embed = Callable[[list[str]], np.ndarray]

# Measured on the seed articles: the Anadolu/TASS translations of the same Peskov quotes score
# 0.85-0.89; the closest pair of different statements on related topics scores 0.81.
SAME_STATEMENT = 0.84
# Chunks whose whole-passage similarity is below this share too little to be checked sentence by
# sentence (a cheap pre-filter on vectors the index already holds).
CANDIDATE_SIMILARITY = 0.7
NEAR_DUPLICATE_SHARE = 0.5


def sentence_spans(chunk: Chunk) -> list[Span]:
    return chunk.sentences or [Span(chunk.start, chunk.end)]


def shared_share(a: Chunk, b: Chunk, embed: Embed) -> float:
    """The fraction of the shorter chunk's sentences restated in the other (0..1)."""
    texts_a = [a.quote(s) for s in sentence_spans(a)]
    texts_b = [b.quote(s) for s in sentence_spans(b)]
    vectors = embed(texts_a + texts_b)
    similarity = vectors[: len(texts_a)] @ vectors[len(texts_a) :].T
    share_a = float((similarity.max(axis=1) >= SAME_STATEMENT).mean())
    share_b = float((similarity.max(axis=0) >= SAME_STATEMENT).mean())
    return share_a if len(texts_a) <= len(texts_b) else share_b


def is_near_duplicate(a: Chunk, b: Chunk, embed: Embed) -> bool:
    """Whether most of the shorter chunk's sentences are restated in the other (`shared_share`).

    Sentences reprinted word for word (wire copy) count without being embedded: when they alone
    make the share, no sentence is embedded at all, which is most of the retriever's time on an
    archive that carries the same copy many times (BENCHMARKS.md). The verdict is the same.
    """
    texts_a = [a.quote(s) for s in sentence_spans(a)]
    texts_b = [b.quote(s) for s in sentence_spans(b)]
    shorter, longer = (texts_a, set(texts_b)) if len(texts_a) <= len(texts_b) else (texts_b, set(texts_a))
    verbatim = sum(text in longer for text in shorter)
    return (
        verbatim >= NEAR_DUPLICATE_SHARE * len(shorter) or shared_share(a, b, embed) >= NEAR_DUPLICATE_SHARE
    )


def restated_spans(texts: list[str], chunk: Chunk, embed: Embed) -> list[Span]:
    """The sentences of ``chunk`` that restate any of ``texts``, in order."""
    spans = sentence_spans(chunk)
    vectors = embed(texts + [chunk.quote(s) for s in spans])
    similarity = vectors[: len(texts)] @ vectors[len(texts) :].T
    return [s for j, s in enumerate(spans) if similarity[:, j].max() >= SAME_STATEMENT]
