"""The text-analysis layer every stage compares words with."""

import pytest

from rag.text import content_stems, fold, split_sentences, stem, words

pytestmark = pytest.mark.fast  # no model, no index: the edit-test loop (pytest -m fast)


def test_fold_removes_accents_and_case():
    assert fold("Erdoğan") == fold("Erdogan") == "erdogan"
    assert fold("Dvořák") == "dvorak"


def test_words_keep_hyphenated_words_and_drop_possessives():
    assert words("Russia's Nagorno-Karabakh talks") == ["russia", "nagorno-karabakh", "talks"]


def test_stems_meet_across_inflections_but_leave_names_whole():
    assert stem("suspended") == stem("suspends") == stem("suspend")
    assert stem("troops") == stem("troop")
    assert "hans" in words("Hans Blix")  # words() never stems: names stay as written
    assert content_stems("The troops were stationed in Armenia") == ["troop", "station", "armenia"]


def test_sentence_offsets_are_exact():
    text = "First one. Second one!\nThird line"
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "First one.",
        "Second one!",
        "Third line",
    ]
