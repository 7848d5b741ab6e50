"""The figures a sentence gives, on their own: what each counts, its form, its units, shares and figures
told roughly or in other words (each heuristic with the case it was written for and a false positive)."""

from __future__ import annotations

import pytest

from rag.figures import (
    converted_measures,
    figure_form,
    figures,
    figures_as_given,
    figures_at_other_scales,
    margins_given,
    measured_alike,
    measures_otherwise,
    percentages_in_words,
    share_counts_given,
    shares,
    shares_given,
    sum_or_share,
    unit_words,
    values_not_given,
    words_near,
)
from rag.tokens import stated_values, tokens


@pytest.mark.fast
def test_an_ordinal_counts_only_against_an_ordinal():
    """ "the 71st minute" ranks a minute: no figure of "20 minutes to go", but one of "the 69th minute"."""
    ranked = figures(tokens("Hejl was sent off in the 71st minute after a second yellow card."))
    left = figures(tokens("Hejl was sent off with almost 20 minutes to go."))
    other_rank = figures(tokens("Hejl was sent off in the 69th minute."))
    (_, _, minute), *_ = [f for f in ranked if f[0] == "71"]
    assert not any(minute & counted for key, _, counted in left if key == "20")
    assert any(minute & counted for key, _, counted in other_rank if key == "69")


@pytest.mark.fast
def test_a_figure_has_a_form_a_score_a_share_money_or_a_measure():
    def forms(text):
        return [figure_form(text, t) for t in tokens(text) if t.kind == "number"]

    assert forms("Rovers won 2-1 at home") == ["score", "score"]  # two numbers, as with a dash
    assert forms("Rovers won 2 – 1 at home") == ["score", "score"]
    assert forms("Turnout was 61.4% and 58 per cent") == ["share", "share"]
    assert forms("a £54m sale and ORV 85,000 raised, or 54 million pounds") == ["money", "money", "money"]
    assert forms("three minutes from the end of a 60-day trial, 4 km away") == ["time", "time", "length"]
    # The false-positive side: counts, dates, ages and bare numbers have no form of their own.
    assert forms("5,000 people and a crowd of 18,500 on Sept. 13") == ["", "", ""]
    assert forms("a 60-year-old man with 3 UK passports") == ["time", ""]
    assert forms("some 40 km2 in 12 districts") == ["", ""]


@pytest.mark.fast
def test_a_number_in_hyphenated_words_counts_what_follows_it():
    assert figures(tokens("Forty-one vessels were waiting at anchor.")) == [
        ("41", "Forty-one", {"vessel", "wait"})
    ]
    # The false-positive side: a number joined to a word is an age or a rank of that word.
    assert figures(tokens("a 15-year-old boy")) == [("15", "15-year", {"year"})]
    assert figures(tokens("the fifth-largest city")) == [("5", "fifth-largest", {"#largest"})]


@pytest.mark.fast
def test_figures_in_one_unit_measure_the_same_thing_only_with_a_word_in_common():
    length = tokens("The canoe, carved from a single oak trunk, is 11.4 metres long.")
    depth = tokens("The divers found it lying seven metres down in the lake.")
    assert not measured_alike(length, "11.4", depth, "7")
    # The false-positive side: the same measure in other words around it.
    deeper = tokens("They found it lying 12 metres down, near the shore.")
    assert measured_alike(depth, "7", deeper, "12")
    # Money in one currency: the code is no word in common.
    price = tokens("a price that values the company at VSC 4.8 billion")
    borrowing = tokens("analysts questioned the VSC 3 billion of new borrowing")
    assert not measured_alike(price, "4.8", borrowing, "3")
    assert measured_alike(price, "4.8", tokens("Ostrix: the company is valued at VSC 5 billion"), "5")


