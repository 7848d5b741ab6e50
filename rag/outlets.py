"""Other outlets: what the other articles say of a claim one article states or contradicts.

A supported claim is ``mixed`` when another article about the same thing dates it otherwise
(`rag.conflicts`), gives another figure of the same thing, or gives one in words the figure tests
do not line up that the judging model reads as that outlet's figure; a contradicted claim is
``mixed`` when another article gives the claim's own value. Each is found among the passages
already searched and a second search, from the cited sentence and from the claim's own words.
Two figures that the articles between them give for two parts of one story (the sentence asked
for and the one handed down) are no disagreement (`OtherOutlets.tells_both_parts`), nor are two
articles of one outlet (`one_outlet`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

import numpy as np

from rag.cite import content_words
from rag.conflicts import Conflict, NoteConflicts, dates, words_dating
from rag.differences import counted_alike
from rag.figures import (
    MEASURE_UNITS,
    figure_form,
    figures,
    forms_apart,
    measured_alike,
    unit_words,
    words_near,
)
from rag.judge import StatementJudge
from rag.readings import (
    CANDIDATE_VALUES,
    CLOSEST_SENTENCES,
    CORRECTED_GAIN,
    UNITS,
    Found,
    counted_by,
    passage_sentences,
    run_text,
    with_previous_sentence,
)
from rag.speakers import name_keys
from rag.text import dates_named, dates_told, split_sentences
from rag.tokens import Token, is_loose_number, number_keys, runs, tokens
from rag.types import Chunk, Citation, Passage, SearchFilter, Span
from rag.values import Difference, Differs, date_form, doer_keys, names_another_doer, rounds_the_other

SAME_FIGURE_SIMILARITY = 0.6  # cosine between a cited sentence and another outlet's differing figure
OTHER_OUTLET_SHARE = 0.4  # of the claim's words around another outlet's figure the claim takes (calibrated)
# A supported claim's figure or date another outlet gives in other words (`OtherOutlets.judged`):
# the judging model must be this sure of the other sentence with its value in the claim's place,
# and the values within this ratio of each other (figures; a date must have the same form).
OTHER_OUTLET_YES = 0.75
SAME_FIGURE_RATIO = 2.0

Search = Callable[[str, int, SearchFilter | None], list[Passage]]


def _dating_the_claim(claim: str, cited: Citation) -> Citation:
    """The cited passage cut to its sentences giving the claim's own dates about something the
    claim names: a passage read whole dates other things too ("Since 6 January ... On 22 March, a
    girl died"), and another outlet's date for one of those is no disagreement on the claim's. A
    stamp giving only the date ("For immediate release - Tuesday, 18 March") says nothing of what
    happened then. Whole when no sentence does, or the claim gives no day of a month."""
    claim_dates = dates(claim)
    if not claim_dates:
        return cited
    claim_words = {t.key for t in tokens(claim) if t.kind in ("word", "name")}
    giving = [
        sentence
        for sentence in (cited.text[s.start : s.end] for s in split_sentences(cited.text))
        if dates(sentence) & claim_dates and claim_words & {t.key for t in tokens(sentence)}
    ]
    return replace(cited, text=" ".join(giving)) if giving else cited


def _for_something_else(shared: set[str], what_for: set[str], units: set[str], words: set[str]) -> bool:
    """Whether another sentence's figure, sharing with the claim's only a currency or a unit
    (``shared`` with it, all in ``units``), is a sum for something else: its sentence (``words``)
    has none of the words saying what the claim's is for. A bonus of 1,200 marchils is no monthly
    wage of 1,850 marchils; 4,000 passengers stranded and 2,600 unable to travel are one count."""
    return bool(what_for) and not (shared - UNITS - MEASURE_UNITS) - units and not what_for & words


class _ClaimFigure(NamedTuple):
    """A figure of the claim `OtherOutlets.figure_conflict` looks for in other articles."""

    key: str  # its digits
    value: str  # its words
    counted: set[str]  # what the claim counts with it
    cited_counted: set[str]  # what the cited sentence counts with it
    anchor: str  # the text another sentence's meaning is compared with
    event_names: set[str]  # the names another sentence must share with it
    purpose: set[str]  # the words beside it in the claim or the cited sentence: what it is for


class OtherOutlets:
    """Stage of the draft check: the other articles' word on a claim. ``search`` finds passages
    (within the check's filter), ``similarity`` scores texts against an anchor, ``about_claim``
    tells whether an article names most of what the claim names, ``judge`` gives the judging model
    (or None), ``k`` passages are searched at a time, ``article`` gives an article's indexed text."""

    def __init__(
        self,
        search: Search,
        search_filter: SearchFilter | None,
        embed: Callable[[list[str]], np.ndarray],
        similarity: Callable[[str, list[str]], np.ndarray],
        about_claim: Callable[[str, str], bool],
        judge: Callable[[], StatementJudge | None],
        k: int,
        article: Callable[[str], str],
    ):
        self._search, self.search_filter, self.embed = search, search_filter, embed
        self.similarity, self.about_claim, self.judge, self.k = similarity, about_claim, judge, k
        self.article = article

    def _searched(self, passages: list[Passage], *queries: tuple[str, int]) -> list[Passage]:
        """``passages``, then what each (text, k) query finds within the filter: each passage once,
        as first found (the claim's own search repeats the passages it found already)."""
        found = passages + [p for text, k in queries for p in self._search(text, k, self.search_filter)]
        once: dict[tuple[str, int], Passage] = {}
        for passage in found:
            once.setdefault((passage.chunk.source, passage.chunk.start), passage)
        return list(once.values())

    def date_conflict(
        self, claim: str, cited: Citation, passages: list[Passage]
    ) -> tuple[Citation, Differs] | None:
        """Another article dating what the cited sentence dates differently (`rag.conflicts`), when
        the date disputed is a day the claim gives itself: the outlets may disagree on a date the
        claim does not state ("the pension rises from June 1" beside its cost, the day of talks
        beside a vote "in April") without disagreeing on the claim."""
        claim_dates = dates(claim)
        if not dates(cited.text) or not claim_dates:
            return None
        conflicts = NoteConflicts(self._search, self.embed, self.k).find(
            [_dating_the_claim(claim, cited)], passages, self.search_filter
        )
        conflicts = [
            c
            for c in conflicts
            if dates(c.cited_value) & claim_dates  # the claim's own day, not another in its passage
            and not one_outlet(cited, c.other)
            and self.about_claim(claim, c.other.source)
            and not self._dates_another_part(c, cited.source)
        ]
        if not conflicts:
            return None
        conflict = conflicts[0]
        other = replace(conflict.other, n=2)
        return other, Differs(conflict.cited_value, conflict.other_value, "date")

    def _dates_another_part(self, conflict: Conflict, cited_source: str) -> bool:
        """Whether the cited article gives the other outlet's dates too, beside more of the same
        words than the cited sentence's date stands beside: both date that part of the story alike
        ("arrested on Tuesday 15 April" in each), and the other sentence, though it names what the
        cited one tells ("released on bail"), dates the arrest, not the bail's end."""
        other_dates = dates(conflict.other.text)
        alike = [
            (pair, sentence)
            for sentence in self._sentences(cited_source)
            for pair in dates(sentence) & other_dates
        ]
        if not other_dates or other_dates - {pair for pair, _ in alike}:
            return False  # a date of the other outlet's that the cited article never gives
        other_words = {word for pair in other_dates for word in words_dating(conflict.other.text, pair)}
        cited = conflict.cited.text
        cited_words = {word for pair in dates(cited) for word in words_dating(cited, pair)}
        alike_words = {word for pair, sentence in alike for word in words_dating(sentence, pair)}
        return len(other_words & alike_words) > len(other_words & cited_words)

    def figure_conflict(
        self, claim: str, cited: Citation, passages: list[Passage]
    ) -> tuple[Citation, Differs] | None:
        """Another article giving a different figure of the same thing ("26-year-old David Hicks"
        where the cited article says 27; "3,000 maintenance workers" where it says 2,000).

        The cited sentence is searched for again, as dates are (`rag.conflicts`). A sentence of
        another article counts when it is about the same event (its meaning close to the cited
        sentence's, sharing a name of the claim) and counts the same thing (the words after the
        number) with a number the cited sentence does not give.
        """
        # What the cited sentence counts with the claim's number, as well as what the claim does.
        cited_tokens = tokens(cited.text)
        cited_counts = {key: counted for key, _, counted in figures(cited_tokens)}
        # An ordinal word or "one" ranks or names what it counts ("the first Test" against "the
        # second Test" is another match), so it is no figure outlets could disagree on, either side.
        # A unit is no thing counted: "46.2 percent of voters" (turnout) and "41.3 percent of the
        # vote" (a candidate's share) are two figures, not one the outlets disagree on.
        # A cited sentence that gives the claim's number but counts nothing the claim counts with
        # it (a stats line: "Attendance: 6,400 (sold out)") leaves the claim's words to say what
        # is counted and the claim's meaning to find the same event elsewhere, where a sentence
        # may name it as the cited sentence does ("A crowd of 6,100 watched the final" under
        # "Korvath Mariners end 16-year wait").
        claim_side = tokens(claim)
        cited_keys = {t.key for t in cited_tokens}
        claim_names = name_keys(claim)
        claim_figures: list[_ClaimFigure] = []
        for k, v, c in figures(claim_side):
            if k not in cited_keys or is_loose_number(v):
                continue
            purpose = words_near(claim, claim_side, k) | words_near(cited.text, cited_tokens, k)
            if (c & cited_counts.get(k, set())) - UNITS:
                claim_figures.append(_ClaimFigure(k, v, c, cited_counts[k], cited.text, claim_names, purpose))
            elif c - UNITS:
                both_names = claim_names | name_keys(cited.text)
                claim_figures.append(_ClaimFigure(k, v, c, c, claim, both_names, purpose))
        if not claim_figures:
            return None
        found = self._searched(passages, (cited.text, self.k), (claim, 2 * self.k))
        any_names = set().union(*(figure.event_names for figure in claim_figures))
        doers = doer_keys(claim)  # a sentence about somebody else gives that one's figure
        # Each sentence of another article about the claim: its text, tokens, figures and names.
        items: list[tuple[Passage, Span, str, list[Token], list[tuple[str, str, set[str]]], set[str]]] = []
        for passage in found:
            chunk = passage.chunk
            if one_outlet(cited, chunk) or not self.about_claim(claim, chunk.source):
                continue
            for span in chunk.sentences or [Span(chunk.start, chunk.end)]:
                text = chunk.quote(span)
                side = tokens(text)
                names = name_keys(f"{chunk.title} {text}")
                side_figures = figures(side)
                if side_figures and names & any_names and not names_another_doer(doers, text):
                    items.append((passage, span, text, side, side_figures, names))
        if not items:
            return None
        texts = [item[2] for item in items]
        units = unit_words([claim_side, cited_tokens] + [tokens(p.chunk.text) for p in found])
        similarity = {figure.anchor: self.similarity(figure.anchor, texts) for figure in claim_figures}
        for n, (passage, span, text, side, side_figures, names) in enumerate(items):
            words = {t.key for t in side}
            for key, value, counted, cited_counted, anchor, event_names, purpose in claim_figures:
                if similarity[anchor][n] < SAME_FIGURE_SIMILARITY or not names & event_names:
                    continue
                what_for = purpose - counted - cited_counted - UNITS - MEASURE_UNITS
                other = [
                    (k, v)
                    for k, v, c in side_figures
                    if (c & counted) - UNITS
                    and not _for_something_else(c & counted, what_for - c, units, words)
                    and (c & cited_counted) - UNITS
                    and ((c & counted) - MEASURE_UNITS or measured_alike(claim_side, key, side, k))
                    and k not in cited_keys
                    and k != key
                    and not is_loose_number(v)
                    and within_ratio(key, k)
                    and not rounds_the_other(claim, text, Differs(value, v, "number"))
                ]
                if other and key not in {t.key for t in side}:
                    if self.tells_both_parts(
                        cited.source, cited.text, passage.chunk.source, text, value, other[0][1]
                    ):
                        continue  # "180 passengers on board" and "around 90 arrived back"
                    citation = Citation.quoting(2, passage.chunk, span, passage.score)
                    return citation, Differs(value, other[0][1], "number")
        return None

    def tells_both_parts(
        self, cited_source: str, cited: str, other_source: str, other: str, draft: str, given: str
    ) -> bool:
        """Whether two articles' figures (the claim's ``draft`` in ``cited``, ``given`` in
        ``other``) tell two parts of one story rather than disagree on one: the stating article
        gives the other's figure too, in a sentence closer to the other sentence than its cited one
        is ("prosecutors asked for six years" and, further on, "jailed for four years"), or the
        other article gives the claim's figure in a sentence closer to the cited one than its own
        ("the ferry had 180 passengers on board" before "around 90 arrived back"). A figure either
        gives only for something else counts not: its words count another thing ("three
        inspectors" for "three people"), or it reads further away (25 flats, 40 firefighters)."""
        return self._given_beside(cited_source, given, other, cited) or self._given_beside(
            other_source, draft, cited, other
        )

    def _given_beside(self, source: str, value: str, anchor: str, rival: str) -> bool:
        """Whether article ``source`` gives the figure ``value`` in a sentence other than ``rival``
        that reads closer to ``anchor`` than ``rival`` does, counting what ``anchor`` counts with
        it: "sent three inspectors" tells no part of "Three people were treated", however close a
        long cited window reads to it."""
        keys = number_keys(value)
        if not keys:
            return False
        giving = [
            sentence
            for sentence in (s.strip() for s in self._sentences(source))
            if sentence
            and sentence not in rival
            and rival not in sentence
            and any(counted_alike(anchor, sentence, key) for key in keys & number_keys(sentence))
        ]
        if not giving:
            return False
        scores = self.similarity(anchor, [*giving, rival])
        return bool(max(scores[:-1]) > scores[-1])

    def _sentences(self, source: str) -> list[str]:
        """The sentences of article ``source``, as indexed."""
        article = self.article(source)
        return [article[span.start : span.end] for span in split_sentences(article)]

    def judged(
        self, claim: str, cited: Citation, passages: list[Passage]
    ) -> tuple[Citation, Differs, float] | None:
        """Another article giving the claim's figure or date otherwise, in words the figure tests
        do not line up ("about 3,400 forced from their homes" beside the cited "more than 5,000
        people have been left homeless"; "in front of a crowd of 18,500"). The judging model reads
        the sentences of other articles about the claim closest to it, each with the claim's value
        replaced by each of the sentence's own (`rival_value`): the outlets disagree when it is
        OTHER_OUTLET_YES sure of one such reading and CORRECTED_GAIN surer of it than of the
        claim as written. Returns the other sentence's citation, the values and how sure."""
        judge = self.judge()
        claim_side = tokens(claim)
        values = [run for run in runs(claim_side) if value_kind(run) and not is_loose_number(run[0].text)]
        if judge is None or not values:
            return None
        claim_keys = {t.key for t in claim_side}
        others = [
            p
            for p in self._searched(passages, (cited.text, self.k))
            if not one_outlet(cited, p.chunk) and self.about_claim(claim, p.chunk.source)
        ]
        items = passage_sentences(others)
        if not items:
            return None
        similarity = self.similarity(claim, [text for _, _, text, _ in items])
        tried = 0
        doers = doer_keys(claim)
        for i in np.argsort(-similarity)[:CLOSEST_SENTENCES]:
            passage, span, text, _ = items[i]
            if names_another_doer(doers, text):
                continue  # somebody else's figure
            side = tokens(text)
            rivals = [
                run
                for run in runs(side)
                if value_kind(run)
                and not is_loose_number(run[0].text)
                and not {t.key for t in run} & claim_keys
            ]
            readings = [
                (value, rival, claim.replace(run_text(claim, value), run_text(text, rival), 1))
                for value in values
                for rival in rivals
                if rival_value(claim, value, text, rival)
                and not counted_by_another(claim_side, value, side, rival)
                and not part_of_the_figure(value, side, rival)
            ]
            if not readings:
                continue
            chunk = passage.chunk
            read = with_previous_sentence(chunk, span)
            # "Thursday's decision" in an article of Friday 6 August tells the claim's "5 August":
            # the sentence's other date ("from 1 November") dates something else.
            if any(value_kind(value) == "date" for value, _, _ in readings) and dates_told(
                claim, dates_named(read, chunk.date)
            ):
                readings = [item for item in readings if value_kind(item[0]) != "date"]
            if not readings:
                continue
            tried += 1
            if tried > CANDIDATE_VALUES:
                return None
            as_written = judge.probability(read, claim)
            if as_written is None:
                continue
            judged = [(judge.probability(read, reading), value, rival) for value, rival, reading in readings]
            sure, value, rival = max(judged, key=lambda item: item[0] or 0.0)
            if sure is not None and sure >= OTHER_OUTLET_YES and sure - as_written >= CORRECTED_GAIN:
                differs = Differs(run_text(claim, value), run_text(text, rival), value_kind(value))
                if differs.kind == "number" and self.tells_both_parts(
                    cited.source, cited.text, chunk.source, text, differs.draft, differs.source
                ):
                    continue  # the sentence handed down, not the one asked for
                return Citation.quoting(2, chunk, span, passage.score), differs, sure
        return None

    def value_stated_elsewhere(
        self, claim: str, found: Found, difference: Difference, passages: list[Passage]
    ) -> Citation | None:
        """For a claim contradicted in a number or a date: a sentence of another article about the
        same thing that gives the claim's value and not the contradicting one (the outlets
        disagree, and the claim sides with one): it counts the same thing with the claim's value,
        and it, its headline and the sentences beside it hold `OTHER_OUTLET_SHARE` of the claim's
        words. Another article of the contradicting outlet counts too: its two figures are two days
        of its story, and the claim is right for one of them, so no contradiction alone. (Meaning
        is no guide here: a tabloid's "handing drivers a 12 per cent pay rise" is far from the
        wire's "workers end strike after 11 pct pay deal" for the embedder.)"""
        differs = difference.differs
        if differs.kind not in ("number", "date"):
            return None
        contradicting = " ".join(found.passage.chunk.quote(s) for s in found.spans)
        draft_keys = {t.key for t in tokens(differs.draft) if t.kind in ("number", "date")}
        source_keys = {t.key for t in tokens(differs.source) if t.kind in ("number", "date")}
        if not draft_keys or not source_keys:
            return None
        if differs.kind == "number":
            counted = counted_by(claim, draft_keys)
            if not counted - UNITS:
                return None  # what the claim's number counts is needed to match it elsewhere
        found_source = found.passage.chunk.source
        # Searched for from both sides: the outlet giving the claim's value may rank low for the
        # contradicting sentence's words, and just below the claim's first passages.
        searched = self._searched(passages, (contradicting, self.k), (claim, 2 * self.k))
        about = {
            source
            for source in {p.chunk.source for p in searched} - {found_source}
            if self.about_claim(claim, source)
        }  # once per article, not per sentence
        items = [item for item in passage_sentences(searched) if item[0].chunk.source in about]
        claim_words = content_words(claim)
        best: tuple[float, Passage, Span] | None = None
        for passage, span, text, near in items:
            side = tokens(text)
            keys = {t.key for t in side}
            if not draft_keys <= keys or source_keys & keys:
                continue
            if differs.kind == "number" and not any(
                k in draft_keys and (c & counted) - UNITS for k, _, c in figures(side)
            ):
                continue  # "6 percent more passengers" is not "a 6 percent pay rise"
            if differs.kind == "date" and not dates(text) & dates(differs.draft):
                continue
            share = len(claim_words & content_words(f"{near} {text}")) / max(1, len(claim_words))
            if share >= OTHER_OUTLET_SHARE and (best is None or share > best[0]):
                best = (share, passage, span)
        if best is None:
            return None
        _, passage, span = best
        return Citation.quoting(1, passage.chunk, span, passage.score)


def one_outlet(a: Citation | Chunk, b: Citation | Chunk) -> bool:
    """Whether two articles are one outlet's: the same file, the same outlet named, or with none
    named the same heading (a site's name or section line the cleaner took for each page's
    title). An outlet giving another figure or date in a later article tells its story on
    another day (a count at the peak and one after it, a restart after a first date set): no two
    sources disagreeing."""
    if a.source == b.source:
        return True
    if a.outlet or b.outlet:
        return bool(a.outlet and b.outlet) and a.outlet.casefold() == b.outlet.casefold()
    return bool(a.title.strip()) and a.title.strip() == b.title.strip()


def value_kind(run: list[Token]) -> str:
    """ "date" for a run holding a date word ("Sept. 13", "Tuesday"), "number" for a figure, ""
    for anything else."""
    if any(t.kind == "date" for t in run):
        return "date"
    return "number" if all(t.kind == "number" for t in run) else ""


def rival_value(claim: str, value: list[Token], text: str, rival: list[Token]) -> bool:
    """Whether another outlet's ``rival`` in ``text`` could be its figure or date for what the
    claim's ``value`` gives: a date of the same form ("Sept. 13" / "September 20", a weekday for a
    weekday), or a figure whose form does not set it apart (`forms_apart`: "three minutes" is no
    score of 2-1, nor "3 per cent" a count; "54 years old" may be another outlet's "Albury, 52,")
    within `SAME_FIGURE_RATIO` of it (outlets disagree on 5,000 or 3,400 people left homeless, not
    on 4,800 buses or 26; "a seven-year sentence" is no 2.1)."""
    kind = value_kind(value)
    if kind != value_kind(rival):
        return False
    if kind == "date":
        return date_form(value) == date_form(rival)
    if forms_apart(figure_form(claim, value[0]), figure_form(text, rival[0])):
        return False
    if len(value) != 1 or len(rival) != 1 or not within_ratio(value[0].key, rival[0].key):
        return False
    rounded = Differs(value[0].text, rival[0].text, "number")
    return not rounds_the_other(claim, text, rounded)


def counted_by_another(
    claim_side: list[Token], value: list[Token], side: list[Token], rival: list[Token]
) -> bool:
    """Whether another number of the sentence counts what the claim's ``value`` counts, and the
    ``rival`` nothing of it: in "Eleven people were killed and 27 injured", "Eleven" counts the
    people of the claim's "Forty-five people were travelling on the bus", so 27 (the injured) is no
    outlet's figure for them. A sentence counting the claim's thing with no other number ("about
    3,400 forced from their homes" for "5,000 people left homeless") leaves it to the model."""
    counted = next((c for k, _, c in figures(claim_side) if k == value[0].key), set()) - UNITS
    if not counted or len(rival) != 1:
        return False
    theirs = {k: c for k, _, c in figures(side)}
    if (theirs.get(rival[0].key, set()) & counted) - UNITS:
        return False
    return any((c & counted) - UNITS for k, c in theirs.items() if k != rival[0].key)


def part_of_the_figure(value: list[Token], side: list[Token], rival: list[Token]) -> bool:
    """Whether the ``rival`` and another number of the sentence add up to the claim's ``value``:
    "43 passengers and two drivers" are the claim's "Forty-five people" told in parts, no outlet's
    other count of them ("43 passengers" alone may be, and is left to the judging model)."""
    if len(value) != 1 or len(rival) != 1 or value[0].kind != "number" or rival[0].kind != "number":
        return False
    whole, part = _number(value[0].key), _number(rival[0].key)
    if whole is None or part is None:
        return False
    others = (_number(t.key) for t in side if t.kind == "number" and t is not rival[0])
    return any(other is not None and abs(part + other - whole) < 1e-9 for other in others)


def _number(key: str) -> float | None:
    """The value of a number's key ("43"; "Forty-five" is "45"), or None for one that is no
    plain number ("6:00", "1990s")."""
    try:
        return float(key)
    except ValueError:
        return None


def within_ratio(key: str, other: str) -> bool:
    """Whether two figures (their keys) are positive and within `SAME_FIGURE_RATIO` of each other:
    what two outlets give for one thing ("31 crew" on board is not the "three crew" lost)."""
    a, b = _number(key), _number(other)
    return a is not None and b is not None and a > 0 and b > 0 and max(a, b) <= SAME_FIGURE_RATIO * min(a, b)
