"""Which sentences of a draft are claims: questions, opinions and headings are not (each pattern with
the case it was written for and a false positive)."""

from __future__ import annotations

import pytest

from rag.claims import not_a_claim, reports_a_judgement, reports_speech


@pytest.mark.fast  # no model, no index
@pytest.mark.parametrize(
    "sentence, why",
    [
        ("Did Russia know about the offensive in advance?", "a question"),
        ("I think the Kremlin's response was weak.", "an opinion"),
        ("In my view, Armenia should leave the CSTO.", "an opinion"),
        ("## Background", "a heading"),
        ("It is a shame that the talks collapsed so quickly.", "an opinion"),
        ("It was deeply regrettable that aid arrived so late.", "an opinion"),
        ("Few would disagree that the ceasefire came too late.", "an opinion"),
        ("It is high time for the monitors to return.", "an opinion"),
        ("The festival's closing film is nothing short of a triumph.", "an opinion"),
        ("The new ferry timetable is the cleverest idea the council has ever had.", "an opinion"),
        ("Her later novels remain the most rewarding of her career.", "an opinion"),
        ("The old harbour town is the most charming stop on the coast.", "an opinion"),
        ("The second half of the final was so dull.", "an opinion"),
        ("The council's new parking fees are little more than a cash grab.", "an opinion"),
        ("Closing the rural clinics was a shabby way to treat the region.", "an opinion"),
        (
            "A budget that spends more on roads than on schools is an indictment of our priorities.",
            "an opinion",
        ),
        ("It is hard to see how a mobile van can stand in for a branch library.", "an opinion"),
        ("The new stadium is exactly the kind of project the town has lacked.", "an opinion"),
        ("Appointing her as finance minister was the smartest move the new government made.", "an opinion"),
        ("Holding a referendum would be the best decision.", "an opinion"),
        ("He will surely be remembered as the finest singer the island produced.", "an opinion"),
        ("Voters deserve better than this.", "an opinion"),
        ("The councillors brought the defeat on themselves.", "an opinion"),
        ("It is time the council listened to residents.", "an opinion"),
        ("The three-year promise is far too short to reassure the dock workers.", "an opinion"),
        ("The new cycle lane is a welcome step towards safer streets.", "an opinion"),
        ("Scrapping the bridge toll was a welcome move for commuters.", "an opinion"),
        ("Karlsson is the finest goalkeeper the club has ever had.", "an opinion"),
        ("It was one of the finest performances of the season.", "an opinion"),
        ("The council's reply to the flooded households has been woefully inadequate.", "an opinion"),
        ("The new library thoroughly deserves its architecture prize.", "an opinion"),
        ("The central bank will probably have to raise rates again before summer.", "an opinion"),
        ("The tunnel is a remarkable achievement for such a small town.", "an opinion"),
        ("The health board should have told families about the closure much sooner.", "an opinion"),
        ("Ridership on the new ferry may well fall away once the summer is over.", "an opinion"),
        ("The old tannery may yet find a buyer before the end of the year.", "an opinion"),
        ("With their captain back, Harriers are bound to win the league.", "an opinion"),
        ("The Gulls will beat Oskaway United in the final on 16 May.", "an opinion"),
        ("Ossiraz Palms are certain to beat Zarnoudi Athletic on 3 May.", "an opinion"),
        # The writer's forecast told as a likelihood
        ("The club's new attendance record is likely to stand for many years.", "an opinion"),
        ("The Rovers look certain to keep the trophy next season.", "an opinion"),
        ("The mine's owners seem set to close the east shaft.", "an opinion"),
        ("The Herons will easily win the league title this season.", "an opinion"),
        ("Sacking the manager in March was a baffling boardroom decision.", "an opinion"),
        ("The late penalty was a harsh call on the visitors.", "an opinion"),
    ],
)
def test_questions_opinions_and_headings_are_not_claims(sentence, why):
    assert not_a_claim(sentence) == why


