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
