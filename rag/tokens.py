"""A sentence read as its values: its content words, each with its kind.

A number in digits or in words (an ordinal as its rank, a decimal read aloud, a time of day), a month
or weekday, a capitalised name, and any other word by its stem; and the runs they make (a full name
with its title, a month and day). `rag.values` compares two sentences by these, and `rag.figures`
tells what a number is a figure of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.text import PRONOUNS, SENTENCE_LINKS, STOPWORDS, WEEKDAYS, fold, stem

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
# "[12:00:27]" in a transcript, "2:03:45" for a marathon: hours, minutes and seconds are one
# value, not three numbers (a stray 12 or 27 would differ from a claim's figure).
_STAMP = r"(?<![\d:.])\d{1,2}:[0-5]\d:[0-5]\d(?![\d:])"
# "half a million", "a quarter of an hour", "three quarters of a percentage point": a share of
# what follows, so its scale or unit sizes it as "500,000", "15 minutes"; "a dozen" is 12.
_PART_OF_ONE = (
    r"\b(?:(?:(?:a|one)\s+)?half\s+an?|(?:a|one)\s+quarter\s+of\s+an?|three\s+quarters\s+of\s+an?)\b"
    r"(?:\s+(?:thousand|million|billion|trillion)\b)?"
)
_DOZEN = rf"\b(?:a|one|half\s+a|{_SMALL_NUMBER})\s+dozen\b"  # "two dozen" is 24, not "dozens"
# "a day and a half", "an hour and a half": one and a half of the unit it names, as "36 hours" is.
AND_A_HALF = r"\b(?:a|an|one)\s+(minute|hour|day|week|month|year)\s+and\s+a\s+half\b"
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
SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
# "Cr1,200", "K4.1bn", "Rs2.5m": a currency's letters glued to its figure, left out as "$" is, so the
# figure is 1,200 as in "1,200 crowns". Only before a figure a code never has (grouped thousands, a
# decimal, a million or billion): "R7", "B52" and "G20" stay names.
_GLUED_CURRENCY = r"(?<![\w$])[A-Z][A-Za-z]{0,2}(?=\d{1,3}(?:,\d{3})+\b|\d+\.\d+|\d+(?:m|bn|mn)\b)"
_TOKEN = re.compile(
    rf"(?P<spoken>(?i:{_SPOKEN_TIME}))"
    rf"|(?P<decimal>(?i:{_SPOKEN_DECIMAL}))|(?P<plushalf>(?i:{_PLUS_HALF}))"
    rf"|(?P<compound>(?i:{_COMPOUND_NUMBER}))|(?P<stamp>{_STAMP})|(?P<clock>{_CLOCK})|(?P<dozen>(?i:{_DOZEN}))"
    rf"|(?P<andhalf>(?i:{AND_A_HALF}))|(?P<part>(?i:{_PART_OF_ONE}))|(?P<currency>{_GLUED_CURRENCY})|\d[\d,.]*\d(?:-\w+)?|\d(?:-\w+)?"
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
WEEKDAY_KEYS = frozenset(day[:3] for day in WEEKDAYS)
_MONTHS = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$",
    re.IGNORECASE,
)
# A broadcast script's cue words for a recorded clip ("[01:14] SOT - TESK: ...", "[CLIP: ORSINA
# PLEUGER, Mayor]"): the cue names the clip's speaker, the cue word names nobody.
CLIP_CUE_WORDS = ("CLIP", "SOT", "SOUNDBITE", "ACTUALITY")
# Capitalised words that name nobody: words opening or joining sentences, and a clip's cue words.
NOT_NAMES = {w.capitalize() for w in STOPWORDS} | PRONOUNS | SENTENCE_LINKS | set(CLIP_CUE_WORDS) | {
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
MEASURES = {
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


def number_word(folded: str) -> int | None:
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
    if len(parts) >= 3 and parts[1] in _NUMBER_WORDS and not _FRACTION.match(parts[2]):
        joined = number_word(f"{parts[0]}-{parts[1]}")  # "seventy-three-year-old", as "73-year-old"
        if joined is not None and parts[2] not in _NUMBER_WORDS:
            return joined
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
            current += number_word(word) or 0
    return total + current


def _spoken_decimal(folded: str) -> str:
    """The digits of a decimal read aloud (`_SPOKEN_DECIMAL`): "two-point-four" is "2.4"."""
    whole, decimals = re.split(r"[\s-]+point[\s-]+", folded, maxsplit=1)
    digits = "".join(str(_NUMBER_WORDS.get(w, 0)) for w in re.split(r"[\s-]+", decimals))
    return f"{0 if whole == 'nought' else number_word(whole)}.{digits}"


def is_ordinal_word(text: str) -> bool:
    parts = re.split(r"[\s-]+", fold(text))
    return parts[0] in _ORDINAL_WORDS or parts[-1] in _ORDINAL_WORDS


def spelled_numbers(text: str) -> set[str]:
    """The numbers ``text`` writes in words ("another forty-eight hours": 48), keyed as digits
    are; not an ordinal or "one" (`is_loose_number`)."""
    return {
        t.key
        for t in tokens(text)
        if t.kind == "number" and not any(c.isdigit() for c in t.text) and not is_loose_number(t.text)
    }


def is_loose_number(text: str) -> bool:
    """An ordinal word or "one": as often no count as a count ("at first", "one way"), so compared
    when it differs, but never required."""
    return is_ordinal_word(text) or fold(text).split("-")[0] == "one"


def stated_values(side: list[Token]) -> set[str]:
    """The keys of the numbers and dates a text states (its tokens ``side``), but for loose
    numbers: what a passage must give for it."""
    return {t.key for t in side if t.kind in ("number", "date") and not is_loose_number(t.text)}


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
    before_currency = None  # the gap before a glued currency's letters, which the figure takes
    for match in _TOKEN.finditer(text):
        raw = match.group()
        folded = fold(raw)
        gap, last_end = text[last_end : match.start()], match.end()
        if match.group("currency"):
            before_currency = gap
            continue
        if before_currency is not None:
            gap, before_currency = before_currency, None
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
            kind, key = "number", f"{int(whole[0]) if whole else number_word(folded.split()[0])}.5"
        elif match.group("dozen"):
            first = folded.split()[0]
            kind, key = "number", "6" if first == "half" else str(12 * (number_word(first) or 1))
        elif match.group("part"):
            part = next(w for w in _PARTS if w in folded.split())
            scale = SCALES.get(folded.split()[-1])  # "half a million" is 500000 whole, as "500,000"
            if not (scale or _unit_follows(text[match.end() :])):
                found.append(Token(raw, match.start(), match.end(), stem(part), "word", gap))
                continue  # "half a season": a word, as before; no value to find
            kind, key = "number", f"{float(_PARTS[part]) * scale:.0f}" if scale else _PARTS[part]
        elif match.group("stamp"):
            hours, rest = raw.split(":", 1)
            kind, key = "number", f"{int(hours)}:{rest}"  # "02:03:45" is "2:03:45"
        elif match.group("clock"):
            hour, minute = raw.split(":")
            kind, key = "number", f"{int(hour)}:{minute}"  # "09:15" is "9:15"
        elif raw[0].isdigit():
            digits = re.match(r"[\d,.]*\d|\d", raw).group().replace(",", "")
            kind, key = "number", digits
        elif number_word(folded) is not None and not _pronoun_one(folded, text, match):
            kind, key = "number", str(number_word(folded))
        elif _POSSESSIVE.sub("", folded) in WEEKDAYS or (_MONTHS.match(raw) and raw[0].isupper()):
            kind, key = "date", folded[:3]  # "Saturday's final" is Saturday's
        else:
            if len(folded) < 2:
                continue
            # Every word compares by its stem ("Police" opening a sentence meets "police").
            key = stem(_ABBREVIATED.get(folded.rstrip("."), _POSSESSIVE.sub("", folded)))
            kind = "name" if raw[0].isupper() and not _not_a_name(raw) else "word"
        found.append(Token(raw, match.start(), match.end(), key, kind, gap))
    return _with_tallies(text, found)


# A vote's tally is one value, however told: "by nine votes to two", "voted, eight to three, to",
# "voting 31 to 18" (not "voting 18 to 24-year-olds"), "a 9-2 vote". Two numbers, each of which
# could differ alone, are no single changed value, so a tally told otherwise ("eight votes to
# three") could neither support nor contradict it. Only a council's or a court's few hundred
# votes: "9,874 votes to 9,855" are two candidates' figures.
_VOTES = rf"(?:(?<![\d,.])\d{{1,3}}(?!\d|[,.]\d)|{_SMALL_NUMBER})"
_TALLY = re.compile(
    rf"(?i:\b{_VOTES}\s+votes?\s+to\s+{_VOTES}\b"
    rf"|(?:(?<=voted\s)|(?<=voting\s)){_VOTES}(?:\s+to\s+|\s?[-–]\s?){_VOTES}\b(?![-–]\w)"
    rf"|(?<=voted,\s){_VOTES}\s+to\s+{_VOTES}\b"
    rf"|(?<![\w,.-])\d{{1,3}}\s?[-–]\s?\d{{1,3}}(?=\s+(?:votes?|vote\s+in\s+favour)\b))"
)
# "voted tonight, eight to three, to suspend": a tally told after words about the vote, though
# not a range ("voted to cut it from five to two").
_TALLY_THEN = re.compile(rf"(?i:\b{_VOTES}\s+to\s+{_VOTES}\b(?=,?\s+(?:to|in\s+favour|for|against)\b))")
_VOTED_BEFORE = re.compile(r"\bvoted\b[^.;:!?]{0,25}$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def _with_tallies(text: str, found: list[Token]) -> list[Token]:
    """``found`` with each vote tally's two numbers (and its "votes") as one number, keyed "9-2"."""
    if "vot" not in text.lower():
        return found  # every tally's words tell a vote
    spans = [m.span() for m in _TALLY.finditer(text)]
    for m in _TALLY_THEN.finditer(text):
        before = text[: m.start()]
        if _VOTED_BEFORE.search(before) and not _FROM_BEFORE.search(before):
            spans.append(m.span())
    if not spans:
        return found
    out: list[Token] = []
    for token in found:
        span = next((sp for sp in spans if sp[0] <= token.start < sp[1]), None)
        if span is None:
            out.append(token)
        elif token.kind == "number":
            # A tally's words are dropped, so a token of the span already kept is its first number.
            if out and out[-1].start >= span[0]:
                first = out[-1]
                out[-1] = Token(
                    text[span[0] : span[1]], span[0], span[1], f"{first.key}-{token.key}", "number", first.gap
                )
            else:
                out.append(token)
    return out


