"""The values a sentence gives and how two sentences differ in them, on their own (each heuristic with
the case it was written for and a false positive)."""

from __future__ import annotations

import pytest

from rag.figures import (
    converted_measures,
    figures_as_given,
    figures_in_other_words,
    forms_apart,
    time_told_roughly,
)
from rag.tokens import is_loose_number, spelled_acronyms, tokens
from rag.values import (
    Differs,
    _without_wire_credit,
    absent_values,
    counts_alike,
    differing_direction,
    differing_movement,
    differing_value,
    doer_keys,
    names_another_doer,
    rounds_the_other,
    without_publication_stamp,
)


def _values(found) -> tuple[str, str] | None:
    """The draft's and the source's value of a difference found (None when none was)."""
    return None if found is None else (found.differs.draft, found.differs.source)


@pytest.mark.fast  # no model, no index
def test_differing_value_names_the_value_on_both_sides():
    found = differing_value(
        "Police walked the final 20 kilometres to reach the tourists.",
        "Police officers had to walk the final 12 kilometres to reach the stranded tourists.",
    )
    assert found is not None and (found.differs.draft, found.differs.source, found.differs.kind) == (
        "20",
        "12",
        "number",
    )
    dated = differing_value(
        "Putin held a telephone conversation with Pashinyan on September 22.",
        "Putin held a telephone conversation with Pashinyan on September 20.",
    )
    assert (dated.differs.draft, dated.differs.source, dated.differs.kind) == (
        "September 22",
        "September 20",
        "date",
    )


@pytest.mark.fast  # no model, no index
def test_differing_value_false_positives():
    # Same topic, another fact: two of the claim's values are missing, so it is another event.
    assert (
        differing_value(
            "Azerbaijan's military operation killed 200 people on September 19.",
            "Over 2,000 Karabakh Armenians took shelter on September 20.",
        )
        is None
    )
    # A name the sentence before gives ("he said") is no difference.
    assert (
        differing_value(
            "Peskov said the peacekeepers show real heroism.",
            "The peacekeepers show real heroism, he said.",
            context="Kremlin spokesman Dmitry Peskov spoke on Monday.",
        )
        is None
    )
    # Nothing differs at all.
    assert (
        differing_value("Russia has 5,000 troops in Armenia.", "Russia has 5,000 troops in Armenia.") is None
    )


BACKED = "The health board backed the Kessendrath expansion by seven votes to two on Tuesday."


@pytest.mark.fast
@pytest.mark.parametrize(
    "claim, source, differs",
    [
        # A vote's tally faces no sum: not the project's cost in another outlet's sentence.
        (
            BACKED,
            "The board's approval on Tuesday of the Kessendrath expansion puts its cost at 218 million crowns.",
            None,
        ),
        # The false-positive side: a tally still faces another tally or a bare count, a figure
        # another figure.
        (
            "The Council of Wardens approved the top-up by ten votes to one.",
            "The top-up was approved by the Council of Wardens, with 9 of the 11 wardens voting in favour.",
            ("ten votes to one", "9"),
        ),
        (
            BACKED,
            BACKED.replace("seven votes to two", "six votes to three"),
            ("seven votes to two", "six votes to three"),
        ),
        (
            "The Kessendrath expansion will cost 212 million crowns.",
            "The Kessendrath expansion will cost 218 million crowns.",
            ("212", "218"),
        ),
    ],
)
def test_a_vote_tally_differs_from_no_sum(claim, source, differs):
    found = differing_value(claim, source)
    assert ((found.differs.draft, found.differs.source) if found else None) == differs


@pytest.mark.fast  # no model, no index
def test_a_date_is_compared_with_the_date_of_the_same_month():
    found = differing_value(
        "Talks broke down after the December 18 raid on the parliament.",
        "Leaders will meet at the January 4-6 summit; talks broke down after the December 13 raid on the parliament.",
    )
    assert _values(found) == ("December 18", "December 13")


@pytest.mark.fast
def test_an_ordinal_is_compared_as_its_number():
    found = differing_value(
        "Lake Victoria is the fifth-largest lake in the world by area.",
        "Lake Victoria is the fourth-largest lake in the world by area.",
    )
    assert _values(found) == ("fifth-largest", "fourth-largest")
    assert [t.key for t in tokens("the twenty-first century, the 21st") if t.kind == "number"] == ["21", "21"]
    # The false-positive side: a hyphenated word that is no ordinal stays a word.
    assert [t.kind for t in tokens("a well-known second-hand shop")] == ["word", "word", "word"]
    assert differing_value("He came second in the race.", "He came second in the race.") is None


@pytest.mark.fast
def test_a_changed_number_must_count_the_same_thing():
    claim = "More than 6,000 Australian students took part in the survey."
    assert not counts_alike(
        claim,
        "The survey of 15-year-old Australian students was run by the OECD.",
        Differs("6,000", "15-year", "number"),
    )
    assert counts_alike(
        claim,
        "More than 5,000 Australian students took part in the survey.",
        Differs("6,000", "5,000", "number"),
    )


@pytest.mark.fast
@pytest.mark.parametrize(
    "claim, source, differs, alike",
    [
        # A rank is no count: "first sought" against a vote's tally.
        (
            "The council passed the tariff increase by 21 votes to 8.",
            "The council approved a 12% rise, short of the 19% increase first sought by the authority.",
            Differs("21 votes to 8", "first", "number"),
            False,
        ),
        (
            "Lund won the race in 3 hours.",
            "Lund finished first in the race.",
            Differs("3", "first", "number"),
            False,
        ),
        # The false-positive side: two ranks, in words or digits, and two counts.
        (
            "Lund finished third in the final.",
            "Lund finished second in the final.",
            Differs("third", "second", "number"),
            True,
        ),
        (
            "Lund finished 3rd in the final.",
            "Lund finished second in the final.",
            Differs("3", "second", "number"),
            True,
        ),
        (
            "Three people died in the crash.",
            "One person died in the crash.",
            Differs("Three", "One", "number"),
            True,
        ),
    ],
)
def test_a_rank_is_no_count_of_a_figure(claim, source, differs, alike):
    assert counts_alike(claim, source, differs) is alike


@pytest.mark.fast
def test_a_part_of_a_whole_counts_what_the_whole_counts():
    """ "Eleven of the Delta Transit Authority's 14 ferry routes" counts routes, not the authority
    named between, so "nine of its 14 ferry routes" gives the same count otherwise."""
    claim = "Eleven of the Delta Transit Authority's 14 ferry routes were suspended on Monday."
    assert counts_alike(
        claim,
        "The authority said nine of its 14 ferry routes were suspended.",
        Differs("Eleven", "nine", "number"),
    )
    # The false-positive sides: another thing of the same owner, and a part of no number, count
    # something else.
    assert not counts_alike(
        claim,
        "Nine of the Delta Transit Authority's 40 tram drivers were suspended.",
        Differs("Eleven", "Nine", "number"),
    )
    assert not counts_alike(
        claim,
        "Nine of the Delta Transit Authority staff were suspended.",
        Differs("Eleven", "Nine", "number"),
    )


@pytest.mark.fast
def test_two_sums_of_money_count_alike_and_figures_of_two_forms_never_do():
    fine = "The chemical plant was fined £72,500 at Harlow Crown Court over the leak."
    assert counts_alike(
        fine, "It was fined £27,500 and told to pay £9,000 in costs.", Differs("72,500", "27,500", "number")
    )
    # The false-positive sides: money is no head count, a goal three minutes from the end no final
    # score, a share no sum of money.
    assert not counts_alike(
        fine, "Some 27,500 people live within a mile of the plant.", Differs("72,500", "27,500", "number")
    )
    assert not counts_alike(
        "Dale scored three minutes from the end.", "Town won 2-1.", Differs("three", "2-1", "number")
    )
    assert not counts_alike(
        "Turnout was 54 per cent.", "The party spent £45 on leaflets.", Differs("54", "45", "number")
    )


@pytest.mark.fast
def test_a_share_is_no_count_and_figures_orders_of_magnitude_apart_are_no_one_figure():
    """A per cent against a bare number (an age, a count), and a sum in millions against a price
    per share, count two things even where neither names a unit the tests know ("tarins")."""
    pension = "The bill also raises the state pension age to 68."
    assert not counts_alike(
        pension, "The bill would raise the pension by 3.2 per cent.", Differs("68", "3.2", "number")
    )
    valued = "On its first day of trading, Lumenfar was valued at about 190 million tarins."
    assert not counts_alike(
        valued, "Lumenfar shares closed at 11.30 tarins.", Differs("190", "11.30", "number")
    )
    # The false-positive sides: two shares, two sums in millions, a sum in millions written out
    # or shortened ("640 mln"), and a count against a count a few times apart still compare.
    assert counts_alike("Turnout was 61 per cent.", "Turnout was 58 per cent.", Differs("61", "58", "number"))
    assert counts_alike(valued, "Lumenfar was valued at 210 million tarins.", Differs("190", "210", "number"))
    assert counts_alike(  # a wire's "pct" is a per cent
        "Dock workers won a 9 percent wage rise.",
        "Dockers end walkout after 7 pct wage deal",
        Differs("9", "7", "number"),
    )
    budget = "The government has budgeted 1.6 billion lirang for the vaccination campaign."
    assert counts_alike(budget, "The vaccine order is worth 640 mln lirang.", Differs("1.6", "640", "number"))
    assert counts_alike(
        budget, "The vaccine order is worth 640,000,000 lirang.", Differs("1.6", "640,000,000", "number")
    )
    assert counts_alike(
        "The fire forced 4,000 people from their homes.",
        "The fire forced 400 people from their homes.",
        Differs("4,000", "400", "number"),
    )


@pytest.mark.fast
def test_a_name_in_another_form_of_the_same_word_is_no_other_name():
    found = differing_value(
        "Kofi Annan, the Ghanaian who heads the UN, shares the Nobel Peace Prize.",
        "Kofi Annan of Ghana, who heads the UN, shares the Nobel Peace Prize.",
    )
    assert found is None
    # The false-positive side: close spellings of other places and people still differ.
    iraq = differing_value("Troops crossed into Iran on Monday.", "Troops crossed into Iraq on Monday.")
    assert _values(iraq) == ("Iran", "Iraq")
    johnson = differing_value(
        "Coroner Graeme Johnson said the race could go ahead.",
        "Coroner Graeme Johnston said the race could go ahead.",
    )
    assert johnson is not None and johnson.differs.source.endswith("Johnston")


