"""Verify: turn the model's raw text into a checked, cited answer, and decide whether it answers.

* Cite (`rag.cite`): each sentence must be stated by the passage it cites, else it is dropped or
  replaced by the passage's own sentences.
* Fall back to a quote: when the model refused, wrote nothing usable, or answered with the wrong
  kind of thing (a "how many" answer with no number), the passage sentence that best answers is
  quoted instead, from the prompt's passages first, then the other candidates.
* Name the other outlets that carry the same sentence.
* The answer check (`rag.answerability`): one fitted decision over the evidence, whether this
  cited answer answers *this* question.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from rag.answerability import (
    DEFAULT_WEIGHTS,
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
from rag.names import NameIndex
from rag.types import Passage, Question


@lru_cache(maxsize=4)
def _answer_check(path: Path) -> AnswerCheck:
    return AnswerCheck.load(path)  # once per process, not once per question


@dataclass
class Verified:
    cited: CitedAnswer
    features: AnswerFeatures | None  # None: nothing to weigh (a refusal, or verification off)
    accepted: bool  # False: refuse, the cited answer does not answer the question


class Verify:
    """Stage: (`Question`, raw model text, the passages shown, all candidates) → `Verified`.

    With ``verify_citations`` off (the naive baseline) the model's markers are trusted as they
    are; with ``checks`` off no fallback is chosen by answer type and the answer check is skipped.
    """

    def __init__(
        self,
        embed: Callable[[list[str]], np.ndarray],
        names: NameIndex,
        min_support: float,
        verify_citations: bool = True,
        checks: bool = True,
        answer_check_file: Path | None = None,
    ):
        self.embed, self.names, self.min_support = embed, names, min_support
        self.verify_citations, self.checks = verify_citations, checks
        self.answer_check = _answer_check(answer_check_file or DEFAULT_WEIGHTS)

    def run(
        self,
        question: Question,
        raw: str,
        shown: list[Passage],
        candidates: list[Passage] | None = None,
        asked_names: list[str] | None = None,
    ) -> Verified:
        if not self.verify_citations:
            cited = naive_citations(raw, shown)
            return Verified(cited, None, not cited.refused)
        checks, embed = self.checks, self.embed
        candidates = candidates or []
        cited = cite(raw, shown, embed, self.min_support)
        model_refused = is_refusal(raw)
        wrong_type = checks and not cited.refused and not answers_the_type(question, cited.text)
        # Everything the answer may quote: what the model saw, then the other candidates.
        pool = shown + [p for p in candidates if all(p.chunk.id != s.chunk.id for s in shown)]
        if cited.refused or cited.unusable or wrong_type:
            cited = extractive_answer(
                question.standalone,
                pool,
                embed,
                accept=lambda sentence: not checks or answers_the_type(question, sentence),
            )
            if cited.refused:
                return Verified(cited, None, False)
        quoted_from = [p for p in candidates if any(c.source == p.chunk.source for c in cited.citations)]
        add_other_sources(cited.citations, shown + [p for p in quoted_from if p not in shown], embed)
        features = self.features(question, cited, candidates or shown, pool, asked_names or [], model_refused)
        return Verified(cited, features, not checks or self.answer_check.accepts(features))

    def features(
        self,
        question: Question,
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
        vectors = self.embed([question.standalone] + [c.text for c in cited.citations])
        cited_ids = {c.id for c in chunks}
        carried = [n for n in asked_names if cited_ids & self.names.chunks_with(n)]
        return AnswerFeatures(
            relevance=max((p.score for p in candidates), default=0.0),
            question_similarity=float(max(vectors[1:] @ vectors[0], default=0.0)),
            sentence_coverage=coverage(question.focus, cited_text),
            passage_coverage=coverage(question.focus, passage_text),
            right_kind=kind_score(question, cited.text),
            names_carried=len(carried) / len(asked_names) if asked_names else 1.0,
            support=cited.support,
            quoted=float(cited.extractive),
            model_refused=float(model_refused),
        )
