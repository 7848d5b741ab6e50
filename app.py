"""Streamlit chat over the news articles in corpus/. UI only: all logic lives in `rag`."""

from __future__ import annotations

import re

import streamlit as st

from rag.pipeline import Pipeline
from rag.settings import Settings
from rag.types import Answer, Message

st.set_page_config(page_title="News archive Q&A", page_icon="🗞️", layout="centered")

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$])")


def as_text(text: str) -> str:
    """Escape Markdown/HTML so article and model text always shows literally."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


@st.cache_resource(show_spinner=False)
def load_pipeline(settings_json: str) -> Pipeline:
    """One pipeline (models and index) per server process and settings, shared by all sessions."""
    return Pipeline(Settings.model_validate_json(settings_json))


def prepare(pipeline: Pipeline) -> None:
    """First run: assemble the model and build the index with visible progress."""
    if st.session_state.get("prepared"):
        return
    with st.status("Getting ready…", expanded=False) as status:
        bar = st.progress(0.0)

        def progress(stage: str, done: int, total: int) -> None:
            status.update(label=f"{stage.capitalize()}…")
            bar.progress(min(done / total, 1.0) if total else 1.0, text=f"{stage}: {done:,}/{total:,}")

        report = pipeline.prepare(progress)
        bar.empty()
        label = "Ready"
        if report is not None:
            label = f"Index updated: {len(report.added)} added, {len(report.changed)} changed, {len(report.removed)} removed"
            for error in report.errors:
                st.warning(as_text(f"Skipped {error.source}: {error.reason}"))
        status.update(label=label, state="complete")
    st.session_state.prepared = True


def show_answer(answer: dict) -> None:
    if answer["refused"]:
        st.info("Not in the articles: " + as_text(answer["answer"]), icon="🔎")
        return
    st.markdown(as_text(answer["answer"]))
    for c in answer["citations"]:
        meta = " · ".join(x for x in (c.get("outlet"), c.get("date"), c["source"]) if x)
        with st.expander(as_text(f"[{c['n']}] {c['title']}"), expanded=False):
            st.caption(as_text(f"{meta} · characters {c['start']}–{c['end']}"))
            st.markdown("> " + as_text(c["text"]))
    t = answer["timings"]
    st.caption(
        f"retrieval {t['retrieve_s']:.2f} s · first token {t['first_token_s']:.2f} s · total {t['total_s']:.2f} s"
    )


pipeline = load_pipeline(Settings().model_dump_json())
st.title("News archive Q&A")
st.caption(
    "Answers come only from the articles in the corpus, with numbered citations. Everything runs offline."
)

with st.sidebar:
    st.subheader("Corpus")
    st.caption(f"Folder: `{pipeline.settings.corpus_dir}` · model: `{pipeline.settings.model}`")
    if st.button("New chat"):
        st.session_state.messages = []

prepare(pipeline)
with st.sidebar:
    for source, info in sorted(pipeline.index.files.items()):
        st.caption(as_text(f"{info['title']} — {info.get('outlet') or source}"))

st.session_state.setdefault("messages", [])
for message in st.session_state.messages:
    with st.chat_message(message["role"]):
        if message["role"] == "assistant":
            show_answer(message["answer"])
        else:
            st.markdown(as_text(message["content"]))

if question := st.chat_input("Ask about the articles…"):
    history = [Message(m["role"], m["content"]) for m in st.session_state.messages]
    st.session_state.messages.append({"role": "user", "content": question})
    with st.chat_message("user"):
        st.markdown(as_text(question))
    with st.chat_message("assistant"):
        placeholder = st.empty()
        if pipeline.generator.busy():
            placeholder.info("Waiting for another answer to finish…")
        stream = pipeline.ask_stream(question, history)
        text = ""
        with st.spinner("Searching the articles…"):
            for piece in stream:
                text += piece
                placeholder.markdown(as_text(text) + "▌")
        placeholder.empty()
        answer: Answer = stream.answer
        result = answer.to_json()
        show_answer(result)
    st.session_state.messages.append({"role": "assistant", "content": answer.answer, "answer": result})
