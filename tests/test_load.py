from pathlib import Path

import pytest

from rag.load import list_sources, load_corpus, load_document
from tests.conftest import CORPUS

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def test_loads_the_five_shipped_articles_byte_for_byte():
    docs, errors = load_corpus(CORPUS)
    assert errors == []
    assert [d.source for d in docs] == sorted(p.name for p in CORPUS.glob("*.txt"))
    assert len(docs) == 5
    for doc in docs:
        assert doc.text == (CORPUS / doc.source).read_bytes().decode("utf-8")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed folder not beside the checkout")
def test_corpus_is_identical_to_the_seed_articles():
    for seed in SEEDS.glob("*.txt"):
        assert (CORPUS / seed.name).read_bytes() == seed.read_bytes()


def test_bad_files_are_reported_by_name_and_good_ones_still_load(tmp_path):
    (tmp_path / "good.txt").write_text("Peskov spoke on Monday. He said a lot.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "latin.txt").write_bytes("Café au lait, très bien".encode("cp1252"))
    docs, errors = load_corpus(tmp_path)
    assert [d.source for d in docs] == ["good.txt"]
    reasons = {e.source: e.reason for e in errors}
    assert set(reasons) == {"empty.txt", "binary.txt", "latin.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "NUL" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin.txt"]


def test_markdown_and_nested_folders_are_found_hidden_files_skipped(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("# Title\n\nText here.")
    (tmp_path / ".hidden.txt").write_text("secret")
    assert [p.relative_to(tmp_path).as_posix() for p in list_sources(tmp_path)] == ["sub/a.md"]
    assert load_document(tmp_path / "sub" / "a.md", tmp_path).source == "sub/a.md"


def test_missing_corpus_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="corpus folder not found"):
        list_sources(tmp_path / "nope")


def test_oversized_files_and_link_loops_are_reported_not_fatal(tmp_path):
    from rag.load import load_document

    (tmp_path / "good.txt").write_text("Peskov spoke on Monday.")
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (3 * 1024 * 1024 // 5))
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "dir_loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")  # an unreadable (dangling) file
    docs, errors = load_corpus(tmp_path)  # the folder loop must not hang the walk
    assert [d.source for d in docs] == ["big.txt", "good.txt"]
    reasons = {e.source: e.reason.lower() for e in errors}
    assert set(reasons) == {"loop.txt", "gone.txt"}
    assert "symbolic links" in reasons["loop.txt"] and "no such file" in reasons["gone.txt"]
    with pytest.raises(ValueError, match="too large .* RAG_MAX_FILE_MB"):
        load_document(big, tmp_path, max_bytes=1024 * 1024)


def test_a_50_mb_file_is_skipped_with_its_reason_and_the_rest_indexed(tmp_path, corpus_copy, embedder):
    from rag.ingest import update_index
    from tests.conftest import make_settings

    with open(corpus_copy / "huge.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    with open(corpus_copy / "huge.txt", "r+b") as fh:
        fh.write(b"A huge scrape. ")
    index, report = update_index(make_settings(tmp_path, corpus_dir=corpus_copy), embedder)
    assert [(e.source, "too large" in e.reason) for e in report.errors] == [("huge.txt", True)]
    assert len(report.added) == 5 and "huge.txt" not in index.files


def test_unreadable_and_unsupported_files_are_named_when_indexing(tmp_path, corpus_copy, embedder):
    from rag.ingest import update_index
    from tests.conftest import make_settings

    (corpus_copy / "page.html").write_text("<html><body><nav>menu</nav></body></html>")
    (corpus_copy / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (corpus_copy / "report.docx").write_bytes(b"PK\x03\x04 word file")
    _, report = update_index(make_settings(tmp_path, corpus_dir=corpus_copy), embedder)
    reasons = {e.source: e.reason for e in report.errors}
    assert set(reasons) == {"page.html", "broken.pdf", "report.docx"}
    assert "no article text" in reasons["page.html"]
    assert "PDF could not be read" in reasons["broken.pdf"]
    assert "unsupported file type '.docx'" in reasons["report.docx"]
    assert len(report.added) == 5
