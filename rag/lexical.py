"""Lexical index: BM25 (bm25s) over the same chunks as the vector store.

Dense embeddings blur rare names, places and numbers ("Martakert", "5,000", "Marukyan"); BM25
finds them exactly. It is rebuilt from the stored chunk texts whenever the index is updated
(never per query) and saved in the same generation folder, so both always describe the same chunks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import bm25s
import numpy as np

from rag.text import STOPWORDS, fold, stem

_TOKEN = re.compile(r"\w+", re.UNICODE)
_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")
FOLDER = "bm25"


def tokenize(text: str) -> list[str]:
    """Folded (accents off), Snowball-stemmed words without stopwords: "Dvořák" finds "Dvorak",
    "suspended" finds "suspends", and "5,000" and "5000" are one token."""
    text = _THOUSANDS.sub("", fold(text))
    return [stem(t) for t in _TOKEN.findall(text) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]


class LexicalIndex:
    def __init__(self, ids: list[int], bm25: bm25s.BM25 | None):
        self.ids = ids
        self.bm25 = bm25
        self._positions: dict[int, int] | None = None

    @classmethod
    def build(cls, ids: Sequence[int], texts: Sequence[str]) -> LexicalIndex:
        if not ids:
            return cls([], None)
        bm25 = bm25s.BM25()
        # An empty token list would break bm25s: give such a chunk a token no query contains.
        bm25.index([tokenize(t) or ["\x00"] for t in texts], show_progress=False)
        return cls(list(ids), bm25)

    def search(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The ``k`` best-scoring ids for ``query``; with ``allowed``, only among those ids."""
        tokens = tokenize(query)
        if self.bm25 is None or not tokens:
            return []
        mask = None
        if allowed is not None:
            if self._positions is None:
                self._positions = {chunk_id: n for n, chunk_id in enumerate(self.ids)}
            mask = np.zeros(len(self.ids), dtype=np.float32)
            mask[[self._positions[i] for i in allowed.tolist() if i in self._positions]] = 1.0
        positions, scores = self.bm25.retrieve(
            [tokens], k=min(k, len(self.ids)), show_progress=False, weight_mask=mask
        )
        return [(self.ids[int(p)], float(s)) for p, s in zip(positions[0], scores[0]) if s > 0]

    def save(self, directory: Path) -> None:
        folder = directory / FOLDER
        folder.mkdir()
        (folder / "ids.json").write_text(json.dumps(self.ids))
        if self.bm25 is not None:
            self.bm25.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        folder = directory / FOLDER
        ids = json.loads((folder / "ids.json").read_text())
        bm25 = bm25s.BM25.load(str(folder), show_progress=False) if ids else None
        return cls(ids, bm25)
