"""What a figure is, and when two figures are one.

A number counts something ("96 Sri Lankan asylum seekers"), has a form (a score, a share, a sum of
money, a measure), and may be told at a scale ("1.46 billion"), roughly ("almost 2,000"), in another
unit ("two months" / "60 days") or as a share in words ("a quarter of"). `rag.values` compares a
claim's figures with a text's through these: a number is only compared with one that counts the same
thing, and a figure given in other words is the same figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.text import fold, stem
from rag.tokens import (
    AND_A_HALF,
    HAS_WORD,
    MEASURES,
    SCALES,
    YEAR_FIGURE,
    Token,
    is_date_part,
    is_ordinal_word,
    number_word,
    tally_numbers,
    tokens,
)

# How far a converted measure may be from the claim's: conversions are rounded ("about 800 miles").
MEASURE_TOLERANCE = 0.05


def _unit(word: str) -> str:
    """The unit of `MEASURES` ``word`` names, if any ("hours": "hour", "feet": "feet")."""
    word = word.lower()
    word = word if word in MEASURES else word.removesuffix("s")
    return word if word in MEASURES else ""


@dataclass(frozen=True)
class _Measure:
    """A number given in a unit of `MEASURES`: its dimension, unit, size in the dimension's
    smallest unit, and where its words end ("36 hours" ends after "hours")."""

    token: Token
    dimension: str
    unit: str
    size: float
    end: int
    opens: int | None = None  # where a length in two units begins ("a year and ..."), if it does

    @property
    def start(self) -> int:
        return self.token.start if self.opens is None else self.opens


def _measures(found: list[Token]) -> list[_Measure]:
    """Each number given in a unit of `MEASURES` ("60 days", "a 60-day trial"): the number, its
    dimension, its unit, its size in the dimension's smallest unit and where its words end."""
    out = []
    for i, token in enumerate(found):
        if token.kind != "number":
            continue
        and_a_half = re.fullmatch(AND_A_HALF, token.text, re.IGNORECASE)
        end = token.end
        if and_a_half:
            unit = and_a_half[1]
        elif "-" in token.text and _unit(token.text.rsplit("-", 1)[1]):
            unit = token.text.rsplit("-", 1)[1]  # "a 60-day trial", "a two-day strike"
        elif i + 1 < len(found) and not found[i + 1].gap.strip():  # "thirty-six hours"
            unit, end = found[i + 1].text, found[i + 1].end
        else:
            continue
        unit = _unit(unit)
        if not unit:
            continue
        try:
            size = float(token.key)
        except ValueError:
            continue  # "1990s"
        dimension, smallest = MEASURES[unit]
        out.append(_Measure(token, dimension, unit, size * smallest, end))
    return out


_JOINED = re.compile(r"^\s*(?:and\s+)?$", re.IGNORECASE)
_ONE_UNIT = re.compile(r"\b(?:a|an|one)\s+$", re.IGNORECASE)


def _lengths(found: list[Token]) -> list[_Measure]:
    """`_measures`, with each length told in two units ("five years and four months", "a year and
    seven months", "2 hours 40 minutes") read whole: a measure of each of its numbers in the pair
    of units, at the whole size, so "nineteen months" converts "a year and seven months" and "4
    hours" converts no "four hours and twelve minutes"."""
    measures = _measures(found)
    out = list(measures)
    for second in measures:
        at = found.index(second.token)
        if not at or not _JOINED.match(second.token.gap):
            continue
        before = found[at - 1]
        first = next((m for m in out if m.end == before.end and m is not second), None)
        if first is None and _unit(before.text) and (one := _ONE_UNIT.search(before.gap)):
            dimension, smallest = MEASURES[_unit(before.text)]  # "a year and ..."
            opens = before.start - len(before.gap) + one.start()
            first = _Measure(before, dimension, _unit(before.text), float(smallest), before.end, opens)
        if (
            first is None
            or first.dimension != second.dimension
            or MEASURES[first.unit][1] <= MEASURES[second.unit][1]  # the larger unit first
        ):
            continue
        unit, size = f"{first.unit} and {second.unit}", first.size + second.size
        whole = [
            _Measure(m.token, second.dimension, unit, size, second.end, first.start)
            for m in (first, second)
            if m.token.kind == "number"
        ]
        out[out.index(second)] = whole[-1]
        if first in out:
            out[out.index(first)] = whole[0]
    return out


def converted_measures(claim: str, text: str) -> set[str]:
    """The keys of the claim's measures that ``text`` gives in another unit of the same
    dimension ("two months" / "60 days", "1,300 km" / "810 mi", "a day and a half" / "36
    hours"), within `MEASURE_TOLERANCE`, or `ROUNDING_TOLERANCE` on the side the claim's words
    allow ("over a year and a half" / "19 months")."""
    wanted = _lengths(tokens(claim))
    if not wanted:
        return set()  # most claims: no need to read the text
    given = _lengths(tokens(text))
    return {measure.token.key for measure in wanted if _converted(claim, measure, given) is not None}


