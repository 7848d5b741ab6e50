"""The values a sentence gives (numbers, dates, names) and how two sentences differ in them.

A claim is contradicted when a passage says the same thing with one value changed, and an outlet
is at odds with another when it gives another figure of the same thing (`rag.check`). Both read a
sentence as its values (`rag.tokens`). Two sentences differ in a value when exactly one run of the
claim's values is missing from the other sentence and that sentence has a run of the same kind in
its place; a number is only compared with one that counts the same thing (`rag.figures`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rag.figures import (
    CURRENCY_CODE,
    NEIGHBOURS,
    YEAR_FIGURE,
    clock_minutes,
    converted_measures,
    counted_as_part,
    counted_words,
    figure_form,
    figures_in_other_words,
    forms_apart,
    is_time_run,
    orders_apart,
    rough_bounds,
    rounded_side,
    scaled_figure,
    sum_or_share,
    time_told_roughly,
    whole_of,
)
from rag.text import STOPWORDS, fold, names_a_relative_day, stem
from rag.tokens import (
    NOT_NAMES,
    WEEKDAY_KEYS,
    Token,
    dates_beside,
    initials,
    is_loose_number,
    is_ordinal_word,
    run_kind,
    runs,
    spelled_acronyms,
    tally_numbers,
    tokens,
)


def initial_keys(text: str) -> set[str]:
    """The initials of ``text``'s names as token keys, to set beside its words ("US")."""
    return {stem(fold(letters)) for letters in initials(text)}


def _keys_in_other_forms(claim: str, text: str) -> set[str]:
    """Keys of the claim's values ``text`` gives in another form than its words: a name's initials
    ("US"), an acronym spelled out ("gross domestic product"), a measure in another unit, a figure
    at another scale or told roughly."""
    return (
        initial_keys(text)
        | spelled_acronyms(claim, text)
        | converted_measures(claim, text)
        | figures_in_other_words(claim, text)
    )


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


_ROLE_WORDS = re.compile(r"^\s+(?:[a-z][a-z-]*\s+){1,3}$")  # " general secretary ", " forecaster "


def _role_opener(run: list[Token], claim_runs: list[list[Token]], claim: str) -> bool:
    """ "Chief forecaster Wynne Coombridge told ...", "GMWU general secretary Nuala Ferrick said
    ...": one word opening the claim, then a role in lower case, then a full name the source lacks
    too. The word is the role's (capitalised for opening the sentence, or the body the person works
    for), and the person is the value that differs, not a second one beside it. (When the source
    gives the name, `_opening_role` reads the word as the role's.)"""
    if len(run) != 1 or run[0].start != 0:
        return False
    return any(
        len(other) >= 2
        and all(t.kind == "name" for t in other)
        and _ROLE_WORDS.match(claim[run[0].end : other[0].start])
        for other in claim_runs
        if other is not run
    )


def _numbered_name(run: list[Token], side: list[Token], text: str, other: Sequence[Token] = ()) -> bool:
    """ "Law 512", "Route 3", "Flight 17", "Elevator No. 2", "Gate #3": a number set right after a
    name (or after its "No." / "#") is part of what it names, no figure another figure of the source
    could differ from. Not a sum after a currency code ("VSC 250,000"), a score ("Rovers 2-1"), a
    number after a comma ("Saavedra, 58"), or one the ``other`` side sets after the same name with
    another number ("Quay 2" against "Quay 4")."""
    if len(run) != 1 or run[0].kind != "number" or not _NAME_NUMBER_GAP.fullmatch(run[0].gap):
        return False
    i = side.index(run[0])
    before = side[i - 1] if i else None
    return (
        before is not None
        and before.kind == "name"
        and not CURRENCY_CODE.fullmatch(before.text)
        and not re.match(r"\s?[-–]\s?\d", text[run[0].end :])
        and not any(
            t.kind == "number"
            and _NAME_NUMBER_GAP.fullmatch(t.gap)
            and t.key != run[0].key
            and j
            and other[j - 1].key == before.key
            for j, t in enumerate(other)
        )
    )


