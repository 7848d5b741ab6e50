"""Ingestion: read → clean → chunk → embed → write, only what changed, in batches with checkpoints."""

import json

import pytest

from rag.index import Index, is_stale
from rag.ingest import update_index
from tests.conftest import make_settings


def test_build_then_incremental_update_embeds_only_what_changed(tmp_path, corpus_copy, embedder):
    settings = make_settings(tmp_path, corpus_dir=corpus_copy)
    assert is_stale(settings)
    index, report = update_index(settings, embedder)
    assert len(report.added) == 5 and report.embedded_chunks == report.chunks == len(index.chunks) > 20
    assert not is_stale(settings)

    _, again = update_index(settings, embedder)
    assert again.embedded_chunks == 0 and not again.modified and len(again.unchanged) == 5

    changed = corpus_copy / "002_bc626fa2c772027a.txt"
    changed.write_text(changed.read_text() + "\nA new closing sentence about the ceasefire.\n")
    (corpus_copy / "000_187d25106f4b8867.txt").unlink()
    (corpus_copy / "new.md").write_text("# Extra\n\nThe summit in Granada was held on October 5, 2023.\n")
    assert is_stale(settings)
    index, report = update_index(settings, embedder)
    assert report.changed == ["002_bc626fa2c772027a.txt"]
    assert report.removed == ["000_187d25106f4b8867.txt"]
    assert report.added == ["new.md"]
    changed_chunks = len(index.files["002_bc626fa2c772027a.txt"]["chunk_ids"])
    assert report.embedded_chunks == changed_chunks + len(index.files["new.md"]["chunk_ids"])
    assert {c.source for c in index.chunks.values()} == {p.name for p in corpus_copy.iterdir()}

    reloaded = Index.load(settings.index_dir, settings)
    assert len(reloaded.store) == len(reloaded.chunks) == len(index.chunks)
    manifest = json.loads(
        (settings.index_dir / (settings.index_dir / "CURRENT").read_text() / "manifest.json").read_text()
    )
    assert manifest["embedding_model"] == "all-MiniLM-L6-v2" and manifest["dim"] == 384
    assert manifest["chunk_chars"] == settings.chunk_chars
    assert set(manifest["files"]) == set(index.files)
    assert all(len(f["sha256"]) == 64 for f in manifest["files"].values())
    assert len(list(settings.index_dir.glob("gen-*"))) <= 2  # old generations are cleaned up


def test_unreadable_file_is_reported_and_the_rest_indexed(tmp_path, corpus_copy, embedder):
    (corpus_copy / "broken.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    settings = make_settings(tmp_path, corpus_dir=corpus_copy)
    index, report = update_index(settings, embedder)
    assert [e.source for e in report.errors] == ["broken.txt"]
    assert len(report.added) == 5 and "broken.txt" not in index.files


def test_a_long_build_works_in_batches_and_resumes_from_its_last_checkpoint(
    tmp_path, corpus_copy, embedder, monkeypatch
):
    import rag.ingest

    monkeypatch.setattr(rag.ingest, "BATCH_CHUNKS", 10)  # about one article per batch
    monkeypatch.setattr(rag.ingest, "CHECKPOINT_SECONDS", 0.0)  # publish after every batch
    settings = make_settings(tmp_path, corpus_dir=corpus_copy)
    batches = []

    def stop_after_two_batches(stage, done, total):
        if stage == "embedding" and done == total:
            batches.append(done)
            if len(batches) == 2:
                raise KeyboardInterrupt  # the user gives up half-way

    with pytest.raises(KeyboardInterrupt):
        update_index(settings, embedder, stop_after_two_batches)
    saved = Index.load(settings.index_dir, settings)  # the checkpoint is a whole, valid index
    assert 1 <= len(saved.files) < 5 and len(saved.chunks) == len(saved.store)
    index, report = update_index(settings, embedder)
    assert len(index.files) == 5 and len(report.unchanged) == len(saved.files)
    assert report.embedded_chunks == len(index.chunks) - len(saved.chunks)


def test_reading_ahead_keeps_order_raises_where_the_work_failed_and_stops_with_the_reader():
    from rag.ingest import _read_ahead

    assert list(_read_ahead(lambda n: n * n, list(range(50)), 4)) == [n * n for n in range(50)]

    def fails_at_seven(n):
        if n == 7:
            raise ValueError("seven")
        return n

    got = []
    with pytest.raises(ValueError, match="seven"):
        for n in _read_ahead(fails_at_seven, list(range(20)), 3):
            got.append(n)
    assert got == list(range(7))

    started = []
    reader = _read_ahead(started.append, list(range(1000)), 5)
    next(reader)
    reader.close()  # the consumer stops: the thread does not read on to the end
    assert len(started) < 20
