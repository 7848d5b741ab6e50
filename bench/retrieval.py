"""Retrieval variants measured side by side, to decide what the retriever keeps.

    .venv/bin/python bench/retrieval.py QUESTIONS.jsonl [--corpus DIR --index DIR]

Rows: dense, BM25, hybrid with reciprocal rank fusion at several k, hybrid without the
near-duplicate collapse, hybrid + MMR diversity (lambda 0.7), hybrid + query expansion (BM25
pseudo-relevance feedback: the top terms of the first three BM25 hits added to the query). Each
row reports recall@1/5/10, MRR and nDCG@10 over the gold articles, and the median latency per
query in this run. The index must exist (`python -m rag index --corpus DIR --index DIR`).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere, no install

from rag.evaluate import load_questions, retrieval_metrics  # noqa: E402
from rag.lexical import tokenize  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402
from rag.retrieve import Retriever  # noqa: E402
from rag.retrieve import ranked_sources as sources  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.types import Passage  # noqa: E402


def mmr(passages: list[Passage], vectors: np.ndarray, k: int, weight: float = 0.7) -> list[Passage]:
    """Maximal marginal relevance over the fused list: relevance minus redundancy."""
    chosen: list[int] = []
    left = list(range(len(passages)))
    while left and len(chosen) < k:

        def gain(i: int) -> float:
            redundancy = max((float(vectors[i] @ vectors[j]) for j in chosen), default=0.0)
            return weight * passages[i].score - (1 - weight) * redundancy

        best = max(left, key=gain)
        chosen.append(best)
        left.remove(best)
    return [passages[i] for i in chosen]


def expanded(retriever: Retriever, query: str, terms: int = 5) -> str:
    """The query plus the commonest new terms of its first three BM25 hits."""
    hits = retriever.index.lexical.search(query, 3)
    asked = set(tokenize(query))
    counts = Counter(
        t for chunk_id, _ in hits for t in tokenize(retriever.index.chunks[chunk_id].text) if t not in asked
    )
    return query + " " + " ".join(t for t, _ in counts.most_common(terms))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--index", type=Path, default=Path("index"))
    args = parser.parse_args()
    pipeline = Pipeline(Settings(corpus_dir=args.corpus, index_dir=args.index))
    items = load_questions(args.questions)
    index, embedder = pipeline.index, pipeline.embedder

    def run(name, search) -> None:
        latencies: list[float] = []
        embedder.clear_cache()  # every variant pays for its own query embeddings

        def timed(query: str, k: int) -> list[str]:
            started = time.perf_counter()
            ranked = search(query, k)
            latencies.append(time.perf_counter() - started)
            return ranked

        row = retrieval_metrics(items, timed)
        cells = " | ".join(str(row[m]) for m in ("recall@1", "recall@5", "recall@10", "mrr", "ndcg@10"))
        print(
            f"| {name} | {row['questions']} | {cells} | {1000 * statistics.median(latencies):.0f} |",
            flush=True,
        )

    print("| variant | questions | recall@1 | recall@5 | recall@10 | MRR | nDCG@10 | median ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    embedder.embed_cached(["warm up"])
    for mode in ("dense", "bm25"):
        retriever = Retriever(index, embedder, mode, collapse=False)
        run(mode, lambda q, k, r=retriever: sources(r.search(q, k)))
    for rrf_k in (10, 30, 60, 100):
        retriever = Retriever(index, embedder, "hybrid", rrf_k=rrf_k)
        run(f"hybrid, RRF k={rrf_k}", lambda q, k, r=retriever: sources(r.search(q, k)))
    plain = Retriever(index, embedder, "hybrid", collapse=False)
    run("hybrid, no collapse", lambda q, k: sources(plain.search(q, k)))

    def with_mmr(query: str, k: int) -> list[str]:
        pool = plain.search(query, 3 * k)
        vectors = index.store.vectors([p.chunk.id for p in pool])
        return sources(mmr(pool, vectors, k))

    run("hybrid + MMR 0.7", with_mmr)
    hybrid = Retriever(index, embedder, "hybrid")
    run("hybrid + query expansion", lambda q, k: sources(hybrid.search(expanded(hybrid, q), k)))


if __name__ == "__main__":
    main()