# What may stand between a name and its number: a space, or a number sign ("No. 2", "no 4", "#3").
_NAME_NUMBER_GAP = re.compile(r" |\s*(?:No\.?|Nr\.?|#)\s*", re.IGNORECASE)


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
    article: str = "",
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
    sentences cannot lend). A wire dateline's agency credit is never the source's value, nor
    the source sentence's first word when its ``article`` (or the texts given) writes it in lower
    case: capitalised for opening the sentence alone.
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
    otherwise |= days_of_another_month(a, [(source, b), (context, context_side)])  # "11 December"
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
    claim_runs = [
        r for r in claim_runs if not _opening_role(r, a, known) and not _numbered_name(r, a, claim, b)
    ]
    if len(claim_runs) > 1:
        claim_runs = [r for r in claim_runs if not _role_opener(r, claim_runs, claim)]
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
        claim_runs = [
            r for r in claim_runs if not all(YEAR_FIGURE.match(t.key) for t in r if _missing(t, known))
        ]
    same_day: list[Token] = []  # the claim's month where the source gives only a weekday
    if claim_runs and _weekdays_only(b):
        # "In July 2025" against "on Monday": a weekday counts from the day the article was
        # written, so a month is the same day told otherwise, no value that differs. A bare year
        # stays one ("a smaller explosion injured three miners in 2019": another event).
        # Unless the claim's date names a weekday the source does not ("on Wednesday 4 March"
        # against "on Tuesday morning"), nor a "yesterday" that may be it: not the same day.
        weekdays = {t.key for t in b if t.key in WEEKDAY_KEYS}
        relative = names_a_relative_day(source)
        dated = [
            r
            for r in claim_runs
            if run_kind(r, a) == "date"
            and not _weekdays_only(r)
            and (relative or {t.key for t in r if t.key in WEEKDAY_KEYS} <= weekdays)
        ]
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
    kind = run_kind(run, a)
    # A name the claim gives in other words is its subject, no other value: "the international
    # security force ... commanded by Major General McColl" against "the International Security
    # Assistance Force", most of whose words the claim has outside the name it changed.
    other_keys = {t.key for t in a if t not in run}
    dateline_end = _PLACE_DATELINE.match(source).end()
    first_word = next((t for t in b if t.start >= dateline_end), None)  # after any dateline
    texts = f"{source} {context} {passage} {article}"  # how they write the first word elsewhere
    candidates = [
        r
        for r in runs(b)
        if run_kind(r, b) == kind
        and any(t.key not in claim_keys for t in r)
        and not (kind == "name" and 2 * sum(t.key in other_keys for t in r) > len(r))
        and not (kind == "name" and len(r) == 1 and spelled_acronyms(r[0].text, claim))  # "VAT"
        and not any(r[0] is h[0] for h in holders)  # "Asteras Neapori" is no other place than Neapori
        and not (kind == "name" and _item_opener(r, source, f"{context} {passage}"))
        # "Yesterday (Wednesday) I spent the day ...", "Engineers measured ...": the sentence's
        # first word, capitalised for that alone, as the claim's opener is
        and not (kind == "name" and _sentence_opener(r, first_word, texts))
        and not (kind == "name" and r[0].start < dateline_end)  # "COLDHYTHE — ...": where it was filed
        and not (kind == "name" and _vocative(r, source))  # "Niamh, there's still smoke": the presenter
    ]
    if not candidates:
        return None
    if run[0].start in placed:  # a place faces the source's own place: "at the Kyparissi Stadium"
        candidates = [r for r in candidates if _LOCATIVE.search(source[: r[0].start])]
        if not candidates:
            return None
    if kind == "number":
        # A vote's tally faces another tally or a bare count ("with 9 of the 11 wardens voting in
        # favour"), never a sum or a share ("by seven votes to two" is no "218 million crowns").
        if tally_numbers(run[0]) is not None:
            candidates = [
                r for r in candidates if tally_numbers(r[0]) is not None or not sum_or_share(source, r[-1])
            ]
            if not candidates:
                return None
        # "just under ten million" faces the "9.8 million" it rounds, not "4.6 million"
        # "at 3 a.m." faces "at 04:40", not "kilometre 42": a time of day faces a time of day
        timed = [r for r in candidates if is_time_run(r) == is_time_run(run)]
        candidates = timed or candidates
        draft = _span_text(claim, run, a)
        rounded = [
            r
            for r in candidates
            if rounds_the_other(claim, source, Differs(draft, _span_text(source, r, b), kind))
        ]
        candidates = rounded or candidates
        # "its 10th reduction" faces "the 11th cut", not "the fourth since"
        counted = counted_words(a, a.index(run[0]))
        alike = [r for r in candidates if counted & counted_words(b, b.index(r[0]))]
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


