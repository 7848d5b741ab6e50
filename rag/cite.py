"""Cite: check every answer sentence against the passages and attach the citations that hold.

The model's own ``[n]`` markers are only a hint. Each sentence is compared with every sentence of
every passage (embedding similarity plus word overlap, and any number it states must appear in
the passage). A marker whose passage supports the sentence is kept; a wrong one is replaced by
the passage that does support it; a sentence nothing supports loses its markers and is dropped.
Citations point at the supporting sentences' exact span in the source file, not the whole chunk.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from rag.chunk import split_sentences
from rag.types import Citation, Passage, Span

MARKER = re.compile(r"\[(\d{1,2}(?:\s*[,;]\s*\d{1,2})*)\]")
REFUSAL_PATTERN = re.compile(
    r"((articles?|passages?|texts?|sources?|context)\s+(provided\s+)?(don't|do not|does not|doesn't)\s+"
    r"(say|mention|contain|provide|specify|include|state)|no information|not (mentioned|specified|"
    r"provided|stated|available)|cannot (be )?(answer|determine|find)|can't (answer|determine|find)|"
    r"there is no mention|unable to (answer|find|determine))",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w'’-]+", re.UNICODE)
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_STOPWORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being "
    "it its this that these those he she they them his her their there here what which who whom "
    "whose when where why how not no do does did has have had will would can could should may "
    "might must than then so such also about into over after before during said says say told "
    "according passage passages article articles".split()
)

# Calibrated on answers from the packaged models over the shipped articles (see BENCHMARKS.md).
SUPPORT_THRESHOLD = 0.5


@dataclass
class CitedAnswer:
    text: str
    citations: list[Citation]
    refused: bool
    dropped_sentences: list[str]


def _content_words(text: str) -> set[str]:
    words = set()
    for word in _WORD.findall(text.lower()):
        word = word.strip("'’-")
        if word in _STOPWORDS or (len(word) < 3 and not word.isdigit()):
            continue
        words.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return words


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def is_refusal(text: str) -> bool:
    """True when the model says the passages do not answer (in its first sentence)."""
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return bool(REFUSAL_PATTERN.search(first))


def _answer_sentences(text: str) -> list[tuple[str, list[int]]]:
    """(sentence without markers, marker numbers) pairs; marker-only pieces join the sentence before."""
    out: list[tuple[str, list[int]]] = []
    for span in split_sentences(text):
        raw = text[span.start : span.end]
        numbers = [int(n) for group in MARKER.findall(raw) for n in re.split(r"\s*[,;]\s*", group)]
        clean = re.sub(r"\s+([.,;:!?])", r"\1", MARKER.sub("", raw)).strip()
        if not re.search(r"\w", clean):
            if out:
                out[-1][1].extend(numbers)
            continue
        out.append((clean, numbers))
    return out


def _support(
    sentences: list[str],
    passages: list[Passage],
    embed: Callable[[list[str]], np.ndarray],
) -> tuple[np.ndarray, list[list[Span]]]:
    """support[i, p, j]: how well sentence j of passage p supports answer sentence i (0..1)."""
    spans = [p.chunk.sentences or [Span(p.chunk.start, p.chunk.end)] for p in passages]
    texts = [p.chunk.text[s.start - p.chunk.start : s.end - p.chunk.start] for p, ss in zip(passages, spans) for s in ss]
    width = max(len(ss) for ss in spans)
    vectors = embed(sentences + texts)
    answer_vecs, passage_vecs = vectors[: len(sentences)], vectors[len(sentences) :]
    cosine = answer_vecs @ passage_vecs.T
    scores = np.zeros((len(sentences), len(passages), width), dtype=np.float32)
    for i, sentence in enumerate(sentences):
        words, numbers = _content_words(sentence), _numbers(sentence)
        col = 0
        for p, passage in enumerate(passages):
            chunk_words = _content_words(passage.chunk.text)
            chunk_numbers = _numbers(passage.chunk.text)
            if numbers - chunk_numbers:
                col += len(spans[p])  # a number the passage never states: no support
                continue
            chunk_overlap = len(words & chunk_words) / len(words) if words else 0.0
            for j in range(len(spans[p])):
                text = texts[col]
                overlap = len(words & _content_words(text)) / len(words) if words else 0.0
                lexical = max(overlap, 0.8 * chunk_overlap)
                scores[i, p, j] = 0.5 * float(cosine[i, col]) + 0.5 * lexical
                col += 1
    return scores, spans


def cite(
    answer: str,
    passages: list[Passage],
    embed: Callable[[list[str]], np.ndarray],
    threshold: float = SUPPORT_THRESHOLD,
) -> CitedAnswer:
    """Verify the model's answer against ``passages`` (numbered from 1 in the prompt)."""
    answer = answer.strip()
    if not answer or is_refusal(answer) or not passages:
        return CitedAnswer("", [], True, [])
    sentences = _answer_sentences(answer)
    if not sentences:
        return CitedAnswer("", [], True, [])
    scores, spans = _support([s for s, _ in sentences], passages, embed)
    best_per_passage = scores.max(axis=2)  # (answer sentence, passage)

    kept: list[tuple[str, list[int]]] = []
    dropped: list[str] = []
    chosen_spans: dict[int, list[Span]] = {}
    for i, (sentence, markers) in enumerate(sentences):
        claimed = [m - 1 for m in dict.fromkeys(markers) if 1 <= m <= len(passages)]
        good = [p for p in claimed if best_per_passage[i, p] >= threshold]
        if not good:
            best = int(best_per_passage[i].argmax())
            good = [best] if best_per_passage[i, best] >= threshold else []
        if not good:
            dropped.append(sentence)
            continue
        kept.append((sentence, good))
        for p in good:
            chosen_spans.setdefault(p, []).append(spans[p][int(scores[i, p].argmax())])

    if not kept:
        return CitedAnswer("", [], True, dropped)

    numbering: dict[int, int] = {}
    for _, good in kept:
        for p in good:
            numbering.setdefault(p, len(numbering) + 1)
    text = " ".join(sentence + "".join(f" [{numbering[p]}]" for p in good) for sentence, good in kept)
    citations = []
    for p, n in numbering.items():
        passage = passages[p]
        start = min(s.start for s in chosen_spans[p])
        end = max(s.end for s in chosen_spans[p])
        offset = passage.chunk.start
        citations.append(
            Citation(
                n=n,
                source=passage.chunk.source,
                title=passage.chunk.title,
                start=start,
                end=end,
                text=passage.chunk.text[start - offset : end - offset],
                score=float(passage.score),
                outlet=passage.chunk.outlet,
                date=passage.chunk.date,
            )
        )
    return CitedAnswer(text, citations, False, dropped)
