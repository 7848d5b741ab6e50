"""Articles whose title is a cookie notice, an advertisement or a call to sign up, per folder.

    .venv/bin/python bench/furniture_titles.py FOLDER...     # e.g. tests/data/outlet_archive*

A scraped page's consent banner ("This website uses essential cookies only. [Accept]") or an
advertisement line ("[AD: Fresh cod every Friday]") or a call to sign up or log in ("You are
receiving this because you subscribed ...", "Members: log in to see ...") above the headline must
not become the article's title: the title labels every citation and heads the passages the
judging model reads. Each folder is indexed as its own archive through the public CLI (`bench/titles.py`), so this
script imports nothing of the code it judges; its own pattern below says what a notice looks like.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from titles import titles  # noqa: E402  (the sibling bench script, not the project's code)

FURNITURE = re.compile(
    r"cookie|\[\s*(accept|ok|close|ad|advertisement)\b|^\s*advertisement\b"
    r"|^\W*(sign up|subscribe\b|log ?in\b|members?\s*:\s*log in|you are receiving this|view (this email )?in (your )?browser)",
    re.IGNORECASE,
)


def main() -> None:
    folders = [Path(arg).resolve() for arg in sys.argv[1:]]
    total = furniture = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, folder in enumerate(folders):
            found = titles(folder, Path(tmp) / f"index{n}")
            bad = sorted(name for name, title in found.items() if FURNITURE.search(title))
            total += len(found)
            furniture += len(bad)
            print(f"{folder.name}: {len(found)} articles, {len(bad)} titled by furniture", file=sys.stderr)
    print(
        f"{len(folders)} folders, {total} articles: {furniture} titled by a cookie notice, an advertisement "
        "or a call to sign up"
    )


if __name__ == "__main__":
    main()
