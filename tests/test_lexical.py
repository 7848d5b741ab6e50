"""BM25 over folded, stemmed words: exact names and numbers that dense vectors blur."""

import pytest

from rag.lexical import LexicalIndex, tokenize

pytestmark = pytest.mark.fast  # no model, no index: the edit-test loop (pytest -m fast)

TEXTS = {
    10: "Antonín Dvořák composed the New World Symphony in 1893.",
    11: "The ministry said 5,000 troops were stationed near the border.",
    12: "Talks were suspended after the shelling of Martakert.",
    13: "The weather in the capital was mild for the season.",
}


def build() -> LexicalIndex:
    return LexicalIndex.build(list(TEXTS), list(TEXTS.values()))


def test_tokens_are_folded_stemmed_and_numbers_kept_whole():
    assert tokenize("Dvořák's") == tokenize("dvorak")
    assert tokenize("suspended") == tokenize("suspends")
    assert tokenize("5,000 troops") == tokenize("5000 troop")
    assert "the" not in tokenize("the talks") and tokenize("a") == []


def test_search_finds_names_without_accents_and_inflected_words():
    index = build()
    assert index.search("Dvorak symphony", 2)[0][0] == 10
    assert index.search("suspend talks", 2)[0][0] == 12
    assert index.search("5000 troops", 2)[0][0] == 11


def test_only_allowed_ids_are_searched_and_no_match_is_no_result():
    import numpy as np

    index = build()
    assert [i for i, _ in index.search("Martakert", 4, np.array([10, 11]))] == []
    assert index.search("quantum chromodynamics", 4) == []
    assert index.search("the of and", 4) == []  # only stopwords: nothing to look for


def test_a_saved_index_loads_with_the_same_results(tmp_path):
    index = build()
    index.save(tmp_path)
    again = LexicalIndex.load(tmp_path)
    assert again.ids == index.ids
    assert again.search("Martakert shelling", 3) == index.search("Martakert shelling", 3)
    empty = tmp_path / "empty"
    empty.mkdir()
    LexicalIndex.build([], []).save(empty)
    assert LexicalIndex.load(empty).search("anything", 3) == []
