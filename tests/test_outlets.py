"""What another outlet's sentence may give as its figure for a claim's, on its own (the whole
draft check over real articles is in test_check.py)."""

from __future__ import annotations

import pytest

from rag.outlets import counted_by_another, part_of_the_figure
from rag.tokens import runs, tokens


def _runs(claim: str, value: str, sentence: str, rival: str):
    claim_side, side = tokens(claim), tokens(sentence)
    value_run = next(r for r in runs(claim_side) if r[0].text == value)
    rival_run = next(r for r in runs(side) if r[0].text == rival)
    return claim_side, value_run, side, rival_run


def _counted_by_another(claim: str, value: str, sentence: str, rival: str) -> bool:
    return counted_by_another(*_runs(claim, value, sentence, rival))


def _part_of_the_figure(claim: str, value: str, sentence: str, rival: str) -> bool:
    _, value_run, side, rival_run = _runs(claim, value, sentence, rival)
    return part_of_the_figure(value_run, side, rival_run)


@pytest.mark.fast  # no model, no index
def test_a_number_beside_the_one_counting_the_claims_thing_is_no_rival():
    claim = "Forty-five people, a pair of drivers among them, were travelling on the bus."
    sentence = "Eleven people were killed and 27 injured when the bus plunged into a gorge."
    assert _counted_by_another(claim, "Forty-five", sentence, "27")  # "Eleven" counts the people
    # The false-positive side: the number that counts the people, and a sentence whose only
    # number counts the claim's thing in other words, are left to the judging model.
    assert not _counted_by_another(claim, "Forty-five", sentence, "Eleven")
    homeless = "More than 5,000 people were left homeless by the floods."
    assert not _counted_by_another(homeless, "5,000", "About 3,400 were forced from their homes.", "3,400")


@pytest.mark.fast
def test_a_number_adding_up_to_the_claims_figure_with_another_is_a_part_of_it():
    claim = "Forty-five people, a pair of drivers among them, were travelling on the bus."
    parts = "The bus left on Monday with 43 passengers and two drivers on board."
    assert _part_of_the_figure(claim, "Forty-five", parts, "43")
    # The false-positive side: a count alone, or parts adding up to another figure, may be
    # another outlet's count.
    assert not _part_of_the_figure(claim, "Forty-five", "The bus left with 43 passengers on board.", "43")
    assert not _part_of_the_figure(
        claim, "Forty-five", "The bus left with 43 passengers and three drivers on board.", "43"
    )
