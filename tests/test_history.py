"""Saved conversations: SQLite on disk, citations checked against the articles when reopened."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from rag.history import (
    CHANGED,
    CURRENT,
    DELETED,
    ArticleHashes,
    ConversationNotFound,
    ConversationStore,
    indexed_sha256,
)

pytestmark = pytest.mark.fast


def exchange(question: str, source: str, quote: str) -> list[dict]:
    citation = {"n": 1, "source": source, "title": "T", "start": 0, "end": len(quote), "text": quote,
                "score": 0.9, "outlet": None, "date": None, "page": None, "also_in": []}  # fmt: skip
    answer = {"answer": quote + " [1]", "refused": False, "citations": [citation],
              "timings": {"retrieve_s": 0.1, "first_token_s": 0.2, "total_s": 0.3}, "model": "m.gguf"}  # fmt: skip
    return [{"role": "user", "content": question}, {"role": "assistant", "content": quote, "answer": answer}]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Alpha said yes. More text.")
    (folder / "b.txt").write_text("Beta said no.")
    return folder


@pytest.fixture
def store(tmp_path):
    return ConversationStore(tmp_path / "data" / "conversations.sqlite3")


def test_a_conversation_is_saved_listed_and_reopened_after_a_new_store_object(store, corpus):
    conversation = store.append(
        None, exchange("What did Alpha say?", "a.txt", "Alpha said yes."), ArticleHashes(corpus)
    )
    store.append(conversation, exchange("And Beta?", "b.txt", "Beta said no."), ArticleHashes(corpus))
    again = ConversationStore(store.path)  # as after a restart
    [info] = again.list()
    assert info.id == conversation and info.title == "What did Alpha say?" and info.messages == 4
    records = again.load(conversation, ArticleHashes(corpus))
    assert [r["role"] for r in records] == ["user", "assistant", "user", "assistant"]
    cited = records[1]["answer"]["citations"][0]
    assert cited["status"] == CURRENT and len(cited["sha256"]) == 64
    assert records[1]["answer"]["timings"]["total_s"] == 0.3 and records[1]["answer"]["model"] == "m.gguf"


def test_a_changed_or_deleted_article_marks_its_citations(store, corpus):
    conversation = store.append(None, exchange("Alpha?", "a.txt", "Alpha said yes."), ArticleHashes(corpus))
    store.append(conversation, exchange("Beta?", "b.txt", "Beta said no."), ArticleHashes(corpus))
    # The quoted words are still at the same offsets: only the hash can tell the article changed.
    (corpus / "a.txt").write_text("Alpha said yes. Other text now.")
    (corpus / "b.txt").unlink()
    records = store.load(conversation, ArticleHashes(corpus))
    assert records[1]["answer"]["citations"][0]["status"] == CHANGED
    assert records[3]["answer"]["citations"][0]["status"] == DELETED


def test_an_unchanged_rewrite_stays_current(store, corpus):
    conversation = store.append(None, exchange("Alpha?", "a.txt", "Alpha said yes."), ArticleHashes(corpus))
    (corpus / "a.txt").write_text((corpus / "a.txt").read_text())  # touched, same bytes
    assert store.load(conversation, ArticleHashes(corpus))[1]["answer"]["citations"][0]["status"] == CURRENT


def test_rename_delete_and_unknown_ids(store, corpus):
    conversation = store.append(
        None, exchange("  Alpha\n  said? " + "x" * 200, "a.txt", "Alpha"), ArticleHashes(corpus)
    )
    assert (
        store.info(conversation).title.startswith("Alpha said? x")
        and len(store.info(conversation).title) == 80
    )
    store.rename(conversation, "  Alpha notes ")
    assert store.info(conversation).title == "Alpha notes"
    with pytest.raises(ValueError):
        store.rename(conversation, "   ")
    store.delete(conversation)
    assert store.list() == []
    for call in (lambda: store.load(conversation, ArticleHashes(corpus)), lambda: store.delete(conversation),
                 lambda: store.rename(conversation, "x"), lambda: store.append(conversation, [], ArticleHashes(corpus))):  # fmt: skip
        with pytest.raises(ConversationNotFound):
            call()
    with sqlite3.connect(store.path) as db:  # its messages went with it
        assert db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 0


def test_the_most_recent_conversation_is_listed_first(store, corpus):
    first = store.append(None, exchange("First?", "a.txt", "Alpha"), ArticleHashes(corpus))
    second = store.append(None, exchange("Second?", "a.txt", "Alpha"), ArticleHashes(corpus))
    assert [c.id for c in store.list()] == [second, first]
    store.append(first, exchange("More?", "a.txt", "Alpha"), ArticleHashes(corpus))
    assert [c.id for c in store.list()] == [first, second]


def test_concurrent_writers_lose_nothing(store, corpus):
    conversation = store.append(None, exchange("Start?", "a.txt", "Alpha"), ArticleHashes(corpus))

    def write(n: int) -> None:
        for i in range(10):
            store.append(conversation, exchange(f"Q{n}-{i}?", "a.txt", "Alpha"), ArticleHashes(corpus))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.info(conversation).messages == 2 + 4 * 10 * 2


def test_the_stamp_is_the_article_version_that_was_indexed_and_quoted(store, corpus):
    indexed = {"a.txt": {"sha256": ArticleHashes(corpus)("a.txt")}}
    # Edited on disk after the index update that the answer came from: it quoted the old version.
    (corpus / "a.txt").write_text("Alpha said yes. Edited before any re-index.")
    conversation = store.append(None, exchange("Alpha?", "a.txt", "Alpha said yes."), indexed_sha256(indexed))
    assert store.load(conversation, ArticleHashes(corpus))[1]["answer"]["citations"][0]["status"] == CHANGED
