"""Ingest: read → clean → chunk → embed → write, for every article that changed.

Called by `python -m rag index`, by the chat's and the CLI's "add articles", and at start-up when
the corpus folder changed. Only files whose content hash changed are read and embedded again;
files are processed in batches of about `BATCH_CHUNKS` chunks, so memory holds one batch beside
the index however large the corpus, and a long first build publishes a checkpoint every
`CHECKPOINT_SECONDS`, so a stopped build resumes from there. Progress is reported per stage.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import TypeVar

import numpy as np

from rag.chunk import chunk_document
from rag.clean import clean_document, repeated_lines
from rag.embed import Embedder
from rag.index import Index, IndexNotReady
from rag.lexical import LexicalIndex
from rag.load import LoadError, describe_os_error, list_sources, load_document
from rag.settings import Settings
from rag.types import Chunk, Document

T = TypeVar("T")
R = TypeVar("R")

ProgressCallback = Callable[[str, int, int], None]  # (stage, done, total)


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


def embedding_text(chunk: Chunk) -> str:
    """Chunks are embedded with their article title so a passage carries its story's context."""
    return f"{chunk.title}\n{chunk.text}" if chunk.title and chunk.title not in chunk.text else chunk.text


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
    known_hashes = {source: entry["sha256"] for source, entry in index.files.items()}
    batch = _EmbedBatch(index, embedder, progress)
    last_checkpoint = time.monotonic()

    def prepare(path: Path) -> _Prepared:
        return _prepare(path, settings, repeated, known_hashes)

    for n, item in enumerate(_read_ahead(prepare, paths, READ_AHEAD_FILES)):
        if progress:
            progress("reading", n, len(paths))
        source, known = item.source, item.source in index.files
        if item.error is not None:
            report.errors.append(item.error)
            if known:
                report.unchanged.append(source)  # keep the last good version searchable
            continue
        if item.unchanged:
            report.unchanged.append(source)
            continue
        doc = item.doc
        if doc.dropped:
            report.dropped[source] = [(d.reason, doc.text[d.span.start : d.span.end]) for d in doc.dropped]
        first_id = index.manifest["next_id"]
        chunks = [replace(c, id=first_id + c.id) for c in item.chunks]
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


@dataclass
class _Prepared:
    """One file read, cleaned and chunked (chunk ids from 0: numbered when added), or why not."""

    source: str
    doc: Document | None = None
    chunks: list[Chunk] = field(default_factory=list)
    error: LoadError | None = None
    unchanged: bool = False


def _prepare(path: Path, settings: Settings, repeated: frozenset[str], known: dict[str, str]) -> _Prepared:
    """Read, clean and chunk one file; ``known`` maps sources to the hash the index holds."""
    source = path.relative_to(settings.corpus_dir).as_posix()
    try:
        doc = load_document(path, settings.corpus_dir, settings.max_file_bytes)
    except (OSError, ValueError) as exc:
        reason = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        return _Prepared(source, error=LoadError(source, reason))
    if known.get(source) == doc.sha256:
        return _Prepared(source, unchanged=True)
    doc = clean_document(doc, repeated)
    chunks = chunk_document(doc, settings.chunk_chars, settings.chunk_overlap_sentences, 0)
    if not chunks:
        return _Prepared(source, error=LoadError(source, "no article text found after cleaning"))
    return _Prepared(source, doc, chunks)


# Files are read, cleaned and chunked by a second thread this many files ahead of the embedding:
# sentence splitting is pure Python, and runs while the encoder (which releases the GIL) works.
READ_AHEAD_FILES = 256


def _read_ahead(work: Callable[[T], R], items: list[T], ahead: int) -> Iterator[R]:
    """``work(item)`` for each item in order, computed up to ``ahead`` items ahead in one
    background thread; its exceptions are raised here, and stopping early stops it."""
    pending: deque[Future[R]] = deque()
    remaining = iter(items)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="read-ahead") as pool:
        try:
            for item in islice(remaining, ahead):
                pending.append(pool.submit(work, item))
            while pending:
                result = pending.popleft().result()
                for item in islice(remaining, 1):
                    pending.append(pool.submit(work, item))
                yield result
        finally:
            for future in pending:
                future.cancel()


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
# stored, so memory holds one batch of work beside the index itself, however large the corpus;
# small enough that the encoder starts soon while the next files are read ahead.
BATCH_CHUNKS = 256
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