def measures_otherwise(claim: str, text: str) -> set[str]:
    """The keys of the claim's measures whose number ``text`` gives only in another unit of the
    same dimension, at another size: "within six months" where the text says "within six weeks"
    is not stated, though the text has the six. A measure the text also gives in the claim's
    unit, or converted (`converted_measures`), is stated."""
    wanted = _measures(tokens(claim))
    if not wanted:
        return set()
    given = _measures(tokens(text))
    return {
        m.token.key
        for m in wanted
        if any(g.token.key == m.token.key and g.dimension == m.dimension and g.unit != m.unit for g in given)
        and not any(g.token.key == m.token.key and g.unit == m.unit for g in given)
        and _converted(claim, m, given) is None
    }


def _converted(claim: str, measure: _Measure, given: list[_Measure]) -> _Measure | None:
    """The first of the ``given`` measures that is the claim's ``measure`` in another unit
    (`converted_measures`); None when none is."""
    size = measure.size
    low, high = size * (1 - MEASURE_TOLERANCE), size * (1 + MEASURE_TOLERANCE)
    side = rounded_side(claim, measure.token)  # "over a year and a half" is 19 months
    if side in ("above", "either"):
        high = rough_high(size, side)
    if side in ("below", "either"):
        low = rough_low(size, side)
    return next(
        (
            m
            for m in given
            if m.dimension == measure.dimension and m.unit != measure.unit and low <= m.size <= high
        ),
        None,
    )


NEIGHBOURS = 2  # words either side of a figure that say what it is ("injuring 14 people")


CURRENCY_CODE = re.compile(r"[A-Z]{3}")  # "VSC 4.8 billion": money, not what it is of
# Units a figure is measured in and scales it is told in: "seven metres" and "11.4 metres" share
# these and may measure two things (a depth, a length).
MEASURE_UNITS = frozenset(stem(unit) for unit in MEASURES) | {"million", "billion", "thousand", "trillion"}


def measured_alike(a: list[Token], key: str, b: list[Token], other: str) -> bool:
    """Whether figure ``key`` of ``a`` and figure ``other`` of ``b`` share a word within
    `NEIGHBOURS` either side, units, currency codes and numbers aside: "is 11.4 metres long" and
    "lying seven metres down" measure two things, as "values it at VSC 4.8 billion" and "VSC 3
    billion of new borrowing" do; "a depth of 12 metres" and "a depth of 14 metres" one."""

    def telling(t: Token) -> bool:
        return (
            t.kind in ("word", "name") and t.key not in MEASURE_UNITS and not CURRENCY_CODE.fullmatch(t.text)
        )

    def near(side: list[Token], key: str) -> set[str]:
        found: set[str] = set()
        for i in (i for i, t in enumerate(side) if t.key == key):
            for way in (side[i - 1 :: -1] if i else [], side[i + 1 :]):
                found.update(t.key for t in [t for t in way if telling(t)][:NEIGHBOURS])
        return found

    return bool(near(a, key) & near(b, other))


# Two figures this many times apart are no two values of one thing: a total against a price per
# share, a sum in millions against one in units (a draft's slip is a digit, not three orders).
ORDERS_APART = 1000.0


def orders_apart(claim: str, ours: Token, source: str, theirs: Token) -> bool:
    """Whether two figures, at their scales ("190 million"), are `ORDERS_APART` times apart or more."""
    our_figure, their_figure = scaled_figure(claim, ours), scaled_figure(source, theirs)
    if our_figure is None or their_figure is None:
        return False  # "1990s"
    low, high = sorted((our_figure[1], their_figure[1]))
    return low > 0 and high > ORDERS_APART * low


# Words that give a figure roughly, with the side of it the exact figure may lie on: "almost
# 2,000" is 1,940 told round, "more than 2,000" is not.
_ROUGHLY = re.compile(
    r"\b(?P<either>about|around|roughly|approximately|some|an estimated|estimated|close to)\s+$"
    r"|\b(?P<below>almost|nearly|just under|just short of|up to)\s+$"
    r"|\b(?P<above>more than|over|just over|upwards of|at least)\s+$",
    re.IGNORECASE,
)
# How far a figure told roughly may be from the exact one (a rounding, not another figure).
ROUNDING_TOLERANCE = 0.1


def rough_low(size: float, side: str) -> float:
    """The least an exact figure may be when ``size`` is told roughly on ``side``."""
    return size if side == "above" else size * (1 - ROUNDING_TOLERANCE)


def rough_high(size: float, side: str) -> float:
    """The most an exact figure may be when ``size`` is told roughly on ``side``."""
    return size if side == "below" else size * (1 + ROUNDING_TOLERANCE)


def rounding_step(size: float, step: float) -> float:
    """The step a figure told roughly was rounded to, that of its last digit other than zero:
    10 for "about 640", 1,000 for "almost 2,000", 100,000 for "about 1.2 million" (``step``: the
    figure's smallest written unit)."""
    units = round(size / step)
    while units and units % 10 == 0:
        units, step = units // 10, step * 10
    return step


