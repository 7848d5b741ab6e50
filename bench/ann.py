"""Approximate vs exact vector search at scale: recall@10, query latency and memory.

    .venv/bin/python bench/ann.py [--chunks 120000] [--index DIR] [--milvus]

Embedding 100k real chunks takes ~40 min on a 2-core laptop, so the large collection is built
from real embeddings instead: every Lee sentence is embedded once (MiniLM) and each "chunk" vector
is the normalised mean of four random sentence vectors, which is how mean pooling combines a
passage's content. Queries are other such mixtures, and 200 held-out Lee sentences. With
--index, the real vectors of a built index (say the 10,000-article scale corpus) are measured too.
Exact search is the flat index; the approximate one is what `FaissStore.fit_to_size` builds.
With --milvus, the same collection is also searched in Milvus (`RAG_VECTOR_STORE=milvus`).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

import faiss
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere, no install

from bench.corpora import lee_articles  # noqa: E402
from rag.embed import Embedder  # noqa: E402
from rag.store.faiss_store import FaissStore  # noqa: E402
from rag.text import split_sentences  # noqa: E402


def unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def measure(name: str, vectors: np.ndarray, queries: np.ndarray, threshold: int, sweep: bool = False) -> None:
    ids = np.arange(len(vectors), dtype=np.int64)
    exact = FaissStore(vectors.shape[1])
    exact.add(ids, vectors)
    approx = FaissStore(vectors.shape[1])
    approx.add(ids, vectors)
    started = time.perf_counter()
    approx.fit_to_size(threshold)
    build_s = time.perf_counter() - started

    def run(store: FaissStore) -> tuple[list[set[int]], list[float]]:
        found, latencies = [], []
        for q in queries:
            t = time.perf_counter()
            found.append({i for i, _ in store.search(q, 10)})
            latencies.append(1000 * (time.perf_counter() - t))
        return found, latencies

    truth, exact_ms = run(exact)
    if sweep:  # how recall and time move with the share of clusters visited
        nprobe = approx.index.nprobe
        for share in (64, 32, 16, 8, 4):
            approx.index.nprobe = max(1, approx.index.nlist // share)
            found, ms = run(approx)
            recall = statistics.mean(len(a & b) / 10 for a, b in zip(found, truth))
            print(
                f"|  | nprobe = nlist/{share} = {approx.index.nprobe} | recall@10 {recall:.3f} | p50 {statistics.median(ms):.2f} ms |"
            )
        approx.index.nprobe = nprobe
    got, approx_ms = run(approx)
    recall = statistics.mean(len(a & b) / 10 for a, b in zip(got, truth))
    size_mb = faiss.serialize_index(approx.index).nbytes / 1e6
    print_row(name, len(vectors), approx.kind, recall, exact_ms, approx_ms, build_s, f"{size_mb:.0f}")


def print_row(
    name: str, count: int, kind: str, recall: float, exact_ms: list, other_ms: list, build_s: float, size: str
) -> None:
    """One row of the table: recall against exact search, both latencies as p50 / p95."""
    p95 = lambda xs: float(np.percentile(xs, 95))  # noqa: E731
    print(
        f"| {name} | {count:,} | {kind} | {recall:.3f} | "
        f"{statistics.median(exact_ms):.1f} / {p95(exact_ms):.1f} | "
        f"{statistics.median(other_ms):.2f} / {p95(other_ms):.2f} | {build_s:.1f} | {size} |",
        flush=True,
    )


def measure_milvus(vectors: np.ndarray, queries: np.ndarray) -> None:
    """The same collection in Milvus (a milvus-lite file, AUTOINDEX), against exact FAISS search."""
    import tempfile

    from rag.store.milvus_store import MilvusStore

    ids = np.arange(len(vectors), dtype=np.int64)
    exact = FaissStore(vectors.shape[1])
    exact.add(ids, vectors)
    folder = Path(tempfile.mkdtemp(prefix="ann-milvus-"))
    started = time.perf_counter()
    store = MilvusStore.new(vectors.shape[1], str(folder / "milvus.db"), "", "ann")
    store.add(ids, vectors)
    store.save(folder)  # flushed and indexed, as after `rag index`
    build_s = time.perf_counter() - started
    recalls, exact_ms, milvus_ms = [], [], []
    for q in queries:
        t = time.perf_counter()
        truth = {i for i, _ in exact.search(q, 10)}
        exact_ms.append(1000 * (time.perf_counter() - t))
        t = time.perf_counter()
        got = {i for i, _ in store.search(q, 10)}
        milvus_ms.append(1000 * (time.perf_counter() - t))
        recalls.append(len(truth & got) / 10)
    kind = f"{store.kind.split(' at ')[0]}, AUTOINDEX"
    print_row(
        "Milvus (milvus-lite file)",
        len(vectors),
        kind,
        statistics.mean(recalls),
        exact_ms,
        milvus_ms,
        build_s,
        "–",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=120_000)
    parser.add_argument("--index", type=Path, help="a built index folder whose real vectors to measure too")
    parser.add_argument("--sweep", action="store_true", help="also print recall for other nprobe values")
    parser.add_argument("--milvus", action="store_true", help="also measure the Milvus store (milvus-lite)")
    args = parser.parse_args()

    sentences = [t[s.start : s.end] for t in lee_articles() for s in split_sentences(t)]
    rng = np.random.default_rng(0)
    rng.shuffle(sentences)
    held_out, pool = sentences[:200], sentences[200:]
    embedder = Embedder("all-MiniLM-L6-v2", 64)
    started = time.perf_counter()
    pool_vectors = embedder.embed(pool)
    held_vectors = embedder.embed(held_out)
    print(f"embedded {len(pool) + len(held_out):,} real sentences in {time.perf_counter() - started:.0f} s")
    mix = rng.integers(0, len(pool), size=(args.chunks, 4))
    chunks = unit(pool_vectors[mix].mean(axis=1))
    mixed_queries = unit(pool_vectors[rng.integers(0, len(pool), size=(200, 4))].mean(axis=1))
    queries = np.vstack([held_vectors, mixed_queries])

    print("| collection | vectors | approximate index | recall@10 vs exact | exact ms p50 / p95 |"
          " approximate ms p50 / p95 | build s | index MB |")  # fmt: skip
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    measure("mixtures of real sentence vectors", chunks, queries, threshold=50_000, sweep=args.sweep)
    if args.milvus:
        measure_milvus(chunks, queries)
    if args.index:
        current = (args.index / "CURRENT").read_text().strip()
        store = FaissStore.load(args.index / current)
        ids = store.ids()
        vectors = store.vectors(ids.tolist())
        manifest = json.loads((args.index / current / "manifest.json").read_text())
        name = f"real chunk vectors ({len(manifest['files']):,} articles)"
        measure(name, vectors, queries, threshold=1000, sweep=args.sweep)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this run: {peak:.0f} MB")


if __name__ == "__main__":
    main()
