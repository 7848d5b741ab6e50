"""Streamlit chat over the news articles in corpus/. UI only: all logic lives in `rag`."""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path

import streamlit as st
from pydantic import ValidationError

from rag.corpus import article_text, surrounding
from rag.export import conversation_markdown
from rag.history import (
    CHANGED,
    DELETED,
    HISTORY_ERRORS,
    ArticleHashes,
    ConversationNotFound,
    ConversationStore,
    answer_record,
    indexed_sha256,
)
from rag.ingest import IndexReport
from rag.load import SUPPORTED_SUFFIXES
from rag.models import installed_models, pick_model
from rag.pipeline import Pipeline
from rag.retrieve import FilterMatchesNothing, checked_filter, make_filter, undated_articles
from rag.settings import Settings, describe_invalid
from rag.types import Answer, Article, Message, SearchFilter

st.set_page_config(page_title="News archive Q&A", page_icon="🗞️", layout="centered")

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")
CUSTOM_MODEL = "Custom GGUF file…"


def as_text(text: str) -> str:
    """Escape Markdown/HTML so article and model text always shows literally."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


def highlighted(before: str, cited: str, after: str) -> str:
    """Markdown of a passage with the cited words on a highlight, everything escaped."""
    marked = "  \n".join(
        f":orange-background[{as_text(line)}]" if line.strip() else "" for line in cited.split("\n")
    )
    return as_text(before) + marked + as_text(after)


@st.cache_resource(show_spinner=False, hash_funcs={Settings: lambda settings: settings.model_dump_json()})
def load_pipeline(settings: Settings) -> Pipeline:
    """One pipeline (models and index) per server process, shared by every browser session.

    Passed as an object, not as its JSON, which masks secrets such as the served LLM's API key.
    """
    return Pipeline.shared(settings)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_article_text(corpus_dir: str, source: str, modified: float) -> str:
    return article_text(Path(corpus_dir), source)


def progress_reporter(status, bar):
    def progress(stage: str, done: int, total: int) -> None:
        status.update(label=f"{stage.capitalize()}…")
        bar.progress(min(done / total, 1.0) if total else 1.0, text=f"{stage}: {done:,}/{total:,}")

    return progress


def report_notices(report: IndexReport | None) -> list[tuple[str, str]]:
    """The files an index update could not read, as sidebar warnings."""
    return [("warning", f"Skipped {e.source}: {e.reason}") for e in report.errors] if report else []


def report_label(report: IndexReport | None) -> str:
    if report is None:
        return "Ready"
    return f"Index updated: {len(report.added)} added, {len(report.changed)} changed, {len(report.removed)} removed"


def prepare(pipeline: Pipeline) -> None:
    """First run: assemble the model and build the index with visible progress."""
    if st.session_state.get("prepared"):
        return
    with st.status("Getting ready: assembling the model and indexing the articles…", expanded=True) as status:
        bar = st.progress(0.0)
        report = pipeline.prepare(progress_reporter(status, bar))
        bar.empty()
        for _, warning in report_notices(report):
            st.warning(as_text(warning))
        status.update(label=report_label(report), state="complete", expanded=bool(report_notices(report)))
    st.session_state.prepared = True


def with_progress(title: str, work) -> IndexReport | None:
    """Run ``work(progress)`` under a status box with a progress bar; it returns the index update's
    report (None: nothing was indexed), which the box's label then sums up."""
    with st.status(title, expanded=True) as status:
        bar = st.progress(0.0)
        report = work(progress_reporter(status, bar))
        bar.empty()
        status.update(label=report_label(report) if report else "Nothing to index", state="complete")
    return report


# --- sidebar: settings ---------------------------------------------------------------------
def settings_panel(pipeline: Pipeline) -> tuple[Pipeline, SearchFilter | None]:
    """Model, passages, temperature and filters for this browser session."""
    defaults = pipeline.settings
    with st.sidebar.expander("Settings", expanded=False):
        models = installed_models()
        choices = models + [CUSTOM_MODEL]
        default = defaults.model if defaults.model in models else CUSTOM_MODEL
        choice = st.selectbox("Model", choices, index=choices.index(default), key="model")
        wanted = choice
        if choice == CUSTOM_MODEL:
            wanted = st.text_input(
                "Path to a .gguf file", value="" if defaults.model in models else defaults.model
            )
            if not wanted.strip():
                st.caption("Enter a path; until then the default model answers.")
        model, problem = pick_model(wanted, defaults.model)
        if problem:
            st.error(as_text(problem))
        top_k = st.slider("Passages given to the model", 1, 10, defaults.top_k, key="top_k")
        temperature = st.slider("Temperature", 0.0, 1.0, float(defaults.temperature), 0.1, key="temperature")
        search_filter = filter_controls(pipeline)
    return pipeline.with_options(model=model, top_k=top_k, temperature=temperature), search_filter


