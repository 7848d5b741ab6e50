"""Generator backends, chosen by name (``Settings.generator``): ``local`` or ``openai``."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

from rag.generate.base import Generator
from rag.settings import GeneratorName, Settings

GENERATORS = get_args(GeneratorName)


def create_generator(settings: Settings, model_path: Path | None) -> Generator:
    """The named backend. ``model_path`` is the GGUF file: loaded by ``local``; for ``openai`` it
    only lends its tokenizer, and may be None when the model is not on this machine.

    A new backend is a new module plus one branch here.
    """
    if settings.generator == "local":
        from rag.generate.llama import LlamaGenerator

        assert model_path is not None
        return LlamaGenerator(
            model_path,
            n_ctx=settings.n_ctx,
            n_threads=settings.n_threads,
            seed=settings.seed,
            repeat_penalty=settings.repeat_penalty,
        )
    if settings.generator == "openai":
        from rag.generate.openai_api import OpenAIGenerator

        return OpenAIGenerator(
            base_url=settings.openai_base_url,
            model=settings.served_model,
            api_key=settings.openai_api_key.get_secret_value() if settings.openai_api_key else None,
            n_ctx=settings.n_ctx,
            seed=settings.seed,
            repeat_penalty=settings.repeat_penalty,
            timeout_s=settings.openai_timeout_s,
            tokenizer_path=model_path,
        )
    raise ValueError(f"unknown generator {settings.generator!r}; available: {', '.join(GENERATORS)}")


__all__ = ["GENERATORS", "Generator", "create_generator"]
