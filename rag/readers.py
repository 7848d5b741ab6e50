"""Readers: turn one file's bytes into article text, one reader per file type.

Plain text and Markdown are the text itself. HTML goes through trafilatura, which keeps the
article and drops menus, share widgets and comments, and reads the title, site name and date
from the page's metadata. PDF goes through pypdf page by page; the offset where each page starts
is kept so a citation can name its page. Each reader raises ValueError with a readable reason.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

# Fewer words than this is page furniture that survived extraction ("Home | About"), not an article.
MIN_ARTICLE_WORDS = 15


@dataclass
class ReadText:
    """What a reader found: the text to index, page start offsets (PDF) and metadata hints."""

    text: str
    pages: list[int] = field(default_factory=list)  # offset in ``text`` where page n+1 starts
    title: str = ""
    outlet: str | None = None
    date: str | None = None


def decode_text(raw: bytes) -> str:
    """The text of an article file's bytes, or ValueError saying why they are not usable text."""
    if not raw.strip():
        raise ValueError("the file is empty")
    if b"\x00" in raw:
        raise ValueError("the file contains NUL bytes (binary, not text)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"not UTF-8 text ({exc.reason} at byte {exc.start}); convert it first, e.g. iconv -f cp1251 -t utf-8"
        ) from exc


def read_plain(raw: bytes) -> ReadText:
    return ReadText(decode_text(raw))


def read_html(raw: bytes) -> ReadText:
    import trafilatura

    if not raw.strip():
        raise ValueError("the file is empty")
    # Given bytes, trafilatura honours the page's own charset declaration.
    found = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, include_tables=False)
    text = (found.text or "").strip() if found is not None else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise ValueError("no article text found in this HTML page (only menus or a few words)")
    title = (found.title or "").strip()
    if title and not text.startswith(title):
        text = f"{title}\n{text}"  # so the title is searchable and cleaning recognises it
    return ReadText(text, title=title, outlet=(found.sitename or None), date=_iso_date(found.date))


def read_pdf(raw: bytes) -> ReadText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not raw.startswith(b"%PDF"):
        raise ValueError("not a PDF file (it does not start with %PDF)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are about layout, not content
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise ValueError("the PDF is encrypted; save an unprotected copy first")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        title = str((reader.metadata or {}).get("/Title") or "").strip()
    except (PdfReadError, KeyError, TypeError, OSError) as exc:
        raise ValueError(f"the PDF could not be read ({exc})") from exc
    text, starts = "", []
    for page_text in map(reflow, pages):
        if text:
            text += "\n\n"  # a page break ends a paragraph, so no chunk sentence spans it unseen
        starts.append(len(text))
        text += page_text
    if not text.strip():
        raise ValueError("the PDF has no extractable text (a scan? run OCR on it first)")
    return ReadText(text, pages=starts, title=title)


def reflow(page_text: str) -> str:
    """Join the PDF's layout line breaks back into running text (sentences are found within a
    line); blank lines stay as paragraph breaks and words hyphenated across lines are rejoined."""
    out = ""
    for line in (line.strip() for line in page_text.splitlines()):
        if not line:
            if out and not out.endswith("\n"):
                out += "\n"
        elif not out or out.endswith("\n"):
            out += line
        elif out.endswith("-") and line[:1].islower():
            out = out[:-1] + line
        else:
            out += " " + line
    return out.strip()


def _iso_date(value: str | None) -> str | None:
    return value[:10] if value and len(value) >= 10 and value[4] == "-" else None


READERS: dict[str, Callable[[bytes], ReadText]] = {
    ".txt": read_plain,
    ".md": read_plain,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
}
