"""The values a sentence gives (numbers, dates, names) and how two sentences differ in them.

A claim is contradicted when a passage says the same thing with one value changed, and an outlet
is at odds with another when it gives another figure of the same thing (`rag.check`). Both read a
sentence as its content words, each with its kind: a number in digits or in words (an ordinal as
its rank), a month or weekday, a capitalised name, and any other word by its stem. Two sentences
differ in a value when exactly one run of the claim's values is missing from the other sentence
and that sentence has a run of the same kind in its place; a number is only compared with one
that counts the same thing.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from rag.text import PRONOUNS, SENTENCE_LINKS, STOPWORDS, fold, stem

_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_TENS_WORDS = "|".join(w for w, n in _NUMBER_WORDS.items() if n >= 20)
_UNIT_WORDS = "|".join(w for w, n in _NUMBER_WORDS.items() if 0 < n < 10)
_UNDER_TWENTY = "|".join(w for w, n in _NUMBER_WORDS.items() if 0 < n < 20)
_SMALL_NUMBER = rf"(?:(?:{_TENS_WORDS})(?:-(?:{_UNIT_WORDS}))?|{_UNDER_TWENTY})"
# "three hundred and forty", "Four thousand two hundred and twelve": one number, as "340" and "4,212".
# A bulletin read aloud ranks and counts past a hundred in words too: "the hundred-and-twelfth
# minute" is the 112th, "a hundred and five people" 105.
_ORDINAL_UNDER_HUNDRED = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|"
    r"fiftieth|sixtieth|seventieth|eightieth|ninetieth)"
)
_SMALL_ORDINAL = rf"(?:(?:{_TENS_WORDS})-{_ORDINAL_UNDER_HUNDRED}|{_ORDINAL_UNDER_HUNDRED})"
_COMPOUND_NUMBER = (
    rf"(?:\b{_SMALL_NUMBER}\s+|\ba\s+)(?:hundred|thousand)\b"
    rf"(?:(?:[\s-]+and)?[\s-]+(?:{_SMALL_ORDINAL}|{_SMALL_NUMBER})\b|\s+(?:hundred|thousand)\b)*"
    rf"|\bhundred-and-(?:{_SMALL_ORDINAL}|{_SMALL_NUMBER})\b|\bhundred\s+and\s+{_SMALL_ORDINAL}\b"
)
# "two-point-four million", "nought point eight per cent": a decimal read aloud, as "2.4", "0.8".
_SPOKEN_DECIMAL = rf"\b(?:{_SMALL_NUMBER}|nought|zero)[\s-]+point(?:[\s-]+(?:{_UNIT_WORDS}|zero|nought)\b)+"
# "23:40" is a time of day, not the 23rd: one value. Not "88:83", a score, nor a "[07:01:02]" stamp.
_CLOCK = r"(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])"
# "half a million", "a quarter of an hour", "three quarters of a percentage point": a share of
# what follows, so its scale or unit sizes it as "500,000", "15 minutes"; "a dozen" is 12.
_PART_OF_ONE = (
    r"\b(?:(?:(?:a|one)\s+)?half\s+an?|(?:a|one)\s+quarter\s+of\s+an?|three\s+quarters\s+of\s+an?)\b"
    r"(?:\s+(?:thousand|million|billion|trillion)\b)?"
)
_DOZEN = r"\b(?:a|one|half\s+a)\s+dozen\b"
# "a day and a half", "an hour and a half": one and a half of the unit it names, as "36 hours" is.
_AND_A_HALF = r"\b(?:a|an|one)\s+(minute|hour|day|week|month|year)\s+and\s+a\s+half\b"
# "four and a half years", "One and a half million tonnes", "4½ years": a number and a half.
_PLUS_HALF = rf"(?:\b(?:{_SMALL_NUMBER}|\d+)\s+and\s+a\s+half\b|(?<![\d.,])\d+\s?½)"
# A time of day in words or with a.m./p.m.: "six o'clock", "a quarter past nine", "half past
# six", "9.15pm", "6 a.m.", "noon", "midnight". One value, keyed as a clock's is ("6:00").
_HOUR_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_HOUR = rf"(?:1[0-2]|0?[1-9]|{_HOUR_WORDS})"
_MINUTE_WORDS = r"five|ten|twenty(?:[\s-]five)?|\d{1,2}"
_AM_PM = r"(?:[ap]\.m\.?|[ap]m\b)"  # "a.m." keeps its full stops; "6am." leaves the sentence's
_TIMED = (
    "(?:"
    + "|".join(rf"(?<=\b{w}\s)" for w in ("at", "by", "around", "about", "after", "before", "until", "till"))
    + ")"
)
_SPOKEN_TIME = (
    rf"\b(?:(?:a\s+)?quarter\s+(?:past|to)|half\s+past|\d{{1,2}}\s+minutes\s+(?:past|to))\s+{_HOUR}\b"
    rf"(?:\s+o['’]clock\b)?(?:\s*{_AM_PM})?"
    rf"|\b{_HOUR}\s+o['’]clock\b(?:\s*{_AM_PM})?"
    rf"|(?<![\d:.,])(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s*{_AM_PM}"
    rf"|\b(?:12\s+)?(?:noon|midday)\b|\bmidnight\b"
    # After a word that times it ("at twenty to five", "shortly after five in the morning"), where
    # "twenty to five" is no vote and "five" no count.
    rf"|{_TIMED}(?:{_MINUTE_WORDS})\s+(?:past|to)\s+{_HOUR}\b"
    rf"|{_TIMED}{_HOUR}(?=\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b)"
)
# A word after the time that says which half of the day: "six o'clock on Monday morning".
_DAY_PART = re.compile(r"^(?:\W+\w+){0,3}?\W+(morning|afternoon|evening|night|tonight)\b", re.IGNORECASE)
_PARTS = {"half": "0.5", "quarter": "0.25", "quarters": "0.75"}
_TOKEN = re.compile(
    rf"(?P<spoken>(?i:{_SPOKEN_TIME}))"
    rf"|(?P<decimal>(?i:{_SPOKEN_DECIMAL}))|(?P<plushalf>(?i:{_PLUS_HALF}))"
    rf"|(?P<compound>(?i:{_COMPOUND_NUMBER}))|(?P<clock>{_CLOCK})|(?P<dozen>(?i:{_DOZEN}))"
    rf"|(?P<andhalf>(?i:{_AND_A_HALF}))|(?P<part>(?i:{_PART_OF_ONE}))|\d[\d,.]*\d(?:-\w+)?|\d(?:-\w+)?"
    rf"|(?i:per\s+cent)\b|%|\w+(?:[-'’]\w+)*"
)
# "per cent", "percent", "pct" and "%" are one word: "85 per cent of them" counts what "95% of which" does.
_PERCENT = re.compile(r"^(?:per\s+cent|percent|pct|%)$")
# Ordinals count as their number: "fifth-largest" against "fourth-largest", "21st" against "twenty-first".
_ORDINAL_WORDS = {
    w: n
    for n, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
} | {"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80,
     "ninetieth": 90, "hundredth": 100}  # fmt: skip
# Place and title words news copy shortens: "Mt Gambier" is "Mount Gambier".
_ABBREVIATED = {
    "mt": "mount", "ft": "fort", "gen": "general", "sen": "senator", "gov": "governor", "lt": "lieutenant",
    "col": "colonel", "sgt": "sergeant", "capt": "captain", "prof": "professor", "supt": "superintendent",
}  # fmt: skip
_POSSESSIVE = re.compile(r"['’]s$")
_FRACTION = re.compile(r"^(?:half|halves|thirds?|quarters?|fifths?|tenths?)$")
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$",
    re.IGNORECASE,
)
# Capitalised words that open or join sentences without naming anyone.
NOT_NAMES = {w.capitalize() for w in STOPWORDS} | PRONOUNS | SENTENCE_LINKS | {
    "Mr", "Mrs", "Ms", "Dr", "Sir", "Yes", "No", "Meanwhile", "Earlier", "Later",
    "However", "Despite", "Speaking", "Some", "Most", "All", "Both", "Any", "Over", "More", "Less",
    "Every", "Each",
    # Words that round or bound a number opening a sentence ("Around 60 firefighters ..."):
    "Around", "About", "Nearly", "Almost", "Roughly", "Approximately", "Just", "Only",
    "Fewer", "Under", "Barely", "Exactly", "Precisely", "Another", "Several", "Many", "Few", "Up",
    "Tens", "Dozens", "Scores", "Hundreds", "Thousands", "Millions",
    # Prepositions opening a sentence ("Across the six clinics, ..."):
    "Across", "Among", "Amid", "Along", "Alongside", "Behind", "Beyond", "Inside", "Outside", "Throughout",
    "Toward", "Towards", "Upon", "Via", "Within", "Without", "Against", "Unlike", "Since", "Until", "Near",
}  # fmt: skip


def initials(text: str) -> set[str]:
    """The initials of each run of capitalised words ("United States" gives "US"),
    so that a claim writing a name short still finds it."""
    found = set()
    for run in re.findall(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+", text):
        letters = "".join(w[0] for w in run.split() if w not in NOT_NAMES)[:6]
        found |= {letters[i:j] for i in range(len(letters)) for j in range(i + 2, len(letters) + 1)}
    return found


def spelled_acronyms(claim: str, text: str) -> set[str]:
    """The keys of the claim's acronyms that ``text`` spells out in plain words, one word of them
    perhaps left out of the letters: "GDP" in "gross state domestic product", "MLA" in "member of
    the legislative assembly". Capitalised names are `initials`' job."""
    acronyms = set(re.findall(r"\b[A-Z]{3,6}\b", claim))
    if not acronyms:
        return set()  # most claims: no need to read the text
    words = [w[0].lower() for w in re.findall(r"[A-Za-z]+", text) if fold(w) not in STOPWORDS]
    found = set()
    for acronym in acronyms:
        letters = acronym.lower()
        for i in range(len(words)):
            j, k, skipped = i, 0, False
            while j < len(words) and k < len(letters):
                if words[j] == letters[k]:
                    k += 1
                elif k and not skipped:
                    skipped = True
                else:
                    break
                j += 1
            if k == len(letters):
                found.add(stem(fold(acronym)))
                break
    return found


