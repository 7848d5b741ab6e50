"""Checking drafts beyond the labelled claims: how often does the checker claim too much?

    .venv/bin/python bench/check_drafts.py [N]

Two probes, N sentences each (default 60), drawn with a fixed seed:

* **unrelated**: sentences of the Lee news articles (Australia, 2001) checked against the five seed
  articles (Karabakh, 2023). None is in that archive: every `supported`, `contradicted` or `mixed`
  verdict is a false positive.
* **verbatim**: sentences of the seed articles checked against themselves. Each is stated word for
  word: anything but `supported` (or `mixed`, when another outlet dates it otherwise) is a miss.

Prints the verdict counts per probe and the seconds per sentence.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpora import lee_articles  # noqa: E402
from rag.check import DraftChecker  # noqa: E402
from rag.claims import not_a_claim  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.text import split_sentences  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def sample(texts: list[str], n: int, seed: int = 0) -> list[str]:
    sentences = [t[s.start : s.end] for t in texts for s in split_sentences(t)]
    sentences = [s for s in sentences if len(s.split()) >= 6 and not not_a_claim(s)]
    return random.Random(seed).sample(sentences, min(n, len(sentences)))


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = Pipeline(
            Settings(_env_file=None, corpus_dir=ROOT / "corpus", index_dir=Path(tmp) / "index")
        )
        pipeline.update_index()
        checker = DraftChecker(pipeline)
        seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
        probes = {
            "unrelated (Lee vs seeds)": sample(lee_articles(), n),
            "verbatim (seeds vs seeds)": sample(seeds, n),
        }
        print(
            "| probe | sentences | supported | contradicted | mixed | not_found | not_a_claim | s/sentence |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, sentences in probes.items():
            started = time.perf_counter()
            results = [checker.check_sentence(s) for s in sentences]
            per = (time.perf_counter() - started) / len(sentences)
            verdicts = Counter(r.verdict for r in results)
            cells = " | ".join(
                str(verdicts[v]) for v in ("supported", "contradicted", "mixed", "not_found", "not_a_claim")
            )
            print(f"| {name} | {len(sentences)} | {cells} | {per:.2f} |")
            expected = (
                {"not_found", "not_a_claim"} if name.startswith("unrelated") else {"supported", "mixed"}
            )
            for result in [r for r in results if r.verdict not in expected][:10]:
                print(
                    f"  {result.verdict}: {result.sentence[:100]!r} {result.differs or ''}", file=sys.stderr
                )


if __name__ == "__main__":
    main()