# "The university said on Wednesday it would ...", "told reporters late on Monday": the day
# somebody spoke, which the article's other dates need not share.
_SAYING_BEFORE = re.compile(
    r"\b(?:said|says|announced|confirmed|stated|added|told\s+(?:\w+\s+){1,2}?)\s*"
    # "confirmed at his weekly press conference on Tuesday", "said in a statement on Friday"
    r"(?:(?:at|in|during)\s+(?:[\w'’-]+\s+){1,5}?)?(?:late\s+|early\s+)?(?:on\s+)?$",
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
    return not _capitalised_inside(run[0].text, f"{source[run[0].end :]} {elsewhere}")


def _capitalised_inside(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word`` as it is, capitalised, inside a sentence (after a lower-case
    word or a comma): a name there, not a first word."""
    return re.search(rf"(?<=[a-z,;:] ){re.escape(word)}(?![\w-])", text) is not None


def _sentence_opener(run: list[Token], first_word: Token | None, texts: str) -> bool:
    """Whether a one-word name run is the first word of its sentence (``first_word``, after any
    dateline) and a common one: a day told by the article's date ("Yesterday", "Today"), or a
    word ``texts`` write in lower case and never capitalised inside a sentence ("Engineers
    measured ..." beside "the engineers"). A name opening the sentence stays one: nothing writes
    "sarsfield", and "Price said ..." is a name where the article has "Joanna Price" besides "the
    price"."""
    if len(run) != 1 or run[0] is not first_word:
        return False
    if names_a_relative_day(run[0].text):
        return True
    return _in_lower_case(run[0], texts) and not _capitalised_inside(run[0].text, texts)


# "Niamh, there's still a lot of smoke ...": a reporter answering the presenter by name.
_ADDRESSED = re.compile(
    r",\s+(?:there|i|i'm|i’m|i've|i’ve|we|we're|we’re|you|you're|you’re|it's|it’s|thanks|thank|yes|"
    r"good\s+(?:morning|afternoon|evening))\b",  # not "no" / "well": "Kelby, no stranger to floods"
    re.IGNORECASE,
)


def _vocative(run: list[Token], source: str) -> bool:
    """Whether a name opening a sentence or a turn is only the one spoken to ("Niamh, there's
    still smoke ..."), set off by a comma before "there", "I", "you", "thanks": nobody in the
    claim's place. "Wistholm, the town worst hit, ..." and "Kelby, no stranger to floods, ..." are
    no address."""
    if len(run) > 2 or not _ADDRESSED.match(source, run[-1].end):
        return False
    return re.search(r"(?:^|[.!?:\"“])\s*$", source[: run[0].start]) is not None


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
        and all(YEAR_FIGURE.match(t.key) for t in missing)
        and not any(YEAR_FIGURE.match(t.key) for t in other)
    )


def date_form(run: list[Token]) -> tuple[str, ...]:
    """A date's form: ("date", "number") for "Sept. 13", ("weekday",) for "Tuesday"."""
    return tuple("weekday" if t.key in WEEKDAY_KEYS else t.kind for t in run)


def _weekdays_only(side: list[Token]) -> bool:
    """Whether every month or weekday in ``side`` is a weekday (and there is one)."""
    named = [t.key for t in side if t.kind == "date"]
    return bool(named) and all(key in WEEKDAY_KEYS for key in named)


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


# A web page's publication stamp: "Published Sunday 6 April 2025, 08:15", "Posted on March 3, 2025",
# "Updated: 12 May 2024 at 9:40 a.m.". Capitalised, as a page prints it; "was published on 6 April"
# in a sentence is reported, no stamp.
_PUBLICATION_STAMP = re.compile(
    r"\b(?:Published|Updated|Posted|Modified|(?:First|Last)\s+(?:[Pp]ublished|[Uu]pdated|[Mm]odified))"
    r"(?:\s+(?:on|online|at))?\s*:?\s+"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+\d{4}"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?)?"
)


def without_publication_stamp(text: str) -> str:
    """The text with a web page's publication stamp blanked (same length): the date a page went up
    is no date of what it reports ("Published Sunday 6 April 2025" above a story of Saturday's)."""
    return _PUBLICATION_STAMP.sub(lambda match: " " * len(match.group()), text)


def absent_values(claim: str, text: str) -> list[Token]:
    """The claim's numbers, dates and names (past its first word) that ``text`` gives in no form
    ("Ghanaian" is there as "Ghana", "US" as "United States", "Zambia-Zimbabwe" as its parts);
    an ordinal word or "one" is not required ("the First World War" / "World War I")."""
    text_side = tokens(text)
    keys = {t.key for t in text_side} | _keys_in_other_forms(claim, text)
    side = tokens(claim)
    otherwise = counts_given_otherwise(claim, side, [(text, text_side)]) | days_given_as_counts(
        side, text, text_side
    )
    return [
        t
        for t in side
        if t.kind in ("number", "date", "name")
        and not (t.kind == "name" and t.start == 0)
        and not is_loose_number(t.text)
        and (_missing(t, keys) or t.start in otherwise)
    ]


def days_given_as_counts(claim_side: list[Token], text: str, text_side: list[Token]) -> set[int]:
    """Starts of the claim's days of a date ("opened on Saturday 25 October") whose number the
    text gives only as a count ("halted services for 25 minutes on Saturday") or as the day of
    another month ("next meets on 11 December" for "11 November"): the digits are there, the date
    is not. The reverse of `counts_given_otherwise`; a day the text writes in any form of a date
    ("25th October", "25/10/2025", "the first of July", "the 1st of July") is there.
    ``text_side``: the tokens of ``text``, which the caller has."""
    return _days_given_otherwise(claim_side, [(text, text_side)], counts=True)


def days_of_another_month(claim_side: list[Token], texts: list[tuple[str, list[Token]]]) -> set[int]:
    """Starts of the claim's days of a date whose number the ``texts`` (each with its tokens) give
    only as the day of another month: "11 November" against "from 1 November ... next meets on 11
    December" is missing whole, though its digits and its month are each there."""
    return _days_given_otherwise(claim_side, texts, counts=False)


def _days_given_otherwise(
    claim_side: list[Token], texts: list[tuple[str, list[Token]]], counts: bool
) -> set[int]:
    """The claim's days that every mention of their number in ``texts`` gives as the day of another
    month or (``counts``) as a count."""
    days = [(t, _month_of(claim_side, i)) for i, t in enumerate(claim_side) if _is_day(claim_side, i)]
    if not days:
        return set()
    # Each mention of a number: whether it is given otherwise (a count, a day of some month).
    mentions: dict[str, list[tuple[bool, str | None]]] = {}
    for text, side in texts:
        for j, t in enumerate(side):
            if t.kind != "number":
                continue
            # "the first of July"; "the 1st of July", whose token is the digits alone
            ordinal = _ranks(text, t)
            day = _is_day(side, j)
            counted = counts and bool(counted_words(side, j)) and not day and not ordinal
            mentions.setdefault(t.key, []).append((counted, _month_of(side, j) if day else None))
    return {
        t.start
        for t, month in days
        if t.key in mentions
        and all(counted or (month and other and other != month) for counted, other in mentions[t.key])
    }


def values_across_rows(values: set[str], text: str) -> bool:
    """Whether the claim's numbers and dates (their keys, `rag.tokens.stated_values`) that a table
    in ``text`` gives ("| 2023 | 63.9 | ..." / "| 2024 | 54.2 | ...") stand in different rows and in
    no row together: "revenue fell to 63.9 million in 2024" joins two years' figures. A table is two
    or more lines with two or more "|" each; a value the prose gives is not asked for in a row. A
    header row (above a "|---|---|" line) heads every row: "| Item | 2023 | 2024 |" puts the years
    beside "| Revenue | 118 | 96 |"."""
    rows: list[set[str]] = []
    for table in _tables(text):
        keys = [{t.key for t in tokens(line)} for line in table if not _RULE.fullmatch(line.strip())]
        header = keys[0] if len(table) > 1 and _RULE.fullmatch(table[1].strip()) else set()
        rows += [row | header for row in keys]
    if len(rows) < 2:
        return False
    in_rows = {v for v in values if any(v in row for row in rows)}
    return len(in_rows) >= 2 and not any(in_rows <= row for row in rows)


def _is_row(line: str) -> bool:
    """A line of a table: two or more "|"."""
    return line.count("|") >= 2


def _tables(text: str) -> list[list[str]]:
    """The tables of ``text``: runs of consecutive row lines."""
    tables: list[list[str]] = []
    run: list[str] = []
    for line in [*text.splitlines(), ""]:
        if _is_row(line):
            run.append(line)
        elif run:
            tables.append(run)
            run = []
    return tables


_RULE = re.compile(r"[|:+\s-]*-[|:+\s-]*")  # the line under a table's header row: "|------|:---:|"


def _month_of(side: list[Token], i: int) -> str | None:
    """The month the day ``side[i]`` stands beside ("11 December": "dec"); None beside a weekday only."""
    return next((t.key for t in dates_beside(side, i) if t.key not in WEEKDAY_KEYS), None)


def _is_day(side: list[Token], i: int) -> bool:
    """A number standing as the day of a date: beside a month or a weekday ("Saturday 8 and Sunday
    9 November", `dates_beside`), counting nothing ("Monday 8 hours of talks" counts hours)."""
    token = side[i]
    if token.kind != "number" or YEAR_FIGURE.match(token.text) or counted_words(side, i):
        return False
    return bool(dates_beside(side, i))


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
    counts = [t for i, t in enumerate(claim_side) if t.kind == "number" and counted_words(claim_side, i)]
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


def _ranks(text: str, token: Token) -> bool:
    """Whether a number of ``text`` is a rank: an ordinal word or one with its suffix ("third", "3rd")."""
    return is_ordinal_word(token.text) or bool(_ORDINAL_SUFFIX.match(text, token.end))


_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.I)


def counts_alike(claim: str, source: str, differs: Differs) -> bool:
    """For a changed number: both count the same thing, when both say what they count. Two sums
    of money are alike whatever words follow them ("fined £64,000 at Mirefield Magistrates'
    Court" / "fined £46,000 and ordered to pay costs"); figures of two forms never are ("three
    minutes from the end" / "won 2-1"; `figure_form`), nor a share and a figure that is none, nor
    two figures `ORDERS_APART` apart at their scales. A part of a whole counts what the whole
    counts (`counted_as_part`), and parts of two wholes told otherwise count two things."""
    if differs.kind != "number":
        return True

    if bool(YEAR_FIGURE.match(differs.draft)) != bool(YEAR_FIGURE.match(differs.source)):
        return False  # "opened in 1883" against "a span of 1,991 metres": a year is no count
    (our_side, i), (their_side, j) = _number_in(claim, differs.draft), _number_in(source, differs.source)
    if i is None or j is None:
        return True
    if _ranks(source, their_side[j]) != _ranks(claim, our_side[i]):
        return False  # "the 19% increase first sought" against "by 23 votes to 8": a rank is no count
    if (clock_minutes(our_side[i].key) is None) != (clock_minutes(their_side[j].key) is None):
        return False  # "shortly before 5 a.m." against "near kilometre 42": a time of day is no count
    if (_EVERY.search(claim[: our_side[i].start]) is None) != (
        _EVERY.search(source[: their_side[j].start]) is None
    ):
        return False  # "trams every six minutes" against "a journey of 34 minutes": how often, how long
    our_form, their_form = figure_form(claim, our_side[i]), figure_form(source, their_side[j])
    if forms_apart(our_form, their_form):
        return False
    if our_form and their_form:
        return True
    if orders_apart(claim, our_side[i], source, their_side[j]):
        return False  # "valued at 190 million" against "shares unchanged at 11.30": not one figure
    our_whole, their_whole = whole_of(claim, our_side, i), whole_of(source, their_side, j)
    if (
        our_whole is not None
        and their_whole is not None
        and our_side[our_whole].key != their_side[their_whole].key
    ):
        return False  # "Eleven of the 30 ferry workers" / "nine of its 14 ferry routes": parts of two wholes
    ours, theirs = counted_as_part(our_side, i, our_whole), counted_as_part(their_side, j, their_whole)
    return not ours or not theirs or bool(ours & theirs)


_EVERY = re.compile(r"\bevery\s+$", re.IGNORECASE)


def rounds_the_other(claim: str, source: str, differs: Differs) -> bool:
    """For a changed number: one side gives the other's figure roughly. Either in words, within
    `rough_bounds` ("almost 2,000 people" against "1,940 people", either way round; "about 3,000
    troops" against "5,000" and "about 640 workers" against "604 employees" still differ), or
    shortened to a scale ("1.46 billion crowns" is "1,462 million crowns" to two decimals; "4
    years" is no "3.5 years")."""
    if differs.kind != "number":
        return False
    (our_side, i), (their_side, j) = _number_in(claim, differs.draft), _number_in(source, differs.source)
    if i is None or j is None:
        return False
    if clock_minutes(our_side[i].key) is not None:
        return time_told_roughly(claim, our_side[i], their_side[j].key) or time_told_roughly(
            source, their_side[j], our_side[i].key
        )
    ours, theirs = scaled_figure(claim, our_side[i]), scaled_figure(source, their_side[j])
    if ours is None or theirs is None or YEAR_FIGURE.match(ours[0].text) or YEAR_FIGURE.match(theirs[0].text):
        return False
    # Either side may be the one told roughly, against the other's exact size.
    either_way = ((source, theirs), ours[1]), ((claim, ours), theirs[1])
    for (rough_text, (rough, value, step, _)), exact in either_way:
        side = rounded_side(rough_text, rough)
        if side is None:
            continue
        low, high = rough_bounds(value, step, side)
        if low <= exact <= high:
            return True
    (our_size, our_step, our_scale), (their_size, their_step, their_scale) = ours[1:], theirs[1:]
    step, shortened = max((our_step, our_scale), (their_step, their_scale))
    return shortened and round(our_size / step) == round(their_size / step)


_RELATIVE_YEAR = re.compile(r"\b(?:next|last|this|previous|following|coming)\s+year\b", re.IGNORECASE)


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


# A deed's doer after its passive verb: "a penalty converted by Dario Fennick", "signed by Mayor Ana Lee".
_PASSIVE_AGENT = re.compile(r"\b[a-z]+(?:ed|en|wn)\s+by\s+((?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*)")


def agent_keys(claim: str) -> frozenset[str]:
    """The name after a passive verb's "by" ("... was a penalty converted by Dario Fennick"): who
    did the claim's deed when its opening name is what the deed was done to."""
    agent = _PASSIVE_AGENT.search(claim)
    if agent is None:
        return frozenset()
    return frozenset(t.key for t in tokens(agent[1]) if t.kind == "name")


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


def differing_relation(claim: str, source: str) -> Differs | None:
    """The family tie ``source`` gives a person of the claim where the claim gives another: "Edvard
    Lusk ... is married to Maddox's daughter" against "Edvard Lusk, who is married to Maddox's
    sister". The claim's tie must be nowhere in ``source``, and the other one within a few words of
    a name of the claim's and of the same kind (a spouse for a spouse, a relative for a relative).
    A tie told in two steps ("his sister's husband") for one in one ("brother-in-law") is none, nor
    is a title ("Father Helmut Kolbrand", "Night Sister Ines Garrowby": ties are in lower case)."""
    ours = {_tie(m[0]): m[0] for m in _KIN.finditer(claim)}
    if not ours or _KIN_CHAIN.search(source):
        return None
    names = {t.key for t in tokens(claim) if t.kind == "name"}
    side = tokens(source)
    near: list[str] = []  # the source's ties beside a name of the claim's, in order
    for match in _KIN.finditer(source):
        i = next((k for k, t in enumerate(side) if t.start >= match.start()), len(side))
        if any(t.kind == "name" and t.key in names for t in side[max(0, i - 5) : i + 5]):
            near.append(match[0])
    theirs = {_tie(word): word for word in near}
    anywhere = {_tie(m[0]) for m in _KIN.finditer(source)}
    for tie, written in ours.items():
        if tie in anywhere:
            continue  # the claim's tie is in the source too
        others = [word for key, word in theirs.items() if key not in ours and not _converse(key, tie)]
        alike = [word for word in others if _is_spouse(_tie(word)) == _is_spouse(tie)]
        if alike:
            return Differs(written, alike[0], "name")
    return None


def differing_placing(claim: str, source: str) -> Differs | None:
    """The finishing place ``source`` gives a person the claim places otherwise: "Lukas Tremmel of
    Brennick finished second" against "Sander Holmvik ... finished second and Lukas Tremmel of
    Brennick was third", or a results line's "..., and Lukas Tremmel from Brennick third". Every
    word of the claim is in such a sentence, and an ordinal is no value the word tests weigh (a
    rewording adds one), so the sentence would read as stating it. The claim must place its person
    with a verb ("finished", "came", "placed", "was"); the person is its surname. A source giving
    the person the claim's place too ("Tremmel was fourth in Oslo; on Saturday Tremmel finished
    second") differs in nothing."""
    ours = _PLACED.search(claim)
    if ours is None or not ours["verb"]:
        return None
    surname = ours["name"].split()[-1]
    places = [m["place"] for m in _PLACED.finditer(source) if m["name"].split()[-1] == surname]
    keys = {_place_key(place) for place in places}
    if not places or _place_key(ours["place"]) in keys:
        return None
    return Differs(ours["place"], places[0], "number")


def _place_key(place: str) -> str:
    """ "second", "2nd" and "2" as one key."""
    side = tokens(place)
    return side[0].key if side else place


_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\d{1,2}(?:st|nd|rd|th))"
)
# A person's finishing place: the name (with "of" / "from" and where they are from), a placing verb
# ("finished", "came", "placed", "was", "ended up", "took") or none in a results line, the ordinal,
# and then no noun it would rank ("the second round", "a second term"): an end, a comma, "place",
# a word such as "with" or "behind", but no stage ("third in the first round").
_PLACED = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)(?:,?\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)*)?,?\s+(?P<verb>(?:finished|came|placed|was|were|ended\s+up|took)\s+(?:in\s+)?)?"
    rf"(?P<place>{_ORDINAL})(?:\s+place)?(?=\s*(?:[,.;:)]|$|(?:with|and|in|at|on|behind|ahead|overall)\b))"
    # a stage's place is no finishing place: "was third in the first round but finished second"
    r"(?!\s+(?:in|after)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:round|stage|leg|heat|half|set|lap|run|jump|qualifying)s?\b)"
)