# Units a measure is given in, with what one of them is in its dimension's smallest unit: the
# claim's "two months" is the source's "60 days", its "1,300 km" the source's "810 miles".
_MEASURES = {
    "minute": ("time", 1), "hour": ("time", 60), "hr": ("time", 60),
    "day": ("time", 1440), "week": ("time", 10080), "fortnight": ("time", 20160),
    "month": ("time", 43830), "year": ("time", 525960), "decade": ("time", 5259600),
    "century": ("time", 52596000),
    "metre": ("length", 1.0), "meter": ("length", 1.0),
    "km": ("length", 1000.0), "kilometre": ("length", 1000.0), "kilometer": ("length", 1000.0),
    "mile": ("length", 1609.34), "mi": ("length", 1609.34),
    "foot": ("length", 0.3048), "feet": ("length", 0.3048), "ft": ("length", 0.3048),
    "kg": ("mass", 1.0), "kilogram": ("mass", 1.0), "tonne": ("mass", 1000.0),
    "pound": ("mass", 0.4536), "lb": ("mass", 0.4536),
    # A rate's change: "50 basis points" is "0.50 percentage point".
    "basis": ("rate", 1.0), "bp": ("rate", 1.0), "bps": ("rate", 1.0), "percentage": ("rate", 100.0),
}  # fmt: skip
# How far a converted measure may be from the claim's: conversions are rounded ("about 800 miles").
MEASURE_TOLERANCE = 0.05


def _unit(word: str) -> str:
    """The unit of `_MEASURES` ``word`` names, if any ("hours": "hour", "feet": "feet")."""
    word = word.lower()
    word = word if word in _MEASURES else word.removesuffix("s")
    return word if word in _MEASURES else ""


@dataclass(frozen=True)
class _Measure:
    """A number given in a unit of `_MEASURES`: its dimension, unit, size in the dimension's
    smallest unit, and where its words end ("36 hours" ends after "hours")."""

    token: Token
    dimension: str
    unit: str
    size: float
    end: int


def _measures(found: list[Token]) -> list[_Measure]:
    """Each number given in a unit of `_MEASURES` ("60 days", "a 60-day trial"): the number, its
    dimension, its unit, its size in the dimension's smallest unit and where its words end."""
    out = []
    for i, token in enumerate(found):
        if token.kind != "number":
            continue
        and_a_half = re.fullmatch(_AND_A_HALF, token.text, re.IGNORECASE)
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
        dimension, smallest = _MEASURES[unit]
        out.append(_Measure(token, dimension, unit, size * smallest, end))
    return out


def converted_measures(claim: str, text: str) -> set[str]:
    """The keys of the claim's measures that ``text`` gives in another unit of the same
    dimension ("two months" / "60 days", "1,300 km" / "810 mi", "a day and a half" / "36
    hours"), within `MEASURE_TOLERANCE`, or `ROUNDING_TOLERANCE` on the side the claim's words
    allow ("over a year and a half" / "19 months")."""
    wanted = _measures(tokens(claim))
    if not wanted:
        return set()  # most claims: no need to read the text
    given = _measures(tokens(text))
    return {measure.token.key for measure in wanted if _converted(claim, measure, given) is not None}


def _converted(claim: str, measure: _Measure, given: list[_Measure]) -> _Measure | None:
    """The first of the ``given`` measures that is the claim's ``measure`` in another unit
    (`converted_measures`); None when none is."""
    size = measure.size
    low, high = size * (1 - MEASURE_TOLERANCE), size * (1 + MEASURE_TOLERANCE)
    side = _rounded_side(claim, measure.token)  # "over a year and a half" is 19 months
    if side in ("above", "either"):
        high = _rough_high(size, side)
    if side in ("below", "either"):
        low = _rough_low(size, side)
    return next(
        (
            m
            for m in given
            if m.dimension == measure.dimension and m.unit != measure.unit and low <= m.size <= high
        ),
        None,
    )


def _initial_keys(text: str) -> set[str]:
    """The initials of ``text``'s names as token keys, to set beside its words ("US")."""
    return {stem(fold(letters)) for letters in initials(text)}


def _keys_in_other_forms(claim: str, text: str) -> set[str]:
    """Keys of the claim's values ``text`` gives in another form than its words: a name's initials
    ("US"), an acronym spelled out ("gross domestic product"), a measure in another unit, a figure
    at another scale or told roughly."""
    return (
        _initial_keys(text)
        | spelled_acronyms(claim, text)
        | converted_measures(claim, text)
        | figures_in_other_words(claim, text)
    )


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    key: str  # what compares: a stem, a number's digits
    kind: str  # word, number, date (month or weekday) or name
    gap: str = ""  # the text since the word before (stopwords included)


_DETERMINER_BEFORE = re.compile(r"\b(?:the|no|any|every|each|this|that|which|someone|anyone)\s+$", re.I)


def number_stems() -> dict[str, str]:
    """The stem of each number word from two to ninety, and its digits ("fourteen": "14"); not
    "one", as often a pronoun as a count."""
    return {stem(w): str(n) for w, n in _NUMBER_WORDS.items() if n >= 2}


def _number_word(folded: str) -> int | None:
    """A number written in words: "six", "twenty", "seventy-six", and ordinals with what they rank
    ("fifth", "twenty-first", "fifth-largest")."""
    if folded in _NUMBER_WORDS:
        return _NUMBER_WORDS[folded]
    if folded in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[folded]
    parts = folded.split("-")
    if len(parts) == 2 and parts[0] in _ORDINAL_WORDS and parts[1].endswith("est"):
        return _ORDINAL_WORDS[parts[0]]  # a rank: "fifth-largest", not "second-hand"
    if len(parts) == 2:  # "seventy-six", "twenty-first"
        tens, units = parts
        unit = _NUMBER_WORDS.get(units, _ORDINAL_WORDS.get(units))
        if tens in _NUMBER_WORDS and _NUMBER_WORDS[tens] >= 20 and unit is not None and unit < 10:
            return _NUMBER_WORDS[tens] + unit
    if (
        len(parts) >= 2
        and parts[0] in _NUMBER_WORDS
        and parts[1] not in _NUMBER_WORDS
        and not _FRACTION.match(parts[1])
    ):
        return _NUMBER_WORDS[parts[0]]  # what it counts joined on: "seven-year", as "7-year"
    return None