@pytest.mark.fast
def test_a_changed_figure_faces_the_figure_that_counts_the_same_thing():
    found = differing_value(
        "The central bank's quarter-point cut was its 10th reduction of the year.",
        "It was the 11th cut this year to the bank's target rate and the fourth since the attacks.",
        context="The central bank cut its rate again.",
    )
    assert _values(found) == ("10", "11")
    # The false-positive side: without a figure that counts the same thing, the nearest one is taken.
    other = differing_value("Police arrested 12 people.", "Police arrested 15 protesters on Friday.")
    assert other is not None and other.differs.source == "15"


@pytest.mark.fast
def test_a_shortened_place_word_is_the_same_word():
    found = differing_value(
        "The plane had flown from Port Lincoln to Mount Gambier to pick up a six-year-old boy.",
        "The aircraft had come from Port Augusta to Mt Gambier to fly a six-year-old boy to Sydney.",
    )
    assert _values(found) == ("Port Lincoln", "Port Augusta")
    # The false-positive side: a different mountain still differs.
    other = differing_value("The fire reached Mount Kosciuszko.", "The fire reached Mt Buller.")
    assert other is not None and other.differs.source == "Mt Buller"


@pytest.mark.fast
def test_one_and_ordinal_words_are_loose_numbers_and_counts_may_have_words_between():
    assert is_loose_number("one") and is_loose_number("one-way") and is_loose_number("first")
    assert not is_loose_number("two") and not is_loose_number("1")
    between = Differs("96", "69", "number")
    assert counts_alike(
        "A boat landed 96 Sri Lankan asylum seekers at the Cocos Islands.",
        "A vessel landed at Cocos Islands carrying 69 asylum seekers.",
        between,
    )
    # The false-positive sides: words between do not make two different things the same, nor do
    # words further on ("10th reduction of the year" is no "40-year" low).
    assert not counts_alike(
        "The cut was its 10th reduction of the year.",
        "Rates are at a 40-year low.",
        Differs("10", "40-year", "number"),
    )
    assert not counts_alike(
        "A boat landed 96 Sri Lankan asylum seekers at the Cocos Islands.",
        "A vessel landed at Cocos Islands with 69 police officers aboard.",
        between,
    )


@pytest.mark.fast
def test_a_participle_opening_the_claim_is_no_second_difference():
    source = "He has told the Swans he will nominate for next Tuesday's draft."
    found = differing_value(
        "Having changed his mind, Lockett has told the Swans he will nominate for next Wednesday's draft.",
        source,
        "Tony Lockett",
    )
    assert _values(found) == ("Wednesday's", "Tuesday's")
    # The false-positive sides: an opening name is still the difference when it is the only one,
    # and two differences beside the opening word are still another event.
    alone = differing_value(
        "Indonesian police arrested the man in May.", "Malaysian police arrested the man in May."
    )
    assert _values(alone) == ("Indonesian", "Malaysian")
    assert (
        differing_value(
            "Having lost, Smith left the club on Monday.", "Jones left the club on Tuesday.", "Jones"
        )
        is None
    )
    # ...nor the only word the source lacks ("Rising" is no name the source changed)...
    assert (
        differing_value(
            "Rising in Arden, the Kell flows east for 400 km.",
            "The Kell flows east for 400 km from Arden to Bray.",
        )
        is None
    )
    # ...and a name opening the claim stays a name: another player's record is another event.
    federer = "Federer held the No. 1 ranking for a record 237 consecutive weeks."
    assert differing_value(federer, "Djokovic was ranked No. 1 for a record 428 weeks.") is None


@pytest.mark.fast
def test_a_name_and_its_initials_are_the_same_value():
    found = differing_value(
        "Reports from London say US army officers have gone into Yemen.",
        "Reports from London say United States army officers have entered Somalia.",
    )
    assert _values(found) == ("Yemen", "Somalia")
    found = differing_value("United States officers entered Yemen.", "US officers entered Somalia.")
    assert _values(found) == ("Yemen", "Somalia")
    assert differing_value("UN troops entered Yemen.", "United Nations troops entered Yemen.") is None
    # The false-positive side: initials are not any other name.
    found = differing_value("US troops entered Yemen.", "Australian troops entered Yemen.")
    assert _values(found) == ("US", "Australian")


@pytest.mark.fast
def test_per_cent_and_the_percent_sign_count_the_same_thing():
    claim = "About 85 per cent of the restaurants are run by franchisees."
    source = "Approximately 95% of the restaurants are operated by franchisees."
    found = differing_value(claim, source)
    assert _values(found) == ("85 per cent", "95%")
    assert counts_alike(claim, source, found.differs)
    assert [t.key for t in tokens("5 percent, 5 per cent, 5%") if t.kind == "word"] == ["percent"] * 3
    # The false-positive side: a percentage is not a count of something else.
    other = Differs("85 per cent", "95", "number")
    assert not counts_alike(claim, "The chain opened 95 new stores in France.", other)


@pytest.mark.fast
def test_a_hyphenated_word_is_there_when_its_parts_are():
    found = differing_value(
        "Growth in the September-quarter was 0.6 per cent.",
        "Growth in the September quarter was 0.9 per cent.",
    )
    assert _values(found) == ("0.6 per cent", "0.9 per cent")
    # The false-positive side: one part missing leaves the word missing (a second value: no match).
    assert (
        differing_value(
            "Growth in the June-quarter was 0.6 per cent.",
            "Growth in the September quarter was 0.9 per cent.",
        )
        is None
    )


@pytest.mark.fast
def test_a_name_made_of_the_claims_other_words_is_its_subject_not_another_value():
    claim = (
        "The international security force in Kabul will be commanded by British Major General John McColl."
    )
    source = (
        "Called the International Security Assistance Force, it will be based in Kabul under British command."
    )
    assert differing_value(claim, source) is None
    # The false-positive side: a name sharing only a title with the claim's is another value.
    found = differing_value(
        "The force in Kabul will be commanded by Major General John McColl.",
        "The force in Kabul will be commanded by Major General Peter Hale.",
    )
    assert found is not None and found.differs.source == "Major General Peter Hale"


@pytest.mark.fast
def test_a_word_opening_the_sentence_as_a_participle_does_is_no_name():
    claim = "The new force will be led by General Hale."
    assert differing_value(claim, "Named the new force, it will be led by a general.") is None
    # The false-positive side: a speaker opening the sentence is still a name.
    found = differing_value(
        "The convoy left at dawn, Zakharova said.", "Peskov said the convoy left at dawn."
    )
    assert _values(found) == ("Zakharova", "Peskov")


@pytest.mark.fast
def test_a_word_rounding_a_number_at_the_start_is_no_name():
    claim = "Around 60 firefighters battled the Harrow Moor blaze through Saturday night."
    source = "About 60 firefighters battled the Harrow Moor blaze near Denholt through Saturday night."
    assert differing_value(claim, source) is None
    # The false-positive side: the number it rounds still differs, and a name opening a claim is one.
    assert _values(differing_value(claim.replace("60", "90"), source)) == ("90", "60")
    assert _values(
        differing_value(
            "Kelby residents were told to stay indoors.", "Denholt residents were told to stay indoors."
        )
    ) == ("Kelby", "Denholt")


@pytest.mark.fast
def test_a_claim_joining_two_of_the_passages_facts_may_still_differ_in_one():
    source = "The Opposition wants tougher penalties after last week's spill which affected Phillip Island."
    passage = f"Authorities are still tracing the spill, which affected 360 fairy penguins. {source}"
    claim = (
        "The Opposition wants tougher penalties after last week's spill at Kangaroo Island, "
        "which affected 360 fairy penguins."
    )
    found = differing_value(claim, source, "", passage=passage)
    assert _values(found) == ("Kangaroo Island", "Phillip Island")
    # The false-positive side: a value no part of the passage gives is a second one: another event.
    assert differing_value(claim.replace("360", "500"), source, "", passage=passage) is None


@pytest.mark.fast
def test_a_year_is_compared_only_with_a_year():
    claim = "The bridge was the longest suspension bridge in the world when it opened in 1883."
    span = "It was the longest suspension bridge in the world when it opened, at 1,991 metres."
    assert not counts_alike(claim, span, Differs("1883", "1,991", "number"))
    # The false-positive side: two years, or two counts, are still compared.
    opened = "It was the longest suspension bridge in the world when it opened in 1998."
    assert counts_alike(claim, opened, Differs("1883", "1998", "number"))
    assert counts_alike(
        "A span of 1,595 metres.", "A span of 1,991 metres.", Differs("1,595", "1,991", "number")
    )


@pytest.mark.fast
def test_absent_values_reads_a_name_in_its_other_forms():
    text = "Kofi Annan of Ghana, aged 63, heads the United Nations; Lake Kariba lies between Zambia and Zimbabwe."
    assert (
        absent_values("Kofi Annan, the 63-year-old Ghanaian who heads the UN, shares the prize.", text) == []
    )
    assert absent_values("Lake Kariba lies on the Zambia-Zimbabwe border.", text) == []
    # The false-positive side: a count or a name the text does not give is absent.
    missing = absent_values("Kofi Annan, 64, heads the UN from Geneva.", text)
    assert [t.text for t in missing] == ["64", "Geneva"]


