"""Plain data passed between the pipeline stages.

Offsets are always character offsets into the document's text, so ``text[start:end]`` is the
quoted span: for .txt and .md that is the file itself, decoded as UTF-8 with newlines untouched;
for HTML and PDF it is the article text its reader extracted (`rag.readers`), which reading the
same file again reproduces exactly.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Document:
    """One article as read from disk, plus what cleaning learned about it."""

    source: str  # file name relative to the corpus folder
    text: str  # the whole original file
    sha256: str
    title: str = ""
    outlet: str | None = None
    date: str | None = None  # ISO date when the article states a full date
    kept: list[Span] = field(default_factory=list)  # article text without boilerplate
    pages: list[int] = field(default_factory=list)  # PDF: offset where page n+1 starts
    dropped: list[Dropped] = field(default_factory=list)  # what cleaning left out, and why


@dataclass(frozen=True)
class Dropped:
    """A span cleaning left out of the article text, with the reason (`rag index -v` lists them)."""

    span: Span
    reason: str


@dataclass
class Chunk:
    """A run of whole sentences from one kept region of a document."""

    id: int
    source: str
    start: int
    end: int
    text: str
    title: str = ""
    outlet: str | None = None
    date: str | None = None
    sentences: list[Span] = field(default_factory=list)
    first_page: int | None = None  # PDF page the chunk starts on (1-based)
    page_starts: list[int] = field(default_factory=list)  # later pages starting inside the chunk

    def page_at(self, offset: int) -> int | None:
        """The PDF page holding ``offset`` (None for files without pages)."""
        if self.first_page is None:
            return None
        return self.first_page + sum(1 for p in self.page_starts if p <= offset)

    def quote(self, span: Span) -> str:
        """The original text of ``span`` (file offsets), which must lie inside this chunk."""
        return self.text[span.start - self.start : span.end - self.start]

    def to_dict(self) -> dict:
        data = asdict(self)
        data["sentences"] = [[s.start, s.end] for s in self.sentences]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Chunk:
        data = dict(data)
        data["sentences"] = [Span(a, b) for a, b in data.get("sentences", [])]
        return cls(**data)


@dataclass(frozen=True)
class Article:
    """One indexed article file, as the article list shows it."""

    source: str  # its path under the corpus folder
    title: str
    outlet: str | None
    date: str | None  # YYYY-MM-DD when known
    passages: int  # how many chunks it was split into

    @property
    def label(self) -> str:
        """What a filter by outlet matches: the outlet, or the file name when it has none."""
        return self.outlet or self.source


@dataclass
class Passage:
    """A retrieved chunk with its relevance score (cosine similarity for dense search)."""

    chunk: Chunk
    score: float
    duplicates: list[Chunk] = field(default_factory=list)  # other articles carrying the same text

    def to_json(self) -> dict:
        """The public `search --json` contract (one result): add fields, never rename or remove them."""
        chunk = self.chunk
        return {
            "source": chunk.source,
            "title": chunk.title,
            "start": chunk.start,
            "end": chunk.end,
            "text": chunk.text,
            "score": round(self.score, 4),
            "outlet": chunk.outlet,
            "date": chunk.date,
            "page": chunk.first_page,
            "also_in": [
                {
                    "source": d.source,
                    "title": d.title,
                    "outlet": d.outlet,
                    "date": d.date,
                    "start": d.start,
                    "end": d.end,
                }
                for d in self.duplicates
            ],
        }


@dataclass(frozen=True)
class SearchFilter:
    """Restrict a search to some outlets (or file names) and a date range; empty means everything.

    Dates are ISO strings compared inclusively. With a date range, an article whose date is not
    known is left out: nobody can say it falls inside the range.
    """

    sources: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.sources or self.since or self.until)

    def matches(self, source: str, outlet: str | None, date: str | None) -> bool:
        if self.sources:
            wanted = {s.casefold() for s in self.sources}
            if not ({source.casefold(), (outlet or "").casefold()} & wanted):
                return False
        if self.since or self.until:
            if not date:
                return False
            if (self.since and date < self.since) or (self.until and date > self.until):
                return False
        return True


@dataclass
class Citation:
    n: int
    source: str
    title: str
    start: int
    end: int
    text: str
    score: float
    outlet: str | None = None
    date: str | None = None
    page: int | None = None  # PDF page of the cited text
    also_in: list[Citation] = field(default_factory=list)  # the same statement in other articles

    @classmethod
    def quoting(cls, n: int, chunk: Chunk, span: Span, score: float) -> Citation:
        """A citation of ``span`` (file offsets inside ``chunk``)."""
        return cls(
            n=n,
            source=chunk.source,
            title=chunk.title,
            start=span.start,
            end=span.end,
            text=chunk.quote(span),
            score=float(score),
            outlet=chunk.outlet,
            date=chunk.date,
            page=chunk.page_at(span.start),
        )

    def to_json(self) -> dict:
        data = {
            "n": self.n,
            "source": self.source,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(float(self.score), 4),
            "outlet": self.outlet,
            "date": self.date,
            "page": self.page,
        }
        data["also_in"] = [{k: v for k, v in c.to_json().items() if k != "also_in"} for c in self.also_in]
        return data


@dataclass
class Timings:
    retrieve_s: float = 0.0
    first_token_s: float = 0.0
    total_s: float = 0.0


@dataclass
class Message:
    role: str  # "user" or "assistant"
    content: str


@dataclass(frozen=True)
class Question:
    """A question as every later stage reads it: analysed once, by the condense stage."""

    text: str  # as typed, cleaned
    standalone: str  # what retrieval searches for: a follow-up borrows its context
    kind: str | None = None  # "number", "date" or "name" when the wording asks for one
    names: tuple[str, ...] = ()  # the names it asks about (people, places, organisations)
    focus: frozenset[str] = frozenset()  # stems of what it is about, not of its question words
    counted: frozenset[str] = frozenset()  # for "how many X": the stems of X
    asked_words: frozenset[str] = frozenset()  # its own words, folded: a "who" answer must add one
    out_of_scope: bool = False  # a request the articles cannot serve ("write me a poem")


@dataclass
class Answer:
    answer: str
    refused: bool
    citations: list[Citation]
    timings: Timings
    model: str
    standalone_question: str = ""
    passages: list[Passage] = field(
        default_factory=list
    )  # what the model was shown; for a refusal, the closest
    # Why it refused (rag.decide.REFUSAL_REASONS), and the names no article mentions.
    refusal_reason: str | None = None
    missing_names: list[str] = field(default_factory=list)

    def suggestions(self, n: int = 3) -> list[Passage]:
        """For a refusal, the closest passages to offer the reader instead ("You may be looking
        for"); none when the request was not a question the articles could answer."""
        if not self.refused or self.refusal_reason in (
            "out_of_scope",
            "empty_question",
            "filter_matches_nothing",
        ):
            return []
        return self.passages[:n]

    def to_json(self) -> dict:
        """The public `ask --json` contract: add fields, never rename or remove them."""
        return {
            "answer": self.answer,
            "refused": self.refused,
            "citations": [c.to_json() for c in self.citations],
            "timings": {k: round(v, 3) for k, v in asdict(self.timings).items()},
            "model": self.model,
            "standalone_question": self.standalone_question,
            "refusal_reason": self.refusal_reason,
            **({"missing_names": self.missing_names} if self.missing_names else {}),
        }
