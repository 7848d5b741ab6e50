"""What the draft check reads around a passage sentence (`rag.readings`)."""

from rag.readings import with_next_sentence, with_previous_sentence
from rag.text import split_sentences
from rag.types import Chunk

WIRE = (
    "FELLSIDE, Mar 3 (KNA) - A rockfall closed the Harrow Pass road on Monday evening, police said. "
    "The rocks came down in the Wrenna cutting at about 6 p.m. "
    "Nobody was hurt."
)


def _chunk(text: str) -> Chunk:
    return Chunk(0, "wire.txt", 0, len(text), text, "Rockfall", sentences=split_sentences(text))


def test_the_next_sentence_is_read_when_it_gives_a_word_of_the_claim_the_window_lacks():
    chunk = _chunk(WIRE)
    first = chunk.sentences[0]
    wider = with_next_sentence(
        chunk, first, "The rockfall came down in the Wrenna cutting on Tuesday evening.", "date"
    )
    assert wider is not None
    read, following = wider
    assert read.startswith(with_previous_sentence(chunk, first))
    assert read.endswith("at about 6 p.m.")
    assert following == chunk.sentences[1]


def test_no_next_sentence_when_it_adds_none_of_the_claims_words_or_the_passage_ends():
    chunk = _chunk(WIRE)
    # the window already says all the claim says; "Nobody was hurt" adds nothing to it
    assert (
        with_next_sentence(
            chunk, chunk.sentences[1], "The rocks came down in the Wrenna cutting at 7 p.m.", "number"
        )
        is None
    )
    assert (
        with_next_sentence(chunk, chunk.sentences[-1], "Nobody was hurt in the Wrenna cutting.", "date")
        is None
    )


def test_no_next_sentence_when_the_sentence_itself_tells_nothing_of_the_claim():
    """Its day would be another event's: the vote's Thursday is no date of the rockslide."""
    chunk = _chunk(
        "The council voted on Thursday to close the school. The rockslide came down in the Wrenna cutting."
    )
    assert (
        with_next_sentence(
            chunk, chunk.sentences[0], "The rockslide came down in the Wrenna cutting on Friday.", "date"
        )
        is None
    )
    # a date's day part ("Thursday evening") is no word the two share
    chunk = _chunk("The council met on Thursday evening. The rockslide came down in the Wrenna cutting.")
    assert (
        with_next_sentence(
            chunk,
            chunk.sentences[0],
            "The rockslide came down in the Wrenna cutting on Friday evening.",
            "date",
        )
        is None
    )


def test_no_next_sentence_past_a_measure_or_when_it_gives_its_own_value():
    # "vells" is what the figure measures, no word of the race's winner
    chunk = _chunk("The race raised 310,000 vells for the hospice. Brenholm said the record was on his mind.")
    claim = "Brenholm collected 50,000 vells in prize money."
    assert with_next_sentence(chunk, chunk.sentences[0], claim, "number") is None
    # the next sentence dates its own event: "on Thursday evening" is the vote's day, not July's
    chunk = _chunk(
        "The school will close in July. The council voted 11 to 8 on Thursday evening to close it."
    )
    claim = "Councillors took the school closure vote on Friday, 28 January."
    assert with_next_sentence(chunk, chunk.sentences[0], claim, "date") is None
    # ... while a time of day in it is no second number: "at about 6 p.m." tells where, not how many
    chunk = _chunk(WIRE)
    wider = with_next_sentence(
        chunk, chunk.sentences[0], "The rockfall stranded 40 vehicles in the Wrenna cutting.", "number"
    )
    assert wider is not None
