"""Decide, before the model runs: can the archive answer this, and which passages should it see?

Input: the `Question` (rag.condense) and the *wide* candidates retrieval found for its standalone
form (more than the prompt takes). Output: a `Decision`, either a refusal with its reason or the
passages for the prompt. Only refusals that need no model are made here; whether the model's
answer actually answers is decided after it, by `rag.answerability.AnswerCheck`.

* ``empty_question`` and ``out_of_scope`` ("write me a poem");
* ``not_in_archive``: the question names someone or something that no article mentions at all
  (checked against the whole index, spelling variants included), with the missing name;
* ``no_relevant_passage``: nothing retrieved comes close to the question (calibrated cosine);
* otherwise the prompt gets the top passages, and every name the question asks about is
  carried by at least one of them: when the top passages happen not to carry a name the archive
  does have, the best passage that does is brought in from the index.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from rag.index import Index
from rag.names import NameIndex
from rag.prompt import REFUSAL
from rag.retrieve import allowed_ids
from rag.types import Passage, Question, SearchFilter

EMPTY_QUESTION = "empty_question"
OUT_OF_SCOPE = "out_of_scope"
NOT_IN_ARCHIVE = "not_in_archive"
NO_RELEVANT_PASSAGE = "no_relevant_passage"
ANSWER_NOT_SUPPORTED = "answer_not_supported"
FILTER_MATCHES_NOTHING = "filter_matches_nothing"
REFUSAL_REASONS = (
    EMPTY_QUESTION,
    OUT_OF_SCOPE,
    NOT_IN_ARCHIVE,
    NO_RELEVANT_PASSAGE,
    ANSWER_NOT_SUPPORTED,
    FILTER_MATCHES_NOTHING,
)
OUT_OF_SCOPE_REPLY = (
    "I can only answer questions about the news articles in this archive, and that request "
    "is not one the articles can answer."
)
EMPTY_QUESTION_REPLY = "Please type a question about the articles."
NO_MATCHING_ARTICLES_REPLY = "No article matches the chosen outlets and dates; widen the filter."


@dataclass
class Decision:
    passages: list[Passage] = field(default_factory=list)  # for the prompt, best first
    refusal: str | None = None  # one of REFUSAL_REASONS, or None: let the model answer
    missing: list[str] = field(default_factory=list)  # names no article mentions
    names: list[str] = field(default_factory=list)  # names the question asks about


class Decide:
    """Stage: (`Question`, wide candidates, the active filter) → `Decision`."""

    def __init__(self, index: Index, embed, top_k: int, min_relevance: float):
        self.index, self.embed = index, embed
        self.top_k, self.min_relevance = top_k, min_relevance

    def run(
        self, question: Question, candidates: list[Passage], search_filter: SearchFilter | None = None
    ) -> Decision:
        allowed = allowed_ids(self.index, search_filter)
        if question.text and not candidates and allowed is not None and len(allowed) == 0:
            return Decision(refusal=FILTER_MATCHES_NOTHING)
        return decide(
            question,
            candidates,
            self.top_k,
            self.index.names,
            lambda carrying: self.best_carrier(question.standalone, carrying, allowed),
            self.min_relevance,
        )

    def best_carrier(self, query: str, carrying: set[int], allowed: np.ndarray | None) -> Passage | None:
        """The passage closest to ``query`` among the indexed chunks ``carrying`` (a name)."""
        if allowed is not None:
            carrying = carrying & set(allowed.tolist())
        ids = sorted(i for i in carrying if i in self.index.chunks)
        if not ids:
            return None
        scores = self.index.store.vectors(ids) @ self.embed([query])[0]
        best = int(np.argmax(scores))
        return Passage(self.index.chunks[ids[best]], float(scores[best]))


def decide(
    question: Question,
    candidates: list[Passage],
    top_k: int,
    names: NameIndex,
    carrier,
    min_relevance: float,
) -> Decision:
    """The pre-generation decision. ``carrier(chunk_ids)`` returns the best passage for the
    question among those chunks (within the active filter), or None."""
    if not question.text.strip():
        return Decision(refusal=EMPTY_QUESTION)
    if question.out_of_scope:
        return Decision(refusal=OUT_OF_SCOPE)
    # The names this question asks about; a follow-up's borrowed words were checked on their turn.
    asked = list(question.names)
    missing = [n for n in asked if not names.in_archive(n)]
    if missing:
        return Decision(refusal=NOT_IN_ARCHIVE, missing=missing, names=asked, passages=candidates[:top_k])
    if not candidates or max(p.score for p in candidates) < min_relevance:
        return Decision(refusal=NO_RELEVANT_PASSAGE, names=asked, passages=candidates[:top_k])
    chosen = list(candidates[:top_k])
    for name in asked:
        carrying = names.chunks_with(name)
        if not carrying or any(p.chunk.id in carrying for p in chosen):
            continue
        brought = next((p for p in candidates if p.chunk.id in carrying), None) or carrier(carrying)
        if brought is not None and all(brought.chunk.id != p.chunk.id for p in chosen):
            chosen = [brought, *chosen][:top_k] if len(chosen) >= top_k else [brought, *chosen]
    return Decision(passages=chosen, names=asked)


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