def _compound_number(folded: str) -> int:
    """The value of a number told in words with hundreds or thousands (`_COMPOUND_NUMBER`), an
    ordinal's as its number's ("hundred-and-twelfth": 112)."""
    total = current = 0
    for word in re.split(r"[\s-]+and[\s-]+|\s+|(?<=hundred)-", folded):
        if word in ("hundred", "thousand"):
            current = current or 1  # "a hundred", "hundred-and-twelfth"
            if word == "hundred":
                current *= 100
            else:
                total, current = total + current * 1000, 0
        elif word not in ("a", "and"):
            current += _number_word(word) or 0
    return total + current


def _spoken_decimal(folded: str) -> str:
    """The digits of a decimal read aloud (`_SPOKEN_DECIMAL`): "two-point-four" is "2.4"."""
    whole, decimals = re.split(r"[\s-]+point[\s-]+", folded, maxsplit=1)
    digits = "".join(str(_NUMBER_WORDS.get(w, 0)) for w in re.split(r"[\s-]+", decimals))
    return f"{0 if whole == 'nought' else _number_word(whole)}.{digits}"


def is_ordinal_word(text: str) -> bool:
    parts = re.split(r"[\s-]+", fold(text))
    return parts[0] in _ORDINAL_WORDS or parts[-1] in _ORDINAL_WORDS


def _opening_participle(token: Token, side: list[Token]) -> bool:
    """ "Having", "Following", "Speaking": the first word of a sentence, capitalised only there. A
    name opening it ("Federer held ...") stays a name."""
    return token is side[0] and fold(token.text).endswith("ing") and token.kind == "name"


def _opening_role(run: list[Token], side: list[Token], known: set[str]) -> bool:
    """ "Substitute Luka Fenn scored ...": a word opening the sentence before a full name the
    source gives (two words or more) is the person's role, capitalised for opening the sentence,
    not part of the name. "Anna Berg" against "Maria Berg" still differs: one name's word is left."""
    return (
        len(run) >= 3
        and run[0] is side[0]
        and all(not _missing(t, known) for t in run[1:])
        and _missing(run[0], known)
    )


def _numbered_name(run: list[Token], side: list[Token], text: str) -> bool:
    """ "Law 512", "Route 3", "Flight 17": a number set right after a name is part of what it
    names, no figure another figure of the source could differ from. Not a sum after a currency
    code ("VSC 250,000"), a score ("Rovers 2-1"), or a number after a comma ("Saavedra, 58")."""
    if len(run) != 1 or run[0].kind != "number" or run[0].gap != " ":
        return False
    i = side.index(run[0])
    before = side[i - 1] if i else None
    return (
        before is not None
        and before.kind == "name"
        and not _CURRENCY_CODE.fullmatch(before.text)
        and not re.match(r"\s?[-–]\s?\d", text[run[0].end :])
    )


def is_loose_number(text: str) -> bool:
    """An ordinal word or "one": as often no count as a count ("at first", "one way"), so compared
    when it differs, but never required."""
    return is_ordinal_word(text) or fold(text).split("-")[0] == "one"


def _pronoun_one(folded: str, text: str, match: re.Match) -> bool:
    """ "one" standing for someone or something ("the one to start", "one of them"), not a count."""
    if folded != "one":
        return False
    return bool(_DETERMINER_BEFORE.search(text[: match.start()])) or bool(
        re.match(r"\s+(?:of|another)\b", text[match.end() :], re.I)
    )


_NUMBER_PAIR = re.compile(r"(\d+)-(\d+)")
_CONTRACTED = re.compile(r"['’](?:s|re|ll|m|ve|d)$")


def _not_a_name(raw: str) -> bool:
    """A capitalised word that names nobody, contracted too: "It's", "We're", "Don't"."""
    return raw in NOT_NAMES or _CONTRACTED.sub("", raw) in NOT_NAMES or raw.endswith(("n't", "n’t"))


# "May" the month is "may" the verb too, a stopword: the month is capitalised and has a day or a
# year beside it ("4 May", "May 4", "May 2026", "4th of May") or a word before it that places
# it in time ("in May", "mid-May"). "Theresa May" and "May I ask" are no month.
_DAY_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?(?:\s+of)?\s*$")
_TIME_WORD_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|from|of|early|late|mid|last|next|this|throughout|during|before|after)[\s-]*$",
    re.IGNORECASE,
)


def _month_may(raw: str, text: str, start: int, end: int) -> bool:
    """Whether the word ``raw`` at ``start:end`` of ``text`` is the month May."""
    if raw != "May":
        return False
    before = text[max(0, start - 16) : start]
    return bool(
        re.match(r"[\s.,]*\d", text[end:]) or _DAY_BEFORE.search(before) or _TIME_WORD_BEFORE.search(before)
    )


def tokens(text: str) -> list[Token]:
    """The content words of ``text``, each with its kind; stopwords left out."""
    found = []
    last_end = 0
    for match in _TOKEN.finditer(text):
        raw = match.group()
        folded = fold(raw)
        gap, last_end = text[last_end : match.start()], match.end()
        if _PERCENT.match(folded):
            found.append(Token(raw, match.start(), match.end(), "percent", "word", gap))
            continue
        if folded in STOPWORDS and not _month_may(raw, text, match.start(), match.end()):
            last_end = match.start()  # a stopword keeps two names apart: "Erdogan and Aliyev"
            continue
        pair = _NUMBER_PAIR.fullmatch(raw)
        if pair:  # a score or a range is two numbers, as "29–27" with a dash is: "29-25" is no 29-27
            first, second = match.start(), match.start() + pair.start(2)
            found.append(Token(pair[1], first, first + len(pair[1]), pair[1], "number", gap))
            found.append(Token(pair[2], second, match.end(), pair[2], "number", "-"))
            continue
        if match.group("spoken"):
            kind, key = "number", _spoken_time(folded, text[match.end() :])
        elif match.group("decimal"):
            kind, key = "number", _spoken_decimal(folded)
        elif match.group("compound"):
            kind, key = "number", str(_compound_number(folded))
        elif match.group("andhalf"):
            kind, key = "number", "1.5"
        elif match.group("plushalf"):
            whole = re.match(r"\d+", raw)
            kind, key = "number", f"{int(whole[0]) if whole else _number_word(folded.split()[0])}.5"
        elif match.group("dozen"):
            kind, key = "number", "6" if folded.startswith("half") else "12"
        elif match.group("part"):
            part = next(w for w in _PARTS if w in folded.split())
            scale = _SCALES.get(folded.split()[-1])  # "half a million" is 500000 whole, as "500,000"
            if not (scale or _unit_follows(text[match.end() :])):
                found.append(Token(raw, match.start(), match.end(), stem(part), "word", gap))
                continue  # "half a season": a word, as before; no value to find
            kind, key = "number", f"{float(_PARTS[part]) * scale:.0f}" if scale else _PARTS[part]
        elif match.group("clock"):
            hour, minute = raw.split(":")
            kind, key = "number", f"{int(hour)}:{minute}"  # "09:15" is "9:15"
        elif raw[0].isdigit():
            digits = re.match(r"[\d,.]*\d|\d", raw).group().replace(",", "")
            kind, key = "number", digits
        elif _number_word(folded) is not None and not _pronoun_one(folded, text, match):
            kind, key = "number", str(_number_word(folded))
        elif _POSSESSIVE.sub("", folded) in _WEEKDAYS or (_MONTHS.match(raw) and raw[0].isupper()):
            kind, key = "date", folded[:3]  # "Saturday's final" is Saturday's
        else:
            if len(folded) < 2:
                continue
            # Every word compares by its stem ("Police" opening a sentence meets "police").
            key = stem(_ABBREVIATED.get(folded.rstrip("."), _POSSESSIVE.sub("", folded)))
            kind = "name" if raw[0].isupper() and not _not_a_name(raw) else "word"
        found.append(Token(raw, match.start(), match.end(), key, kind, gap))
    return found


def number_keys(text: str) -> set[str]:
    """The digits of every number ``text`` gives, in whatever form ("six" / "6", "1,400" / "1400")."""
    return {t.key for t in tokens(text) if t.kind == "number"}


