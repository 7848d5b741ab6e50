"""The whole pipeline with the default model on the shipped articles."""

import pytest

from rag.decide import EMPTY_QUESTION_REPLY, OUT_OF_SCOPE_REPLY
from rag.prompt import REFUSAL
from rag.types import Message
from tests.conftest import CORPUS


def test_answers_with_a_citation_into_the_right_article(pipeline):
    answer = pipeline.ask("How many Russian troops are stationed in Armenia?")
    assert not answer.refused
    assert "5,000" in answer.answer and "[1]" in answer.answer
    assert answer.citations and answer.citations[0].source == "003_3de8e0a82d2249ce.txt"
    for c in answer.citations:
        assert (CORPUS / c.source).read_text(encoding="utf-8")[c.start : c.end] == c.text
    assert 0 < answer.timings.retrieve_s <= answer.timings.first_token_s <= answer.timings.total_s
    assert answer.model.endswith(".gguf")


def test_refuses_when_the_articles_do_not_say(pipeline):
    off_topic = pipeline.ask("What is the capital of France?")
    assert off_topic.refused and off_topic.citations == [] and off_topic.answer.startswith(REFUSAL)
    assert off_topic.refusal_reason in ("not_in_archive", "no_relevant_passage", "answer_not_supported")
    near_miss = pipeline.ask("What did Antony Blinken discuss with Pashinyan?")
    assert near_miss.refused and near_miss.citations == [] and near_miss.refusal_reason == "not_in_archive"
    assert near_miss.answer.startswith(REFUSAL) and "Antony Blinken" in near_miss.answer
    assert (
        near_miss.missing_names == ["Antony Blinken"] and near_miss.suggestions()
    )  # closest passages offered
    request = pipeline.ask("Give me a recipe for chocolate chip cookies.")
    assert request.refused and request.citations == [] and request.answer == OUT_OF_SCOPE_REPLY
    assert request.refusal_reason == "out_of_scope" and request.suggestions() == []


def test_streams_tokens_then_holds_the_verified_answer(pipeline):
    stream = pipeline.ask_stream("What did Maria Zakharova accuse the Armenian government of?")
    pieces = list(stream)
    assert len(pieces) > 3
    assert stream.answer is not None and "ingratitude" in stream.answer.answer


def test_follow_up_is_answered_from_the_conversation(pipeline):
    history = [
        Message("user", "Who is Maria Zakharova?"),
        Message("assistant", "She is the Russian Foreign Ministry spokeswoman. [1]"),
    ]
    answer = pipeline.ask("What did she accuse the Armenian government of?", history)
    assert "Zakharova" in answer.standalone_question
    assert not answer.refused and "ingratitude" in answer.answer
    assert answer.citations[0].source == "004_ec9ddec3083ffd8f.txt"


def test_an_empty_question_gets_a_clear_message(pipeline):
    for blank in ("", "   \n\t"):
        answer = pipeline.ask(blank)
        assert answer.refused and answer.answer == EMPTY_QUESTION_REPLY and answer.citations == []
        assert answer.refusal_reason == "empty_question"


def test_eight_concurrent_questions_each_get_their_own_answer(pipeline):
    """Threads share one loaded pipeline; llama.cpp calls are serialized, nothing mixes up."""
    import resource
    from concurrent.futures import ThreadPoolExecutor

    cases = {
        "How many Russian troops are stationed in Armenia?": "5,000",
        "How many Karabakh Armenians took shelter at the headquarters of the Russian peacekeeping contingent?": "2,000",
        "What did Maria Zakharova accuse the Armenian government of?": "ingratitude",
        "In which district did the Russian peacekeepers' armored vehicle come under fire?": "Martakert",
        "What is the capital of France?": None,
        "Write me a poem about autumn.": None,
        "Which organization is Armenia a member of that pledges to protect members that come under attack?": (
            "Collective Security Treaty Organization"
        ),
        "Through which roads did the first batch of humanitarian aid go to Karabakh?": "Aghdam",
    }
    pipeline.ask("Warm-up: how many troops does Russia have in Armenia?")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = dict(zip(cases, pool.map(pipeline.ask, cases)))
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    for question, expected in cases.items():
        answer = answers[question]
        if expected is None:
            assert answer.refused, question
        else:
            assert not answer.refused and expected in answer.answer, (question, answer.answer)
    assert grown_mb < 500  # bounded: no per-request copies of models or index


def test_huge_and_odd_questions_never_crash_or_overflow(pipeline):
    from rag.condense import MAX_QUESTION_CHARS

    huge = "How many Russian troops are stationed in Armenia? " + "Karabakh " * 20_000
    answer = pipeline.ask(huge)
    assert len(answer.standalone_question) <= MAX_QUESTION_CHARS
    odd = pipeline.ask("How many\x00 Russian troops\x1b[31m are stationed\x07 in Armenia?")
    assert "\x00" not in odd.standalone_question and "\x1b" not in odd.standalone_question
    foreign = pipeline.ask("Сколько российских военных находится в Армении?")
    assert isinstance(foreign.answer, str) and foreign.answer


