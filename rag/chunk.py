"""Chunk: split the kept article text into overlapping runs of whole sentences.

Chunks never cross a removed boundary (a "Read also:" teaser, say), so ``chunk.text`` is always
exactly ``document.text[chunk.start:chunk.end]``; each sentence's span is kept too, so a
citation can point at one sentence rather than the whole chunk.
"""

from __future__ import annotations

from bisect import bisect_right

from rag.text import split_sentences
from rag.types import Chunk, Document


def chunk_document(doc: Document, max_chars: int, overlap_sentences: int, first_id: int) -> list[Chunk]:
    """Group each kept region's sentences into chunks of about ``max_chars``.

    Neighbouring chunks share ``overlap_sentences`` sentences so an answer that straddles a
    boundary is still found whole in one of them.
    """
    chunks: list[Chunk] = []
    for region in doc.kept:
        sentences = split_sentences(doc.text, region.start, region.end)
        i = 0
        while i < len(sentences):
            j = i + 1
            while j < len(sentences) and sentences[j].end - sentences[i].start <= max_chars:
                j += 1
            group = sentences[i:j]
            start, end = group[0].start, group[-1].end
            chunks.append(
                Chunk(
                    id=first_id + len(chunks),
                    source=doc.source,
                    start=start,
                    end=end,
                    text=doc.text[start:end],
                    title=doc.title,
                    outlet=doc.outlet,
                    date=doc.date,
                    sentences=group,
                    first_page=bisect_right(doc.pages, start) if doc.pages else None,
                    page_starts=[p for p in doc.pages if start < p < end],
                )
            )
            if j >= len(sentences):
                break
            i = max(j - overlap_sentences, i + 1)
    return chunks
