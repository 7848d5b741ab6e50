"""Small text helpers shared by several stages: sentence splitting and stopwords."""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

from rag.types import Span

STOPWORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being "
    "it its this that these those he she they them his her their there here what which who whom "
    "whose when where why how not no do does did has have had will would can could should may "
    "might must than then so such also about into over after before during said says say told "
    "according".split()
)


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans (offsets into ``text``) between ``start`` and ``end``, paragraph by paragraph.

    Paragraphs (lines) are segmented separately: a line break always ends a sentence in
    scraped news, and short inputs keep the segmenter fast and its offsets exact.
    """
    end = len(text) if end is None else end
    spans: list[Span] = []
    for line in re.finditer(r"[^\r\n]+", text[start:end]):
        base = start + line.start()
        paragraph = line.group()
        cursor = 0
        for piece in _segmenter().segment(paragraph):
            sentence = piece.sent.strip()
            if not sentence:
                continue
            # Locate the stripped sentence from the cursor on: offsets stay exact even when the
            # segmenter's own spans drift on repeated or odd text.
            found = paragraph.find(sentence, cursor)
            if found < 0:
                continue
            spans.append(Span(base + found, base + found + len(sentence)))
            cursor = found + len(sentence)
    return spans