def test_prepare_updates_only_when_the_corpus_changed(tmp_path, corpus_copy, embedder):
    from rag.pipeline import Pipeline
    from tests.conftest import make_settings

    pipe = Pipeline(make_settings(tmp_path, corpus_dir=corpus_copy))
    pipe.embedder = embedder
    first = pipe.prepare()
    assert first is not None and len(first.added) == 5  # no index yet: built
    assert pipe.prepare() is None  # nothing changed: loaded as is
    (corpus_copy / "new.txt").write_text("Talks in Brussels were held on Friday, officials said.")
    again = pipe.prepare()
    assert again is not None and again.added == ["new.txt"]
    assert "new.txt" in pipe.index.files


def test_html_and_pdf_articles_are_indexed_and_cited_with_outlet_and_page(tmp_path, corpus_copy):
    from rag.pipeline import Pipeline
    from tests.conftest import REPORT_PAGES, make_pdf, make_settings

    (corpus_copy / "refugees.html").write_bytes(
        (CORPUS.parent / "tests/data/armenpress_refugees.html").read_bytes()
    )
    (corpus_copy / "unhcr-update.pdf").write_bytes(make_pdf(REPORT_PAGES, title="UNHCR Armenia update"))
    pipe = Pipeline(make_settings(tmp_path, corpus_dir=corpus_copy))
    report = pipe.update_index()
    assert {"refugees.html", "unhcr-update.pdf"} <= set(report.added) and not report.errors

    from_pdf = pipe.ask("How many refugees had arrived in Armenia by 1 October?")
    assert not from_pdf.refused and "100,617" in from_pdf.answer
    cited = [c for c in from_pdf.citations if c.source == "unhcr-update.pdf"]
    assert cited and cited[0].page == 2 and cited[0].title == "UNHCR Armenia update"
    assert from_pdf.to_json()["citations"][0]["page"] == 2

    from_html = pipe.ask("How many displaced persons had been registered, according to Nazeli Baghdasaryan?")
    assert not from_html.refused and "96,831" in from_html.answer
    cited = [c for c in from_html.citations if c.source == "refugees.html"]
    assert cited and (cited[0].outlet, cited[0].date, cited[0].page) == ("Armenpress", "2023-09-30", None)


def test_a_citation_names_every_outlet_carrying_the_same_statement(pipeline):
    answer = pipeline.ask("Can anyone blame the Russian peacekeepers, according to Peskov?")
    assert not answer.refused
    carried = {c.source for c in answer.citations} | {o.source for c in answer.citations for o in c.also_in}
    assert {"000_187d25106f4b8867.txt", "002_bc626fa2c772027a.txt"} <= carried, answer.to_json()
    for citation in answer.citations:
        for other in citation.also_in:
            assert (CORPUS / other.source).read_text(encoding="utf-8")[other.start : other.end] == other.text
            assert other.n == citation.n and other.source != citation.source


def test_a_filter_restricts_the_answer_and_says_when_nothing_matches(pipeline):
    from rag.decide import NO_MATCHING_ARTICLES_REPLY
    from rag.types import SearchFilter

    answer = pipeline.ask(
        "What did Peskov say about the peacekeepers?", search_filter=SearchFilter(("TASS",))
    )
    assert not answer.refused and {c.source for c in answer.citations} == {"002_bc626fa2c772027a.txt"}
    nothing = pipeline.ask("What did Peskov say?", search_filter=SearchFilter(since="2030-01-01"))
    assert nothing.refused and nothing.answer == NO_MATCHING_ARTICLES_REPLY


def test_closing_a_stream_half_way_releases_the_model_at_once(pipeline):
    stream = pipeline.ask_stream("What did Maria Zakharova accuse the Armenian government of?")
    pieces = iter(stream)
    next(pieces)
    assert pipeline.generator.busy()
    stream.close()  # the app's stop button
    assert not pipeline.generator.busy() and stream.answer is None
    assert "5,000" in pipeline.ask("How many Russian troops are stationed in Armenia?").answer


def test_options_derive_a_pipeline_that_shares_models_and_index(pipeline):
    fewer = pipeline.with_options(top_k=2, temperature=0.3)
    assert fewer.settings.top_k == 2 and fewer.index is pipeline.index and fewer.embedder is pipeline.embedder
    assert fewer.generator is pipeline.generator
    assert len(fewer.ask("How many Russian troops are stationed in Armenia?").passages) <= 2
    import pytest

    with pytest.raises(ValueError, match="cannot change"):
        pipeline.with_options(chunk_chars=300)


def test_prepare_loads_the_model_beside_the_embedder_and_warms_the_system_prompt(tmp_path, embedder):
    """prepare() leaves the model loaded with the fixed prompt start evaluated, so the first
    question reuses it; a model that cannot load fails prepare() itself, with its reason."""
    from rag.pipeline import Pipeline
    from rag.prompt import SYSTEM_PROMPT
    from tests.conftest import TEST_MODEL, make_settings

    pipe = Pipeline(make_settings(tmp_path, model=TEST_MODEL))
    pipe.embedder = embedder
    pipe.prepare()
    llm = pipe.generator.llm
    system_tokens = llm.tokenize(SYSTEM_PROMPT.encode(), add_bos=False, special=False)
    assert llm.n_tokens > len(system_tokens)  # the templated system message is in the KV cache
    cached = llm.detokenize(list(llm._input_ids[: llm.n_tokens])).decode(errors="ignore")
    assert SYSTEM_PROMPT in cached

    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF" + b"\0" * 64)
    bad = Pipeline(make_settings(tmp_path, model=str(broken)))
    bad.embedder = embedder
    with pytest.raises(RuntimeError, match="could not load GGUF model"):
        bad.prepare()
