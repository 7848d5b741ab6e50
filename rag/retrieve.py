"""Retrieve: find the passages most relevant to a question.

Dense search over the FAISS index, then overlapping chunks of the same article (neighbours
share a sentence) are collapsed so the prompt is not spent on repeats.
"""

from __future__ import annotations

from rag.embed import Embedder
from rag.index import Index
from rag.types import Passage


def _overlaps(a: Passage, b: Passage) -> bool:
    ca, cb = a.chunk, b.chunk
    if ca.source != cb.source:
        return False
    shared = min(ca.end, cb.end) - max(ca.start, cb.start)
    return shared > 0.5 * min(ca.end - ca.start, cb.end - cb.start)


class Retriever:
    def __init__(self, index: Index, embedder: Embedder):
        self.index = index
        self.embedder = embedder

    def search(self, query: str, k: int) -> list[Passage]:
        """The top ``k`` passages for ``query``, best first, scores are cosine similarities."""
        if not query.strip() or not self.index.chunks:
            return []
        vector = self.embedder.embed([query])[0]
        hits = self.index.store.search(vector, k * 3)
        passages: list[Passage] = []
        for chunk_id, score in hits:
            chunk = self.index.chunks.get(chunk_id)
            if chunk is None:
                continue
            candidate = Passage(chunk, score)
            if any(_overlaps(candidate, kept) for kept in passages):
                continue
            passages.append(candidate)
            if len(passages) == k:
                break
        return passages
