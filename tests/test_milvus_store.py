"""The Milvus backend against a real milvus-lite database: the same contract as FAISS, plus the
generation rules that let readers share a collection that an update changes in place."""

import numpy as np
import pytest

from rag.store import create_store, load_store
from tests.conftest import make_settings

pytest.importorskip("pymilvus")


def unit(rows):
    rows = np.asarray(rows, dtype=np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


@pytest.fixture
def settings(tmp_path):
    return make_settings(tmp_path, vector_store="milvus", milvus_collection="test_chunks")


def test_add_search_filter_delete_save_load(settings, tmp_path):
    store = create_store(settings, 3)
    store.add(np.array([10, 20, 30]), unit([[1, 0, 0], [0, 1, 0], [0.9, 0.1, 0]]))
    hits = store.search(unit([[1, 0, 0]])[0], 2)
    assert [i for i, _ in hits] == [10, 30]
    assert hits[0][1] == pytest.approx(1.0, abs=1e-5)
    assert [i for i, _ in store.search(unit([[1, 0, 0]])[0], 5, np.array([20, 30]))] == [30, 20]
    assert store.search(unit([[1, 0, 0]])[0], 5, np.array([], dtype=np.int64)) == []
    np.testing.assert_allclose(store.vectors([30, 10]), unit([[0.9, 0.1, 0], [1, 0, 0]]), atol=1e-6)

    store.delete(np.array([10]))
    assert len(store) == 2 and 10 not in [i for i, _ in store.search(unit([[1, 0, 0]])[0], 5)]
    folder = tmp_path / "gen"
    folder.mkdir()
    store.save(folder)
    store.published()
    loaded = load_store("milvus", folder, settings)
    assert len(loaded) == 2 and loaded.dim == 3 and list(loaded.ids()) == [20, 30]
    assert [i for i, _ in loaded.search(unit([[1, 0, 0]])[0], 5)] == [30, 20]


def test_rows_of_an_unpublished_update_are_invisible(settings, tmp_path):
    """A reader loaded from the published generation never sees what a later update adds."""
    writer = create_store(settings, 2)
    writer.add(np.array([0, 1]), unit([[1, 0], [0, 1]]))
    published = tmp_path / "gen"
    published.mkdir()
    writer.save(published)
    writer.published()
    writer.add(np.array([2]), unit([[1, 0.01]]))  # an update in progress (or killed half-way)
    reader = load_store("milvus", published, settings)
    assert [i for i, _ in reader.search(unit([[1, 0]])[0], 5)] == [0, 1]
    assert len(reader) == 2
    assert [i for i, _ in writer.search(unit([[1, 0]])[0], 5)][:2] == [0, 2]


def test_a_rebuild_drops_the_collection_it_replaced_once_published(settings, tmp_path):
    first = create_store(settings, 2)
    first.add(np.array([0]), unit([[1, 0]]))
    (tmp_path / "gen-1").mkdir()
    first.save(tmp_path / "gen-1")
    first.published()
    other_index = create_store(settings, 2)  # another index folder using the same Milvus and name
    second = create_store(settings, 2)  # a rebuild writes a new collection
    second.add(np.array([0]), unit([[0, 1]]))
    assert first.collection != second.collection
    assert first.collection in second._client.list_collections()  # readers of gen-1 still use it
    second.published(tmp_path / "gen-1")
    assert sorted(second._client.list_collections()) == sorted([second.collection, other_index.collection])


def test_a_filtered_search_the_engine_returns_short_is_scored_exactly(settings, monkeypatch):
    """milvus-lite's approximate index filters after searching, so a filter keeping few rows can
    come back with fewer hits than it allows (seen at 60k vectors: 4 of 20); the store then scores
    the allowed rows itself. Narrow test: the engine's short answer is simulated."""
    rng = np.random.default_rng(1)
    vectors = unit(rng.normal(size=(500, 8)))
    store = create_store(settings, 8)
    store.add(np.arange(500), vectors)
    allowed = np.arange(0, 500, 10)
    query = unit(rng.normal(size=(1, 8)))[0]
    expected = sorted(allowed.tolist(), key=lambda i: -float(vectors[i] @ query))[:5]
    assert [i for i, _ in store.search(query, 5, allowed)] == expected  # the engine, unaided

    engine_search = store._client.search
    monkeypatch.setattr(store._client, "search", lambda *a, **kw: [engine_search(*a, **kw)[0][:1]])
    hits = store.search(query, 5, allowed)
    assert [i for i, _ in hits] == expected
    assert hits[0][1] == pytest.approx(float(vectors[expected[0]] @ query), abs=1e-5)


def test_many_vectors_round_trip(settings, tmp_path):
    rng = np.random.default_rng(0)
    vectors = unit(rng.normal(size=(3000, 16)))
    store = create_store(settings, 16)
    store.add(np.arange(3000), vectors)
    assert len(store) == 3000 and len(store.ids()) == 3000
    found = [i for i, _ in store.search(vectors[1234], 3)]
    assert found[0] == 1234


# --- the whole pipeline on Milvus -------------------------------------------------------------

SAME_QUESTIONS = [
    "How many Russian troops are stationed in Armenia?",
    "What did Peskov say about the peacekeepers?",
    "When did Azerbaijan suspend its military operation?",
    "Which corridor did the refugees use to reach Armenia?",
    "Who is the Prime Minister of Armenia?",
]


def test_milvus_index_answers_like_faiss_and_updates_incrementally(pipeline, corpus_copy, tmp_path):
    from rag.pipeline import Pipeline
    from rag.types import SearchFilter

    milvus = Pipeline(make_settings(tmp_path, corpus_dir=corpus_copy, vector_store="milvus"))
    milvus.embedder = pipeline.embedder
    report = milvus.update_index()
    assert len(report.added) == 5 and "Milvus collection" in milvus.index.store.kind
    for question in SAME_QUESTIONS:
        expected = [(p.chunk.source, p.chunk.start) for p in pipeline.search(question, 5)]
        assert [(p.chunk.source, p.chunk.start) for p in milvus.search(question, 5)] == expected, question
    for question in SAME_QUESTIONS[:2]:
        assert milvus.ask(question).answer == pipeline.ask(question).answer
    only_tass = SearchFilter(sources=("TASS",))
    assert {p.chunk.source for p in milvus.search(SAME_QUESTIONS[0], 5, only_tass)} == {
        p.chunk.source for p in pipeline.search(SAME_QUESTIONS[0], 5, only_tass)
    }

    # Incremental: a new article is embedded alone and found; a removed one disappears.
    (corpus_copy / "new.txt").write_text(
        "Glacier melt in the Pamir mountains\n\nScientists in Dushanbe measured that the Fedchenko "
        "glacier lost 40 metres of thickness since 1990, the fastest retreat recorded in Tajikistan."
    )
    (corpus_copy / "001_ad9039b2d6be9212.txt").unlink()
    report = milvus.update_index()
    assert report.added == ["new.txt"] and report.removed == ["001_ad9039b2d6be9212.txt"]
    assert report.embedded_chunks == 1
    assert milvus.search("How much thickness did the Fedchenko glacier lose?", 1)[0].chunk.source == "new.txt"
    assert all(p.chunk.source != "001_ad9039b2d6be9212.txt" for p in milvus.search(SAME_QUESTIONS[1], 10))

    reopened = Pipeline(milvus.settings)  # a new process: the published generation, from Milvus
    reopened.embedder = pipeline.embedder
    assert len(reopened.index.store) == len(milvus.index.chunks)


def test_a_collection_dropped_behind_the_index_is_rebuilt(pipeline, tmp_path):
    from rag.pipeline import Pipeline
    from rag.store.milvus_store import _client

    milvus = Pipeline(make_settings(tmp_path, vector_store="milvus"))
    milvus.embedder = pipeline.embedder
    milvus.update_index()
    store = milvus.index.store
    _client(store.uri, "").drop_collection(store.collection)
    again = Pipeline(milvus.settings)
    again.embedder = pipeline.embedder
    report = again.update_index()
    assert report.rebuilt_because and "unreadable" in report.rebuilt_because
    assert again.search("How many Russian troops are stationed in Armenia?", 1)[0].chunk.source