@pytest.mark.fast  # no model, no index
@pytest.mark.parametrize(
    "sentence",
    [
        "Peskov said Moscow should not be blamed for the fighting.",  # "should", but someone said it
        "Russia has about 5,000 troops stationed in Armenia.",
        "Clear skies were forecast for Yerevan on Tuesday.",  # opens on a word like "clearly", is not one
        "It is the largest freshwater lake in the world by surface area.",  # "It is", a fact
        "It was a shame that the talks collapsed, the foreign minister said.",  # someone's judgement, reported
        "It is time zones, not borders, that divide the region, the report found.",
        # Quality words used to describe, not to judge (encyclopedia and news sentences):
        "The statue is a masterpiece of Renaissance sculpture carved between 1501 and 1504.",
        "The outlaw is a legendary heroic figure of English folklore.",
        "An addictive drug is one which is both rewarding and reinforcing.",
        "The critic said the film was nothing short of a masterpiece.",  # someone's judgement, reported
        "The bridge is the longest in the world and the drought was the worst on record.",
        "The charming old town was rebuilt in 1950 after the fire.",  # describes, does not grade
        "Visitors said the harbour town was the most charming stop on the coast.",  # reported
        "Inflation was little more than 2 per cent last year.",  # an amount, not a dismissal
        "The new ferry is little more than a few metres longer than the old one.",
        "A grand jury returned an indictment of the former chief executive on Friday.",  # the legal kind
        "The opposition leader said the fees were little more than a cash grab.",  # reported
        # Near the stock judgements, but facts or somebody's words:
        "It was hard to reach the village after the storm cut the road.",
        "The harbour master said the fishermen had brought the losses on themselves.",
        "The award is given to the best new novel of the year.",
        "The worst drought on record hit the region in 2019.",
        "The union said it was exactly the kind of deal its members wanted.",
        "Surveyors found the same type of crack in both towers.",
        "The river was far too high to cross, police said.",  # somebody's words
        "The ice was too thin to hold the rescue vehicle.",  # "too ... to", not "far too ... to"
        "The finest sand on the beach was washed away by the storm.",  # fine grains, no praise
        "The mayor said the new cycle lane was a welcome step.",  # somebody's words
        "Residents welcomed the move to close the road at night.",
        "The bank's chief economist said growth had been woefully weak.",
        "The coach said his side deserved the win.",  # somebody's words
        "Analysts said the bank would probably cut rates in June.",
        "Her greatest achievement was a gold medal at the 2004 games.",  # no verdict on the achievement
        "The bridge was an achievement of Roman engineering.",
        "The minister said the board should have told families sooner.",  # somebody's reproach
        "The forecaster said rain may well return by Friday.",  # somebody's forecast
        "The striker played as well as he had all season.",  # "as well", no hedge
        "The freighter bound to Rotterdam sank off the cape.",  # a ship's course, no forecast
        "The council is bound to the contract until 2030.",  # held to it
        "The club said it may yet appeal the ruling.",  # somebody's hedge
        # A plan, an estimate somebody made, or a likelihood somebody was quoted for: no forecast of the writer's.
        "Stall rents are set to go up by 22 per cent from 1 May.",
        "The repairs are expected to cost about 540,000 crowns.",
        "The coroner said the rule was unlikely to change.",
        "Doctors said the record was likely to stand for years.",
        "A likely buyer for the mill was named on Friday.",
        # A contest's fixture or somebody's forecast of it, not the writer's:
        "The Gulls will face Oskaway United in the final on 16 May.",
        "The coach said the Gulls will beat Oskaway United in the final.",
        "The winners will receive a trophy and 5,000 crowns.",
        "Ferries will run every twenty minutes during the final.",
        "No buyer has yet been found for the site.",
        "The crash was a shocking reminder of the junction's danger.",  # no verdict on a decision
        "The ruling was a unanimous decision of the five judges.",  # describes the decision
        "The vote was a 5-4 decision.",
    ],
)
def test_statements_are_claims_even_with_should_or_a_clear_opening(sentence):
    assert not_a_claim(sentence) == ""


