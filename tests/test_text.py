"""The text-analysis layer every stage compares words with."""

import pytest

from rag.text import (
    content_stems,
    dates_named,
    dates_told,
    days_named,
    fold,
    spelled_months,
    split_sentences,
    stem,
    words,
)

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


def test_a_weekday_is_the_one_before_or_after_its_article_as_its_nearby_words_say():
    """A bare weekday is either side of the article's date; read by its tense, what is done is before
    it and what is due after it. Parliament "on Thursday approved" in an article of Thursday 12 March
    2026 is that day, not the 19th, though the act "will" lift the age further on; a lock "due to
    close on Friday" is the 13th, not the 6th."""
    done = "Parliament on Thursday approved a pension overhaul that will gradually lift the retirement age."
    assert [t.day.day for t in dates_named(done, "2026-03-12")] == [12, 19]
    assert [t.day.day for t in dates_named(done, "2026-03-12", by_tense=True)] == [12]
    due = "The lock is due to close on Friday for ten days."
    assert [t.day.day for t in dates_named(due, "2026-03-12", by_tense=True)] == [13]
    # The false-positive side: "last" and "next" still say which, whatever the tense.
    assert [t.day.day for t in dates_named("It will reopen next Friday.", "2026-03-12", by_tense=True)] == [
        13
    ]
    assert [
        t.day.day for t in dates_named("It was due to open last Friday.", "2026-03-12", by_tense=True)
    ] == [6]


def test_a_claims_date_is_told_by_a_relative_day_or_a_yearless_date_of_its_article():
    yesterday = dates_named("Averlach reached 31.4C yesterday (Thursday).", "2026-06-12")
    assert dates_told("Averlach hit 31.4C on Thursday 11 June.", yesterday) == "Thursday 11 June 2026"
    assert dates_told("Averlach hit 31.4C on June 11, 2026.", yesterday) == "Thursday 11 June 2026"
    dateline = dates_named("DRAVENHOLT, March 14 (PPA) - The minister resigned on Friday.", "2025-03-14")
    assert dates_told("He resigned on Friday 14 March 2025.", dateline) == "Friday 14 March 2025"
    # A day and month near the turn of the year are in the year nearest the article's date.
    assert dates_named("The port shut on 28 December.", "2026-01-03")[0].day.isoformat() == "2025-12-28"
    # A day beside a verb of speech dates the speaking: it tells a claim's date of speaking only.
    spoken = dates_named("The campaign is ahead of schedule, the ministry said yesterday.", "2026-05-12")
    assert (
        dates_told("The ministry announced on 11 May that the campaign was ahead.", spoken)
        == "Monday 11 May 2026"
    )
    # The false-positive side: another day, another year, a count of the day's number, a date the
    # text writes out whole (its own year), or no known article date tell nothing.
    assert dates_told("Averlach hit 31.4C on Wednesday 10 June.", yesterday) == ""
    assert dates_told("He resigned on 14 March 2024.", dateline) == ""
    assert dates_told("He resigned on Thursday 14 March 2025.", dateline) == ""  # 14 March 2025 was a Friday
    assert dates_told("The campaign got under way on 11 May.", spoken) == ""
    assert dates_told("11 people were treated for heat exhaustion.", yesterday) == ""
    assert dates_named("The port shut on 28 December 2024.", "2026-01-03") == []
    assert dates_named("The port shut yesterday.", None) == []


def test_a_month_shortened_beside_its_day_is_spelled_out():
    assert words("subsidies cut on Feb. 1") == words("subsidies cut on February 1")
    assert words("on 14 Sept 2025") == ["on", "14", "september", "2025"]
    # Not without a day: "Jan" is a name, "Mar" a word, unless a day stands beside them.
    assert (
        spelled_months("Jan Keller said Mar del Plata was flooded")
        == "Jan Keller said Mar del Plata was flooded"
    )


def test_a_weekday_standing_alone_tells_the_day_before_or_after_its_article():
    """ "Kelby Magistrates' Court, Friday." in an article of Monday 13 October 2025 is Friday 10
    October (or, for what is still to come, Friday 17); "last" and "next" say which."""
    friday = dates_named(
        "Kelby Magistrates' Court, Friday. Dario Venn, 31, admitted the offence.", "2025-10-13"
    )
    assert dates_told("Venn appeared in court on Friday 10 October 2025.", friday) == "Friday 10 October 2025"
    assert [d.day.isoformat() for d in dates_named("It happened last Monday.", "2025-10-13")] == [
        "2025-10-06"
    ]
    assert [d.day.isoformat() for d in dates_named("They meet next Friday.", "2025-10-13")] == ["2025-10-17"]
    # The false-positive sides: another weekday, a week further off, and a weekday opening a date
    # written out (the date is read, not the weekday's week either side).
    assert dates_told("Venn appeared in court on Thursday 9 October 2025.", friday) == ""
    assert dates_told("Venn appeared in court on Friday 3 October 2025.", friday) == ""
    written = dates_named("On Friday 10 October the court sat late.", "2025-10-13")
    assert [d.day.isoformat() for d in written] == ["2025-10-10"]
