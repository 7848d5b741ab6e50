"""One validated settings object for the CLI, the app and the tests.

Every field can be set from the environment with the ``RAG_`` prefix (``RAG_MODEL``,
``RAG_TOP_K``, ...) or from a ``.env`` file in the working directory.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# The backends and modes there are: each module that implements them lists its names from here.
VectorStoreName = Literal["faiss", "milvus"]
GeneratorName = Literal["local", "openai"]
RetrievalMode = Literal["hybrid", "dense", "bm25"]
EmbedBackend = Literal["torch", "onnx", "onnx-fp32", "openvino"]


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsrag"


def _part_of(*roles: str) -> dict:
    """Tags a field as part of the identity of the index ("index"), its place ("location") or a
    loaded generator ("generator"): cache keys and rebuild checks are derived from the tags."""
    return {"part_of": list(roles)}


class Settings(BaseSettings):
    """Everything a user may want to change, with defaults that work on a 2-core laptop."""

    model_config = SettingsConfigDict(env_prefix="RAG_", env_file=".env", extra="ignore")

    corpus_dir: Path = Field(
        Path("corpus"), description="Folder of articles to index.", json_schema_extra=_part_of("location")
    )
    index_dir: Path = Field(
        Path("index"), description="Where the persisted index lives.", json_schema_extra=_part_of("location")
    )
    cache_dir: Path = Field(
        default_factory=_default_cache_dir, description="Assembled models and the embedder's ONNX exports."
    )
    data_dir: Path | None = Field(
        None, description="Saved conversations (SQLite); empty: a `data` folder beside the index folder."
    )

    max_file_mb: float = Field(10.0, gt=0, description="Larger article files are reported and skipped.")

    embedding_model: str = Field(
        "all-MiniLM-L6-v2",
        description="A packaged embedder name or a local sentence-transformers folder.",
        json_schema_extra=_part_of("index"),
    )
    embed_batch_size: int = Field(32, ge=1)
    # Measured side by side in BENCHMARKS.md ("Embedding backends"): same top passages, faster ingest.
    # torch until the faster backends give the same answers: OpenVINO lost one right answer on each of
    # the seeds and Lee test halves (BENCHMARKS.md, "Embedding backends"), at 1.9x the ingest speed.
    embed_backend: EmbedBackend = Field(
        "openvino",
        description="What runs the embedder: openvino (on an ONNX export made once, at set-up), torch, "
        "onnx (int8) or onnx-fp32. Vectors of two backends are never mixed: a change rebuilds the index.",
        json_schema_extra=_part_of("index"),
    )

    chunk_chars: int = Field(
        600, ge=100, description="Target chunk length in characters.", json_schema_extra=_part_of("index")
    )
    chunk_overlap_sentences: int = Field(
        1, ge=0, description="Sentences shared by neighbours.", json_schema_extra=_part_of("index")
    )

    vector_store: VectorStoreName = Field(
        "faiss",
        description="Vector store backend: faiss (files under index/) or milvus.",
        json_schema_extra=_part_of("index"),
    )
    milvus_uri: str = Field(
        "",
        description="Milvus: a server URI (http://host:19530) or a milvus-lite file; empty: index/milvus.db.",
    )
    milvus_token: SecretStr | None = Field(None, description="Milvus credentials (user:password or API key).")
    milvus_collection: str = Field(
        "newsrag_chunks", description="Milvus collection holding the chunk vectors."
    )
    ann_threshold: int = Field(
        50_000, ge=100, description="From this many chunks on, search an approximate (IVF) index."
    )
    generator: GeneratorName = Field(
        "local",
        description="Generator backend: local (llama.cpp in-process) or openai.",
        json_schema_extra=_part_of("generator"),
    )
    openai_base_url: str = Field(
        "http://127.0.0.1:8000/v1",
        description="openai backend: the chat-completions server's base URL.",
        json_schema_extra=_part_of("generator"),
    )
    openai_model: str = Field(
        "",
        description="openai backend: the served model's name; empty: `model`.",
        json_schema_extra=_part_of("generator"),
    )
    openai_api_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("RAG_OPENAI_API_KEY", "OPENAI_API_KEY", "openai_api_key"),
        description="openai backend: the API key, read from the environment (local servers need none).",
    )
    openai_timeout_s: float = Field(
        120.0, gt=0, description="openai backend: seconds before a request fails."
    )

    api_key: SecretStr | None = Field(
        None, description="`serve`: the key every API request must send (Authorization: Bearer KEY)."
    )

    model: str = Field(
        "qwen2.5-coder-0.5b",
        description="A packaged model name (see `python -m rag models`) or a path to any GGUF.",
        json_schema_extra=_part_of("generator"),
    )
    check_model: str = Field(
        "qwen2.5-coder-1.5b",
        description="`check`: the model that weighs reworded claims the word tests leave undecided "
        "(a packaged name or a GGUF path); 'none': no model, those claims are not found.",
    )
    n_ctx: int = Field(
        4096, ge=512, description="LLM context window in tokens.", json_schema_extra=_part_of("generator")
    )
    n_threads: int = Field(
        default_factory=lambda: os.cpu_count() or 2, ge=1, json_schema_extra=_part_of("generator")
    )
    temperature: float = Field(0.0, ge=0.0, le=2.0)
    max_tokens: int = Field(160, ge=16, description="Longest answer, in tokens.")
    seed: int = Field(0, json_schema_extra=_part_of("generator"))
    repeat_penalty: float = Field(
        1.05,
        ge=0.0,
        description="llama.cpp's repeat penalty; 1.0 sends none (hosted APIs reject it).",
        json_schema_extra=_part_of("generator"),
    )

    retrieval: RetrievalMode = Field("hybrid", description="hybrid (BM25 + dense), dense or bm25.")
    verify_citations: bool = Field(
        True, description="Check each answer sentence against the passages (off: the naive baseline)."
    )
    answerability_checks: bool = Field(
        True, description="Refuse out-of-scope requests, unknown names and answers of the wrong type."
    )
    # Fitted on the calibration halves only (bench/calibrate.py, tables in BENCHMARKS.md).
    min_support: float = Field(
        0.5, description="How well a passage sentence must match an answer sentence to be cited for it."
    )
    # 2 passages, measured against 3 and 4 on tests/data/dev.jsonl: the same answer accuracy, the
    # best citation accuracy, and half the prompt, so half the time to the first token.
    top_k: int = Field(2, ge=1, le=50, description="Passages given to the model.")
    rerank: bool = Field(True, description="Order the candidates by their best sentence (rag.rerank).")
    candidates_k: int = Field(
        8, ge=1, le=50, description="Passages the answerability decision and the fallback quote look at."
    )
    # The lowest best-candidate cosine among the 53 answerable calibration questions was 0.40;
    # near-misses sit as high as answerable ones, so this gate only catches the plainly unrelated.
    min_relevance: float = Field(
        0.30,
        description="Below this cosine similarity nothing retrieved is relevant: refuse before the model runs.",
    )
    answer_check_file: Path | None = Field(
        None, description="Weights of the answer check (bench/calibrate.py fit); empty: the shipped ones."
    )

    @field_validator("generator", mode="before")
    @classmethod
    def _generator_alias(cls, name: str) -> str:
        return "local" if name == "llama" else name  # the backend's name before there were two

    def identity(self, role: str) -> tuple[tuple[str, object], ...]:
        """(name, value) of every field tagged with ``role``: what a cache key or a rebuild check
        must compare, derived from the tags rather than kept as a list by hand."""
        return tuple(
            (name, getattr(self, name))
            for name, field in type(self).model_fields.items()
            if role in ((field.json_schema_extra or {}).get("part_of", []))
        )

    @property
    def check_model_or_none(self) -> str | None:
        """The draft check's judging model, or None when it is turned off ('none')."""
        name = self.check_model.strip()
        return None if name.lower() in ("", "none", "off") else name

    @property
    def served_model(self) -> str:
        """The model name sent to an OpenAI-compatible server."""
        return self.openai_model or self.model

    @property
    def milvus_location(self) -> str:
        """The Milvus server URI, or the absolute path of the milvus-lite file."""
        if "://" in self.milvus_uri:
            return self.milvus_uri
        return str(Path(self.milvus_uri or self.index_dir / "milvus.db").resolve())

    @property
    def conversations_file(self) -> Path:
        """The SQLite file the chat and the API save conversations in."""
        return (self.data_dir or self.index_dir.parent / "data") / "conversations.sqlite3"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


def describe_invalid(error: ValidationError) -> str:
    """A settings error in the words a user set it with: the variable, its value, what is allowed."""
    lines = []
    for problem in error.errors():
        name = ".".join(str(part) for part in problem["loc"])
        lines.append(f"RAG_{name.upper()}={problem.get('input')!r}: {problem['msg']}")
    return "invalid setting " + "; ".join(lines)
