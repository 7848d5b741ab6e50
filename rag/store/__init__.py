"""Vector store backends, chosen by name (``Settings.vector_store``)."""

from __future__ import annotations

from rag.store.base import VectorStore


def create_store(name: str, dim: int) -> VectorStore:
    """A new, empty store of the named backend. A new backend is a new module plus one line here."""
    if name == "faiss":
        from rag.store.faiss_store import FaissStore

        return FaissStore(dim)
    raise ValueError(f"unknown vector store {name!r}; available: faiss")


def load_store(name: str, directory) -> VectorStore:
    if name == "faiss":
        from rag.store.faiss_store import FaissStore

        return FaissStore.load(directory)
    raise ValueError(f"unknown vector store {name!r}; available: faiss")


__all__ = ["VectorStore", "create_store", "load_store"]
