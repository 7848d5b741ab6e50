import numpy as np
import pytest

from rag.settings import Settings
from rag.store import create_store, load_store

pytestmark = pytest.mark.fast  # no model, no index: the edit-test loop (pytest -m fast)


def unit(rows):
    rows = np.asarray(rows, dtype=np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_faiss_add_search_delete_save_load(tmp_path):
    store = create_store(Settings(), 3)
    store.add(np.array([10, 20, 30]), unit([[1, 0, 0], [0, 1, 0], [0.9, 0.1, 0]]))
    hits = store.search(unit([[1, 0, 0]])[0], 2)
    assert [i for i, _ in hits] == [10, 30]
    assert hits[0][1] == pytest.approx(1.0, abs=1e-5)
    store.delete(np.array([10]))
    assert len(store) == 2
    store.save(tmp_path)
    loaded = load_store("faiss", tmp_path, Settings())
    assert len(loaded) == 2 and loaded.dim == 3
    assert [i for i, _ in loaded.search(unit([[1, 0, 0]])[0], 5)] == [30, 20]


def test_empty_store_and_unknown_backend(tmp_path):
    assert create_store(Settings(), 4).search(np.ones(4, dtype=np.float32), 3) == []
    with pytest.raises(ValueError, match="'faiss' or 'milvus'"):  # refused when the settings are read
        Settings(vector_store="chroma")
    with pytest.raises(ValueError, match="unknown vector store"):  # a manifest naming another store
        load_store("chroma", tmp_path, Settings())
    with pytest.raises(FileNotFoundError):
        load_store("faiss", tmp_path, Settings())


def clustered(n, dim=64, clusters=50, seed=0):
    """Unit vectors in topical clusters, like article embeddings (uniform noise would be unrealistic)."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(clusters, dim))
    return unit(centres[rng.integers(0, clusters, n)] + 0.6 * rng.normal(size=(n, dim)))


def test_past_the_threshold_the_store_turns_approximate_and_keeps_recall(tmp_path):
    vectors, queries = np.split(clustered(6100), [6000])  # queries: new points on the same topics
    ids = np.arange(6000) * 7 + 3
    exact = create_store(Settings(), 64)
    exact.add(ids, vectors)
    store = create_store(Settings(), 64)
    store.add(ids, vectors)
    store.fit_to_size(5000)
    assert store.kind.startswith("IVF") and exact.kind == "exact (flat)"
    recall = np.mean(
        [len({i for i, _ in store.search(q, 10)} & {i for i, _ in exact.search(q, 10)}) / 10 for q in queries]
    )
    assert recall >= 0.95
    # Deleting, reading vectors back, filtering, saving and loading all still work.
    store.delete(ids[:100])
    assert len(store) == 5900 and ids[0] not in {i for i, _ in store.search(vectors[0], 5)}
    np.testing.assert_allclose(store.vectors([int(ids[200])])[0], vectors[200], atol=1e-6)
    allowed = ids[[300, 4000, 5999]]
    assert sorted(i for i, _ in store.search(vectors[300], 10, allowed)) == sorted(allowed.tolist())
    store.save(tmp_path)
    loaded = load_store("faiss", tmp_path, Settings())
    assert loaded.kind.startswith("IVF") and len(loaded) == 5900
    assert loaded.search(vectors[200], 1)[0][0] == ids[200]
    # Shrunk well below the threshold, it goes back to exact search.
    loaded.delete(ids[100:5000])
    loaded.fit_to_size(5000)
    assert loaded.kind == "exact (flat)" and len(loaded) == 1000
    assert loaded.search(vectors[5500], 1)[0][0] == ids[5500]