def rough_bounds(size: float, step: float, side: str) -> tuple[float, float]:
    """The least and most an exact figure may be when ``size`` (written to ``step``) is told
    roughly on ``side``: within `ROUNDING_TOLERANCE` on that side, and no more than its
    `rounding_step` away ("about 4,100" is no 3,800, though within a tenth of it; "almost 2,000"
    is 1,940)."""
    reach = rounding_step(size, step)
    return max(rough_low(size, side), size - reach), min(rough_high(size, side), size + reach)


def rounded_side(text: str, token: Token) -> str | None:
    """Which side of ``token``'s figure the exact one lies, when ``text`` gives it roughly."""
    match = _ROUGHLY.search(text[: token.start])
    return match.lastgroup if match else None


def _bounds(text: str, token: Token, size: float) -> tuple[float, float]:
    """The least and most an exact figure may be for ``text``'s figure ``token`` of ``size`` (its
    `_scaled` size, as `_sizes` gives it): the figure itself when told exactly, within
    `rough_bounds` when told roughly."""
    side = rounded_side(text, token)
    return (size, size) if side is None else rough_bounds(size, _scaled(text, token)[1], side)


# A time of day told roughly, with the side of it the exact time may lie on: "shortly before 5
# a.m." is 04:40, not 05:20; "around 9 p.m." is 20:45.
_ROUGH_TIME = re.compile(
    r"\b(?:(?P<below>(?:shortly|just|not\s+long|a\s+little)\s+before)"
    r"|(?P<above>(?:shortly|just|soon|not\s+long|a\s+little)\s+after)"
    r"|(?P<either>about|around|roughly|approximately))\s+(?:at\s+)?$",
    re.IGNORECASE,
)
TIME_TOLERANCE = 30  # minutes a time of day told roughly may be from the exact one
_CLOCK_KEY = re.compile(r"^(\d{1,2}):(\d\d)$")


def clock_minutes(key: str) -> int | None:
    """A time of day's key ("4:40", `tokens`) in minutes after midnight; None for other values."""
    match = _CLOCK_KEY.match(key)
    return int(match[1]) * 60 + int(match[2]) if match else None


def is_time_run(run: list[Token]) -> bool:
    """Whether a run of values gives a time of day."""
    return any(clock_minutes(t.key) is not None for t in run)


def time_told_roughly(text: str, token: Token, other_key: str) -> bool:
    """Whether ``text``'s time of day ``token``, told roughly, may be the time ``other_key``
    exactly, within `TIME_TOLERANCE` on the side its words allow."""
    ours, theirs = clock_minutes(token.key), clock_minutes(other_key)
    match = _ROUGH_TIME.search(text[: token.start])
    if ours is None or theirs is None or match is None:
        return False
    low = ours - TIME_TOLERANCE if match.lastgroup in ("below", "either") else ours
    high = ours + TIME_TOLERANCE if match.lastgroup in ("above", "either") else ours
    return low <= theirs <= high


def _sizes(text: str, side: list[Token]) -> list[tuple[Token, float]]:
    """Each number of ``side`` but years with its size at its scale ("2.5 million": 2.5e6)."""
    out = []
    for token in side:
        if token.kind != "number" or YEAR_FIGURE.match(token.text):
            continue
        try:
            out.append((token, _scaled(text, token)[0]))
        except ValueError:
            continue  # "1990s"
    return out


def _dated_or_paired(side: list[Token], token: Token) -> bool:
    """Whether ``token`` is a day of a date ("5 June") or one side of a score or range ("2-1")."""
    i = side.index(token)
    paired = token.gap == "-" or (i + 1 < len(side) and side[i + 1].gap == "-")
    return paired or is_date_part(side, i)


def _count_in_words(side: list[Token], token: Token) -> bool:
    """Whether ``token`` is a count told in words only ("twelve hundred"), no ordinal nor date."""
    last = re.split(r"[\s-]+", fold(token.text))[-1]  # "fourteen-month" ends on its unit
    return (
        not any(c.isdigit() for c in token.text)
        and (number_word(last) is not None or last in SCALES or last == "hundred")
        and not is_ordinal_word(token.text)
        and not is_date_part(side, side.index(token))
    )


def figures_in_other_words(claim: str, text: str) -> set[str]:
    """The keys of the claim's figures that ``text`` gives in another form: at another scale ("a
    quarter of a billion" / "250 million"), or exactly where the claim tells it roughly, within
    `rough_bounds` ("over six hundred houses" / "610 houses"; "almost 2,000" is no 2,050, "about
    3,000" no 5,000, "about 640" no 604); a time of day told roughly, by the exact
    one (`time_told_roughly`: "shortly before 5 a.m." / "at around 04:40")."""
    claim_side = tokens(claim)
    times = [t for t in claim_side if t.kind == "number" and clock_minutes(t.key) is not None]
    wanted = _sizes(claim, claim_side)
    if not wanted and not times:
        return set()
    text_side = tokens(text)
    days = _day_starts(text, text_side)  # "on the 5th of June" gives no "five climbers"
    given = [size for token, size in _sizes(text, text_side) if token.start not in days]
    found = {  # "shortly before 5 a.m." / "at around 04:40"
        t.key
        for t in times
        for other in text_side
        if other.kind == "number" and time_told_roughly(claim, t, other.key)
    }
    for token, size in wanted:
        low, high = _bounds(claim, token, size)
        if any(low <= other <= high for other in given):
            found.add(token.key)
    return found | set(margins_given(claim, text)) | percentages_in_words(claim, text)


