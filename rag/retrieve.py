"""Retrieve: find the passages most relevant to a question.

Hybrid search: dense (FAISS, cosine) and lexical (BM25) rankings are fused with reciprocal rank
fusion. Overlapping chunks of the same article (neighbours share a sentence) are dropped, and a
passage that restates another article's passage (the same quotes in another outlet's words, or
reprinted wire copy) is folded into it as a duplicate, so the prompt is not spent on repeats and
the citation can name every outlet. A filter restricts both rankings to chosen outlets and dates.
Every passage carries its cosine similarity to the question, the calibrated signal the pipeline
uses to decide whether anything relevant was found.
"""

from __future__ import annotations

from datetime import date
from typing import get_args

import numpy as np

from rag.collapse import CANDIDATE_SIMILARITY, is_near_duplicate
from rag.embed import Embedder
from rag.index import Index
from rag.settings import RetrievalMode
from rag.types import Passage, Question, SearchFilter

# Tuned by bench/retrieval.py (BENCHMARKS.md): on the development questions k=10 lifts recall@5
# from 0.984 to 1.0 and MRR from 0.940 to 0.954 over the customary 60; on the Lee set every k from
# 10 to 100 scores the same.
RRF_K = 10
MODES = get_args(RetrievalMode)
# Candidates examined past the k-th passage, only to fold restatements ranked just below it in.
LOOKAHEAD = 4


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


def allowed_ids(index: Index, search_filter: SearchFilter | None) -> np.ndarray | None:
    """The chunk ids a filter lets through (None: no filter, everything)."""
    if search_filter is None or not search_filter.active:
        return None
    ids = [
        chunk_id
        for source, info in index.files.items()
        if search_filter.matches(source, info.get("outlet"), info.get("date"))
        for chunk_id in info["chunk_ids"]
    ]
    return np.array(ids, dtype=np.int64)


def ranked_sources(passages: list[Passage]) -> list[str]:
    """Article names in rank order; a collapsed duplicate's article counts at its passage's rank."""
    return [s for p in passages for s in [p.chunk.source, *(d.source for d in p.duplicates)]]


def make_filter(
    sources: tuple[str, ...] | list[str], since: str | None, until: str | None
) -> SearchFilter | None:
    """A filter from user input, with dates checked (YYYY-MM-DD); None when nothing is restricted."""
    for name, value in (("since", since), ("until", until)):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"--{name} {value!r} is not a date like 2023-09-19") from None
    if since and until and since > until:
        raise ValueError(f"--since {since} is after --until {until}")
    search_filter = SearchFilter(tuple(s.strip() for s in sources if s.strip()), since or None, until or None)
    return search_filter if search_filter.active else None


def checked_filter(
    index: Index, sources: tuple[str, ...] | list[str], since: str | None, until: str | None
) -> SearchFilter | None:
    """`make_filter`, then held against the index: ValueError says why a filter is malformed,
    `FilterMatchesNothing` that it matches no article (with the outlets and dates that exist)."""
    search_filter = make_filter(sources, since, until)
    if search_filter is not None and len(allowed_ids(index, search_filter)) == 0:
        raise FilterMatchesNothing(describe_empty_filter(index, search_filter))
    return search_filter


class FilterMatchesNothing(ValueError):
    """A well-formed filter that no indexed article passes."""


def undated_articles(index: Index) -> int:
    """How many articles a date range leaves out because their date is not known."""
    return sum(1 for article in index.articles() if not article.date)


def describe_empty_filter(index: Index, search_filter: SearchFilter) -> str:
    """Why a filter finds nothing, with the outlets and dates that do exist."""
    outlets = sorted({info["outlet"] for info in index.files.values() if info.get("outlet")})
    dated = sorted(info["date"] for info in index.files.values() if info.get("date"))
    span = f"dated articles run from {dated[0]} to {dated[-1]}" if dated else "no article has a known date"
    return (
        "no article matches the filter; outlets in the index: "
        + (", ".join(outlets) or "none known")
        + f" (file names work too); {span}"
    )


class Retrieve:
    """Stage: (`Question`, filter) → the ``k`` best passages for its standalone form (wide: more
    than the prompt takes, for the decision and the fallback quote to look at)."""

    def __init__(self, retriever: Retriever, k: int):
        self.retriever, self.k = retriever, k

    def run(self, question: Question, search_filter: SearchFilter | None = None) -> list[Passage]:
        return self.retriever.search(question.standalone, self.k, search_filter)


class Retriever:
    def __init__(
        self,
        index: Index,
        embedder: Embedder,
        mode: str = "hybrid",
        collapse: bool = True,
        rrf_k: int = RRF_K,
    ):
        if mode not in MODES:
            raise ValueError(f"unknown retrieval mode {mode!r}: {', '.join(MODES)}")
        self.index = index
        self.embedder = embedder
        self.mode = mode
        self.collapse = collapse
        self.rrf_k = rrf_k

    def search(self, query: str, k: int, search_filter: SearchFilter | None = None) -> list[Passage]:
        """The top ``k`` passages for ``query``, best first, within ``search_filter``."""
        if not query.strip() or not self.index.chunks:
            return []
        allowed = allowed_ids(self.index, search_filter)
        depth = max(20, 4 * k)
        vector = self.embedder.embed_cached([query])[0]
        rankings = []
        if self.mode in ("hybrid", "dense"):
            rankings.append([i for i, _ in self.index.store.search(vector, depth, allowed)])
        if self.mode in ("hybrid", "bm25"):
            rankings.append([i for i, _ in self.index.lexical.search(query, depth, allowed)])
        fused = reciprocal_rank_fusion(rankings, self.rrf_k)
        ordered = [i for i in sorted(fused, key=fused.get, reverse=True) if i in self.index.chunks]
        vectors = self.index.store.vectors(ordered) if ordered else np.zeros((0, len(vector)))
        similarity = vectors @ vector
        passages: list[Passage] = []
        kept_rows: list[int] = []
        lookahead = LOOKAHEAD
        for row, (chunk_id, score) in enumerate(zip(ordered, similarity)):
            if len(passages) == k:
                if not self.collapse or lookahead == 0:
                    break
                lookahead -= 1
            candidate = Passage(self.index.chunks[chunk_id], float(score))
            if any(_overlaps(candidate, kept) for kept in passages):
                continue
            original = self._restated_in(candidate, passages, vectors[row], vectors[kept_rows])
            if original is not None:
                original.duplicates.append(candidate.chunk)
            elif len(passages) < k:
                passages.append(candidate)
                kept_rows.append(row)
        return passages

    def _restated_in(
        self, candidate: Passage, kept: list[Passage], vector: np.ndarray, kept_vectors: np.ndarray
    ) -> Passage | None:
        """The kept passage from another article that ``candidate`` mostly restates, if any."""
        if not self.collapse or not kept:
            return None
        for passage, similarity in zip(kept, kept_vectors @ vector):
            if (
                passage.chunk.source != candidate.chunk.source
                and similarity >= CANDIDATE_SIMILARITY
                and is_near_duplicate(candidate.chunk, passage.chunk, self.embedder.embed_cached)
            ):
                return passage
        return None
