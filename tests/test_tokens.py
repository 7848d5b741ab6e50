"""The tokens of a text, on their own: numbers in any form, names, initials, times and dates (each rule
with the case it was written for and a false positive)."""

from __future__ import annotations

import pytest

from rag.tokens import initials, is_date_part, is_ordinal_word, number_keys, runs, tokens


@pytest.mark.fast
def test_one_as_a_pronoun_is_not_a_count_and_compound_number_words_are():
    kinds = {t.text: t.kind for t in tokens("Pakistan will never be the one to start a war.")}
    assert kinds["one"] == "word"
    assert [t.kind for t in tokens("He was one of them.") if t.text == "one"] == ["word"]
    # The false-positive side: a count stays a count.
    assert [
        t.key for t in tokens("One soldier died and Seventy-six yachts sailed.") if t.kind == "number"
    ] == [
        "1",
        "76",
    ]


@pytest.mark.fast
def test_a_number_word_joined_to_what_it_counts_is_its_number():
    def values(text):
        return [(t.text, t.key) for t in tokens(text) if t.kind == "number"]

    assert values("His seven-year reign ended.") == [("seven-year", "7")]
    assert values("A three-day strike and a 3-day strike.") == [("three-day", "3"), ("3-day", "3")]
    # A number of two words joins on what it counts too: "seventy-three-year-old" is "73-year-old".
    assert values("A seventy-three-year-old man and a forty-five-minute wait.") == [
        ("seventy-three-year-old", "73"),
        ("forty-five-minute", "45"),
    ]
    # The false-positive side: a fraction or a compound word is no count, nor two numbers in a row.
    assert values("Two-thirds of voters bought second-hand cars.") == []
    assert values("It rang twenty-three-three times.") == []


@pytest.mark.fast
def test_a_vote_tally_is_one_value_however_it_is_told():
    def values(text):
        return [t.key for t in tokens(text) if t.kind == "number"]

    assert values("The committee backed it by seven votes to two.") == ["7-2"]
    assert values("Councillors backed it by 31 votes to 18, with two abstentions.") == ["31-18", "2"]
    assert values("It passed by 31 votes to 18.") == ["31-18"]
    assert values("The committee voted 7-2 to back it.") == ["7-2"]
    assert values("The committee voted on Monday night, seven to two, to back it.") == ["7-2"]
    assert values("It was backed in a 7-2 vote.") == ["7-2"]
    assert values("The council approved it, voting 31 to 18, with two abstentions.") == ["31-18", "2"]
    # The false-positive sides: a range, a score and two candidates' vote counts stay two numbers.
    assert values("The board voted to cut the flow from five to two cubic metres.") == ["5", "2"]
    assert values("Rovers won 3-1 on Saturday.") == ["3", "1"]
    assert values("Marrin received 9,874 votes to 9,855 for Holt.") == ["9874", "9855"]
    assert values("Marrin won 12,874 votes to 9 spoilt ballots.") == ["12874", "9"]
    assert values("Turnout among those voting 18 to 24-year-olds rose.") == ["18", "24"]


@pytest.mark.fast
@pytest.mark.parametrize(
    "text, values",
    [
        # A currency's letters glued to its figure are left out, as "$" is: the figure stays whole.
        ("a payment of Cr1,200 per worker", [("1,200", "1200")]),
        ("a fee of K25,000 a year", [("25,000", "25000")]),
        ("a prize of K150m", [("150", "150")]),
        ("a loss of Rs2.5bn", [("2.5", "2.5")]),
        ("shares closed at Cr18.40", [("18.40", "18.40")]),
        ("paid $1,200 each", [("1,200", "1200")]),
        # The false-positive side: a code of letters and digits is one name, no figure.
        ("the R7 coast road", []),
        ("a B52 bomber at the G20 summit", []),
        ("an AK47 and a K9 unit", []),
    ],
)
def test_a_currency_glued_to_its_figure_leaves_the_figure_whole(text, values):
    assert [(t.text, t.key) for t in tokens(text) if t.kind == "number"] == values
    assert not any(t.text in ("Cr", "K", "Rs", "Cr1", "K25") for t in tokens(text))


@pytest.mark.fast
def test_a_time_stamp_with_seconds_is_one_value():
    def values(text):
        return [t.key for t in tokens(text) if t.kind == "number"]

    # A transcript's "[12:00:27]" is no 12 and no 27 a claim's figure could meet; a race time is one.
    assert values("[12:00:27] PRESENTER: Nine people were hurt.") == ["12:00:27", "9"]
    assert values("[07:01:02] She finished in 2:03:45.") == ["7:01:02", "2:03:45"]
    # The false-positive side: a clock time and a score stay as they were.
    assert values("At 07:15 the score was 88:83.") == ["7:15", "88", "83"]


