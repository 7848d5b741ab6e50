"""The embedder's ONNX export: made once, reused, and made again when the cached copy is damaged."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from rag import onnx_export
from rag.embed import Embedder, resolve_embedding_model
from rag.onnx_export import exported_model, is_verified

MODEL_DIR = Path(resolve_embedding_model("all-MiniLM-L6-v2"))
TEXTS = ["Russian peacekeepers in Karabakh", "peacekeeping troops from Russia in Nagorno-Karabakh", "a cake"]


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    """One private cache for the module: the int8 export is made here once (about 15 s)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def reference() -> np.ndarray:
    return Embedder("all-MiniLM-L6-v2", backend="torch").embed(TEXTS)


def test_export_is_made_once_and_reused(cache, monkeypatch, reference):
    stages: list[str] = []
    first = exported_model(MODEL_DIR, cache, "int8", lambda stage, done, total: stages.append(stage))
    assert first.is_file() and is_verified(first)
    assert first.parent.parent == cache / "models"  # beside the assembled GGUF
    assert any("exporting the embedder" in s for s in stages)
    made = first.stat().st_mtime_ns

    def no_second_export(*args, **kwargs):
        raise AssertionError("exported again although the cached export is intact")

    monkeypatch.setattr(onnx_export, "_export", no_second_export)
    stages.clear()
    again = exported_model(MODEL_DIR, cache, "int8", lambda stage, done, total: stages.append(stage))
    assert again == first and again.stat().st_mtime_ns == made and stages == []
    # An embedder on the onnx backend loads that same file, exporting nothing.
    embedder = Embedder("all-MiniLM-L6-v2", backend="onnx", cache_dir=cache)
    assert embedder.encoder.path == first
    vectors = embedder.embed(TEXTS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert np.all((vectors * reference).sum(axis=1) > 0.97)  # int8: close to full precision


def test_a_corrupted_export_is_detected_and_made_again(cache, reference):
    target = exported_model(MODEL_DIR, cache, "int8")
    size = target.stat().st_size
    with open(target, "r+b") as fh:  # flip bytes in the middle: same size, other content
        fh.seek(size // 2)
        block = fh.read(4096)
        fh.seek(size // 2)
        fh.write(bytes(b ^ 0xFF for b in block))
    assert not is_verified(target)
    stages: list[str] = []
    rebuilt = exported_model(MODEL_DIR, cache, "int8", lambda stage, done, total: stages.append(stage))
    assert is_verified(rebuilt) and any("failed its check" in s for s in stages)
    vectors = Embedder("all-MiniLM-L6-v2", backend="onnx", cache_dir=cache).embed(TEXTS)
    assert np.all((vectors * reference).sum(axis=1) > 0.97)


def test_a_truncated_export_is_made_again(cache):
    target = exported_model(MODEL_DIR, cache, "int8")
    with open(target, "r+b") as fh:
        fh.truncate(1000)
    assert not is_verified(target)
    assert is_verified(exported_model(MODEL_DIR, cache, "int8"))


def test_a_file_that_matches_its_stamp_but_does_not_load_is_made_again(cache, reference):
    """A stamp written over garbage (e.g. a disk error before the stamp): loading fails, export again."""
    target = exported_model(MODEL_DIR, cache, "int8")
    target.write_bytes(b"not an onnx model")
    stamp = target.with_name(target.name + ".verified")
    stamp.write_text(onnx_export._stamp(target, onnx_export._sha256(target)))
    assert is_verified(target)
    vectors = Embedder("all-MiniLM-L6-v2", backend="onnx", cache_dir=cache).embed(TEXTS)
    assert target.stat().st_size > 1_000_000
    assert np.all((vectors * reference).sum(axis=1) > 0.97)


@pytest.mark.fast
def test_touched_but_intact_file_is_rehashed_and_trusted(tmp_path):
    target = tmp_path / "model.onnx"
    target.write_bytes(b"weights")
    stamp = target.with_name("model.onnx.verified")
    stamp.write_text(onnx_export._stamp(target, onnx_export._sha256(target)))
    os.utime(target, ns=(1, 1))  # copied without its times: same bytes
    assert is_verified(target) and stamp.read_text().startswith(f"{target.stat().st_size} 1 ")
    target.write_bytes(b"weightz")
    assert not is_verified(target)
    stamp.unlink()
    target.write_bytes(b"weights")
    assert not is_verified(target)  # no record of what it should be: never trusted


@pytest.mark.fast
def test_unknown_variant_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="unknown ONNX variant"):
        exported_model(MODEL_DIR, tmp_path, "int4")
