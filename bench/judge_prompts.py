"""How well the judging model tells a window that states a claim from one that does not, per prompt.

    .venv/bin/python bench/judge_prompts.py harvest PAIRS CORPUS:INDEX:SET [...]   # no model
    .venv/bin/python bench/judge_prompts.py score PAIRS VARIANT OUT                 # the 1.5B model
    .venv/bin/python bench/judge_prompts.py report OUT [OUT ...]

`harvest` takes each calibration claim of a claim set (`tests/data/claims_SET.jsonl`) labelled
supported, contradicted or not_found, finds its passages in the set's archive as the draft check
does, and keeps the window closest to it in meaning (support score 0.4 or more) that gives every
number and date of the claim, read under its article's headline: the kind of text the judging
model is asked about. Positive when the claim is supported and the window's article is a gold
source, negative when the claim is contradicted or not found. `score` writes the model's
probability of "Yes" for each pair under one prompt; `report` prints the AUC and, per threshold,
the share of positives kept and of negatives let through. Calibration halves only: the prompt
is fitted on them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere, no install

ROOT = Path(__file__).resolve().parent.parent
ASK = "Does the text state that? Answer Yes or No."


def _chat(system: str, user: str) -> list[dict]:
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def _details(text: str, claim: str) -> list[dict]:
    from rag.judge import SYSTEM

    question = (
        "Does the text state every detail of the statement, in the same or other words? Answer Yes or No."
    )
    return _chat(SYSTEM, f"Text: {text}\n\nStatement: {claim}\n\n{question}")


def _strict(text: str, claim: str) -> list[dict]:
    system = "You are a careful fact checker for a newsroom. You compare a statement with a news text."
    question = (
        "Is every fact in the statement (each number, date, name, place, and who said what) given by the news "
        "text? The wording may differ. Answer Yes or No."
    )
    return _chat(system, f"News text:\n{text}\n\nStatement: {claim}\n\n{question}")


def _claim_first(text: str, claim: str) -> list[dict]:
    from rag.judge import SYSTEM

    question = "Does the text state that the statement is true? Answer Yes or No."
    return _chat(SYSTEM, f"Statement: {claim}\n\nText: {text}\n\n{question}")


_EXAMPLE = "The council approved the 12 million euro budget on Tuesday, mayor Ana Ruiz said."
_SHOTS = [
    ("Mayor Ana Ruiz said councillors passed a budget of 12 million euros on Tuesday.", "Yes"),
    ("Mayor Ana Ruiz said councillors passed a budget of 15 million euros on Tuesday.", "No"),
    ("Treasurer Luis Gil said councillors passed a budget of 12 million euros on Tuesday.", "No"),
    ("The budget passed on Tuesday will fund three new schools.", "No"),
]


def _few_shot(text: str, claim: str) -> list[dict]:
    from rag.judge import SYSTEM

    messages = [{"role": "system", "content": SYSTEM}]
    for shot, answer in _SHOTS:
        messages += [
            {"role": "user", "content": f"Text: {_EXAMPLE}\n\nStatement: {shot}\n\n{ASK}"},
            {"role": "assistant", "content": answer},
        ]
    return messages + [{"role": "user", "content": f"Text: {text}\n\nStatement: {claim}\n\n{ASK}"}]


def _current(text: str, claim: str) -> list[dict]:
    from rag.judge import judge_messages

    return judge_messages(text, claim)


def _untitled(text: str, claim: str) -> list[dict]:
    """The window alone, without the headline a harvested read carries above it."""
    from rag.judge import judge_messages

    _, _, window = text.rpartition("\n\n")  # a harvested read is "headline\n\nwindow"
    return judge_messages(window, claim)


VARIANTS = {
    "current": _current,
    "untitled": _untitled,
    "details": _details,
    "strict": _strict,
    "claim-first": _claim_first,
    "few-shot": _few_shot,
}


def harvest(out: Path, sets: list[str]) -> None:
    from rag.check import DraftChecker, claim_text
    from rag.cite import sentence_support
    from rag.pipeline import Pipeline
    from rag.settings import Settings
    from rag.tokens import is_loose_number, tokens

    with out.open("w", encoding="utf-8") as pairs:
        for spec in sets:
            corpus, index, name = spec.split(":")
            checker = DraftChecker(Pipeline(Settings(corpus_dir=corpus, index_dir=index)))
            for line in (ROOT / f"tests/data/claims_{name}.jsonl").read_text(encoding="utf-8").splitlines():
                gold = json.loads(line)
                if gold["split"] != "calibration" or gold["verdict"] not in (
                    "supported",
                    "contradicted",
                    "not_found",
                ):
                    continue
                claim = claim_text(gold["claim"])
                passages = checker._passages(claim)
                if not passages:
                    continue
                scores, windows = sentence_support(
                    [claim], [checker._with_article_names(p) for p in passages], checker.embed
                )
                values = {
                    t.key
                    for t in tokens(claim)
                    if t.kind in ("number", "date") and not is_loose_number(t.text)
                }
                best = None
                for i, passage in enumerate(passages):
                    spans = passage.chunk.sentences
                    for w, window in enumerate(windows[i]):
                        score = float(scores[0, i, w])
                        if score < 0.4 or (best and score <= best[0]):
                            continue
                        text = " ".join(passage.chunk.quote(s) for s in window)
                        k = spans.index(window[0]) if window[0] in spans else 0
                        before = passage.chunk.quote(spans[k - 1]) if k else ""
                        if values - {t.key for t in tokens(f"{passage.chunk.title} {before} {text}")}:
                            continue
                        best = (score, passage.chunk.source, text, passage.chunk.title)
                if best is None:
                    continue
                score, source, text, title = best
                if gold["verdict"] == "supported" and source not in gold["sources"]:
                    continue  # supported elsewhere: this window is neither
                label = "pos" if gold["verdict"] == "supported" else "neg"
                read = f"{title}\n\n{text}" if title and title not in text else text
                row = {
                    "set": name,
                    "claim": claim,
                    "text": read,
                    "label": label,
                    "score": score,
                    "kind": gold["kind"],
                }
                pairs.write(json.dumps(row) + "\n")


def score(pairs: Path, variant: str, out: Path) -> None:
    from rag.pipeline import Pipeline
    from rag.settings import Settings

    pipeline = Pipeline(Settings())
    generator = pipeline.with_options(
        model=pipeline.settings.check_model_or_none, generator="local"
    ).generator
    with out.open("w", encoding="utf-8") as scored:
        for line in pairs.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            row["p"] = generator.first_word_probability(
                VARIANTS[variant](row["text"], row["claim"]), "Yes", "No"
            )
            scored.write(json.dumps(row) + "\n")


def report(files: list[Path]) -> None:
    for path in files:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        pos = [r["p"] or 0.0 for r in rows if r["label"] == "pos"]
        neg = [r["p"] or 0.0 for r in rows if r["label"] == "neg"]
        auc = sum((a > b) + 0.5 * (a == b) for a in pos for b in neg) / max(1, len(pos) * len(neg))
        cuts = " | ".join(
            f"{t}: kept {sum(a >= t for a in pos) / max(1, len(pos)):.2f}, "
            f"let through {sum(b >= t for b in neg) / max(1, len(neg)):.2f}"
            for t in (0.5, 0.6, 0.7, 0.8, 0.9)
        )
        print(f"{path.name}: {len(pos)}+{len(neg)} pairs, AUC {auc:.3f} | {cuts}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    harvesting = commands.add_parser("harvest")
    harvesting.add_argument("pairs", type=Path)
    harvesting.add_argument(
        "sets", nargs="+", help="CORPUS:INDEX:SET, e.g. /tmp/m29:/tmp/m29-index:twentyninth"
    )
    scoring = commands.add_parser("score")
    scoring.add_argument("pairs", type=Path)
    scoring.add_argument("variant", choices=sorted(VARIANTS))
    scoring.add_argument("out", type=Path)
    reporting = commands.add_parser("report")
    reporting.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args()
    if args.command == "harvest":
        harvest(args.pairs, args.sets)
    elif args.command == "score":
        score(args.pairs, args.variant, args.out)
    else:
        report(args.files)


if __name__ == "__main__":
    main()
