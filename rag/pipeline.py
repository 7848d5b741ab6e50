"""Pipeline: the product's one object, shared by the CLI, the app and the tests.

question + history ─condense─▶ standalone question ─retrieve─▶ passages ─(refuse?)─▶ prompt
─generate─▶ streamed tokens ─cite─▶ Answer. Models and the index load lazily, once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np

from rag.answerability import (
    DEFAULT_WEIGHTS,
    OUT_OF_SCOPE_REPLY,
    AnswerCheck,
    AnswerFeatures,
    answers_the_type,
    coverage,
    kind_score,
)
from rag.cite import (
    CitedAnswer,
    add_other_sources,
    cite,
    extractive_answer,
    is_refusal,
    naive_citations,
    passage_of,
)
from rag.condense import clean_question, condense
from rag.conflicts import conflict_note, dates, find_conflicts
from rag.decide import (
    ANSWER_NOT_SUPPORTED,
    EMPTY_QUESTION,
    FILTER_MATCHES_NOTHING,
    NO_RELEVANT_PASSAGE,
    NOT_IN_ARCHIVE,
    OUT_OF_SCOPE,
    Decision,
    decide,
)
from rag.embed import Embedder
from rag.generate import Generator, create_generator
from rag.index import Index, IndexNotReady, IndexReport, ProgressCallback, corpus_changed, update_index
from rag.models import ModelNotAvailable, resolve_model
from rag.prompt import REFUSAL, SYSTEM_PROMPT, build_messages
from rag.rerank import rerank
from rag.retrieve import Retriever, allowed_ids
from rag.settings import Settings
from rag.types import Answer, Message, Passage, SearchFilter, Timings

EMPTY_QUESTION_REPLY = "Please type a question about the articles."
NO_MATCHING_ARTICLES_REPLY = "No article matches the chosen outlets and dates; widen the filter."


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


class _Shared:
    """What every pipeline derived from one another shares: loaded models and the live index."""

    def __init__(self) -> None:
        self.lock = threading.RLock()  # loading the embedder and the index
        self.generator_lock = threading.RLock()  # loading LLMs: apart, so both can load at once
        self.update_lock = threading.Lock()  # one index update at a time
        self.embedder: Embedder | None = None
        self.generators: dict[tuple, Generator] = {}  # by backend and what it loads or calls
        self.index: Index | None = None


class Pipeline:
    def __init__(self, settings: Settings | None = None, _shared: _Shared | None = None):
        self.settings = settings or Settings()
        self._shared = _shared or _Shared()
        self._model_path: Path | None = None
        self._answer_check: AnswerCheck | None = None

    def with_options(self, **changes) -> Pipeline:
        """The same pipeline with some answering settings changed (model, top_k, temperature...).

        Models and the index stay shared, so a chat can switch models without loading anything
        twice; settings that the stored index depends on cannot change this way.
        """
        settings = Settings.model_validate({**self.settings.model_dump(), **changes})
        fixed = self.settings.identity("location") + self.settings.identity("index")
        changed = [name for name, value in fixed if getattr(settings, name) != value]
        if changed:
            raise ValueError(f"{', '.join(changed)} cannot change on a running pipeline")
        return Pipeline(settings, self._shared)

    # --- loading -------------------------------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        return self.load_embedder()

    def load_embedder(self, progress: ProgressCallback | None = None) -> Embedder:
        """The embedder, loaded once (its ONNX export made first if missing, shown on ``progress``)."""
        if self._shared.embedder is None:
            with self._shared.lock:
                if self._shared.embedder is None:
                    self._shared.embedder = Embedder.from_settings(self.settings, progress)
        return self._shared.embedder

    @embedder.setter
    def embedder(self, embedder: Embedder) -> None:
        self._shared.embedder = embedder

    def model_path(self, progress: ProgressCallback | None = None) -> Path:
        """The GGUF file, assembled and checked once per pipeline (not again on every question)."""
        if self._model_path is None:
            self._model_path = resolve_model(self.settings.model, self.settings.cache_dir, progress)
        return self._model_path

    @property
    def generator(self) -> Generator:
        """The model for these settings, loaded (or connected to) once per process and shared."""
        settings = self.settings
        served = settings.generator == "openai"
        with self._shared.generator_lock:
            # Every setting a loaded generator depends on (tagged in Settings), and the file it loaded.
            key = (settings.identity("generator"), None if served else str(self.model_path()))
            if key not in self._shared.generators:
                model_file = self._local_tokenizer() if served else self.model_path()
                self._shared.generators[key] = create_generator(settings, model_file)
            return self._shared.generators[key]

    def _local_tokenizer(self) -> Path | None:
        """The served model's GGUF when this machine has it too (exact token counts), else None."""
        try:
            return self.model_path()
        except ModelNotAvailable:
            return None

    def model_label(self) -> str:
        """Which model answers: the GGUF file, or the served model and its server."""
        if self.settings.generator == "openai":
            return f"{self.settings.served_model} at {self.settings.openai_base_url}"
        return str(self.model_path())

    @property
    def index(self) -> Index:
        if self._shared.index is None:
            with self._shared.lock:
                if self._shared.index is None:
                    self._shared.index = Index.load(self.settings.index_dir, self.settings)
        return self._shared.index

    def update_index(self, progress: ProgressCallback | None = None) -> IndexReport:
        """Embed what changed in the corpus folder and publish the new index."""
        with self._shared.update_lock:  # one update at a time; searches meanwhile use the last index
            index, report = update_index(self.settings, self.load_embedder(progress), progress)
            self._shared.index = index
        return report

    def prepare(self, progress: ProgressCallback | None = None) -> IndexReport | None:
        """Assemble the model if needed, bring the index up to date, and load the model.

        Returns the index update's report, or None when the index was already up to date.
        """
        if self.settings.generator == "local":
            self.model_path(progress)
        # The model loads (and reads the fixed system prompt) on a second thread while this one
        # imports and loads the embedder, mostly single-threaded Python: one core each.
        loading: list[BaseException] = []
        loader = threading.Thread(target=self._load_generator, args=(loading,), daemon=True)
        loader.start()
        self.load_embedder(progress)  # now rather than on the first question
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
        retriever = Retriever(self.index, self.embedder, self.settings.retrieval)
        return retriever.search(query, k or self.settings.top_k, search_filter)

    def candidates(self, standalone: str, search_filter: SearchFilter | None = None) -> list[Passage]:
        """The wide candidates the decision looks at, best sentence first (rag.rerank)."""
        found = self.search(standalone, max(self.settings.top_k, self.settings.candidates_k), search_filter)
        return rerank(standalone, found, self.embedder.embed_cached) if self.settings.rerank else found

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
        question: str,
        history: list[Message],
        search_filter: SearchFilter | None,
        stream: AnswerStream,
    ) -> Iterator[str]:
        settings = self.settings
        started = time.perf_counter()
        question = clean_question(question)
        standalone = condense(question, history)
        candidates = self.candidates(standalone, search_filter)
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
                standalone_question=standalone,
                passages=list(shown),
                refusal_reason=refusal,
                missing_names=list(missing),
            )

        if (
            question.strip()
            and not candidates
            and search_filter
            and not self.filter_matches_anything(search_filter)
        ):
            decision = Decision(refusal=FILTER_MATCHES_NOTHING)  # only worth asking when nothing was found
        else:
            decision = self.decide(question, standalone, candidates, search_filter)
        if decision.refusal is not None:
            text = refusal_message(decision.refusal, decision.missing)
            yield text
            finish(text, decision.refusal, shown=candidates, missing=decision.missing)
            return

        generator = self.generator
        messages, shown = self.prompt(standalone, decision.passages)
        raw = ""
        tokens = generator.stream(messages, settings.max_tokens, settings.temperature)
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
        cited, features = self.verify(question, standalone, raw, shown, candidates, decision.names)
        if cited.refused or (features is not None and not self.answer_check.accepts(features)):
            finish(refusal_message(ANSWER_NOT_SUPPORTED), ANSWER_NOT_SUPPORTED, shown=candidates)
            return
        self.note_conflicts(cited, shown, search_filter)
        finish(cited.text, None, cited.citations, shown)

    def prompt(self, standalone: str, passages: list[Passage]) -> tuple[list[dict], list[Passage]]:
        """The chat messages for the model and the passages that fitted its context window, which
        leaves room for the answer (``max_tokens``) and the chat template's own tokens."""
        generator = self.generator
        budget = generator.n_ctx - self.settings.max_tokens - generator.chat_overhead_tokens([{}, {}])
        return build_messages(standalone, passages, generator.count_tokens, budget)

    def filter_matches_anything(self, search_filter: SearchFilter) -> bool:
        allowed = allowed_ids(self.index, search_filter)
        return allowed is None or len(allowed) > 0

    def decide(
        self,
        question: str,
        standalone: str,
        candidates: list[Passage],
        search_filter: SearchFilter | None = None,
    ) -> Decision:
        """Refuse now (with the reason), or the passages the model should see."""
        settings = self.settings
        return decide(
            question,
            candidates,
            settings.top_k,
            self.index.names,
            lambda carrying: self._best_carrier(standalone, carrying, search_filter),
            settings.min_relevance,
            settings.answerability_checks,
        )

    def _best_carrier(
        self, query: str, carrying: set[int], search_filter: SearchFilter | None
    ) -> Passage | None:
        """The passage closest to ``query`` among the indexed chunks ``carrying`` (a name)."""
        allowed = allowed_ids(self.index, search_filter)
        if allowed is not None:
            carrying &= set(allowed.tolist())
        ids = sorted(i for i in carrying if i in self.index.chunks)
        if not ids:
            return None
        scores = self.index.store.vectors(ids) @ self.embedder.embed_cached([query])[0]
        best = int(np.argmax(scores))
        return Passage(self.index.chunks[ids[best]], float(scores[best]))

    @property
    def answer_check(self) -> AnswerCheck:
        if self._answer_check is None:
            self._answer_check = AnswerCheck.load(self.settings.answer_check_file or DEFAULT_WEIGHTS)
        return self._answer_check

    def verify(
        self,
        question: str,
        standalone: str,
        raw: str,
        shown: list[Passage],
        candidates: list[Passage] | None = None,
        asked_names: list[str] | None = None,
    ) -> tuple[CitedAnswer, AnswerFeatures | None]:
        """The model's raw answer as a checked, cited answer, and what the answer check weighs.

        Each sentence must be stated by the passage it cites (else it is dropped, or replaced by
        the passage's own sentence). When the model refused, wrote nothing usable or an answer of
        the wrong kind, the passage sentence that best answers is quoted instead; the features
        are None only when verification is off (the naive baseline).
        """
        settings = self.settings
        if not settings.verify_citations:
            return naive_citations(raw, shown), None
        checks = settings.answerability_checks
        embed = self.embedder.embed_cached
        cited = cite(raw, shown, embed, settings.min_support)
        model_refused = is_refusal(raw)
        wrong_type = checks and not cited.refused and not answers_the_type(question, cited.text)
        # Everything the answer may quote: what the model saw, then the other candidates.
        pool = shown + [p for p in candidates or [] if all(p.chunk.id != s.chunk.id for s in shown)]
        if cited.refused or cited.unusable or wrong_type:
            cited = extractive_answer(
                standalone,
                pool,
                embed,
                accept=lambda sentence: not checks or answers_the_type(question, sentence),
            )
            if cited.refused:
                return cited, None
        quoted_from = [
            p for p in candidates or [] if any(c.source == p.chunk.source for c in cited.citations)
        ]
        add_other_sources(cited.citations, shown + [p for p in quoted_from if p not in shown], embed)
        return cited, self.features(
            question, standalone, cited, candidates or shown, pool, asked_names or [], model_refused
        )

    def features(
        self,
        question: str,
        standalone: str,
        cited: CitedAnswer,
        candidates: list[Passage],
        pool: list[Passage],
        asked_names: list[str],
        model_refused: bool,
    ) -> AnswerFeatures:
        """What the answer check weighs; ``pool`` holds the passages the citations quote."""
        cited_text = " ".join(c.text for c in cited.citations)
        chunks = [p.chunk for c in cited.citations if (p := passage_of(c, pool)) is not None]
        passage_text = " ".join(f"{c.title} {c.text}" for c in chunks) or cited_text
        vectors = self.embedder.embed_cached([standalone] + [c.text for c in cited.citations])
        cited_ids = {c.id for c in chunks}
        carried = [n for n in asked_names if cited_ids & self.index.names.chunks_with(n)]
        return AnswerFeatures(
            relevance=max((p.score for p in candidates), default=0.0),
            question_similarity=float(max(vectors[1:] @ vectors[0], default=0.0)),
            sentence_coverage=coverage(standalone, cited_text),
            passage_coverage=coverage(standalone, passage_text),
            right_kind=kind_score(question, cited.text),
            names_carried=len(carried) / len(asked_names) if asked_names else 1.0,
            support=cited.support,
            quoted=float(cited.extractive),
            model_refused=float(model_refused),
        )

    def note_conflicts(
        self, cited: CitedAnswer, shown: list[Passage], search_filter: SearchFilter | None
    ) -> None:
        """Look again, from each dated cited sentence, for what the other articles say of it."""
        embed = self.embedder.embed_cached
        second_look = [
            p for c in cited.citations if dates(c.text) for p in self.search(c.text, 10, search_filter)
        ]
        for conflict in find_conflicts(cited.citations, shown + second_look, embed)[:1]:
            other = replace(conflict.other, n=len(cited.citations) + 1)
            cited.citations.append(other)
            cited.text += " " + conflict_note(conflict, conflict.cited.n, other.n)


def refusal_message(reason: str, missing: list[str] | tuple[str, ...] = ()) -> str:
    """What the reader is told, in plain words, for each refusal reason."""
    if reason == NOT_IN_ARCHIVE and missing:
        return f"{REFUSAL} None of them mentions {' or '.join(missing[:3])}."
    return {
        EMPTY_QUESTION: EMPTY_QUESTION_REPLY,
        OUT_OF_SCOPE: OUT_OF_SCOPE_REPLY,
        FILTER_MATCHES_NOTHING: NO_MATCHING_ARTICLES_REPLY,
        NO_RELEVANT_PASSAGE: f"{REFUSAL} Nothing in them comes close to this question.",
        ANSWER_NOT_SUPPORTED: f"{REFUSAL} The closest passages do not answer this question.",
    }.get(reason, REFUSAL)