def _spoken_time(folded: str, after: str) -> str:
    """The clock key ("21:15") of a time told in words (`_SPOKEN_TIME`, folded): "a quarter past
    nine" with "in the evening" (or p.m.) ``after`` it is 21:15; with nothing saying which half
    of the day, the hour as told (9:15), as a clock's "09:15" is."""
    if folded.endswith(("noon", "midday")):
        return "12:00"
    if folded == "midnight":
        return "0:00"
    words = re.findall(r"\d+|[a-z]+", folded)
    numbers = [int(w) if w.isdigit() else _NUMBER_WORDS.get(w) for w in words]
    numbers = [n for n in numbers if n is not None]
    if "past" in words or "to" in words:
        # The minutes are the numbers told before "past" or "to": "twenty-five" is 25, "10 minutes" 10.
        told = [w for w in words[: words.index("past" if "past" in words else "to")] if w != "minutes"]
        minute = 15 if "quarter" in words else 30 if "half" in words else sum(numbers[: len(told)])
        hour = numbers[-1]
        if "to" in words:
            hour, minute = (hour - 1) or 12, 60 - minute
    else:
        hour = numbers[0]
        clock = re.search(r"\d+[.:](\d\d)", folded)
        minute = int(clock[1]) if clock else 0
    half = "pm" if re.search(r"p\.?m\b", folded) else "am" if re.search(r"a\.?m\b", folded) else ""
    part = "" if half else (_DAY_PART.match(after) or [None, ""])[1].lower()
    if part:
        half = "am" if part == "morning" or (hour == 12 and part in ("night", "tonight")) else "pm"
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    return f"{hour}:{minute:02d}"


def _unit_follows(text: str) -> bool:
    """Whether ``text`` opens with a unit of `_MEASURES` ("half a decade", "half a percentage point")."""
    word = re.match(r"\s*(\w+)", text)
    return bool(word) and word[1].lower() in _MEASURES


def runs(side: list[Token]) -> list[list[Token]]:
    """Consecutive value tokens of one kind: a full name with its title ("British Foreign Secretary
    Jack Straw"), a month and day ("September 20"), a number."""
    runs: list[list[Token]] = []
    for i, token in enumerate(side):
        if token.kind == "word":
            continue
        kind = _kind([token], side)
        # One name runs over spaces only; a date also over "Sept. 13" and "September 20, 2023".
        close = not token.gap.strip() or (kind == "date" and token.gap.strip() in (".", ","))
        joined = i and runs and runs[-1][-1] is side[i - 1] and close
        if joined and _kind(runs[-1], side) == kind and kind != "number":
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def _is_date_part(side: list[Token], i: int) -> bool:
    """A month or weekday, or a day number next to a month ("September 20", "13 Sept"), never a
    clock time next to a weekday ("at 19:40 on Thursday") nor a count a word away ("9 March at six
    halls")."""
    if side[i].kind == "date":
        return True
    near = _beside(side, i)
    return side[i].kind == "number" and any(t.kind == "date" and t.key not in _WEEKDAY_KEYS for t in near)


def _beside(side: list[Token], i: int) -> list[Token]:
    """The tokens either side of ``side[i]`` with no word between (a stopword left out is one)."""
    near = []
    if i > 0 and not _HAS_WORD.search(side[i].gap):
        near.append(side[i - 1])
    if i + 1 < len(side) and not _HAS_WORD.search(side[i + 1].gap):
        near.append(side[i + 1])
    return near


_HAS_WORD = re.compile(r"[^\W\d_]")


def _kind(run: list[Token], side: list[Token]) -> str:
    i = next(n for n, t in enumerate(side) if t is run[0])
    return "date" if _is_date_part(side, i) else run[0].kind


def _span_text(text: str, run: list[Token], side: list[Token] = ()) -> str:
    """The run as written, a number with its per cent sign ("85 per cent", "95%")."""
    end = run[-1].end
    i = next((n for n, t in enumerate(side) if t is run[-1]), None)
    if i is not None and i + 1 < len(side) and side[i + 1].key == "percent" and not side[i + 1].gap.strip():
        end = side[i + 1].end
    return text[run[0].start : end]


@dataclass
class Differs:
    """The value the draft gives and the one the source gives instead."""

    draft: str
    source: str
    kind: str  # number, date or name

    def to_json(self) -> dict:
        return {"draft": self.draft, "source": self.source, "kind": self.kind}


@dataclass
class Difference:
    differs: Differs
    share: float  # how much of the rest of the claim lines up
    in_place: bool = False  # the source's value stands in the stretch of words the claim's does


def differing_value(
    claim: str,
    source: str,
    context: str = "",
    names: set[str] = frozenset(),
    strict: frozenset[str] = frozenset(),
    passage: str = "",
    held: frozenset[str] = frozenset(),
) -> Difference | None:
    """The value ``source`` gives instead of the claim's, when both say the same thing otherwise.

    Exactly one run of values in the claim (a number, a date, a full name) is missing from the
    source and its ``context`` (the sentence before, the title; for names also the passage's
    other ``names``), the source has a run of the same kind the claim lacks (the one standing in
    the same place, by `difflib`'s alignment), and the rest of the claim's words are in the
    source sentence (the share returned, for the caller's threshold). "Russia has about 3,000 troops in
    Armenia" against "... about 5,000 troops ..." differs in a number; "Zakharova said X"
    against "X, Peskov said" in a name. When more than one run is missing, a claim joining two of
    the ``passage``'s facts may still differ in one: a value the passage gives further away is no
    second value, unless it is one of the ``held`` words (who did it, which the passage's other
    sentences cannot lend). A wire dateline's agency credit is never the source's value.
    """
    source = _without_wire_credit(source)
    a, b = tokens(claim), tokens(source)
    if not a or not b:
        return None
    matcher = SequenceMatcher(None, [t.key for t in a], [t.key for t in b], autojunk=False)
    source_keys = {t.key for t in b}
    context_side = tokens(context)
    written = source_keys | {t.key for t in context_side} | set(names)
    known = written | _keys_in_other_forms(claim, f"{source} {context}")
    claim_keys = {t.key for t in a}
    # "eight locations" against "on Saturday 8 ... at six locations", "Sixty-four people" against
    # "a 64-year-old farmer ... Eleven people": the count is missing.
    otherwise = counts_given_otherwise(claim, a, [(source, b), (context, context_side)])
    placed, holders = places_inside_names(claim, a, [b, context_side])
    # ``strict`` words (the claim's speaker, against a sentence naming its own) count only when
    # the sentence itself has them.
    claim_runs = [
        r
        for r in runs(a)
        if any(
            _missing(t, source_keys if t.key in strict else known)
            or t.start in otherwise
            or t.start in placed
            for t in r
        )
        and not (len(r) > 1 and r[0].kind == "name" and _acronym(r) in written)  # "United States": US
    ]
    # A participle opening the claim ("Having changed his mind, Lockett ...", "Rising in the
    # hills, the river ...") is capitalised as any first word, and no value.
    claim_runs = [r for r in claim_runs if not (len(r) == 1 and _opening_participle(r[0], a))]
    claim_runs = [r for r in claim_runs if not _opening_role(r, a, known) and not _numbered_name(r, a, claim)]
    if len(claim_runs) > 1:
        # A one-word opener the texts write in lower case is capitalised as any first word ("Fans
        # lined the streets ... on Wednesday" where the article has "fans"): no second value.
        # "Federer held ..." stays one: nothing writes "federer".
        lower = f"{source} {context} {passage}"
        claim_runs = [
            r for r in claim_runs if not (len(r) == 1 and r[0].start == 0 and _in_lower_case(r[0], lower))
        ]
    if len(claim_runs) > 1:  # an ordinal word the source leaves out ("its first match") is no event
        claim_runs = [r for r in claim_runs if not (len(r) == 1 and is_loose_number(r[0].text))]
    if claim_runs and _RELATIVE_YEAR.search(f"{source} {context}"):
        # "by March 2026" against "by the end of March next year": the year is told in words, no
        # value that differs (not "Thursday", the day it was said) and no second one.
        claim_runs = [r for r in claim_runs if not all(_YEAR.match(t.key) for t in r if _missing(t, known))]
    same_day: list[Token] = []  # the claim's month where the source gives only a weekday
    if claim_runs and _weekdays_only(b):
        # "In July 2025" against "on Monday": a weekday counts from the day the article was
        # written, so a month is the same day told otherwise, no value that differs. A bare year
        # stays one ("a smaller explosion injured three miners in 2019": another event).
        dated = [r for r in claim_runs if _kind(r, a) == "date" and not _weekdays_only(r)]
        same_day = [t for r in dated for t in r]
        claim_runs = [r for r in claim_runs if r not in dated]
    if len(claim_runs) > 1 and passage:  # "..., which affected 360 fairy penguins" two sentences on
        in_passage = known | {t.key for t in tokens(passage)}
        claim_runs = [
            r for r in claim_runs if any(_missing(t, source_keys if t.key in held else in_passage) for t in r)
        ]
    if len(claim_runs) != 1:
        return None  # nothing differs, or a second value the source lacks: another event
    run = claim_runs[0]
    kind = _kind(run, a)
    # A name the claim gives in other words is its subject, no other value: "the international
    # security force ... commanded by Major General McColl" against "the International Security
    # Assistance Force", most of whose words the claim has outside the name it changed.
    other_keys = {t.key for t in a if t not in run}
    candidates = [
        r
        for r in runs(b)
        if _kind(r, b) == kind
        and any(t.key not in claim_keys for t in r)
        and not (kind == "name" and 2 * sum(t.key in other_keys for t in r) > len(r))
        and not (kind == "name" and len(r) == 1 and spelled_acronyms(r[0].text, claim))  # "VAT"
        and not any(r[0] is h[0] for h in holders)  # "Asteras Neapori" is no other place than Neapori
        and not (kind == "name" and _item_opener(r, source, f"{context} {passage}"))
    ]
    if not candidates:
        return None
    if run[0].start in placed:  # a place faces the source's own place: "at the Kyparissi Stadium"
        candidates = [r for r in candidates if _LOCATIVE.search(source[: r[0].start])]
        if not candidates:
            return None
    if kind == "number":  # "just under ten million" faces the "9.8 million" it rounds, not "4.6 million"
        # "at 3 a.m." faces "at 04:40", not "kilometre 42": a time of day faces a time of day
        timed = [r for r in candidates if _is_time(r) == _is_time(run)]
        candidates = timed or candidates
        draft = _span_text(claim, run, a)
        rounded = [
            r
            for r in candidates
            if rounds_the_other(claim, source, Differs(draft, _span_text(source, r, b), kind))
        ]
        candidates = rounded or candidates
        # "its 10th reduction" faces "the 11th cut", not "the fourth since"
        counted = _counts(a, a.index(run[0]))
        alike = [r for r in candidates if counted & _counts(b, b.index(r[0]))]
        candidates = _closest_neighbours(run, alike, a, b) if len(alike) > 1 else alike or candidates
    if kind == "name" and len(run) > 1:  # "Judge Ada Brandt" faces "Judge Rena Holm", not the firm she named
        titled = [r for r in candidates if len(r) > 1 and r[0].key == run[0].key and r[-1].key != run[-1].key]
        candidates = titled or candidates
    if kind == "date":  # "on 11 May" faces "began on 4 May", not "the rainy season in August"
        if not _said_on(claim, run):  # "said on Wednesday" dates the saying, not what was said
            candidates = [r for r in candidates if not _said_on(source, r)]
            if not candidates:
                return None
        months = {t.key for t in run if t.kind == "date"}
        candidates = [r for r in candidates if months & {t.key for t in r}] or candidates
    other, in_place = _aligned(run, candidates, matcher, a, b, source)
    if other is None or (kind == "date" and _year_left_unsaid(run, known, other)):
        return None
    # Lined up: the claim's other words are in the source sentence, in any order ("X, Peskov
    # said" and "Peskov said X" tell the same); its other names may come from the context.
    rest = [t for t in a if t not in run and t not in same_day]
    plain = [t for t in rest if t.kind == "word"]
    share = sum(1 for t in rest if t.key in known) / max(1, len(rest))
    word_share = sum(1 for t in plain if t.key in source_keys) / max(1, len(plain))
    differs = Differs(_span_text(claim, run, a), _span_text(source, other, b), kind)
    return Difference(differs, min(share, word_share), in_place)


