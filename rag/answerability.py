"""Answerability: does a cited answer actually answer the question? One calibrated decision.

Small models rarely refuse on their own: asked about something the articles only brush against,
they quote a nearby sentence, true and cited, that answers something else. Hand-set gates
stacked one on another were fitted to the questions they were scored on and did not carry over.
Here the evidence is gathered into a few features of the candidate answer and weighed by one
logistic model fitted on calibration questions only (`bench/calibrate.py fit`, weights in
`rag/data/answer_check.json`, figures in BENCHMARKS.md):

* how relevant the best retrieved passage is, and how close the cited sentence is to the question;
* how much of what the question asks about the cited sentence and its passage cover;
* whether it is of the kind asked ("how many" with a quantity, "when" with a time, "who" with a
  new name), and whether the passage carries the names asked about;
* how well the citation check supported it, and whether it is the model's answer or a quote
  taken because the model refused or gave nothing usable.

Also here: the out-of-scope check ("write me a poem"), which needs no model at all.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from rag.text import STOPWORDS, content_stems, fold

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


_QUANTITY = re.compile(_NUMBER_WORDS)
_HOW_MANY = re.compile(r"\bhow many\s+((?:[\w'’-]+\s+){0,3})", re.I)


def counts_what_was_asked(question: str, answer: str) -> bool:
    """For "how many X": does a quantity in the answer count X (X among the few words after it)?

    "How many peacekeepers died?" is not answered by "scores of Armenians were evacuated", which
    states a quantity of something else. Other questions pass.
    """
    match = _HOW_MANY.search(question)
    if not match:
        return True
    counted = {stem for stem in content_stems(match.group(1)) if stem not in _ASKING_WORDS}
    if not counted:
        return True
    tokens = content_stems(_MARKER.sub("", answer))
    for n, token in enumerate(tokens):
        if _QUANTITY.fullmatch(token) and counted & set(tokens[n + 1 : n + 5]):
            return True
    return False


def kind_score(question: str, answer: str) -> float:
    """1: of the kind asked (and, for "how many", counting the thing asked); 0.5: a quantity of
    something else; 0: not of the kind asked."""
    if not answers_the_type(question, answer):
        return 0.0
    return 1.0 if counts_what_was_asked(question, answer) else 0.5


# Words of a question that say what kind of answer is wanted, not what it is about.
_ASKING_WORDS = frozenset(
    "what who whom whose when where which why how many much long old far did does do is are was "
    "were according name describe explain happen happened".split()
)


def focus_stems(question: str) -> set[str]:
    """Stems of what the question is about (its content words, not its question words)."""
    return {w for w in content_stems(question) if w not in _ASKING_WORDS and not w.isdigit()}


def coverage(question: str, text: str) -> float:
    """Share of the question's focus words that ``text`` holds (1.0 when it has none)."""
    focus = focus_stems(question)
    return len(focus & set(content_stems(text))) / len(focus) if focus else 1.0


@dataclass
class AnswerFeatures:
    """What the decision looks at, each in 0..1 (see the module docstring)."""

    relevance: float  # cosine of the best retrieved passage to the question
    question_similarity: float  # cosine of the cited sentences to the question
    sentence_coverage: float  # focus words of the question in the cited sentences
    passage_coverage: float  # ... in the cited passages (title included)
    right_kind: float  # of the kind the question asks for (kind_score)
    names_carried: float  # share of the asked names that the cited passages carry
    support: float  # the citation check's score of the weakest kept sentence
    quoted: float  # 1: a quote taken by the fallback, not the model's own sentence
    model_refused: float  # 1: the model said the passages do not answer

    def vector(self) -> list[float]:
        return list(asdict(self).values())


FEATURES = list(AnswerFeatures.__dataclass_fields__)
DEFAULT_WEIGHTS = Path(__file__).parent / "data" / "answer_check.json"


@dataclass
class AnswerCheck:
    """A logistic model over `AnswerFeatures`: answer when its probability reaches ``threshold``."""

    mean: list[float]
    scale: list[float]
    weights: list[float]
    bias: float
    threshold: float

    @classmethod
    def load(cls, path: Path = DEFAULT_WEIGHTS) -> AnswerCheck:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("features") != FEATURES:
            raise ValueError(f"{path} was fitted on other features: re-run bench/calibrate.py fit")
        return cls(data["mean"], data["scale"], data["weights"], data["bias"], data["threshold"])

    def probability(self, features: AnswerFeatures) -> float:
        return self.probability_of(features.vector())

    def probability_of(self, vector: list[float]) -> float:
        z = self.bias + sum(
            w * (x - m) / s for w, x, m, s in zip(self.weights, vector, self.mean, self.scale)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accepts(self, features: AnswerFeatures) -> bool:
        return self.probability(features) >= self.threshold

    def save(self, path: Path, **about) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"features": FEATURES, **asdict(self), **about}, indent=1) + "\n")