@pytest.mark.fast
def test_the_words_near_a_figure_stay_within_its_clause():
    def near(text: str, key: str) -> set[str]:
        return words_near(text, tokens(text), key)

    # What the sum is for, beside it.
    assert {"invest", "network"} <= near(
        "Ostra said it would invest 300 million pesos in its network.", "300"
    )
    # The false-positive side: a word of the clause before is not what the sum is for, even when
    # the words dropped between them bring it within reach.
    assert "financ" not in near(
        "Ostra, which sells consumer finance, said it would invest 300 million pesos.", "300"
    )
    assert "lost" in near(
        "a net loss of 52.1 million kroner, an improvement on the 97.4 million it lost", "97.4"
    )
    assert "loss" not in near(
        "a net loss of 52.1 million kroner, an improvement on the 97.4 million it lost", "97.4"
    )


@pytest.mark.fast
def test_a_word_that_only_ever_follows_a_figure_is_a_unit():
    sides = [
        tokens("He took 2.4 million zorins in bribes."),
        tokens("The average wage was 1,400 zorins, and 300 passengers were stranded."),
    ]
    assert "zorin" in unit_words(sides)
    # The false-positive side: a word also standing alone is what a figure counts.
    sides.append(tokens("The chief executive apologised to passengers."))
    assert "passeng" not in unit_words(sides) and "zorin" in unit_words(sides)


@pytest.mark.fast
def test_a_share_in_words_is_given_by_a_percentage_or_the_same_share():
    """A claim's "keep a quarter of Chaski" is what "retain a 25 per cent holding" says; "more than four in
    five" what "83 per cent" says."""
    assert shares("More than four in five of the cases") == [(80.0, "above")]
    assert shares("two-thirds of the seats") == [(pytest.approx(66.67, abs=0.01), None)]
    assert shares_given(
        "The fund will keep a quarter of Kesta Telecom.", "The fund will retain a 25 per cent holding."
    )
    assert shares_given("More than four in five of the cases", "About 83 per cent of the cases")
    assert shares_given("roughly one in three patients", "about a third of the patients")
    assert shares_given("The plant was about three-tenths built.", "only around 30 per cent of the works")
    assert shares_given("A claim with no share in words, 25 per cent of it.", "nothing of the kind")
    # The false-positive side: another share, the wrong side of a rough one, or no share given.
    assert not shares_given("The fund will keep a quarter of Kesta Telecom.", "The buyer takes a 60% stake.")
    assert not shares_given("More than four in five of the cases", "78 per cent of the cases")
    assert not shares_given(
        "The fund will keep a quarter of Kesta Telecom.", "The fund will keep some shares."
    )
    # Not shares: an ordinal, a number with its scale, a time of day, a period.
    for text in (
        "A third case was confirmed.",
        "a quarter of a million people",
        "a quarter past nine",
        "in the first half of 2025",
        "a half-life of 22 minutes",
        "a quarter point cut",
        "after a day and a half of talks",
    ):
        assert shares(text) == [], text


@pytest.mark.fast
def test_a_share_told_out_of_is_the_same_share_told_in():
    """A wire's "Four out of five passenger trains cancelled" gives a claim's "four in five"; either
    way round, and against a percentage."""
    assert shares("Four out of five passenger trains cancelled today.") == [(80.0, None)]
    assert shares_given("Four in five passenger trains were cancelled.", "Four out of five trains cancelled.")
    assert shares_given("Nearly two out of three voters backed it.", "64 per cent of voters backed it.")
    # The false-positive side: another share told "out of" gives nothing, nor does a count of five.
    assert not shares_given("Four in five trains were cancelled.", "Two out of five trains were cancelled.")
    assert not shares_given(
        "Four out of five trains were cancelled.", "Four trains of the 90 were cancelled."
    )
    assert shares("He scored four out of the five goals.") == []