_WEEKDAY_KEYS = frozenset(day[:3] for day in _WEEKDAYS)

# "The university said on Wednesday it would ...", "told reporters late on Monday": the day
# somebody spoke, which the article's other dates need not share.
_SAYING_BEFORE = re.compile(
    r"\b(?:said|says|announced|confirmed|stated|added|told\s+(?:\w+\s+){1,2}?)\s*(?:late\s+|early\s+)?"
    r"(?:on\s+)?$",
    re.IGNORECASE,
)


def _said_on(text: str, run: list[Token]) -> bool:
    """Whether ``run`` is only a weekday that dates a saying in ``text`` ("said on Wednesday")."""
    return _weekdays_only(run) and bool(_SAYING_BEFORE.search(text[: run[0].start]))


# "in Neapori", "at the Birzuva Arena", "in the capital, Varnegala": where something happened.
_LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+(?:\w+,\s+)?)?$", re.IGNORECASE)


def places_inside_names(
    claim: str, a: list[Token], sides: list[list[Token]]
) -> tuple[set[int], list[list[Token]]]:
    """The claim's places ("played in Neapori") that the ``sides`` (the source sentence, its
    context) name only inside a longer name ("Asteras Neapori won the cup ... at the Kyparissi
    Stadium in Levkara": a team named after its town), as the start offsets of their words, and
    those longer names. A town in a team's, a firm's or a paper's name is not where the source
    says the thing happened, so the claim's place is compared with the source's own; one the
    source also names alone stays given."""
    placed: set[int] = set()
    holders: list[list[Token]] = []
    places = [r for r in runs(a) if r[0].kind == "name" and _LOCATIVE.search(claim[: r[0].start])]
    if not places:
        return placed, holders  # most claims: the source's names need not be read
    names = [(r, {t.key for t in r}) for side in sides for r in runs(side) if r[0].kind == "name"]
    for run in places:
        keys = {t.key for t in run}
        holding = [r for r, name in names if not any(_missing(t, name) for t in run)]
        if holding and all(any(_missing(t, keys) for t in r) for r in holding):
            placed |= {t.start for t in run}
            holders += holding
    return placed, holders


_BULLET = re.compile(r"\s*[•·▪*\-–—]\s*$")


def _item_opener(run: list[Token], source: str, elsewhere: str) -> bool:
    """Whether a one-word name run is the first word of a list item ("• Gradual increase of the
    retirement age"), capitalised for that alone: no name unless ``elsewhere`` writes it
    capitalised inside a sentence."""
    if len(run) != 1 or not _BULLET.fullmatch(source[: run[0].start]):
        return False
    inside = rf"(?<=[a-z,;:] ){re.escape(run[0].text)}(?![\w-])"
    return re.search(inside, f"{source[run[0].end :]} {elsewhere}") is None


def _in_lower_case(token: Token, text: str) -> bool:
    """Whether ``text`` writes the token's word in lower case: a common word, not a name."""
    return re.search(rf"(?<![\w-]){re.escape(token.text.lower())}(?![\w-])", text) is not None


def _year_left_unsaid(run: list[Token], known: set[str], other: list[Token]) -> bool:
    """ "The end of October 2025" against "by 31 October": all the claim's date lacks is its year,
    and the source's date gives none. The same month told closer, no other date; "in October
    2025" against "31 October 2024" still differs."""
    missing = [t for t in run if _missing(t, known)]
    return (
        bool(missing)
        and any(t.kind == "date" for t in run)
        and all(_YEAR.match(t.key) for t in missing)
        and not any(_YEAR.match(t.key) for t in other)
    )


def date_form(run: list[Token]) -> tuple[str, ...]:
    """A date's form: ("date", "number") for "Sept. 13", ("weekday",) for "Tuesday"."""
    return tuple("weekday" if t.key in _WEEKDAY_KEYS else t.kind for t in run)


def _weekdays_only(side: list[Token]) -> bool:
    """Whether every month or weekday in ``side`` is a weekday (and there is one)."""
    named = [t.key for t in side if t.kind == "date"]
    return bool(named) and all(key in _WEEKDAY_KEYS for key in named)


# "LONDON (Reuters) -", "MONTALVA, Portugal, Aug 12 (Atlas News Service) -": a wire dateline.
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,[^()\n]{0,40})?\s*(\([^()\n]{2,40}\))(?=\s*[-–—])")


def _without_wire_credit(text: str) -> str:
    """The sentence with a wire dateline's agency credit blanked (same length, offsets kept): the
    agency reports the story, it is no value of it ("Spain" faces "Portugal", not the agency)."""
    match = _WIRE_DATELINE.match(text)
    if not match:
        return text
    return text[: match.start(1)] + " " * len(match[1]) + text[match.end(1) :]


def without_dateline(text: str) -> str:
    """The sentence with a wire dateline blanked whole (same length): "TAMROVO, 14 March (VWA) -"
    dates the filing, not what the sentence reports."""
    match = _WIRE_DATELINE.match(text)
    return text if not match else " " * match.end() + text[match.end() :]


