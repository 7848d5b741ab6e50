"""Ingestion throughput: `rag index` against the raw encoder on the same chunks, same process.

    .venv/bin/python bench/corpora.py scale /tmp/bench/scale 10000
    .venv/bin/python bench/ingest.py /tmp/bench/scale --articles 1000

Copies the first N articles to a temporary corpus, builds an index of it from nothing with
`update_index` (read, clean, chunk, embed, FAISS, BM25, save), then encodes the very same chunk
texts with `SentenceTransformer.encode` alone, and prints chunks per second for both, their ratio
and the peak memory of the process. The two runs alternate twice and the better of each counts.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere, no install

from rag.embed import Embedder  # noqa: E402
from rag.ingest import embedding_text, update_index  # noqa: E402
from rag.settings import Settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ingest-"))
    corpus = work / "corpus"
    corpus.mkdir()
    for path in sorted(args.corpus.iterdir())[: args.articles]:
        shutil.copy(path, corpus / path.name)
    embedder = Embedder("all-MiniLM-L6-v2")
    embedder.embed(["warm up"] * 32)
    pipeline_rates, raw_rates = [], []
    for attempt in range(2):
        settings = Settings(corpus_dir=corpus, index_dir=work / f"index-{attempt}")
        started = time.perf_counter()
        index, report = update_index(settings, embedder)
        pipeline_rates.append(report.embedded_chunks / (time.perf_counter() - started))
        texts = [embedding_text(c) for c in sorted(index.chunks.values(), key=lambda c: c.id)]
        started = time.perf_counter()
        embedder.model.encode(texts, batch_size=embedder.batch_size, normalize_embeddings=True)
        raw_rates.append(len(texts) / (time.perf_counter() - started))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.articles} articles, {len(texts):,} chunks")
    print(f"rag index (from nothing):        {max(pipeline_rates):6.1f} chunks/s")
    print(f"SentenceTransformer.encode only: {max(raw_rates):6.1f} chunks/s")
    print(f"ratio: {max(pipeline_rates) / max(raw_rates):.2f}x of the raw encoder; peak RSS {peak:.0f} MB")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