def figures_at_other_scales(claim: str, text: str) -> set[str]:
    """The keys of the claim's figures ``text`` gives at another scale, the same size exactly:
    "1,450 million" / "1.45 billion" / "1,450,000,000". A scale word on one side at least ("9 per
    cent" is no "ninth", nor "2 October" a "second"), and no rounding ("2 billion" is no "1.5
    billion", though it may tell it roughly)."""
    ours = [f for t in tokens(claim) if t.kind == "number" and (f := scaled_figure(claim, t))]
    theirs = [f for t in tokens(text) if t.kind == "number" and (f := scaled_figure(text, t))]
    found = set()
    for our, our_size, our_step, _ in ours:
        our_scaled = bool(_SCALE_AFTER.match(claim[our.end :]))
        for their, their_size, their_step, _ in theirs:
            scaled = our_scaled or _SCALE_AFTER.match(text[their.end :])
            step = min(our_step, their_step)
            if scaled and our.key != their.key and round(our_size / step) == round(their_size / step):
                found.add(our.key)
    return found


def margins_given(claim: str, text: str) -> dict[str, str]:
    """The claim's margins of a vote ("defeated by a margin of five votes", "a majority of
    fourteen", "won by 435 votes over ...") that ``text`` gives as the tally ("by 28 votes to
    23"): each margin's key, with the tally's words. A tally in the claim ("by 28 votes to 23") is
    no margin, nor is a figure the text's tallies do not differ by."""
    wanted = [  # the claim's margins first: most claims have none, and the text is left unread
        token
        for token in tokens(claim)
        if token.kind == "number"
        and not _TALLY_AFTER.match(claim, token.end)
        and (
            _MARGIN_BEFORE.search(claim[: token.start])
            or (_BY_BEFORE.search(claim[: token.start]) and _VOTES_AFTER.match(claim, token.end))
        )
    ]
    if not wanted:
        return {}
    tallies: dict[str, str] = {}
    text_side = tokens(text)
    for token in text_side:  # a tally read as one value ("28 votes to 23": "28-23")
        tally = tally_numbers(token)
        if tally and tally[0] > tally[1]:
            tallies.setdefault(str(tally[0] - tally[1]), token.text)
    for i, a in enumerate(text_side[:-1]):
        j = i + 2 if text_side[i + 1].key == "vote" and i + 2 < len(text_side) else i + 1
        b = text_side[j]
        if a.kind == b.kind == "number" and _TALLY_BETWEEN.fullmatch(text[a.end : b.start]):
            difference = _whole(a.key) - _whole(b.key) if _whole(a.key) and _whole(b.key) else None
            if difference and difference > 0:
                tallies.setdefault(str(difference), text[a.start : b.end])
    return {token.key: tallies[token.key] for token in wanted if token.key in tallies}


def _whole(key: str) -> int:
    """A whole number's key as an int (0 for anything else)."""
    return int(key) if key.isdigit() else 0


_TALLY_BETWEEN = re.compile(r"\s+(?:votes?\s+)?(?:to|[-–])\s+|\s*[-–]\s*", re.I)  # "28 votes to 23", "31-18"
_TALLY_AFTER = re.compile(r"\s+(?:votes?\s+)?(?:to|[-–])\s+\S", re.I)
_MARGIN_BEFORE = re.compile(r"\b(?:margin|majority)\s+of\s+(?:just\s+|only\s+)?$", re.I)
_BY_BEFORE = re.compile(r"\bby\s+(?:just\s+|only\s+)?$", re.I)
_VOTES_AFTER = re.compile(r"\s+votes?\b", re.I)


def _figure_end(text: str, token: Token) -> int:
    """Where the figure ``token`` opens ends: its scale word when one follows ("2.5 million")."""
    match = _SCALE_AFTER.match(text[token.end :])
    return token.end + match.end() if match else token.end


def _hyphened_unit(figure: str) -> str:
    """The words a figure in words carries after its number, joined by hyphens ("twelve-year":
    "-year", "sixty-four-year-old": "-year-old"; none for "twenty-five")."""
    parts = figure.split("-")
    k = len(parts)
    while k > 1 and not any(t.kind == "number" for t in tokens(parts[k - 1])):
        k -= 1
    return "".join(f"-{part}" for part in parts[k:])


def _neighbour_keys(side: list[Token], token: Token) -> set[str]:
    """The words and names within `NEIGHBOURS` words either side of ``token``: what it is of."""
    i = side.index(token)
    return {
        t.key
        for t in side[max(0, i - NEIGHBOURS) : i] + side[i + 1 : i + 1 + NEIGHBOURS]
        if t.kind != "number"
    }


