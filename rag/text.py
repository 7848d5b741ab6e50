"""Text analysis shared by every stage: sentences, words, folding, stems and stopwords."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import pysbd

from rag.types import Span

STOPWORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being "
    "it its this that these those he she they them his her their there here what which who whom "
    "whose when where why how not no do does did has have had will would can could should may "
    "might must than then so such also about into over after before during said says say told "
    "according".split()
)

# Capitalised only to open a sentence or a quote ("Our first engine was there at 2:48", "Everyone on
# board"): never a name.
PRONOUNS = frozenset(
    "I Me My Mine Myself We Us Our Ours Ourselves You Your Yours Yourself Him Himself Herself "
    "Hers Itself Theirs Themselves Everyone Everybody Everything Nobody Someone Somebody Something "
    "Anyone Anybody Anything Nothing".split()
)

# Closed-class words (conjunctions, prepositions, linking adverbs) capitalised only for opening a
# sentence ("Besides the 11 trapped men, ...", "Although turnout fell, ..."): never a name.
SENTENCE_LINKS = frozenset(
    "Besides Apart Although Though While Whilst Because Unless Once Whereas Whether Still Yet Instead "
    "Moreover Furthermore Nevertheless Nonetheless Additionally Overall Altogether Elsewhere "
    "Separately Previously Initially Eventually Finally Currently Recently Together Beside Except "
    "Including Excluding Following Regarding Concerning Above Below Beneath Between Through "
    "Even Indeed Now Thus Hence Therefore Otherwise Likewise Similarly Consequently".split()
)


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans (offsets into ``text``) between ``start`` and ``end``, paragraph by paragraph.

    Paragraphs (lines) are segmented separately: a line break always ends a sentence in
    scraped news, and short inputs keep the segmenter fast and its offsets exact.
    """
    end = len(text) if end is None else end
    spans: list[Span] = []
    for line in re.finditer(r"[^\r\n]+", text[start:end]):
        base = start + line.start()
        paragraph = line.group()
        cursor = 0
        for piece in _segmenter().segment(paragraph):
            sentence = piece.sent.strip()
            if not sentence:
                continue
            # Locate the stripped sentence from the cursor on: offsets stay exact even when the
            # segmenter's own spans drift on repeated or odd text.
            found = paragraph.find(sentence, cursor)
            if found < 0:
                continue
            spans.append(Span(base + found, base + found + len(sentence)))
            cursor = found + len(sentence)
    return spans


# --- words, folding and stems: one place for how every stage compares words ----------------

_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")

# A verb telling that somebody spoke (`rag.speakers` finds who; a relative day beside it dates the speaking).
SPEECH_VERB = re.compile(
    r"\b(?:said|says|stressed|told|added|noted|emphasi[sz]ed|stated|warned|announced|insisted|urged|"
    r"admitted|acknowledged|explained|argued|conceded|asserted|complained|remarked|replied|vowed|cautioned|"
    r"thundered|lamented|fumed|roared|wrote|admits|adds|explains|argues|insists|warns|writes|tells|notes|"
    r"stresses)\b|\bcall(?:ed|s)(?=\s+(?:[\w'’-]+\s+){0,5}['‘\"“])"  # "X called the flood 'man-made'"
    r"|\bdescribe[sd](?!\s+by\b)(?=\s+(?:[\w'’-]+\s+){0,5}?as\b)"  # "X described the fire as the worst"
    r"|\b(?:is|was|were|are)\s+quoted\s+as\s+saying\b",
    re.I,
)


def fold(text: str) -> str:
    """Lower-case without accents: "Erdoğan" and "Erdogan", "Dvořák" and "Dvorak" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def inside_quote(text: str, at: int) -> bool:
    """Whether offset ``at`` of ``text`` falls inside quoted words (an odd straight quote or an
    unclosed curly one before it): '"We heard him saying he never said so," he said.'"""
    before = text[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def words(text: str) -> list[str]:
    """Folded words, possessives dropped ("Russia's" -> "russia"); hyphenated words stay whole;
    a month shortened beside its day spelled out ("Feb. 1" -> "february 1")."""
    return [_POSSESSIVE.sub("", w) for w in _WORD.findall(fold(spelled_months(text)))]


_SHORT_MONTHS = {
    "Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "Jun": "June", "Jul": "July",
    "Aug": "August", "Sep": "September", "Sept": "September", "Oct": "October", "Nov": "November",
    "Dec": "December",
}  # fmt: skip
_SHORT_MONTH_BY_DAY = re.compile(
    rf"\b({'|'.join(_SHORT_MONTHS)})\b\.?(?=\s+\d{{1,2}}(?!\d))|(?<=\d\s)({'|'.join(_SHORT_MONTHS)})\b\.?"
)


def spelled_months(text: str) -> str:
    """``text`` with each month shortened beside a day number spelled out: wire copy's "Feb. 1"
    is the "1 February" of a draft. Only beside a day, capitalised: "Jan" alone may be a name."""
    if not any(short in text for short in _SHORT_MONTHS):
        return text  # most text: a substring test is far cheaper than the pattern
    return _SHORT_MONTH_BY_DAY.sub(lambda m: _SHORT_MONTHS[m.group(1) or m.group(2)], text)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer  # PyStemmer: the Snowball English stemmer, as bm25s uses it

    return Stemmer.Stemmer("english")


def stem(word: str) -> str:
    """The Snowball stem of one folded word ("suspended", "suspends" -> "suspend")."""
    return _stemmer().stemWord(word)


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning, in order (stopwords and one-letter words out)."""
    return [s for s, _ in positioned_stems(words(text))]