@pytest.mark.fast
def test_the_counts_of_a_share_in_words_are_given_by_the_share():
    """ "More than nine in ten members backed the walkout" is what "91 per cent voting in favour"
    says: its nine and ten count nothing, so a text giving the share gives them (the check had
    found the claim lacking both figures)."""
    claim = "More than nine in ten members backed the walkout."
    text = "Members backed the walkout, with 91 per cent voting in favour."
    assert share_counts_given(claim, text) == {"9", "10"}
    assert values_not_given(claim, stated_values(tokens(claim)), text) == set()
    trains = "Four out of five trains ran."
    assert share_counts_given(trains, "Four out of five trains ran on time.") == {"4", "5"}
    # The false-positive sides: another share leaves both figures lacking; a share in words with
    # no figures ("two-thirds") has none to give; other counts of the claim are still asked for.
    other = "Seven in ten members backed the walkout."
    assert share_counts_given(other, text) == set()
    assert values_not_given(other, stated_values(tokens(other)), text) == {"7", "10"}
    assert share_counts_given("Two-thirds of members backed it.", "66 per cent backed it.") == set()
    counted = "Nine in ten of the 400 members backed the walkout."
    assert values_not_given(counted, stated_values(tokens(counted)), text) == {"400"}


@pytest.mark.fast
def test_another_part_of_the_claims_whole_gives_no_share():
    """ "guilty on three of the four counts against him, two of embezzlement and one of false
    accounting" holds "two" and "four", so "two of the four charges" had been read as stated."""
    court = "The court found him guilty on three of the four counts, two of fraud and one of theft."
    assert not shares_given("He was found guilty on two of the four charges he faced.", court)
    assert shares_given("He was found guilty on three of the four charges he faced.", court)
    # The false-positive side: the whole given otherwise, or one picked out of it.
    posts = "The ward has nine midwife posts, but only four of them are currently filled."
    assert shares_given("Just four of the nine midwife posts are filled.", posts)
    assert shares_given(
        "Two of the five suspects were freed.", "Police held five men; two of the five were freed."
    )


@pytest.mark.fast
def test_a_claims_figures_are_put_in_the_words_the_text_gives_them_in():
    """The judging model compares words: it reads "thirty-six hours of talks" as no "day and a half"
    of them, so it is given the claim in the text's figures, where the value tests hold them equal."""
    assert (
        figures_as_given(
            "Negotiators talked for a day and a half.", "after thirty-six hours of non-stop talks"
        )
        == "Negotiators talked for thirty-six hours."
    )
    assert (
        figures_as_given("Over six hundred houses were lost.", "Houses destroyed: 610")
        == "Over 610 houses were lost."
    )
    assert (
        figures_as_given("Thirty-eight fire engines went.", "38 fire engines were sent")
        == "38 fire engines went."
    )
    assert figures_as_given("It cost a quarter of a billion marks.", "It cost 250 million marks.") == (
        "It cost 250 million marks."
    )
    assert figures_as_given("a two-day strike", "a 48-hour strike") == "a 48-hour strike"
    # A unit hyphened to the number stays with the text's digits: "a 12-year sentence", not "a 12
    # sentence", which drops what the twelve counts.
    assert figures_as_given(
        "He is serving a twelve-year sentence.", "He is serving 12 years, upheld on appeal."
    ) == ("He is serving a 12-year sentence.")
    # The false-positive side: a figure of something else with the same digits, another figure,
    # a rough figure beyond its rounding, and digits the text writes in digits stay as written.
    assert (
        figures_as_given(
            "He was jailed for seven years.",
            "Ref: DPP/2025/07 | Released Thursday. Sentence: nine (9) years.",
        )
        == "He was jailed for seven years."
    )
    assert figures_as_given("Twenty people were hurt.", "21 people were hurt.") == "Twenty people were hurt."
    assert figures_as_given("Three sites shut.", "three sites shut") == "Three sites shut."  # the same words
    assert (
        figures_as_given("Over six hundred houses were lost.", "540 houses")
        == "Over six hundred houses were lost."
    )
    assert figures_as_given("On the 24th of March, 94 votes.", "On 24 March, 94 votes.") == (
        "On the 24th of March, 94 votes."
    )
    assert figures_as_given("Talks ran for a day and a half.", "after 48 hours of talks") == (
        "Talks ran for a day and a half."
    )


