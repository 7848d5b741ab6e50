"""Clean: find the article text inside a scraped page and pull out its title, outlet and date.

Scraped news pages carry boilerplate that would otherwise be retrieved and cited: "Read also:"
teasers, share widgets, "Recent Posts" lists, publisher disclaimers, section labels, bylines.
Cleaning never rewrites text; it marks which ranges of the original file are article text, so
every later offset still points into the original file. Nothing is dropped silently: every span
left out is recorded with its reason (`Document.dropped`, listed by `rag index -v`). Furniture is
found by structure (a tail marker and what follows it, teaser lines, bylines, labels) and by
repetition (a short line found in several articles of the archive); disclaimers and text that
addresses a language model are dropped a sentence at a time, so an article that *quotes* such a
phrase keeps the rest of its paragraph.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from rag.text import MONTH, parse_date, split_sentences
from rag.types import Document, Dropped, Span

# Furniture phrases are data (rag/data/boilerplate.toml): a site's own phrases need no code.
BOILERPLATE_FILE = Path(__file__).parent / "data" / "boilerplate.toml"
_RULES = tomllib.loads(BOILERPLATE_FILE.read_text(encoding="utf-8"))


def _any_of(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


# A line equal to one of these starts the page furniture after the article: drop it and the rest.
_TAIL_MARKERS = re.compile(rf"^({_any_of(_RULES['tail_markers'])})$", re.IGNORECASE)
# A line like this is a teaser for another article; the next line is often that article's title.
_TEASER = re.compile(rf"^({_any_of(_RULES['teaser_prefixes'])})\s*:\s*(.*)$", re.IGNORECASE)
# Publisher disclaimers and legal footers.
_DISCLAIMER = re.compile(f"({_any_of(_RULES['disclaimers'] + _RULES['consent_buttons'])})", re.IGNORECASE)
_CONSENT_BUTTON = re.compile(f"({_any_of(_RULES['consent_buttons'])})", re.IGNORECASE)
# Text that addresses a language model rather than a reader is never article text: a planted
# "ignore previous instructions" must not reach the prompt, however it is dressed.
_INJECTION = re.compile(
    r"(ignore|disregard|forget|override)\s+(all\s+|any\s+|the\s+|your\s+)*(previous|prior|above|earlier|"
    r"preceding|system)?\s*(instructions|prompts?|rules|directions)|\bsystem prompt\b|"
    r"\b(you are now|from now on,? you|as an ai( language model)?,? you must|new instructions\s*:)|"
    r"\b(assistant|ai|chatbot|language model)s?\s*(must|should|will)\s+(now\s+)?(reply|respond|answer|say)",
    re.IGNORECASE,
)
# An advertisement or its label ("ADVERTISEMENT", "[AD: Fresh cod every Friday]"), on a line of its own.
_ADVERTISEMENT = re.compile(rf"^({_any_of(_RULES['advertisement_lines'])})$", re.IGNORECASE)
_BYLINE = re.compile(rf"^({_any_of(_RULES['byline_prefixes'])})\b.{{0,80}}$", re.IGNORECASE)
_HEADER_LINE = re.compile(rf"^({_any_of(_RULES['header_lines'])})$", re.IGNORECASE)
# Menus, breadcrumbs and "Outlet | Section" mastheads: short items between bars or arrows.
_SEPARATOR = re.compile(r"\s+[|>»›•·]\s+|\s*\|\s*$|\s{3,}")
# A headline quoting somebody before or after a colon or a dash, with no sentence end of its own.
_QUOTED_HALF = re.compile(
    r"^[\"“‘«][^\"“”’»]{2,}[\"”’»]\s*[:–—-]\s+\w[^.!?…]*[^.!?…\"”’'):;]$"
    r"|^[^\"“”.!?…]*\w\s*[:–—-]\s+[\"“‘«][^\"“”]{2,}[^.!?…\"“”][\"”’»]$"
)
_BREADCRUMB = re.compile(r"\s[>»›]\s")
_SHARE_ITEM = re.compile(rf"^({_any_of(_RULES['share_items'])})\b", re.IGNORECASE)
_BUTTONS = re.compile(r"^(\[[^\]\[]{1,40}\]\s*)+$")  # "[ Subscribe ]   [ Sign in ]"
_SIGN_UP = re.compile(rf"^\W*({_any_of(_RULES['sign_up_calls'])})", re.IGNORECASE)
NAVIGATION_ITEM_WORDS = 4  # the most words of a menu item or section name
HEADER_LINES = 8  # lines above the first paragraph searched for navigation
MASTHEAD_WORDS = 5  # the most words of a masthead above a menu (a headline has more)
MENU_ITEMS = 3  # items of a site menu ("Home | News | Sport"), which no headline stands above
DATE_LINE_OTHER_WORDS = 2  # words beside the date on a date line ("Porto Venna, 4 June 2025")

_DATE_LINE = re.compile(
    rf"^(\w+,?\s+)?({MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH}\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2})(\s+\d{1,2}:\d{2}.*)?$",
    re.I,
)
# A date anywhere in a line ("Porto Venna, 4 June 2025"), and what a date line may hold beside it.
_DATE_IN_LINE = re.compile(
    rf"\b({MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH}\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.I,
)
_TIME_OR_WEEKDAY = re.compile(r"\d+|[ap]m|(mon|tues|wednes|thurs|fri|satur|sun)day", re.I)
# "MOSCOW (Sputnik) –" or "MOSCOW, September 25. /TASS/." at the start of the first paragraph.
# "YEREVAN (ArmInfo) -", "MOSCOW, Sept 21. /ARKA/.": the agency named, capitalised ("FULL TIME (after
# extra time):" names nobody).
_DATELINE_OUTLET = re.compile(
    r"^[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\.?\s*(?:\(([A-Z][^)]{1,39})\)|/([A-Z][^/]{1,39})/)"
)
# A copyright line names the page's publisher: "© 2026 Skoddevarre Avis AS. All rights reserved.",
# "(c) The Vale Courier 2025 | About us", "Copyright Coastwire 2024. Redistribution ...". The holder
# is capitalised words ("of", "the", "&" between them), ended by the line or a sentence, a bar, a
# comma or a dash; "Copyright law changed in 2001." names nobody.
_HOLDER_WORD = r"(?:[A-Z0-9\"“'(](?:[\w\"”'&()-]|\.(?=\w))*|of|the|and|de|&)"
_COPYRIGHT_LINE = re.compile(
    r"^(?:©|\((?i:c)\)|(?i:copyright)(?:\s*©|\s*\((?i:c)\))?)\s*(?:\d{4}\s+)?"
    rf"(?P<holder>[A-Z\"“](?:[\w\"”'&-]|\.(?=\w))*(?:\s+{_HOLDER_WORD}){{0,9}}?)"
    r",?(?:\s+\d{4})?\s*(?:$|[.,;|]\s|[.|]$|\s[-–—]\s)"
)
# The company form after a publisher's name ("Skoddevarre Avis AS", "Chronicle Media Ltd"): not
# how the outlet is named in a reason.
_COMPANY_FORM = re.compile(r"(?:,?\s+(?:Ltd|Limited|AS|AG|LLC|PLC|Inc|GmbH|Oy|AB|S\.A))+\.?$")


# A line repeated in this many articles is site furniture ("Follow us on Telegram"), when short.
REPEATED_IN = 3
REPEATED_MAX_WORDS = 8


def _normal_line(text: str) -> str:
    return " ".join(text.split()).casefold()


def repeated_lines(texts: list[str]) -> frozenset[str]:
    """Short lines (no sentence) that appear in at least REPEATED_IN of ``texts``: boilerplate."""
    counts: dict[str, int] = {}
    for text in texts:
        for line in {_normal_line(m.group()) for m in re.finditer(r"[^\r\n]+", text)}:
            if line and len(line.split()) <= REPEATED_MAX_WORDS and not _ends_sentence(line):
                counts[line] = counts.get(line, 0) + 1
    return frozenset(line for line, n in counts.items() if n >= REPEATED_IN)


def _unquoted(match: re.Match, text: str) -> bool:
    """The phrase is the text's own, not quoted as an example ("the phrase 'all rights reserved'")."""
    before = text[: match.start()]
    opened = sum(before.count(q) for q in '"“«') - sum(before.count(q) for q in "”»")
    return opened % 2 == 0 and not before.rstrip().endswith(("'", "‘"))


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    """Non-blank lines with the offsets of their stripped content."""
    lines = []
    for match in re.finditer(r"[^\r\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            lines.append(_Line(start, start + len(stripped), stripped))
    return lines


def _ends_sentence(line: str) -> bool:
    return line[-1] in ".!?…\"”'’:;)"


def _is_paragraph(line: str, min_words: int = 8) -> bool:
    """A line of running text (a sentence, not a headline, date line or label)."""
    return len(line.split()) >= min_words and _ends_sentence(line)


_HAS_LETTER = re.compile(r"[^\W\d_]")


def _is_label(line: str, max_words: int = 3) -> bool:
    """A short line with no sentence punctuation: a section label or a publisher name."""
    return len(line.split()) <= max_words and not _ends_sentence(line) and len(line) < 40


def _looks_like_title(line: str) -> bool:
    """A headline: a few words with no sentence end, not opening a quote, unless the quote is the
    headline's first part ('"Six years we have asked": river floods') or its last
    ('Ex-mayor sentenced: "A painful chapter closes"'). A quote opening a line that goes on
    ('"We will protect civilians," Putin told a') is the lede."""
    if len(line.split()) < 3 or len(line) > 200:
        return False
    if _QUOTED_HALF.search(line):
        return True
    return not _ends_sentence(line) and line[0] not in "\"“‘'«"


def _is_navigation(line: str) -> bool:
    """A menu ("Home | News | Sport"), a breadcrumb ("Home > News > Port Callan") or an "Outlet |
    Section" masthead: every item between the separators is short and none ends a sentence
    ("Record budget puts drains before roads | The Chronicle" is a title). Also a skip link and a
    press release's stock labels."""
    if _HEADER_LINE.match(line) or _BUTTONS.match(line):
        return True
    items = _separated(line)
    return (
        len(items) >= 2
        and not _is_date_line(line)
        and all(_is_menu_item(item) for item in items[:-1])
        # A site menu may end shouting ("... | Puzzles | Win!"); a headline "Goal! | Rovers win" is no menu.
        and (_is_menu_item(items[-1]) or (len(items) >= MENU_ITEMS and _is_call(items[-1])))
    )


def _is_call(item: str) -> bool:
    """A menu item that shouts: one word and "!" ("Win!")."""
    return bool(re.fullmatch(r"\w+!", item))


def _is_menu_item(item: str) -> bool:
    return len(item.split()) <= NAVIGATION_ITEM_WORDS and not _ends_sentence(item)


def _is_sign_up(line: str) -> bool:
    """A call to sign up, subscribe or log in ("Sign up for Dispatch Daily [Sign up]", "You are
    receiving this because you subscribed ..."), or a bar of them after the site's name ("The
    Herald | Subscribe from 9 a month | Log in"). A headline only holding the words stays ("300
    students sign up to give jabs")."""
    items = _separated(line)
    return bool(items) and all(
        _SIGN_UP.match(item) or (k == 0 and len(items) > 1 and _is_label(item))
        for k, item in enumerate(items)
    )


def _is_site_menu(line: str) -> bool:
    """A menu of MENU_ITEMS items or more, all words: not a breadcrumb ("Home > News > Valley"), a
    share bar ("Share on Facebook | Tweet | Email") or a date and byline bar ("13.2.2025 11:40 |
    Text: Heikki Ollila | Photo: ..."), which may stand under the headline."""
    items = _separated(line)
    return (
        len(items) >= MENU_ITEMS
        and not _BREADCRUMB.search(line)
        and not re.search(r"[\d:]", line)
        and not any(_SHARE_ITEM.match(item) for item in items)
    )


def _separated(line: str) -> list[str]:
    return [item.strip() for item in _SEPARATOR.split(line) if item.strip()]


def _is_date_line(line: str) -> bool:
    """A line that gives the date and little else: "Tuesday 8 April 2025", "Porto Venna, 4 June
    2025", "Outlet | Technology | Tuesday 8 April 2025", "Broadcast: Sunday, 24 August 2025, 7 pm",
    "For immediate release - 10 February 2026"."""
    if _DATE_LINE.match(line):
        return True
    found = _DATE_IN_LINE.search(line)
    if not found or _ends_sentence(line):
        return False
    rest = line[: found.start()] + " " + line[found.end() :]
    words = [w for w in re.findall(r"\w+", rest) if not _TIME_OR_WEEKDAY.fullmatch(w)]
    labelled = bool(_HEADER_LINE.match(rest.strip(" -–—:|,")))  # "For immediate release - 10 February 2026"
    return len(_separated(line)) >= 2 or len(words) <= DATE_LINE_OTHER_WORDS or labelled


def _page_header(lines: list[_Line], keep: list[bool], repeated: set[int] = frozenset()) -> list[int]:
    """The kept lines above the first paragraph (at most HEADER_LINES): where a page puts its
    masthead, menus, cookie notice, headline and date. ``repeated``: lines dropped already as
    repeated across articles, kept in the header as landmarks ("FOR IMMEDIATE RELEASE" in every
    release still marks where the letterhead ends)."""
    header: list[int] = []
    for i, line in enumerate(lines):
        # A menu ending in "Win!" is no paragraph, nor is "You are receiving this because ...".
        running_text = (
            _is_paragraph(line.text) and not _is_navigation(line.text) and not _is_sign_up(line.text)
        )
        if running_text or len(header) == HEADER_LINES:
            break
        if keep[i] or i in repeated:
            header.append(i)
    return header


def _drop_navigation(lines: list[_Line], header: list[int], drop: Callable[[int, str], None]) -> list[int]:
    """Drop the page header's navigation lines and the short lines above the last of them: a
    site's masthead and skip links sit above its menu. A headline above an "Outlet | Section"
    line stays. Above the first site menu or release label ("FOR IMMEDIATE RELEASE") every line
    goes, however long: a headline comes below those, and above them stand a masthead's tagline
    ("Serving Ravuke and the outer islands since 1987") or a ministry's letterhead ("MINISTRY OF
    HEALTH AND MEDICAL SERVICES", its address). Returns the lines above the navigation, the
    masthead's place (a line dropped already, as repeated across articles, among them)."""
    navigation = [i for i in header if _is_navigation(lines[i].text)]
    tops = [i for i in navigation if _HEADER_LINE.match(lines[i].text) or _is_site_menu(lines[i].text)]
    top = tops[0] if tops else -1
    above: list[int] = []
    for i in header:
        if i in navigation:
            drop(i, "navigation")
        elif i < top or (navigation and i < navigation[-1] and len(lines[i].text.split()) <= MASTHEAD_WORDS):
            drop(i, "page header above the navigation")
            above.append(i)
    return above


def _first_sentence_title(text: str, limit: int = 90) -> str:
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    sentence = re.sub(r"[\"“”]", "", sentence).strip()
    if len(sentence) <= limit:
        return sentence
    return sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def _masthead(line: str) -> str | None:
    """The site's name when a page opens with it above its menu ("TEPHRA NOTES", "The Coldhythe
    Crier"): two to MASTHEAD_WORDS words, no figure, colon or bracket; a lone word opening a page
    may as well be a section ("ANALYSIS", "TRANSCRIPT"), a dated or numbered line is a date or an
    item ("Friday, 19 September 2025", "ITEM 1: ...")."""
    words = line.split()
    plain = not re.search(r"[\d:\[\]=]", line) and not _HEADER_LINE.match(line)
    return line if plain and 2 <= len(words) <= MASTHEAD_WORDS and not _ends_sentence(line) else None


def _copyright_holder(lines: list[str]) -> str | None:
    """The publisher a page's last copyright line names, if any (never its first line, which
    would be a headline)."""
    for line in reversed(lines[1:]):
        match = _COPYRIGHT_LINE.match(line)
        if match:
            return _COMPANY_FORM.sub("", match.group("holder")) or None
    return None


def clean_document(doc: Document, repeated: frozenset[str] = frozenset()) -> Document:
    """Return ``doc`` with ``kept`` spans (article text only), ``dropped`` spans with their
    reasons, and title, outlet and date filled in. ``repeated``: lines other articles repeat."""
    lines = _lines(doc.text)
    keep = [True] * len(lines)
    reasons: dict[int, str] = {}
    dropped_parts: list[Dropped] = []  # sentences dropped from lines that keep the rest
    partial: dict[int, list[Span]] = {}  # lines that lose some sentences: what they keep

    def drop(i: int, reason: str) -> None:
        if keep[i]:
            keep[i] = False
            reasons[i] = reason

    published_by: str | None = None  # the line under a "Published by" marker
    name_above_furniture: str | None = None  # a bare name just above the tail marker

    # Page furniture after the article: cut from the first tail marker to the end. A marker above
    # the article's first paragraph ("Share" under the headline) is a widget there, no end.
    in_article = False  # a line of running text came before
    for i, line in enumerate(lines):
        if i > 0 and _TAIL_MARKERS.match(line.text):
            if not in_article:
                drop(i, "page furniture above the article")
                in_article = _is_paragraph(line.text)
                continue
            if line.text.lower() == "published by" and i + 1 < len(lines):
                published_by = lines[i + 1].text
            for j in range(i, len(lines)):
                drop(j, "page furniture after the article")
            # A bare publisher name just above the marker is a byline, not article text.
            j = i - 1
            while j > 0 and keep[j] and _is_label(lines[j].text):
                # A rule ("-----") or a bracketed slot ("[Advertisement]", "[Load more comments]")
                # above the marker names nobody.
                if _HAS_LETTER.search(lines[j].text) and not _BUTTONS.match(lines[j].text):
                    name_above_furniture = name_above_furniture or lines[j].text
                drop(j, "byline")
                j -= 1
            break
        in_article = in_article or _is_paragraph(line.text)

    above_article = True  # no line of running text came before (a call or a notice is none)
    for i, line in enumerate(lines):
        if above_article and _is_sign_up(line.text) and not _is_navigation(line.text):
            drop(i, "sign-up call")  # a bar of calls that is a menu too is the header's navigation
            continue
        above_article = above_article and not (_is_paragraph(line.text) and not _DISCLAIMER.search(line.text))
        if not keep[i]:
            continue
        teaser = _TEASER.match(line.text)
        if teaser:
            drop(i, "teaser for another article")
            nxt = i + 1
            if (
                not teaser.group(2)
                and nxt < len(lines)
                and len(lines[nxt].text) < 200
                and not lines[nxt].text.endswith(".")
            ):
                drop(nxt, "teaser for another article")
        elif _BYLINE.match(line.text):
            drop(i, "byline")
        elif _ADVERTISEMENT.match(line.text):
            drop(i, "advertisement")
        elif _normal_line(line.text) in repeated:
            drop(i, "line repeated across articles")
        elif (
            (notice := i > 0 or bool(_CONSENT_BUTTON.search(line.text))) and _DISCLAIMER.search(line.text)
        ) or _INJECTION.search(line.text):
            # A disclaimer never opens a page: a first line naming the phrase is a title, unless
            # it carries a consent notice's buttons.
            runs, left_out = _split_boilerplate_sentences(doc.text, line, disclaimers=notice)
            if left_out:
                partial[i] = runs
                dropped_parts.extend(left_out)
                keep[i] = bool(runs)

    # Header: navigation and what sits above it, a section label, the title, a date line.
    title = ""
    date: str | None = None
    repeated_here = {i for i, why in reasons.items() if why == "line repeated across articles"}
    header = _page_header(lines, keep, repeated_here)
    for i in header:
        if i in partial:  # a cookie notice above the article ("... use cookies. Accept | Settings")
            del partial[i]
            dropped_parts = [d for d in dropped_parts if not lines[i].start <= d.span.start < lines[i].end]
            drop(i, "publisher disclaimer")
    above_navigation = _drop_navigation(lines, header, drop)
    masthead = _masthead(lines[0].text) if 0 in above_navigation else None
    header = [i for i in range(len(lines)) if keep[i]][:4]
    for k, i in enumerate(header):
        text = lines[i].text
        below = lines[header[k + 1]].text if k + 1 < len(header) else ""
        # Other date lines ("18:41, 30 September 2023") are dropped only above the headline, where
        # they hide it; under it they stay text, as they always have (the headline keeps its body).
        if _DATE_LINE.match(text) or (not title and _is_date_line(text)):
            date = date or parse_date(text)
            drop(i, "date line")
        elif not title and (
            (_is_label(text, max_words=2) and i == header[0])
            or (
                (_is_label(text, max_words=2) or (_is_label(text) and text.isupper()))
                and _looks_like_title(below)
            )
        ):
            drop(i, "section label")  # such as "Armenia", or "BREAKING NEWS" above the headline
        elif not title and _looks_like_title(text) and i in header[:2]:
            title = text
        else:
            break

    kept_lines = [line for line, k in zip(lines, keep) if k]
    dateline = next((m for m in (_DATELINE_OUTLET.match(line.text) for line in kept_lines[:3]) if m), None)
    # A name above the furniture is a guess (a sign-off, an advertisement slot), so the copyright
    # line's holder beats it; a "Published by" line or an agency's dateline names the outlet as it
    # signs itself.
    outlet = (
        published_by
        or (dateline and (dateline.group(1) or dateline.group(2)).strip())
        or _copyright_holder([line.text for line in lines])
        or masthead
        or name_above_furniture
    )
    if date is None:
        date = next((d for d in (parse_date(line.text[:120]) for line in kept_lines[:3]) if d), None)
    # What the file itself declares (HTML metadata, a PDF's title) beats what the text suggests.
    title, outlet, date = doc.title or title, doc.outlet or outlet, doc.date or date
    kept = _regions(lines, keep, partial)
    if not title and kept:  # the first kept text, never a sentence dropped from its line
        title = _first_sentence_title(doc.text[kept[0].start : kept[0].end].splitlines()[0])

    dropped = [Dropped(Span(lines[i].start, lines[i].end), reason) for i, reason in reasons.items()]
    dropped = sorted(dropped + dropped_parts, key=lambda d: d.span.start)
    return replace(doc, kept=kept, dropped=dropped, title=title, outlet=outlet, date=date)


def _split_boilerplate_sentences(
    text: str, line: _Line, disclaimers: bool = True
) -> tuple[list[Span], list[Dropped]]:
    """Runs of sentences of a line to keep, and the sentences dropped: a disclaimer, or text
    addressing a language model. A disclaimer phrase in quotation marks is the article quoting
    it, and stays.
    """
    kept: list[Span] = []
    out: list[Dropped] = []
    run: Span | None = None
    for span in split_sentences(text, line.start, line.end):
        sentence = text[span.start : span.end]
        injection = _INJECTION.search(sentence)
        disclaimer = _DISCLAIMER.search(sentence) if disclaimers else None
        if injection or (disclaimer and _unquoted(disclaimer, sentence)):
            out.append(Dropped(span, "addresses a language model" if injection else "publisher disclaimer"))
            if run:
                kept.append(run)
            run = None
        else:
            run = Span(run.start if run else span.start, span.end)
    if run:
        kept.append(run)
    return kept, out


def _regions(
    lines: list[_Line], keep: list[bool], partial: dict[int, list[Span]] | None = None
) -> list[Span]:
    """Merge runs of consecutive kept text into spans; dropped text (a line or a sentence) ends a region."""
    partial = partial or {}
    regions: list[Span] = []
    current: Span | None = None
    for i, (line, k) in enumerate(zip(lines, keep)):
        if not k:
            if current:
                regions.append(current)
                current = None
            continue
        pieces = partial.get(i)
        if pieces is None:
            current = Span(current.start if current else line.start, line.end)
            continue
        for piece in pieces:  # a line that lost sentences: each kept run stands alone
            if current:
                regions.append(current)
            current = piece
        if pieces and pieces[-1].end != line.end and current:
            regions.append(current)
            current = None
    if current:
        regions.append(current)
    return regions
