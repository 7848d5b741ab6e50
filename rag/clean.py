"""Clean: find the article text inside a scraped page and pull out its title, outlet and date.

Scraped news pages carry boilerplate that would otherwise be retrieved and cited: "Read also:"
teasers, share widgets, "Recent Posts" lists, publisher disclaimers, section labels, bylines.
Cleaning never rewrites text; it marks which line ranges of the original file are article text,
so every later offset still points into the original file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rag.types import Document, Span

# A line equal to one of these starts the page furniture after the article: drop it and the rest.
_TAIL_MARKERS = re.compile(
    r"^(recent posts|related posts|related articles|related stories|related|more stories|"
    r"share|share this( article| story)?:?|published by|tags?:.*|comments|leave a (reply|comment)|"
    r"subscribe.*newsletter.*|you may also like|most read|popular posts)$",
    re.IGNORECASE,
)
# A line like this is a teaser for another article; the next line is often that article's title.
_TEASER = re.compile(r"^(read also|read more|see also|also read|related|watch)\s*:\s*(.*)$", re.I)
# Publisher disclaimers and legal footers.
_DISCLAIMER = re.compile(
    r"(does not mean that we agree|views expressed (here|in this)|opinions expressed in this|"
    r"all rights reserved|^©|^copyright\b|we remind our readers)",
    re.IGNORECASE,
)
# Text that addresses a language model rather than a reader is never article text: a planted
# "ignore previous instructions" must not reach the prompt, however it is dressed.
_INJECTION = re.compile(
    r"(ignore|disregard|forget|override)\s+(all\s+|any\s+|the\s+|your\s+)*(previous|prior|above|earlier|"
    r"preceding|system)?\s*(instructions|prompts?|rules|directions)|\bsystem prompt\b|"
    r"\b(you are now|from now on,? you|as an ai( language model)?,? you must|new instructions\s*:)|"
    r"\b(assistant|ai|chatbot|language model)s?\s*(must|should|will)\s+(now\s+)?(reply|respond|answer|say)",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(by|posted by|written by|posted on|published on|updated)\b.{0,80}$", re.I)

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\s+(\d{{4}})\b", re.I)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DATE_LINE = re.compile(
    rf"^(\w+,?\s+)?({_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2})(\s+\d{1,2}:\d{2}.*)?$",
    re.I,
)
# "MOSCOW (Sputnik) –" or "MOSCOW, September 25. /TASS/." at the start of the first paragraph.
_DATELINE_OUTLET = re.compile(
    r"^[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\.?\s*(?:\(([^)]{2,40})\)|/([^/]{2,40})/)"
)


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


def _is_label(line: str, max_words: int = 3) -> bool:
    """A short line with no sentence punctuation: a section label or a publisher name."""
    return len(line.split()) <= max_words and not _ends_sentence(line) and len(line) < 40


def _looks_like_title(line: str) -> bool:
    return (
        len(line.split()) >= 3 and len(line) <= 200 and not _ends_sentence(line) and line[0] not in "\"“‘'«"
    )


def parse_date(text: str) -> str | None:
    """The first full date (day, month and year) in ``text`` as ISO ``YYYY-MM-DD``."""
    for pattern, order in ((_DATE_ISO, "ymd"), (_DATE_MDY, "mdy"), (_DATE_DMY, "dmy")):
        match = pattern.search(text)
        if not match:
            continue
        groups = dict(zip(order, match.groups()))
        month = groups["m"]
        month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
        day, year = int(groups["d"]), int(groups["y"])
        if month_number and 1 <= day <= 31:
            return f"{year:04d}-{month_number:02d}-{day:02d}"
    return None


def _first_sentence_title(text: str, limit: int = 90) -> str:
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    sentence = re.sub(r"[\"“”]", "", sentence).strip()
    if len(sentence) <= limit:
        return sentence
    return sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def clean_document(doc: Document) -> Document:
    """Return ``doc`` with ``kept`` spans (article text only), title, outlet and date filled in."""
    lines = _lines(doc.text)
    keep = [True] * len(lines)
    outlet: str | None = None

    # Page furniture after the article: cut from the first tail marker to the end.
    for i, line in enumerate(lines):
        if i > 0 and _TAIL_MARKERS.match(line.text):
            if line.text.lower() == "published by" and i + 1 < len(lines):
                outlet = outlet or lines[i + 1].text
            for j in range(i, len(lines)):
                keep[j] = False
            # A bare publisher name just above the marker is a byline, not article text.
            j = i - 1
            while j > 0 and keep[j] and _is_label(lines[j].text):
                outlet = outlet or lines[j].text
                keep[j] = False
                j -= 1
            break

    for i, line in enumerate(lines):
        if not keep[i]:
            continue
        teaser = _TEASER.match(line.text)
        if teaser:
            keep[i] = False
            nxt = i + 1
            if (
                not teaser.group(2)
                and nxt < len(lines)
                and len(lines[nxt].text) < 200
                and not lines[nxt].text.endswith(".")
            ):
                keep[nxt] = False
        elif _DISCLAIMER.search(line.text) or _BYLINE.match(line.text) or _INJECTION.search(line.text):
            keep[i] = False

    # Header: a section label, the title, a date line.
    title = ""
    date: str | None = None
    header = [i for i in range(len(lines)) if keep[i]][:4]
    for i in header:
        text = lines[i].text
        if _DATE_LINE.match(text):
            date = date or parse_date(text)
            keep[i] = False
        elif not title and _is_label(text, max_words=2) and i == header[0]:
            keep[i] = False  # a section label such as "Armenia"
        elif not title and _looks_like_title(text) and i in header[:2]:
            title = text
        else:
            break

    kept_lines = [line for line, k in zip(lines, keep) if k]
    for line in kept_lines[:3]:
        match = _DATELINE_OUTLET.match(line.text)
        if match:
            outlet = outlet or (match.group(1) or match.group(2)).strip()
            break
    if date is None:
        date = next((d for d in (parse_date(line.text[:120]) for line in kept_lines[:3]) if d), None)
    # What the file itself declares (HTML metadata, a PDF's title) beats what the text suggests.
    title, outlet, date = doc.title or title, doc.outlet or outlet, doc.date or date
    body = [line for line in kept_lines if line.text != title]
    if not title and body:
        title = _first_sentence_title(body[0].text)

    return replace(doc, kept=_regions(lines, keep), title=title, outlet=outlet, date=date)


def _regions(lines: list[_Line], keep: list[bool]) -> list[Span]:
    """Merge runs of consecutive kept lines into spans; a dropped line ends a region."""
    regions: list[Span] = []
    current: Span | None = None
    for line, k in zip(lines, keep):
        if k:
            current = Span(current.start if current else line.start, line.end)
        elif current:
            regions.append(current)
            current = None
    if current:
        regions.append(current)
    return regions
