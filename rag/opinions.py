"""Whether a draft sentence reads like the writer's own judgement, from its sentence vector.

The word lists in `rag.claims` catch the judgements they name ("nothing short of", "shameful") and
no other: on the claim sets' halves nobody fitted them on, they caught half the opinions. A
logistic probe over the embedder's vector of the sentence learns the tone instead ("was far too
lenient", "has no place in a modern democracy"). It was fitted on the calibration halves only
(`bench/opinion_probe.py`, figures in BENCHMARKS.md) and is kept only for the embedder it was
fitted on: another model's vectors mean something else.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

DEFAULT_PROBE = Path(__file__).parent / "data" / "opinion_probe.json"


@dataclass
class OpinionProbe:
    """A logistic model over a sentence vector: an opinion when its probability reaches
    ``threshold``."""

    embedding_model: str
    weights: list[float]
    bias: float
    threshold: float
    about: dict = field(default_factory=dict)  # how it was fitted, for the record

    @classmethod
    def load(cls, path: Path = DEFAULT_PROBE) -> OpinionProbe:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            data["embedding_model"], data["weights"], data["bias"], data["threshold"], data.get("about", {})
        )

    @classmethod
    def for_embedder(cls, embedding_model: str, dim: int, path: Path = DEFAULT_PROBE) -> OpinionProbe | None:
        """The probe fitted on this embedder's vectors, or None (the word lists alone decide)."""
        if not path.exists():
            return None
        probe = cls.load(path)
        if probe.embedding_model != embedding_model or len(probe.weights) != dim:
            return None
        return probe

    def probability(self, vector: np.ndarray) -> float:
        z = self.bias + float(np.dot(np.asarray(self.weights, dtype=np.float64), vector))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self), indent=1) + "\n", encoding="utf-8")


class OpinionReader:
    """The probe bound to the embedder that gives it vectors: ``reader(text)`` is how likely the
    sentence is the writer's judgement, an opinion from ``reader.threshold`` up."""

    def __init__(self, probe: OpinionProbe, embed: Callable[[Sequence[str]], np.ndarray]):
        self.probe = probe
        self.embed = embed
        self.threshold = probe.threshold

    @classmethod
    def for_embedder(cls, embedder, path: Path = DEFAULT_PROBE) -> OpinionReader | None:
        probe = OpinionProbe.for_embedder(embedder.name, embedder.dim, path)
        return None if probe is None else cls(probe, embedder.embed_cached)

    def __call__(self, text: str) -> float:
        return self.probe.probability(self.embed([text])[0])
