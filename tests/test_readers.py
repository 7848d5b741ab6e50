from pathlib import Path

import pytest

from rag.chunk import chunk_document
from rag.clean import clean_document
from rag.load import load_document
from rag.readers import read_html, read_pdf
from tests.conftest import REPORT_PAGES, make_pdf

pytestmark = pytest.mark.fast  # no model, no index: the edit-test loop (pytest -m fast)


HTML = Path(__file__).parent / "data" / "armenpress_refugees.html"


def test_html_keeps_the_article_and_its_metadata_and_drops_the_page_furniture():
    found = read_html(HTML.read_bytes())
    assert found.title.startswith("Over 100,000 forcibly displaced persons")
    assert (found.outlet, found.date) == ("Armenpress", "2023-09-30")
    assert "100,514 forcibly displaced persons" in found.text
    for furniture in (
        "Share on Facebook",
        "Recent Posts",
        "Exchange rates",
        "All rights reserved",
        "dataLayer",
    ):
        assert furniture not in found.text
    # Escaped markup in the article is article text: it stays, as characters.
    assert '<script>alert("x")</script>' in found.text


def test_reading_the_same_page_twice_gives_the_same_text():
    # trafilatura's cross-document deduplication would blank a page it has seen before (a
    # re-index, or the chat showing an article's surrounding text); it is off.
    assert read_html(HTML.read_bytes()).text == read_html(HTML.read_bytes()).text


def test_html_without_an_article_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="no article text"):
        read_html(b"<html><body><nav>Home | About</nav></body></html>")
    with pytest.raises(ValueError, match="empty"):
        read_html(b"  \n")


def test_pdf_text_keeps_where_each_page_starts():
    found = read_pdf(make_pdf(REPORT_PAGES, title="UNHCR update"))
    assert found.title == "UNHCR update"
    assert len(found.pages) == 2 and found.pages[0] == 0
    second = found.text[found.pages[1] :]
    assert second.startswith("By 1 October, 100,617 refugees")
    assert "Lachin" in found.text[: found.pages[1]] and "Lachin" not in second


def test_pdf_chunks_know_their_page(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(REPORT_PAGES))
    doc = clean_document(load_document(path, tmp_path))
    chunks = chunk_document(doc, 200, 0, 0)
    pages = {c.quote(s)[:20]: c.page_at(s.start) for c in chunks for s in c.sentences}
    assert pages["Most arrive in Goris"] == 1
    assert pages["By 1 October, 100,61"] == 2
    assert any(c.page_starts for c in chunks)  # a chunk that runs across the page break
    assert all(c.first_page is None for c in chunk_document(clean_document(_txt(tmp_path)), 200, 0, 0))


def _txt(tmp_path):
    (tmp_path / "a.txt").write_text("One sentence here. Another one there.\n")
    return load_document(tmp_path / "a.txt", tmp_path)


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"hello, not a pdf", "not a PDF"),
        (b"%PDF-1.4\n%garbage", "could not be read"),
        (make_pdf([""]), "no extractable text"),
    ],
)
def test_bad_pdfs_are_refused_with_a_reason(data, reason):
    with pytest.raises(ValueError, match=reason):
        read_pdf(data)


def test_encrypted_pdf_is_refused_with_a_reason():
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(REPORT_PAGES))))
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(ValueError, match="encrypted"):
        read_pdf(buffer.getvalue())
