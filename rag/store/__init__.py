"""Vector store backends, chosen by name (``Settings.vector_store``): ``faiss`` or ``milvus``."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

from rag.settings import Settings, VectorStoreName
from rag.store.base import StoreUnavailable, VectorStore

STORES = get_args(VectorStoreName)


def create_store(settings: Settings, dim: int) -> VectorStore:
    """A new, empty store of the named backend. A new backend is a new module plus one branch here."""
    if settings.vector_store == "faiss":
        from rag.store.faiss_store import FaissStore

        return FaissStore(dim)
    if settings.vector_store == "milvus":
        from rag.store.milvus_store import MilvusStore

        return MilvusStore.new(dim, settings.milvus_location, _token(settings), settings.milvus_collection)
    raise ValueError(f"unknown vector store {settings.vector_store!r}; available: {', '.join(STORES)}")


def load_store(name: str, directory: Path, settings: Settings) -> VectorStore:
    """The store of an index generation folder, written by the backend ``name``."""
    if name == "faiss":
        from rag.store.faiss_store import FaissStore

        return FaissStore.load(directory)
    if name == "milvus":
        from rag.store.milvus_store import MilvusStore

        return MilvusStore.load(directory, _token(settings))
    raise ValueError(f"unknown vector store {name!r}; available: {', '.join(STORES)}")


def _token(settings: Settings) -> str:
    return settings.milvus_token.get_secret_value() if settings.milvus_token else ""


__all__ = ["STORES", "StoreUnavailable", "VectorStore", "create_store", "load_store"]