def tally_numbers(token: Token) -> tuple[int, int] | None:
    """The two numbers of a tally `_with_tallies` made one token ("9-2": 9 and 2); None for any
    other token."""
    pair = _NUMBER_PAIR.fullmatch(token.key) if token.kind == "number" else None
    return (int(pair[1]), int(pair[2])) if pair else None


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
    """Whether ``text`` opens with a unit of `MEASURES` ("half a decade", "half a percentage point")."""
    word = re.match(r"\s*(\w+)", text)
    return bool(word) and word[1].lower() in MEASURES


def runs(side: list[Token]) -> list[list[Token]]:
    """Consecutive value tokens of one kind: a full name with its title ("British Foreign Secretary
    Jack Straw"), a month and day ("September 20"), a number."""
    runs: list[list[Token]] = []
    for i, token in enumerate(side):
        if token.kind == "word":
            continue
        kind = run_kind([token], side)
        # One name runs over spaces only; a date also over "Sept. 13" and "September 20, 2023",
        # and from a day's ordinal suffix to its month ("the 7th of July").
        close = not token.gap.strip() or (kind == "date" and token.gap.strip() in (".", ","))
        after_ordinal = kind == "date" and i > 1 and _month_after_ordinal(side, i - 2) == [token]
        last = side[i - 2] if after_ordinal else side[i - 1]
        joined = i and runs and runs[-1][-1] is last and (close or after_ordinal)
        if joined and run_kind(runs[-1], side) == kind and kind != "number":
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def is_date_part(side: list[Token], i: int) -> bool:
    """A month or weekday, or a day number next to a month ("September 20", "13 Sept"), never a
    clock time next to a weekday ("at 19:40 on Thursday") nor a count a word away ("9 March at six
    halls")."""
    if side[i].kind == "date":
        return True
    return side[i].kind == "number" and any(t.key not in WEEKDAY_KEYS for t in dates_beside(side, i))