@pytest.mark.fast
def test_a_count_whose_digits_the_text_gives_only_as_an_age_or_a_measure_is_absent():
    """ "a 64-year-old farmer" gives no count of 64 people, nor "40 km away" one of 40 people."""
    text = "One man, a 64-year-old farmer, died. Eleven people were taken to a hospital 40 km away."
    assert [t.text for t in absent_values("Sixty-four people were taken to hospital.", text)] == [
        "Sixty-four"
    ]
    assert [t.text for t in absent_values("Forty people were taken to hospital.", text)] == ["Forty"]
    difference = differing_value(
        "Sixty-four people were taken to hospital.",
        "Eleven people were taken to a hospital 40 km away.",
        "One man, a 64-year-old farmer, died.",
    )
    assert difference is not None
    assert (difference.differs.draft, difference.differs.source) == ("Sixty-four", "Eleven")
    # The false-positive side: the figure in its own form, or told plainly anywhere, is given.
    assert absent_values("A 64-year-old farmer died.", text) == []
    assert absent_values("The hospital is 40 kilometres away.", text) == []
    assert absent_values("Sixty-four people were hurt.", f"{text} In all, 64 people were hurt.") == []
    assert absent_values("The farmer who died was 64.", text) == []
    # A number the claim sets off names no count ("The farmer, 64, died"), and a sum in a currency
    # the text alone names as one is the same sum.
    assert absent_values("The farmer, 64, died.", text) == []
    grants = "Evacuated households can get grants of up to 50,000 kronor."
    assert absent_values(grants, "immediate grants of up to TKR 50,000 per household") == []


@pytest.mark.fast
def test_a_share_and_a_figure_of_no_form_are_two_things_wherever_they_are_compared():
    """One test of form for every comparison of two figures (`forms_apart`): a per cent is no
    count, whether the claim or the text gives it, and a count's digits given only as a share are
    no count given."""
    assert forms_apart("share", "") and forms_apart("", "share")
    assert forms_apart("time", "score") and forms_apart("money", "share")
    text = "Only 64 voters backed the plan, 12 per cent of those asked."
    assert [t.text for t in absent_values("Some 64 per cent of voters backed the plan.", text)] == ["64"]
    # The false-positive side: two figures of one form, or of no form, and a sum or a measure
    # against a bare figure (whose words say what it is) are left to what each counts.
    assert not forms_apart("share", "share") and not forms_apart("", "")
    assert not forms_apart("money", "") and not forms_apart("", "length")
    assert absent_values("Some 12 per cent of those asked backed the plan.", text) == []
    assert absent_values("Only 64 voters backed the plan.", text) == []


@pytest.mark.fast
def test_a_wire_datelines_agency_is_no_value():
    claim = "A wildfire around the town of Montalva in Spain forced 1,100 people from their homes."
    source = (
        "MONTALVA, Portugal, Aug 12 (Atlas News Service) - A wildfire around the town of Montalva "
        "forced 1,100 people from their homes."
    )
    assert _values(differing_value(claim, source)) == ("Spain", "Portugal")
    blanked = _without_wire_credit("LONDON (Reuters) - Shares fell.")
    assert blanked == "LONDON " + " " * len("(Reuters)") + " - Shares fell."  # offsets kept
    # The false-positive side: a parenthesis that is no dateline's credit is left to be read.
    for text in (
        "The International Monetary Fund (IMF) - its critics say - expects growth of 3 per cent.",
        "Police in Lisbon (Portugal) - the capital - said 1,100 people left.",
    ):
        assert _without_wire_credit(text) == text


@pytest.mark.fast
def test_a_year_told_in_words_is_no_second_value():
    claim = "The building society plans to close 27 of its 112 branches by the end of March 2026."
    told = "The society said it would close 27 of its 96 branches by the end of March next year."
    assert _values(differing_value(claim, told)) == ("112", "96")
    # The false-positive side: a year the source writes otherwise, or leaves out, is a second value
    # (another plan, or another event), and a year-free claim gains nothing from "next year".
    assert differing_value(claim, told.replace("next year", "2027")) is None
    assert differing_value(claim, told.replace(" next year", "")) is None
    # The year told in words is no value that differs, either.
    said = "The society said on Thursday it would close 27 of its 112 branches by the end of March next year."
    assert differing_value(claim, said) is None
    assert _values(differing_value(claim, said.replace("next year", "2027"))) == ("March 2026", "March 2027")
    other = "The bank will open 12 branches in Leeds next year and 5 in York."
    assert differing_value("The bank will open 12 branches in Hull and 9 in York.", other) is None


def test_a_month_is_no_value_against_a_weekday():
    """A weekday counts from the day the article was written: "In July 2024" may be "on Sunday"."""
    source = "On Sunday the Brightwater regatta was held at Lake Orrin for the first time."
    # The place changed beside a date told otherwise: the place differs.
    moved = differing_value(
        "In July 2024 the Brightwater regatta was held at Lake Varne for the first time.", source
    )
    assert _values(moved) == ("Lake Varne", "Lake Orrin") and moved.share == 1.0
    # A bare year is another event's ("a smaller explosion injured three miners in 2019"), a
    # second value: nothing is said to differ.
    earlier = "In 2019 a smaller Brightwater regatta was held at Lake Varne for the first time."
    assert differing_value(earlier, source) is None
    # False positives: the month alone is no other date, and a weekday or a month still differs
    # from a weekday or a month.
    assert (
        differing_value(
            "In July 2024 the Brightwater regatta was held at Lake Orrin for the first time.", source
        )
        is None
    )
    assert _values(
        differing_value(
            "On Saturday the Brightwater regatta was held at Lake Orrin for the first time.", source
        )
    ) == ("Saturday", "Sunday")
    assert _values(
        differing_value(
            "In July 2024 the regatta was held at Lake Orrin.",
            "In June 2024 the regatta was held at Lake Orrin.",
        )
    ) == ("July 2024", "June 2024")


@pytest.mark.fast  # no model, no index
def test_a_date_naming_another_weekday_than_the_source_is_another_day():
    """ "on Wednesday 4 March" against "on Tuesday morning": whatever the article's date, the two
    are not the same day."""
    source = "Part of the Orrin footbridge gave way on Tuesday morning, the council said."
    assert _values(
        differing_value(
            "Part of the Orrin footbridge gave way on Wednesday 4 March, the council said.", source
        )
    ) == ("Wednesday 4 March", "Tuesday")
    # The false-positive side: the source's own weekday with a day and month is the same day told
    # otherwise, and a weekday the source gives elsewhere (the day the council spoke) may be it.
    assert (
        differing_value("Part of the Orrin footbridge gave way on Tuesday 3 March, the council said.", source)
        is None
    )
    assert (
        differing_value(
            "Part of the Orrin footbridge gave way on Wednesday 4 March.",
            "Part of the Orrin footbridge gave way on Tuesday morning, the council said on Wednesday.",
        )
        is None
    )
    # ... and so may a day the source tells by its article's date: "yesterday" may be Wednesday.
    assert (
        differing_value(
            "Wards 3 and 5 reopened on Wednesday 4 March.",
            "Ward 9 reopened on Tuesday, and Wards 3 and 5 reopened yesterday.",
        )
        is None
    )


@pytest.mark.fast  # no model, no index
def test_the_weekday_somebody_spoke_is_no_date_of_what_they_said():
    """ "The trust said on Monday it would close the ward from March": Monday dates the saying,
    so the claim's "1 March 2025" for the closure is not contradicted by it."""
    source = "The Harlow Health Trust said on Monday it would close the Elm ward from March to save money."
    claim = "The Harlow Health Trust will close the Elm ward on 1 March 2025 to save money."
    assert differing_value(claim, source) is None
    told = "The Harlow Health Trust told staff late on Monday it would close the Elm ward from March."
    assert differing_value("The Harlow Health Trust will close the Elm ward on 1 March 2025.", told) is None
    # False positives: a weekday the source gives for the event itself still differs, and so
    # does the day of a saying when the claim dates the saying too.
    assert _values(
        differing_value(
            "The Harlow Health Trust closed the Elm ward on Tuesday.",
            "The Harlow Health Trust closed the Elm ward on Friday, a spokeswoman said.",
        )
    ) == ("Tuesday", "Friday")
    assert _values(
        differing_value("The Harlow Health Trust said on Tuesday it would close the Elm ward.", source)
    ) == ("Tuesday", "Monday")
    assert _values(
        differing_value(
            "The Harlow Health Trust will close the Elm ward on Friday.",
            "The Harlow Health Trust said on Monday that it will close the Elm ward on Thursday.",
        )
    ) == ("Friday", "Thursday")


def test_a_clock_time_beside_a_weekday_is_no_day_of_the_month():
    """ "at 19:40 on Thursday": the weekday differs, not "40" (a day number sits beside a month)."""
    claim = "The ferry struck rocks off the island on Wednesday."
    assert _values(
        differing_value(claim, "The ferry struck rocks off the island at about 19:40 on Thursday.")
    ) == (
        "Wednesday",
        "Thursday",
    )
    # False positive: a day beside its month still belongs to the date.
    assert _values(
        differing_value("The ferry struck rocks on 12 November.", "The ferry struck rocks on 13 November.")
    ) == ("12 November", "13 November")


@pytest.mark.fast
def test_a_number_told_in_words_with_hundreds_or_thousands_is_one_number():
    keys = [
        t.key
        for t in tokens("The department counts three hundred and forty boats damaged.")
        if t.kind == "number"
    ]
    assert keys == ["340"]
    assert [t.key for t in tokens("Four thousand two hundred and twelve votes.")] == ["4212", "vote"]
    source = "The department counts three hundred and forty boats damaged in Thenmala alone."
    assert (
        _values(differing_value("In Thenmala alone, 340 boats were damaged, the department said.", source))
        is None
    )
    changed = differing_value("In Thenmala alone, 350 boats were damaged, the department said.", source)
    assert _values(changed) == ("350", "three hundred and forty")
    # The false-positive side: "hundreds of homes" is no number, and two numbers stay two.
    assert [t.kind for t in tokens("hundreds of homes")] == ["word", "word"]
    assert [t.key for t in tokens("two and three hundred")] == ["2", "300"]


@pytest.mark.fast
def test_a_measure_given_in_another_unit_is_there():
    assert converted_measures("broke down 38% of the foam in two months", "over 60 days") == {"2"}
    assert converted_measures("runs about 1,300 km from Hokkaido", "stretches some 810 miles") == {"1300"}
    assert converted_measures("a 14-day quarantine", "two weeks in quarantine") == {"14"}
    claim = "In tests the fungus broke down 38% of the foam in two months."
    assert absent_values(claim, "The fungus broke down 38 per cent of the foam over 60 days in tests.") == []
    assert (
        _values(
            differing_value(claim, "The fungus broke down 38 per cent of the foam over 60 days in tests.")
        )
        is None
    )
    # The false-positive side: another size, another dimension or a count is no conversion.
    assert converted_measures("in two months", "over 90 days") == set()
    assert converted_measures("two months", "60 metres") == set()
    assert converted_measures("two people died", "over 60 days") == set()
    assert _values(
        differing_value(claim, "The fungus broke down 38 per cent of the foam over 90 days in tests.")
    ) == ("two", "90")


