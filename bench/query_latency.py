"""Retrieval latency of the whole retriever (query embedding, FAISS, BM25, fusion, collapse).

    .venv/bin/python bench/query_latency.py QUESTIONS.jsonl --index DIR [--index DIR ...]

For each index folder: p50/p95 over the questions (each asked once, nothing cached) and the
process's resident memory after loading it.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere, no install

from rag.embed import Embedder  # noqa: E402
from rag.evaluate import load_questions  # noqa: E402
from rag.index import Index  # noqa: E402
from rag.retrieve import Retriever  # noqa: E402
from rag.settings import Settings  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--index", type=Path, action="append", required=True)
    args = parser.parse_args()
    questions = [item.question for item in load_questions(args.questions)]
    embedder = Embedder("all-MiniLM-L6-v2")
    embedder.embed(["warm up"])
    print("| index | articles | chunks | vector search | p50 ms | p95 ms | RSS after loading, MB |")
    print("| --- | ---: | ---: | --- | ---: | ---: | ---: |")
    for folder in args.index:
        current = (folder / "CURRENT").read_text().strip()
        manifest = json.loads((folder / current / "manifest.json").read_text())
        settings = Settings(index_dir=folder, chunk_chars=manifest["chunk_chars"])
        index = Index.load(folder, settings)
        memory = rss_mb()
        retriever = Retriever(index, embedder)
        times = []
        for question in questions:
            embedder.clear_cache()
            started = time.perf_counter()
            retriever.search(question, settings.top_k)
            times.append(1000 * (time.perf_counter() - started))
        print(
            f"| {folder} | {len(index.files):,} | {len(index.chunks):,} | {index.store.kind} | "
            f"{statistics.median(times):.0f} | {np.percentile(times, 95):.0f} | {memory:.0f} |",
            flush=True,
        )
        del index, retriever


if __name__ == "__main__":
    main()
