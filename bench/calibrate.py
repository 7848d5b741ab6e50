"""Calibrate the refusal and citation thresholds on a question set, instead of guessing them.

The model answers every question once (its raw text is kept); then each threshold is swept with
the others at their defaults, re-running only the cheap decisions (relevance gate, citation
check, extractive fallback). Prints one table per threshold.

    .venv/bin/python bench/calibrate.py tests/data/dev.jsonl
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere, no install

from rag.condense import condense  # noqa: E402
from rag.evaluate import EvalItem, load_questions  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.types import Passage  # noqa: E402


@dataclass
class Case:
    item: EvalItem
    standalone: str
    passages: list[Passage]
    shown: list[Passage]
    raw: str


def collect(pipeline: Pipeline, items: list[EvalItem]) -> list[Case]:
    cases = []
    generator = pipeline.generator
    for n, item in enumerate(items, 1):
        standalone = condense(item.question, item.history)
        passages = pipeline.search(standalone)
        messages, shown = pipeline.prompt(standalone, passages)
        raw = "".join(generator.stream(messages, pipeline.settings.max_tokens, pipeline.settings.temperature))
        cases.append(Case(item, standalone, passages, shown, raw))
        print(f"\rmodel answers: {n}/{len(items)}", end="", file=sys.stderr)
    print(file=sys.stderr)
    return cases


def score(pipeline: Pipeline, cases: list[Case]) -> tuple[float, float, float]:
    """(answer accuracy, refusal accuracy, false refusals) under the pipeline's current settings."""
    correct = refused_right = refused_wrong = 0
    answerable = sum(c.item.answerable for c in cases)
    for case in cases:
        early = pipeline.refusal_before_generation(case.item.question, case.standalone, case.passages)
        if early is not None:
            refused, text = True, early
        else:
            cited = pipeline.verify(case.item.question, case.standalone, case.raw, case.shown)
            refused, text = cited.refused, cited.text
        if case.item.answerable:
            refused_wrong += refused
            correct += not refused and any(a.lower() in text.lower() for a in case.item.answers)
        else:
            refused_right += refused
    unanswerable = len(cases) - answerable
    return correct / answerable, refused_right / max(1, unanswerable), refused_wrong / answerable


def main(path: str) -> None:
    pipeline = Pipeline(Settings())
    pipeline.prepare()
    cases = collect(pipeline, load_questions(Path(path)))
    defaults = pipeline.settings.model_copy()
    sweeps = {
        "min_relevance": [0.2, 0.25, 0.3, 0.35, 0.4, 0.45],
        "min_support": [0.35, 0.4, 0.45, 0.5, 0.55, 0.6],
        "min_extractive_similarity": [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7],
    }
    for name, values in sweeps.items():
        print(f"\n{name} (default {getattr(defaults, name)})")
        print("| value | answer accuracy | refusal accuracy | false refusals |")
        print("| ---: | ---: | ---: | ---: |")
        for value in values:
            pipeline.settings = defaults.model_copy(update={name: value})
            accuracy, refusals, false_refusals = score(pipeline, cases)
            print(f"| {value} | {accuracy:.3f} | {refusals:.3f} | {false_refusals:.3f} |")
    pipeline.settings = defaults


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/data/dev.jsonl")
