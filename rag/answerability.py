"""Answerability: cheap checks that tell when the articles cannot answer a question.

Small models rarely refuse on their own: asked about something the articles only brush against,
they quote a nearby sentence. These checks catch the common near-misses without the model:

* out of scope: a request for something other than facts from the news ("write me a poem");
* missing names: the question names someone or something no retrieved passage mentions
  ("What did Antony Blinken discuss...?" when no passage mentions Blinken);
* missing answer type: a "how many" question whose answer states no number, a "when" question
  whose answer states no date or day.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from rag.text import STOPWORDS

OUT_OF_SCOPE_REPLY = (
    "I can only answer questions about the news articles in this archive, and that request "
    "is not one the articles can answer."
)
_REQUEST = re.compile(
    r"^\s*(please\s+)?(write|compose|draft|create|generate|give me|tell me a|sing|translate|"
    r"summarize my|code|make me)\b.*\b(poem|story|song|joke|recipe|essay|code|script|program|"
    r"function|letter|email|haiku|limerick|lyrics)\b",
    re.IGNORECASE,
)
_RECIPE = re.compile(r"\b(recipe|poem|haiku|joke|limerick|lyrics)\b", re.IGNORECASE)
_NAME = re.compile(r"(?<![\w'’])[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
_NUMBER_QUESTION = re.compile(
    r"\b(how (many|much|long|old|far)|what (share|percentage|number|proportion))\b", re.I
)
_DATE_QUESTION = re.compile(
    r"\b(when|what (date|day|year|month|time)|which (date|day|year|month)|since what year|date of birth|born)\b",
    re.I,
)
_NAME_QUESTION = re.compile(
    r"^\s*(who|whom|to whom|by whom|where|which (country|countries|partner|ministry|organization|district|outlet|city|side))\b",
    re.I,
)
_MARKER = re.compile(r"\[\d+(?:\s*[,;]\s*\d+)*\]")
_CAPITALIZED_WORD = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")
_NUMBER_WORDS = (
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|dozens?|scores?|half|third|quarter|several|many|few|majority)\b"
)
_DATE_WORDS = (
    r"\b(\d{1,4}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|spring|summer|fall|autumn|winter|week|month|year|"
    r"earlier|later|morning|evening|night)\b"
)
_QUESTION_OPENERS = {
    "what",
    "who",
    "whom",
    "when",
    "where",
    "which",
    "why",
    "how",
    "did",
    "does",
    "do",
    "is",
    "are",
    "was",
    "were",
    "can",
    "could",
    "according",
    "in",
    "on",
    "to",
    "and",
    "since",
    "write",
    "give",
    "tell",
    "please",
    "list",
    "name",
    "describe",
    "explain",
    "summarize",
    "compare",
}


def fold(text: str) -> str:
    """Lower-case without accents: "Erdoğan" and "Erdogan" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def is_out_of_scope(question: str) -> bool:
    return bool(_REQUEST.search(question) or (_RECIPE.search(question) and len(question.split()) < 15))


def question_names(question: str) -> list[str]:
    """Proper names in the question (capitalized words that do not merely open it)."""
    found = []
    for match in _NAME.finditer(question):
        words = [w.strip(".'’s") for w in match.group().split()]
        while words and (words[0].lower() in _QUESTION_OPENERS or words[0].lower() in STOPWORDS):
            words = words[1:]
        words = [re.sub(r"['’]s$", "", w) for w in words if len(w) > 1]
        if words:
            found.append(" ".join(words))
    return found


def _mentioned(name: str, text_words: set[str]) -> bool:
    """A name counts as mentioned when each of its words, or a near spelling of it, is in the text."""
    for word in re.findall(r"\w+", fold(name)):
        if word in text_words:
            continue
        if len(word) >= 6 and any(
            abs(len(w) - len(word)) <= 2 and SequenceMatcher(None, word, w).ratio() >= 0.85
            for w in text_words
        ):
            continue  # "Pashinian" for "Pashinyan"
        return False
    return True


def missing_names(question: str, texts: list[str]) -> list[str]:
    """Names the question asks about that none of ``texts`` mentions."""
    words = set(re.findall(r"\w+", fold(" ".join(texts))))
    return [name for name in question_names(question) if not _mentioned(name, words)]


def expected_answer_type(question: str) -> str | None:
    """ "number", "date" or "name" when the question's wording asks for one, else None."""
    if _NUMBER_QUESTION.search(question):
        return "number"
    if _DATE_QUESTION.search(question):
        return "date"
    if _NAME_QUESTION.search(question):
        return "name"
    return None


def answers_the_type(question: str, answer: str) -> bool:
    """False when the answer lacks what the question asks for: a quantity for "how many", a time
    expression for "when", a name the question does not already contain for "who"/"where"."""
    kind = expected_answer_type(question)
    answer = _MARKER.sub("", answer)
    if kind == "number":
        return bool(re.search(_NUMBER_WORDS, fold(answer)))
    if kind == "date":
        return bool(re.search(_DATE_WORDS, fold(answer)))
    if kind == "name":
        asked = set(re.findall(r"\w+", fold(question)))
        for match in _CAPITALIZED_WORD.finditer(answer):
            words = set(re.findall(r"\w+", fold(match.group())))
            if match.start() > 0 and not words <= asked | STOPWORDS:
                return True
        return False
    return True
