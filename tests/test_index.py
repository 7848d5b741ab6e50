"""The persisted index: published atomically, checked on load, rebuilt when what it depends on changes."""

import json

import pytest

from rag.index import Index, IndexNotReady
from rag.ingest import update_index
from tests.conftest import make_settings


def test_a_crash_while_writing_leaves_the_previous_index_loadable(
    tmp_path, corpus_copy, embedder, monkeypatch
):
    settings = make_settings(tmp_path, corpus_dir=corpus_copy)
    update_index(settings, embedder)
    before = Index.load(settings.index_dir, settings)
    (corpus_copy / "extra.txt").write_text("Breaking: a new article about Lachin corridor talks.")

    def crash(self, directory):
        raise KeyboardInterrupt("killed mid-write")

    from rag.store.faiss_store import FaissStore

    monkeypatch.setattr(FaissStore, "save", crash)
    with pytest.raises(KeyboardInterrupt):
        update_index(settings, embedder)
    monkeypatch.undo()
    after = Index.load(settings.index_dir, settings)
    assert set(after.files) == set(before.files)
    _, report = update_index(settings, embedder)  # re-running completes the update
    assert report.added == ["extra.txt"]


def test_other_chunking_settings_force_a_clear_rebuild(tmp_path, corpus_copy, embedder):
    settings = make_settings(tmp_path, corpus_dir=corpus_copy)
    update_index(settings, embedder)
    other = make_settings(tmp_path, corpus_dir=corpus_copy, chunk_chars=300)
    with pytest.raises(IndexNotReady, match="chunk_chars"):
        Index.load(other.index_dir, other)
    index, report = update_index(other, embedder)
    assert report.rebuilt_because and report.embedded_chunks == len(index.chunks)


def test_an_edited_cleaning_rule_forces_a_rebuild_by_itself(tmp_path, corpus_copy, embedder, monkeypatch):
    import rag.index

    settings = make_settings(tmp_path, corpus_dir=corpus_copy)
    update_index(settings, embedder)
    Index.load(settings.index_dir, settings)  # unchanged rules: loads
    rules = tmp_path / "boilerplate.toml"
    rules.write_text(rag.index.BOILERPLATE_FILE.read_text() + '\nextra = ["follow us on mastodon"]\n')
    monkeypatch.setattr(rag.index, "BOILERPLATE_FILE", rules)
    with pytest.raises(IndexNotReady, match="cleaning_rules"):
        Index.load(settings.index_dir, settings)


def test_garbled_index_is_detected_with_a_clear_message(tmp_path, corpus_copy, embedder):
    settings = make_settings(tmp_path, corpus_dir=corpus_copy)
    update_index(settings, embedder)
    live = settings.index_dir / (settings.index_dir / "CURRENT").read_text()
    (live / "vectors.faiss").write_bytes(b"garbage")
    with pytest.raises(IndexNotReady, match="rag index"):
        Index.load(settings.index_dir, settings)
    index, _ = update_index(settings, embedder)  # repaired by re-indexing
    assert len(Index.load(settings.index_dir, settings).chunks) == len(index.chunks)


