"""The small interface every vector store backend implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path

import numpy as np


class StoreUnavailable(RuntimeError):
    """The vector store's engine cannot be reached or failed; the message says which and why.

    Not a broken index: nothing is rebuilt because a server is down.
    """


class VectorStore(ABC):
    """Stores unit vectors under integer ids; search returns (id, cosine similarity) pairs."""

    dim: int

    @abstractmethod
    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None: ...

    @abstractmethod
    def delete(self, ids: np.ndarray) -> None: ...

    @abstractmethod
    def search(
        self, vector: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """The ``k`` nearest ids, best first; with ``allowed``, only among those ids (filters)."""

    @abstractmethod
    def ids(self) -> np.ndarray:
        """Every stored id."""

    def published(self, previous: Path | None = None) -> None:
        """Called once the index generation that includes this store's changes is live.

        ``previous`` is the generation folder it replaced (None for the first). A store shared in
        place by several processes (Milvus) applies its deletions here, so readers of the previous
        generation never lose a row they know, and drops what a rebuild replaced; file stores
        ignore it.
        """
        return None

    def fit_to_size(self, ann_threshold: int) -> None:
        """Choose exact or approximate search for the current size (a backend may ignore it)."""
        return None

    @property
    def kind(self) -> str:
        """A short description of the search structure, for `rag index` and the benchmarks."""
        return type(self).__name__

    @abstractmethod
    def vectors(self, ids: list[int]) -> np.ndarray:
        """The stored vectors for ``ids`` (to score passages found by other means)."""

    @abstractmethod
    def save(self, directory: Path) -> None:
        """Write the store's files into ``directory`` (a fresh folder the caller publishes)."""

    @classmethod
    @abstractmethod
    def load(cls, directory: Path) -> VectorStore: ...

    @abstractmethod
    def __len__(self) -> int: ...