@pytest.mark.fast
def test_a_would_be_a_mistake_judgement_is_an_opinion_unless_someone_said_it():
    assert not_a_claim("Moving the games to Sydney would be a costly mistake.") == "an opinion"
    assert not_a_claim("Moving the games would be a mistake, the minister said.") == ""


@pytest.mark.fast
def test_a_judgement_somebody_argued_is_a_claim_about_what_they_argued():
    """ "X argued that the report should be published" is checkable: did X argue it?"""
    assert (
        not_a_claim("Planner Ngozi Amadi argued that the impact assessment should be published first.") == ""
    )
    assert not_a_claim("The union insists the offer should be withdrawn.") == ""
    # The false-positive side: the judgement on its own is still an opinion.
    assert not_a_claim("The impact assessment should be published before the vote.") == "an opinion"


def test_a_condition_opening_with_should_is_a_claim():
    claim = "Should the Supreme Court uphold the conviction, Halvenz will have to hold a by-election within 90 days."
    assert not_a_claim(claim) == ""
    # The false-positive side: "should" further on still prescribes.
    assert not_a_claim("Halvenz should hold a by-election within 90 days.") == "an opinion"


@pytest.mark.fast
def test_a_sentence_reporting_speech_is_told_from_the_writers_own_words():
    assert reports_speech("The union insists the offer should be withdrawn.")
    assert reports_speech("Pashinyan said the blockade was cruel.")
    assert not reports_speech("The blockade was a cruel way to starve a population into submission.")
    assert reports_speech('Judge Ana Brel declared at the hearing that "no office is above the law".')
    assert reports_speech("The minister pledged that no school would close.")


@pytest.mark.fast
def test_words_somebody_declared_are_a_claim_however_judging_they_sound():
    """A reported declaration is checked against the archive (did the judge say it?), even where
    the sentence's tone reads like a judgement."""

    class _JudgingTone:
        threshold = 0.5

        def __call__(self, text: str) -> float:
            return 0.9

    declared = 'Judge Ana Brel declared at the hearing that "no office is above the law".'
    assert not_a_claim(declared, _JudgingTone()) == ""
    # The false-positive side: the same judgement in the writer's own words is an opinion.
    assert not_a_claim("No office is above the law.", _JudgingTone()).startswith("an opinion")


@pytest.mark.fast
def test_a_judgement_somebody_is_reported_making_in_a_verb_is_theirs_not_the_writers():
    assert reports_a_judgement(
        "Gallery director Helena Dvorak called the painting the soul of the collection."
    )
    assert reports_a_judgement("Westmarch Water blamed the contamination on a faulty lamp.")
    assert not reports_speech("Westmarch Water blamed the contamination on a faulty lamp.")
    # The false-positive side: the passive leaves the judgement to the writer.
    assert not reports_a_judgement("No wage freeze could ever be called fair.")
    assert not reports_a_judgement("The wage freeze is a betrayal of the workers who keep the planes safe.")


@pytest.mark.fast
def test_a_judgement_reported_with_saying_is_a_claim():
    """ "..., saying the Harvesters deserved it" reports the coach's words: the check had taken the
    sentence for the writer's opinion ("deserved") and never looked it up."""
    reported = (
        "Locomotive coach Emil Ruzhak put the Game 7 defeat down to overtime and a single bounce, "
        "saying the Harvesters deserved it."
    )
    assert not_a_claim(reported) == ""
    # The false-positive sides: the writer's own verdict, and "it goes without saying".
    assert not_a_claim("The Harvesters thoroughly deserved their title.") == "an opinion"
    assert not_a_claim("It goes without saying that the Harvesters deserved their title.") == "an opinion"
