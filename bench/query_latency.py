"""Retrieval latency of the whole retriever (query embedding, FAISS, BM25, fusion, collapse).

    .venv/bin/python bench/query_latency.py QUESTIONS.jsonl --index DIR [--index DIR ...]
                                            [--backends torch onnx ...] [--rounds 2]

For each index folder and embedding backend: p50/p95 over the questions (each asked once per
round, nothing cached) and the process's resident memory after loading the index. The backends
search the same loaded index (its vectors are what its manifest says; only the query side is
timed here: the query's vector and the near-duplicate check's sentence vectors), take turns
question by question, and each round counts; the ratio is to torch in the same run.

The row "torch, before" is the retriever as it was before near-duplicate checks counted sentences
reprinted word for word without embedding them (`rag.collapse.is_near_duplicate`): the same
PyTorch encoder with every check embedding both chunks' sentences, so the last column compares
each backend, with today's retriever, with the retriever as it was.
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

import rag.retrieve  # noqa: E402
from rag.collapse import NEAR_DUPLICATE_SHARE, is_near_duplicate, shared_share  # noqa: E402
from rag.embed import Embedder  # noqa: E402
from rag.encoders import EMBED_BACKENDS  # noqa: E402
from rag.evaluate import load_questions  # noqa: E402
from rag.index import Index  # noqa: E402
from rag.retrieve import Retriever  # noqa: E402
from rag.settings import Settings  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def near_duplicate_before(a, b, embed) -> bool:
    """The near-duplicate check before the verbatim shortcut: always embeds both chunks' sentences."""
    return shared_share(a, b, embed) >= NEAR_DUPLICATE_SHARE


BEFORE = "torch, before"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--index", type=Path, action="append", required=True)
    parser.add_argument("--backends", nargs="+", default=["torch", "onnx"], choices=EMBED_BACKENDS)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    questions = [item.question for item in load_questions(args.questions)]
    backends = [BEFORE, "torch"] + [b for b in args.backends if b != "torch"]  # the baselines, always
    embedders = {b: Embedder("all-MiniLM-L6-v2", backend=b) for b in backends if b != BEFORE}
    embedders[BEFORE] = embedders["torch"]
    for embedder in embedders.values():
        embedder.embed(["warm up"])
    print(
        "| index | articles | chunks | vector search | backend | p50 ms | p95 ms | p95 × torch "
        "| p95 × torch, before | RSS MB |"
    )
    print("| --- | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for folder in args.index:
        current = (folder / "CURRENT").read_text().strip()
        manifest = json.loads((folder / current / "manifest.json").read_text())
        settings = Settings(
            _env_file=None,
            index_dir=folder,
            chunk_chars=manifest["chunk_chars"],
            embed_backend=manifest.get("embed_backend", "torch"),
        )
        index = Index.load(folder, settings)
        memory = rss_mb()
        retrievers = {b: Retriever(index, embedders[b]) for b in backends}
        times: dict[str, list[float]] = {b: [] for b in backends}
        for _ in range(args.rounds):
            for question in questions:
                for backend in backends:
                    embedders[backend].clear_cache()
                    rag.retrieve.is_near_duplicate = (
                        near_duplicate_before if backend == BEFORE else is_near_duplicate
                    )
                    started = time.perf_counter()
                    retrievers[backend].search(question, settings.top_k)
                    times[backend].append(1000 * (time.perf_counter() - started))
        base, before = np.percentile(times["torch"], 95), np.percentile(times[BEFORE], 95)
        for backend in backends:
            p95 = np.percentile(times[backend], 95)
            print(
                f"| {folder} | {len(index.files):,} | {len(index.chunks):,} | {index.store.kind} "
                f"| {backend} | "
                f"{statistics.median(times[backend]):.0f} | {p95:.0f} | {p95 / base:.2f}× | {p95 / before:.2f}× "
                f"| {memory:.0f} |",
                flush=True,
            )
        del index, retrievers


if __name__ == "__main__":
    main()