def figures_as_given(claim: str, text: str) -> str:
    """The claim with each figure ``text`` gives in other words put in the text's words, for a
    reader that compares words: the judging model reads "36 hours of talks" as no "day and a
    half" of them (0.29), and "ninety-four" as no "94". Only figures the value tests hold equal
    change: the same number in words ("ninety-four" / "94"), a measure in another unit
    (`converted_measures`), a figure at another scale or told roughly (`figures_in_other_words`:
    "over six hundred houses" reads "over 610 houses"), each against a figure of the text with a
    word beside it the claim's has beside its own, and a time of day in words at the text's same
    time ("twenty to five" / "04:40"), a percentage the text tells as a share in words ("60 per
    cent" reads "six out of every ten"). A figure in digits changes only to a count the text spells
    out ("1,200" / "twelve hundred"); digits the text writes in digits, and words it writes the
    same way, stay as written."""
    claim_side, text_side = tokens(claim), tokens(text)
    changes: dict[int, tuple[int, str]] = {}  # claim start: (claim end, the text's words)
    given = _lengths(text_side)
    for measure in _lengths(claim_side):
        other = _converted(claim, measure, given)
        if other is not None:
            changes[measure.start] = (measure.end, text[other.start : other.end])
    for token in claim_side:  # a time of day in words: "twenty to five" reads the text's "04:40"
        if is_time_run([token]) and HAS_WORD.search(token.text):
            other = next((o for o in text_side if is_time_run([o]) and o.key == token.key), None)
            if other is not None and fold(other.text) != fold(token.text):
                changes[token.start] = (token.end, other.text)
    margins = margins_given(claim, text)  # "a margin of five votes" reads "(28 votes to 23)" after it
    for token in claim_side:
        if token.kind == "number" and token.key in margins and token.start not in changes:
            votes = _VOTES_AFTER.match(claim, token.end)
            end = votes.end() if votes else token.end
            changes[token.start] = (end, f"{claim[token.start : end]} ({margins[token.key]})")
    for token, end, words in _percentages_as_shares(claim, text):  # "60 per cent" / "six out of every ten"
        changes.setdefault(token.start, (end, words))
    sizes = _sizes(text, text_side)
    for token, size in _sizes(claim, claim_side):
        if token.start in changes:
            continue  # a measure put already
        in_digits = not HAS_WORD.search(token.text)
        low, high = _bounds(claim, token, size)
        # The text's figure of the same thing: "nine (9) years" for "seven years" is no "2025/07".
        alike = [
            (o, o_size)
            for o, o_size in sizes
            if _neighbour_keys(text_side, o) & _neighbour_keys(claim_side, token)
        ]
        same = [other for other, other_size in alike if other.key == token.key and size == other_size]
        if in_digits:
            # Digits the model reads as the text's digits, but not as its words: "1,200 crowns"
            # against "twelve hundred crowns" (0.36; 0.71 read in the text's words). Only a count
            # the text writes in words alone: no figure told roughly, no day of a date, no
            # ordinal, no score ("2-1"), no "14-month" (a count joined to its unit).
            if _dated_or_paired(claim_side, token):
                continue
            same = [other for other in same if _count_in_words(text_side, other)]
            if not same:
                continue
        near = same or [other for other, other_size in alike if low <= other_size <= high]
        if near:
            end, words = _figure_end(claim, token), text[near[0].start : _figure_end(text, near[0])]
            if in_digits and token.start:
                words = words[0].lower() + words[1:]  # "Twelve hundred" opening the text's sentence
            if not HAS_WORD.search(words):
                words += _hyphened_unit(claim[token.start : end])  # "a 12-year term", not "a 12 term"
            if fold(words) != fold(claim[token.start : end]):  # not "three sites" for "Three sites"
                changes[token.start] = (end, words)
    out, at = [], 0
    for start in sorted(changes):
        end, words = changes[start]
        if start < at:
            continue  # within a length put already: "seven" of "a year and seven months"
        out += [claim[at:start], words]
        at = end
    return "".join(out) + claim[at:]


