"""Fit the answerability decision on calibration questions only, never on the reported halves.

Two steps, so the model runs once per question:

    # 1. run the calibration half of a question set over its corpus, keep every case's evidence
    .venv/bin/python bench/calibrate.py collect tests/data/heldout_seeds.jsonl /tmp/cal-seeds.json \
        --corpus corpus --index index
    # 2. fit the answer check on all collected cases, choose its threshold, write the weights
    .venv/bin/python bench/calibrate.py fit /tmp/cal-*.json [--out rag/data/answer_check.json]

`collect` takes only items whose split is "calibration" (use --split to override for a look at
the other half, never to fit). Each case records the pre-generation decision (its refusal reason
and the best candidate's relevance) and, when the model ran, the answer's features and the
independent judge's verdict (right fact with a right citation). `fit` prints the relevance sweep
and the fitted answer check's outcome on the cases it was fitted on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere, no install

from rag.answerability import DEFAULT_WEIGHTS, FEATURES, AnswerCheck  # noqa: E402
from rag.evaluate import EvalRow, load_questions  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.types import Message  # noqa: E402


def collect(args: argparse.Namespace) -> None:
    settings = Settings(corpus_dir=args.corpus, index_dir=args.index, min_relevance=-1.0)
    pipeline = Pipeline(settings)
    pipeline.prepare()
    items = load_questions(args.questions, args.split)
    cases = []
    stages = pipeline.stages()  # the pipeline's own stages, run one by one to keep their evidence
    for n, item in enumerate(items, 1):
        history = [Message(m["role"], m["content"]) for m in item.history]
        question = stages.condense.run(item.question, history)
        candidates = stages.rerank.run(question, stages.retrieve.run(question))
        decision = stages.decide.run(question, candidates)
        case = {
            "set": args.questions.name,
            "question": item.question,
            "kind": item.kind,
            "answerable": item.answerable,
            "relevance": max((p.score for p in candidates), default=0.0),
            "refusal": decision.refusal,
            "missing": decision.missing,
            "gold": item.sources,
            "candidate_sources": [p.chunk.source for p in candidates],
            "prompt_sources": [p.chunk.source for p in decision.passages],
        }
        if decision.refusal is None:
            prompt = stages.prompt.run(question, decision.passages)
            raw = "".join(stages.generator.stream(prompt.messages, settings.max_tokens, settings.temperature))
            verified = stages.verify.run(question, raw, prompt.shown, candidates, decision.names)
            cited, features = verified.cited, verified.features
            public = {
                "answer": cited.text,
                "refused": cited.refused,
                "citations": [c.to_json() for c in cited.citations],
            }
            case.update(raw=raw, answer=cited.text, refused=cited.refused)
            case["right"] = EvalRow(item, public).correct_and_cited
            case["features"] = features.vector() if features is not None else None
        cases.append(case)
        print(f"\r{args.questions.name}: {n}/{len(items)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    args.out.write_text(json.dumps(cases, indent=1))
    print(f"{len(cases)} cases written to {args.out}")


def _logistic_fit(
    x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 5000
) -> tuple[np.ndarray, float]:
    """Plain L2-regularised logistic regression by gradient descent on standardised features."""
    w, b = np.zeros(x.shape[1]), 0.0
    rate = 0.1
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w -= rate * ((x.T @ (p - y)) / len(y) + l2 * w / len(y))
        b -= rate * float(np.mean(p - y))
    return w, b


def fit(args: argparse.Namespace) -> None:
    cases = [c for path in args.cases for c in json.loads(path.read_text())]
    answerable = [c for c in cases if c["answerable"]]
    print(f"{len(cases)} calibration cases ({len(answerable)} answerable) from {len(args.cases)} files")

    print("\nrelevance gate (share refused before the model)")
    print("| min_relevance | answerable refused | unanswerable refused |")
    print("| ---: | ---: | ---: |")
    for value in (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3):
        a = np.mean([c["relevance"] < value for c in answerable])
        u = np.mean([c["relevance"] < value for c in cases if not c["answerable"]])
        print(f"| {value} | {a:.3f} | {u:.3f} |")

    reasons = {}
    for c in cases:
        if c["refusal"]:
            key = (c["refusal"], "answerable" if c["answerable"] else "unanswerable")
            reasons[key] = reasons.get(key, 0) + 1
    print("\nrefused before the model:", {f"{r} / {k}": n for (r, k), n in sorted(reasons.items())})

    rows = [c for c in cases if c.get("features") is not None]
    x = np.array([c["features"] for c in rows], dtype=float)
    y = np.array([bool(c["right"]) for c in rows], dtype=float)
    can = np.array([c["answerable"] for c in rows], dtype=bool)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    w, b = _logistic_fit((x - mean) / scale, y, l2=args.l2)
    check = AnswerCheck(mean.tolist(), scale.tolist(), w.tolist(), b, 0.5)
    p = np.array([check.probability_of(v) for v in x])

    # What a reader gets: a right answer +1, an honest refusal of an unanswerable question +1,
    # a refusal of an answerable one 0, and a wrong answer (a false or off-target claim) -1.
    print(f"\nanswer check: {len(rows)} answers judged, {int(y.sum())} right")
    print("| threshold | right answers kept | wrong answers refused | unanswerable refused | utility |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    best_t, best_utility = 0.0, -1e9
    chosen = 0.0
    for t in np.round(np.arange(0.05, 0.96, 0.05), 2):
        keep = p >= t
        utility = float(np.mean(np.where(keep, np.where(y == 1, 1.0, -1.0), np.where(can, 0.0, 1.0))))
        print(
            f"| {t} | {int((keep & (y == 1)).sum())}/{int(y.sum())} | {int((~keep & (y == 0)).sum())}/{int((y == 0).sum())}"
            f" | {int((~keep & ~can).sum())}/{int((~can).sum())} | {utility:.3f} |"
        )
        if utility > best_utility + 1e-9:
            best_t, best_utility = float(t), utility
        if (keep & (y == 1)).sum() >= args.keep_right * y.sum():
            chosen = float(t)
    # The first promise is few false refusals: the threshold is the strictest one that
    # still keeps --keep-right of the right answers on calibration; the utility is printed beside.
    check.threshold = chosen
    print("\nweights:", {f: round(float(v), 3) for f, v in zip(FEATURES, w)}, "bias", round(b, 3))
    print(
        f"threshold {chosen}: keeps >= {args.keep_right:.0%} of right answers (best utility was at {best_t}: {best_utility:.3f})"
    )
    check.save(args.out, fitted_on=sorted({c["set"] for c in cases}), cases=len(rows))
    print(f"written to {args.out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    steps = parser.add_subparsers(dest="step", required=True)
    c = steps.add_parser("collect")
    c.add_argument("questions", type=Path)
    c.add_argument("out", type=Path)
    c.add_argument("--corpus", type=Path, default=Path("corpus"))
    c.add_argument("--index", type=Path, default=Path("index"))
    c.add_argument("--split", default="calibration")
    f = steps.add_parser("fit")
    f.add_argument("cases", type=Path, nargs="+")
    f.add_argument("--out", type=Path, default=DEFAULT_WEIGHTS)
    f.add_argument("--l2", type=float, default=5.0)
    f.add_argument("--keep-right", type=float, default=0.95, help="share of right calibration answers kept")
    args = parser.parse_args()
    collect(args) if args.step == "collect" else fit(args)


if __name__ == "__main__":
    main()
