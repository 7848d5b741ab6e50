"""Index: keep the persisted index (vectors, chunks, manifest) in step with the corpus folder.

Layout under the index folder::

    CURRENT            name of the live generation folder
    gen-000007/        manifest.json, chunks.jsonl and the vector store's files

An update writes a complete new generation beside the live one and then replaces ``CURRENT``
atomically, so a crash at any moment leaves either the old or the new index, never a broken one.
Only files whose content hash changed are embedded again.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from rag.chunk import chunk_document
from rag.clean import clean_document, repeated_lines
from rag.embed import Embedder
from rag.lexical import LexicalIndex
from rag.load import LoadError, describe_os_error, file_sha256, list_sources, load_document
from rag.names import NameIndex
from rag.settings import Settings
from rag.store import StoreUnavailable, VectorStore, create_store, load_store
from rag.types import Chunk

FORMAT_VERSION = 5  # bump when chunking, cleaning or tokenizing changes what is stored
ProgressCallback = Callable[[str, int, int], None]  # (stage, done, total)


class IndexNotReady(RuntimeError):
    """The index is missing, broken or built with other settings; the message says what to run."""


@dataclass
class IndexReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    rebuilt_because: str | None = None
    chunks: int = 0
    embedded_chunks: int = 0
    dropped: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # source -> (reason, text)

    @property
    def modified(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.rebuilt_because)


def _index_params(settings: Settings) -> dict:
    """What the stored vectors depend on (the settings tagged "index"): a difference means a rebuild."""
    return {
        "format": FORMAT_VERSION,
        **dict(settings.identity("index")),
        # Another Milvus database means vectors that are not there yet: rebuild into it.
        **({"milvus_uri": settings.milvus_location} if settings.vector_store == "milvus" else {}),
    }


# Values of index settings for manifests written before the setting existed.
_BEFORE_RECORDED = {"embed_backend": "torch"}


def embedding_text(chunk: Chunk) -> str:
    """Chunks are embedded with their article title so a passage carries its story's context."""
    return f"{chunk.title}\n{chunk.text}" if chunk.title and chunk.title not in chunk.text else chunk.text


