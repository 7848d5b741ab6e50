"""Titles found by cleaning, against headlines a person copied from each page.

    .venv/bin/python bench/titles.py [GOLD]     # default tests/data/titles_gold.jsonl

GOLD lines are {"file", "title", "split"}: the headline copied exactly from the page ("" when the
page has none), labelled by someone who never saw the cleaning code. The pages are those of the
outlet archives (`tests/data/outlet_archive*/`, calibration up to the seventh, test from the
eighth), the shipped articles (calibration) and `tests/data/title_pages/` (split "blind": 40 pages
written, with their headlines, by someone who had seen neither the code nor the other pages, after
the header rules were written). Each folder is indexed as its own archive through the public CLI (`rag articles
--json`), so this script imports nothing of the code it judges. Prints, per split, the share of
titled pages whose title is the headline (case and spacing aside) and the pages with no headline
that were given one.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def normal(text: str) -> str:
    return " ".join(text.replace("…", "").split()).casefold()


def titles(folder: Path, index: Path) -> dict[str, str]:
    """Index ``folder`` as an archive of its own and list its articles' titles."""
    where = ["--corpus", str(folder), "--index", str(index)]
    subprocess.run([sys.executable, "-m", "rag", "index", *where], cwd=ROOT, capture_output=True, check=True)
    run = subprocess.run(
        [sys.executable, "-m", "rag", "articles", "--json", *where],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    return {row["source"]: row.get("title") or "" for row in rows}


def main() -> None:
    gold_path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "data" / "titles_gold.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_folder: dict[Path, list[dict]] = defaultdict(list)
    for row in gold:
        by_folder[(ROOT / row["file"]).parent].append(row)
    score: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, (folder, rows) in enumerate(sorted(by_folder.items())):
            found = titles(folder, Path(tmp) / f"index{n}")
            for row in rows:
                title = found.get(Path(row["file"]).name, "")
                counts = score[row["split"]]
                if row["title"]:
                    counts["titled"] += 1
                    counts["headline"] += normal(title) == normal(row["title"])
                    if normal(title) != normal(row["title"]) and row["split"] == "calibration":
                        misses.append(f"{row['file']}: {title[:60]!r} (headline {row['title'][:60]!r})")
                else:
                    counts["untitled"] += 1
            print(f"{folder.relative_to(ROOT)}: {len(rows)} pages", file=sys.stderr)
    print(
        f"{'split':>12} {'titled pages':>13} {'title is the headline':>22} {'share':>6} {'no headline':>12}"
    )
    for split, counts in sorted(score.items()):
        share = counts["headline"] / max(1, counts["titled"])
        print(
            f"{split:>12} {counts['titled']:>13} {counts['headline']:>22} {share:>6.3f} {counts['untitled']:>12}"
        )
    if misses:
        print("\ncalibration misses:\n  " + "\n  ".join(misses))


if __name__ == "__main__":
    main()