def dates_beside(side: list[Token], i: int) -> list[Token]:
    """The months and weekdays beside ``side[i]`` (`tokens_beside`), or its ordinal's month ("the
    5th of June"), whose day it may be. A date before it across a comma, with none after it, has
    ended: "on 2 March, 29 patients" and "on 14 April, two years after" count; "Saturday, 8
    November" and "5 May, 2025" are dates."""
    near = [t for t in tokens_beside(side, i) if t.kind == "date"]
    ended = i > 0 and "," in side[i].gap and not YEAR_FIGURE.match(side[i].text)
    if ended and near == [side[i - 1]]:
        return []
    return near + _month_after_ordinal(side, i)


def _month_after_ordinal(side: list[Token], i: int) -> list[Token]:
    """The month a day written as an ordinal names: "the 5th of June", "3rd May" (the suffix is a
    word of its own, so `tokens_beside` does not see past it); not "the 3rd of 4 boats"."""
    if i + 2 >= len(side) or side[i].kind != "number":
        return []
    suffix, month = side[i + 1], side[i + 2]
    attached = suffix.gap == "" and suffix.key in _ORDINAL_SUFFIXES
    if attached and month.kind == "date" and month.key not in WEEKDAY_KEYS and _OF_GAP.fullmatch(month.gap):
        return [month]
    return []


_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_OF_GAP = re.compile(r"\s*(?:of\s+)?", re.I)


def tokens_beside(side: list[Token], i: int) -> list[Token]:
    """The tokens either side of ``side[i]`` with no word between (a stopword left out is one)."""
    near = []
    if i > 0 and not HAS_WORD.search(side[i].gap):
        near.append(side[i - 1])
    if i + 1 < len(side) and not HAS_WORD.search(side[i + 1].gap):
        near.append(side[i + 1])
    return near


HAS_WORD = re.compile(r"[^\W\d_]")
YEAR_FIGURE = re.compile(r"^(?:1[89]|20)\d\d$")


def run_kind(run: list[Token], side: list[Token]) -> str:
    i = next(n for n, t in enumerate(side) if t is run[0])
    return "date" if is_date_part(side, i) else run[0].kind
