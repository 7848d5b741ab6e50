import pytest

from rag.retrieve import Retriever, describe_empty_filter, make_filter, reciprocal_rank_fusion
from rag.types import SearchFilter

QUESTIONS = [
    ("How many Russian troops are stationed in Armenia?", "003_3de8e0a82d2249ce.txt"),
    (
        "How many Karabakh Armenians took shelter at the peacekeepers' headquarters?",
        "004_ec9ddec3083ffd8f.txt",
    ),
    ("When did Putin and Pashinyan speak by telephone according to TASS?", "002_bc626fa2c772027a.txt"),
    ("Did the Kremlin confirm that Baku notified Moscow before the operation?", "001_ad9039b2d6be9212.txt"),
    ("Where did Peskov say the Russian peacekeepers are now located?", "000_187d25106f4b8867.txt"),
    ("What did Maria Zakharova accuse the Armenian government of?", "004_ec9ddec3083ffd8f.txt"),
    ("What did Turkish Foreign Minister Mevlut Cavusoglu say?", "003_3de8e0a82d2249ce.txt"),
    ("Who said it is the US's turn to protect civilians in Nagorno-Karabakh?", "001_ad9039b2d6be9212.txt"),
]


@pytest.mark.parametrize("question,source", QUESTIONS)
def test_the_right_article_is_among_the_passages_the_model_sees(pipeline, question, source):
    passages = pipeline.search(question, 4)
    assert source in [p.chunk.source for p in passages], [p.chunk.source for p in passages]


def test_rare_name_found_by_hybrid_even_where_dense_alone_ranks_it_low(pipeline):
    dense = Retriever(pipeline.index, pipeline.embedder, "dense").search("Marukyan", 5)
    hybrid = Retriever(pipeline.index, pipeline.embedder, "hybrid").search("Marukyan", 5)
    assert not any("Marukyan" in p.chunk.text for p in dense)  # the embedder alone misses it
    assert "Marukyan" in hybrid[0].chunk.text


def test_passages_do_not_repeat_the_same_text(pipeline):
    passages = pipeline.search("Peskov peacekeepers heroism", 6)
    spans = [(p.chunk.source, p.chunk.start, p.chunk.end) for p in passages]
    assert len(set(spans)) == len(spans)
    for a in passages:
        for b in passages:
            if a is not b and a.chunk.source == b.chunk.source:
                shared = min(a.chunk.end, b.chunk.end) - max(a.chunk.start, b.chunk.start)
                assert shared <= 0.5 * min(len(a.chunk.text), len(b.chunk.text))


def test_fusion_rewards_agreement():
    fused = reciprocal_rank_fusion([[1, 2, 3], [3, 1, 4]])
    assert max(fused, key=fused.get) == 1 and fused[3] > fused[2] and fused[4] < fused[2]


def test_empty_query_and_unknown_mode(pipeline):
    assert pipeline.search("   ", 3) == []
    with pytest.raises(ValueError):
        Retriever(pipeline.index, pipeline.embedder, "magic")


def test_the_same_quotes_in_two_outlets_collapse_into_one_passage_naming_both(pipeline):
    # Anadolu (000) and TASS (002) carry the same Peskov quotes, each in its own translation.
    passages = pipeline.search("Did Peskov accept blame on the Russian peacekeepers?", 4)
    carrying = [p for p in passages if p.duplicates]
    assert carrying, [(p.chunk.source, p.chunk.id) for p in passages]
    sources = {carrying[0].chunk.source} | {d.source for d in carrying[0].duplicates}
    assert sources == {"000_187d25106f4b8867.txt", "002_bc626fa2c772027a.txt"}
    shown = {(p.chunk.source, p.chunk.start) for p in passages}
    assert not any((d.source, d.start) in shown for p in passages for d in p.duplicates)


def test_without_collapse_both_restatements_take_a_slot(pipeline):
    plain = Retriever(pipeline.index, pipeline.embedder, collapse=False)
    passages = plain.search("Did Peskov accept blame on the Russian peacekeepers?", 4)
    assert not any(p.duplicates for p in passages)
    assert {"000_187d25106f4b8867.txt", "002_bc626fa2c772027a.txt"} <= {p.chunk.source for p in passages}


def test_an_outlet_filter_excludes_the_others(pipeline):
    question = "Did Peskov accept blame on the Russian peacekeepers?"
    unfiltered = {p.chunk.source for p in pipeline.search(question, 4)}
    assert "000_187d25106f4b8867.txt" in unfiltered
    only_tass = pipeline.search(question, 4, SearchFilter(sources=("tass",)))
    assert only_tass and {p.chunk.source for p in only_tass} == {"002_bc626fa2c772027a.txt"}
    by_file = pipeline.search(question, 4, SearchFilter(sources=("000_187d25106f4b8867.txt",)))
    assert {p.chunk.source for p in by_file} == {"000_187d25106f4b8867.txt"}


def test_a_date_range_keeps_only_articles_dated_inside_it(pipeline):
    inside = pipeline.search("Peskov", 5, SearchFilter(since="2023-09-19", until="2023-09-19"))
    assert inside and {p.chunk.source for p in inside} == {"001_ad9039b2d6be9212.txt"}
    assert pipeline.search("Peskov", 5, SearchFilter(since="2024-01-01")) == []


def test_filters_from_user_input_are_checked():
    assert make_filter([], None, None) is None
    assert make_filter(["TASS", " "], "2023-09-01", None) == SearchFilter(("TASS",), "2023-09-01", None)
    with pytest.raises(ValueError, match="not a date"):
        make_filter([], "19/09/2023", None)
    with pytest.raises(ValueError, match="after"):
        make_filter([], "2023-10-01", "2023-09-01")


def test_an_empty_filter_is_explained_with_what_exists(pipeline):
    message = describe_empty_filter(pipeline.index, SearchFilter(sources=("Reuters",)))
    assert "Sputnik" in message and "TASS" in message and "2023-09-19" in message
