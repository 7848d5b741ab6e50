"""Corpus: add articles to the corpus folder safely (uploads from the app, `rag add` from the shell).

A name from outside is never trusted: folders, "..", absolute paths, NUL bytes and odd
characters are stripped, so a file can only land directly inside the corpus folder. The content
is checked with the same rules as indexing before anything is written, an identical article is
refused as a duplicate, and the file is written atomically (a temporary file renamed into place),
so a failed upload leaves nothing behind and never touches the other articles.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from rag.load import check_size, file_sha256, list_sources, read_article

MAX_NAME_CHARS = 120


@dataclass
class Added:
    path: Path
    renamed_from: str | None = None  # the name asked for, when another file already had it


def safe_name(name: str) -> str:
    """A plain file name with no folder part, kept inside the corpus whatever was sent."""
    name = unicodedata.normalize("NFC", name.replace("\x00", ""))
    name = PurePosixPath(name.replace("\\", "/")).name  # drops folders, "..", absolute roots
    name = re.sub(r"[^\w.\- ]+", "_", name).strip(" ._")
    stem, suffix = os.path.splitext(name)
    stem = stem.strip(" ._")[: MAX_NAME_CHARS - len(suffix)]
    if not stem:
        raise ValueError("the file name is empty once unsafe characters are removed")
    return stem + suffix.lower()


def add_article(corpus_dir: Path, name: str, data: bytes, max_bytes: int) -> Added:
    """Store ``data`` as a new article in ``corpus_dir``; ValueError says why it was refused."""
    wanted = safe_name(name)
    check_size(len(data), max_bytes)
    read_article(wanted, data)  # refuse what indexing would refuse, before writing anything
    digest = hashlib.sha256(data).hexdigest()
    corpus_dir.mkdir(parents=True, exist_ok=True)
    for existing in list_sources(corpus_dir):
        if existing.stat().st_size == len(data) and file_sha256(existing) == digest:
            raise ValueError(f"already in the corpus as {existing.relative_to(corpus_dir).as_posix()}")
    stem, suffix = os.path.splitext(wanted)
    target, n = corpus_dir / wanted, 1
    while target.exists():
        n += 1
        target = corpus_dir / f"{stem}-{n}{suffix}"
    root = corpus_dir.resolve()
    if target.resolve().parent != root:  # cannot happen after safe_name; checked all the same
        raise ValueError("refused: the file would land outside the corpus folder")
    tmp = corpus_dir / f".upload-{os.getpid()}-{digest[:12]}"
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return Added(target, wanted if target.name != wanted else None)


def delete_article(corpus_dir: Path, source: str) -> None:
    """Remove one article by its corpus-relative name; nothing outside the corpus can be named."""
    root = corpus_dir.resolve()
    target = (corpus_dir / source).resolve()
    if root not in target.parents or not target.is_file():
        raise ValueError(f"no article {source!r} in the corpus")
    target.unlink()
