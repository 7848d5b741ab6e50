"""Judge saved answers: a question set and the `ask --json -` output for it, line by line.

Any system that writes the `ask --json` contract can be judged this way (an older checkout of
this project, a baseline), with the same independent judge as `rag eval`:

    .venv/bin/python -m rag ask --json - < questions.jsonl > answers.jsonl
    .venv/bin/python bench/judge.py questions.jsonl answers.jsonl [--split test] [-v]

With --split, the answers file holds answers to that half's questions only, in order.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere, no install

from rag.evaluate import SPLITS, EvalRow, load_questions, summarize_by_split  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("answers", type=Path)
    parser.add_argument("--split", choices=SPLITS)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    items = load_questions(args.questions, args.split)  # the answers were written for these
    answers = [json.loads(line) for line in args.answers.read_text().splitlines() if line.strip()]
    if len(answers) != len(items):
        raise SystemExit(f"{len(items)} questions but {len(answers)} answers")
    rows = [EvalRow(i, a) for i, a in zip(items, answers)]
    for row in rows if args.verbose else []:
        print(
            ("ok " if row.ok else "BAD"),
            row.item.kind,
            repr(row.item.question[:70]),
            "->",
            repr(row.answer["answer"]),
        )
    print(json.dumps(summarize_by_split(rows), indent=1))


if __name__ == "__main__":
    main()
