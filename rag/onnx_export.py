"""ONNX export of the sentence embedder: made once at set-up, cached beside the GGUF, checked like it.

The sentence-transformers model (transformer, pooling, normalisation) is traced into one ONNX graph
whose output is the sentence vector. Two variants:

* ``fp32``: the plain export, the same arithmetic as PyTorch (ONNX Runtime or OpenVINO run it);
* ``int8``: ONNX Runtime's transformer fusions (one Attention node per layer, fused LayerNorm and
  GELU), then dynamic int8 quantization of the matrix products: weights int8 per output channel,
  activations quantized on the fly. That is what sentence-transformers'
  ``export_dynamic_quantized_onnx_model`` does through optimum; optimum's ONNX package cannot be
  installed beside this project's transformers 5, so ONNX Runtime's own tools are called directly.

The export depends on the model's files and on the versions of the tools that made it, so its
folder name carries a hash of them: a new model or an upgraded onnxruntime means a new export.
Its sha256 is recorded beside it at export time (``.verified``, as for the GGUF); a file that no
longer matches it, or that ONNX Runtime cannot load, is exported again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import warnings
from collections.abc import Callable
from pathlib import Path

from rag.models import _sha256, _stamp

ProgressCallback = Callable[[str, int, int], None]  # (stage, done, total)
VARIANTS = ("fp32", "int8")
FILE_NAME = "model.onnx"
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT_NAME = "sentence_embedding"
OPSET = 17


class ExportFailed(RuntimeError):
    """The embedder could not be exported to ONNX; the message says why."""


def _tool_versions() -> str:
    import onnx
    import onnxruntime
    import torch

    return f"torch {torch.__version__}, onnx {onnx.__version__}, onnxruntime {onnxruntime.__version__}"


def _model_fingerprint(model_dir: Path) -> str:
    """Size and name of every file of the model folder: what the export was made from."""
    files = sorted(p for p in model_dir.rglob("*") if p.is_file())
    return json.dumps([[p.relative_to(model_dir).as_posix(), p.stat().st_size] for p in files])


def export_dir(model_dir: Path, cache_dir: Path, variant: str) -> Path:
    """Where the export of ``model_dir`` in ``variant`` lives (keyed on the model and the tools)."""
    key = hashlib.sha256(
        f"{_model_fingerprint(model_dir)}\n{_tool_versions()}\n{variant}\nopset {OPSET}".encode()
    ).hexdigest()[:12]
    return cache_dir / "models" / f"{model_dir.name}-onnx-{variant}-{key}"


def is_verified(target: Path) -> bool:
    """True when ``target`` still has the sha256 recorded when it was exported.

    A stamp tied to the file's size and mtime costs a stat; a file changed since is hashed again.
    """
    stamp = target.with_name(target.name + ".verified")
    if not target.is_file() or not stamp.is_file():
        return False
    recorded = stamp.read_text().split()
    if len(recorded) != 3:
        return False
    if stamp.read_text() == _stamp(target, recorded[2]):
        return True
    if _sha256(target) != recorded[2]:
        return False
    stamp.write_text(_stamp(target, recorded[2]))  # same content, touched: trust it again
    return True


def exported_model(
    model_dir: Path, cache_dir: Path, variant: str, progress: ProgressCallback | None = None
) -> Path:
    """The ONNX file for ``model_dir`` in ``variant``, exported now if it is missing or altered."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown ONNX variant {variant!r}: use one of {VARIANTS}")
    folder = export_dir(Path(model_dir), cache_dir, variant)
    target = folder / FILE_NAME
    if is_verified(target):
        return target
    stage = f"exporting the embedder to ONNX ({variant}, once)"
    if target.exists():
        stage = f"re-exporting the embedder to ONNX ({variant}): the cached copy failed its check"
    if progress:
        progress(stage, 0, 1)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = folder.with_name(f".{folder.name}.tmp{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        with warnings.catch_warnings():  # the tracer's notes on Python control flow it froze
            warnings.simplefilter("ignore")
            quiet = logging.getLogger().level
            logging.getLogger().setLevel(logging.ERROR)  # the quantizer's advice to pre-process
            try:
                _export(Path(model_dir), tmp / FILE_NAME, variant)
            finally:
                logging.getLogger().setLevel(quiet)
        digest = _sha256(tmp / FILE_NAME)
        (tmp / "export.json").write_text(
            json.dumps({"model": str(model_dir), "variant": variant, "tools": _tool_versions()}, indent=1)
        )
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(tmp, folder)
        target.with_name(target.name + ".verified").write_text(_stamp(target, digest))
    except Exception as exc:
        raise ExportFailed(f"could not export {model_dir} to ONNX ({variant}): {exc}") from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if progress:
        progress(stage, 1, 1)
    return target


def discard(target: Path) -> None:
    """Remove an export that failed to load, so the next call makes it again."""
    target.with_name(target.name + ".verified").unlink(missing_ok=True)
    target.unlink(missing_ok=True)


def _export(model_dir: Path, target: Path, variant: str) -> None:
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(model_dir), device="cpu").eval()

    class SentenceVectors(torch.nn.Module):
        """The whole sentence-transformers pipeline as a function of the tokenizer's tensors."""

        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            features = {"input_ids": input_ids, "attention_mask": attention_mask}
            features["token_type_ids"] = token_type_ids
            return self.model(features)[OUTPUT_NAME]

    sample = model.preprocess(["a first sentence", "and a second, slightly longer sentence"])
    plain = target if variant == "fp32" else target.with_name("plain.onnx")
    with torch.no_grad():
        torch.onnx.export(
            SentenceVectors().eval(),
            tuple(sample[name] for name in INPUT_NAMES),
            str(plain),
            input_names=list(INPUT_NAMES),
            output_names=[OUTPUT_NAME],
            dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in INPUT_NAMES}, OUTPUT_NAME: {0: "batch"}},
            opset_version=OPSET,
            dynamo=False,  # the TorchScript exporter: no onnxscript needed, dynamic axes as declared
        )
    if variant == "int8":
        _optimize_and_quantize(plain, target, model)
        plain.unlink()


def _optimize_and_quantize(plain: Path, target: Path, model) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers.optimizer import optimize_model

    config = model[0].auto_model.config
    fused = target.with_name("fused.onnx")
    optimize_model(
        str(plain), model_type="bert", num_heads=config.num_attention_heads, hidden_size=config.hidden_size
    ).save_model_to_file(str(fused))
    quantize_dynamic(
        str(fused),
        str(target),
        weight_type=QuantType.QInt8,
        per_channel=True,
        op_types_to_quantize=["MatMul", "Attention"],
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},  # fused nodes carry no type
    )
    fused.unlink()
