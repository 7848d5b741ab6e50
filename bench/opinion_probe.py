"""Fit the opinion probe (`rag.opinions`) on the claim sets' calibration halves, report the test halves.

    .venv/bin/python bench/corpora.py lee /tmp/archive && .venv/bin/python bench/corpora.py wiki /tmp/archive
    .venv/bin/python bench/opinion_probe.py --articles corpus /tmp/archive           # fit, choose, report
    .venv/bin/python bench/opinion_probe.py --articles corpus /tmp/archive --write   # ... and write
                                                                  # rag/data/opinion_probe.json

Every `tests/data/claims_*.jsonl` line of kind "opinion" is an opinion; every other line that is a
claim (not a question) is not. Only calibration lines are fitted on. Claims are written to be
checked, so they are joined by plain article sentences, which a user's draft resembles more: every
sentence of the article folders given (the seeds in `corpus/`, and the Lee and Wikipedia archive of
`bench/corpora.py`), less those that report speech or that the word lists already set aside, split
in two halves at random. One half is fitted on as "not an opinion", the other is only counted.
Opinions weigh as much, together, as the claims that are not.

The regularisation C and the threshold are chosen by 5-fold cross-validation over the calibration
claims, folds split by claim set (a set's opinions share its stories), with the rule fixed in
advance: among the thresholds at which no out-of-fold claim is taken for an opinion, and neither
is one at the next lower step, the one that catches the most opinions. The test halves are scored
once, with the chosen probe, beside the word lists alone; so is the held-out half of the articles.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from anywhere, no install

from rag.claims import claim_text, not_a_claim, reports_a_judgement  # noqa: E402
from rag.clean import clean_document, repeated_lines  # noqa: E402
from rag.embed import Embedder  # noqa: E402
from rag.load import list_sources, load_document  # noqa: E402
from rag.opinions import DEFAULT_PROBE, OpinionProbe  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.text import split_sentences  # noqa: E402

C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
THRESHOLDS = (0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
FOLDS = 5


def load_claims() -> list[dict]:
    rows = []
    for path in sorted(glob.glob(str(ROOT / "tests" / "data" / "claims_*.jsonl"))):
        for line in open(path, encoding="utf-8"):
            row = json.loads(line)
            if row["kind"] == "question" or (row["verdict"] == "not_a_claim" and row["kind"] != "opinion"):
                continue
            row["set"] = Path(path).stem
            rows.append(row)
    return rows


def flagged(rows: list[dict], probabilities: np.ndarray, threshold: float) -> np.ndarray:
    """What `not_a_claim` decides with the probe at ``threshold``: word lists first."""
    return np.array(
        [
            bool(not_a_claim(r["claim"]))
            or (p >= threshold and not reports_a_judgement(claim_text(r["claim"])))
            for r, p in zip(rows, probabilities)
        ]
    )


def fit(x: np.ndarray, y: np.ndarray, articles: np.ndarray, c: float) -> LogisticRegression:
    """Opinions weigh as much, together, as the claims that are not; each article sentence as one claim."""
    weights = np.where(y, (~y).sum() / max(1, y.sum()), 1.0)
    xs = np.vstack([x, articles]) if len(articles) else x
    ys = np.concatenate([y, np.zeros(len(articles), dtype=bool)])
    ws = np.concatenate([weights, np.ones(len(articles))])
    return LogisticRegression(C=c, max_iter=5000).fit(xs, ys, sample_weight=ws)


def choose(x: np.ndarray, y: np.ndarray, rows: list[dict], articles: np.ndarray) -> tuple[float, float]:
    sets = np.array([r["set"] for r in rows])
    names = sorted(set(sets))
    folds = [names[i::FOLDS] for i in range(FOLDS)]
    best = (-1, 0.0, 1.0)
    for c in C_GRID:
        out_of_fold = np.zeros(len(rows))
        for fold in folds:
            held = np.isin(sets, fold)
            out_of_fold[held] = fit(x[~held], y[~held], articles, c).predict_proba(x[held])[:, 1]
        wrong_at = {}
        for threshold in THRESHOLDS:
            flags = flagged(rows, out_of_fold, threshold)
            caught, wrong = int((flags & y).sum()), int((flags & ~y).sum())
            wrong_at[threshold] = wrong
            print(
                f"C={c:<5} threshold {threshold:.2f}: out-of-fold opinions {caught}/{int(y.sum())}, claims taken {wrong}"
            )
        for lower, threshold in zip(THRESHOLDS, THRESHOLDS[1:]):
            if wrong_at[lower] == 0 and wrong_at[threshold] == 0:
                caught = int((flagged(rows, out_of_fold, threshold) & y).sum())
                if caught > best[0]:
                    best = (caught, c, threshold)
                break
    print(f"chosen: C={best[1]}, threshold {best[2]} ({best[0]} out-of-fold opinions caught)")
    return best[1], best[2]


def article_sentences(folders: list[Path]) -> list[str]:
    """Every sentence of the articles in ``folders``, cleaned as the index cleans them."""
    out = []
    for folder in folders:
        docs = [load_document(path, folder) for path in list_sources(folder)]
        repeated = repeated_lines([doc.text for doc in docs])
        for doc in docs:
            text = clean_document(doc, repeated).text
            out += [text[span.start : span.end] for span in split_sentences(text)]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--write", action="store_true", help=f"write {DEFAULT_PROBE.relative_to(ROOT)}")
    parser.add_argument(
        "--articles", nargs="*", type=Path, default=[], help="article folders (half fitted, half counted)"
    )
    args = parser.parse_args()
    settings = Settings()
    embedder = Embedder.from_settings(settings)
    rows = load_claims()
    x = embedder.embed([claim_text(r["claim"]) for r in rows])
    y = np.array([r["kind"] == "opinion" for r in rows])
    cal = np.array([r.get("split") == "calibration" for r in rows])
    test = np.array([r.get("split") == "test" for r in rows])
    sentences = [
        s
        for s in article_sentences(args.articles)
        if not reports_a_judgement(claim_text(s)) and not not_a_claim(s)
    ]
    order = np.random.default_rng(0).permutation(len(sentences))
    fitted, counted = order[: len(order) // 2], order[len(order) // 2 :]
    vectors = embedder.embed([claim_text(s) for s in sentences]) if sentences else np.zeros((0, x.shape[1]))
    print(
        f"{int(cal.sum())} calibration claims ({int(y[cal].sum())} opinions), {len(fitted)} article sentences fitted on"
    )
    c, threshold = choose(x[cal], y[cal], [r for r, k in zip(rows, cal) if k], vectors[fitted])
    model = fit(x[cal], y[cal], vectors[fitted], c)
    probe = OpinionProbe(
        settings.embedding_model,
        [float(w) for w in model.coef_[0]],
        float(model.intercept_[0]),
        threshold,
        {
            "C": c,
            "backend": settings.embed_backend,
            "calibration_claims": int(cal.sum()),
            "opinions": int(y[cal].sum()),
            "article_sentences": len(fitted),
        },
    )
    test_rows = [r for r, k in zip(rows, test) if k]
    yt = y[test]
    words = flagged(test_rows, np.zeros(len(test_rows)), 2.0)
    both = flagged(test_rows, np.array([probe.probability(v) for v in x[test]]), threshold)
    for name, flags in (("word lists alone", words), ("word lists + probe", both)):
        print(
            f"test halves, {name}: opinions caught {int((flags & yt).sum())}/{int(yt.sum())}, "
            f"claims taken for opinions {int((flags & ~yt).sum())}/{int((~yt).sum())}"
        )
    for r, f, o in zip(test_rows, both, yt):
        if f and not o:
            print(f"  claim taken for an opinion: [{r['set']} {r['kind']}] {r['claim']}")
    if len(counted):
        hits = [sentences[i] for i in counted if probe.probability(vectors[i]) >= threshold]
        print(f"held-out article sentences read as opinions: {len(hits)}/{len(counted)}")
        for s in hits:
            print(f"  {s[:150]}")
    if args.write:
        probe.save(DEFAULT_PROBE)
        print(f"wrote {DEFAULT_PROBE}")


if __name__ == "__main__":
    main()