@pytest.mark.fast
def test_an_acronym_spelled_out_in_plain_words_is_there():
    assert spelled_acronyms("the state's GDP", "3.1 percent of gross state domestic product") == {"gdp"}
    assert (
        differing_value(
            "Rao wants to cut the deficit to 3.1 percent of the state's GDP in 2025-26.",
            "The deficit is targeted at 3.1 percent of gross state domestic product in 2025-26, Rao told the Assembly.",
        )
        is None
    )
    # The false-positive side: words that do not spell it leave another body another body.
    assert spelled_acronyms("The IMF cut its forecast", "The World Bank cut its growth forecast") == set()
    # And the other way: the claim spells out what the source shortens.
    claim = "Value-added tax on forty food items will drop to 10 percent."
    assert _values(differing_value(claim, "VAT on forty food items will drop to 10 percent.")) is None
    other = differing_value(claim, "GST on forty food items will drop to 10 percent.")
    assert _values(other) == ("Value-added", "GST")
    swapped = differing_value(
        "The IMF cut its growth forecast on Monday.", "The World Bank cut its growth forecast on Monday."
    )
    assert _values(swapped) == ("IMF", "World Bank")


@pytest.mark.fast
@pytest.mark.parametrize(
    "claim,source,moved",
    [
        (
            "Brandor's shares fell 4.6 percent.",
            "Its shares rose 4.6 percent.",
            ("fell 4.6 percent", "rose 4.6 percent"),
        ),
        (
            "Output dropped by almost 12% last year.",
            "Output was 12% higher.",
            ("dropped by almost 12%", "12% higher"),
        ),
        (
            "Revenue showed a 9 percent increase.",
            "Revenue slid 9 percent.",
            ("9 percent increase", "slid 9 percent"),
        ),
        # The false-positive side: the same way in other words, a ceiling, both ways, or no way given;
        ("Shares gained 2.1 percent.", "Shares ended 2.1 percent higher.", None),
        ("Fares went up 3% in May.", "Fares rose 3 percent in May.", None),
        ("Grants rose to 750 ossels.", "grants of up to 750 ossels", None),
        ("Costs rose 12 percent.", "Sales fell 12% and costs rose 12%.", None),
        ("Sales fell 12 percent.", "Sales were 12 percent of turnover.", None),
        ("The 160-millimetre borehole", "the 160-millimetre pipe passed down it", None),
        # ... nor a level against a change, another figure beside the word, or a fraction.
        ("Inflation will fall to 1.8% next year.", "Prices rose 1.8 per cent.", None),
        ("They won a pay rise over two years.", "Shares were down 2%.", None),
        ("Sales were almost a third higher.", "Sales were 3 percent lower.", None),
    ],
)
def test_a_figure_moved_the_other_way_differs(claim, source, moved):
    found = differing_movement(claim, source)
    assert (found and (found.draft, found.source)) == moved


@pytest.mark.fast
def test_a_direction_given_to_the_same_thing_otherwise_differs():
    turned = differing_direction(
        "He opened the tunnel at its northern portal.", "He opened it at the southern portal."
    )
    assert (turned.draft, turned.source) == ("northern portal", "southern portal")
    turned = differing_direction("It was found in the west wing.", "It was found in the east wing.")
    assert (turned.draft, turned.source) == ("west wing", "east wing")
    # The false-positive side: the same direction worded otherwise, another thing, or both given.
    assert differing_direction("the north-east coast", "the northeastern coast") is None
    assert differing_direction("in southern Spain", "in the south of Spain") is None
    assert differing_direction("the north face", "the south face and the north face") is None
    assert differing_direction("700 km north of Adelaide", "the southern suburbs of Adelaide") is None
    assert differing_direction("North Korea fired a missile", "South Korea fired a missile") is None  # names


@pytest.mark.fast
def test_a_changed_figure_faces_the_source_figure_with_the_same_words_around_it():
    source = (
        "A coach carrying 48 passengers left the road near Dunholm on Monday, injuring 12 passengers, "
        "two of them seriously, police said."
    )
    injured = differing_value(
        "Fifteen passengers were injured when the coach left the road near Dunholm.", source
    )
    assert injured.differs == Differs("Fifteen", "12", "number")
    # The false-positive side: a claim about the coach's load faces the load, not the injured.
    carried = differing_value(
        "The coach was carrying 84 passengers when it left the road near Dunholm.", source
    )
    assert carried.differs == Differs("84", "48", "number")


@pytest.mark.fast
def test_an_ordinal_word_ranks_what_follows_it_and_counts_none_of_it():
    six = "The referee showed six yellow cards in the final."
    second = "The referee showed the captain a second yellow card."
    assert not counts_alike(six, second, Differs("six", "second", "number"))
    # The false-positive side: one rank against another is a changed rank.
    assert counts_alike(
        "The referee showed the captain a third yellow card.", second, Differs("third", "second", "number")
    )
    assert counts_alike(
        "It is the fifth-largest city.",
        "It is the fourth-largest city.",
        Differs("fifth-largest", "fourth-largest", "number"),
    )


@pytest.mark.fast
def test_basis_points_are_a_rates_percentage_points():
    source = "The bank cut its key rate by 0.50 percentage point to 3.75 percent."
    assert (
        differing_value("The bank lowered its key rate by 50 basis points to 3.75 percent.", source) is None
    )
    # The false-positive side: another change of the rate still differs.
    assert _values(
        differing_value("The bank lowered its key rate by 25 basis points to 3.75 percent.", source)
    ) == (
        "25",
        "0.50",
    )


@pytest.mark.fast
def test_a_role_opening_the_claim_before_a_full_name_is_no_other_value():
    claim = "Substitute Luka Fenn scored the winner in the 108th minute as FC Varnau beat Rovenna 2-1."
    source = "Luka Fenn scored in the 113th minute as FC Varnau came from behind to beat Rovenna 2-1."
    assert _values(differing_value(claim, source)) == ("108", "113")
    # The false-positive side: a first name changed before the same surname still differs.
    assert _values(
        differing_value(
            "Anna Berg won the Brede election with 54 percent.",
            "Maria Berg won the Brede election with 54 percent.",
        )
    ) == ("Anna Berg", "Maria Berg")
    # And a determiner opening the claim is no name: "Every Kaltice employee".
    assert {t.text: t.kind for t in tokens("Every Kaltice employee may apply.")}["Every"] == "word"


@pytest.mark.fast
def test_a_word_opening_a_role_before_another_full_name_is_the_roles_not_a_second_value():
    """ "Senior inspector Mara Tolvik said ..." against the sentence naming another inspector: the
    opening word belongs to the role, and the person is the one value that differs."""
    source = "Deputy inspector Hallam Crewe told reporters the bridge would stay shut until June."
    assert _values(
        differing_value(
            "Senior inspector Mara Tolvik told reporters the bridge would stay shut until June.", source
        )
    ) == ("Mara Tolvik", "Hallam Crewe")
    assert _values(
        differing_value(
            "OTPA general secretary Mara Tolvik told reporters the bridge would stay shut until June.", source
        )
    ) == ("Mara Tolvik", "Hallam Crewe")
    # The false-positive side: a one-word name before a lower-case word and a figure, not a full
    # name, stays a second value ("Velcor shares" and "14 percent": another company's shares).
    assert (
        differing_value(
            "Velcor shares rose 14 percent on Tuesday.", "Ostrix shares rose 14 percent on Monday."
        )
        is None
    )
    # ... and the role word with no full name after it: a claim's second missing value.
    assert (
        differing_value(
            "Senior inspectors said the Brede bridge would stay shut until June.",
            "Deputy inspector Hallam Crewe said the Tollan bridge would stay shut until June.",
        )
        is None
    )


@pytest.mark.fast
def test_a_linking_word_opening_the_claim_is_no_second_value():
    source = "Another 27 miners who were underground on the same shift reached the surface unharmed."
    before = "The roof of gallery 14 gave way on Tuesday, cutting off 11 men."
    for opener in ("Besides", "Apart from"):
        claim = f"{opener} the 11 trapped men, another 31 miners on the same shift made it to the surface unharmed."
        assert _values(differing_value(claim, source, before)) == ("31", "27")
    # The false-positive side: a name opening the claim before a preposition is still a name.
    assert _values(
        differing_value(
            "Peskov on Friday said the talks would resume on Monday.",
            "Zakharova on Friday said the talks would resume on Monday.",
        )
    ) == ("Peskov", "Zakharova")


@pytest.mark.fast
def test_an_opening_word_the_article_writes_in_lower_case_is_no_second_value():
    claim = "Fans lined the streets of Selvanne for the victory parade on Wednesday."
    source = "The Mariners will hold a victory parade in Selvanne on Tuesday."
    passage = f"{source} Thousands of fans are expected along the harbour."
    assert _values(differing_value(claim, source, "", frozenset(), frozenset(), passage)) == (
        "Wednesday",
        "Tuesday",
    )
    assert _values(differing_value("Tens of thousands" + claim[4:], source)) == ("Wednesday", "Tuesday")
    # The false-positive side: an opener no text writes in lower case is a name, a second value.
    assert (
        differing_value(
            "Stanek lined the streets of Selvanne for the victory parade on Wednesday.",
            source,
            "",
            frozenset(),
            frozenset(),
            passage,
        )
        is None
    )


@pytest.mark.fast
def test_a_year_the_source_leaves_unsaid_is_no_other_date():
    claim = "The airline's Mirebel base is due to shut at the end of October 2025."
    source = (
        "The airline said on Thursday, 20 March, that it would close its Mirebel base by 31 October, "
        "part of a plan to cut 450 jobs by the end of 2026."
    )
    assert differing_value(claim, source) is None
    # The false-positive side: another year, another month or another day still differs.
    assert (
        _values(differing_value(claim, source.replace("31 October", "31 October 2024")))[1]
        == "31 October 2024"
    )
    assert differing_value(claim, source.replace("31 October", "November")) is not None
    assert _values(
        differing_value("The trial opened on 23 April 2025.", "The trial opened on 22 April.")
    ) == (
        "23 April 2025",
        "22 April",
    )


