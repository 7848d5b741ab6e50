"""The Streamlit app through Streamlit's own test harness, on the real pipeline."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import CORPUS, ROOT


@pytest.fixture
def app(pipeline, monkeypatch):
    monkeypatch.setenv("RAG_CORPUS_DIR", str(CORPUS))
    monkeypatch.setenv("RAG_INDEX_DIR", str(pipeline.settings.index_dir))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    assert not at.exception
    return at


def app_over(corpus, tmp_path, monkeypatch, embedder) -> AppTest:
    """The app, started, over ``corpus`` with an index of its own built first."""
    from rag.pipeline import Pipeline
    from tests.conftest import make_settings

    settings = make_settings(tmp_path, corpus_dir=corpus)
    pipe = Pipeline(settings)
    pipe.embedder = embedder
    pipe.update_index()
    monkeypatch.setenv("RAG_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("RAG_INDEX_DIR", str(settings.index_dir))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    assert not at.exception
    return at


def unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def ask(at, question):
    at.chat_input[0].set_value(question).run()
    assert not at.exception
    return at.chat_message[-1]


def test_a_question_gets_an_answer_with_citation_cards(app):
    reply = ask(app, "How many Russian troops are stationed in Armenia?")
    assert reply.name == "assistant"
    assert "5,000" in reply.markdown[0].value and "\\[1\\]" in reply.markdown[0].value
    cards = reply.expander
    assert len(cards) >= 1 and "Russia Warns Against Third" in cards[0].label
    assert "5,000 troops" in cards[0].markdown[0].value
    assert any("MassisPost" in c.value for c in cards[0].caption)


def test_a_refusal_renders_as_a_note_without_cards(app):
    reply = ask(app, "Who won the 2022 FIFA World Cup?")
    assert len(reply.info) == 1 and "Not in the articles" in reply.info[0].value
    assert "None of them mentions FIFA World Cup" in reply.info[0].value  # the reason, in plain words
    # No citation cards: what is offered are the closest passages, under their own caption.
    assert any("You may be looking for" in c.value for c in reply.caption)
    assert not any("retrieval" in c.value for c in reply.caption)


def test_history_is_kept_in_the_session(app):
    ask(app, "What did Maria Zakharova accuse the Armenian government of?")
    ask(app, "Who won the 2022 FIFA World Cup?")
    assert [m.name for m in app.chat_message] == ["user", "assistant", "user", "assistant"]


HOSTILE = """Brussels ceasefire talks
BRUSSELS, October 6, 2023. Negotiators met for the Brussels ceasefire talks on Friday.
The Brussels ceasefire document <script>alert('x')</script> was signed by both delegations.
Observers said the <img src=x onerror=alert(1)> talks lasted nine hours, see [details](javascript:alert(1)).
"""


def test_article_markup_is_shown_as_text_never_as_html(tmp_path, monkeypatch, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(HOSTILE)
    at = app_over(corpus, tmp_path, monkeypatch, embedder)
    reply = ask(at, "What was signed at the Brussels ceasefire talks?")
    shown = [m.value for m in reply.markdown] + [c.value for c in reply.caption]
    shown += [m.value for card in reply.expander for m in card.markdown]
    assert any("script" in text for text in shown)  # the markup is there, as text
    for text in shown:  # every "<" of the article reaches Markdown escaped, so it renders as a character
        assert not re.search(r"(?<!\\)<(script|img)", text) and "](javascript:" not in text, text
    assert any("\\<script\\>" in text for text in shown)


def test_two_sessions_keep_their_own_conversations(pipeline, monkeypatch):
    monkeypatch.setenv("RAG_CORPUS_DIR", str(CORPUS))
    monkeypatch.setenv("RAG_INDEX_DIR", str(pipeline.settings.index_dir))
    first = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    second = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    first.run()
    second.run()
    ask(first, "How many Russian troops are stationed in Armenia?")
    ask(second, "What did Maria Zakharova accuse the Armenian government of?")
    assert "5,000" in first.chat_message[-1].markdown[0].value
    assert "ingratitude" in second.chat_message[-1].markdown[0].value
    assert len(first.chat_message) == len(second.chat_message) == 2


@pytest.fixture
def own_corpus(tmp_path, monkeypatch, embedder):
    """The app over a writable copy of the corpus with its own index."""
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    return app_over(corpus, tmp_path, monkeypatch, embedder), corpus


def test_an_upload_is_indexed_and_cited_then_a_delete_removes_it(own_corpus):
    at, corpus = own_corpus
    html = (ROOT / "tests/data/armenpress_refugees.html").read_bytes()
    at.file_uploader[0].set_value(
        [("refugees.html", html, "text/html"), ("notes.docx", b"PK\x03\x04", "application/octet-stream")]
    )
    submit = [b for b in at.button if b.label == "Add to the archive"][0]
    submit.click().run()
    assert not at.exception
    notices = [unescape(e.value) for e in [*at.sidebar.success, *at.sidebar.error]]
    assert any("Added refugees.html" in n for n in notices), notices
    assert any("notes.docx was not added" in n and "unsupported" in n for n in notices), notices
    assert (corpus / "refugees.html").exists() and not (corpus / "notes.docx").exists()
    assert any("6" in e.label for e in at.sidebar.expander if e.label.startswith("Articles"))

    reply = ask(at, "How many displaced persons had been registered, according to Nazeli Baghdasaryan?")
    assert "96,831" in reply.markdown[0].value
    assert any("refugees.html" in unescape(c.value) for card in reply.expander for c in card.caption)

    [delete] = [b for b in at.button if b.key == "delete:refugees.html"]
    delete.click().run()
    assert not at.exception
    assert not (corpus / "refugees.html").exists() and list((corpus / ".trash").glob("*refugees.html"))
    again = ask(at, "How many displaced persons had been registered, according to Nazeli Baghdasaryan?")
    assert not any("refugees.html" in unescape(c.value) for card in again.expander for c in card.caption)


def test_a_refusal_offers_the_closest_passages(app):
    reply = ask(app, "What did Antony Blinken discuss with Pashinyan?")
    assert len(reply.info) == 1 and "Antony Blinken" in reply.info[0].value
    assert any("You may be looking for" in c.value for c in reply.caption)
    assert len(reply.expander) >= 1  # the closest passages, not citation cards
    assert not any("retrieval" in c.value for c in reply.caption)


def test_settings_and_filters_change_the_next_answer(app):
    app.slider(key="top_k").set_value(2)
    app.multiselect(key="outlets").set_value(["TASS"]).run()
    reply = ask(app, "What did Peskov say about the peacekeepers?")
    cards = reply.expander
    assert cards and all("TASS" in c.value for card in cards for c in card.caption[:1])


def test_the_conversation_exports_as_markdown_with_its_citations(app):
    ask(app, "How many Russian troops are stationed in Armenia?")
    from rag.export import conversation_markdown

    exported = conversation_markdown(app.session_state["messages"])
    assert "## Q: How many Russian troops are stationed in Armenia?" in exported
    assert "5,000" in exported and "> " in exported and "MassisPost" in exported
    assert app.get("download_button")[0].proto.label == "Export"


def test_the_model_list_offers_installed_models_and_a_checked_custom_path(app):
    from rag.models import installed_models

    choices = app.selectbox(key="model").options
    assert set(installed_models()) <= set(choices) and "qwen2.5-coder-0.5b" in choices
    app.selectbox(key="model").set_value("Custom GGUF file…").run()
    app.text_input[0].set_value("/nowhere/model.gguf").run()
    assert any("No GGUF file at" in unescape(e.value) for e in app.sidebar.error)
    reply = ask(app, "How many Russian troops are stationed in Armenia?")  # the default model answers
    assert "5,000" in reply.markdown[0].value


# --- saved conversations -------------------------------------------------------------------
def restart(at: AppTest) -> AppTest:
    """A new app session over the same folders, as after the server restarted."""
    again = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    again.run()
    assert not again.exception and not again.chat_message  # starts empty
    return again


def open_past(at: AppTest, words: str) -> None:
    [button] = [
        b for b in at.sidebar.button if (b.key or "").startswith("open:") and words in unescape(b.label)
    ]
    button.click().run()
    assert not at.exception


def check_draft(at, draft: str) -> None:
    at.radio(key="mode").set_value("Check a draft").run()
    assert not at.exception
    at.text_area(key="draft_text").set_value(draft).run()
    [button] = [b for b in at.button if b.key == "check_draft"]
    button.click().run()
    assert not at.exception


def test_a_conversation_survives_a_restart_with_its_citation_cards(tmp_path, monkeypatch, embedder):
    import shutil

    from rag.export import conversation_markdown

    monkeypatch.setenv("RAG_MODEL", "smollm2-135m")  # plumbing, not answer quality
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    at = app_over(corpus, tmp_path, monkeypatch, embedder)
    reply = ask(at, "How many Russian troops are stationed in Armenia?")
    [card] = [c for c in reply.expander if c.label.startswith("\\[1\\]")]
    assert (tmp_path / "data" / "conversations.sqlite3").is_file()  # beside the index folder

    again = restart(at)
    [listed] = [b for b in again.sidebar.button if (b.key or "").startswith("open:")]
    assert "How many Russian troops are stationed in Armenia?" in unescape(listed.label)
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", unescape(listed.label))  # and its date
    open_past(again, "Russian troops")
    assert [m.name for m in again.chat_message] == ["user", "assistant"]
    reopened = again.chat_message[-1]
    assert reopened.expander[0].label == card.label  # the same card, not marked
    assert "5,000 troops" in reopened.expander[0].markdown[0].value and not reopened.expander[0].warning
    assert any("first token" in c.value for c in reopened.caption)  # the timings were kept
    exported = conversation_markdown(again.session_state["messages"])  # what Export downloads
    assert "## Q: How many Russian troops" in exported and "5,000" in exported and "**[1]" in exported

    # The question goes on in the reopened conversation: still one saved conversation.
    ask(again, "Who is the Prime Minister of Armenia?")
    assert len([b for b in restart(again).sidebar.button if (b.key or "").startswith("open:")]) == 1

    # Rename, then delete it.
    again.sidebar.text_input(key=f"name:{again.session_state['conversation_id']}").set_value("Troops")
    [b for b in again.sidebar.button if b.label == "Rename"][0].click().run()  # the form sends both
    assert [unescape(b.label) for b in again.sidebar.button if (b.key or "").startswith("open:")][
        0
    ].startswith("Troops · ")
    [b for b in again.sidebar.button if b.key == "delete_conversation"][0].click().run()
    assert not again.chat_message and not [
        b for b in again.sidebar.button if (b.key or "").startswith("open:")
    ]


def test_a_reopened_citation_whose_article_changed_is_marked(tmp_path, monkeypatch, embedder):
    import shutil

    monkeypatch.setenv("RAG_MODEL", "smollm2-135m")
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    at = app_over(corpus, tmp_path, monkeypatch, embedder)
    reply = ask(at, "How many Russian troops are stationed in Armenia?")
    assert "Russia Warns Against Third" in reply.expander[0].label
    cited = corpus / "003_3de8e0a82d2249ce.txt"
    # An editor's note appended: the quoted words still sit at the same offsets, yet the article
    # is no longer the one the answer was written from.
    cited.write_text(cited.read_text(encoding="utf-8") + "\nEditor's note: updated.\n", encoding="utf-8")

    again = restart(at)
    open_past(again, "Russian troops")
    card = again.chat_message[-1].expander[0]
    assert unescape(card.label).endswith("(article changed since)")
    assert "changed since this answer" in card.warning[0].value
    from rag.export import conversation_markdown

    assert "the article has changed since this answer" in conversation_markdown(
        again.session_state["messages"]
    )

    cited.unlink()
    third = restart(again)
    open_past(third, "Russian troops")
    card = third.chat_message[-1].expander[0]
    assert unescape(card.label).endswith("(article deleted since)") and "deleted" in card.warning[0].value
    assert "5,000" in card.markdown[0].value  # the quote itself is still shown, marked


def test_a_draft_is_checked_sentence_by_sentence_and_a_click_opens_the_sources(app):
    check_draft(
        app,
        "Russia has about 3,000 troops stationed in Armenia. Did Russia know in advance? "
        "Maria Zakharova accused the Armenian government of ingratitude.",
    )
    pills = app.button_group(key="draft_sentence")
    labels = [unescape(o) for o in pills.options]
    assert len(labels) == 3
    assert labels[0].startswith(":red-background[❌ Russia has about 3,000")  # contradicted
    assert labels[1].startswith(":blue-background[💬 Did Russia")  # a question: not a claim
    assert labels[2].startswith(":green-background[✅ Maria Zakharova")  # supported
    pills.set_value(pills.options[0]).run()  # click the contradicted sentence
    assert not app.exception
    side_by_side = [unescape(m.value) for m in app.markdown]
    assert any("Your draft says" in m and "3,000" in m for m in side_by_side)
    assert any("The archive says" in m and "5,000" in m for m in side_by_side)
    cards = app.expander
    assert cards and "Russia Warns Against Third" in cards[0].label
    assert "5,000 troops" in cards[0].markdown[0].value


def test_a_draft_check_explains_what_is_missing(app):
    app.radio(key="mode").set_value("Check a draft").run()
    [button] = [b for b in app.button if b.key == "check_draft"]
    button.click().run()
    assert any("Paste a draft" in w.value for w in app.warning)
