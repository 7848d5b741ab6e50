"""The held-out question sets over their three corpora, one half at a time, project vs naive.

    .venv/bin/python bench/heldout.py --split test [--work /tmp/heldout] [--naive] [--sets seeds lee wiki]

Writes the Lee and Wikipedia corpora (bench/corpora.py) under --work if missing, brings an index
for each corpus up to date there, then runs `rag eval --split SPLIT --json` in a child process per
set (the same command a reader would type) and prints one table. BENCHMARKS.md reports the test
half; the calibration half is what bench/calibrate.py fits on.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "seeds": (ROOT / "tests/data/heldout_seeds.jsonl", None),
    "lee": (ROOT / "tests/data/heldout_lee.jsonl", "lee"),
    "wiki": (ROOT / "tests/data/heldout_wiki.jsonl", "wiki"),
}
COLUMNS = [
    "questions",
    "fact_and_citation",
    "answer_accuracy",
    "citation_precision",
    "false_refusals",
    "refusal_accuracy",
    "near_miss_refused",
    "first_token_p50_s",
    "total_p50_s",
]


def run(*args: str) -> str:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("calibration", "test"), default="test")
    parser.add_argument("--work", type=Path, default=Path("/tmp/heldout"))
    parser.add_argument("--naive", action="store_true", help="also run the naive baseline")
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS))
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    rows = []
    for name in args.sets:
        questions, kind = SETS[name]
        corpus = ROOT / "corpus" if kind is None else args.work / "corpora" / kind
        if kind is not None and not corpus.is_dir():
            run("bench/corpora.py", kind, str(corpus))
        index = args.work / "index" / name
        run("-m", "rag", "index", "--corpus", str(corpus), "--index", str(index))
        for naive in [False, True] if args.naive else [False]:
            command = ["-m", "rag", "eval", str(questions), "--split", args.split, "--json"]
            command += ["--corpus", str(corpus), "--index", str(index)]
            command += ["--naive"] if naive else []
            command += ["--model", args.model] if args.model else []
            report = json.loads(run(*command).strip().splitlines()[-1])
            rows.append((name, "naive" if naive else "project", report[args.split]))
            print(f"{name} {'naive' if naive else 'project'} done", file=sys.stderr)
    print(f"\n{args.split} half\n")
    print("| set | system | " + " | ".join(COLUMNS) + " |")
    print("| --- | --- |" + " ---: |" * len(COLUMNS))
    for name, system, summary in rows:
        print(f"| {name} | {system} | " + " | ".join(str(summary.get(c)) for c in COLUMNS) + " |")


if __name__ == "__main__":
    main()
