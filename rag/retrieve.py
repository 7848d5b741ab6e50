"""Retrieve: find the passages most relevant to a question.

Hybrid search: dense (FAISS, cosine) and lexical (BM25) rankings are fused with reciprocal rank
fusion, then overlapping chunks of the same article (neighbours share a sentence) are collapsed
so the prompt is not spent on repeats. Every passage carries its cosine similarity to the
question, the calibrated signal the pipeline uses to decide whether anything relevant was found.
"""

from __future__ import annotations

import numpy as np

from rag.embed import Embedder
from rag.index import Index
from rag.types import Passage

RRF_K = 60


def _overlaps(a: Passage, b: Passage) -> bool:
    ca, cb = a.chunk, b.chunk
    if ca.source != cb.source:
        return False
    shared = min(ca.end, cb.end) - max(ca.start, cb.start)
    return shared > 0.5 * min(ca.end - ca.start, cb.end - cb.start)


def reciprocal_rank_fusion(rankings: list[list[int]], k: int = RRF_K) -> dict[int, float]:
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, chunk_id in enumerate(ranking):
            fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (k + rank + 1)
    return fused


class Retriever:
    def __init__(self, index: Index, embedder: Embedder, mode: str = "hybrid"):
        if mode not in ("hybrid", "dense", "bm25"):
            raise ValueError(f"unknown retrieval mode {mode!r}: hybrid, dense or bm25")
        self.index = index
        self.embedder = embedder
        self.mode = mode

    def search(self, query: str, k: int) -> list[Passage]:
        """The top ``k`` passages for ``query``, best first."""
        if not query.strip() or not self.index.chunks:
            return []
        depth = max(20, 4 * k)
        vector = self.embedder.embed([query])[0]
        rankings = []
        if self.mode in ("hybrid", "dense"):
            rankings.append([i for i, _ in self.index.store.search(vector, depth)])
        if self.mode in ("hybrid", "bm25"):
            rankings.append([i for i, _ in self.index.lexical.search(query, depth)])
        fused = reciprocal_rank_fusion(rankings)
        ordered = [i for i in sorted(fused, key=fused.get, reverse=True) if i in self.index.chunks]
        similarity = self.index.store.vectors(ordered) @ vector if ordered else np.zeros(0)
        passages: list[Passage] = []
        for chunk_id, score in zip(ordered, similarity):
            candidate = Passage(self.index.chunks[chunk_id], float(score))
            if any(_overlaps(candidate, kept) for kept in passages):
                continue
            passages.append(candidate)
            if len(passages) == k:
                break
        return passages
