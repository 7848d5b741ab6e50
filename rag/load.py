"""Load: read article files from the corpus folder into `Document`s.

Each file type has its reader (`rag.readers`: text, Markdown, HTML, PDF). A file that cannot be
read is reported with its reason, never silently skipped, and never stops the other files from
loading.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from rag.readers import READERS, ReadText
from rag.types import Document

SUPPORTED_SUFFIXES = tuple(READERS)


@dataclass
class LoadError:
    source: str
    reason: str


DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def list_sources(corpus_dir: Path, include_unsupported: bool = False) -> list[Path]:
    """Article files under ``corpus_dir``, sorted; hidden files skipped.

    With ``include_unsupported``, files of other types are listed too, so that loading them can
    say why they are not indexed instead of passing over them in silence.

    Linked folders are not followed (a link loop cannot trap the walk); a linked file is listed,
    and if its link is broken or loops, loading it reports why.
    """
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus_dir}")
    found = []
    for folder, dirs, files in os.walk(corpus_dir, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(
            Path(folder) / name
            for name in files
            if not name.startswith(".")
            and (include_unsupported or Path(name).suffix.lower() in SUPPORTED_SUFFIXES)
        )
    return sorted(found)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_type(name: str) -> None:
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ValueError(
            f"unsupported file type {suffix or '(none)'!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )


def check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise ValueError(
            f"too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB, set RAG_MAX_FILE_MB to raise it)"
        )


def read_article(name: str, raw: bytes) -> ReadText:
    """The article text in a file's bytes, by its type; ValueError says why it is not usable."""
    check_type(name)
    return READERS[Path(name).suffix.lower()](raw)


def load_document(path: Path, corpus_dir: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file. Raises ValueError (or OSError) with a readable reason when it is not usable."""
    check_type(path.name)
    check_size(path.stat().st_size, max_bytes)
    raw = path.read_bytes()
    found = read_article(path.name, raw)
    return Document(
        source=path.relative_to(corpus_dir).as_posix(),
        text=found.text,
        sha256=hashlib.sha256(raw).hexdigest(),
        title=found.title,
        outlet=found.outlet,
        date=found.date,
        pages=found.pages,
    )


def describe_os_error(exc: OSError) -> str:
    """A short reason for a file that cannot be opened (permissions, a link loop, a broken link)."""
    return exc.strerror or str(exc)


def load_corpus(corpus_dir: Path) -> tuple[list[Document], list[LoadError]]:
    """Every readable article in the folder, plus one `LoadError` per unreadable file."""
    documents: list[Document] = []
    errors: list[LoadError] = []
    for path in list_sources(corpus_dir):
        source = path.relative_to(corpus_dir).as_posix()
        try:
            documents.append(load_document(path, corpus_dir))
        except OSError as exc:
            errors.append(LoadError(source, describe_os_error(exc)))
        except ValueError as exc:
            errors.append(LoadError(source, str(exc)))
    return documents, errors