@pytest.mark.fast
def test_initials_of_an_articles_names_count_as_the_name():
    assert {"US", "USAF"} <= initials("The United States Air Force dropped the bomb.")
    assert "UN" in initials("A United Nations report")
    # The false-positive side: one capitalised word, or a sentence opener, gives no initials.
    assert initials("Police said The report was late.") == set()


@pytest.mark.fast
def test_a_pronoun_opening_a_sentence_is_no_name():
    kinds = {t.text: t.kind for t in tokens("Our first engine reached the market at 2:48. My crew saw it.")}
    assert kinds["Our"] == kinds["My"] == "word"
    # The false-positive side: a name that starts like a pronoun, and the rest of a group's name.
    kinds = {t.text: t.kind for t in tokens("Ourense fans and the group Our Island Too marched.")}
    assert kinds["Ourense"] == kinds["Island"] == "name"


@pytest.mark.fast
def test_a_contracted_word_opening_a_sentence_is_no_name():
    kinds = {t.text: t.kind for t in tokens("It's the money. We're ready. Don't wait for Kavan's plan.")}
    assert kinds["It's"] == kinds["We're"] == kinds["Don't"] == "word"
    assert kinds["Kavan's"] == "name"  # the false-positive side: a name's possessive is a name


@pytest.mark.fast
def test_a_preposition_opening_a_sentence_is_no_name():
    kinds = {t.text: t.kind for t in tokens("Across the valley, Kavan spoke. Amid the floods, Brede voted.")}
    assert kinds["Across"] == kinds["Amid"] == "word"
    assert kinds["Kavan"] == kinds["Brede"] == "name"  # the false-positive side: the names after them


@pytest.mark.fast
@pytest.mark.parametrize(
    "text, keys",
    [
        ("a fine of half a million lira", ["500000"]),  # as "500,000"
        ("a quarter of a million in prize money", ["250000"]),
        ("a dozen countries", ["12"]),
        ("half a dozen eggs", ["6"]),
        ("Two dozen of the dogs", ["24"]),  # as "24 of the dogs", not the "2" of "two"
        ("three dozen eggs", ["36"]),
        ("dozens of people", []),  # no count: the false-positive side
        ("by half a percentage point", ["0.5"]),  # sized by its unit, as "50 basis points"
        ("three quarters of an hour", ["0.75"]),
        ("barred for half a decade", ["0.5"]),  # five years, by its unit
        # no share of one: a part of something, a half of a match, a time of day
        ("half the money", []),
        ("a quarter of the budget", []),
        ("in the second half of a tense match", ["2"]),
        ("a quarter past nine", ["9:15"]),  # a time of day, no share of one
        ("for half a season", []),  # no unit to size it: no value to find
    ],
)
def test_a_share_of_one_and_a_dozen_are_numbers(text, keys):
    assert [t.key for t in tokens(text) if t.kind == "number"] == keys


@pytest.mark.fast
@pytest.mark.parametrize(
    "text, dated",
    [
        ("The campaign began on 4 May.", True),  # "may" is a stopword: the month was lost
        ("It opened on May 4, 2026.", True),
        ("In May 2024 the plant closed.", True),
        ("on the 4th of May", True),
        ("Work starts in May.", True),
        # the verb, a name, a question: no month
        ("It may rain in the hills.", False),
        ("Theresa May said the talks would go on.", False),
        ("May I ask a question?", False),
    ],
)
def test_may_is_a_month_beside_a_day_a_year_or_a_word_of_time(text, dated):
    assert any(t.kind == "date" and t.key == "may" for t in tokens(text)) is dated


@pytest.mark.fast
@pytest.mark.parametrize(
    "text, key",
    [
        ("Crews stopped work at six o'clock on Monday morning.", "6:00"),
        ("The ferry left at a quarter past nine in the evening.", "21:15"),
        ("The ferry left at 9.15pm.", "21:15"),
        ("Polls opened at 7 a.m.", "7:00"),
        ("The meeting began at half past two in the afternoon.", "14:30"),
        ("The results came at midnight.", "0:00"),
        ("The results came at 12 noon.", "12:00"),
    ],
)
def test_a_time_told_in_words_is_keyed_as_a_clock(text, key):
    assert [t.key for t in tokens(text) if t.kind == "number"] == [key]


@pytest.mark.fast
def test_decimals_and_ordinals_read_aloud_are_the_numbers_written_in_figures():
    """A radio bulletin's "two-point-four million" is the "2.4 million" of print, and its
    "hundred-and-twelfth minute" the "112th minute"."""

    def numbers(text: str) -> list[str]:
        return [t.key for t in tokens(text) if t.kind == "number"]

    assert numbers("He took two-point-four million dinars in bribes.") == numbers(
        "He took 2.4 million dinars."
    )
    assert numbers("Inflation fell to nought point eight per cent.") == ["0.8"]
    assert numbers("Growth was seven point five percent.") == ["7.5"]
    assert numbers("Ravi scored in the hundred-and-twelfth minute.") == numbers(
        "Ravi scored in the 112th minute."
    )
    assert numbers("It came in the one hundred and twelfth minute.") == ["112"]
    assert numbers("A hundred and five people were rescued.") == ["105"]
    assert is_ordinal_word("hundred-and-twelfth") and not is_ordinal_word("a hundred and five")
    # The false-positive side: "point" and "hundred" in their other uses are no numbers.
    assert numbers("The point is that two of them left.") == ["2"]
    assert numbers("Hundreds of people marched.") == []
    assert numbers("The Hundred Years War ended in 1453.") == ["1453"]