# A share told in words: "a quarter of", "two-thirds of", "three-tenths", "four in five" (or "four
# out of five"), "half of"; not "a third case" (an ordinal), "a quarter of a million" (a number), "a
# quarter past nine" or "a day and a half of talks" (a length).
_FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
    "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10,
}  # fmt: skip
_COUNT_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
}  # fmt: skip
_SHARE = re.compile(
    r"\b(?P<count>a|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
    r"(?:(?P<part>halves|thirds|quarters|fifths|sixths|tenths)\b"
    r"|(?P<one>third|quarter|fifth|sixth|tenth)\b(?=\s+of\b|\s*[^\w\s-]|\s*$))(?!\s+(?:of\s+)?an?\b)"
    r"|\b(?P<n>one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+(?:every\s+)?"
    r"(?P<d>two|three|four|five|six|ten)\b"
    r"|(?<!first\s)(?<!second\s)(?<!and\sa\s)\b(?P<half>half)\s+(?:of|the)\b",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(r"^\s*(?:per\s*cent|percent|%)", re.IGNORECASE)
# How far a share in words may be from a percentage giving it: "a third" is 32 per cent or 35.
SHARE_POINTS = 3.0


def _shares_in_words(text: str) -> list[tuple[float, str | None]]:
    """The shares ``text`` tells in words, as percentages, each with the side of it an exact
    figure may lie on when it is told roughly ("more than four in five": 80, above)."""
    return [(value, side) for value, side, _, _ in _share_matches(text)]


def _share_matches(text: str) -> list[tuple[float, str | None, str, re.Match]]:
    """`_shares_in_words`, each with its words ("six out of every ten", "a quarter") and its match."""
    found: list[tuple[float, str | None, str, re.Match]] = []
    for match in _SHARE.finditer(text):
        if match["half"]:
            value = 50.0
        elif match["n"]:
            value = 100.0 * _COUNT_WORDS[match["n"].lower()] / _COUNT_WORDS[match["d"].lower()]
        else:
            part = (match["part"] or match["one"]).lower()
            value = 100.0 * _COUNT_WORDS[match["count"].lower()] / _FRACTION_WORDS[part]
        rough = _ROUGHLY.search(text[: match.start()])
        words = re.sub(r"\s+(?:of|the)$", "", match.group().strip(), flags=re.IGNORECASE)  # "half of"
        found.append((value, rough.lastgroup if rough else None, words, match))
    return found


def shares(text: str) -> list[tuple[float, str | None]]:
    """The shares ``text`` gives, in words (`_shares_in_words`) and then as percentages."""
    return _shares_in_words(text) + [(float(token.key), None) for token, _ in _percentages(text)]


def _percentages(text: str) -> list[tuple[Token, re.Match]]:
    """The figures ``text`` gives as a percentage ("12 per cent", "12%"), each with its "per cent"."""
    return [
        (token, percent)
        for token in tokens(text)
        if token.kind == "number"
        and _is_decimal(token.key)
        and (percent := _PERCENT_AFTER.match(text[token.end :]))
    ]


# A part of a whole counted in words: "guilty on two of the four charges".
_PART = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine)\s+of\s+the\s+(three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)


def _other_part(claim: str, text: str) -> bool:
    """Whether ``text`` counts another part of a whole the claim counts a part of: "three of the
    four counts" for the claim's "two of the four charges". Not when it counts the claim's part as
    well, nor when it gives the whole otherwise ("nine posts, but only four of them are filled")."""
    theirs = {(m[1].lower(), m[2].lower()) for m in _PART.finditer(text)}
    for match in _PART.finditer(claim):
        ours = (match[1].lower(), match[2].lower())
        if ours not in theirs and any(whole == ours[1] for _, whole in theirs):
            return True
    return False


def percentages_in_words(claim: str, text: str) -> set[str]:
    """The keys of the claim's percentages ``text`` tells as a share in words, within
    `SHARE_POINTS`: "60 per cent of the workers" / "six out of every ten of them", "25%" / "a
    quarter of". The other way round from `shares_given`; a percentage the claim tells roughly
    ("about 60 per cent") may also lie as far as its words allow (`ROUNDING_TOLERANCE`)."""
    return {token.key for token, _, _ in _percentages_as_shares(claim, text)}


def _percentages_as_shares(claim: str, text: str) -> list[tuple[Token, int, str]]:
    """Each percentage of the claim ``text`` tells as a share in words: its token, where its
    "per cent" ends in the claim, and the text's words for it."""
    percentages = _percentages(claim)
    if not percentages:
        return []
    told = _share_matches(text)
    found = []
    for token, percent in percentages:
        value, side = float(token.key), rounded_side(claim, token)
        low, high = value - SHARE_POINTS, value + SHARE_POINTS
        if side is not None:
            low, high = min(low, rough_low(value, side)), max(high, rough_high(value, side))
        words = next((words for other, _, words, _ in told if low <= other <= high), None)
        if words is not None:
            found.append((token, token.end + percent.end(), words))
    return found


def _is_decimal(key: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:\.\d+)?", key))


def shares_given(claim: str, text: str) -> bool:
    """Whether ``text`` gives every share the claim tells in words, in words or as a percentage:
    "keep a quarter of Chaski" / "retain a 25 per cent holding", "more than four in five" / "83
    per cent", within `SHARE_POINTS` (or `ROUNDING_TOLERANCE` on the side the claim allows). A
    claim with no share in words asks nothing. A text counting another part of the claim's whole
    gives none (`_other_part`)."""
    if _other_part(claim, text):
        return False
    wanted = _shares_in_words(claim)
    if not wanted:
        return True
    given = [value for value, _ in shares(text)]
    return all(_share_among(value, side, given) for value, side in wanted)


def _share_among(value: float, side: str | None, given: list[float]) -> bool:
    """Whether a share told in words (a percentage, with the side an exact figure may lie on) is
    among the shares ``given``, within `SHARE_POINTS` or as far as its words allow."""
    low, high = value - SHARE_POINTS, value + SHARE_POINTS
    if side in ("below", "above"):
        low, high = rough_low(value, side), rough_high(value, side)
    elif side == "either":
        low, high = min(low, rough_low(value, side)), max(high, rough_high(value, side))
    return any(low <= other <= high for other in given)


