"""Generator backends, chosen by name (``Settings.generator``)."""

from __future__ import annotations

from pathlib import Path

from rag.generate.base import Generator
from rag.settings import Settings


def create_generator(settings: Settings, model_path: Path) -> Generator:
    """The named backend, loaded with ``model_path``. A new backend is a new module plus one line here."""
    if settings.generator == "llama":
        from rag.generate.llama import LlamaGenerator

        return LlamaGenerator(
            model_path,
            n_ctx=settings.n_ctx,
            n_threads=settings.n_threads,
            seed=settings.seed,
        )
    raise ValueError(f"unknown generator {settings.generator!r}; available: llama")


__all__ = ["Generator", "create_generator"]
