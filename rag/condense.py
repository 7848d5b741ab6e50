"""Condense: read the question once, into the `Question` every later stage uses.

* Clean it: control characters out, whitespace folded, length capped.
* Make a follow-up stand alone. "What did she accuse them of?" means nothing to a search index;
  after "Who is Maria Zakharova?" it does. A follow-up (a pronoun, or only a few words) borrows
  the previous user question's words and the names the previous *answer* gave ("Who chaired the
  meeting?" → "Kofi Annan [1]" → "What did he say?" needs "Kofi Annan"). The result is shown as
  ``standalone_question``.
* Note what it asks for: the kind of answer its wording wants ("how many" a quantity, "when" a
  time, "who" a name), the names it asks about, what it is about, and whether it is a request
  the articles cannot serve at all ("write me a poem").
"""

from __future__ import annotations

import re

from rag.names import question_names
from rag.text import content_stems, fold
from rag.types import Message, Question

_FOLLOW_UP = re.compile(
    r"\b(he|she|they|him|her|them|his|hers|their|it|its|this|that|those|these|there|then)\b", re.I
)
_MARKER = re.compile(r"\s*\[\d+(?:\s*[,;]\s*\d+)*\]")

MAX_QUESTION_CHARS = 2000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

_REQUEST = re.compile(
    r"^\s*(please\s+)?(write|compose|draft|create|generate|give me|tell me a|sing|translate|"
    r"summarize my|code|make me)\b.*\b(poem|story|song|joke|recipe|essay|code|script|program|"
    r"function|letter|email|haiku|limerick|lyrics)\b",
    re.IGNORECASE,
)
_RECIPE = re.compile(r"\b(recipe|poem|haiku|joke|limerick|lyrics)\b", re.IGNORECASE)
_NUMBER_QUESTION = re.compile(
    r"\b(how (many|much|long|old|far)|what (share|percentage|number|proportion))\b", re.I
)
_DATE_QUESTION = re.compile(
    r"\b(when|what (date|day|year|month|time)|which (date|day|year|month)|since what year|date of birth|born)\b",
    re.I,
)
_NAME_QUESTION = re.compile(
    r"^\s*(who|whom|to whom|by whom|where|in which|which (country|countries|partner|ministry|organi[sz]ation|"
    r"district|outlet|city|town|side|team|company|person|agency|party|river|state)|"
    r"what (is|was) (the )?name|what (city|town|country|team|company|agency|organi[sz]ation))\b",
    re.I,
)
_HOW_MANY = re.compile(r"\bhow many\s+((?:[\w'’-]+\s+){0,3})", re.I)
# Words of a question that say what kind of answer is wanted, not what it is about.
ASKING_WORDS = frozenset(
    "what who whom whose when where which why how many much long old far did does do is are was "
    "were according name describe explain happen happened".split()
)


class Condense:
    """Stage: (question as typed, the conversation so far) → `Question`.

    With ``checks`` off (the naive baseline) no names are looked for and nothing is out of scope.
    """

    def __init__(self, checks: bool = True):
        self.checks = checks

    def run(self, question: str, history: list[Message]) -> Question:
        return read_question(question, history, self.checks)


def read_question(question: str, history: list[Message] | None = None, checks: bool = True) -> Question:
    text = clean_question(question)
    standalone = condense(text, history or [])
    return Question(
        text=text,
        standalone=standalone,
        kind=expected_answer_type(text),
        names=tuple(question_names(text)) if checks else (),
        focus=frozenset(focus_stems(standalone)),
        counted=frozenset(counted_stems(text)),
        asked_words=frozenset(re.findall(r"\w+", fold(text))),
        out_of_scope=checks and is_out_of_scope(text),
    )


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


def is_out_of_scope(question: str) -> bool:
    return bool(_REQUEST.search(question) or (_RECIPE.search(question) and len(question.split()) < 15))


def expected_answer_type(question: str) -> str | None:
    """ "number", "date" or "name" when the question's wording asks for one, else None."""
    if _NUMBER_QUESTION.search(question):
        return "number"
    if _DATE_QUESTION.search(question):
        return "date"
    if _NAME_QUESTION.search(question):
        return "name"
    return None


def focus_stems(question: str) -> set[str]:
    """Stems of what the question is about (its content words, not its question words)."""
    return {w for w in content_stems(question) if w not in ASKING_WORDS and not w.isdigit()}


def counted_stems(question: str) -> set[str]:
    """For "how many X", the stems of X (the few words after it); empty for other questions."""
    match = _HOW_MANY.search(question)
    if not match:
        return set()
    return {stem for stem in content_stems(match.group(1)) if stem not in ASKING_WORDS}
