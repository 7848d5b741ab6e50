"""Conflicts: notice when the articles disagree on a date or a number the answer relies on.

Scraped news often disagrees: one outlet says a measure was suspended on "Sept. 13", another on
"September 20". After citing, each cited sentence that states a date (or a number) is compared
with the other articles' sentences among the passages: one on the same topic (similar meaning or
shared words) that states a different date is a conflict. The answer then says so and cites both
sides instead of silently picking one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from rag.cite import CitedAnswer
from rag.text import month_days, month_days_at
from rag.tokens import tokens
from rag.types import Citation, Passage, SearchFilter, Span
from rag.values import without_dateline

_WORD = re.compile(r"[a-z]{4,}")


def dates(text: str) -> set[tuple[int, int]]:
    """(month, day) pairs stated in ``text``: "Sept. 13" and "13 September" are both (9, 13); a
    wire dateline's date is when the story was filed, none of them."""
    return {pair for pair, _ in month_days(without_dateline(text))}


# What ends the clause a date stands in: a mark, or a word joining another clause ("arrested on
# Friday 9 May and released on bail": the date is the arrest's).
_CLAUSE_END = re.compile(r"[,;:()\[\]—–]|\s-\s|\b(?:and|but|while|whereas|which|who)\b", re.I)
DATING_WORDS = 2  # content words before and after a date that say what it dates


def words_dating(text: str, pair: tuple[int, int]) -> set[str]:
    """The content words beside the day ``pair`` in its clause of ``text``, `DATING_WORDS` either
    side: what it dates ("arrest" in "was arrested on Friday 9 May", "bail" in "released on police
    bail until 7 July")."""
    near: set[str] = set()
    for found, start, end in month_days_at(text):
        if found != pair:
            continue
        before = [t.key for t in tokens(_CLAUSE_END.split(text[:start])[-1]) if t.kind == "word"]
        after = [t.key for t in tokens(_CLAUSE_END.split(text[end:])[0]) if t.kind == "word"]
        near.update(before[-DATING_WORDS:], after[:DATING_WORDS])
    return near


@dataclass
class Conflict:
    cited: Citation  # the side the answer cites
    other: Citation  # the disagreeing sentence, ready to be cited (n still to assign)
    cited_value: str
    other_value: str


class NoteConflicts:
    """Stage: a cited answer → the same answer, with the first conflict found cited beside it.

    Each dated cited sentence is searched for again (``k`` passages, within the filter), so an
    article that dates the event differently is found even when it was not among ``shown``.
    """

    def __init__(
        self,
        search: Callable[[str, int, SearchFilter | None], list[Passage]],
        embed: Callable[[list[str]], np.ndarray],
        k: int = 10,
    ):
        self.search, self.embed, self.k = search, embed, k

    def run(
        self, cited: CitedAnswer, shown: list[Passage], search_filter: SearchFilter | None = None
    ) -> CitedAnswer:
        for conflict in self.find(cited.citations, shown, search_filter)[:1]:
            other = replace(conflict.other, n=len(cited.citations) + 1)
            cited.citations.append(other)
            cited.text += " " + conflict_note(conflict, conflict.cited.n, other.n)
        return cited

    def find(
        self, citations: list[Citation], shown: list[Passage], search_filter: SearchFilter | None = None
    ) -> list[Conflict]:
        """Conflicts with ``citations`` among ``shown`` and a second search from each dated one."""
        second_look = [
            p for c in citations if dates(c.text) for p in self.search(c.text, self.k, search_filter)
        ]
        return find_conflicts(citations, shown + second_look, self.embed)


def source_label(citation: Citation) -> str:
    """The outlet, or for an article without one the first words of its title."""
    if citation.outlet:
        return citation.outlet
    words = citation.title.rstrip("…").split()
    return f"“{' '.join(words[:6])}{'…' if len(words) > 6 else ''}”"


def _value(text: str, pair: tuple[int, int]) -> str:
    return next((words for found, words in month_days(text) if found == pair), f"{pair[0]}/{pair[1]}")


def find_conflicts(
    citations: list[Citation],
    passages: list[Passage],
    embed: Callable[[list[str]], np.ndarray],
    min_similarity: float = 0.5,
) -> list[Conflict]:
    """Sentences of other articles that state a different date for what a cited sentence dates."""
    conflicts: list[Conflict] = []
    dated = [c for c in citations if dates(c.text)]
    if not dated:
        return conflicts
    candidates: list[tuple[Passage, Span, str]] = []
    for passage in passages:
        chunk = passage.chunk
        for span in chunk.sentences:
            text = chunk.quote(span)
            if dates(text):
                candidates.append((passage, span, text))
    if not candidates:
        return conflicts
    vectors = embed([c.text for c in dated] + [t for _, _, t in candidates])
    cited_vecs, candidate_vecs = vectors[: len(dated)], vectors[len(dated) :]
    for i, citation in enumerate(dated):
        cited_dates = dates(citation.text)
        cited_words = set(_WORD.findall(citation.text.lower()))
        for j, (passage, span, text) in enumerate(candidates):
            if passage.chunk.source == citation.source:
                continue
            other_dates = dates(text)
            if other_dates & cited_dates:
                continue  # they agree on at least one date
            shared = len(cited_words & set(_WORD.findall(text.lower()))) / max(1, len(cited_words))
            if float(cited_vecs[i] @ candidate_vecs[j]) < min_similarity and shared < 0.3:
                continue  # a different topic, not a disagreement
            other = Citation.quoting(0, passage.chunk, span, passage.score)
            cited_pair, other_pair = sorted(cited_dates)[0], sorted(other_dates)[0]
            conflicts.append(
                Conflict(citation, other, _value(citation.text, cited_pair), _value(text, other_pair))
            )
            break
    return conflicts


NOTE_PREFIX = "The sources disagree on the date:"
_NOTE = re.compile(
    re.escape(NOTE_PREFIX)
    + r".* gives (?P<a>.+?) \[(?P<n>\d+)\], while .* gives (?P<b>.+?) \[(?P<m>\d+)\]\.$"
)


def conflict_note(conflict: Conflict, cited_n: int, other_n: int) -> str:
    return (
        f"{NOTE_PREFIX} {source_label(conflict.cited)} gives {conflict.cited_value} [{cited_n}], "
        f"while {source_label(conflict.other)} gives {conflict.other_value} [{other_n}]."
    )


def note_holds(note: str, cited: dict[int, str]) -> bool | None:
    """For a conflict note: does each side's citation state the date the note gives it? None if not a note."""
    match = _NOTE.match(note)
    if not match:
        return None
    sides = ((match["a"], int(match["n"])), (match["b"], int(match["m"])))
    return all(n in cited and dates(value) and dates(value) <= dates(cited[n]) for value, n in sides)