def filter_controls(pipeline: Pipeline) -> SearchFilter | None:
    articles = pipeline.index.articles()
    chosen = st.multiselect(
        "Only these outlets",
        sorted({a.label for a in articles}),
        key="outlets",
        help="Articles with no outlet go by file name.",
    )
    dated = sorted(a.date for a in articles if a.date)
    since = until = None
    if dated and st.checkbox("Only a date range", key="use_dates"):
        first, last = date.fromisoformat(dated[0]), date.fromisoformat(dated[-1])
        picked = st.date_input("Published between", (first, last), key="dates")
        if isinstance(picked, tuple) and len(picked) == 2:
            since, until = picked[0].isoformat(), picked[1].isoformat()
        if undated := undated_articles(pipeline.index):
            st.caption(f"{undated} article(s) with no known date are left out of a date range.")
    try:
        return checked_filter(pipeline.index, chosen, since, until)
    except FilterMatchesNothing as exc:  # outlets and a range that leave nothing: questions say so
        st.warning(as_text(f"{exc}."))
        return make_filter(chosen, since, until)


# --- sidebar: articles ---------------------------------------------------------------------
def articles_panel(pipeline: Pipeline) -> None:
    """Upload, list, delete and re-index the articles."""
    articles = pipeline.index.articles()
    with st.sidebar.expander(f"Articles ({len(articles)})", expanded=False):
        with st.form("upload", clear_on_submit=True):
            # No type= restriction: a wrong file gets a message saying why, not a silent block.
            uploads = st.file_uploader(
                "Add articles (" + ", ".join(SUPPORTED_SUFFIXES) + ")",
                accept_multiple_files=True,
                help="Text, Markdown, HTML or PDF; several at once.",
            )
            submitted = st.form_submit_button("Add to the archive")
        if submitted and uploads:
            add_uploads(pipeline, uploads)
        for article in articles:
            details = " · ".join(
                x for x in (article.outlet, article.date, f"{article.passages} passages", article.source) if x
            )
            text_col, button_col = st.columns([5, 1])
            text_col.markdown(f"**{as_text(article.title or article.source)}**  \n{as_text(details)}")
            if button_col.button("🗑", key=f"delete:{article.source}", help=f"Delete {article.source}"):
                with_progress(
                    f"Removing {article.source}…",
                    lambda progress, article=article: delete(pipeline, article, progress),
                )
                st.rerun()
        if st.button("Re-index the folder", key="reindex"):
            report = with_progress("Re-indexing…", pipeline.update_index)
            st.session_state.notices = report_notices(report)
            st.rerun()


def delete(pipeline: Pipeline, article: Article, progress) -> IndexReport:
    kept, report = pipeline.delete_article(article.source, progress)
    st.session_state.notices = report_notices(report) + [
        ("success", f"Deleted {article.source} (kept in {kept}).")
    ]
    return report


def add_uploads(pipeline: Pipeline, uploads) -> None:
    files = [(upload.name, upload.getvalue()) for upload in uploads]
    added = []

    def add(progress) -> IndexReport | None:
        results, report = pipeline.add_articles(files, progress)
        added.extend(results)
        return report

    report = with_progress(f"Adding {len(files)} article(s)…", add)
    st.session_state.notices = report_notices(report) + [
        ("error" if a.refused else "success", a.describe()) for a in added
    ]
    st.rerun()


def show_notices() -> None:
    for kind, text in st.session_state.pop("notices", []):
        getattr(st.sidebar, kind)(as_text(text))


# --- chat ----------------------------------------------------------------------------------
STALE_NOTES = {
    CHANGED: "The article has changed since this answer; showing the quoted text.",
    DELETED: "The article has been deleted since this answer; showing the quoted text.",
}
STALE_LABELS = {CHANGED: " (article changed since)", DELETED: " (article deleted since)"}


