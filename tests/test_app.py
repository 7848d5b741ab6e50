"""The Streamlit app through Streamlit's own test harness, on the real pipeline."""

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
    assert len(reply.expander) == 0


def test_history_is_kept_in_the_session(app):
    ask(app, "What did Maria Zakharova accuse the Armenian government of?")
    ask(app, "Who won the 2022 FIFA World Cup?")
    assert [m.name for m in app.chat_message] == ["user", "assistant", "user", "assistant"]
