"""What the draft check reads in passages: a window found for a claim, the sentences of passages
with what names their subject, and what a figure counts. Shared by the support and contradiction
tests (`rag.check`) and the other outlets' (`rag.outlets`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from rag.figures import figures, is_time_run
from rag.text import content_stems, days_named
from rag.tokens import Token, tokens
from rag.types import Chunk, Citation, Passage, Span

# A claim the word tests leave not found is read once more against the sentences closest to it in
# meaning (`rag.check.DraftChecker._judged_difference`): the first CANDIDATE_VALUES of them that
# give another value than the claim's. Contradicted when the model is sure (`rag.check.CORRECTED_YES`)
# the sentence states the claim with the source's value put back, and CORRECTED_GAIN surer of that
# than of the claim as written (a model that says Yes to both cannot tell the values apart).
CLOSEST_SENTENCES = 8
CANDIDATE_VALUES = 3
CORRECTED_GAIN = 0.1

UNITS = frozenset({"percent"})  # what a figure is measured in, not what it counts


@dataclass
class Found:
    """A passage window that states or contradicts a claim, cited from its spans."""

    passage: Passage
    spans: list[Span]
    score: float
    judged: float | None = None  # the judging model's probability, when it decided
    as_written: float | None = None  # ... and of the claim as written, when it weighed both readings
    # Sentences of the same article from other passages that the model read with this one
    # (a claim joining the article's opening figure to a later detail), cited after it.
    also: list[Found] = field(default_factory=list)

    def citation(self, n: int) -> Citation:
        span = Span(min(s.start for s in self.spans), max(s.end for s in self.spans))
        return Citation.quoting(n, self.passage.chunk, span, self.passage.score)

    def citations(self) -> list[Citation]:
        """This passage's citation, then those of the sentences read with it (numbered from 1)."""
        return [found.citation(n) for n, found in enumerate([self, *self.also], start=1)]


def counted_by(text: str, keys: set[str]) -> set[str]:
    """What the first number of ``text`` with one of ``keys`` counts (`rag.figures.figures`);
    empty when it says not."""
    return next((counted for key, _, counted in figures(tokens(text)) if key in keys), set())


def passage_sentences(passages: list[Passage]) -> list[tuple[Passage, Span, str, str]]:
    """Every sentence of the passages, with what names its subject: the passage title, its outlet
    and the sentences either side (they say who "he" is, or who said the quote: "...," Peskov told
    reporters), and the day its "today" or "yesterday" is (`days_named`)."""
    items: list[tuple[Passage, Span, str, str]] = []
    for passage in passages:
        chunk = passage.chunk
        spans = chunk.sentences or [Span(chunk.start, chunk.end)]
        for k, span in enumerate(spans):
            near = " ".join(chunk.quote(s) for s in spans[max(0, k - 1) : k + 2] if s != span)
            text = chunk.quote(span)
            context = f"{chunk.title} {chunk.outlet or ''} {near} {days_named(text, chunk.date)}"
            items.append((passage, span, text, context))
    return items


def with_previous_sentence(chunk: Chunk, span: Span) -> str:
    """A passage sentence with the one before it, as the judging model reads it (a figure's
    subject is often named the sentence before)."""
    spans = chunk.sentences or [span]
    k = spans.index(span) if span in spans else 0
    return " ".join(chunk.quote(s) for s in spans[max(0, k - 1) : k + 1])


def with_next_sentence(chunk: Chunk, span: Span, claim: str, kind: str) -> tuple[str, Span] | None:
    """The window `with_previous_sentence` reads, with the sentence after it, when that one
    gives a word of the claim the window lacks and no value of ``kind`` (a date, a number; a
    time of day is no number here) of its own: a wire's "... above Tarsen on Tuesday afternoon"
    is followed by "The slide came down the Larch Gully at about 4.40 p.m.", the claim's place.

    None when the next sentence adds none of the claim's words (or the passage ends), and when
    the sentence itself shares none past what a value measures ("Thursday evening", "50,000
    vells"): its value would be another event's ("The council voted on Thursday ..." before "The
    rockslide came down ...", a race that "raised 310,000 vells" before its winner's words)."""
    spans = chunk.sentences or [span]
    k = spans.index(span) if span in spans else len(spans)
    if k + 1 >= len(spans):
        return None
    claim_side = tokens(claim)
    told = {
        t.key
        for i, t in enumerate(claim_side)
        if t.kind in ("word", "name") and not (i and claim_side[i - 1].kind in ("date", "number"))
    }
    if not told & {t.key for t in tokens(chunk.quote(span))}:
        return None
    following = spans[k + 1]
    next_side = tokens(chunk.quote(following))
    if any(t.kind == kind and not is_time_run([t]) for t in next_side):
        return None  # "The council voted 11 to 8 on Thursday evening": its own event's date
    read = with_previous_sentence(chunk, span)
    lacking = set(content_stems(claim)) - set(content_stems(read))
    if not lacking & set(content_stems(chunk.quote(following))):
        return None
    return f"{read} {chunk.quote(following)}", following


def run_text(text: str, run: list[Token]) -> str:
    return text[run[0].start : run[-1].end]