def citation_card(citation: dict, corpus_dir: Path, key: str) -> None:
    page = f"p. {citation['page']}" if citation.get("page") else None
    meta = " · ".join(
        x for x in (citation.get("outlet"), citation.get("date"), page, citation["source"]) if x
    )
    status = citation.get("status")  # set on a reopened conversation (rag.history)
    label = f"[{citation['n']}] {citation['title']}" + STALE_LABELS.get(status, "")
    # A key keeps the card open across reruns (the "surrounding text" toggle causes one).
    with st.expander(as_text(label), expanded=False, key=f"card:{key}"):
        st.caption(as_text(meta))
        path = corpus_dir / citation["source"]
        try:
            text = cached_article_text(str(corpus_dir), citation["source"], path.stat().st_mtime)
        except (OSError, ValueError):
            text = ""
        if status in STALE_NOTES or text[citation["start"] : citation["end"]] != citation["text"]:
            st.markdown(highlighted("", citation["text"], ""))  # the article changed or went away
            st.warning(STALE_NOTES.get(status, STALE_NOTES[CHANGED]))
        else:
            more = st.toggle("Show the surrounding text", key=f"more:{key}")
            st.markdown(
                highlighted(*surrounding(text, citation["start"], citation["end"], 1500 if more else 250))
            )
        for other in citation.get("also_in", []):
            where = " · ".join(x for x in (other.get("outlet"), other.get("date"), other["source"]) if x)
            st.caption(as_text(f"Also reported by {where}{STALE_LABELS.get(other.get('status'), '')}:"))
            st.markdown(highlighted("", other["text"], ""))


def show_answer(message: dict, corpus_dir: Path, key: str) -> None:
    answer = message["answer"]
    if message.get("stopped"):
        st.warning("Stopped before the answer was finished and checked.", icon="⏹️")
        if message.get("draft"):
            st.caption(as_text("Unfinished draft, not checked against the articles: " + message["draft"]))
        return
    if answer["refused"]:
        st.info("Not in the articles: " + as_text(answer["answer"]), icon="🔎")
        closest = message.get("closest", [])
        if closest:
            st.caption("You may be looking for:")
            for n, passage in enumerate(closest):
                where = " · ".join(
                    x for x in (passage.get("outlet"), passage.get("date"), passage["source"]) if x
                )
                with st.expander(as_text(f"{passage['title']} — {where}"), key=f"closest:{key}:{n}"):
                    st.markdown(as_text(passage["text"]))
        return
    st.markdown(as_text(answer["answer"]))
    for citation in answer["citations"]:
        citation_card(citation, corpus_dir, f"{key}:{citation['n']}")
    t = answer["timings"]
    st.caption(
        f"retrieval {t['retrieve_s']:.2f} s · first token {t['first_token_s']:.2f} s · total {t['total_s']:.2f} s"
    )


def stop_requested(pipeline: Pipeline) -> None:
    """Stop button callback: keep what was asked, and say the answer was stopped."""
    pending = st.session_state.get("pending")
    if pending:
        stopped = {
            "role": "assistant",
            "content": "(stopped)",
            "stopped": True,
            "draft": pending["draft"],
            "answer": {"answer": "", "refused": True, "citations": []},
        }
        st.session_state.messages.append(stopped)
        st.session_state.pending = None
        save_turn(pipeline, [{"role": "user", "content": pending["question"]}, stopped])


def answer_question(pipeline: Pipeline, question: str, search_filter: SearchFilter | None) -> None:
    history = [Message(m["role"], m["content"]) for m in st.session_state.messages]
    st.session_state.messages.append({"role": "user", "content": question})
    with st.chat_message("user"):
        st.markdown(as_text(question))
    with st.chat_message("assistant"):
        note = st.empty()
        stop_slot = st.empty()
        placeholder = st.empty()
        if pipeline.generator.busy():
            note.info("Waiting for another answer to finish…", icon="⏳")
        else:
            note.caption("Searching the articles…")
        stop_slot.button("⏹ Stop", key="stop", on_click=stop_requested, args=(pipeline,))
        st.session_state.pending = {"question": question, "draft": ""}
        stream = pipeline.ask_stream(question, history, search_filter)
        text = ""
        try:
            for piece in stream:
                if not text:
                    note.empty()
                text += piece
                st.session_state.pending["draft"] = text
                placeholder.markdown(as_text(text) + "▌")
        finally:
            stream.close()
        st.session_state.pending = None
        note.empty()
        stop_slot.empty()
        placeholder.empty()
        answer: Answer = stream.answer
        message = answer_record(answer)
        show_answer(message, pipeline.settings.corpus_dir, str(len(st.session_state.messages)))
    st.session_state.messages.append(message)
    save_turn(pipeline, [{"role": "user", "content": question}, message])
    st.rerun()  # redraw from the history, so the sidebar (Export) sees the new answer