@pytest.mark.fast
@pytest.mark.parametrize(
    "claim, text, read",
    [
        # A length in two units is put whole: never "a year and nineteen months".
        (
            "It opened a year and seven months later than planned.",
            "It opened nineteen months later than planned.",
            "It opened nineteen months later than planned.",
        ),
        (
            "He was jailed for five years and four months.",
            "a term of 64 months",
            "He was jailed for 64 months.",
        ),
        # The model reads "1,200 crowns" as no "twelve hundred crowns" (0.36; 0.71 in its words).
        (
            "Each worker gets a one-off payment of 1,200 crowns.",
            "plus a one-off payment of twelve hundred crowns each",
            "Each worker gets a one-off payment of twelve hundred crowns.",
        ),
        (
            "The plant employs 340 people.",
            "Three hundred and forty people work there.",
            "The plant employs three hundred and forty people.",
        ),
        (
            "On the 24th of March, 94 votes.",
            "On 24 March, ninety-four votes.",
            "On the 24th of March, ninety-four votes.",
        ),
        # The false-positive side: a day of a date, a score, an ordinal, a count joined to its unit,
        # another number and digits against digits stay as the claim writes them.
        (
            "The notice was lifted on 2 March.",
            "The notice was lifted on the second of March.",
            "The notice was lifted on 2 March.",
        ),
        ("Rovers won 2-1 in the final.", "Rovers won two-one in the final.", "Rovers won 2-1 in the final."),
        ("He was jailed for 14 months.", "He got a fourteen-month sentence.", "He was jailed for 14 months."),
        (
            "The plant employs 340 people.",
            "Three hundred and ten people work there.",
            "The plant employs 340 people.",
        ),
        ("The plant employs 340 people.", "340 people work there.", "The plant employs 340 people."),
    ],
)
def test_a_figure_in_digits_is_read_in_the_words_the_text_gives_the_same_count_in(claim, text, read):
    assert figures_as_given(claim, text) == read


@pytest.mark.fast
@pytest.mark.parametrize(
    "claim,text,converted",
    [
        ("It opened a year and seven months late.", "It opened nineteen months later than planned.", {"7"}),
        ("He was jailed for five years and four months.", "He was jailed for 64 months.", {"5", "4"}),
        ("It opened nineteen months late.", "It opened a year and seven months late.", {"19"}),
        ("The strike lasted two days and 21 hours.", "The 69-hour strike is over.", {"2", "21"}),
        # The false-positive side: another length, or one of the two units alone, is not it.
        ("It took two years and eight months.", "It took 30 months.", set()),
        ("It opened seven months late.", "It opened a year and seven months late.", set()),
        ("It opened a year late.", "It opened a year and seven months late.", set()),
    ],
)
def test_a_length_told_in_two_units_is_one_measure(claim, text, converted):
    """ "a year and seven months" is nineteen months: the check had contradicted the seven with the
    article's nineteen."""
    assert converted_measures(claim, text) == converted


@pytest.mark.fast
def test_a_measure_whose_number_the_text_gives_in_another_unit_is_told_otherwise():
    """ "within six months" where the text says "within six weeks": the six is there, the measure
    is not."""
    assert measures_otherwise("Images are expected within six months.", "Images within six weeks.") == {"6"}
    assert measures_otherwise(
        "The trial lasted seven months.", "The seven-week trial heard 42 witnesses."
    ) == {"7"}
    # The false-positive side: the same measure converted, or given in the claim's unit too, or
    # the number counting something with no unit, is no other measure.
    assert measures_otherwise("The strike lasted two months.", "The strike lasted 60 days.") == set()
    assert measures_otherwise("Within six months.", "Within six weeks, or six months at worst.") == set()
    assert measures_otherwise("Six people were hurt.", "Six weeks later, six people were hurt.") == set()