def absent_values(claim: str, text: str) -> list[Token]:
    """The claim's numbers, dates and names (past its first word) that ``text`` gives in no form
    ("Ghanaian" is there as "Ghana", "US" as "United States", "Zambia-Zimbabwe" as its parts);
    an ordinal word or "one" is not required ("the First World War" / "World War I")."""
    text_side = tokens(text)
    keys = {t.key for t in text_side} | _keys_in_other_forms(claim, text)
    side = tokens(claim)
    otherwise = counts_given_otherwise(claim, side, [(text, text_side)])
    return [
        t
        for t in side
        if t.kind in ("number", "date", "name")
        and not (t.kind == "name" and t.start == 0)
        and not is_loose_number(t.text)
        and (_missing(t, keys) or t.start in otherwise)
    ]


def _is_day(side: list[Token], i: int) -> bool:
    """A number standing as the day of a date: beside a month or a weekday ("Saturday 8 and Sunday
    9 November"), counting nothing ("Monday 8 hours of talks" counts hours)."""
    token = side[i]
    if token.kind != "number" or _YEAR.match(token.text) or _counts(side, i):
        return False
    return any(t.kind == "date" for t in _beside(side, i))


def counts_given_otherwise(
    claim: str, claim_side: list[Token], texts: list[tuple[str, list[Token]]]
) -> set[int]:
    """Starts of the claim's counts ("eight locations", "Sixty-four people") whose number the
    ``texts`` give only otherwise: as the day of a date ("on Saturday 8 and Sunday 9 November") or
    as a figure of another form (`figure_form`: "a 64-year-old farmer", "64 km", "64 per cent"
    for the claim's people). The digits are there, the count is not. A number the claim sets off
    ("Velker, 26, grew up ...") says no more what it is than the text's "26-year-old", and a sum
    in a currency only the text names ("50,000 kronor" / "TKR 50,000") is the same sum. Each text
    comes with its tokens, and the claim with its own: the callers have them already."""
    counts = [t for i, t in enumerate(claim_side) if t.kind == "number" and _counts(claim_side, i)]
    forms = {t.key: figure_form(claim, t) for t in counts}
    if not forms:
        return set()  # most claims: no count to look for
    counting = {t.key for t in counts if _COUNTED_NEXT.match(claim, t.end)}
    otherwise: set[str] = set()
    plainly: set[str] = set()
    for text, side in texts:
        for i, t in enumerate(side):
            if t.kind != "number" or t.key not in forms or t.key in plainly:
                continue  # a count told plainly once is given, however else the text uses it
            if _is_day(side, i):
                otherwise.add(t.key)
                continue
            ours, theirs = forms[t.key], figure_form(text, t)  # read only here: it tokenizes the rest
            other_form = forms_apart(ours, theirs) or (
                not ours and theirs not in ("", "money") and t.key in counting
            )
            (otherwise if other_form else plainly).add(t.key)
    return {t.start for t in counts if t.key in otherwise - plainly}


_COUNTED_NEXT = re.compile(r"\s+[^\W\d_]")  # a number followed by a word: what it counts


def _acronym(run: list[Token]) -> str:
    """The key of a name's initials: "United States" -> "us"."""
    return stem(fold("".join(t.text[0] for t in run if t.text not in NOT_NAMES)))


def _missing(token: Token, keys: set[str]) -> bool:
    """Whether ``keys`` lack the token; a name also counts as there in another form of the same
    word ("Ghanaian" / "Ghana", "Argentine" / "Argentina"), a hyphenated word as its parts."""
    if token.key in keys:
        return False
    if "-" in token.text.strip("-"):  # "September-quarter" is there when "September quarter" is
        parts = tokens(token.text.replace("-", " "))
        if len(parts) > 1 and not any(_missing(part, keys) for part in parts):
            return False
    return token.kind != "name" or not any(_same_name_word(token.key, key) for key in keys)


def _same_name_word(a: str, b: str) -> bool:
    """Two name stems that differ only in their ending ("ghanaian" / "ghana"), not in a letter
    inside ("iran" / "iraq", "johnston" / "johnson")."""
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) < 4 or len(longer) - len(shorter) > 3:
        return False
    common = len(os.path.commonprefix([a, b]))
    return common == len(shorter) or common >= max(5, len(shorter) - 1)


_ARTICLE_OR_PREPOSITION = re.compile(r"^\W*(?:the|an?|in|on|at|by|for|of|to|from|with|as)\b", re.IGNORECASE)


def _opener_before_article(text: str, side: list[Token]) -> bool:
    """Whether a source sentence opens with a capitalised word followed by an article or a
    preposition ("Named the", "Located in"), as a participle does; "Peskov said" is a name. (A
    claim's opening "-ing" word is `_opening_participle`.)"""
    if side[0].kind != "name" or len(side) < 2:
        return False
    return bool(_ARTICLE_OR_PREPOSITION.match(text[side[0].end : side[1].start]))


NEIGHBOURS = 2  # words either side of a figure that say what it is ("injuring 14 people")


_CURRENCY_CODE = re.compile(r"[A-Z]{3}")  # "VSC 4.8 billion": money, not what it is of
# Units a figure is measured in and scales it is told in: "seven metres" and "11.4 metres" share
# these and may measure two things (a depth, a length).
MEASURE_UNITS = frozenset(stem(unit) for unit in _MEASURES) | {"million", "billion", "thousand", "trillion"}


def measured_alike(a: list[Token], key: str, b: list[Token], other: str) -> bool:
    """Whether figure ``key`` of ``a`` and figure ``other`` of ``b`` share a word within
    `NEIGHBOURS` either side, units, currency codes and numbers aside: "is 11.4 metres long" and
    "lying seven metres down" measure two things, as "values it at VSC 4.8 billion" and "VSC 3
    billion of new borrowing" do; "a depth of 12 metres" and "a depth of 14 metres" one."""

    def telling(t: Token) -> bool:
        return (
            t.kind in ("word", "name") and t.key not in MEASURE_UNITS and not _CURRENCY_CODE.fullmatch(t.text)
        )

    def near(side: list[Token], key: str) -> set[str]:
        found: set[str] = set()
        for i in (i for i, t in enumerate(side) if t.key == key):
            for way in (side[i - 1 :: -1] if i else [], side[i + 1 :]):
                found.update(t.key for t in [t for t in way if telling(t)][:NEIGHBOURS])
        return found

    return bool(near(a, key) & near(b, other))


def _closest_neighbours(
    run: list[Token], candidates: list[list[Token]], a: list[Token], b: list[Token]
) -> list[list[Token]]:
    """Of source figures counting the same thing, those whose `NEIGHBOURS` words either side share
    most with the claim figure's: "Seventeen people were injured" faces "injuring 14 people", not
    "a ferry carrying 231 people"."""

    def near(side: list[Token], i: int) -> set[str]:
        return {t.key for t in side[max(0, i - NEIGHBOURS) : i + NEIGHBOURS + 1]} - {side[i].key}

    ours = near(a, a.index(run[0]))
    shared = {id(r): len(ours & near(b, b.index(r[0]))) for r in candidates}
    best = max(shared.values())
    return [r for r in candidates if shared[id(r)] == best]


def _aligned(
    run: list[Token],
    candidates: list[list[Token]],
    matcher: SequenceMatcher,
    a: list[Token],
    b: list[Token],
    source: str,
) -> tuple[list[Token] | None, bool]:
    """The source run standing where the claim's run stands, and whether it stands there: in the
    same replaced stretch when there is one (of those, the one closest in length: "Dmitry Peskov"
    against "Maria Zakharova" rather than "Russian Foreign Ministry")."""
    i = a.index(run[0])
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i1 <= i < i2:
            inside = [r for r in candidates if j1 <= b.index(r[0]) < j2]
            if inside:
                return min(inside, key=lambda r: (abs(len(r) - len(run)), b.index(r[0]))), True
    # Else the run sharing a word with the claim's ("December 13" for "December 18"), the longest;
    # not a capitalised word opening the sentence as a participle does ("Named the ... Force").
    keys = {t.key for t in run}
    placed = [r for r in candidates if not (r[0] is b[0] and _opener_before_article(source, b))]
    if not placed:
        return None, False
    return max(placed, key=lambda r: (bool(keys & {t.key for t in r}), len(r), -b.index(r[0]))), False