_KIN = re.compile(
    r"\b(?:(?:great-)?grand|step|half-)?(?:mother|father|son|daughter|brother|sister|parent|child|children|"
    r"wife|husband|widow|widower|cousin|niece|nephew|uncle|aunt)s?(?:-in-law)?\b"
)
_KIN_CHAIN = re.compile(rf"(?:{_KIN.pattern})'s?\s+(?:{_KIN.pattern})")  # "his sister's husband"


def _converse(one: str, other: str) -> bool:
    """Whether two ties may name one bond from its two ends: "Edwin Marlow's son Alan" and "Alan
    ... his father"; a husband and a wife; a nephew and an uncle. Siblings, spouses and cousins are
    their own converse, whatever the gender; an in-law only an in-law's."""
    ours, theirs = _BONDS.get(one.removesuffix("-in-law")), _BONDS.get(other.removesuffix("-in-law"))
    in_law = one.endswith("-in-law") == other.endswith("-in-law")
    return (
        in_law
        and ours is not None
        and theirs is not None
        and ours[0] == theirs[0]
        and ours[1] + theirs[1] == 0
    )


def _is_spouse(tie: str) -> bool:
    return _BONDS.get(tie.removesuffix("-in-law"), ("", 0))[0] == "spouse"


def _bonds(bond: str, upper: str, lower: str = "") -> dict[str, tuple[str, int]]:
    """Each tie of a bond with its end: +1 the elder's, -1 the younger's, 0 either's."""
    if not lower:
        return dict.fromkeys(upper.split(), (bond, 0))
    return {**dict.fromkeys(upper.split(), (bond, 1)), **dict.fromkeys(lower.split(), (bond, -1))}


