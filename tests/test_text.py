"""The text-analysis layer every stage compares words with."""

import pytest

from rag.text import content_stems, days_named, fold, spelled_months, split_sentences, stem, words

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


def test_a_day_told_relative_to_the_article_is_written_out_from_its_date():
    assert days_named("As of 9 a.m. today, 29 patients have been discharged.", "2026-03-02") == "Monday"
    assert days_named("Police said yesterday and again this morning.", "2026-03-02") == "Sunday Monday"
    # The false-positive side: no relative day, or no known date, names no day.
    assert days_named("The road reopened on Friday.", "2026-03-02") == ""
    assert days_named("As of today, nine patients remain in hospital.", None) == ""


def test_a_month_shortened_beside_its_day_is_spelled_out():
    assert words("subsidies cut on Feb. 1") == words("subsidies cut on February 1")
    assert words("on 14 Sept 2025") == ["on", "14", "september", "2025"]
    # Not without a day: "Jan" is a name, "Mar" a word, unless a day stands beside them.
    assert (
        spelled_months("Jan Keller said Mar del Plata was flooded")
        == "Jan Keller said Mar del Plata was flooded"
    )