@dataclass
class Index:
    manifest: dict
    chunks: dict[int, Chunk]
    store: VectorStore
    lexical: LexicalIndex

    @property
    def files(self) -> dict[str, dict]:
        return self.manifest["files"]

    @cached_property
    def names(self) -> NameIndex:
        """Where each word of the archive occurs: built once per loaded generation, on first use."""
        return NameIndex(self.chunks.values())

    @classmethod
    def empty(cls, settings: Settings, dim: int) -> Index:
        manifest = {**_index_params(settings), "dim": dim, "next_id": 0, "files": {}}
        return cls(manifest, {}, create_store(settings, dim), LexicalIndex([], None))

    @classmethod
    def load(cls, index_dir: Path, settings: Settings) -> Index:
        """Load the live generation, checking it is whole and matches ``settings``."""
        current = index_dir / "CURRENT"
        if not current.is_file():
            raise IndexNotReady(f"no index in {index_dir}: run `python -m rag index`")
        gen = index_dir / current.read_text().strip()
        try:
            manifest = json.loads((gen / "manifest.json").read_text())
            chunks = {}
            with open(gen / "chunks.jsonl", encoding="utf-8") as fh:
                for line in fh:
                    chunk = Chunk.from_dict(json.loads(line))
                    chunks[chunk.id] = chunk
            store = load_store(manifest["vector_store"], gen, settings)
            lexical = LexicalIndex.load(gen)
        except StoreUnavailable:
            raise  # a server that is down is not a broken index: say so, rebuild nothing
        except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
            raise IndexNotReady(
                f"the index in {index_dir} is unreadable ({exc}): run `python -m rag index`"
            ) from exc
        expected = _index_params(settings)
        differing = [k for k, v in expected.items() if manifest.get(k, _BEFORE_RECORDED.get(k)) != v]
        if differing:
            raise IndexNotReady(
                f"the index in {index_dir} was built with other settings ({', '.join(differing)}): "
                "run `python -m rag index` to rebuild it"
            )
        if len(store) != len(chunks) or store.dim != manifest.get("dim") or set(lexical.ids) != set(chunks):
            raise IndexNotReady(f"the index in {index_dir} is inconsistent: run `python -m rag index`")
        return cls(manifest, chunks, store, lexical)

    def save(self, index_dir: Path) -> None:
        """Publish this index as a new generation, atomically."""
        index_dir.mkdir(parents=True, exist_ok=True)
        current = index_dir / "CURRENT"
        previous = current.read_text().strip() if current.is_file() else None
        number = 1 + max(
            [int(p.name.split("-")[1]) for p in index_dir.glob("gen-*") if p.name.split("-")[1].isdigit()],
            default=0,
        )
        name = f"gen-{number:06d}"
        for leftover in index_dir.glob(".tmp-gen-*"):  # from an update that was killed mid-write
            shutil.rmtree(leftover, ignore_errors=True)
        tmp = index_dir / f".tmp-{name}"
        tmp.mkdir()
        with open(tmp / "chunks.jsonl", "w", encoding="utf-8") as fh:
            for chunk in sorted(self.chunks.values(), key=lambda c: c.id):
                fh.write(json.dumps(chunk.to_dict(), ensure_ascii=False) + "\n")
        self.store.save(tmp)
        self.lexical.save(tmp)
        (tmp / "manifest.json").write_text(json.dumps(self.manifest, indent=1, ensure_ascii=False))
        for path in tmp.rglob("*"):
            _fsync(path)
        os.replace(tmp, index_dir / name)
        pointer = index_dir / ".CURRENT.tmp"
        pointer.write_text(name)
        _fsync(pointer)
        os.replace(pointer, current)
        _fsync(index_dir)
        self.store.published(index_dir / previous if previous and previous != name else None)
        for old in index_dir.glob("gen-*"):
            if old.name not in (name, previous):
                shutil.rmtree(old, ignore_errors=True)
        if previous and previous != name:
            shutil.rmtree(index_dir / previous, ignore_errors=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def corpus_changed(corpus_dir: Path, indexed: dict[str, dict]) -> bool:
    """True when any article was added, removed or changed since ``indexed`` (an index's files)."""
    sources = {p.relative_to(corpus_dir).as_posix(): p for p in list_sources(corpus_dir)}
    if set(sources) != set(indexed):
        return True
    try:
        return any(file_sha256(p) != indexed[s]["sha256"] for s, p in sources.items())
    except OSError:
        return True  # an unreadable file: let the update report it


def is_stale(settings: Settings) -> bool:
    """True when the index is missing, unloadable, or the corpus changed since it was built."""
    try:
        index = Index.load(settings.index_dir, settings)
    except IndexNotReady:
        return True
    return corpus_changed(settings.corpus_dir, index.files)


def update_index(
    settings: Settings,
    embedder: Embedder,
    progress: ProgressCallback | None = None,
) -> tuple[Index, IndexReport]:
    """Bring the index in ``settings.index_dir`` up to date with ``settings.corpus_dir``."""
    report = IndexReport()
    try:
        index = Index.load(settings.index_dir, settings)
    except IndexNotReady as exc:
        if (settings.index_dir / "CURRENT").is_file():
            report.rebuilt_because = str(exc).split(":")[0]
        index = Index.empty(settings, embedder.dim)

    paths = list_sources(settings.corpus_dir, include_unsupported=True)
    present = {p.relative_to(settings.corpus_dir).as_posix() for p in paths}
    repeated = _repeated_lines(paths, settings.max_file_bytes)
    batch = _EmbedBatch(index, embedder, progress)
    last_checkpoint = time.monotonic()
    for n, path in enumerate(paths):
        source = path.relative_to(settings.corpus_dir).as_posix()
        if progress:
            progress("reading", n, len(paths))
        known = index.files.get(source)
        try:
            doc = load_document(path, settings.corpus_dir, settings.max_file_bytes)
        except (OSError, ValueError) as exc:
            reason = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
            report.errors.append(LoadError(source, reason))
            if known:
                report.unchanged.append(source)  # keep the last good version searchable
            continue
        if known and known["sha256"] == doc.sha256:
            report.unchanged.append(source)
            continue
        doc = clean_document(doc, repeated)
        if doc.dropped:
            report.dropped[source] = [(d.reason, doc.text[d.span.start : d.span.end]) for d in doc.dropped]
        chunks = chunk_document(
            doc, settings.chunk_chars, settings.chunk_overlap_sentences, index.manifest["next_id"]
        )
        if not chunks:
            report.errors.append(LoadError(source, "no article text found after cleaning"))
            continue
        index.manifest["next_id"] += len(chunks)
        (report.changed if known else report.added).append(source)
        batch.add(
            source,
            {
                "sha256": doc.sha256,
                "title": doc.title,
                "outlet": doc.outlet,
                "date": doc.date,
                "chunk_ids": [c.id for c in chunks],
            },
            chunks,
        )
        if batch.full:
            report.embedded_chunks += batch.flush()
            if time.monotonic() - last_checkpoint > CHECKPOINT_SECONDS:
                # A long first build publishes what it has so far: if it is stopped, the next
                # run starts from here instead of from nothing.
                _publish(index, settings)
                last_checkpoint = time.monotonic()
    report.embedded_chunks += batch.flush()
    if progress:
        progress("reading", len(paths), len(paths))

    removed_ids: list[int] = []
    for source in sorted(set(index.files) - present):
        removed_ids.extend(index.files.pop(source)["chunk_ids"])
        report.removed.append(source)
    if removed_ids:
        index.store.delete(np.array(removed_ids, dtype=np.int64))
        for chunk_id in removed_ids:
            index.chunks.pop(chunk_id, None)

    report.chunks = len(index.chunks)
    if report.modified or not (settings.index_dir / "CURRENT").is_file():
        _publish(index, settings)
    return index, report


def _repeated_lines(paths: list[Path], max_bytes: int) -> frozenset[str]:
    """Short lines repeated across the plain-text articles (site furniture); HTML and PDF
    readers strip their own furniture."""
    texts = []
    for path in paths:
        if path.suffix.lower() in (".txt", ".md"):
            try:
                if path.stat().st_size <= max_bytes:
                    texts.append(path.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                continue  # reported when the file itself is read
    return repeated_lines(texts)


# Files are read, cleaned and chunked in batches of about this many chunks, then embedded and
# stored, so memory holds one batch of work beside the index itself, however large the corpus.
BATCH_CHUNKS = 2048
CHECKPOINT_SECONDS = 300.0


class _EmbedBatch:
    """Chunks waiting to be embedded, with the manifest entries that become true once they are."""

    def __init__(self, index: Index, embedder: Embedder, progress: ProgressCallback | None):
        self.index, self.embedder, self.progress = index, embedder, progress
        self.entries: dict[str, dict] = {}
        self.chunks: list[Chunk] = []
        self.embedded = 0

    def add(self, source: str, entry: dict, chunks: list[Chunk]) -> None:
        self.entries[source] = entry
        self.chunks.extend(chunks)

    @property
    def full(self) -> bool:
        return len(self.chunks) >= BATCH_CHUNKS

    def flush(self) -> int:
        """Embed and store the batch; replaced versions of its files leave the index at once."""
        if not self.entries:
            return 0
        chunks, index = self.chunks, self.index
        total = self.embedded + len(chunks)  # all chunks queued so far: the bar grows with the corpus

        def step(n: int) -> None:
            self.embedded += n
            if self.progress:
                self.progress("embedding", self.embedded, total)

        if self.progress:
            self.progress("embedding", self.embedded, total)

        vectors = self.embedder.embed([embedding_text(c) for c in chunks], progress=step)
        replaced = [
            i for source in self.entries if source in index.files for i in index.files[source]["chunk_ids"]
        ]
        if replaced:
            index.store.delete(np.array(replaced, dtype=np.int64))
            for chunk_id in replaced:
                index.chunks.pop(chunk_id, None)
        index.store.add(np.array([c.id for c in chunks], dtype=np.int64), vectors)
        index.chunks.update({c.id: c for c in chunks})
        index.files.update(self.entries)
        self.entries, self.chunks = {}, []
        return len(chunks)


def _publish(index: Index, settings: Settings) -> None:
    """Bring BM25 and the vector search structure in step with the chunks, then save."""
    ordered = sorted(index.chunks.values(), key=lambda c: c.id)
    index.lexical = LexicalIndex.build([c.id for c in ordered], [embedding_text(c) for c in ordered])
    index.store.fit_to_size(settings.ann_threshold)
    index.save(settings.index_dir)
