"""FAISS backend: exact inner-product search over unit vectors (cosine), ids kept by IndexIDMap2."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

from rag.store.base import VectorStore

FILE_NAME = "vectors.faiss"


class FaissStore(VectorStore):
    def __init__(self, dim: int, index: faiss.Index | None = None):
        self.dim = dim
        self.index = index if index is not None else faiss.IndexIDMap2(faiss.IndexFlatIP(dim))

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids):
            self.index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids.astype(np.int64))

    def delete(self, ids: np.ndarray) -> None:
        if len(ids):
            self.index.remove_ids(np.asarray(ids, dtype=np.int64))

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        if self.index.ntotal == 0:
            return []
        query = np.ascontiguousarray(vector.reshape(1, -1), dtype=np.float32)
        scores, ids = self.index.search(query, min(k, self.index.ntotal))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def vectors(self, ids: list[int]) -> np.ndarray:
        if not ids:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([self.index.reconstruct(int(i)) for i in ids])

    def save(self, directory: Path) -> None:
        faiss.write_index(self.index, str(directory / FILE_NAME))

    @classmethod
    def load(cls, directory: Path) -> FaissStore:
        path = directory / FILE_NAME
        if not path.is_file():
            raise FileNotFoundError(f"missing {path}")
        index = faiss.read_index(str(path))
        return cls(index.d, index)

    def __len__(self) -> int:
        return int(self.index.ntotal)
