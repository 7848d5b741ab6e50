"""Condense: turn a follow-up question into one that retrieval can use on its own.

"What did she accuse them of?" means nothing to a search index; after "Who is Maria Zakharova?"
it does. A follow-up (a pronoun, or only a few words) borrows the previous user question's words
and the names the previous *answer* gave ("Who chaired the meeting?" → "Kofi Annan [1]" →
"What did he say?" needs "Kofi Annan"), which is what retrieval and the name checks need. The
result is shown as ``standalone_question``.
"""

from __future__ import annotations

import re

from rag.names import question_names
from rag.text import fold
from rag.types import Message

_FOLLOW_UP = re.compile(
    r"\b(he|she|they|him|her|them|his|hers|their|it|its|this|that|those|these|there|then)\b", re.I
)
_MARKER = re.compile(r"\s*\[\d+(?:\s*[,;]\s*\d+)*\]")

MAX_QUESTION_CHARS = 2000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_question(question: str) -> str:
    """Control characters out, whitespace folded, length capped: a question can never flood the prompt."""
    return " ".join(_CONTROL.sub(" ", question).split())[:MAX_QUESTION_CHARS]


def is_follow_up(question: str, history: list[Message]) -> bool:
    return any(m.role == "user" for m in history) and bool(
        _FOLLOW_UP.search(question) or len(question.split()) <= 4
    )


def answer_names(history: list[Message]) -> list[str]:
    """Names stated in the last answer (markers off): what a follow-up's "he" or "it" may mean."""
    answers = [m.content for m in history if m.role == "assistant" and m.content.strip()]
    if not answers:
        return []
    text = _MARKER.sub("", answers[-1])
    return question_names(text, skip_opening=False)


def condense(question: str, history: list[Message]) -> str:
    """The question, prefixed with the previous question and the previous answer's new names
    when it reads as a follow-up."""
    question = question.strip()
    if not is_follow_up(question, history):
        return question
    previous = [m.content.strip() for m in history if m.role == "user" and m.content.strip()][-1]
    known = fold(f"{previous} {question}")
    borrowed = [n for n in answer_names(history) if fold(n) not in known]
    return " ".join([previous, *dict.fromkeys(borrowed), question])