def share_counts_given(claim: str, text: str) -> set[str]:
    """The keys of the counts a share of the claim is told in ("nine in ten", "four out of five")
    when ``text`` gives that share, in words or as a percentage ("91 per cent"): counts of no
    thing, so the text need not give them as figures."""
    found: set[str] = set()
    given: list[float] | None = None
    for value, side, _, match in _share_matches(claim):
        if not match["n"]:
            continue  # "a quarter", "two-thirds": no figures to give
        given = [other for other, _ in shares(text)] if given is None else given
        if _share_among(value, side, given):
            found |= {t.key for t in tokens(match.group()) if t.kind == "number"}
    return found


_SCALE_AFTER = re.compile(rf"^\s*({'|'.join(SCALES)})\b", re.IGNORECASE)


def _scaled(text: str, token: Token) -> tuple[float, float, bool]:
    """The figure's size with its scale word ("1.46 billion": 1.46e9), the step it is given to (a
    hundredth of a billion), and whether it is shortened (a scale word or decimals)."""
    match = _SCALE_AFTER.match(text[token.end :])
    scale = SCALES[match[1].lower()] if match else 1.0
    decimals = len(token.key.partition(".")[2])
    return float(token.key) * scale, scale / 10**decimals, bool(match or decimals)


def sum_or_share(text: str, token: Token) -> bool:
    """Whether the figure ``token`` of ``text`` is a sum or a share: a scale word or a percentage
    follows it ("218 million", "40%", "12 pct"); a vote's tally is neither."""
    rest = text[token.end :]
    return bool(_SCALE_AFTER.match(rest) or _PERCENT_AFTER.match(rest) or _PCT_AFTER.match(rest))


# "12 pct", "0.25 of a per cent": shares that `_PERCENT_AFTER` does not read.
_PCT_AFTER = re.compile(r"^\s*(?:pct\b|of\s+an?\s+(?:per\s*cent|percent))", re.IGNORECASE)


def scaled_figure(text: str, token: Token) -> tuple[Token, float, float, bool] | None:
    """The number ``token`` of ``text`` with its `_scaled` size, step and form."""
    try:
        return (token, *_scaled(text, token))
    except ValueError:
        return None  # "1990s"


_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


def counted_words(side: list[Token], i: int) -> set[str]:
    """What the number ``side[i]`` counts: the stems of the two words after it, and of the names
    among them ("96 Sri Lankan asylum seekers" counts asylum seekers), or the "year" of
    "27-year-old"; empty for a word, a day of a date or a year."""
    token = side[i]
    if token.kind != "number" or is_date_part(side, i) or YEAR_FIGURE.match(token.text):
        return set()
    after = side[i + 1] if i + 1 < len(side) else None
    if after is not None and after.start == token.end and after.key in _ORDINAL_SUFFIXES:
        # "the 71st minute" ranks a minute: the same thing as "the 69th minute", not "20 minutes".
        return {f"#{key}" for key in counted_words(side[: i + 1] + side[i + 2 :], i)}
    suffix = token.text.partition("-")[2]
    if suffix and not suffix[0].isdigit() and number_word(fold(suffix)) is None:  # not "Forty-one"
        counted = {stem(fold(suffix))}  # "15-year-old": an age, whatever follows
    else:
        counted = set()
        words = 0
        for t in side[i + 1 : i + 5]:
            if t.kind in ("word", "name"):
                counted.add(t.key)
            words += t.kind != "name"
            if words == 2:
                break
    # "a second yellow card" ranks a card, as "the 71st minute" ranks a minute: no count of them.
    return {f"#{key}" for key in counted} if is_ordinal_word(token.text) else counted


_PARTITIVE_AFTER = re.compile(r"^\s+of\b", re.IGNORECASE)


def whole_of(text: str, side: list[Token], i: int) -> int | None:
    """For a part told of a whole ("Eleven of the Delta Transit Authority's 14 ferry routes",
    "nine of its 14 ferry routes"), the index in ``side`` of the whole's number (the 14): when it
    follows "of" with nothing but names and small words between. A year or a day is no whole."""
    if not _PARTITIVE_AFTER.match(text[side[i].end :]):
        return None
    for j in range(i + 1, min(i + 5, len(side))):
        t = side[j]
        if t.kind == "number":
            return None if YEAR_FIGURE.match(t.text) or is_date_part(side, j) else j
        if t.kind != "name":
            return None  # "nine of the routes' 14 stops": the part's own word comes first
    return None


def counted_as_part(side: list[Token], i: int, whole: int | None) -> set[str]:
    """`counted_words`; but a part of a whole (``whole``: `whole_of`) counts what the whole's number
    counts: the routes of "Eleven of the Delta Transit Authority's 14 ferry routes", not the authority."""
    return (counted_words(side, whole) if whole is not None else set()) or counted_words(side, i)


# What marks a figure as money: a currency sign or code just before it ("£54m", "ORV 85,000"), or
# a currency after it ("54 million pounds").
_CURRENCY_BEFORE = re.compile(r"(?:[£$€¥₹]|\b[A-Z]{3}\s?)$")
_CURRENCY_AFTER = re.compile(
    r"^(?:\s+(?:million|billion|m|bn|k))?\s+(?:pounds|dollars|euros|yen|rupees)\b", re.I
)
# A score or a range written with a dash between two numbers ("2-1", "6–3"), not "a 60-day trial".
_SCORE = re.compile(r"\d+\s?[-–]\s?\d+(?![\w.,-]*\w)")
_SCORE_END = re.compile(r"\d\s?[-–]\s?$")  # the second number of "2 – 1"


