"""Encoders: the engines that run the sentence-embedding model, chosen by name (RAG_EMBED_BACKEND).

* ``torch``: sentence-transformers on PyTorch, full precision (the reference);
* ``onnx``: ONNX Runtime on the int8-quantized export (rag.onnx_export);
* ``onnx-fp32``: ONNX Runtime on the plain full-precision export;
* ``openvino``: OpenVINO on the plain export, at the precision OpenVINO picks for the CPU: bfloat16
  where the CPU computes it natively (AVX512-BF16 or AMX, as on this project's machines), float32
  elsewhere. The fastest measured here, with PyTorch's top passages (BENCHMARKS.md).

Every encoder returns float32 vectors of unit length for a batch of texts. The ONNX and OpenVINO
encoders tokenize with the model's own ``tokenizer.json`` (the fast tokenizer sentence-transformers
uses), truncated at the model's ``max_seq_length``, so they see exactly the tokens PyTorch sees.
"""

from __future__ import annotations

import json
import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import get_args

import numpy as np

from rag.onnx_export import INPUT_NAMES, ProgressCallback, discard, exported_model
from rag.settings import EmbedBackend

EMBED_BACKENDS: tuple[str, ...] = get_args(EmbedBackend)


def _threads() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _unit(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class Encoder(ABC):
    """Turns a batch of texts into unit vectors."""

    backend: str
    dim: int

    @abstractmethod
    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class TorchEncoder(Encoder):
    backend = "torch"

    def __init__(self, model_dir: str):
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(model_dir, device="cpu")
        self.dim = int(self.model.get_embedding_dimension())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.model.encode(
            list(texts), batch_size=max(1, len(texts)), normalize_embeddings=True, convert_to_numpy=True
        )


class _ExportedEncoder(Encoder):
    """Tokenizes like sentence-transformers, then runs the exported graph."""

    def __init__(self, model_dir: str):
        from tokenizers import Tokenizer

        folder = Path(model_dir)
        config = folder / "sentence_bert_config.json"
        max_tokens = json.loads(config.read_text()).get("max_seq_length", 512) if config.is_file() else 512
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_tokens)
        pad_id = self.tokenizer.token_to_id("[PAD]") or 0
        self.tokenizer.enable_padding(pad_id=pad_id, pad_token="[PAD]")
        self.dim = 0  # set by the subclass from its first run

    def _feeds(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        encoded = self.tokenizer.encode_batch(list(texts))
        return {
            "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encoded], dtype=np.int64),
        }

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _unit(self._run(self._feeds(texts)))

    @abstractmethod
    def _run(self, feeds: dict[str, np.ndarray]) -> np.ndarray: ...

    def _load_export(
        self, model_dir: str, cache_dir: Path, variant: str, progress: ProgressCallback | None, load: Callable
    ):
        """``load(path)`` of the cached export; an export that passed its hash but does not load is
        discarded and made again, once."""
        self.path = exported_model(Path(model_dir), cache_dir, variant, progress)
        try:
            return load(self.path)
        except Exception:  # noqa: BLE001 - any failure to load means the file is not usable
            discard(self.path)
            self.path = exported_model(Path(model_dir), cache_dir, variant, progress)
            return load(self.path)


class OnnxEncoder(_ExportedEncoder):
    def __init__(
        self, model_dir: str, cache_dir: Path, variant: str, progress: ProgressCallback | None = None
    ):
        import onnxruntime as ort

        super().__init__(model_dir)
        self.backend = "onnx" if variant == "int8" else "onnx-fp32"
        options = ort.SessionOptions()
        options.intra_op_num_threads = _threads()
        options.log_severity_level = 3  # warnings about unused initializers are not the user's concern
        self.session = self._load_export(
            model_dir,
            cache_dir,
            variant,
            progress,
            lambda path: ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"]),
        )
        self.dim = int(self._run(self._feeds(["dimension probe"])).shape[1])

    def _run(self, feeds: dict[str, np.ndarray]) -> np.ndarray:
        return self.session.run(None, feeds)[0]


class OpenVinoEncoder(_ExportedEncoder):
    """Two compilations of one export: a latency one for the few texts of a question, and a
    throughput one (a stream per core, sub-batches in flight together) for ingestion's batches,
    measured 9% faster there and slower for a single text (BENCHMARKS.md)."""

    backend = "openvino"
    SUB_BATCH = 16  # texts per stream in a large batch

    def __init__(self, model_dir: str, cache_dir: Path, progress: ProgressCallback | None = None):
        import openvino as ov

        super().__init__(model_dir)
        self.core = ov.Core()
        self.compiled = self._load_export(
            model_dir, cache_dir, "fp32", progress, lambda path: self._compile(path, "LATENCY")
        )
        self.request = self.compiled.create_infer_request()
        self._queue = None  # the throughput compilation, made at the first large batch
        self.lock = threading.Lock()  # one batch at a time through either compilation
        self.dim = int(self._run(self._feeds(["dimension probe"])).shape[1])

    def _compile(self, path: Path, hint: str):
        config = {"PERFORMANCE_HINT": hint}
        if hint == "LATENCY":
            config["INFERENCE_NUM_THREADS"] = _threads()
        return self.core.compile_model(str(path), "CPU", config)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) <= self.SUB_BATCH:
            return super().encode(texts)
        import openvino as ov

        with self.lock:
            if self._queue is None:
                compiled = self._compile(self.path, "THROUGHPUT")
                jobs = int(compiled.get_property("OPTIMAL_NUMBER_OF_INFER_REQUESTS"))
                self._queue = ov.AsyncInferQueue(compiled, max(1, jobs))
            out = np.zeros((len(texts), self.dim), dtype=np.float32)

            def store(request, rows: slice) -> None:
                out[rows] = request.get_output_tensor(0).data

            self._queue.set_callback(store)
            for start in range(0, len(texts), self.SUB_BATCH):
                rows = slice(start, start + self.SUB_BATCH)
                feeds = self._feeds(texts[rows])
                self._queue.start_async({name: feeds[name] for name in INPUT_NAMES}, rows)
            self._queue.wait_all()
        return _unit(out)

    def _run(self, feeds: dict[str, np.ndarray]) -> np.ndarray:
        with self.lock:
            return np.array(self.request.infer({name: feeds[name] for name in INPUT_NAMES})[0])


def create_encoder(
    backend: str, model_dir: str, cache_dir: Path, progress: ProgressCallback | None = None
) -> Encoder:
    """The encoder named ``backend`` for the model in ``model_dir`` (exports cached in ``cache_dir``)."""
    if backend == "torch":
        return TorchEncoder(model_dir)
    if backend in ("onnx", "onnx-fp32"):
        return OnnxEncoder(model_dir, cache_dir, "int8" if backend == "onnx" else "fp32", progress)
    if backend == "openvino":
        return OpenVinoEncoder(model_dir, cache_dir, progress)
    raise ValueError(f"unknown embedding backend {backend!r}: use one of {', '.join(EMBED_BACKENDS)}")
