"""History: conversations saved in SQLite, so a chat or an API conversation survives a restart.

A conversation is a list of the chat's own message records (``{"role": "user", "content": ...}``
and ``{"role": "assistant", "content": ..., "answer": Answer.to_json(), ...}``), stored as JSON
in order. Every citation is saved with the sha256 of the article it quotes; when a conversation
is reopened each citation is compared with the article on disk now and marked ``"changed"`` or
``"deleted"`` when it no longer quotes the current article, never shown as current.

One short-lived connection per call (WAL mode), so the chat's sessions, the API's threads and
several processes can share the file.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rag.load import file_sha256
from rag.types import Answer

TITLE_CHARS = 80
HISTORY_ERRORS = (OSError, sqlite3.Error)  # the file cannot be written or read: said, never fatal
CURRENT, CHANGED, DELETED = "current", "changed", "deleted"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    record TEXT NOT NULL,
    created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages(conversation_id, id);
"""


class ConversationNotFound(KeyError):
    """No conversation has this id (never created, or deleted)."""

    def __str__(self) -> str:
        return f"no conversation {self.args[0]!r}"


@dataclass(frozen=True)
class ConversationInfo:
    id: str
    title: str
    created: float
    updated: float
    messages: int

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "created": _iso(self.created),
            "updated": _iso(self.updated),
            "messages": self.messages,
        }


def _iso(stamp: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp))


def _citations(record: dict) -> Iterator[dict]:
    """Every citation of an assistant record, the other outlets' ones (also_in) included."""
    for citation in (record.get("answer") or {}).get("citations", []):
        yield citation
        yield from citation.get("also_in", [])


def answer_record(answer: Answer) -> dict:
    """The chat's record of an answer: its `ask --json` form and, for a refusal, the closest
    passages offered instead."""
    record = {"role": "assistant", "content": answer.answer, "answer": answer.to_json()}
    if answer.refused:
        record["closest"] = [
            {
                "source": p.chunk.source,
                "title": p.chunk.title,
                "outlet": p.chunk.outlet,
                "date": p.chunk.date,
                "text": p.chunk.text,
            }
            for p in answer.suggestions()
        ]
    return record


Sha256Of = Callable[[str], str | None]  # article name -> its sha256 (None: no such article)


def indexed_sha256(files: dict[str, dict]) -> Sha256Of:
    """The sha256 of each article as indexed, which is the version an answer quotes (the file on
    disk may have changed since the last index update)."""
    return lambda source: (files.get(source) or {}).get("sha256")


class ArticleHashes:
    """sha256 of corpus articles on disk now, by name, each file read once per (size, mtime)."""

    def __init__(self, corpus_dir: Path):
        self.corpus_dir = corpus_dir
        self._seen: dict[str, tuple[tuple[int, int], str]] = {}

    def __call__(self, source: str) -> str | None:
        path = self.corpus_dir / source
        try:
            stat = path.stat()
        except OSError:
            return None
        version = (stat.st_size, stat.st_mtime_ns)
        known = self._seen.get(source)
        if known is None or known[0] != version:
            try:
                known = (version, file_sha256(path))
            except OSError:
                return None
            self._seen[source] = known
        return known[1]


class ConversationStore:
    def __init__(self, path: Path):
        self.path = Path(path)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=30)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA foreign_keys=ON")
            connection.executescript(_SCHEMA)
            with connection:  # one transaction: committed on success, rolled back on error
                yield connection
        finally:
            connection.close()

    # --- writing ---------------------------------------------------------------------------
    def append(self, conversation_id: str | None, records: list[dict], sha256_of: Sha256Of) -> str:
        """Add ``records`` to a conversation (a new one, titled by its first question, when
        ``conversation_id`` is None); each citation is stamped with the sha256 of the article
        version it quotes (``sha256_of``: `indexed_sha256` of the index that answered)."""
        now = time.time()
        stamped = [self._stamped(record, sha256_of) for record in records]
        with self._connect() as db:
            if conversation_id is None:
                conversation_id = uuid.uuid4().hex
                first = next((r["content"] for r in records if r.get("role") == "user"), "Conversation")
                title = " ".join(first.split())[:TITLE_CHARS] or "Conversation"
                db.execute(
                    "INSERT INTO conversations (id, title, created, updated) VALUES (?, ?, ?, ?)",
                    (conversation_id, title, now, now),
                )
            elif not db.execute(
                "UPDATE conversations SET updated = ? WHERE id = ?", (now, conversation_id)
            ).rowcount:
                raise ConversationNotFound(conversation_id)
            db.executemany(
                "INSERT INTO messages (conversation_id, record, created) VALUES (?, ?, ?)",
                [(conversation_id, json.dumps(r, ensure_ascii=False), now) for r in stamped],
            )
        return conversation_id

    @staticmethod
    def _stamped(record: dict, sha256_of: Sha256Of) -> dict:
        record = json.loads(json.dumps(record))  # a copy, and proof that it is plain JSON
        for citation in _citations(record):
            citation.setdefault("sha256", sha256_of(citation["source"]))
        return record

    def rename(self, conversation_id: str, title: str) -> None:
        title = " ".join(title.split())
        if not title:
            raise ValueError("a conversation's name cannot be empty")
        with self._connect() as db:
            if not db.execute(
                "UPDATE conversations SET title = ? WHERE id = ?", (title, conversation_id)
            ).rowcount:
                raise ConversationNotFound(conversation_id)

    def delete(self, conversation_id: str) -> None:
        with self._connect() as db:
            if not db.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,)).rowcount:
                raise ConversationNotFound(conversation_id)

    # --- reading ---------------------------------------------------------------------------
    def list(self) -> list[ConversationInfo]:
        """Every conversation, the most recently used first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT c.id, c.title, c.created, c.updated, COUNT(m.id) FROM conversations c "
                "LEFT JOIN messages m ON m.conversation_id = c.id GROUP BY c.id ORDER BY c.updated DESC"
            ).fetchall()
        return [ConversationInfo(*row) for row in rows]

    def info(self, conversation_id: str) -> ConversationInfo:
        for conversation in self.list():
            if conversation.id == conversation_id:
                return conversation
        raise ConversationNotFound(conversation_id)

    def load(self, conversation_id: str, hashes: ArticleHashes) -> list[dict]:
        """The conversation's records, each citation marked with its article's status now
        (``"status"``: current, changed or deleted)."""
        with self._connect() as db:
            if db.execute("SELECT 1 FROM conversations WHERE id = ?", (conversation_id,)).fetchone() is None:
                raise ConversationNotFound(conversation_id)
            rows = db.execute(
                "SELECT record FROM messages WHERE conversation_id = ? ORDER BY id", (conversation_id,)
            ).fetchall()
        records = [json.loads(row[0]) for row in rows]
        for record in records:
            for citation in _citations(record):
                citation["status"] = citation_status(citation, hashes)
        return records


def citation_status(citation: dict, hashes: ArticleHashes) -> str:
    """Whether the cited article is still the one quoted: current, changed or deleted."""
    now = hashes(citation["source"])
    if now is None:
        return DELETED
    return CURRENT if now == citation.get("sha256") else CHANGED
