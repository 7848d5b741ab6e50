"""Who speaks in a sentence and which names are the same, on their own (each with the case it was
written for and a false positive)."""

from __future__ import annotations

import pytest

from rag.speakers import abbreviates, distinguishing_word, own_speaker, quoted_speaker, speaks_for
from rag.values import Differs


@pytest.mark.fast
def test_own_speaker_names_or_describes_who_speaks_and_skips_pronouns():
    assert own_speaker("There should be no turns, the Kremlin spokesman stressed.") == "the Kremlin spokesman"
    assert own_speaker("Russia welcomes all efforts, Peskov said.") == "Peskov"
    assert own_speaker("He added that the talks would resume.") == ""
    assert own_speaker("Russia has about 5,000 troops stationed in Armenia.") == ""
    # A name set off by commas is the speaker; a quote or a clause set off the same way is not.
    assert own_speaker("The chain's administrator, Jeff McDonald, says offers came in.") == "Jeff McDonald"
    assert own_speaker('"We are ready," said the minister.') == "the minister"  # the speaker after the verb
    assert own_speaker('"We heard the Prime Minister saying he never said so," he said.') == ""
    assert own_speaker('"We heard the Prime Minister saying so," Mr Crean said.') == "Mr Crean"
    assert own_speaker("The union, which has 3,000 members, said it would strike.") == ""
    assert (
        own_speaker("Jim Soorley, who is a former Catholic priest, says it does not wash.") == "Jim Soorley"
    )
    assert own_speaker("The mayor, who is a former priest, says it does not wash.") == ""


@pytest.mark.fast
def test_whoever_is_told_or_warned_is_spoken_to_not_speaking():
    assert own_speaker("Residents of Denholt were told to keep their windows shut.") == ""
    assert own_speaker("Shoppers have been warned to expect delays.") == ""
    # The false-positive side: the one telling or warning still speaks.
    assert (
        own_speaker("Fire chief Ann Lowe told residents to keep their windows shut.") == "Fire chief Ann Lowe"
    )
    assert "council" in own_speaker("The council has warned shoppers to expect delays.")


@pytest.mark.fast
def test_initials_are_the_same_name_and_a_changed_name_is_not():
    assert abbreviates("US Air Force", "United States Air Force")
    assert abbreviates("United Nations", "UN")
    assert not abbreviates("Pope Honorius III", "Pope Innocent III")  # the false-positive side
    assert not abbreviates("Edmon Marukyan", "Kremlin")


@pytest.mark.fast
def test_the_distinguishing_word_of_a_name_is_the_last_one_the_other_lacks():
    assert distinguishing_word("Todd River", "Finke River") == "todd"  # not "river", which both share
    assert distinguishing_word("Pope Honorius III", "Pope Innocent III") == "honorius"
    assert distinguishing_word("Western Australian Justice Neville Owen", "Sydney") == "owen"


@pytest.mark.fast
def test_a_pronouns_quote_belongs_to_the_speaker_named_before_it():
    sentences = [
        "Labor's spokesman John Faulkner says the bill should not be delayed.",
        '"We want it dealt with quickly," he said.',
        "Attorney-General Daryl Williams says the Government is relying on Labor.",
        "The bill goes to Parliament next year.",
    ]
    assert quoted_speaker(sentences, 1) == "Labor's spokesman John Faulkner"
    assert quoted_speaker(sentences, 2) == "Attorney-General Daryl Williams"
    # The false-positive side: no speech, no speaker; and nobody named before, nobody.
    assert quoted_speaker(sentences, 3) == ""
    assert quoted_speaker(['"It is rushed," she said.'], 0) == ""


@pytest.mark.fast
def test_a_quote_that_goes_on_belongs_to_the_speaker_of_the_quote_before_it():
    sentences = [
        "But Mr Howard says he has confidence in the Governor-General.",
        '"I have talked to him about it," Mr Howard said.',
        '"The criticism made is that he is involved in a cover-up, that is ridiculous."',
    ]
    assert quoted_speaker(sentences, 2) == "Mr Howard"
    # The false-positive side: a quoted title after a statement is no speech of the one before it.
    titled = ["Senator Hill announced the deployment.", '"Operation Slipper" began in October.']
    assert quoted_speaker(titled, 1) == ""


@pytest.mark.fast
def test_a_body_speaks_through_its_officer():
    differs = Differs("Harbour Water", "Ann Lee", "name")
    for article in (
        "The chief executive of Harbour Water, Ann Lee, said supplies were safe.",
        "Harbour Water spokeswoman Ann Lee said supplies were safe.",
        "Ann Lee, a director at Harbour Water, said supplies were safe.",
    ):
        assert speaks_for(differs, article), article
    # The false-positive side: a critic, a rival's head or a customer of the body is another speaker,
    # and so is a person the claim names as its speaker.
    for article in (
        "Ann Lee, a critic of Harbour Water, said supplies were safe.",
        "The head of Harbour Water's biggest rival, Ann Lee, said supplies were safe.",
        "Ann Lee, who buys from Harbour Water, said supplies were safe.",
    ):
        assert not speaks_for(differs, article), article
    assert not speaks_for(
        Differs("Tom Reid", "Ann Lee", "name"), "Ann Lee, the chief executive of Harbour Water, said so."
    )


@pytest.mark.fast
def test_a_speaker_after_the_quote_and_other_reporting_verbs():
    assert own_speaker('"We will win," said Peskov.') == "Peskov"
    assert (
        own_speaker('"This is no natural disaster," thundered Opposition leader Dinesh Rao.')
        == "Opposition leader Dinesh Rao"
    )
    assert own_speaker("Chittoor admitted the side had batted badly.") == "Chittoor"
    assert (
        quoted_speaker(['"We lost it with the bat," Chittoor admitted.', '"Two hundred was gettable."'], 1)
        == "Chittoor"
    )
    # The false-positive side: a pronoun after the verb names nobody, and no quote, no inversion.
    assert own_speaker('"Fine," said he.') == ""
    assert own_speaker('"Fine," he admitted.') == ""
    assert own_speaker("The flood damaged Kadavu Bridge.") == ""
    assert own_speaker("Rao called the decision 'a disgrace'.") == "Rao"
    assert own_speaker("The mayor called off the parade.") == ""  # "called" quoting nothing