@pytest.mark.fast
def test_a_votes_margin_is_the_difference_of_the_tally_the_text_gives():
    """ "defeated by a margin of five votes" against "defeated by 28 votes to 23": the five is
    there, as the tally's difference (the check had contradicted it with the 28), and the judging
    model reads the tally beside it."""
    text = "An amendment calling for an independent review of the costs was defeated by 28 votes to 23."
    for claim in (
        "The amendment was defeated by a margin of five votes.",
        "The amendment was defeated by five votes.",
        "The amendment was defeated by a majority of five.",
    ):
        assert margins_given(claim, text) == {"5": "28 votes to 23"}, claim
    assert margins_given("It passed with a majority of fourteen votes.", "It passed 31-17.") == {
        "14": "31-17"
    }
    assert figures_as_given("The amendment was defeated by a margin of five votes.", text) == (
        "The amendment was defeated by a margin of five votes (28 votes to 23)."
    )
    # The false-positive sides: another margin, a tally in the claim, and a figure "by" which
    # something rose are no margin of the tally.
    assert margins_given("The amendment was defeated by a margin of six votes.", text) == {}
    assert margins_given("The amendment was defeated by 28 votes to 23.", text) == {}
    assert margins_given("Costs rose by five percent.", text) == {}
    assert (
        margins_given(
            "The board backed it by five votes to two.", "The board backed it by seven votes to two."
        )
        == {}
    )


@pytest.mark.fast
@pytest.mark.parametrize(
    "claim, window, lacking",
    [
        ("shut for no longer than a year and a half", "closed for no more than eighteen months", set()),
        ("has spent more than three decades at the plant", "has worked here for thirty-one years", set()),
        ("the fund holds 2 million", "the fund holds two million", set()),
        # The false-positive side: another length or figure is not the claim's in other words.
        ("shut for no longer than a year and a half", "closed for no more than eighteen weeks", {"1.5"}),
        ("has spent more than three decades at the plant", "has worked here for twenty-one years", {"3"}),
        ("the fund holds 2 million", "the fund holds three million", {"2"}),
    ],
)
def test_values_a_window_gives_in_other_words_are_its_own(claim, window, lacking):
    assert values_not_given(claim, stated_values(tokens(claim)), window) == lacking


@pytest.mark.fast
@pytest.mark.parametrize(
    "claim, window, lacking",
    [
        # A day of the month gives no count of the claim's ...
        (
            "The authority is giving the hospital 5 million talen.",
            "It is giving the hospital three million talen, starting Saturday the 5th of June.",
            {"5"},
        ),
        ("Five climbers were rescued.", "Three climbers were rescued on the 5th of June.", {"5"}),
        # ... while a count beside a day, and a day the claim gives as one, are given.
        ("Five climbers were rescued.", "On 5 June, five climbers were rescued.", set()),
        ("The hearing ends on the 5th of June.", "The hearing ends on June 5.", set()),
        ("The fund holds 5 million.", "The fund, set up on the 5th of May, holds 5 million.", set()),
        (
            "Pensions rise by 4.5 percent at the start of 2025.",
            "Pensions rise by 4.5% on 1 January 2025.",
            set(),
        ),
    ],
)
def test_a_day_of_the_month_gives_no_count(claim, window, lacking):
    assert values_not_given(claim, stated_values(tokens(claim)), window) == lacking


