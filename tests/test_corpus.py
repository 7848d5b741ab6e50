"""Adding articles from outside (uploads, `rag add`): nothing lands outside the corpus folder."""

import pytest

from rag.corpus import add_article, add_articles, delete_article, safe_name, surrounding
from rag.load import list_sources

pytestmark = pytest.mark.fast  # no model, no index: the edit-test loop (pytest -m fast)


MB = 1024 * 1024
ARTICLE = b"Talks in Brussels\nBRUSSELS, Oct. 6, 2023. Negotiators met on Friday.\n"


@pytest.mark.parametrize(
    "hostile",
    ["../../etc/passwd.txt", "/etc/passwd.txt", "..\\..\\windows\\evil.txt", "a\x00b.txt", "sub/../../x.txt"],
)
def test_hostile_names_land_inside_the_corpus(tmp_path, hostile):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    added = add_article(corpus, hostile, ARTICLE, MB)
    assert added.path.parent == corpus and added.path.read_bytes() == ARTICLE
    assert "\x00" not in added.path.name
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [added.path.name]


def test_long_names_are_shortened_and_bad_ones_refused(tmp_path):
    added = add_article(tmp_path, "x" * 400 + ".md", ARTICLE, MB)
    assert len(added.path.name) <= 120 and added.path.suffix == ".md"
    for name, reason in [("..", "empty"), ("/etc/passwd", "unsupported"), ("photo.png", "unsupported")]:
        with pytest.raises(ValueError, match=reason):
            add_article(tmp_path, name, ARTICLE + name.encode(), MB)


def test_duplicates_are_refused_and_name_clashes_renamed(tmp_path):
    first = add_article(tmp_path, "talks.txt", ARTICLE, MB)
    with pytest.raises(ValueError, match="already in the corpus as talks.txt"):
        add_article(tmp_path, "copy.txt", ARTICLE, MB)
    second = add_article(tmp_path, "talks.txt", ARTICLE + b"Updated.\n", MB)
    assert second.path.name == "talks-2.txt" and second.renamed_from == "talks.txt"
    assert first.path.read_bytes() == ARTICLE  # the existing article is untouched


def test_bad_content_is_refused_and_nothing_is_written(tmp_path):
    for data, reason in [
        (b"", "empty"),
        (b"\x00\x01", "NUL"),
        ("Café".encode("cp1252"), "UTF-8"),
        (b"x" * (2 * MB), "too large"),
    ]:
        with pytest.raises(ValueError, match=reason):
            add_article(tmp_path, "bad.txt", data, MB)
    assert list(tmp_path.iterdir()) == []  # no partial or temporary files


def test_delete_only_names_articles_inside(tmp_path):
    corpus = tmp_path / "corpus"
    added = add_article(corpus, "talks.txt", ARTICLE, MB)
    (tmp_path / "outside.txt").write_text("keep me")
    with pytest.raises(ValueError):
        delete_article(corpus, "../outside.txt")
    assert (tmp_path / "outside.txt").exists()
    kept = delete_article(corpus, "talks.txt")
    assert not added.path.exists()
    # Moved aside, not erased, and out of what gets indexed.
    assert kept.parent == corpus / ".trash" and kept.read_bytes() == ARTICLE
    assert list_sources(corpus) == []
    with pytest.raises(ValueError):
        delete_article(corpus, f".trash/{kept.name}")


def test_the_surrounding_text_frames_the_cited_span():
    text = "First line of the story.\nThe cited sentence is here. And more after it.\nLast line."
    start = text.index("The cited")
    end = start + len("The cited sentence is here.")
    before, cited, after = surrounding(text, start, end, chars=10)
    assert cited == "The cited sentence is here."
    assert before == "" and after == " And more"  # cut at a word, never mid-word
    before, cited, after = surrounding(text, start, end, chars=20)
    assert (before, after) == ("", " And more after it.")  # whole lines where the window has a break
    before, cited, after = surrounding(text, start, end, chars=1000)
    assert before + cited + after == text


def test_safe_name_keeps_ordinary_names():
    assert safe_name("Kremlin statement 2023-09-19.txt") == "Kremlin statement 2023-09-19.txt"
    assert safe_name("Report.TXT") == "Report.txt"


def test_one_refused_file_stops_no_other_and_each_says_what_became_of_it(tmp_path):
    results = add_articles(
        tmp_path,
        [
            ("talks.txt", ARTICLE),
            ("notes.docx", b"PK\x03\x04"),
            ("again.txt", ARTICLE),
            ("more.md", b"# More\nText.\n"),
        ],
        MB,
    )
    assert [r.refused is None for r in results] == [True, False, False, True]
    assert (
        "unsupported" in results[1].describe() and "already in the corpus as talks.txt" in results[2].refused
    )
    assert results[0].describe() == "Added talks.txt." and results[3].path.read_bytes() == b"# More\nText.\n"
    assert sorted(p.name for p in list_sources(tmp_path)) == ["more.md", "talks.txt"]
