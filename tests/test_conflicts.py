from rag.conflicts import dates, words_dating


def test_dates_in_several_spellings():
    assert dates("suspended on Sept. 13, a day after") == {(9, 13)}
    assert dates("On September 20, the ministry said") == {(9, 20)}
    assert dates("on 19 September 2023 and Sep 21") == {(9, 19), (9, 21)}
    assert dates("since 1991, for 44 days") == set()


def test_a_wire_datelines_date_is_when_the_story_was_filed():
    assert dates("TAMROVO, 14 March (VWA) - Talks to end the strike resumed on Friday.") == set()
    # The false-positive side: a date the sentence reports after its dateline still counts.
    assert dates("MERRIVALE, June 8 (Harbour Wire) - Dock workers ended a walkout begun on June 6.") == {
        (6, 6)
    }
    assert dates("Talks resumed on 14 March, the agency said.") == {(3, 14)}


def test_the_words_beside_a_date_in_its_clause_say_what_it_dates():
    arrest = words_dating("A man was arrested on Friday 9 May and released on bail.", (5, 9))
    assert "arrest" in arrest and "bail" not in arrest  # "and" opens the bail's clause
    assert "bail" in words_dating("He was released on police bail until Monday 7 July.", (7, 7))
    # The false-positive side: a day the text does not give has no words, nor does one set apart.
    assert words_dating("A man was arrested on Friday 9 May.", (7, 7)) == set()
    assert words_dating("The vote, on 3 May, was close.", (5, 3)) == set()


def test_the_seed_articles_disagree_and_the_answer_says_so(pipeline):
    """Anadolu-style 000 dates the suspension Sept. 13; TASS (002) dates it September 20."""
    answer = pipeline.ask("When did Azerbaijan suspend its counterterrorism measures?")
    assert not answer.refused
    assert "disagree" in answer.answer
    sources = {c.source for c in answer.citations}
    assert {"000_187d25106f4b8867.txt", "002_bc626fa2c772027a.txt"} <= sources
    assert "Sept. 13" in answer.answer and "September 20" in answer.answer
    for c in answer.citations:
        assert f"[{c.n}]" in answer.answer


def test_agreeing_sources_raise_no_conflict(pipeline):
    answer = pipeline.ask(
        "How many Karabakh Armenians took shelter at the headquarters of the Russian peacekeeping contingent?"
    )
    assert not answer.refused and "disagree" not in answer.answer


def test_different_dates_for_different_events_are_not_a_conflict(embedder):
    from rag.conflicts import find_conflicts
    from rag.types import Chunk, Citation, Passage, Span

    cited_text = "The footbridge over the Clyde opened to pedestrians on May 4."
    other_text = "The first malaria vaccine doses arrived in Kisumu on May 9."
    cited = Citation(1, "bridge.txt", "Bridge", 0, len(cited_text), cited_text, 0.8)
    chunk = Chunk(
        0, "vaccine.txt", 0, len(other_text), other_text, "Vaccine", sentences=[Span(0, len(other_text))]
    )
    assert find_conflicts([cited], [Passage(chunk, 0.5)], embedder.embed_cached) == []
    # The same event with another date is one.
    same = "The footbridge over the Clyde opened to pedestrians on May 6."
    chunk = Chunk(1, "other.txt", 0, len(same), same, "Bridge", sentences=[Span(0, len(same))])
    assert len(find_conflicts([cited], [Passage(chunk, 0.5)], embedder.embed_cached)) == 1
