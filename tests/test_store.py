import numpy as np
import pytest

from rag.store import create_store, load_store


def unit(rows):
    rows = np.asarray(rows, dtype=np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_faiss_add_search_delete_save_load(tmp_path):
    store = create_store("faiss", 3)
    store.add(np.array([10, 20, 30]), unit([[1, 0, 0], [0, 1, 0], [0.9, 0.1, 0]]))
    hits = store.search(unit([[1, 0, 0]])[0], 2)
    assert [i for i, _ in hits] == [10, 30]
    assert hits[0][1] == pytest.approx(1.0, abs=1e-5)
    store.delete(np.array([10]))
    assert len(store) == 2
    store.save(tmp_path)
    loaded = load_store("faiss", tmp_path)
    assert len(loaded) == 2 and loaded.dim == 3
    assert [i for i, _ in loaded.search(unit([[1, 0, 0]])[0], 5)] == [30, 20]


def test_empty_store_and_unknown_backend(tmp_path):
    assert create_store("faiss", 4).search(np.ones(4, dtype=np.float32), 3) == []
    with pytest.raises(ValueError, match="unknown vector store"):
        create_store("chroma", 4)
    with pytest.raises(FileNotFoundError):
        load_store("faiss", tmp_path)