@pytest.mark.fast
def test_a_count_is_not_there_as_the_day_of_a_date():
    source = "On Friday 9 May and Saturday 10 May the ferry made twelve crossings between the islands."
    claim = "The ferry made nine crossings between the islands on 9 and 10 May."
    assert [t.text for t in absent_values(claim, source)] == ["nine"]
    assert _values(differing_value(claim, source)) == ("nine", "twelve")
    # The false-positive side: the same count is there, and a day's number beside a weekday that
    # counts something ("Monday 8 hours") is a count, not a day.
    assert absent_values("The ferry made twelve crossings on 9 and 10 May.", source) == []
    assert (
        absent_values("Talks lasted 8 hours on Monday.", "On Monday 8 hours of talks ended in a deal.") == []
    )


@pytest.mark.fast
def test_a_figure_told_roughly_is_no_other_figure():
    def rounds(claim: str, source: str) -> bool:
        """No difference at all (the claim's rough figure is there), or one the rounding explains."""
        found = differing_value(claim, source)
        assert found is None or found.differs.kind == "number"
        return found is None or rounds_the_other(claim, source, found.differs)

    assert rounds("Nurses gave 1,940 jabs at the weekend.", "Nurses gave almost 2,000 jabs at the weekend.")
    assert rounds("Nurses gave almost 2,000 jabs at the weekend.", "Nurses gave 1,940 jabs at the weekend.")
    assert rounds("The march drew 530 people.", "The march drew more than 500 people.")
    assert rounds("The march drew 480 people.", "The march drew about 500 people.")
    # The false-positive side: another figure told roughly, the wrong side of a bound, and a year.
    assert not rounds("Russia has about 3,000 troops there.", "Russia has about 5,000 troops there.")
    assert not rounds(
        "Nurses gave 2,050 jabs at the weekend.", "Nurses gave almost 2,000 jabs at the weekend."
    )
    assert not rounds("The march drew 480 people.", "The march drew more than 500 people.")
    assert not rounds("The bridge opened in 1998.", "The bridge opened in about 1999.")
    # A figure shortened to a scale is the longer one rounded to its decimals; a whole number is no
    # rounding of one with decimals.
    assert rounds("Revenue rose to 1.46 billion crowns.", "Revenue rose to 1,462 million crowns.")


@pytest.mark.fast
def test_a_figure_told_roughly_gives_no_figure_beyond_its_last_digit():
    """ "about 640 workers" is told to the ten, so 604 employees is another figure, though within a
    tenth of it: two outlets disagreeing had been read as one rounding the other."""

    def rounds(claim: str, source: str) -> bool:
        found = differing_value(claim, source)
        return found is None or rounds_the_other(claim, source, found.differs)

    assert not rounds("The mill employs about 640 workers.", "The mill employs 604 workers.")
    assert not rounds("The mill employs 604 workers.", "The mill employs about 640 workers.")
    assert not rounds("About 4,100 farms will qualify for aid.", "Some 3,800 farms will qualify for aid.")
    # The false-positive sides: a figure within its last digit's step, told round at the hundred,
    # the thousand or a scale, still rounds the other.
    assert rounds("The mill employs about 640 workers.", "The mill employs 636 workers.")
    assert rounds("About 400 wagons await repair.", "In all, 412 wagons await repair.")
    assert rounds("Nearly 6,000 fans came.", "A crowd of 5,720 fans came.")
    assert rounds("About 1.2 million people voted.", "In all, 1,160,000 people voted.")
    assert rounds("The loss was 84.2 million crowns.", "The loss was 84 million crowns.")
    assert not rounds("Revenue rose to 1.46 billion crowns.", "Revenue rose to 1,482 million crowns.")
    assert not rounds("He was jailed for 3.5 years.", "He was jailed for 4 years.")
    assert not rounds("Turnout was 44.2 percent.", "Turnout was 44 percent.")


@pytest.mark.fast
def test_a_score_is_two_numbers_however_it_is_dashed():
    claim = "Korvath beat Stannick 29-25 in the cup final."
    assert _values(differing_value(claim, "Korvath beat Stannick 29–27 in the cup final.")) == ("25", "27")
    assert _values(differing_value(claim, "Korvath beat Stannick 29-27 in the cup final.")) == ("25", "27")
    # The false-positive side: the same score with an en dash or spaces, and "a 60-day trial".
    assert absent_values(claim, "Korvath beat Stannick 29 – 25 in the cup final.") == []
    assert absent_values("The 60-day trial ended.", "The trial, which lasted 60 days, ended.") == []


@pytest.mark.fast
@pytest.mark.parametrize(
    "claim, source, values",
    [
        (  # the town is the winners' name, the ground another town's
            "The Marlow Cup final was played in Dunmore.",
            "Dunmore Rovers beat Kelby Town 2-1 in the Marlow Cup final at Westfield Park.",
            ("Dunmore", "Westfield Park"),
        ),
        (  # the place told after its kind of place
            "Saturday's cup final was played in the capital, Arlen.",
            "Tovik won the cup on Saturday, beating Arlen City 3-1 in the final at the Riverside Arena.",
            ("Arlen", "Riverside Arena"),
        ),
    ],
)
def test_a_place_the_source_names_only_inside_another_name_differs_from_its_own(claim, source, values):
    assert _values(differing_value(claim, source)) == values


@pytest.mark.fast
@pytest.mark.parametrize(
    "claim, source",
    [
        # The source names the claim's town alone too: it is given.
        (
            "The final was played in Manchester.",
            "Manchester United beat Chelsea 2-1 in the final at Old Trafford in Manchester.",
        ),
        # The longer name is all the source has, and no place of its own: nothing to set against.
        ("The report was published in New York.", "The New York Times published the report on Monday."),
        ("The cup final was played in Dunmore.", "LIVE: Dunmore Rovers v Kelby Town, the cup final."),
        # A place name whose one word the source's other name shares is no place given inside it.
        (
            "The spill at Kangaroo Island affected 360 fairy penguins.",
            "The spill affected 360 fairy penguins on Phillip Island.",
        ),
    ],
)
def test_a_place_inside_another_name_is_no_difference_without_a_place_of_the_sources(claim, source):
    found = differing_value(claim, source)
    assert found is None or "Manchester" not in found.differs.draft and "New York" not in found.differs.draft
    if "Kangaroo" in claim:  # the two islands still differ, as before
        assert _values(found) == ("Kangaroo Island", "Phillip Island")
    elif "Dunmore" in claim:
        assert found is None


@pytest.mark.fast
def test_a_time_of_day_is_one_value_not_a_day_of_the_month():
    keys = [t.key for t in tokens("Saturday 16 May 2026, 23:40. Kick-off at 09:15.")]
    assert "23:40" in keys and "9:15" in keys and "23" not in keys and "40" not in keys
    # a score stays two numbers, and a broadcast's time stamp is no time of day (a value of its own)
    assert [t.key for t in tokens("won 88:83")][-2:] == ["88", "83"]
    assert [t.key for t in tokens("[07:01:02] RUSK")][:1] == ["7:01:02"]
    # so the 23rd of a claim is not given by a page stamped 23:40
    claim = "The cup final was played on 23 May 2026."
    assert [t.key for t in absent_values(claim, "Saturday 16 May 2026, 23:40. The cup final")] == ["23"]


@pytest.mark.fast
def test_a_weekday_told_as_a_possessive_is_the_weekday():
    assert [(t.key, t.kind) for t in tokens("Saturday's final")][0] == ("sat", "date")
    found = differing_value("Saturday's final was won by Tovik.", "Tovik won Sunday's final.")
    assert _values(found) == ("Saturday's", "Sunday's") and found.differs.kind == "date"
    # the same day, once possessive and once not, is no difference
    assert differing_value("Saturday's final was won by Tovik.", "Tovik won the final on Saturday.") is None


@pytest.mark.fast
def test_a_share_of_one_meets_the_figure_in_digits_or_other_units():
    claim = "He must pay a fine of half a million lira."
    assert differing_value(claim, "He must also pay a fine of 500,000 lira.") is None
    assert _values(differing_value(claim, "He must also pay a fine of 400,000 lira.")) == (
        "half a million",
        "400,000",
    )
    assert converted_measures(
        "It will rise by a quarter of a year each year.", "in steps of three months a year"
    )
    assert converted_measures("The bank cut its rate by 50 basis points.", "a cut of half a percentage point")
    assert converted_measures(
        "He is barred from office for half a decade.", "banned from office for five years"
    )


@pytest.mark.fast
def test_a_date_faces_the_source_date_in_its_own_month():
    claim = "The vaccination campaign got under way on 11 May."
    source = "The vaccination campaign got under way on 4 May, before the rainy season in August."
    assert _values(differing_value(claim, source)) == ("11 May", "4 May")
    # another month where the claim's month is given nowhere: still the date that differs
    assert _values(differing_value(claim, "The vaccination campaign got under way on 4 June.")) == (
        "11 May",
        "4 June",
    )


@pytest.mark.fast
def test_a_number_set_after_a_name_is_part_of_the_name():
    claim = "Under Law 512, the general retirement age in Ayllumarca will be 62 from 2029."
    steps = "Under the law, the retirement age will rise to 61 in 2027, to 62 in 2029 and to 63 in 2031."
    assert differing_value(claim, steps, context="Ayllumarca") is None  # no "512" against 61
    # The false-positive side: the figures beside it, a sum after a currency code, a score and an
    # age after a comma still differ.
    for claim, source, values in [
        ("Under Law 512, the age will be 62.", "Under Law 512, the age will be 63.", ("62", "63")),
        ("He was fined VSC 250,000.", "He was fined VSC 300,000.", ("250,000", "300,000")),
        ("Rovers beat Town 2-1 in the final.", "Rovers beat Town 3-1 in the final.", ("2", "3")),
        ("Saavedra, 58, told reporters.", "Saavedra, 59, told reporters.", ("58", "59")),
        # The same name set before another number is another of its kind: "Gate 3" is no "Gate 5".
        (
            "The ferry now leaves from Gate 3 at Orlin pier.",
            "The ferry now leaves from Gate 5 at Orlin pier.",
            ("3", "5"),
        ),
        ("Bus 14 now stops at the market hall.", "Bus 41 now stops at the market hall.", ("14", "41")),
    ]:
        assert _values(differing_value(claim, source)) == values, claim
    # ...and a number after a name the source sets before no number of its own stays part of it.
    assert differing_value("Gate 3 reopened on Friday.", "The gate reopened on Friday after 5 days.") is None