@pytest.mark.fast
def test_a_time_with_am_or_pm_leaves_the_sentences_full_stop():
    # "by 6am." shows "6am" as the draft's value, not "6am." (a reason read "not 6am. (in ...").
    assert [(t.text, t.key) for t in tokens("Crews had it under control by 6am.") if t.kind == "number"] == [
        ("6am", "6:00")
    ]
    # The false-positive side: "a.m." keeps its own full stops, whether a sentence ends there or not.
    assert [t.text for t in tokens("They met at 6 a.m. on Monday.") if t.kind == "number"] == ["6 a.m."]
    assert [t.text for t in tokens("The ferry left at 9.15 p.m.") if t.kind == "number"] == ["9.15 p.m."]


@pytest.mark.fast
def test_number_keys_are_the_digits_of_every_number_in_any_form():
    assert number_keys("six years, not 4, for 1,400 zorins") == {"6", "4", "1400"}
    assert number_keys("the Brenna Court flats") == set()


@pytest.mark.fast
@pytest.mark.parametrize(
    "text, number, dated",
    [
        # A date before a number across a comma has ended, when no date follows the number.
        ("By 14 October, 214 cases had been confirmed.", "214", False),
        ("It resumes on 14 April, two years after it stopped.", "two", False),
        ("On 1 September, 187 millimetres of rain fell.", "187", False),
        # The false-positive side: a day between a weekday and its month, a year after a comma,
        # and a day beside its month are dates.
        ("It opens on Saturday, 8 November.", "8", True),
        ("It opened on 5 May, 2025, after a delay.", "2025", True),
        ("By October 14, 214 cases had been confirmed.", "14", True),
        ("On 14 October 214 cases had been confirmed.", "214", True),
    ],
)
def test_a_number_after_a_dates_comma_is_no_day_of_it(text, number, dated):
    side = tokens(text)
    i = next(n for n, t in enumerate(side) if t.text == number)
    assert is_date_part(side, i) is dated


@pytest.mark.fast
@pytest.mark.parametrize(
    "text, number, dated",
    [
        # A day written as an ordinal is a day of the month after it, "of" or not.
        ("The rota starts on Saturday the 6th of June.", "6", True),
        ("On the 23rd of May, 40 staff walked out.", "23", True),
        ("Talks resume on Monday 3rd May.", "3", True),
        ("It opened on the 1st of Oct. after a delay.", "1", True),
        # The false-positive side: an ordinal of a count, of something else, or before a weekday.
        ("The 3rd of the 4 boats sank.", "3", False),
        ("She finished 5th of 6 teams in June.", "5", False),
        ("It is due on the 2nd of next month.", "2", False),
        ("The 4th Saturday of the season was wet.", "4", False),
    ],
)
def test_an_ordinal_day_is_a_day_of_the_month_it_names(text, number, dated):
    side = tokens(text)
    i = next(n for n, t in enumerate(side) if t.text == number)
    assert is_date_part(side, i) is dated


@pytest.mark.fast
@pytest.mark.parametrize(
    "text, expected",
    [
        # A day's ordinal and its month are one date, as "7 July" is.
        ("The lock reopens on Monday the 7th of July.", [["Monday"], ["7", "July"]]),
        ("It opens on 3rd May, 2027.", [["3", "May", "2027"]]),
        # The false-positive side: an ordinal of a count, and a count after a date's comma.
        ("The 3rd of the 4 boats sank.", [["3"], ["4"]]),
        ("On the 23rd of May, 40 staff walked out.", [["23", "May"], ["40"]]),
    ],
)
def test_a_day_written_as_an_ordinal_runs_to_its_month(text, expected):
    assert [[t.text for t in run] for run in runs(tokens(text))] == expected


@pytest.mark.fast
def test_a_clips_cue_word_is_no_name():
    """ "[01:14] SOT - BRASK: ..." names the brigadier, not somebody called SOT."""
    kinds = {
        t.text: t.kind
        for t in tokens("[01:14] SOT - BRASK: The rain was our main enemy. [CLIP: QUELL, mayor]")
    }
    assert kinds["SOT"] == "word" and kinds["CLIP"] == "word"
    assert kinds["BRASK"] == "name" and kinds["QUELL"] == "name"
    # The false-positive side: a name that happens to be the word, capitalised as names are.
    assert {t.text: t.kind for t in tokens("Clip Holdings bought the mill.")}["Clip"] == "name"
