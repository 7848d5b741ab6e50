"""Embedding backends: the index records which one made its vectors, and they agree with PyTorch."""

from __future__ import annotations

import json

import numpy as np
import pytest
from pydantic import ValidationError

from rag.embed import Embedder, resolve_embedding_model
from rag.encoders import EMBED_BACKENDS, create_encoder
from rag.evaluate import load_questions
from rag.index import Index, IndexNotReady
from rag.ingest import update_index
from rag.retrieve import Retriever
from rag.settings import _default_cache_dir
from tests.conftest import CORPUS, make_settings

ROOT = CORPUS.parent
# Two passages whose PyTorch similarities to a question are closer than this are tied: the int8
# backend's similarities differ from PyTorch's by 0.009 on average and 0.044 at most on these
# questions, and the seed articles carry the same story in several outlets (many near-equal chunks).
TIE = 0.035
FAST = ("openvino", "onnx")  # the default (bfloat16 on CPUs that have it) and int8


@pytest.fixture(scope="module")
def torch_embedder() -> Embedder:
    return Embedder("all-MiniLM-L6-v2", backend="torch")


@pytest.fixture(scope="module")
def fast_embedders(embedder) -> dict[str, Embedder]:
    """The two fast backends (the session pipeline's own embedder is the default one)."""
    return {b: embedder if embedder.backend == b else Embedder("all-MiniLM-L6-v2", backend=b) for b in FAST}


@pytest.fixture(scope="module")
def onnx_embedder(fast_embedders) -> Embedder:
    return fast_embedders["onnx"]


def test_the_session_pipeline_embeds_with_the_default_backend(embedder):
    assert embedder.backend == make_settings(CORPUS).embed_backend


@pytest.fixture(scope="module")
def built(tmp_path_factory, torch_embedder, fast_embedders):
    """The seed corpus indexed once per backend."""
    folder = tmp_path_factory.mktemp("backends")
    out = {}
    for name, embedder in (("torch", torch_embedder), *fast_embedders.items()):
        settings = make_settings(folder / name, embed_backend=name)
        out[name] = (settings, update_index(settings, embedder)[0])
    return out


def test_the_backend_is_recorded_in_the_manifest(built):
    for name, (settings, _) in built.items():
        gen = (settings.index_dir / "CURRENT").read_text().strip()
        manifest = json.loads((settings.index_dir / gen / "manifest.json").read_text())
        assert manifest["embed_backend"] == name


def test_another_backend_never_reads_the_vectors_and_rebuilds_saying_why(
    tmp_path, torch_embedder, onnx_embedder
):
    torch_settings = make_settings(tmp_path, embed_backend="torch")
    first = update_index(torch_settings, torch_embedder)[1]
    onnx_settings = make_settings(tmp_path, embed_backend="onnx")
    with pytest.raises(IndexNotReady, match="embed_backend"):
        Index.load(tmp_path / "index", onnx_settings)
    index, report = update_index(onnx_settings, onnx_embedder)
    assert report.rebuilt_because and "embed_backend" in report.rebuilt_because
    assert report.embedded_chunks == first.chunks == len(index.chunks)  # every vector made again
    assert index.manifest["embed_backend"] == "onnx"
    assert Index.load(tmp_path / "index", onnx_settings).manifest["embed_backend"] == "onnx"
    # ... and back: the torch settings now see an onnx index and rebuild it too.
    assert "embed_backend" in update_index(torch_settings, torch_embedder)[1].rebuilt_because


def test_an_index_from_before_the_setting_counts_as_torch(tmp_path, torch_embedder):
    settings = make_settings(tmp_path, embed_backend="torch")
    update_index(settings, torch_embedder)
    gen = tmp_path / "index" / (tmp_path / "index" / "CURRENT").read_text().strip()
    manifest = json.loads((gen / "manifest.json").read_text())
    del manifest["embed_backend"]
    (gen / "manifest.json").write_text(json.dumps(manifest))
    Index.load(tmp_path / "index", settings)  # loads: no rebuild for PyTorch users
    with pytest.raises(IndexNotReady, match="embed_backend"):
        Index.load(tmp_path / "index", make_settings(tmp_path, embed_backend="onnx"))