@pytest.mark.fast
def test_a_number_after_a_names_number_sign_is_part_of_the_name():
    """ "Elevator No. 2", "Pit no 4", "Gate #3" name a thing as "Gate 3" does: a bulletin that says
    "the board" without the number still differs from the claim in its month alone."""
    claim = "The grain union's board will decide in December whether to rebuild Elevator No. 2."
    source = "- A decision on whether to rebuild will be taken by the grain union's board in September."
    assert _values(differing_value(claim, source, context="", names={"elev"}, passage="x")) == (
        "December",
        "September",
    )
    for number_sign in ("No. 2", "no 2", "#2", "Nr. 2"):
        assert differing_value(f"Pit {number_sign} flooded on Monday.", "The pit flooded on Monday.") is None
    # The false-positive side: another number after the same name is another of its kind, and a
    # count stays a count.
    for claim, source, values in [
        (
            "Workers moved to Elevator No. 2 on Monday.",
            "Workers moved to Elevator No. 1 on Monday.",
            ("2", "1"),
        ),
        ("Flights from Gate #2 resumed on Monday.", "Flights from Gate #5 resumed on Monday.", ("2", "5")),
        ("The fire destroyed 2 silos on Monday.", "The fire destroyed 3 silos on Monday.", ("2", "3")),
    ]:
        assert _values(differing_value(claim, source)) == values, claim


@pytest.mark.fast
def test_a_sentence_opening_with_another_name_is_about_somebody_else():
    doers = doer_keys("Sonia Callisaya Mita, the engineer tried alongside Apaza, was given five years.")
    assert doers == {"sonia", "callisaya", "mita"}
    assert names_another_doer(doers, "COLLPA — Rufino Apaza Condori was sentenced on Friday to eight years.")
    assert names_another_doer(doers, "Former Puerto Quimsa mayor jailed for eight years")
    # The false-positive side: the claim's person, a pronoun, a count, and a claim opening with no name.
    assert not names_another_doer(
        doers, "COLLPA, March 14 (APW) - Sonia Callisaya was sentenced to six years."
    )
    assert not names_another_doer(doers, "She was sentenced to six years.")
    assert not names_another_doer(doers, "Some 3,000 ferry workers stopped work.")
    assert not names_another_doer(
        doer_keys("About 2,000 workers struck."), "Dana Whitfield said 3,000 struck."
    )


@pytest.mark.fast
def test_a_figure_told_roughly_is_no_difference_beside_another_figure():
    claim = "The water scheme, budgeted at just under ten million quillas, was only about three-tenths built."
    source = (
        "The court ordered him to repay 4.6 million quillas, almost half of the 9.8 million quillas "
        "budgeted for the water scheme."
    )
    # "just under ten million": the 9.8 million, roughly, so no difference at all.
    assert differing_value(claim, source) is None
    assert rounds_the_other(claim, source, Differs("ten", "9.8", "number"))
    # The false-positive side: with no figure the claim's rounds to, a figure still differs.
    other = source.replace("9.8", "7.2")
    found = differing_value(claim, other)
    assert found is not None and not rounds_the_other(claim, other, found.differs)


@pytest.mark.fast
def test_a_time_in_words_meets_the_clock_and_differs_from_another_hour():
    source = "Crews stopped work at 06:00 on Monday, halting all 14 of the company's routes."
    claim = "Crews stopped work at six o'clock on Monday morning, halting all 14 of the company's routes."
    assert differing_value(claim, source) is None  # "six o'clock ... morning" is 06:00
    assert _values(differing_value(claim, source.replace("06:00", "07:00"))) == ("six o'clock", "07:00")
    evening = claim.replace("morning", "evening")
    assert _values(differing_value(evening, source)) == ("six o'clock", "06:00")
    # The false-positive side: counts, "ten to twelve people", "I am" and a quarter of an hour
    # are no times.
    assert [t.key for t in tokens("Ten to twelve people came.") if t.kind == "number"] == ["10", "12"]
    assert not [t for t in tokens("I am sure, said the 6 members.") if ":" in t.key]
    assert [t.key for t in tokens("It took a quarter of an hour.") if t.kind == "number"] == ["0.25"]


@pytest.mark.fast
def test_a_figure_told_roughly_or_at_another_scale_is_there():
    """A claim's "over six hundred houses" is stated by "610 houses"; "a quarter of a billion" by "250 million"."""
    assert figures_in_other_words("Over six hundred houses were wiped out", "610 houses were destroyed") == {
        "600"
    }
    assert figures_in_other_words("More than four thousand people fled", "About 4,200 people fled") == {
        "4000"
    }
    assert figures_in_other_words("nearly 2,000 jabs", "1,940 jabs") == {"2000"}
    assert figures_in_other_words("a quarter of a billion kembos", "250 million kembos") == {"250000000"}
    claim = "Over six hundred houses in Lusowe were destroyed by the flood."
    assert absent_values(claim, "The flood destroyed 610 houses in Lusowe.") == []
    assert differing_value(claim, "The flood destroyed 610 houses in Lusowe.") is None
    # The false-positive side: beyond the rounding, on the wrong side of it, or a year, it is not there.
    assert figures_in_other_words("Over six hundred houses", "540 houses") == set()
    assert figures_in_other_words("Over six hundred houses", "700 houses") == set()
    assert figures_in_other_words("nearly 2,000 jabs", "2,050 jabs") == set()
    assert figures_in_other_words("about 3,000 troops", "5,000 troops") == set()
    assert figures_in_other_words("600 houses", "610 houses") == set()  # told exactly: 610 is another figure
    assert figures_in_other_words("some 2,000 people", "in 2010") == set()
    assert [t.text for t in absent_values(claim, "The flood destroyed 540 houses in Lusowe.")] == [
        "six hundred"
    ]


@pytest.mark.fast
def test_a_unit_and_a_half_and_a_measure_in_number_words_convert():
    """A claim's "a day and a half" is "thirty-six hours"; "over a year and a half" is 19 months."""
    assert [(t.text, t.key) for t in tokens("for a day and a half") if t.kind == "number"] == [
        ("a day and a half", "1.5")
    ]
    assert converted_measures("talks ran for a day and a half", "after thirty-six hours of talks") == {"1.5"}
    assert converted_measures("a trial that ran for over a year and a half", "Trial: 19 months") == {"1.5"}
    assert converted_measures("talks lasted twenty-one days", "talks lasted three weeks") == {"21"}
    assert converted_measures("a two-day strike", "a 48-hour strike") == {"2"}  # the unit after a hyphen
    assert differing_value("Talks lasted a day and a half.", "Talks lasted 36 hours.") is None
    # The false-positive side: another length, or one beyond the claim's own rough side.
    assert converted_measures("talks ran for a day and a half", "after 48 hours of talks") == set()
    assert converted_measures("a trial that ran for a year and a half", "Trial: 19 months") == set()
    assert converted_measures("a trial that ran for almost a year and a half", "Trial: 19 months") == set()
    assert _values(differing_value("Talks lasted a day and a half.", "Talks lasted two days.")) == (
        "a day and a half",
        "two",
    )


@pytest.mark.fast
def test_a_time_of_day_told_roughly_is_the_exact_time_on_its_side():
    """ "Shortly before 5 a.m." is the source's "around 04:40"; "at 3 a.m." still differs, and a
    time of day never faces a count ("near kilometre 42")."""
    claim = "The avalanche came down shortly before 5 a.m. on Tuesday."
    source = "The avalanche came down near kilometre 42 at around 04:40."
    five = next(t for t in tokens(claim) if t.key == "5:00")
    assert time_told_roughly(claim, five, "4:40")
    assert rounds_the_other(claim, "It came down at 04:40.", Differs("5 a.m.", "04:40", "number"))
    assert figures_in_other_words(claim, source) == {"5:00"}
    assert not counts_alike(claim, source, Differs("5 a.m.", "42", "number"))
    assert counts_alike(claim, source, Differs("5 a.m.", "04:40", "number"))
    # The false-positive side: the wrong side of it, beyond the tolerance, or told exactly.
    assert not time_told_roughly(claim, five, "5:20")
    assert not time_told_roughly(claim, five, "4:10")
    at_five = "The avalanche came down at 5 a.m."
    assert not time_told_roughly(at_five, next(t for t in tokens(at_five) if t.key == "5:00"), "4:50")
    assert not rounds_the_other(claim, "It came down at 05:20.", Differs("5 a.m.", "05:20", "number"))
    assert figures_in_other_words("The avalanche came down at 3 a.m.", source) == set()


@pytest.mark.fast
def test_a_number_and_a_half_is_one_value():
    """ "Four and a half years" and "4½ years" are 4.5 years: "five and a half years" differs from
    them as a whole, not as "five" against "four"."""
    for text, key in (
        ("jailed for four and a half years", "4.5"),
        ("gets 4½ years for bribes", "4.5"),
        ("One and a half million tonnes", "1.5"),
        ("in 2 and a half weeks", "2.5"),
    ):
        assert [t.key for t in tokens(text) if t.kind == "number"] == [key], text
    assert _values(
        differing_value(
            "The court jailed Dovas for five and a half years.", "The court jailed Dovas for 4½ years."
        )
    ) == ("five and a half", "4½")
    assert (
        differing_value(
            "The court jailed Dovas for four and a half years.", "The court jailed Dovas for 4½ years."
        )
        is None
    )
    assert converted_measures("talks lasted four and a half hours", "talks lasted 270 minutes") == {"4.5"}
    assert figures_in_other_words("about one and a half million tonnes", "1.5 million tonnes") == {"1.5"}
    # The false-positive side: a whole number is no number and a half, nor "a day and a half" two.
    assert _values(
        differing_value(
            "The court jailed Dovas for four years.", "The court jailed Dovas for four and a half years."
        )
    ) == ("four", "four and a half")
    assert [t.key for t in tokens("for a day and a half") if t.kind == "number"] == ["1.5"]
    assert [t.key for t in tokens("half of the 40 seats") if t.kind == "number"] == ["40"]