# --- sidebar: saved conversations ----------------------------------------------------------
def save_turn(pipeline: Pipeline, records: list[dict]) -> None:
    """Save a question and its answer to this conversation (a new saved one at the first)."""
    store = ConversationStore(pipeline.settings.conversations_file)
    hashes = indexed_sha256(pipeline.index.files)
    try:
        try:
            conversation_id = store.append(st.session_state.get("conversation_id"), records, hashes)
        except ConversationNotFound:  # deleted meanwhile (another tab): saved again, whole
            conversation_id = store.append(None, st.session_state.messages, hashes)
    except HISTORY_ERRORS as exc:
        st.session_state.notices = st.session_state.get("notices", []) + [
            ("warning", f"This conversation could not be saved: {exc}")
        ]
        return
    st.session_state.conversation_id = conversation_id


def conversations_panel(settings: Settings) -> None:
    """Past conversations by first question (or name) and date: reopen one; rename or delete
    the one open."""
    store = ConversationStore(settings.conversations_file)
    try:
        past = store.list()
    except HISTORY_ERRORS as exc:
        st.sidebar.warning(as_text(f"Saved conversations cannot be read: {exc}"))
        return
    current = st.session_state.get("conversation_id")
    with st.sidebar.expander(f"Past conversations ({len(past)})", expanded=True):
        if current and any(c.id == current for c in past):
            title = next(c.title for c in past if c.id == current)
            with st.form("rename_conversation", border=False):
                name = st.text_input("Name of this conversation", value=title, key=f"name:{current}")
                if st.form_submit_button("Rename") and name.strip() and name != title:
                    store.rename(current, name)
                    st.rerun()
            if st.button("Delete this conversation", key="delete_conversation"):
                store.delete(current)
                st.session_state.messages, st.session_state.conversation_id = [], None
                st.rerun()
        for conversation in past:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(conversation.updated))
            opened = conversation.id == current
            if st.button(
                as_text(f"{conversation.title} · {when}"),
                key=f"open:{conversation.id}",
                type="primary" if opened else "secondary",
                width="stretch",
            ):
                try:
                    messages = store.load(conversation.id, ArticleHashes(settings.corpus_dir))
                except ConversationNotFound:
                    st.rerun()  # deleted meanwhile: the list is redrawn without it
                st.session_state.messages, st.session_state.conversation_id = messages, conversation.id
                st.rerun()


# --- checking a draft ----------------------------------------------------------------------
CHECK_MODE = "Check a draft"
VERDICT_STYLE = {  # verdict -> (icon, colour, words): the icon says it without colour too
    "supported": ("✅", "green", "Supported"),
    "contradicted": ("❌", "red", "Contradicted"),
    "mixed": ("⚖️", "orange", "Sources disagree"),
    "not_found": ("❔", "gray", "Not found"),
    "not_a_claim": ("💬", "blue", "Not a claim"),
}


def stop_checking() -> None:
    """Stop button callback: keep the sentences checked so far."""
    st.session_state.draft_check["stopped"] = True


def draft_from_inputs(upload, pasted: str) -> str | None:
    """The draft to check: an uploaded .txt/.md file, else the pasted text (None, with a message)."""
    if upload is not None:
        if not upload.name.lower().endswith((".txt", ".md")):
            st.error(as_text(f"{upload.name}: a draft is a .txt or .md file."))
            return None
        try:
            return upload.getvalue().decode("utf-8")
        except UnicodeDecodeError:
            st.error(as_text(f"{upload.name} is not UTF-8 text."))
            return None
    if not pasted.strip():
        st.warning("Paste a draft or choose a file first.")
        return None
    return pasted


def run_check(pipeline: Pipeline, search_filter: SearchFilter | None, draft: str) -> None:
    """Check sentence by sentence with a progress bar; Stop keeps what was checked."""
    from rag.check import DraftChecker

    checker = DraftChecker(pipeline, search_filter)
    total = len(checker.sentences(draft))
    state = {"text": draft, "results": [], "total": total, "stopped": False, "note": ""}
    st.session_state.draft_check = state
    st.button("⏹ Stop checking", key="stop_check", on_click=stop_checking)
    bar = st.progress(0.0, text=f"Checking {total} sentence(s)…")
    for result in checker.check_draft(draft):
        state["results"].append(result.to_json())
        done = len(state["results"])
        bar.progress(done / max(1, total), text=f"Checked {done} of {total} sentence(s)")
    state["note"] = checker.judge_note
    bar.empty()
    st.rerun()