def figure_form(text: str, token: Token) -> str:
    """What sort of figure the number ``token`` of ``text`` is: "score" ("2-1"), "share" (a per
    cent), "money", a measure's dimension ("three minutes": "time", "4 km": "length"), or "" for
    a count or a bare number. Two figures of two forms give two things: "three minutes from the
    end" is no final score of 2-1, nor "61 per cent" a sum of money."""
    after, before = text[token.end :], text[: token.start]
    if _SCORE.match(text, token.start) or _SCORE_END.search(before):
        return "score"
    side = tokens(text[token.start :])
    if len(side) > 1 and side[1].key == "percent" and not side[1].gap.strip():
        return "share"
    if _CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.match(after):
        return "money"
    measured = _measures(side[:2])
    return measured[0].dimension if measured and measured[0].token.start == 0 else ""


def forms_apart(ours: str, theirs: str) -> bool:
    """Whether two figures' forms (`figure_form`) make them two things, whatever their digits:
    both known and different ("three minutes from the end" / "won 2-1"), or a share against a
    figure of no form ("raises the pension age to 68" / "by 3.2 per cent"). A count against a sum
    of money or a measure is left to what each counts: "fined 64,000" may be "£64,000"."""
    if ours and theirs:
        return ours != theirs
    return "share" in (ours, theirs)


def figures(side: list[Token]) -> list[tuple[str, str, set[str]]]:
    """Each number that says what it counts: (its digits, its words, what it counts)."""
    return [(t.key, t.text, counted) for i, t in enumerate(side) if (counted := counted_words(side, i))]


NEAR_WORDS = 3  # content words either side of a figure, within its clause, that say what it is for
_CLAUSE_MARK = re.compile(r"[,;:()\[\]—–]|\s-\s")


def words_near(text: str, side: list[Token], key: str, reach: int = NEAR_WORDS) -> set[str]:
    """The content words of ``text`` within ``reach`` tokens of its number ``key`` and in the same
    clause: what a sum is for where the words after it only name a unit or a currency ("a one-off
    bonus of 1,200 marchils", "an improvement on the 131.5 million it lost")."""
    near: set[str] = set()
    for i, token in enumerate(side):
        if token.key != key or token.kind != "number":
            continue
        for t in side[max(0, i - reach) : i + reach + 1]:
            between = text[t.end : token.start] if t.start < token.start else text[token.end : t.start]
            if t.kind == "word" and not _CLAUSE_MARK.search(between):
                near.add(t.key)
    return near


def unit_words(sides: list[list[Token]]) -> set[str]:
    """The words that follow a figure wherever they stand in ``sides`` ("2.4 million marchils",
    "1,850 marchils"): a currency or a unit, which names what a figure is in, not what it is of.
    "passengers" stands alone too ("apologised to passengers"), so it is what is counted."""
    after_figure: set[str] = set()
    elsewhere: set[str] = set()
    for side in sides:
        for i, token in enumerate(side):
            if token.kind != "word":
                continue
            before = side[i - 1] if i else None
            if before is not None and before.key in SCALES and i > 1:
                before = side[i - 2]  # "2.4 million marchils"
            follows = before is not None and before.kind == "number"
            (after_figure if follows else elsewhere).add(token.key)
    return after_figure - elsewhere


def _day_starts(text: str, side: list[Token]) -> set[int]:
    """Where the numbers of ``text`` (its tokens ``side``) that are days of a date start (a year
    is a year in a date or alone: "1 January 2025" gives "the start of 2025")."""
    return {
        t.start
        for i, t in enumerate(side)
        if t.kind == "number" and not YEAR_FIGURE.match(t.text) and is_date_part(side, i)
    }


def _counts_in(text: str, side: list[Token]) -> set[str]:
    """The keys of the numbers of ``text`` (its tokens ``side``) that are no day of a date."""
    days = _day_starts(text, side)
    return {t.key for t in side if t.kind == "number" and t.start not in days}


def values_not_given(
    claim: str,
    claim_values: set[str],
    text: str,
    text_side: list[Token] | None = None,
    told_as_other: set[str] | frozenset[str] = frozenset(),
) -> set[str]:
    """The claim's values ``text`` does not give itself, in figures or in other words: "a year and a
    half" is given by "eighteen months", "more than three decades" by "thirty-one years".
    ``text_side``: the text's tokens, when the caller has them; ``told_as_other``: values the text
    gives only as something else ("Saturday 8" for "eight locations"), lacking whatever its keys."""
    side = tokens(text) if text_side is None else text_side
    # A day of the month gives no count: "starting Saturday the 5th of June" is no "5 million".
    given = {t.key for t in side} - (_counts_in(claim, tokens(claim)) - _counts_in(text, side))
    lacking = (claim_values - given) | told_as_other
    if lacking:
        lacking -= converted_measures(claim, text) | figures_in_other_words(claim, text)
        lacking -= share_counts_given(claim, text)
    return lacking