_BONDS = {
    **_bonds(
        "parent", "mother father parent stepmother stepfather", "son daughter child stepson stepdaughter"
    ),
    **_bonds("grand", "grandmother grandfather grandparent", "grandson granddaughter grandchild"),
    **_bonds("great", "great-grandmother great-grandfather", "great-grandson great-granddaughter"),
    **_bonds("uncle", "uncle aunt", "nephew niece"),
    **_bonds("spouse", "wife husband widow widower"),
    **_bonds("sibling", "brother sister half-brother half-sister stepbrother stepsister"),
    **_bonds("cousin", "cousin"),
}


def _tie(word: str) -> str:
    """A family tie's key: "Sisters" -> "sister", "sons-in-law" -> "son-in-law"."""
    word = word.lower()
    head = word.removesuffix("-in-law")
    head = head.removesuffix("ren") if head.endswith("children") else head.removesuffix("s")
    return head + ("-in-law" if word.endswith("-in-law") else "")


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


# Which way a figure moved, by the word moving it: a verb before it ("rose 4.6 percent", "fell by
# almost 12%", "up 3%") or a noun or comparative after its unit ("a 12 percent increase", "2.1
# percent higher"). "up to 40" is a ceiling, not a rise; a lone "cut" is left out (a plan to cut
# 136 jobs moves nothing yet).
_UP = re.compile(
    r"(?:rose|rises?|risen|rising|increas(?:e|ed|es|ing)|grew|grow(?:s|n|ing)?|growth|climb(?:ed|s|ing)?|"
    r"jump(?:ed|s)?|gain(?:ed|s)?|soar(?:ed|s)?|surg(?:e|ed|es)|up|higher)"
)
_DOWN = re.compile(
    r"(?:fell|falls?|fallen|falling|drop(?:ped|s)?|declin(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|slid|slipped|"
    r"plung(?:e|ed)|tumbl(?:e|ed)|shr(?:a|u)nk|slump(?:ed|s)?|sank|dip(?:ped|s)?|reduc(?:ed|tion)|down|lower)"
)
# Words that may stand between the moving word and its figure: hedges and a change's unit.
_MOVE_GAP = re.compile(
    r"(?:almost|nearly|about|around|roughly|some|just|only|another|further|sharply|steeply|slightly|"
    r"percent|%|cent|points?|percentage|basis)",
    re.I,
)
# What may stand between a change's size and its word besides spaces ("rose by 4.6", "a rise of 9",
# "4 per cent"): never "to" or "from" (a level) nor "over" (another figure).
_CHANGE_GAP = re.compile(r"\s*(?:(?:by|of|per)\s+)?", re.I)


