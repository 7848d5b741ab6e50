"""Condense: turn a follow-up question into one that retrieval can use on its own.

"What did she accuse them of?" means nothing to a search index; after "Who is Maria Zakharova?"
it does. A follow-up (a pronoun, or only a few words) borrows the previous user question's words,
which is what retrieval needs; the result is shown as ``standalone_question``.
"""

from __future__ import annotations

import re

from rag.types import Message

_FOLLOW_UP = re.compile(r"\b(he|she|they|him|her|them|his|hers|their|it|its|this|that|those|these)\b", re.I)


MAX_QUESTION_CHARS = 2000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_question(question: str) -> str:
    """Control characters out, whitespace folded, length capped: a question can never flood the prompt."""
    return " ".join(_CONTROL.sub(" ", question).split())[:MAX_QUESTION_CHARS]


def condense(question: str, history: list[Message]) -> str:
    """The question, prefixed with the previous user question when it reads as a follow-up."""
    question = question.strip()
    previous = [m.content.strip() for m in history if m.role == "user" and m.content.strip()]
    if previous and (_FOLLOW_UP.search(question) or len(question.split()) <= 4):
        return f"{previous[-1]} {question}"
    return question