def _number_in(text: str, value: str) -> tuple[list[Token], int | None]:
    """``text``'s tokens and the index of the number ``value`` gives ("85 per cent": 85), if there."""
    side = tokens(text)
    wanted = tokens(value)
    if not wanted:
        return side, None
    return side, next((i for i, t in enumerate(side) if t.text == wanted[0].text), None)


# Two figures this many times apart are no two values of one thing: a total against a price per
# share, a sum in millions against one in units (a draft's slip is a digit, not three orders).
ORDERS_APART = 1000.0


def counts_alike(claim: str, source: str, differs: Differs) -> bool:
    """For a changed number: both count the same thing, when both say what they count. Two sums
    of money are alike whatever words follow them ("fined £64,000 at Mirefield Magistrates'
    Court" / "fined £46,000 and ordered to pay costs"); figures of two forms never are ("three
    minutes from the end" / "won 2-1"; `figure_form`), nor a share and a figure that is none, nor
    two figures `ORDERS_APART` apart at their scales."""
    if differs.kind != "number":
        return True

    if bool(_YEAR.match(differs.draft)) != bool(_YEAR.match(differs.source)):
        return False  # "opened in 1883" against "a span of 1,991 metres": a year is no count
    (our_side, i), (their_side, j) = _number_in(claim, differs.draft), _number_in(source, differs.source)
    if i is None or j is None:
        return True
    if (_minutes(our_side[i].key) is None) != (_minutes(their_side[j].key) is None):
        return False  # "shortly before 5 a.m." against "near kilometre 42": a time of day is no count
    our_form, their_form = figure_form(claim, our_side[i]), figure_form(source, their_side[j])
    if forms_apart(our_form, their_form):
        return False
    if our_form and their_form:
        return True
    if _orders_apart(claim, our_side[i], source, their_side[j]):
        return False  # "valued at 190 million" against "shares unchanged at 11.30": not one figure
    ours, theirs = _counts(our_side, i), _counts(their_side, j)
    return not ours or not theirs or bool(ours & theirs)


def _orders_apart(claim: str, ours: Token, source: str, theirs: Token) -> bool:
    """Whether two figures, at their scales ("190 million"), are `ORDERS_APART` times apart or more."""
    our_figure, their_figure = _figure(claim, ours), _figure(source, theirs)
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


def _rough_low(size: float, side: str) -> float:
    """The least an exact figure may be when ``size`` is told roughly on ``side``."""
    return size if side == "above" else size * (1 - ROUNDING_TOLERANCE)


def _rough_high(size: float, side: str) -> float:
    """The most an exact figure may be when ``size`` is told roughly on ``side``."""
    return size if side == "below" else size * (1 + ROUNDING_TOLERANCE)


def _rounded_side(text: str, token: Token) -> str | None:
    """Which side of ``token``'s figure the exact one lies, when ``text`` gives it roughly."""
    match = _ROUGHLY.search(text[: token.start])
    return match.lastgroup if match else None


def _bounds(text: str, token: Token, size: float) -> tuple[float, float]:
    """The least and most an exact figure may be for ``text``'s figure ``token`` of ``size``: the
    figure itself when told exactly, within `ROUNDING_TOLERANCE` on its side when told roughly."""
    side = _rounded_side(text, token)
    return (size, size) if side is None else (_rough_low(size, side), _rough_high(size, side))


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


def _minutes(key: str) -> int | None:
    """A time of day's key ("4:40", `tokens`) in minutes after midnight; None for other values."""
    match = _CLOCK_KEY.match(key)
    return int(match[1]) * 60 + int(match[2]) if match else None


def _is_time(run: list[Token]) -> bool:
    """Whether a run of values gives a time of day."""
    return any(_minutes(t.key) is not None for t in run)


def time_told_roughly(text: str, token: Token, other_key: str) -> bool:
    """Whether ``text``'s time of day ``token``, told roughly, may be the time ``other_key``
    exactly, within `TIME_TOLERANCE` on the side its words allow."""
    ours, theirs = _minutes(token.key), _minutes(other_key)
    match = _ROUGH_TIME.search(text[: token.start])
    if ours is None or theirs is None or match is None:
        return False
    low = ours - TIME_TOLERANCE if match.lastgroup in ("below", "either") else ours
    high = ours + TIME_TOLERANCE if match.lastgroup in ("above", "either") else ours
    return low <= theirs <= high


def rounds_the_other(claim: str, source: str, differs: Differs) -> bool:
    """For a changed number: one side gives the other's figure roughly. Either in words, within
    `ROUNDING_TOLERANCE` on the side they allow ("almost 2,000 people" against "1,940 people",
    either way round; "about 3,000 troops" against "5,000" still differs), or shortened to a scale
    ("1.46 billion crowns" is "1,462 million crowns" to two decimals; "4 years" is no "3.5 years")."""
    if differs.kind != "number":
        return False
    (our_side, i), (their_side, j) = _number_in(claim, differs.draft), _number_in(source, differs.source)
    if i is None or j is None:
        return False
    if _minutes(our_side[i].key) is not None:
        return time_told_roughly(claim, our_side[i], their_side[j].key) or time_told_roughly(
            source, their_side[j], our_side[i].key
        )
    ours, theirs = _figure(claim, our_side[i]), _figure(source, their_side[j])
    if ours is None or theirs is None or _YEAR.match(ours[0].text) or _YEAR.match(theirs[0].text):
        return False
    for (rough_text, (rough, value, *_)), exact in ((source, theirs), ours[1]), ((claim, ours), theirs[1]):
        side = _rounded_side(rough_text, rough)
        if side is not None and _rough_low(value, side) <= exact <= _rough_high(value, side):
            return True
    (our_size, our_step, our_scale), (their_size, their_step, their_scale) = ours[1:], theirs[1:]
    step, shortened = max((our_step, our_scale), (their_step, their_scale))
    return shortened and round(our_size / step) == round(their_size / step)


def _sizes(text: str, side: list[Token]) -> list[tuple[Token, float]]:
    """Each number of ``side`` but years with its size at its scale ("2.5 million": 2.5e6)."""
    out = []
    for token in side:
        if token.kind != "number" or _YEAR.match(token.text):
            continue
        try:
            out.append((token, _scaled(text, token)[0]))
        except ValueError:
            continue  # "1990s"
    return out