def test_sigkill_at_random_moments_never_leaves_a_broken_index(tmp_path, corpus_copy, embedder):
    """Kill `rag index` 20 times while it updates; the index must always load, then complete."""
    import random
    import subprocess
    import sys
    import time

    from rag.retrieve import Retriever
    from tests.conftest import ROOT

    settings = make_settings(tmp_path, corpus_dir=corpus_copy)
    update_index(settings, embedder)
    command = [
        sys.executable,
        "-m",
        "rag",
        "index",
        "--corpus",
        str(corpus_copy),
        "--index",
        str(settings.index_dir),
    ]

    def add_round(round_number: int) -> None:
        (corpus_copy / f"extra{round_number}.txt").write_text(
            f"Round {round_number}: officials met in Brussels. " * 40 + "Peskov commented on the talks."
        )
        if round_number % 4 == 0:
            (corpus_copy / f"extra{round_number // 2}.txt").unlink(missing_ok=True)

    # How long one update takes on this machine now: the kills land anywhere within it (a fixed
    # range made most runs finish first on a fast, quiet machine).
    add_round(100)
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, capture_output=True, timeout=300, check=True)
    duration = time.monotonic() - started
    rng = random.Random(20231919)
    killed_mid_run = 0
    for round_number in range(20):
        add_round(round_number)
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, duration))
        killed_mid_run += process.poll() is None
        process.kill()
        process.wait()
        index = Index.load(settings.index_dir, settings)  # the old or the new one, never a broken one
        assert len(index.store) == len(index.chunks) == len(index.lexical.ids) > 0
        assert Retriever(index, embedder).search("Peskov peacekeepers", 3)
    assert killed_mid_run >= 5  # the loop really interrupted updates
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    index = Index.load(settings.index_dir, settings)
    assert set(index.files) == {p.name for p in corpus_copy.iterdir()}
    assert not list(settings.index_dir.glob(".tmp-*"))


def test_truncated_files_and_foreign_manifests_are_refused_then_repaired(tmp_path, corpus_copy, embedder):
    settings = make_settings(tmp_path, corpus_dir=corpus_copy)
    update_index(settings, embedder)
    live = settings.index_dir / (settings.index_dir / "CURRENT").read_text()
    chunks = live / "chunks.jsonl"
    chunks.write_bytes(chunks.read_bytes()[: chunks.stat().st_size // 2])  # cut mid-line
    with pytest.raises(IndexNotReady, match="rag index"):
        Index.load(settings.index_dir, settings)
    update_index(settings, embedder)

    live = settings.index_dir / (settings.index_dir / "CURRENT").read_text()
    manifest = json.loads((live / "manifest.json").read_text())
    for field, value, expected in (
        ("embedding_model", "other-model", "embedding_model"),
        ("dim", 768, "inconsistent"),
    ):
        (live / "manifest.json").write_text(json.dumps({**manifest, field: value}))
        with pytest.raises(IndexNotReady, match=expected):
            Index.load(settings.index_dir, settings)
    corpus_before = {p.name: p.read_bytes() for p in corpus_copy.iterdir()}
    index, report = update_index(settings, embedder)
    assert report.rebuilt_because and len(Index.load(settings.index_dir, settings).chunks) == len(
        index.chunks
    )
    assert {p.name: p.read_bytes() for p in corpus_copy.iterdir()} == corpus_before  # corpus untouched


def test_past_the_threshold_the_saved_index_is_approximate_and_still_answers(tmp_path, corpus_copy, embedder):
    from rag.retrieve import Retriever

    settings = make_settings(tmp_path, corpus_dir=corpus_copy, ann_threshold=100)
    for source in sorted(corpus_copy.glob("00*.txt")):  # a second copy of each: over 100 chunks
        (corpus_copy / f"copy-{source.name}").write_bytes(source.read_bytes() + b"\nCopy.\n")
    index, _ = update_index(settings, embedder)
    assert len(index.chunks) >= 100 and index.store.kind.startswith("IVF")
    loaded = Index.load(settings.index_dir, settings)
    assert loaded.store.kind.startswith("IVF")
    top = Retriever(loaded, embedder).search("How many Russian troops are stationed in Armenia?", 3)
    assert "5,000" in top[0].chunk.text


def test_the_article_list_is_typed_and_sorted_by_title(pipeline):
    articles = pipeline.index.articles()
    assert len(articles) == 5 and all(a.passages > 0 for a in articles)
    titles = [(a.title or a.source).lower() for a in articles]
    assert titles == sorted(titles)
    tass = next(a for a in articles if a.outlet == "TASS")
    assert tass.label == "TASS" and tass.source == "002_bc626fa2c772027a.txt"
    assert sum(a.passages for a in articles) == len(pipeline.index.chunks)
