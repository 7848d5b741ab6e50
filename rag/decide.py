"""Decide, before the model runs: can the archive answer this, and which passages should it see?

Input: the question as typed and the *wide* candidates retrieval found for its standalone form
(more than the prompt takes). Output: a `Decision`, either a refusal with its reason or the
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

from collections.abc import Callable
from dataclasses import dataclass, field

from rag.answerability import is_out_of_scope
from rag.names import NameIndex, question_names
from rag.types import Passage

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


@dataclass
class Decision:
    passages: list[Passage] = field(default_factory=list)  # for the prompt, best first
    refusal: str | None = None  # one of REFUSAL_REASONS, or None: let the model answer
    missing: list[str] = field(default_factory=list)  # names no article mentions
    names: list[str] = field(default_factory=list)  # names the question asks about


def decide(
    question: str,
    candidates: list[Passage],
    top_k: int,
    names: NameIndex,
    carrier: Callable[[set[int]], Passage | None],
    min_relevance: float,
    checks: bool = True,
) -> Decision:
    """The pre-generation decision. ``carrier(chunk_ids)`` returns the best passage for the
    question among those chunks (within the active filter), or None."""
    if not question.strip():
        return Decision(refusal=EMPTY_QUESTION)
    if checks and is_out_of_scope(question):
        return Decision(refusal=OUT_OF_SCOPE)
    # The names this question asks about; a follow-up's borrowed words were checked on their turn.
    asked = question_names(question) if checks else []
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