def figures_in_other_words(claim: str, text: str) -> set[str]:
    """The keys of the claim's figures that ``text`` gives in another form: at another scale ("a
    quarter of a billion" / "250 million"), or exactly where the claim tells it roughly, within
    `ROUNDING_TOLERANCE` on the side its words allow ("over six hundred houses" / "610 houses";
    "almost 2,000" is no 2,050, "about 3,000" no 5,000); a time of day told roughly, by the exact
    one (`time_told_roughly`: "shortly before 5 a.m." / "at around 04:40")."""
    claim_side = tokens(claim)
    times = [t for t in claim_side if t.kind == "number" and _minutes(t.key) is not None]
    wanted = _sizes(claim, claim_side)
    if not wanted and not times:
        return set()
    text_side = tokens(text)
    given = [size for _, size in _sizes(text, text_side)]
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
    return found


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
    time ("twenty to five" / "04:40"). Figures in digits, and words the text writes the same way,
    stay as written."""
    claim_side, text_side = tokens(claim), tokens(text)
    changes: dict[int, tuple[int, str]] = {}  # claim start: (claim end, the text's words)
    given = _measures(text_side)
    for measure in _measures(claim_side):
        other = _converted(claim, measure, given)
        if other is not None:
            changes[measure.token.start] = (measure.end, text[other.token.start : other.end])
    for token in claim_side:  # a time of day in words: "twenty to five" reads the text's "04:40"
        if _is_time([token]) and _HAS_WORD.search(token.text):
            other = next((o for o in text_side if _is_time([o]) and o.key == token.key), None)
            if other is not None and fold(other.text) != fold(token.text):
                changes[token.start] = (token.end, other.text)
    sizes = _sizes(text, text_side)
    for token, size in _sizes(claim, claim_side):
        if token.start in changes or not _HAS_WORD.search(token.text):
            continue  # a measure put already, or digits: the model reads those
        low, high = _bounds(claim, token, size)
        # The text's figure of the same thing: "nine (9) years" for "seven years" is no "2025/07".
        alike = [
            (o, o_size)
            for o, o_size in sizes
            if _neighbour_keys(text_side, o) & _neighbour_keys(claim_side, token)
        ]
        same = [other for other, other_size in alike if other.key == token.key and size == other_size]
        near = same or [other for other, other_size in alike if low <= other_size <= high]
        if near:
            end, words = _figure_end(claim, token), text[near[0].start : _figure_end(text, near[0])]
            if not _HAS_WORD.search(words):
                words += _hyphened_unit(claim[token.start : end])  # "a 12-year term", not "a 12 term"
            if fold(words) != fold(claim[token.start : end]):  # not "three sites" for "Three sites"
                changes[token.start] = (end, words)
    out, at = [], 0
    for start in sorted(changes):
        end, words = changes[start]
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
    r"|\b(?P<n>one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+(?P<d>two|three|four|five|six|ten)\b"
    r"|(?<!first\s)(?<!second\s)(?<!and\sa\s)\b(?P<half>half)\s+(?:of|the)\b",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(r"^\s*(?:per\s*cent|percent|%)", re.IGNORECASE)
# How far a share in words may be from a percentage giving it: "a third" is 32 per cent or 35.
SHARE_POINTS = 3.0


def _shares_in_words(text: str) -> list[tuple[float, str | None]]:
    """The shares ``text`` tells in words, as percentages, each with the side of it an exact
    figure may lie on when it is told roughly ("more than four in five": 80, above)."""
    found: list[tuple[float, str | None]] = []
    for match in _SHARE.finditer(text):
        if match["half"]:
            value = 50.0
        elif match["n"]:
            value = 100.0 * _COUNT_WORDS[match["n"].lower()] / _COUNT_WORDS[match["d"].lower()]
        else:
            part = (match["part"] or match["one"]).lower()
            value = 100.0 * _COUNT_WORDS[match["count"].lower()] / _FRACTION_WORDS[part]
        rough = _ROUGHLY.search(text[: match.start()])
        found.append((value, rough.lastgroup if rough else None))
    return found


def shares(text: str) -> list[tuple[float, str | None]]:
    """The shares ``text`` gives, in words (`_shares_in_words`) and then as percentages."""
    found = _shares_in_words(text)
    for token in tokens(text):
        if token.kind == "number" and _PERCENT_AFTER.match(text[token.end :]):
            try:
                found.append((float(token.key), None))
            except ValueError:
                continue
    return found


def shares_given(claim: str, text: str) -> bool:
    """Whether ``text`` gives every share the claim tells in words, in words or as a percentage:
    "keep a quarter of Chaski" / "retain a 25 per cent holding", "more than four in five" / "83
    per cent", within `SHARE_POINTS` (or `ROUNDING_TOLERANCE` on the side the claim allows). A
    claim with no share in words asks nothing."""
    wanted = _shares_in_words(claim)
    if not wanted:
        return True
    given = [value for value, _ in shares(text)]
    for value, side in wanted:
        low, high = value - SHARE_POINTS, value + SHARE_POINTS
        if side in ("below", "above"):
            low, high = _rough_low(value, side), _rough_high(value, side)
        elif side == "either":
            low, high = min(low, _rough_low(value, side)), max(high, _rough_high(value, side))
        if not any(low <= other <= high for other in given):
            return False
    return True


_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
_SCALE_AFTER = re.compile(rf"^\s*({'|'.join(_SCALES)})\b", re.IGNORECASE)


def _scaled(text: str, token: Token) -> tuple[float, float, bool]:
    """The figure's size with its scale word ("1.46 billion": 1.46e9), the step it is given to (a
    hundredth of a billion), and whether it is shortened (a scale word or decimals)."""
    match = _SCALE_AFTER.match(text[token.end :])
    scale = _SCALES[match[1].lower()] if match else 1.0
    decimals = len(token.key.partition(".")[2])
    return float(token.key) * scale, scale / 10**decimals, bool(match or decimals)


def _figure(text: str, token: Token) -> tuple[Token, float, float, bool] | None:
    """The number ``token`` of ``text`` with its `_scaled` size, step and form."""
    try:
        return (token, *_scaled(text, token))
    except ValueError:
        return None  # "1990s"


_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_RELATIVE_YEAR = re.compile(r"\b(?:next|last|this|previous|following|coming)\s+year\b", re.IGNORECASE)


_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


def _counts(side: list[Token], i: int) -> set[str]:
    """What the number ``side[i]`` counts: the stems of the two words after it, and of the names
    among them ("96 Sri Lankan asylum seekers" counts asylum seekers), or the "year" of
    "27-year-old"; empty for a word, a day of a date or a year."""
    token = side[i]
    if token.kind != "number" or _is_date_part(side, i) or _YEAR.match(token.text):
        return set()
    after = side[i + 1] if i + 1 < len(side) else None
    if after is not None and after.start == token.end and after.key in _ORDINAL_SUFFIXES:
        # "the 71st minute" ranks a minute: the same thing as "the 69th minute", not "20 minutes".
        return {f"#{key}" for key in _counts(side[: i + 1] + side[i + 2 :], i)}
    suffix = token.text.partition("-")[2]
    if suffix and not suffix[0].isdigit() and _number_word(fold(suffix)) is None:  # not "Forty-one"
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
    return [(t.key, t.text, counted) for i, t in enumerate(side) if (counted := _counts(side, i))]


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
            if before is not None and before.key in _SCALES and i > 1:
                before = side[i - 2]  # "2.4 million marchils"
            follows = before is not None and before.kind == "number"
            (after_figure if follows else elsewhere).add(token.key)
    return after_figure - elsewhere


def doer_keys(claim: str) -> frozenset[str]:
    """The name opening the claim ("Transport Minister Kinga Sarkadi declared ..."): who did it,
    the name a neighbouring sentence cannot lend. Not a name further on ("... the Halmoran Cup
    winners earned", "According to Kavan, ..."), which a sentence may leave to its article."""
    side = tokens(claim)
    first = next(iter(runs(side)), [])
    opening = (
        first if first and first[0].kind == "name" and not claim[: first[0].start].strip(" \"'“‘") else []
    )
    return frozenset(t.key for t in opening)


# An all-capitals place opening a story ("COLLPA — ..."), where `without_dateline` finds no wire credit.
_PLACE_DATELINE = re.compile(r"^[\s\-–—]*(?:[A-Z][A-Z.'’]+(?:[\s,]+[A-Z][A-Z.'’]+)*\s+[—–-]\s+)?")


def names_another_doer(doers: frozenset[str], sentence: str) -> bool:
    """Whether ``sentence`` opens with a name none of whose words are the claim's ``doers`` (its
    opening name, `doer_keys`): "Rufino Apaza Condori ... was sentenced to eight years" is no
    other outlet's figure for "Sonia Callisaya Mita ... was given a five-year prison term". A
    sentence opening otherwise ("She was sentenced ...", "Some 3,000 workers ...") may be."""
    if not doers:
        return False
    theirs = doer_keys(_PLACE_DATELINE.sub("", without_dateline(sentence), count=1))
    return bool(theirs) and not theirs & doers


# A compass direction in lower case ("the northern portal", "the west wing", "north-east of"); one
# capitalised is part of a name ("North Korea"), compared as names are.
_DIRECTION = re.compile(r"\b(north|south|east|west)(?:-?(east|west))?(?:ern|erly|wards?)?\b")


def _directions(text: str) -> dict[str, tuple[str, str]]:
    """Each lower-case direction with the word it qualifies: {stem of that word: (direction,
    the two words as written)}."""
    found: dict[str, tuple[str, str]] = {}
    for match in _DIRECTION.finditer(text):
        after = re.match(r"\s+([A-Za-z][\w-]*)", text[match.end() :])
        if after is None or fold(after[1]) in STOPWORDS:
            continue
        direction = match[1] + (match[2] or "")
        found.setdefault(stem(fold(after[1])), (direction, f"{match[0]} {after[1]}"))
    return found


def differing_direction(claim: str, source: str) -> Differs | None:
    """The direction ``source`` gives to the word the claim gives another direction ("the southern
    portal" against the claim's "northern portal", "the east wing" against "the west wing"), when
    the source gives the claim's direction nowhere ("the south face and the north face" is none)."""
    theirs = _directions(source)
    for word, (direction, written) in _directions(claim).items():
        other = theirs.get(word)
        if other and other[0] != direction and not re.search(rf"\b{direction}", source.replace("-", "")):
            return Differs(written, other[1], "name")
    return None
