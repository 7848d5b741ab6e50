import hashlib

import pytest

from rag.models import (
    PACKAGED_MODELS,
    ModelNotAvailable,
    PackagedModel,
    assemble,
    installed_models,
    resolve_model,
)


def test_default_model_is_assembled_once_with_the_right_size_and_hash(tmp_path):
    model = PACKAGED_MODELS["qwen2.5-coder-0.5b"]
    seen = []
    path = assemble(model, tmp_path, progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert path.stat().st_size == model.size == 491_400_064
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(16 << 20):
            digest.update(block)
    assert digest.hexdigest() == model.sha256
    assert seen[-1] == ("assembling", model.size, model.size)
    mtime = path.stat().st_mtime_ns
    assert assemble(model, tmp_path) == path and path.stat().st_mtime_ns == mtime  # reused, not redone
    assert sorted(p.name for p in path.parent.iterdir()) == [
        path.name,
        path.name + ".verified",
    ]  # no temp files


def test_a_damaged_cached_model_is_detected_and_assembled_again(tmp_path):
    model = PACKAGED_MODELS["qwen2.5-coder-0.5b"]
    path = assemble(model, tmp_path)
    with open(path, "r+b") as fh:  # same size, one byte changed: only the checksum can tell
        fh.seek(1_000_000)
        byte = fh.read(1)
        fh.seek(1_000_000)
        fh.write(bytes([byte[0] ^ 0xFF]))
    stages = []
    repaired = assemble(model, tmp_path, progress=lambda stage, done, total: stages.append(stage))
    assert any("checksum" in s for s in stages) and "assembling" in stages
    digest = hashlib.sha256(repaired.read_bytes()).hexdigest()
    assert digest == model.sha256


def test_wrong_hash_is_refused_and_leaves_nothing_behind(tmp_path):
    real = PACKAGED_MODELS["qwen2.5-coder-0.5b"]
    bogus = PackagedModel(
        "bogus", "one part, wrong hash", size=None, sha256="0" * 64, part_packages=real.part_packages[:1]
    )
    with pytest.raises(ModelNotAvailable, match="sha256"):
        assemble(bogus, tmp_path)
    assert not any((tmp_path / "models").iterdir())


def test_packaged_and_custom_paths_resolve(tmp_path):
    assert {"qwen2.5-coder-0.5b", "smollm2-135m"} <= set(installed_models())
    assert resolve_model("smollm2-135m", tmp_path).name == "SmolLM2-135M-Instruct.Q4_1.gguf"
    custom = tmp_path / "mine.gguf"
    custom.write_bytes(b"GGUF")
    assert resolve_model(str(custom), tmp_path) == custom
    with pytest.raises(ModelNotAvailable, match="neither a packaged model"):
        resolve_model(str(tmp_path / "missing.gguf"), tmp_path)


@pytest.mark.fast
def test_the_model_picked_is_the_one_asked_for_when_usable_else_the_default_with_why(tmp_path):
    from rag.models import pick_model

    default = "qwen2.5-coder-0.5b"
    assert pick_model("smollm2-135m", default) == ("smollm2-135m", None)
    assert pick_model("  ", default) == (default, None)
    model, why = pick_model("/nowhere/model.gguf", default)
    assert model == default and "No GGUF file at /nowhere/model.gguf" in why
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a model")
    assert pick_model(str(text_file), default)[1] is not None
    gguf = tmp_path / "mine.gguf"
    gguf.write_bytes(b"GGUF")
    assert pick_model(str(gguf), default) == (str(gguf), None)  # loading it is checked when it loads
