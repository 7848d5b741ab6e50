import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rag.chunk import chunk_document
from rag.clean import clean_document
from rag.load import load_corpus
from rag.text import split_sentences
from rag.types import Document, Span
from tests.conftest import CORPUS

pytestmark = pytest.mark.fast  # no model, no index: the edit-test loop (pytest -m fast)


def test_chunks_are_exact_slices_of_the_original_files():
    docs, _ = load_corpus(CORPUS)
    next_id = 0
    for doc in docs:
        doc = clean_document(doc)
        chunks = chunk_document(doc, max_chars=600, overlap_sentences=1, first_id=next_id)
        assert chunks
        assert [c.id for c in chunks] == list(range(next_id, next_id + len(chunks)))
        next_id += len(chunks)
        for chunk in chunks:
            assert doc.text[chunk.start : chunk.end] == chunk.text
            assert chunk.sentences[0].start == chunk.start and chunk.sentences[-1].end == chunk.end
            for s in chunk.sentences:
                assert doc.text[s.start : s.end].strip() == doc.text[s.start : s.end] != ""


def test_neighbouring_chunks_overlap_by_one_sentence_and_respect_the_size():
    doc = clean_document(load_corpus(CORPUS)[0][0])
    chunks = chunk_document(doc, max_chars=400, overlap_sentences=1, first_id=0)
    assert len(chunks) > 3
    for a, b in zip(chunks, chunks[1:]):
        if len(a.sentences) > 1:  # a one-sentence chunk cannot share its only sentence
            assert a.sentences[-1] == b.sentences[0]
        else:
            assert b.start > a.start
    for c in chunks:
        assert len(c.text) <= 400 or len(c.sentences) == 1


def test_sentence_splitting_keeps_abbreviations_and_line_breaks():
    text = "Azerbaijan acted on Sept. 13, a day later. Peskov spoke.\nNew paragraph here"
    spans = split_sentences(text)
    assert [text[s.start : s.end] for s in spans] == [
        "Azerbaijan acted on Sept. 13, a day later.",
        "Peskov spoke.",
        "New paragraph here",
    ]


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_chunk_offsets_map_back_exactly_for_arbitrary_text(text):
    doc = Document(source="x.txt", text=text, sha256="0", kept=[Span(0, len(text))] if text else [])
    for chunk in chunk_document(doc, max_chars=120, overlap_sentences=1, first_id=0):
        assert text[chunk.start : chunk.end] == chunk.text
        for s in chunk.sentences:
            assert chunk.start <= s.start < s.end <= chunk.end