@pytest.mark.parametrize("backend", FAST)
def test_same_top_passages_as_pytorch_on_the_development_questions(
    backend, built, torch_embedder, fast_embedders
):
    """Each of the top five passages is PyTorch's, or tied with PyTorch's under PyTorch's own scores."""
    questions = [i.question for i in load_questions(ROOT / "tests/data/dev.jsonl") if i.answerable]
    onnx_embedder = fast_embedders[backend]
    torch_index, onnx_index = built["torch"][1], built[backend][1]
    ids = sorted(torch_index.chunks)
    assert ids == sorted(onnx_index.chunks)  # same chunks, only the vectors differ
    torch_vectors = torch_index.store.vectors(ids)
    onnx_vectors = onnx_index.store.vectors(ids)
    torch_queries = torch_embedder.embed(questions)
    onnx_queries = onnx_embedder.embed(questions)
    same_first = 0
    for q, question in enumerate(questions):
        reference = torch_vectors @ torch_queries[q]  # PyTorch's similarity of every chunk
        torch_top = np.argsort(-reference)[:5]
        onnx_top = np.argsort(-(onnx_vectors @ onnx_queries[q]))[:5]
        same_first += torch_top[0] == onnx_top[0]
        for rank, (expected, got) in enumerate(zip(torch_top, onnx_top)):
            assert got == expected or reference[got] >= reference[expected] - TIE, (
                f"{question!r}, rank {rank + 1}: chunk {ids[got]} ({reference[got]:.3f}) "
                f"instead of {ids[expected]} ({reference[expected]:.3f})"
            )
    assert same_first >= 0.8 * len(questions)  # 53 of 64 measured
    # The product's retriever (hybrid, duplicate check) puts the same article first.
    torch_retriever = Retriever(torch_index, torch_embedder)
    onnx_retriever = Retriever(onnx_index, onnx_embedder)

    def first(retriever: Retriever, question: str) -> str:
        return retriever.search(question, 1)[0].chunk.source

    agree = sum(first(torch_retriever, q) == first(onnx_retriever, q) for q in questions)
    assert agree >= 0.9 * len(questions)


def test_the_tie_check_can_fail():
    """The check above, fed a ranking that swaps a clear winner, rejects it."""
    reference = np.array([0.9, 0.5, 0.4])
    expected, got = 0, 1
    assert not (got == expected or reference[got] >= reference[expected] - TIE)


@pytest.mark.parametrize("backend", [b for b in EMBED_BACKENDS if b not in ("torch", "onnx")])
def test_unquantized_backends_match_pytorch(backend, torch_embedder):
    texts = [i.question for i in load_questions(ROOT / "tests/data/dev.jsonl")][:40]
    texts.append(" ".join(["The council met again on Tuesday."] * 80))  # past the 256-token limit
    encoder = create_encoder(backend, resolve_embedding_model("all-MiniLM-L6-v2"), _default_cache_dir())
    vectors = encoder.encode(texts)
    assert np.all((vectors * torch_embedder.embed(texts)).sum(axis=1) > 0.999)


def test_openvino_gives_the_same_vectors_in_a_large_batch_as_one_question_at_a_time(torch_embedder):
    """Ingestion's batches go through the throughput compilation, a question through the latency
    one: the vectors must not depend on which."""
    texts = [i.question for i in load_questions(ROOT / "tests/data/dev.jsonl")][:40]
    encoder = create_encoder("openvino", resolve_embedding_model("all-MiniLM-L6-v2"), _default_cache_dir())
    together = encoder.encode(texts)
    one_by_one = np.vstack([encoder.encode([t]) for t in texts])
    assert len(texts) > encoder.SUB_BATCH
    assert np.all((together * one_by_one).sum(axis=1) > 0.9995)


def test_an_unknown_backend_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("RAG_EMBED_BACKEND", "tensorflow")
    with pytest.raises(ValidationError, match="'torch', 'onnx', 'onnx-fp32' or 'openvino'"):
        make_settings(tmp_path)
    with pytest.raises(ValueError, match="unknown embedding backend"):
        create_encoder("tensorflow", "unused", tmp_path)
