import numpy as np
import pytest

from rag.embed import resolve_embedding_model


def test_packaged_model_resolves_to_a_local_folder():
    from pathlib import Path

    path = Path(resolve_embedding_model("all-MiniLM-L6-v2"))
    assert (path / "model.safetensors").is_file()


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ValueError, match="nothing is downloaded"):
        resolve_embedding_model("some-org/not-installed")


def test_vectors_are_unit_length_and_meaningful(embedder):
    vectors = embedder.embed(
        [
            "Russian peacekeepers in Karabakh",
            "peacekeeping troops from Russia in Nagorno-Karabakh",
            "a cake recipe",
        ]
    )
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3


def test_progress_is_reported_per_batch(embedder):
    seen = []
    embedder.embed([f"text {i}" for i in range(70)], progress=seen.append)
    assert sum(seen) == 70 and len(seen) == 3
