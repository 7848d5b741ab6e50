"""Plain data passed between the pipeline stages.

Offsets are always character offsets into the original file text, decoded as UTF-8 with
newlines untouched, so ``original[start:end] == text`` holds for every span.
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


@dataclass
class Passage:
    """A retrieved chunk with its relevance score (cosine similarity for dense search)."""

    chunk: Chunk
    score: float


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


@dataclass
class Timings:
    retrieve_s: float = 0.0
    first_token_s: float = 0.0
    total_s: float = 0.0


@dataclass
class Message:
    role: str  # "user" or "assistant"
    content: str


@dataclass
class Answer:
    answer: str
    refused: bool
    citations: list[Citation]
    timings: Timings
    model: str
    standalone_question: str = ""
    passages: list[Passage] = field(default_factory=list)  # what the model was shown

    def to_json(self) -> dict:
        """The public `ask --json` contract: add fields, never rename or remove them."""
        return {
            "answer": self.answer,
            "refused": self.refused,
            "citations": [
                {
                    "n": c.n,
                    "source": c.source,
                    "title": c.title,
                    "start": c.start,
                    "end": c.end,
                    "text": c.text,
                    "score": round(float(c.score), 4),
                    "outlet": c.outlet,
                    "date": c.date,
                }
                for c in self.citations
            ],
            "timings": {k: round(v, 3) for k, v in asdict(self.timings).items()},
            "model": self.model,
            "standalone_question": self.standalone_question,
        }
