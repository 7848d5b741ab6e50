from pathlib import Path

import pytest

from rag.generate import create_generator
from rag.models import resolve_model
from tests.conftest import TEST_MODEL, make_settings


@pytest.fixture(scope="module")
def small_generator(tmp_path_factory):
    settings = make_settings(tmp_path_factory.mktemp("gen"), model=TEST_MODEL, n_ctx=1024)
    return create_generator(settings, resolve_model(TEST_MODEL, settings.cache_dir))


def test_streams_text_from_a_real_gguf(small_generator):
    pieces = list(
        small_generator.stream(
            [{"role": "system", "content": "Reply briefly."}, {"role": "user", "content": "Say hello."}],
            max_tokens=12,
            temperature=0.0,
        )
    )
    assert len(pieces) >= 2 and "".join(pieces).strip()


def test_counts_tokens_with_the_models_tokenizer(small_generator):
    short = small_generator.count_tokens("Peskov")
    long = small_generator.count_tokens("Peskov " * 50)
    assert 1 <= short <= 4 and long >= 50


def test_unknown_backend_and_unloadable_file_are_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="'local' or 'openai'"):  # refused when the settings are read
        make_settings(tmp_path, generator="gpt")
    unchecked = make_settings(tmp_path).model_copy(update={"generator": "gpt"})  # past validation
    with pytest.raises(ValueError, match="unknown generator"):
        create_generator(unchecked, Path("x.gguf"))
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"not a model")
    with pytest.raises(RuntimeError, match="could not load GGUF"):
        create_generator(make_settings(tmp_path), bad)