@pytest.mark.fast
@pytest.mark.parametrize(
    "text, figure, sized",
    [
        ("a price tag of 218 million crowns", "218", True),
        ("the province pays 60 percent", "60", True),
        ("turnout rose 12 pct", "12", True),
        ("a cut of 0.25 of a per cent", "0.25", True),
        ("a cut of 0.25 percentage points", "0.25", True),
        ("a 1.1bn-lira deal", "1.1", True),
        # The false-positive side: a tally, a count or a figure before another word is neither.
        ("approved by 28 votes to 23", "28 votes to 23", False),
        ("with 9 of the 11 wardens voting in favour", "9", False),
        ("a hall of 60 seats, percentages aside", "60", False),
        ("room 12 patients", "12", False),
    ],
)
def test_a_figure_followed_by_a_scale_or_a_percentage_is_a_sum_or_a_share(text, figure, sized):
    token = next(t for t in tokens(text) if t.text.startswith(figure))
    assert sum_or_share(text, token) is sized


@pytest.mark.fast
@pytest.mark.parametrize(
    "claim, text, keys",
    [
        ("a price tag of 1,450 million tallen", "costed at 1.45 billion tallen", {"1450"}),
        ("a price tag of 1,450 million tallen", "Total capital cost: ZTL 1,450,000,000", {"1450"}),
        ("revenue of 3 million crowns", "revenue of 3,000,000 crowns", {"3"}),
        # The false-positive side: no scale word, the same form, another sum, a rank or a day.
        ("revenue of 3 million crowns", "revenue of 3.1 billion crowns", set()),
        ("revenue of 3 million crowns", "revenue of 3 million crowns", set()),
        ("rose 9 percent", "the ninth man", set()),
        ("on 2 October", "a second slide", set()),
        ("12 million people", "12,000 people", set()),
        ("a loss of 1.5 billion crowns", "a loss of 2 billion crowns", set()),
    ],
)
def test_a_figure_at_another_scale_is_the_claims_figure(claim, text, keys):
    assert figures_at_other_scales(claim, text) == keys


@pytest.mark.fast
@pytest.mark.parametrize(
    "claim, text, keys",
    [
        (
            "the goal is for 60 per cent of the workers to be hired locally",
            "six out of every ten of them",
            {"60"},
        ),
        ("80% of members backed the deal", "four in five members backed it", {"80"}),
        ("25 percent of the water is lost", "a quarter of the water never arrives", {"25"}),
        ("about 65 per cent of the vote", "two-thirds of the vote", {"65"}),
        # The false-positive side: another share, a time of day, a share told in digits, no share.
        ("70 per cent of the workers", "four out of five of them", set()),
        ("25 per cent of the water", "at a quarter past nine", set()),
        ("60 per cent of the workers", "60 per cent of them", set()),
        ("60 per cent of the workers", "six of the ten workers", set()),
    ],
)
def test_a_claims_percentage_may_be_a_share_told_in_words(claim, text, keys):
    assert percentages_in_words(claim, text) == keys


@pytest.mark.fast
def test_a_percentage_told_as_a_share_in_words_is_given_and_one_told_as_another_share_is_not():
    claim = "The authority wants 60 per cent of construction workers hired from the district."
    text = "Our target is that six out of every ten of them come from the district."
    assert values_not_given(claim, stated_values(tokens(claim)), text) == set()
    other = "The authority wants 75 per cent of construction workers hired from the district."
    assert values_not_given(other, stated_values(tokens(other)), text) == {"75"}
    # "out of every ten" is a share in words both ways: a claim telling it needs the text's share.
    assert shares_given("six out of every ten workers come from the district", "60 per cent of them")
    assert not shares_given("six out of every ten workers come from the district", "80 per cent of them")


@pytest.mark.fast
def test_the_judge_reads_a_percentage_in_the_words_of_the_texts_share():
    text = "Its target is that six out of every ten of them come from the district."
    claim = "The target is for 60 per cent of the workers to come from the district."
    assert (
        figures_as_given(claim, text)
        == "The target is for six out of every ten of the workers to come from the district."
    )
    # The false-positive side: another share stays as written.
    other = "The target is for 75 per cent of the workers to come from the district."
    assert figures_as_given(other, text) == other