def show_check(state: dict, corpus_dir: Path) -> None:
    """The draft with each sentence coloured by verdict; a click opens that sentence's sources."""
    results = state["results"]
    if state.get("stopped") or len(results) < state["total"]:
        st.warning(
            f"Stopped after {len(results)} of {state['total']} sentences; the rest were not checked.",
            icon="⏹️",
        )
    counts = {v: sum(r["verdict"] == v for r in results) for v in VERDICT_STYLE}
    tally = [f"{VERDICT_STYLE[v][0]} {VERDICT_STYLE[v][2]}: {n}" for v, n in counts.items() if n]
    st.caption(" · ".join(tally))
    if state.get("note"):
        st.caption(f"Note: {state['note']}")

    labels: list[str] = []
    for r in results:
        icon, colour, _ = VERDICT_STYLE[r["verdict"]]
        text = f":{colour}-background[{icon} {as_text(r['sentence'])}]"
        labels.append(text + "\u200b" * labels.count(text))  # a repeated sentence stays its own chip
    picked = st.pills(
        "Your draft, sentence by sentence: click one to see its sources", labels, key="draft_sentence"
    )
    if picked is None or picked not in labels:
        return
    picked = labels.index(picked)
    result = results[picked]
    icon, _, words = VERDICT_STYLE[result["verdict"]]
    st.markdown(f"**{icon} {words}** — {as_text(result.get('reason', ''))}")
    differs = result.get("differs")
    if differs:
        left, right = st.columns(2)
        left.markdown("Your draft says  \n" + f":red-background[{as_text(differs['draft'])}]")
        right.markdown("The archive says  \n" + f":green-background[{as_text(differs['source'])}]")
    for citation in result["citations"]:
        citation_card(citation, corpus_dir, f"check:{picked}:{citation['n']}")


def check_a_draft(pipeline: Pipeline, search_filter: SearchFilter | None) -> None:
    st.session_state.setdefault("draft_check", None)
    upload = st.file_uploader("A draft as a file (.txt or .md)", key="draft_file")
    pasted = st.text_area("…or paste the draft", key="draft_text", height=180)
    if st.button("Check the draft", key="check_draft", type="primary"):
        draft = draft_from_inputs(upload, pasted)
        if draft is not None:
            st.session_state.pop("draft_sentence", None)
            run_check(pipeline, search_filter, draft)
    if st.session_state.draft_check:
        show_check(st.session_state.draft_check, pipeline.settings.corpus_dir)


def main() -> None:
    try:
        settings = Settings()
    except ValidationError as exc:  # RAG_... set to something that does not exist
        st.error(as_text(describe_invalid(exc)))
        st.stop()
    base = load_pipeline(settings)
    st.title("News archive Q&A")
    st.caption(
        "Answers come only from the articles in the corpus, with numbered citations. Everything runs offline."
    )
    st.session_state.setdefault("messages", [])
    try:
        prepare(base)
    except RuntimeError as exc:  # a served LLM or a Milvus server that is down, say
        st.error(as_text(f"Not ready: {exc}. Start it (README, Scaling out) and reload this page."))
        st.stop()
    with st.sidebar:
        st.subheader("Conversation")
        left, right = st.columns(2)
        if left.button("New chat", key="new_chat"):
            st.session_state.messages, st.session_state.conversation_id = [], None
        right.download_button(
            "Export",
            conversation_markdown(st.session_state.messages),
            file_name="conversation.md",
            mime="text/markdown",
            key="export",
            disabled=not st.session_state.messages,
        )
    try:
        pipeline, search_filter = settings_panel(base)
        if pipeline.settings.model != base.settings.model:
            with st.spinner(f"Loading {pipeline.settings.model} (the first time takes a while)…"):
                pipeline.generator  # noqa: B018 - load it before the question, with a visible wait
    except (ValueError, RuntimeError) as exc:  # a custom GGUF llama.cpp cannot load, say
        st.sidebar.error(as_text(f"Using the default model: {exc}"))
        pipeline, search_filter = base, None
    articles_panel(base)
    conversations_panel(base.settings)
    show_notices()
    mode = st.radio("Mode", ["Ask", CHECK_MODE], horizontal=True, key="mode", label_visibility="collapsed")
    if mode == CHECK_MODE:
        check_a_draft(pipeline, search_filter)
        return

    for n, message in enumerate(st.session_state.messages):
        with st.chat_message(message["role"]):
            if message["role"] == "assistant":
                show_answer(message, base.settings.corpus_dir, str(n))
            else:
                st.markdown(as_text(message["content"]))

    if question := st.chat_input("Ask about the articles…"):
        try:
            answer_question(pipeline, question, search_filter)
        except RuntimeError as exc:  # a custom model that llama.cpp cannot load, say
            st.error(as_text(f"Could not answer: {exc}"))


main()
