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
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from rag.load import check_size, describe_os_error, file_sha256, list_sources, read_article

MAX_NAME_CHARS = 120


@dataclass
class Added:
    """What became of one offered file: stored (``path``) or refused (``refused`` says why)."""

    name: str  # the name it was offered under
    path: Path | None = None  # where it was stored
    renamed_from: str | None = None  # the name asked for, when another file already had it
    refused: str | None = None

    def describe(self) -> str:
        """One line for the person who offered it."""
        if self.refused:
            return f"{self.name} was not added: {self.refused}"
        renamed = f" (saved as {self.path.name})" if self.renamed_from else ""
        return f"Added {self.name}{renamed}."


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
    return Added(name, target, wanted if target.name != wanted else None)


def add_articles(corpus_dir: Path, files: list[tuple[str, bytes]], max_bytes: int) -> list[Added]:
    """Store each (name, content): one refusal (a bad type, a duplicate...) stops no other file."""
    results = []
    for name, data in files:
        try:
            results.append(add_article(corpus_dir, name, data, max_bytes))
        except (OSError, ValueError) as exc:
            reason = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
            results.append(Added(name, refused=reason))
    return results


TRASH = ".trash"  # hidden, so never indexed


def delete_article(corpus_dir: Path, source: str) -> Path:
    """Take one article out of the corpus by its corpus-relative name; nothing outside the corpus
    can be named. The file is moved to ``corpus/.trash/`` rather than erased, so a slip of the
    mouse loses nothing; returns where it went."""
    root = corpus_dir.resolve()
    target = (corpus_dir / source).resolve()
    if root not in target.parents or not target.is_file() or TRASH in target.relative_to(root).parts:
        raise ValueError(f"no article {source!r} in the corpus")
    trash = corpus_dir / TRASH
    trash.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    kept = trash / f"{stamp}-{target.name}"
    n = 1
    while kept.exists():
        n += 1
        kept = trash / f"{stamp}-{n}-{target.name}"
    os.replace(target, kept)
    return kept


def article_text(corpus_dir: Path, source: str) -> str:
    """The text an article was indexed from (its file's text, or what was read out of HTML/PDF),
    which is what citation offsets point into."""
    path = corpus_dir / source
    return read_article(path.name, path.read_bytes()).text


def surrounding(text: str, start: int, end: int, chars: int = 700) -> tuple[str, str, str]:
    """(before, cited, after): the cited span with up to ``chars`` of context each side, as whole
    lines where the window holds a line break, else cut between words."""
    left = max(0, start - chars)
    if left:
        line = text.find("\n", left, start)
        left = line + 1 if line != -1 else text.find(" ", left, start) + 1
    right = min(len(text), end + chars)
    if right < len(text):
        line = text.rfind("\n", end, right)
        right = line if line != -1 else max(end, text.rfind(" ", end, right))
    return text[left:start], text[start:end], text[end:right]
