"""Load: read article files from the corpus folder into `Document`s.

A file that cannot be read as text is reported with its reason, never silently skipped, and
never stops the other files from loading.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from rag.types import Document

SUPPORTED_SUFFIXES = (".txt", ".md")


@dataclass
class LoadError:
    source: str
    reason: str


def list_sources(corpus_dir: Path) -> list[Path]:
    """Article files under ``corpus_dir``, sorted, hidden files skipped."""
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus_dir}")
    return sorted(
        p
        for p in corpus_dir.rglob("*")
        if p.suffix.lower() in SUPPORTED_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(corpus_dir).parts)
    )


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_document(path: Path, corpus_dir: Path) -> Document:
    """Read one file. Raises ValueError with a readable reason when it is not usable text."""
    raw = path.read_bytes()
    if not raw.strip():
        raise ValueError("the file is empty")
    if b"\x00" in raw:
        raise ValueError("the file contains NUL bytes (binary, not text)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return Document(
        source=path.relative_to(corpus_dir).as_posix(),
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def load_corpus(corpus_dir: Path) -> tuple[list[Document], list[LoadError]]:
    """Every readable article in the folder, plus one `LoadError` per unreadable file."""
    documents: list[Document] = []
    errors: list[LoadError] = []
    for path in list_sources(corpus_dir):
        source = path.relative_to(corpus_dir).as_posix()
        try:
            documents.append(load_document(path, corpus_dir))
        except (OSError, ValueError) as exc:
            errors.append(LoadError(source, str(exc)))
    return documents, errors
