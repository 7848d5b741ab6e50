"""One settings object: identities derived from field tags, start-up validation."""

import pytest

from rag.pipeline import Pipeline
from rag.settings import Settings
from tests.conftest import TEST_MODEL, make_settings


def test_identities_are_derived_from_the_field_tags():
    settings = Settings(_env_file=None)
    assert dict(settings.identity("index")).keys() == {
        "embedding_model",
        "embed_backend",
        "chunk_chars",
        "chunk_overlap_sentences",
        "vector_store",
    }
    assert {"model", "n_ctx", "seed", "repeat_penalty"} <= dict(settings.identity("generator")).keys()
    assert "temperature" not in dict(settings.identity("generator"))  # a per-request setting


def test_settings_the_index_depends_on_cannot_change_on_a_running_pipeline(tmp_path):
    pipeline = Pipeline(make_settings(tmp_path))
    with pytest.raises(ValueError, match="vector_store"):
        pipeline.with_options(vector_store="milvus")
    with pytest.raises(ValueError, match="chunk_chars"):
        pipeline.with_options(chunk_chars=900)
    assert pipeline.with_options(top_k=3).settings.top_k == 3


def test_a_generator_is_reloaded_when_a_setting_it_depends_on_changes(tmp_path):
    pipeline = Pipeline(make_settings(tmp_path, model=TEST_MODEL))
    first = pipeline.generator
    assert pipeline.with_options(temperature=0.7).generator is first
    assert pipeline.with_options(seed=7).generator is not first
    assert pipeline.with_options(repeat_penalty=1.0).generator is not first


@pytest.mark.fast
def test_a_backend_name_that_does_not_exist_is_refused_with_what_is_allowed(monkeypatch):
    from pydantic import ValidationError

    from rag.settings import describe_invalid

    monkeypatch.setenv("RAG_RETRIEVAL", "magic")
    with pytest.raises(ValidationError) as caught:
        Settings(_env_file=None)
    message = describe_invalid(caught.value)
    assert "RAG_RETRIEVAL='magic'" in message and "'hybrid', 'dense' or 'bm25'" in message
    monkeypatch.delenv("RAG_RETRIEVAL")
    assert Settings(_env_file=None, generator="llama").generator == "local"  # the old name still works


@pytest.mark.fast
def test_the_cli_says_which_setting_is_wrong_instead_of_a_traceback():
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {**os.environ, "RAG_VECTOR_STORE": "chroma"}
    run = subprocess.run(
        [sys.executable, "-m", "rag", "search", "anything"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "RAG_VECTOR_STORE='chroma'" in run.stderr and "'faiss' or 'milvus'" in run.stderr


def test_pipelines_over_one_index_share_one_set_of_loaded_resources(tmp_path):
    from rag.resources import Resources

    settings = make_settings(tmp_path, model=TEST_MODEL)
    first, second = Pipeline.shared(settings), Pipeline.shared(settings.model_copy(update={"top_k": 4}))
    assert first.resources is second.resources is Resources.shared(settings)
    assert Pipeline.shared(make_settings(tmp_path / "other")).resources is not first.resources
    assert Pipeline(settings).resources is not first.resources  # a pipeline of its own, when asked
    with pytest.raises(ValueError, match="index_dir"):
        Pipeline(make_settings(tmp_path / "elsewhere"), first.resources)


def test_a_loaded_model_serves_the_pipelines_of_every_index(tmp_path):
    """A generator does not depend on the index: a checker over another folder's archive must
    not load the model again (each 1.5B load kept over a gigabyte)."""
    one = Pipeline(make_settings(tmp_path / "one", model=TEST_MODEL))
    other = Pipeline(make_settings(tmp_path / "other", model=TEST_MODEL))
    assert one.resources is not other.resources
    assert one.generator is other.generator
    assert one.with_options(n_ctx=one.settings.n_ctx // 2).generator is not one.generator
