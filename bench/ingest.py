"""Ingestion throughput per embedding backend: `rag index` and the raw encoder, same chunks, one run.

    .venv/bin/python bench/corpora.py scale /tmp/bench/scale 10000
    .venv/bin/python bench/ingest.py /tmp/bench/scale --articles 1000 [--backends torch onnx ...]

Copies the first N articles to a temporary corpus. For each backend, builds an index of it from
nothing with `update_index` (read, clean, chunk, embed, FAISS, BM25, save), then encodes the very
same chunk texts with the backend's encoder alone (`Embedder.embed`), and prints chunks per second
for both and their ratio to the PyTorch backend measured in the same run. The backends take turns
(--rounds times, default 2) and the best round of each counts, so load from other processes on a
shared machine hits them alike.
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
from rag.encoders import EMBED_BACKENDS  # noqa: E402
from rag.ingest import embedding_text, update_index  # noqa: E402
from rag.settings import Settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--backends", nargs="+", default=list(EMBED_BACKENDS), choices=EMBED_BACKENDS)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    backends = ["torch"] + [b for b in args.backends if b != "torch"]  # the baseline, always
    work = Path(tempfile.mkdtemp(prefix="ingest-"))
    corpus = work / "corpus"
    corpus.mkdir()
    for path in sorted(args.corpus.iterdir())[: args.articles]:
        shutil.copy(path, corpus / path.name)
    embedders = {b: Embedder("all-MiniLM-L6-v2", backend=b) for b in backends}
    for embedder in embedders.values():
        embedder.embed(["warm up"] * 32)
    pipeline_rates: dict[str, list[float]] = {b: [] for b in backends}
    raw_rates: dict[str, list[float]] = {b: [] for b in backends}
    texts: list[str] = []
    for attempt in range(args.rounds):
        for backend in backends:
            embedder = embedders[backend]
            settings = Settings(
                _env_file=None,
                corpus_dir=corpus,
                index_dir=work / f"index-{backend}-{attempt}",
                embed_backend=backend,
            )
            started = time.perf_counter()
            index, report = update_index(settings, embedder)
            pipeline_rates[backend].append(report.embedded_chunks / (time.perf_counter() - started))
            texts = [embedding_text(c) for c in sorted(index.chunks.values(), key=lambda c: c.id)]
            started = time.perf_counter()
            embedder.embed(texts)
            raw_rates[backend].append(len(texts) / (time.perf_counter() - started))
            print(
                f"  round {attempt + 1}, {backend}: rag index {pipeline_rates[backend][-1]:.1f} chunks/s, "
                f"encoder alone {raw_rates[backend][-1]:.1f} chunks/s",
                file=sys.stderr,
                flush=True,
            )
            shutil.rmtree(settings.index_dir)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.articles} articles, {len(texts):,} chunks, best of {args.rounds} alternating rounds")
    print("| backend | `rag index` chunks/s | × torch | encoder alone chunks/s | × torch |")
    print("| --- | ---: | ---: | ---: | ---: |")
    base_pipeline, base_raw = max(pipeline_rates["torch"]), max(raw_rates["torch"])
    for backend in backends:
        best_pipeline, best_raw = max(pipeline_rates[backend]), max(raw_rates[backend])
        print(
            f"| {backend} | {best_pipeline:.1f} | {best_pipeline / base_pipeline:.2f}× | "
            f"{best_raw:.1f} | {best_raw / base_raw:.2f}× |"
        )
    print(f"peak RSS of the process (all backends loaded): {peak:.0f} MB")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
