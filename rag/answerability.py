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

What the question asks for is read once, by `rag.condense` (`Question.kind`, `.focus`, `.counted`).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from rag.text import STOPWORDS, content_stems, fold
from rag.types import Question

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


def answers_the_type(question: Question, answer: str) -> bool:
    """False when the answer lacks what the question asks for: a quantity for "how many", a time
    expression for "when", a name the question does not already contain for "who"/"where"."""
    answer = _MARKER.sub("", answer)
    if question.kind == "number":
        return bool(re.search(_NUMBER_WORDS, fold(answer)))
    if question.kind == "date":
        return bool(re.search(_DATE_WORDS, fold(answer)))
    if question.kind == "name":
        for match in _CAPITALIZED_WORD.finditer(answer):
            words = set(re.findall(r"\w+", fold(match.group())))
            if match.start() > 0 and not words <= question.asked_words | STOPWORDS:
                return True
        return False
    return True


_QUANTITY = re.compile(_NUMBER_WORDS)


def counts_what_was_asked(question: Question, answer: str) -> bool:
    """For "how many X": does a quantity in the answer count X (X among the few words after it)?

    "How many peacekeepers died?" is not answered by "scores of Armenians were evacuated", which
    states a quantity of something else. Other questions pass.
    """
    if not question.counted:
        return True
    tokens = content_stems(_MARKER.sub("", answer))
    for n, token in enumerate(tokens):
        if _QUANTITY.fullmatch(token) and question.counted & set(tokens[n + 1 : n + 5]):
            return True
    return False


def kind_score(question: Question, answer: str) -> float:
    """1: of the kind asked (and, for "how many", counting the thing asked); 0.5: a quantity of
    something else; 0: not of the kind asked."""
    if not answers_the_type(question, answer):
        return 0.0
    return 1.0 if counts_what_was_asked(question, answer) else 0.5


def coverage(focus: frozenset[str] | set[str], text: str) -> float:
    """Share of a question's focus stems (`Question.focus`) that ``text`` holds (1.0 when none)."""
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
