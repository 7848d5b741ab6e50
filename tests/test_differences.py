"""How a passage differs from a claim beyond its values, on its own: negations, another name in the
claim's place (each heuristic with the case it was written for and a false positive)."""

from __future__ import annotations

import pytest

from rag.differences import another_name_in_place, deed_of_another


def _negations_about(claim: str, *texts: str) -> list[int]:
    """The negations of the claim and of each text, in the clauses sharing the claim's words."""
    from rag.differences import negations
    from rag.tokens import tokens

    about = {t.key for t in tokens(claim)}
    return [negations(text, about) for text in (claim, *texts)]


@pytest.mark.fast
def test_negations_count_only_in_the_clauses_about_the_claim():
    claim = "The first convoy went in two directions, through the Aghdam and Lachin roads."
    source = (
        "The first convoy went in two directions through the Aghdam and Lachin roads, but "
        "unfortunately this did not prevent the fighting."
    )
    assert _negations_about(claim, source) == [0, 0]
    # The false-positive side: a negation in the clause the claim restates still counts.
    assert _negations_about(claim, "The first convoy did not go through the Lachin road.")[1] == 1
    # A window of two sentences: the second's negation is not in the first's last clause.
    window = 'The first convoy went in two directions. "We do not expect more," the Lachin governor said.'
    assert _negations_about(claim, window)[1] == 0
    assert (
        _negations_about(claim, "The first convoy went in two directions. It did not use the Lachin road.")[1]
        == 1
    )


@pytest.mark.fast
def test_a_comparison_is_no_negation():
    claim = "The minister ordered checks of cooling towers at every building over 5,000 square metres."
    source = (
        "The minister ordered inspections of cooling towers at all buildings larger than 5,000 square metres."
    )
    assert _negations_about(claim, source) == [0, 0]
    # The false-positive side: "rather than" still negates, as "not" does.
    assert _negations_about(claim, "The minister ordered cooling towers closed rather than checked.")[1] == 1


@pytest.mark.fast
def test_a_passage_quoting_another_speaker_after_the_words_is_no_text_for_the_judge():
    """The captain is sent off in one sentence; the words are the coach's, named after the quote
    (no name stands in the other's place, word for word)."""
    passage = (
        "Vellan captain Jori Aska was sent off for a second yellow card in the 88th minute. "
        '"We lost our discipline after the penalty, and that is on me," Vellan coach Marta Ilves told reporters.'
    )
    claim = "Vellan captain Jori Aska said his team lost their discipline after the penalty and that the blame was his."
    placed = another_name_in_place(claim, passage)
    assert placed is not None and placed.differs.source.endswith("Marta Ilves")
    # The false-positive side: the coach's own words, and a claim with no speaker.
    assert another_name_in_place(claim.replace("captain Jori Aska", "coach Marta Ilves"), passage) is None
    assert another_name_in_place("Vellan captain Jori Aska was sent off in the 88th minute.", passage) is None
    assert another_name_in_place("the captain was sent off late on.", passage) is None  # no value at all


@pytest.mark.fast
def test_a_noun_the_text_names_otherwise_leaves_the_claims_name_unsaid():
    """ "The Bluebird coach" against "a commuter coach ..." after "taken to Kelby Royal Infirmary":
    the text does not name the coach, and the hospital fills no slot of the claim's."""
    claim = "The Bluebird coach that hit a tractor at the Marl Bridge junction had 41 passengers on board."
    text = (
        "Nine people were taken to Kelby Royal Infirmary this morning after a commuter coach carrying "
        "41 passengers hit a tractor at the Marl Bridge junction."
    )
    assert another_name_in_place(claim, text, text) is None
    # The false-positive side: another operator's coach, named before the noun or in its place.
    for other in (
        "A Redline commuter coach carrying 41 passengers hit a tractor at the Marl Bridge junction.",
        "The Redline coach that hit a tractor at the Marl Bridge junction had 41 passengers on board.",
    ):
        difference = another_name_in_place(claim, other, other)
        assert difference is not None and difference.differs.source == "Redline"


RIVERMOUTH_RUN = (
    "A record 2,400 runners lined up on Harbour Promenade for this morning's Rivermouth Coastal Run, and the "
    "women's course record fell for the first time in eight years. Ines Valdero of Coastline Harriers "
    "won the women's race in 31:12, taking 19 seconds off the old record."
)


@pytest.mark.fast
def test_a_name_setting_the_scene_beside_the_sentence_stating_the_claim_fills_no_place():
    from rag.differences import stated_beside
    from rag.values import Differs

    claim = "Ines Valdero won the Rivermouth Coastal Run in a course record of 31:12, 19 seconds faster than the previous best."
    assert another_name_in_place(claim, RIVERMOUTH_RUN, RIVERMOUTH_RUN) is None
    values = {"31", "12", "19"}
    assert stated_beside(values, RIVERMOUTH_RUN, Differs("Ines Valdero", "Harbour Promenade", "name"))
    # The false-positive sides: the other name in the sentence giving all the values, the claim's
    # name given nowhere in the window, a claim with no values.
    beside = RIVERMOUTH_RUN.replace("of Coastline Harriers", "on Harbour Promenade")
    assert not stated_beside(values, beside, Differs("Ines Valdero", "Harbour Promenade", "name"))
    assert not stated_beside(values, RIVERMOUTH_RUN, Differs("Seafront Drive", "Harbour Promenade", "name"))
    assert not stated_beside(set(), RIVERMOUTH_RUN, Differs("Ines Valdero", "Harbour Promenade", "name"))
    # ... and a window that never gives the claim's name keeps its swap.
    other = RIVERMOUTH_RUN.replace("Ines Valdero", "Marta Quell")
    assert another_name_in_place(claim, other, other) is not None


@pytest.mark.fast
def test_a_name_beside_the_sentence_giving_the_values_fills_no_place():
    from rag.differences import named_beside_the_values
    from rag.tokens import stated_values, tokens

    values = stated_values(
        tokens("Kelby Rovers finished with ten men after a second yellow card in the 98th minute.")
    )
    window = (
        "Ashford equalised when Tom Reid's shot looped in. The holders were reduced to ten men in the "
        "98th minute after a second yellow card."
    )
    assert named_beside_the_values(values, window, "Tom Reid")
    # The false-positive side: a name in the sentence giving the values, or a claim with no values.
    assert not named_beside_the_values(values, window.replace("The holders", "Tom Reid's side"), "Tom Reid")
    assert not named_beside_the_values(
        stated_values(tokens("Kelby Rovers finished with a man less.")), window, "Tom Reid"
    )


@pytest.mark.fast
def test_a_passive_claims_doer_is_its_agent():
    """ "... was a penalty converted by Mats Lund" where the sentence gives the penalty to Jonas
    Vik: the claim opens on the team, the deed's doer is after "by"."""
    text = (
        "Olle Sand put Athletic ahead with a header. Jonas Vik equalised from the penalty spot just "
        "before half-time, and then Mats Lund won it with a low shot in the eighty-fifth minute."
    )
    swapped = deed_of_another(
        "United's equaliser against Athletic was a penalty converted by Mats Lund.", text
    )
    assert swapped is not None and (swapped.differs.draft, swapped.differs.source) == (
        "Mats Lund",
        "Jonas Vik",
    )
    # The false-positive sides: the penalty's own taker, and a "by" that is no doer ("by 2020").
    assert (
        deed_of_another("United's equaliser against Athletic was a penalty converted by Jonas Vik.", text)
        is None
    )
    assert deed_of_another("Jonas Vik's penalty was converted by half-time.", text) is None