def _movement(word: Token, text: str, after: bool) -> str | None:
    folded = fold(word.text)
    if after and folded in ("up", "down"):  # "12 percent up" is no way of telling a change
        return None
    if _UP.fullmatch(folded) and not (folded == "up" and re.match(r"\s+to\b", text[word.end :])):
        return "up"
    return "down" if _DOWN.fullmatch(folded) else None


def _movements(text: str) -> dict[str, dict[str, str]]:
    """Each figure a word moves: {figure's key: {"up" or "down": the words as written}}."""
    side = tokens(text)
    found: dict[str, dict[str, str]] = {}
    for i, token in enumerate(side):
        if token.kind != "number" or is_ordinal_word(token.text):  # "a third higher" is no 3
            continue
        for step, after in ((-1, False), (1, True)):
            j, way = i + step, None
            while 0 <= j < len(side) and abs(j - i) <= 3 and side[j].kind != "number":
                # Only the size of a change: "rose by 4.6", "a rise of 9"; not a level ("fell to
                # 6.1 percent", "rose from 1,800") nor another figure ("a rise over two years").
                if not _CHANGE_GAP.fullmatch(side[max(i, j)].gap if after else side[j + 1].gap):
                    break
                way = _movement(side[j], text, after)
                if way is not None or not _MOVE_GAP.fullmatch(side[j].text):
                    break
                j += step
            if way is not None:
                unit = side[i + 1] if i + 1 < len(side) and not after else None
                shown = unit if unit and re.fullmatch(r"per ?cent|%|points?", unit.text) else token
                start, end = min(side[j].start, token.start), max(side[j].end, shown.end)
                found.setdefault(token.key, {}).setdefault(way, text[start:end])
                break
    return found


def differing_movement(claim: str, source: str) -> Differs | None:
    """The way ``source`` moves a figure of the claim that the claim moves the other way ("rose 4.6
    percent" against the claim's "fell 4.6 percent"), when the source never moves it the claim's
    way: the figures are the same, so the value tests see no difference, and the judging model
    reads past the verb."""
    theirs = _movements(source)
    for key, ways in _movements(claim).items():
        other = theirs.get(key, {})
        if other and not set(ways) & set(other):
            return Differs(next(iter(ways.values())), next(iter(other.values())), "number")
    return None


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