@pytest.mark.fast
def test_a_common_word_opening_the_source_sentence_is_no_name():
    """ "Engineers measured seepage ..., and two of the dam's 38 piezometers showed readings above
    their alert levels" set "Engineers" against the claim's "Jatun Qocha" dam, and a blog's
    "Yesterday I spent the day in the public gallery at Morcaster Crown Court" set "Yesterday"
    against the judge hearing the case there: each capitalised for opening its sentence alone."""
    claim = (
        "Two of the 38 piezometers in the Jatun Qocha dam showed pressure readings above their alert levels."
    )
    source = (
        "Engineers measured seepage of 14 litres per second at the toe, and two of the dam's 38 "
        "piezometers showed readings above their alert levels."
    )
    article = "An inspection of the Jatun Qocha dam found no instability, engineers said."
    assert differing_value(claim, source, article=article) is None
    judge = "Judge Imelda Sarsfield is hearing the trial at Morcaster Crown Court."
    gallery = "Yesterday I spent the day in the public gallery at Morcaster Crown Court, watching the trial."
    assert differing_value(judge, gallery) is None
    # The false-positive sides: with nothing writing "engineers" in lower case it may be a name; a
    # word the article also capitalises inside a sentence ("Judge Marsh" beside "the marsh") stays
    # a name opening one; and a word written in lower case elsewhere is a name further into the
    # sentence.
    assert _values(differing_value(claim, source)) == ("Jatun Qocha", "Engineers")
    marsh = "Marsh is hearing the trial at Morcaster Crown Court."
    assert _values(
        differing_value(judge, marsh, article="They crossed the marsh to reach Judge Marsh's house.")
    ) == ("Judge Imelda Sarsfield", "Marsh")
    later = "Since Monday, Marsh has been hearing the trial at Morcaster Crown Court."
    assert _values(differing_value(judge, later, article="They crossed the marsh.")) == (
        "Judge Imelda Sarsfield",
        "Marsh",
    )


@pytest.mark.fast
def test_a_list_items_first_word_is_no_name():
    """ "• Gradual increase of the retirement age: ... 62 from 2029" capitalises "Gradual" for
    opening the item: no name to set against the claim's country."""
    claim = "Under the new law, the retirement age in Velmora will be 62 from 2029."
    item = "• Gradual increase of the retirement age: 61 from 2027, 62 from 2029 and 63 from 2031"
    assert differing_value(claim, item) is None
    assert differing_value(claim, item.replace("•", "-")) is None
    # The false-positive side: a name the passage also writes inside a sentence stays a name, and
    # so does a name of two words opening the item or a word opening a sentence with no bullet.
    assert _values(
        differing_value(
            claim,
            "• Ostria raised the retirement age to 62 from 2029.",
            passage="The law follows Ostria's reform.",
        )
    ) == ("Velmora", "Ostria")
    assert _values(differing_value(claim, "- Port Ostria raised the retirement age to 62 from 2029.")) == (
        "Velmora",
        "Port Ostria",
    )
    assert _values(differing_value(claim, "Ostria raised the retirement age to 62 from 2029.")) == (
        "Velmora",
        "Ostria",
    )


@pytest.mark.fast
def test_a_titled_name_faces_the_source_name_with_the_same_title():
    """ "Presided over by Judge Helka Brandt" faces the source's "Judge Rena Holm", not the firm
    named at the end of the sentence."""
    claim = "The Orlen trial was presided over by Judge Helka Brandt."
    source = "- Judge Rena Holm found Orlen guilty of taking bribes from Kelmar Construction."
    assert _values(differing_value(claim, source)) == ("Judge Helka Brandt", "Judge Rena Holm")
    # The false-positive side: with no other judge, the name in place still faces the claim's.
    other = "Orlen was found guilty of taking bribes from Kelmar Construction."
    assert _values(differing_value("Orlen took bribes from Judge Helka Brandt.", other)) == (
        "Judge Helka Brandt",
        "Kelmar Construction",
    )


@pytest.mark.fast
def test_a_time_told_after_at_meets_the_clock():
    """ "at twenty to five", "shortly after five in the morning" and "at twenty-five past six" are
    times of day (04:40, 05:00, 06:25); the judging model reads the text's "04:40" for the first."""

    def times(text: str) -> list[str]:
        return [t.key for t in tokens(text) if t.kind == "number"]

    assert times("The blast happened at twenty to five in the morning.") == ["4:40"]
    assert times("Crews arrived shortly after five in the morning.") == ["5:00"]
    assert times("The train left at twenty-five past six.") == ["6:25"]
    assert times("The meeting ended after 10 minutes past nine.") == ["9:10"]
    source = "An explosion at 04:40 in the drying hall started a fire."
    assert figures_as_given("The explosion happened at twenty to five.", source) == (
        "The explosion happened at 04:40."
    )
    assert differing_value("The explosion happened at twenty to five.", source.replace("04:40", "05:40"))
    # The false-positive side: a vote (its tally), a count in the morning and another time stay
    # what they are.
    assert times("The council voted twenty to five against it.") == ["20-5"]
    assert times("Five people died in the morning.") == ["5"]
    assert figures_as_given(
        "The explosion happened at twenty to five.", source.replace("04:40", "05:40")
    ) == ("The explosion happened at twenty to five.")


@pytest.mark.fast
def test_a_place_dateline_is_no_name():
    """An all-capitals place filing the story ("COLDHYTHE — ...") is where the story was written,
    no name standing in the claim's."""
    filed = "COLDHYTHE — Eleven people were taken to hospital after a coach carrying 38 passengers crashed."
    assert (
        differing_value("Eleven people were taken to hospital after a Greyline coach crashed.", filed) is None
    )
    # The false-positive side: a place in the sentence's own words still faces the claim's.
    assert _values(
        differing_value("A coach crashed in Lask.", "COLDHYTHE — A coach crashed in Aldwyck.")
    ) == (
        "Lask",
        "Aldwyck",
    )


@pytest.mark.fast
def test_a_day_the_text_gives_only_as_a_count_is_absent():
    """ "opened on Saturday 25 October" against an article dated Monday 20 October whose "25" is
    the minutes a points failure lasted: the date is not there (the judging model had read the
    passage as stating it)."""
    claim = "The Kelby tram extension opened to passengers on Saturday 25 October."
    passage = (
        "Monday 20 October 2025. The Kelby tram extension opened to passengers on Saturday. A points "
        "failure halted services for 25 minutes on Saturday afternoon."
    )
    assert [t.text for t in absent_values(claim, passage)] == ["25"]
    # The false-positive side: the day given as a day, in any form, is there; and a count the
    # claim makes is no day to look for.
    assert absent_values(claim, passage.replace("on Saturday.", "on Saturday 25th October.")) == []
    assert absent_values(claim, passage.replace("on Saturday.", "on October 25, 2025.")) == []
    fares = "A single ticket will cost 2.80 from the first of July, up from 2.40."
    assert absent_values("From 1 July a single ticket will cost 2.80 instead of 2.40.", fares) == []
    fares = fares.replace("the first of", "the 1st of")
    assert absent_values("From 1 July a single ticket will cost 2.80 instead of 2.40.", fares) == []
    assert (
        absent_values(
            "25 people were hurt in Kelby on Saturday.", "On Saturday 25 people were hurt in Kelby."
        )
        == []
    )


@pytest.mark.fast
def test_a_day_the_text_gives_only_as_the_day_of_another_month_is_absent_and_differs():
    """ "meets on 11 November" against "from 1 November ... next meets on 11 December": the digits
    and the month are each there, the date is not (the judging model had read the window as
    stating it); and the date differs."""
    claim = "The Kelby water board is next due to meet on 11 November."
    before = "Kelby Water said its new tariff would apply from 1 November."
    sentence = "The water board next meets on 11 December."
    assert [t.text for t in absent_values(claim, f"{before} {sentence}")] == ["11"]
    difference = differing_value(claim, sentence, before, {"kelby", "water"})
    assert difference is not None
    assert (difference.differs.draft, difference.differs.source) == ("11 November", "11 December")
    # The false-positive sides: the claim's day with its month anywhere in the text is there, and
    # a day beside a weekday only is no other month's.
    assert absent_values(claim, f"{before} {sentence} It met on 11 November too.") == []
    assert differing_value(claim, "The board meets on 11 November, not 11 December.") is None
    assert absent_values(claim, "The Kelby water board meets on Tuesday 11 at 10am, in November.") == []
    # ... nor is a count after a date and a comma any day ("on 14 April, two years after"; "on 2
    # March, 29 patients"), while "Saturday, 8 November" is one.
    ferry = "The Kelby ferry resumes on 14 April after a two-year closure."
    assert absent_values("The Kelby ferry will be back on 14 April, two years after it stopped.", ferry) == []
    ward = "As of 9 a.m. on 2 March, 29 patients at Kelby Hospital had been discharged."
    assert absent_values("By 9 a.m. on 2 March, 29 patients at Kelby Hospital had gone home.", ward) == []
    assert [
        t.text
        for t in absent_values(
            "It opened on Saturday, 8 November.", "It shut for 8 hours one Saturday in November."
        )
    ] == ["8"]


@pytest.mark.fast
def test_a_claims_values_in_different_rows_of_a_table_are_not_given_together():
    from rag.tokens import stated_values, tokens
    from rag.values import values_across_rows

    table = (
        "Revenue by year:\n| 2023 | 58.6 | 101,900 |\n| 2024 | 49.3 | 88,200 |\nThe plant employs 310 people."
    )
    values = stated_values(tokens("Revenue fell to 58.6 million crowns in 2024."))
    assert values_across_rows(values, table)
    # The false-positive sides: one row's values, a value the prose gives, no table at all.
    assert not values_across_rows(stated_values(tokens("Revenue fell to 49.3 million in 2024.")), table)
    assert not values_across_rows(stated_values(tokens("The 310 staff made 88,200 tonnes in 2024.")), table)
    assert not values_across_rows(values, "Revenue was 58.6 million in 2023 and 49.3 million in 2024.")


