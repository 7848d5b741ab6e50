"""Pipeline: the product's one object, shared by the CLI, the app and the tests.

It runs the query path's stages in order, each a class with a typed ``run()`` in its own module:

    condense → retrieve → rerank → decide → prompt → generate → verify → conflicts
    (condense.py, retrieve.py, rerank.py, decide.py, prompt.py, generate/, verify.py, conflicts.py)

What they need loaded (the embedder, the index, the model) lives in `rag.resources`, shared by
every pipeline over the same index; what goes into the index is `rag.ingest`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from functools import cached_property
from pathlib import Path

from rag.condense import Condense
from rag.conflicts import NoteConflicts
from rag.corpus import Added, add_articles, delete_article
from rag.decide import ANSWER_NOT_SUPPORTED, Decide, refusal_message
from rag.embed import Embedder
from rag.generate import Generator
from rag.index import Index, IndexNotReady, corpus_changed
from rag.ingest import IndexReport, ProgressCallback
from rag.models import ModelNotAvailable
from rag.prompt import SYSTEM_PROMPT, BuildPrompt
from rag.rerank import Rerank
from rag.resources import Resources
from rag.retrieve import Retrieve, Retriever
from rag.settings import Settings
from rag.types import Answer, Message, Passage, SearchFilter, Timings
from rag.verify import Verify


class AnswerStream:
    """Iterate to receive the answer's text as it is generated; `answer` holds the verified result.

    `close()` abandons an answer half-way (a stop button): the model is released at once.
    """

    def __init__(self, produce: Callable[[AnswerStream], Iterator[str]]):
        self.answer: Answer | None = None
        self._tokens = produce(self)

    def __iter__(self) -> Iterator[str]:
        yield from self._tokens

    def close(self) -> None:
        self._tokens.close()


class QueryStages:
    """The query path's stages for one pipeline's settings over the live index, each made on
    first use (a refusal before the model never loads the model)."""

    def __init__(self, settings: Settings, resources: Resources):
        self.settings, self.resources = settings, resources

    @cached_property
    def condense(self) -> Condense:
        return Condense(self.settings.answerability_checks)

    @cached_property
    def retrieve(self) -> Retrieve:
        s = self.settings
        return Retrieve(self.retriever, max(s.top_k, s.candidates_k))

    @cached_property
    def retriever(self) -> Retriever:
        return Retriever(self.resources.index, self.resources.embedder, self.settings.retrieval)

    @cached_property
    def rerank(self) -> Rerank:
        return Rerank(self.resources.embedder.embed_cached, self.settings.rerank)

    @cached_property
    def decide(self) -> Decide:
        s = self.settings
        return Decide(self.resources.index, self.resources.embedder.embed_cached, s.top_k, s.min_relevance)

    @cached_property
    def generator(self) -> Generator:
        return self.resources.generator(self.settings)

    @cached_property
    def prompt(self) -> BuildPrompt:
        return BuildPrompt(self.generator, self.settings.max_tokens)

    @cached_property
    def verify(self) -> Verify:
        s = self.settings
        return Verify(
            self.resources.embedder.embed_cached,
            self.resources.index.names,
            s.min_support,
            s.verify_citations,
            s.answerability_checks,
            s.answer_check_file,
        )

    @cached_property
    def conflicts(self) -> NoteConflicts:
        return NoteConflicts(self.retriever.search, self.resources.embedder.embed_cached)


class Pipeline:
    def __init__(self, settings: Settings | None = None, resources: Resources | None = None):
        """A pipeline with its own resources, or with ``resources`` shared with others (the chat
        and a server pass `Resources.shared(settings)`: one load per process)."""
        self.settings = settings or Settings()
        self.resources = resources or Resources(self.settings)
        self.resources.check(self.settings)

    @classmethod
    def shared(cls, settings: Settings) -> Pipeline:
        """A pipeline on this process's one set of loaded resources for ``settings``' index."""
        return cls(settings, Resources.shared(settings))

    def with_options(self, **changes) -> Pipeline:
        """The same pipeline with some answering settings changed (model, top_k, temperature...).

        Models and the index stay shared, so a chat can switch models without loading anything
        twice; settings that the stored index depends on cannot change this way.
        """
        return Pipeline(Settings.model_validate({**self.settings.model_dump(), **changes}), self.resources)

    def stages(self) -> QueryStages:
        """The stages for one question, over the index as it is now."""
        return QueryStages(self.settings, self.resources)

    # --- what is loaded ------------------------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        return self.resources.embedder

    @embedder.setter
    def embedder(self, embedder: Embedder) -> None:
        self.resources.embedder = embedder

    @property
    def index(self) -> Index:
        return self.resources.index

    @property
    def generator(self) -> Generator:
        return self.resources.generator(self.settings)

    def model_path(self, progress: ProgressCallback | None = None) -> Path:
        """The GGUF file, assembled and checked once (not again on every question)."""
        return self.resources.model_path(self.settings, progress)

    def model_label(self) -> str:
        """Which model answers: the GGUF file, or the served model and its server."""
        if self.settings.generator == "openai":
            return f"{self.settings.served_model} at {self.settings.openai_base_url}"
        return str(self.model_path())

    # --- the articles --------------------------------------------------------------------
    def update_index(self, progress: ProgressCallback | None = None) -> IndexReport:
        """Embed what changed in the corpus folder and publish the new index."""
        return self.resources.update_index(progress)

    def add_articles(
        self, files: list[tuple[str, bytes]], progress: ProgressCallback | None = None
    ) -> tuple[list[Added], IndexReport | None]:
        """Store each (name, content) as a new article, then index them: per file, where it went
        or why it was refused; the index update's report, or None when nothing was added."""
        added = add_articles(self.settings.corpus_dir, files, self.settings.max_file_bytes)
        report = self.update_index(progress) if any(a.path for a in added) else None
        return added, report

    def delete_article(
        self, source: str, progress: ProgressCallback | None = None
    ) -> tuple[Path, IndexReport]:
        """Move an article to the corpus trash and drop it from the index; returns where it went."""
        kept = delete_article(self.settings.corpus_dir, source)
        return kept, self.update_index(progress)

    def prepare(self, progress: ProgressCallback | None = None) -> IndexReport | None:
        """Assemble the model if needed, bring the index up to date, and load the model.

        Returns the index update's report, or None when the index was already up to date.
        """
        if self.settings.generator == "local":
            self.model_path(progress)
        self._assemble_check_model(progress)
        # The model loads (and reads the fixed system prompt) on a second thread while this one
        # imports and loads the embedder, mostly single-threaded Python: one core each.
        loading: list[BaseException] = []
        loader = threading.Thread(target=self._load_generator, args=(loading,), daemon=True)
        loader.start()
        self.resources.load_embedder(progress)  # now rather than on the first question
        try:
            index = self.index
        except IndexNotReady:
            report = self.update_index(progress)
        else:
            report = (
                self.update_index(progress) if corpus_changed(self.settings.corpus_dir, index.files) else None
            )
        if progress:
            progress("loading the model", 0, 1)
        loader.join()
        if loading:
            raise loading[0]
        if progress:
            progress("loading the model", 1, 1)
        return report

    def _assemble_check_model(self, progress: ProgressCallback | None) -> None:
        """The draft check's model file (rag.judge), assembled now so that a first check does not
        wait for it; it is loaded only when a check needs it, which says so if it is missing."""
        name = self.settings.check_model_or_none
        if name is None or name == self.settings.model:
            return
        try:
            self.with_options(model=name).model_path(progress)
        except ModelNotAvailable:
            pass

    def _load_generator(self, errors: list[BaseException]) -> None:
        """Load the model so the first question does not wait for it, and warm its prompt cache."""
        try:
            self.generator.warm_up([{"role": "system", "content": SYSTEM_PROMPT}])
        except BaseException as exc:  # handed to the caller of prepare()
            errors.append(exc)

    # --- answering -----------------------------------------------------------------------
    def search(
        self, query: str, k: int | None = None, search_filter: SearchFilter | None = None
    ) -> list[Passage]:
        return self.stages().retriever.search(query, k or self.settings.top_k, search_filter)

    def ask(
        self,
        question: str,
        history: list[Message] | None = None,
        search_filter: SearchFilter | None = None,
    ) -> Answer:
        stream = self.ask_stream(question, history, search_filter)
        for _ in stream:
            pass
        assert stream.answer is not None
        return stream.answer

    def ask_stream(
        self,
        question: str,
        history: list[Message] | None = None,
        search_filter: SearchFilter | None = None,
    ) -> AnswerStream:
        """The answer, streamed; with ``search_filter``, only from the chosen outlets and dates."""
        return AnswerStream(lambda stream: self._answer(question, history or [], search_filter, stream))

    def _answer(
        self,
        asked: str,
        history: list[Message],
        search_filter: SearchFilter | None,
        stream: AnswerStream,
    ) -> Iterator[str]:
        """The runner: each stage's output is the next one's input."""
        settings, stages = self.settings, self.stages()
        started = time.perf_counter()
        question = stages.condense.run(asked, history)
        candidates = stages.rerank.run(question, stages.retrieve.run(question, search_filter))
        timings = Timings(retrieve_s=time.perf_counter() - started)
        model = self.model_label()

        def finish(text: str, refusal: str | None = None, citations=(), shown=(), missing=()) -> None:
            timings.total_s = time.perf_counter() - started
            if not timings.first_token_s:
                timings.first_token_s = timings.total_s
            stream.answer = Answer(
                answer=text,
                refused=refusal is not None,
                citations=list(citations),
                timings=timings,
                model=model,
                standalone_question=question.standalone,
                passages=list(shown),
                refusal_reason=refusal,
                missing_names=list(missing),
            )

        decision = stages.decide.run(question, candidates, search_filter)
        if decision.refusal is not None:
            text = refusal_message(decision.refusal, decision.missing)
            yield text
            finish(text, decision.refusal, shown=candidates, missing=decision.missing)
            return

        prompt = stages.prompt.run(question, decision.passages)
        raw = ""
        tokens = stages.generator.stream(prompt.messages, settings.max_tokens, settings.temperature)
        try:
            for piece in tokens:
                if not raw:
                    timings.first_token_s = time.perf_counter() - started
                raw += piece
                yield piece
        finally:
            close = getattr(tokens, "close", None)
            if close:
                close()  # stopped half-way: release the model for the next question now
        verified = stages.verify.run(question, raw, prompt.shown, candidates, decision.names)
        if not verified.accepted:
            finish(refusal_message(ANSWER_NOT_SUPPORTED), ANSWER_NOT_SUPPORTED, shown=candidates)
            return
        cited = stages.conflicts.run(verified.cited, prompt.shown, search_filter)
        finish(cited.text, None, cited.citations, prompt.shown)
