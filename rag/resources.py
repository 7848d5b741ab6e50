"""Resources: what is loaded once per process and shared: the embedder, the live index and the
generators (each loaded model, or each connection to a served one).

Every pipeline over the same index shares one holder (`Resources.shared`): the chat's browser
tabs, the CLI's JSON loop and a server in the same process load nothing twice. The holder is
keyed by the settings tagged as the index's location and identity, and a generator by the
settings tagged as its own (`Settings.identity`): the keys are derived from the tags, never
listed by hand, so a new setting cannot be left out of them. A generator does not depend on the
index, so every holder of the process shares each one: a draft check over another folder's
archive, or a test building its own small archive, does not load the same model again (each
load of the 1.5B judging model kept over a gigabyte).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import ClassVar

from rag.embed import Embedder
from rag.generate import Generator, create_generator
from rag.index import Index
from rag.ingest import IndexReport, ProgressCallback, update_index
from rag.models import ModelNotAvailable, resolve_model
from rag.settings import Settings

IndexKey = tuple[tuple[str, object], ...]


def index_key(settings: Settings) -> IndexKey:
    """Where the index lives and what its vectors depend on."""
    return settings.identity("location") + settings.identity("index")


class Resources:
    """Loaded lazily, each under its own lock, so the model and the embedder can load at once."""

    _registry: ClassVar[dict[IndexKey, Resources]] = {}
    _registry_lock: ClassVar[threading.Lock] = threading.Lock()
    # loaded models and connections, by generator identity and model file: for every holder
    _generators: ClassVar[dict[tuple, Generator]] = {}
    _generator_lock: ClassVar[threading.RLock] = threading.RLock()  # apart: model and embedder load at once

    def __init__(self, settings: Settings):
        self.key = index_key(settings)
        self._settings = settings  # what the embedder and the index are loaded with
        self._lock = threading.RLock()  # loading the embedder and the index
        self._update_lock = threading.Lock()  # one index update at a time
        self._embedder: Embedder | None = None
        self._index: Index | None = None
        self._model_paths: dict[tuple[str, Path], Path] = {}

    @classmethod
    def shared(cls, settings: Settings) -> Resources:
        """The one holder of this process for the index ``settings`` name."""
        key = index_key(settings)
        with cls._registry_lock:
            if key not in cls._registry:
                cls._registry[key] = cls(settings)
            return cls._registry[key]

    def check(self, settings: Settings) -> None:
        """Refuse settings for another index: they would get vectors of another embedding."""
        if index_key(settings) != self.key:
            changed = [name for (name, value) in index_key(settings) if (name, value) not in self.key]
            raise ValueError(f"{', '.join(changed)} cannot change on a running pipeline")

    # --- the embedder and the index ------------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        return self.load_embedder()

    def load_embedder(self, progress: ProgressCallback | None = None) -> Embedder:
        """The embedder, loaded once (its ONNX export made first if missing, shown on ``progress``)."""
        if self._embedder is None:
            with self._lock:
                if self._embedder is None:
                    self._embedder = Embedder.from_settings(self._settings, progress)
        return self._embedder

    @embedder.setter
    def embedder(self, embedder: Embedder) -> None:
        self._embedder = embedder

    @property
    def index(self) -> Index:
        """The live index, loaded on first use (`IndexNotReady` says what to run when it cannot)."""
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = Index.load(self._settings.index_dir, self._settings)
        return self._index

    def update_index(self, progress: ProgressCallback | None = None) -> IndexReport:
        """Embed what changed in the corpus folder and publish the new index; searches meanwhile
        use the last one."""
        with self._update_lock:
            index, report = update_index(self._settings, self.load_embedder(progress), progress)
            self._index = index
        return report

    # --- generators ----------------------------------------------------------------------
    def model_path(self, settings: Settings, progress: ProgressCallback | None = None) -> Path:
        """The GGUF file for ``settings.model``, assembled and checked once per process."""
        key = (settings.model, settings.cache_dir)
        if key not in self._model_paths:
            self._model_paths[key] = resolve_model(settings.model, settings.cache_dir, progress)
        return self._model_paths[key]

    def generator(self, settings: Settings) -> Generator:
        """The model for ``settings``, loaded (or connected to) once per process and shared."""
        served = settings.generator == "openai"
        with self._generator_lock:
            model_file = self._local_tokenizer(settings) if served else self.model_path(settings)
            key = (settings.identity("generator"), str(model_file))
            if key not in self._generators:
                self._generators[key] = create_generator(settings, model_file)
            return self._generators[key]

    def _local_tokenizer(self, settings: Settings) -> Path | None:
        """The served model's GGUF when this machine has it too (exact token counts), else None."""
        try:
            return self.model_path(settings)
        except ModelNotAvailable:
            return None