def positioned_stems(folded: list[str]) -> list[tuple[str, int]]:
    """(stem, position among ``folded``) for each word that carries meaning."""
    return [(stem(w), n) for n, w in enumerate(folded) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


# Words that turn a statement around: a claim that leaves out one its source has is not stated.
NEGATORS = frozenset("not no never rather instead without neither nor than cannot none".split())


def is_negator(word: str) -> bool:
    return word in NEGATORS or word.endswith(("n't", "n’t"))


# --- dates: found by pattern, read by dateutil --------------------------------------------

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
FULL_DATE = re.compile(
    rf"\b(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b", re.I
)
_MONTH_DAY = re.compile(rf"\b{MONTH}\s+\d{{1,2}}(?!\d)|\b\d{{1,2}}\s+{MONTH}(?!\w)", re.I)


def _read_date(words: str, year_known: bool) -> date | None:
    from dateutil import parser

    try:
        read = parser.parse(words, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    return read.date() if year_known or read.year == 2000 else None


def parse_date(text: str) -> str | None:
    """The first full date (day, month and year) in ``text`` as ISO ``YYYY-MM-DD``."""
    for match in FULL_DATE.finditer(text):
        found = _read_date(match.group(), year_known=True)
        if found:
            return found.isoformat()
    return None


def month_days(text: str) -> list[tuple[tuple[int, int], str]]:
    """Each (month, day) stated in ``text``, with the words that state it: "Sept. 13" and
    "13 September" are both (9, 13)."""
    return [(pair, text[start:end]) for pair, start, end in month_days_at(text)]


def month_days_at(text: str) -> list[tuple[tuple[int, int], int, int]]:
    """Each (month, day) stated in ``text``, with where the words stating it start and end."""
    found = []
    for match in _MONTH_DAY.finditer(text):
        read = _read_date(match.group(), year_known=False)
        if read:
            found.append(((read.month, read.day), match.start(), match.end()))
    return found


# A day told relative to the article's own date, and how many days from it.
_RELATIVE_DAY = re.compile(
    r"\b(?:(today|tonight|this (?:morning|afternoon|evening))|(yesterday|last night)|(tomorrow))\b", re.I
)


def names_a_relative_day(text: str) -> bool:
    """Whether ``text`` tells a day by its article's date ("yesterday", "this morning"): any weekday
    it may be."""
    return _RELATIVE_DAY.search(text) is not None


def days_named(text: str, dated: str | None) -> str:
    """The weekdays ``text`` tells relative to its article's date ``dated`` (YYYY-MM-DD): "As of
    9 a.m. today" in an article of Monday 2 March 2026 is "Monday", so a claim's "on Monday" meets
    the "today" of the day the article was written. Only the weekday: the day's number would lend
    a claim's "2 patients" a 2. "" when the text tells no such day or the date is unknown."""
    day = _article_day(dated)
    if day is None or not (found := _RELATIVE_DAY.findall(text)):
        return ""
    offsets = sorted({_days_from(same, before) for same, before, _ in found})
    return " ".join(f"{day + timedelta(days=k):%A}" for k in offsets)


def _article_day(dated: str | None) -> date | None:
    """The article's date (YYYY-MM-DD...); None when it is unknown or unreadable."""
    try:
        return date.fromisoformat(dated[:10]) if dated else None
    except ValueError:
        return None


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # Monday is 0
# A weekday standing alone, not the start of a date written out ("Friday 10 October" is read as one).
_WEEKDAY = re.compile(rf"\b(?:(last|next)\s+)?({'|'.join(WEEKDAYS)})\b(?!,?\s+(?:the\s+)?\d)", re.I)


def _days_from(same: str, before: str) -> int:
    """How many days from the article's date a `_RELATIVE_DAY` match lies, by which of its groups
    matched ("today", "yesterday" or "tomorrow")."""
    return 0 if same else -1 if before else 1


_YEAR_AFTER = re.compile(r",?\s+(\d{4})\b")
_WEEKDAY_BEFORE = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?$", re.I)
# Within three words after a verb of speech ("said yesterday", "told reporters on March 14"): a day
# dating the speaking, not the news it reports.
_SPOKEN_BEFORE = re.compile(rf"(?:{SPEECH_VERB.pattern})(?:\s+[\w'’-]+){{0,3}}\s*$", re.I)


@dataclass(frozen=True)
class ToldDate:
    """A calendar date a text tells without writing it out whole (`dates_named`)."""

    day: date
    spoken: bool  # beside a verb of speech: when somebody said it


def _spoken(text: str, start: int) -> bool:
    return bool(_SPOKEN_BEFORE.search(text[max(0, start - 80) : start]))


# Words putting a weekday after its article's date ("is due to close on Friday", "will meet Friday").
_AHEAD = re.compile(r"\b(?:will|shall|due|scheduled|expected|plans?|planned|going to|to be)\b", re.I)
_NEAR_WORDS = 4  # words either side of a weekday that tell its tense


def _ahead(text: str, start: int, end: int) -> bool:
    """Whether the words around a weekday put it after the article's date."""
    before = text[:start].split()[-_NEAR_WORDS:]
    after = text[end:].split()[:_NEAR_WORDS]
    return bool(_AHEAD.search(" ".join(before + after)))


# Days from the article's date to a weekday ``back`` days before its own, by the word before it
# ("last", "next"; "this past" when its tense tells, none when both are possible).
_WEEKDAY_OFFSETS = {
    "last": lambda back: [-(back or 7)],
    "next": lambda back: [7 - back or 7],
    "this past": lambda back: [-back],
    "": lambda back: [-back, 7 - back or 7],
}


def dates_named(text: str, dated: str | None, by_tense: bool = False) -> list[ToldDate]:
    """The calendar dates ``text`` tells without writing them out whole, read from its article's
    date ``dated`` (YYYY-MM-DD): its "today", "yesterday" or "tomorrow", a weekday standing alone
    (the one before the article's date or after it, unless "last" or "next" says which), and a day
    and month given without a year ("DRAVENHOLT, March 14"), in the year that puts it nearest the
    article's date. [] when the date is unknown. ``by_tense``: a weekday is only the one its
    nearby words tell, the one after for what is due ("is due to close on Friday"), else the one
    before ("parliament on Thursday approved", in an article of that Thursday, is no week later)."""
    day = _article_day(dated)
    if day is None:
        return []
    found = set()
    for match in _RELATIVE_DAY.finditer(text):
        offset = _days_from(match.group(1), match.group(2))
        found.add(ToldDate(day + timedelta(days=offset), _spoken(text, match.start())))
    for match in _WEEKDAY.finditer(text):
        # "Tessford District Court, Friday." in an article of Monday 13 October: the Friday before
        # (10 October), or the one after for what is still to come; "last" and "next" say which.
        back = (day.weekday() - WEEKDAYS.index(match.group(2).lower())) % 7
        which = (match.group(1) or "").lower()
        if not which and by_tense:
            which = "next" if _ahead(text, match.start(), match.end()) else "this past"
        for offset in _WEEKDAY_OFFSETS[which](back):
            found.add(ToldDate(day + timedelta(days=offset), _spoken(text, match.start())))
    for (month, number), start, end in month_days_at(text):
        if _YEAR_AFTER.match(text[end:]):
            continue  # written out whole
        years = []
        for year in (day.year - 1, day.year, day.year + 1):
            try:
                years.append(date(year, month, number))
            except ValueError:  # 29 February
                pass
        if years:
            found.add(ToldDate(min(years, key=lambda d: abs(d - day)), _spoken(text, start)))
    return sorted(found, key=lambda t: (t.day, t.spoken))


def dates_told(claim: str, told: list[ToldDate]) -> str:
    """The dates of ``told`` (`dates_named`) that the claim gives, written out in full ("Thursday
    26 February 2026"): a window's "yesterday" states a claim's "on 26 February". The claim's day
    and month must match, and its year and weekday when it names them; a day dating the speaking
    ("the ministry said yesterday") tells only a date the claim gives to speaking ("announced on 11
    May"), not one it gives the news ("the campaign began on 11 May"). Only dates the claim gives:
    a day's number written into every window would lend a claim's "26 patients" a 26."""
    out = []
    for (month, number), start, end in month_days_at(claim):
        year = _YEAR_AFTER.match(claim[end:])
        weekday = _WEEKDAY_BEFORE.search(claim[max(0, start - 20) : start])
        opening = start - len(weekday[0]) if weekday else start
        spoken = _spoken(claim, opening)
        for one in told:
            d = one.day
            if (
                (d.month, d.day) == (month, number)
                and (not year or int(year[1]) == d.year)
                and (not weekday or f"{d:%A}".lower().startswith(weekday[1].lower()))
                and (spoken or not one.spoken)
            ):
                out.append(f"{d:%A} {d.day} {d:%B} {d.year}")
    return " ".join(out)
