"""Index: the persisted index (vectors, chunks, BM25, manifest), loaded whole and published atomically.

Layout under the index folder::

    CURRENT            name of the live generation folder
    gen-000007/        manifest.json, chunks.jsonl and the vector store's files

An update writes a complete new generation beside the live one and then replaces ``CURRENT``
atomically, so a crash at any moment leaves either the old or the new index, never a broken one.
What goes into it (read → clean → chunk → embed → write) is `rag.ingest`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from rag.clean import BOILERPLATE_FILE
from rag.lexical import LexicalIndex
from rag.load import file_sha256, list_sources
from rag.names import NameIndex
from rag.settings import Settings
from rag.store import StoreUnavailable, VectorStore, create_store, load_store
from rag.types import Article, Chunk

FORMAT_VERSION = 9  # bump when the code of chunking, cleaning or tokenizing changes what is stored


class IndexNotReady(RuntimeError):
    """The index is missing, broken or built with other settings; the message says what to run."""


def _index_params(settings: Settings) -> dict:
    """What the stored chunks and vectors depend on: a difference means a rebuild. The settings
    tagged "index", and the cleaning rules' data file, so editing a rule rebuilds by itself."""
    return {
        "format": FORMAT_VERSION,
        "cleaning_rules": hashlib.sha256(BOILERPLATE_FILE.read_bytes()).hexdigest()[:16],
        **dict(settings.identity("index")),
        # Another Milvus database means vectors that are not there yet: rebuild into it.
        **({"milvus_uri": settings.milvus_location} if settings.vector_store == "milvus" else {}),
    }


# Values of index settings for manifests written before the setting existed.
_BEFORE_RECORDED = {"embed_backend": "torch"}


@dataclass
class Index:
    manifest: dict
    chunks: dict[int, Chunk]
    store: VectorStore
    lexical: LexicalIndex

    @property
    def files(self) -> dict[str, dict]:
        """The manifest's entry per article file (what ingestion writes); readers use `articles`."""
        return self.manifest["files"]

    def articles(self) -> list[Article]:
        """Every indexed article, by title (file name when it has none)."""
        found = [
            Article(
                source, info.get("title") or "", info.get("outlet"), info.get("date"), len(info["chunk_ids"])
            )
            for source, info in self.files.items()
        ]
        return sorted(found, key=lambda a: (a.title or a.source).lower())

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