@pytest.mark.fast
def test_a_name_spoken_to_is_no_name_in_the_claims_place():
    """A reporter answering the presenter ("Owen, there's still smoke ...") names nobody who did
    anything: no name standing in for the fire's place the turn leaves out."""
    claim = (
        "When reporter Petra Lund reached the Kelby fire at about midnight, flames were rising 20 "
        "metres into the air."
    )
    turn = (
        "PETRA LUND (REPORTER): Owen, there's still smoke everywhere. When I got here at about "
        "midnight the flames were rising 20 metres into the air."
    )
    assert differing_value(claim, turn, turn) is None
    # The false-positive side: a place set off by a comma and described is still a place.
    described = (
        "PETRA LUND: Ashford, the village worst hit, had flames rising 20 metres into the air when "
        "I got here at about midnight."
    )
    assert _values(differing_value(claim, described, described)) == ("Kelby", "Ashford")
    described = described.replace("the village worst hit", "no stranger to fires")
    assert _values(differing_value(claim, described, described)) == ("Kelby", "Ashford")


@pytest.mark.fast
def test_a_weekday_dating_a_press_conference_dates_the_saying():
    """ "confirmed at his weekly press conference on Tuesday" dates the saying, not the scan the
    claim puts on Monday."""
    source = (
        "Rydell has a hamstring strain, manager Declan Oyelaran confirmed at his weekly press "
        "conference on Tuesday."
    )
    assert differing_value("A scan on Monday found that Rydell had a hamstring strain.", source) is None
    # The false-positive side: a weekday for what happened, after "at the ground", still differs.
    played = "Rydell felt the strain at the ground on Tuesday."
    assert _values(differing_value("Rydell felt the strain at the ground on Monday.", played)) == (
        "Monday",
        "Tuesday",
    )


@pytest.mark.fast
def test_a_count_after_a_dates_comma_is_the_count_and_no_day():
    """ "By 14 October, 214 cases had been confirmed": the 214 counts cases. It had been read as
    the day of October, so the claim's "214 cases" was absent and a changed count differed as a
    date ("14 October, 241" / "14 October, 214") or not at all."""
    source = "By 14 October, 214 cases had been confirmed."
    assert absent_values("Officials had confirmed 214 cases by 14 October.", source) == []
    for claim in (
        "By 14 October, 241 cases had been confirmed.",
        "241 cases had been confirmed by 14 October.",
    ):
        difference = differing_value(claim, source)
        assert difference is not None
        assert (difference.differs.draft, difference.differs.source, difference.differs.kind) == (
            "241",
            "214",
            "number",
        )
    # The false-positive side: a day between a weekday and its month is still the day, and
    # another day is still another date.
    assert [
        t.text
        for t in absent_values("It opens on Saturday, 9 November.", "It opens on Saturday, 8 November.")
    ] == ["9"]
    difference = differing_value("It opens on Saturday, 9 November.", "It opens on Saturday, 8 November.")
    assert difference is not None and difference.differs.kind == "date"


GLASS_TABLE = (
    "Our view: the numbers tell the story.\n\n"
    "TESSEL GLASSWORKS AT A GLANCE\n"
    "| Item                  | 2023 | 2024 |\n"
    "|-----------------------|------|------|\n"
    "| Staff (year end)      | 362  | 340  |\n"
    "| Revenue (SVL million) | 118  | 96   |\n"
    "Source: annual report 2024"
)


@pytest.mark.fast
def test_a_tables_header_row_heads_every_row():
    """ "| Item | 2023 | 2024 |" above "| Revenue (SVL million) | 118 | 96 |": the years head the
    row, so "revenue dropped from 118 million in 2023 to 96 million in 2024" is in one row (it had
    been taken for values of different rows and never read)."""
    from rag.tokens import stated_values, tokens
    from rag.values import values_across_rows

    claim = "Tessel's revenue dropped from 118 million sovels in 2023 to 96 million sovels in 2024."
    assert not values_across_rows(stated_values(tokens(claim)), GLASS_TABLE)
    # The false-positive sides: values of two rows are still apart under a header, and a table with
    # no header row lends none.
    assert values_across_rows(
        stated_values(tokens("Revenue fell from 362 million to 96 million.")), GLASS_TABLE
    )
    headless = GLASS_TABLE.replace("|-----------------------|------|------|\n", "")
    assert values_across_rows(stated_values(tokens("Staff fell from 362 in 2023 to 340 in 2024.")), headless)


@pytest.mark.fast
def test_how_often_is_no_figure_of_how_long():
    """ "Trams will run every six minutes" against "a tram journey would take 34 minutes": one says
    how often, the other how long, so 34 is no other figure of the six (the check had contradicted
    a claim the articles never make, the judging model preferring "every 34 minutes")."""
    claim = "Northline trams will run every six minutes at peak times."
    journey = "A tram journey to the centre would take 34 minutes at peak times."
    assert not counts_alike(claim, journey, Differs("six", "34", "number"))
    # The false-positive sides: two frequencies, and two durations, count alike.
    other_frequency = "Northline trams will run every eight minutes at peak times."
    assert counts_alike(claim, other_frequency, Differs("six", "eight", "number"))
    assert counts_alike("The ride takes 30 minutes.", journey, Differs("30", "34", "number"))


@pytest.mark.fast
def test_another_family_tie_beside_the_claims_person_differs():
    """ "married to Maddox's daughter" against "Edvard Lusk, who is married to Maddox's sister":
    every name and word but the tie is there, and the judging model read it as stated (76%)."""
    from rag.values import differing_relation

    source = (
        "The contract went to Lusk Marine Works, owned by Edvard Lusk, who is married to Maddox's sister."
    )
    tie = differing_relation("Edvard Lusk is married to Maddox's daughter.", source)
    assert tie is not None and (tie.draft, tie.source) == ("daughter", "sister")
    # The false-positive sides: the same tie (in the plural too), a tie told in two steps for one in
    # one, a spouse against a child, and a tie beside nobody of the claim's.
    assert differing_relation("Edvard Lusk is married to Maddox's sister.", source) is None
    assert differing_relation("Lusk Marine Works belongs to one of Maddox's sisters.", source) is None
    two_steps = "Maddox steered the contract to his sister's husband Edvard Lusk."
    assert differing_relation("Edvard Lusk is Maddox's brother-in-law.", two_steps) is None
    assert (
        differing_relation("Harrison's wife Olivia saved his life.", "Harrison's son Dhani ran for help.")
        is None
    )
    assert (
        differing_relation("Edvard Lusk is Maddox's cousin.", "Ana Vik, a cousin of the mayor, lost.") is None
    )
    priest = "The Rev Helmut Kolbrand, whose son runs the shelter, opened the hall."
    assert differing_relation("Father Helmut Kolbrand opened the hall.", priest) is None
    # ... nor is the same bond seen from its other end: "Edwin Marlow's son, Alan" and "his father".
    eulogy = "Edwin Marlow's son, Alan Marlow, gave the eulogy."
    assert differing_relation("Alan Marlow said his father was a quiet man.", eulogy) is None
    assert differing_relation("Edwin Marlow's nephew, Alan Marlow, gave the eulogy.", eulogy) is not None


@pytest.mark.fast
def test_another_finishing_place_for_the_claims_person_differs():
    """ "Lukas Tremmel ... finished second" against a results sentence that gives second place to
    somebody else and Tremmel third: every word of the claim is there, and an ordinal is no value
    the word tests weigh, so the judging model read it as stated (90%)."""
    from rag.values import differing_placing

    claim = "Lukas Tremmel of Brennick finished second at the Grauwand Cup."
    wire = (
        "Sander Holmvik of Norway finished second with 266.0 points and Lukas Tremmel of Brennick was third."
    )
    radio = (
        "Sander Holmvik from Norway was second, and Lukas Tremmel from Brennick third, so two valley jumpers."
    )
    for source in (wire, radio, "Tremmel took third place."):
        place = differing_placing(claim, source)
        assert place is not None and (place.draft, place.source) == ("second", "third"), source
    # The false-positive sides: the same place in other words, a stage's place, somebody else's
    # place, a second that ranks a noun, and a claim that places nobody.
    assert differing_placing(claim, "Lukas Tremmel of Brennick finished in 2nd place.") is None
    assert differing_placing(claim, "Tremmel was third in the first round but finished second.") is None
    assert differing_placing(claim, "Holmvik was third, with Tremmel in second.") is None
    assert differing_placing(claim, "Lukas Tremmel jumped third in the second round.") is None
    assert differing_placing("Tremmel won the Grauwand Cup.", wire) is None
    assert (
        differing_placing(claim, "Tremmel was fourth in Oslo; on Saturday Tremmel finished second.") is None
    )


@pytest.mark.fast
def test_a_pages_publication_stamp_is_blanked_and_a_reported_publication_kept():
    """ "Published Sunday 6 April 2025, 08:15" glued to a story's first sentence lent the check the
    claim's "Sunday 6 April" for a meeting the story puts on Saturday; the stamp dates the page."""
    stamped = "Published Sunday 6 April 2025, 08:15 OSSIRAZ — The cooperative met on Saturday."
    blank = without_publication_stamp(stamped)
    assert len(blank) == len(stamped) and blank.strip().startswith("OSSIRAZ")
    for stamp in (
        "Posted on March 3, 2025 by Wenna",
        "Updated: 12 May 2024 at 9:40 a.m. The bridge reopened.",
        "Published: Monday 20 May 2024",
        "Last updated 11 March 2025, 12:45 GMT",
    ):
        assert not any(ch.isdigit() for ch in without_publication_stamp(stamp)), stamp
    # The false-positive sides: a sentence reporting a publication, or a date of the story, stays.
    for kept in (
        "The report was published on 6 April 2025 by the ministry.",
        "The council met on Sunday 6 April 2025 to vote.",
        "Published figures show 6 April 2025 was the wettest day.",
    ):
        assert without_publication_stamp(kept) == kept, kept
