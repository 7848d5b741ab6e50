"""Cite: check every answer sentence against the passages and attach the citations that hold.

The model's own ``[n]`` markers are only a hint. Each answer sentence is compared with every
sentence of every passage it was shown:

* meaning: embedding similarity between the two sentences;
* words: the share of the answer sentence's content words found in the passage sentence;
* facts: every number and every proper name it states must appear in that passage
  (the chunk text, its title or outlet) — the check that catches a fluent sentence whose cited
  passage does not contain its claim.

A marker whose passage supports the sentence is kept; a wrong one is replaced by the passage
that does; a sentence nothing supports loses its markers and is dropped. Citations point at the
supporting sentences' exact span in the source file, not the whole chunk.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

import numpy as np

from rag.collapse import restated_spans, sentence_spans
from rag.figures import figures_at_other_scales, percentages_in_words
from rag.text import (
    PRONOUNS,
    STOPWORDS,
    content_stems,
    dates_named,
    dates_told,
    days_named,
    is_negator,
    positioned_stems,
    spelled_months,
    split_sentences,
    stem,
    words,
)
from rag.tokens import number_stems, spelled_numbers
from rag.types import Citation, Passage, Span

MARKER = re.compile(r"\[(\d{1,2}(?:\s*[,;]\s*\d{1,2})*)\]")
REFUSAL_PATTERN = re.compile(
    r"((articles?|passages?|texts?|sources?|context)\s+(provided\s+)?(don't|do not|does not|doesn't)\s+"
    r"(say|mention|contain|provide|specify|include|state)|no information|not (mentioned|specified|"
    r"provided|stated|available)|cannot (be )?(answer|determine|find)|can't (answer|determine|find)|"
    r"there is no mention|unable to (answer|find|determine))",
    re.IGNORECASE,
)
_LEADING_MARKERS = re.compile(rf"^(\s*{MARKER.pattern})+")
# A marker beside a full stop closes the model's sentence when the next one opens, even where the
# segmenter still thinks a quotation is open ("... “in constant contact with. [1] The ...").
_MARKED_END = re.compile(
    rf"(?:[.!?][\"”’)]*(?:\s*{MARKER.pattern})+|(?:\s*{MARKER.pattern})+\s*[.!?])(?=\s+[\"“‘(]?[A-Z])"
)
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_CAPITALIZED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+")
_STOPWORDS = STOPWORDS | {"passage", "passages", "article", "articles"}
_NOT_NAMES = (
    {w.capitalize() for w in _STOPWORDS} | {"I", "We", "In", "On", "At", "As", "Yes", "No"} | PRONOUNS
)
# "Passage [2] (Title (Outlet)): ..." — a small model sometimes copies the passage header first.
_HEADER_ECHO = re.compile(r"^\s*(passage\s*)?(\[\d+\]\s*)?\((?:[^()]|\([^()]*\))*\)\s*:\s*", re.IGNORECASE)
# "The passage states that ...", "According to the article, ..." add nothing a citation does not say.
_LEAD_IN = re.compile(
    r"^(according to (the )?(passages?|articles?|texts?)( \[\d+\])?,?\s*|"
    r"(the )?(passages?|articles?|texts?)\s*(\[\d+\]\s*)?(states?|says?|mentions?|reports?|notes?)( that)?[:,]?\s*)",
    re.IGNORECASE,
)
_PROMPT_ECHO = re.compile(r"(^|\n)\s*(passages:|question:|answer with citations)", re.IGNORECASE)

_NUMBER_STEMS = number_stems()
MAX_ANSWER_SENTENCES = 4
# Share of each clause's content words that must follow the source's word order.
STATED_SHARE = 0.8
CLAUSE_BREAK = re.compile(r"[,;:()]|\s(?:and|but|while|whereas|although)\s", re.IGNORECASE)


@dataclass
class CitedAnswer:
    text: str
    citations: list[Citation]
    refused: bool
    dropped_sentences: list[str]
    unusable: bool = False  # the model produced nothing an answer can be made of
    support: float = 0.0  # the weakest kept sentence's support score (1.0 for a verbatim quote)
    extractive: bool = False  # quoted from a passage by the fallback, not written by the model


def content_words(text: str) -> set[str]:
    """Stems of the words that carry meaning ("troops" and "troop" meet; names are not cut); a
    number written in words meets its digits ("fourteen villages", "14 villages")."""
    return {
        _NUMBER_STEMS.get(w, w)
        for w in content_stems(text)
        if w not in _STOPWORDS and (len(w) > 2 or w.isdigit())
    }


def numbers(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}


def _as_digits(keys: set[str]) -> set[str]:
    """Spelled numbers as `numbers` reads digits: a time of day ("four o'clock", keyed "4:00") is
    the "4" of "4 a.m." and the "4", "30" or "4.30" of "4:30pm" / "4.30pm"."""
    found = set(keys)
    for key in keys:
        hour, colon, minute = key.partition(":")
        if colon and hour.isdigit() and minute.isdigit():
            found |= {hour} if minute == "00" else {hour, minute, f"{hour}.{minute}"}
    return found


def names(sentence: str) -> set[str]:
    """Proper names the sentence states, folded: capitalized words past its first word."""
    found = set()
    for match in _CAPITALIZED.finditer(spelled_months(sentence)):
        if match.start() == 0 or match.group() in _NOT_NAMES:
            continue
        found.update(words(match.group()))
    return found


def is_headline(sentence: str, title: str) -> bool:
    """A title or a label rather than a statement: no sentence-final punctuation, or the title."""
    text = sentence.strip()
    return not text or text == title.strip() or text[-1] not in ".!?\"”’'…)"


def stated(sentence: str, source: str) -> bool:
    """Does ``source`` state ``sentence``, not merely hold its words?

    Clause by clause, the sentence's content words must appear in the source in the same order
    for the most part, and the stretch of source they come from must not hold a negation or a
    contrast ("not", "rather than", "instead of") that the clause leaves out. "Its strength is a
    third of steel's", recombined from "its density is a third of steel's, while its strength
    ...", shares every word but not their order; "Yerevan prefers to work with Russia" taken
    from "Yerevan prefers to work with the West rather than with Russia" drops the "rather than".
    Neither is stated. "The bridge cost £28m, the council said" only swaps whole clauses, and is.
    """
    source_words = words(source)
    evidence = positioned_stems(source_words)
    evidence_stems = [s for s, _ in evidence]
    clauses = [(c, positioned_stems(c)) for c in (words(part) for part in CLAUSE_BREAK.split(sentence))]
    clauses = [(c, claim) for c, claim in clauses if claim]
    if not clauses:
        return False
    for clause_words, claim in clauses:
        claim_stems = [s for s, _ in claim]
        blocks = [
            b
            for b in SequenceMatcher(None, claim_stems, evidence_stems, autojunk=False).get_matching_blocks()
            if b.size
        ]
        if sum(b.size for b in blocks) / len(claim_stems) < STATED_SHARE:
            return False
        first, last = evidence[blocks[0].b][1], evidence[blocks[-1].b + blocks[-1].size - 1][1]
        negations = sum(is_negator(w) for w in source_words[first : last + 1])
        if negations > sum(is_negator(w) for w in clause_words):
            return False
        if not _quantities_bound(_unit_stems(clause_words), _unit_stems(source_words)):
            return False
    return True


def _unit_stems(folded: list[str]) -> list[str]:
    """Stems without stopwords, one-letter words kept: "829.8 m" is 829, 8, m."""
    return [stem(w) for w in folded if w not in STOPWORDS]


def _quantities_bound(claim: list[str], evidence: list[str]) -> bool:
    """Each number the claim gives *of something* ("829.8 floors") is given of the same thing in
    the source: the word after the number follows that number there too, within two words
    (units such as "m" count as words here)."""
    for n, token in enumerate(claim[:-1]):
        following = claim[n + 1]
        if not token.isdigit() or following.isdigit():
            continue
        places = [i for i, t in enumerate(evidence) if t == token]
        if places and not any(following in evidence[i + 1 : i + 3] for i in places):
            return False
    return True


def is_refusal(text: str) -> bool:
    """True when the model says the passages do not answer (in its first sentence)."""
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return bool(REFUSAL_PATTERN.search(first))


def _marker_numbers(text: str) -> list[int]:
    return [int(n) for group in MARKER.findall(text) for n in re.split(r"\s*[,;]\s*", group)]


def answer_sentences(text: str) -> list[tuple[str, list[int]]]:
    """(sentence without markers, marker numbers) pairs; marker-only pieces join the sentence before.

    Repeated sentences (small models loop) are kept once.
    """
    out: list[tuple[str, list[int]]] = []
    seen: set[str] = set()
    ends = [m.end() for m in _MARKED_END.finditer(text)]
    pieces = zip([0, *ends], [*ends, len(text)])
    for span in (s for start, end in pieces for s in split_sentences(text, start, end)):
        raw = text[span.start : span.end]
        leading = _LEADING_MARKERS.match(raw)
        if leading and out:  # "… contingent. [1] More than …": the marker closes the sentence before
            out[-1][1].extend(_marker_numbers(leading.group()))
            raw = raw[leading.end() :]
        markers = _marker_numbers(raw)
        clean = re.sub(r"\s+([.,;:!?])", r"\1", MARKER.sub("", raw)).strip(" []")
        stripped = _LEAD_IN.sub("", clean).lstrip('"“ ')
        if stripped != clean and re.search(r"\w", stripped):
            clean = stripped[0].upper() + stripped[1:]
        if not re.search(r"\w", clean):
            if out:
                out[-1][1].extend(markers)
            continue
        key = clean.lower()
        if key in seen:
            continue
        seen.add(key)
        out.append((clean, markers))
    return out


def _windows(passage: Passage) -> list[list[Span]]:
    """Each sentence of the passage, and each pair of neighbours (a claim may span two)."""
    spans = passage.chunk.sentences or [Span(passage.chunk.start, passage.chunk.end)]
    return [[s] for s in spans] + [[a, b] for a, b in zip(spans, spans[1:])]


def sentence_support(
    sentences: list[str],
    passages: list[Passage],
    embed: Callable[[list[str]], np.ndarray],
    told_otherwise: bool = False,
) -> tuple[np.ndarray, list[list[list[Span]]]]:
    """support[i, p, w]: how well window w of passage p supports answer sentence i (0..1).

    ``told_otherwise`` (the draft check's claims, written apart from the archive, not from it as
    answers are): a number the sentence gives in digits may be in words in the window ("another
    forty-eight hours"), and a date may be told by its "yesterday" or yearless "March 14", read
    from its article's date (`dates_told`)."""
    windows = [_windows(p) for p in passages]
    spans = [p.chunk.sentences or [Span(p.chunk.start, p.chunk.end)] for p in passages]
    texts = [p.chunk.quote(s) for p, ss in zip(passages, spans) for s in ss]
    # A sentence's "today" or "yesterday" names the weekday it was, from its article's date.
    dates = [p.chunk.date for p, ss in zip(passages, spans) for _ in ss]
    days = [days_named(t, d) for t, d in zip(texts, dates)]
    # What the draft check reads besides digits: only for a window lacking a claim's value.
    told = cache(lambda c: dates_named(texts[c], dates[c]))
    # ... and figures at another scale ("1.45 billion" for "1,450 million") or percentages as a
    # share in words ("six out of every ten" for "60 per cent"), with the header.
    other_forms = cache(lambda s, cs, p: _other_forms(s, " ".join([headers[p]] + [texts[c] for c in cs])))
    spelled = cache(lambda c: _as_digits(spelled_numbers(texts[c])))
    vectors = embed(sentences + texts)
    cosine = vectors[: len(sentences)] @ vectors[len(sentences) :].T
    offsets = np.cumsum([0] + [len(ss) for ss in spans])
    scores = np.zeros((len(sentences), len(passages), max(len(w) for w in windows)), dtype=np.float32)
    headers = [f"{p.chunk.title} {p.chunk.outlet or ''}" for p in passages]
    header_words = [set(words(h)) for h in headers]
    header_numbers = [numbers(h) for h in headers]
    raw_words = [set(words(f"{t} {d}")) for t, d in zip(texts, days)]
    sentence_numbers = [numbers(t) for t in texts]  # a weekday adds no number
    sentence_words = [content_words(t) for t in texts]
    for i, sentence in enumerate(sentences):
        claim_words, claim_numbers, named = content_words(sentence), numbers(sentence), names(sentence)
        for p in range(len(passages)):
            index = {s: offsets[p] + k for k, s in enumerate(spans[p])}
            for w, window in enumerate(windows[p]):
                cols = [index[s] for s in window]
                # Names may also come from the sentence before (a "he said" refers back) or the header.
                context = cols if cols[0] == offsets[p] else [cols[0] - 1] + cols
                known_words = header_words[p].union(*(raw_words[c] for c in context))
                known_numbers = header_numbers[p].union(*(sentence_numbers[c] for c in context))
                if claim_numbers - known_numbers or named - known_words:
                    if not told_otherwise:
                        continue  # a number or a name this part of the passage never states: no support
                    # ... or tells otherwise: in words, or by its "yesterday".
                    dated = dates_told(sentence, [d for c in context for d in told(c)])
                    known_numbers = known_numbers.union(numbers(dated), *(spelled(c) for c in context))
                    if claim_numbers - known_numbers:  # "1,450 million" where the window has "1.45 billion"
                        known_numbers = known_numbers | other_forms(sentence, tuple(context), p)
                    known_words = known_words | set(words(dated))
                    if claim_numbers - known_numbers or named - known_words:
                        continue  # a number or a name this part of the passage never states: no support
                window_words = set().union(*(sentence_words[c] for c in cols))
                overlap = len(claim_words & window_words) / len(claim_words) if claim_words else 0.0
                # A pair must earn its place: it is scored a little below a single sentence.
                penalty = 0.05 * (len(window) - 1)
                scores[i, p, w] = 0.5 * float(max(cosine[i, c] for c in cols)) + 0.5 * overlap - penalty
    return scores, windows


def _other_forms(sentence: str, text: str) -> set[str]:
    """The sentence's figures ``text`` gives in another form the draft check reads."""
    return figures_at_other_scales(sentence, text) | percentages_in_words(sentence, text)


def _citation(n: int, passage: Passage, spans: list[Span]) -> Citation:
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    return Citation.quoting(n, passage.chunk, Span(start, end), passage.score)


def passage_of(citation: Citation, passages: list[Passage]) -> Passage | None:
    """The passage whose chunk holds the cited span, among ``passages``."""
    return next(
        (
            p
            for p in passages
            if p.chunk.source == citation.source
            and p.chunk.start <= citation.start
            and citation.end <= p.chunk.end
        ),
        None,
    )


def add_other_sources(
    citations: list[Citation], passages: list[Passage], embed: Callable[[list[str]], np.ndarray]
) -> None:
    """Name, on each citation, the other articles that restate the cited sentences.

    They come from the passage's collapsed duplicates and from the other passages shown.
    """
    for citation in citations:
        cited_passage = passage_of(citation, passages)
        if cited_passage is None:
            continue
        cited = [
            cited_passage.chunk.quote(s)
            for s in sentence_spans(cited_passage.chunk)
            if citation.start <= s.start and s.end <= citation.end
        ]
        others = cited_passage.duplicates + [p.chunk for p in passages if p.chunk.source != citation.source]
        seen = {citation.source}
        for chunk in others:
            if chunk.source in seen or not cited:
                continue
            spans = restated_spans(cited, chunk, embed)
            if spans:
                seen.add(chunk.source)
                span = Span(spans[0].start, spans[-1].end)
                citation.also_in.append(Citation.quoting(citation.n, chunk, span, cited_passage.score))


def naive_citations(answer: str, passages: list[Passage]) -> CitedAnswer:
    """No verification: trust the model's markers and cite whole passages (the naive baseline)."""
    answer = answer.strip()
    if not answer or is_refusal(answer) or not passages:
        return CitedAnswer("", [], True, [])
    seen = [n for n in dict.fromkeys(_marker_numbers(answer)) if 1 <= n <= len(passages)]
    citations = [
        _citation(n, passages[n - 1], [Span(passages[n - 1].chunk.start, passages[n - 1].chunk.end)])
        for n in seen
    ]
    return CitedAnswer(answer, citations, False, [])


def cite(
    answer: str,
    passages: list[Passage],
    embed: Callable[[list[str]], np.ndarray],
    threshold: float = 0.5,
) -> CitedAnswer:
    """Verify the model's answer against ``passages`` (numbered from 1 in the prompt)."""
    answer = _HEADER_ECHO.sub("", answer.strip())
    if not passages or (answer and is_refusal(answer)):
        return CitedAnswer("", [], True, [])
    sentences = answer_sentences(answer)
    if not sentences or _PROMPT_ECHO.search(answer):
        return CitedAnswer("", [], True, [], unusable=True)
    sentences = sentences[:MAX_ANSWER_SENTENCES]
    scores, spans = sentence_support([s for s, _ in sentences], passages, embed)
    best_per_passage = scores.max(axis=2)  # (answer sentence, passage)

    kept: list[tuple[str, list[int]]] = []
    dropped: list[str] = []
    chosen_spans: dict[int, list[Span]] = {}
    support: list[float] = []
    for i, (sentence, markers) in enumerate(sentences):
        claimed = [m - 1 for m in dict.fromkeys(markers) if 1 <= m <= len(passages)]
        good = [p for p in claimed if best_per_passage[i, p] >= threshold]
        if not good:
            best = int(best_per_passage[i].argmax())
            good = [best] if best_per_passage[i, best] >= threshold else []
        if not good:
            dropped.append(sentence)
            continue
        windows = {p: spans[p][int(scores[i, p].argmax())] for p in good}
        first = good[0]
        if not stated(sentence, " ".join(passages[first].chunk.quote(s) for s in windows[first])):
            # The words are there but not the statement: show what the passage does state, each
            # of its sentences with its own marker.
            good = [first]
            for span in windows[first]:
                quote = passages[first].chunk.quote(span)
                if all(quote != k for k, _ in kept):
                    kept.append((quote, good))
        else:
            kept.append((sentence, good))
        support.append(float(best_per_passage[i, good].max()))
        for p in good:
            chosen_spans.setdefault(p, []).extend(windows[p])

    if not kept:
        return CitedAnswer("", [], True, dropped)
    numbering: dict[int, int] = {}
    for _, good in kept:
        for p in good:
            numbering.setdefault(p, len(numbering) + 1)
    text = " ".join(sentence + "".join(f" [{numbering[p]}]" for p in good) for sentence, good in kept)
    citations = [_citation(n, passages[p], chosen_spans[p]) for p, n in numbering.items()]
    return CitedAnswer(text, citations, False, dropped, support=min(support))


def extractive_answer(
    question: str,
    passages: list[Passage],
    embed: Callable[[list[str]], np.ndarray],
    accept: Callable[[str], bool] = lambda sentence: True,
    min_similarity: float = -1.0,
) -> CitedAnswer:
    """The passage sentence closest to the question, quoted and cited: the fallback answer.

    ``accept`` filters candidates (say, a "how many" question needs a sentence with a number).
    A headline (the article's title, or a line with no closing punctuation) states nothing and
    is never quoted as an answer.
    """
    candidates = [(p, s) for p in passages for s in (p.chunk.sentences or [Span(p.chunk.start, p.chunk.end)])]
    texts = [p.chunk.quote(s) for p, s in candidates]
    keep = [i for i, t in enumerate(texts) if accept(t) and not is_headline(t, candidates[i][0].chunk.title)]
    if not keep:
        return CitedAnswer("", [], True, [])
    candidates, texts = [candidates[i] for i in keep], [texts[i] for i in keep]
    vectors = embed([question] + texts)
    query_words = content_words(question)
    scores = [
        float(vectors[0] @ v)
        + 0.3 * (len(query_words & content_words(t)) / len(query_words) if query_words else 0.0)
        for v, t in zip(vectors[1:], texts)
    ]
    best = int(np.argmax(scores))
    if float(vectors[0] @ vectors[1 + best]) < min_similarity:
        return CitedAnswer("", [], True, [])
    passage, span = candidates[best]
    return CitedAnswer(
        f"{texts[best]} [1]", [_citation(1, passage, [span])], False, [], support=1.0, extractive=True
    )
