"""Evaluate: run a question set (or a claim set) through the pipeline and judge it, by split.

Question lines: {"question", "history"?, "answers": [acceptable strings], "sources": [file names],
"answerable": bool, "kind"?, "split"?: "calibration" | "test"}. Every held-out set is split in
two before anything is tuned: thresholds and heuristics are fitted on the calibration half, and
the test half is what gets reported.

The judge is independent of what it judges: it reads only the question set and the public
`ask --json` contract (answer text, `refused`, citations with their quoted text) and imports
nothing of the answering code, so a bug in the pipeline's own checks cannot hide here. A
sentence counts as supported when the text it cites holds every number it states and at least
half of its content words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

# The naive baseline: the top four dense chunks pasted into one prompt, the model's answer and
# markers taken as they come, no refusal gate.
NAIVE_SETTINGS = {
    "retrieval": "dense",
    "top_k": 4,
    "verify_citations": False,
    "min_relevance": -1.0,
    "answerability_checks": False,
    "rerank": False,
}
SPLITS = ("calibration", "test")

# The judge's own tokenization: deliberately simple and separate from the pipeline's.
_JUDGE_STOPWORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being it its "
    "this that these those he she they them his her their there here what which who whom whose when "
    "where why how not no do does did has have had will would can could should may might must than "
    "then so such also about into over after before during said says say told according passage "
    "passages article articles".split()
)
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_MARKER = re.compile(r"\[(\d{1,2}(?:\s*[,;]\s*\d{1,2})*)\]")
# A sentence ends at its full stop and the markers after it ("... survived. [1] Richard ...").
_SENTENCE_END = re.compile(r"[.!?](?:\s*\[\d{1,2}(?:\s*[,;]\s*\d{1,2})*\])*(?=\s+[A-Z\"“(]|\s*$)")
_NOTE_PREFIX = "The sources disagree on the "
_NOTE = re.compile(
    re.escape(_NOTE_PREFIX)
    + r"\w+: .* gives (?P<a>.+?) \[(?P<n>\d+)\], while .* gives (?P<b>.+?) \[(?P<m>\d+)\]\.?$"
)


@dataclass
class EvalItem:
    question: str
    answers: list[str]
    sources: list[str]
    answerable: bool
    history: list[dict] = field(default_factory=list)  # {"role", "content"} as in `ask --json`
    kind: str = ""
    split: str = "test"  # a set without splits is all reported, none of it tuned on


def _load_lines(path: Path, split: str | None, what: str, parse):
    """Each JSON line of ``path`` made an item by ``parse`` (a bad line names its number), the
    split checked; with ``split``, only that half."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = parse(json.loads(line))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: not a valid {what} line ({exc})") from exc
        if item.split not in SPLITS:
            raise ValueError(f"{path}:{number}: split must be one of {', '.join(SPLITS)}")
        if split is None or item.split == split:
            items.append(item)
    return items


def load_questions(path: Path, split: str | None = None) -> list[EvalItem]:
    """The question set at ``path``; with ``split``, only that half."""

    def parse(raw: dict) -> EvalItem:
        return EvalItem(
            question=raw["question"],
            answers=list(raw.get("answers", [])),
            sources=list(raw.get("sources", [])),
            answerable=bool(raw.get("answerable", bool(raw.get("answers")))),
            history=[{"role": m["role"], "content": m["content"]} for m in raw.get("history", [])],
            kind=raw.get("kind", ""),
            split=raw.get("split", "test"),
        )

    return _load_lines(path, split, "question", parse)


def _normalize(word: str) -> str:
    word = re.sub(r"['’]s$", "", word.lower())
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def _content_words(text: str) -> set[str]:
    words = {_normalize(w) for w in _WORD.findall(text)}
    return {w for w in words if w not in _JUDGE_STOPWORDS and (len(w) > 2 or w.isdigit())}


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}


def _markers(text: str) -> list[int]:
    return [int(n) for group in _MARKER.findall(text) for n in re.split(r"\s*[,;]\s*", group)]


def sentence_supported(sentence: str, cited_texts: list[str]) -> bool:
    """The independent judge used for citation precision."""
    words, nums = _content_words(sentence), _numbers(sentence)
    evidence = " ".join(cited_texts)
    if nums - _numbers(evidence):
        return False
    return not words or len(words & _content_words(evidence)) / len(words) >= 0.5


def _claims(answer_text: str) -> list[tuple[str, list[int]]]:
    """(sentence, its markers) for each sentence of an answer; a marker after the full stop counts."""
    text = answer_text.strip()
    ends = [m.end() for m in _SENTENCE_END.finditer(text) if not _inside_quotes(text[: m.end()])]
    pieces = [text[a:b] for a, b in zip([0, *ends], [*ends, len(text)])]
    return [
        (_MARKER.sub("", piece).strip(), _markers(piece))
        for piece in pieces
        if re.search(r"\w", _MARKER.sub("", piece))
    ]


def _inside_quotes(text: str) -> bool:
    """A full stop inside an open quotation ends a quoted sentence, not the answer's sentence."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def judge_sentences(answer: dict) -> tuple[int, int]:
    """(supported, total) over an answer's sentences: each should carry a citation that holds it.

    A conflict note ("The sources disagree on the date: X gives A [1], while Y gives B [2].") is
    one claim: each side's value must be in that side's citation.
    """
    by_number = {c["n"]: c["text"] for c in answer.get("citations", [])}
    body, prefix, note = answer.get("answer", "").partition(_NOTE_PREFIX)
    supported = total = 0
    if prefix:
        total += 1
        match = _NOTE.match(prefix + note.strip())
        supported += bool(match) and all(
            n in by_number and _numbers(value) and _numbers(value) <= _numbers(by_number[n])
            for value, n in ((match["a"], int(match["n"])), (match["b"], int(match["m"])))
        )
    for sentence, markers in _claims(body):
        total += 1
        cited = [by_number[n] for n in markers if n in by_number]
        supported += bool(cited) and sentence_supported(sentence, cited)
    return supported, total


@dataclass
class EvalRow:
    item: EvalItem
    answer: dict  # the `ask --json` object

    @property
    def refused(self) -> bool:
        return bool(self.answer.get("refused"))

    @property
    def correct(self) -> bool:
        """The fact is stated (an acceptable answer string is in the answer)."""
        text = self.answer.get("answer", "").lower()
        return not self.refused and any(a.lower() in text for a in self.item.answers)

    @property
    def cited_sources(self) -> set[str]:
        cited = set()
        for c in self.answer.get("citations", []):
            cited.add(c["source"])
            cited.update(o["source"] for o in c.get("also_in", []))
        return cited

    @property
    def cites_a_gold_source(self) -> bool:
        return bool(self.cited_sources & set(self.item.sources))

    @property
    def correct_and_cited(self) -> bool:
        return self.correct and self.cites_a_gold_source

    @property
    def ok(self) -> bool:
        """The outcome a reader wants: the cited fact, or a refusal when the articles do not say."""
        return self.correct_and_cited if self.item.answerable else self.refused


def _share(values: Iterable[bool]) -> float | None:
    values = list(values)
    return round(sum(values) / len(values), 3) if values else None


def _percentile(values: list[float], q: float) -> float | None:
    return round(float(np.percentile(values, q)), 3) if values else None


def summarize(rows: list[EvalRow]) -> dict:
    answerable = [r for r in rows if r.item.answerable]
    unanswerable = [r for r in rows if not r.item.answerable]
    answered = [r for r in answerable if not r.refused]
    supported = total = 0
    for r in rows:
        if not r.refused:
            s, t = judge_sentences(r.answer)
            supported, total = supported + s, total + t
    timings = [r.answer.get("timings", {}) for r in rows]
    ttft = [t.get("first_token_s", 0.0) for t in timings]
    totals = [t.get("total_s", 0.0) for t in timings]
    generated = [v for v in ttft if v > 0.05]
    return {
        "questions": len(rows),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "fact_and_citation": _share(r.correct_and_cited for r in answerable),
        "answer_accuracy": _share(r.correct for r in answerable),
        "citation_accuracy": _share(r.cites_a_gold_source for r in answered),
        "citation_precision": round(supported / total, 3) if total else None,
        "refusal_accuracy": _share(r.refused for r in unanswerable),
        "near_miss_refused": _share(r.refused for r in unanswerable if r.item.kind == "nearmiss"),
        "false_refusals": _share(r.refused for r in answerable),
        "first_token_p50_s": _percentile(ttft, 50),
        "first_token_p95_s": _percentile(ttft, 95),
        "first_token_p50_generated_s": _percentile(generated, 50),
        "total_p50_s": _percentile(totals, 50),
        "total_p95_s": _percentile(totals, 95),
    }


def summarize_by_split(rows: list[EvalRow]) -> dict[str, dict]:
    """One summary per split present (calibration first), so the two halves are never blended."""
    return {
        split: summarize([r for r in rows if r.item.split == split])
        for split in SPLITS
        if any(r.item.split == split for r in rows)
    }


def run_eval(
    items: list[EvalItem],
    ask: Callable[[str, list[dict]], dict],
    on_row: Callable[[EvalRow], None] | None = None,
) -> tuple[dict[str, dict], list[EvalRow]]:
    """Ask every item (``ask`` returns the `ask --json` object) and summarize each split."""
    rows = []
    for item in items:
        row = EvalRow(item, ask(item.question, item.history))
        rows.append(row)
        if on_row:
            on_row(row)
    return summarize_by_split(rows), rows


def retrieval_metrics(items: list[EvalItem], search: Callable[[EvalItem, int], list[str]]) -> dict:
    """recall@1/5/10 and MRR over the ranked chunks' sources, nDCG@10 over distinct sources.

    ``search(item, k)`` returns the source of each ranked chunk. Only answerable items with gold
    sources count; a chunk is relevant when its article is one of the item's sources.
    """
    scored = [i for i in items if i.answerable and i.sources]
    hits = {1: 0, 5: 0, 10: 0}
    reciprocal = ndcg = 0.0
    for item in scored:
        ranked = search(item, 10)
        gold = set(item.sources)
        first = next((r for r, source in enumerate(ranked, 1) if source in gold), None)
        for k in hits:
            hits[k] += first is not None and first <= k
        reciprocal += 1 / first if first else 0.0
        distinct = list(dict.fromkeys(ranked))[:10]
        dcg = sum(1 / np.log2(r + 1) for r, source in enumerate(distinct, 1) if source in gold)
        ideal = sum(1 / np.log2(r + 1) for r in range(1, min(len(gold), 10) + 1))
        ndcg += dcg / ideal
    n = max(1, len(scored))
    return {
        "questions": len(scored),
        **{f"recall@{k}": round(v / n, 3) for k, v in hits.items()},
        "mrr": round(reciprocal / n, 3),
        "ndcg@10": round(ndcg / n, 3),
    }


# --- checking drafts: claims with a gold verdict, judged from `check --json` ---------------------

VERDICTS = ("supported", "contradicted", "mixed", "not_found", "not_a_claim")


@dataclass
class ClaimItem:
    """One draft sentence with the verdict it deserves; ``differs``: the draft's value and the
    archive's for a contradiction or a mixed case."""

    claim: str
    verdict: str
    sources: list[str] = field(default_factory=list)
    differs: dict | None = None
    kind: str = ""
    split: str = "test"


def load_claims(path: Path, split: str | None = None) -> list[ClaimItem]:
    """Claim lines: {"claim", "verdict", "sources"?, "differs"?: {"draft", "source"}, "kind"?, "split"?}."""

    def parse(raw: dict) -> ClaimItem:
        item = ClaimItem(
            claim=raw["claim"],
            verdict=raw["verdict"],
            sources=list(raw.get("sources", [])),
            differs=raw.get("differs"),
            kind=raw.get("kind", ""),
            split=raw.get("split", "test"),
        )
        if item.verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}")
        return item

    return _load_lines(path, split, "claim", parse)


def is_claim_file(path: Path) -> bool:
    """A claim set (first line has "claim") rather than a question set."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            try:
                return "claim" in json.loads(line)
            except ValueError:
                return False
    return False


def _same_value(a: str, b: str) -> bool:
    """Two ways of giving one value: "3,000" and "3000", "Maria Zakharova" and "Zakharova"."""
    a, b = a.lower().replace(",", "").strip(), b.lower().replace(",", "").strip()
    return bool(a and b) and (a in b or b in a)


@dataclass
class CheckRow:
    item: ClaimItem
    result: dict  # the `check --json` line for the claim's sentence

    @property
    def verdict(self) -> str:
        return self.result.get("verdict", "")

    @property
    def correct(self) -> bool:
        return self.verdict == self.item.verdict

    @property
    def cited_texts(self) -> list[str]:
        return [c.get("text", "") for c in self.result.get("citations", [])]

    @property
    def citation_states_claim(self) -> bool:
        """A supported verdict's first citation holds the claim (the judge's own test)."""
        texts = self.cited_texts
        return bool(texts) and sentence_supported(self.item.claim, texts[:1])

    @property
    def names_difference(self) -> bool:
        """A contradiction (or mixed case) says which value differs: the draft's value is in the
        sentence and the source's in a cited passage."""
        differs = self.result.get("differs") or {}
        draft, source = differs.get("draft", ""), differs.get("source", "")
        return (
            bool(draft and source)
            and draft.lower() in self.result.get("sentence", self.item.claim).lower()
            and any(source.lower() in t.lower() for t in self.cited_texts)
        )

    @property
    def right_difference(self) -> bool | None:
        """Against the gold pair, when the claim is labelled with one (None when not)."""
        gold = self.item.differs
        differs = self.result.get("differs") or {}
        if not gold or self.verdict not in ("contradicted", "mixed"):
            return None
        return _same_value(differs.get("draft", ""), gold["draft"]) and _same_value(
            differs.get("source", ""), gold["source"]
        )

    @property
    def cites_a_gold_source(self) -> bool:
        cited = {c.get("source") for c in self.result.get("citations", [])}
        return bool(cited & set(self.item.sources))


def summarize_checks(rows: list[CheckRow]) -> dict:
    """Accuracy overall and per gold verdict; supported precision as the judge reads the
    citation; every contradiction naming its differing value."""
    said_supported = [r for r in rows if r.verdict == "supported"]
    said_differs = [r for r in rows if r.verdict in ("contradicted", "mixed")]
    cited = [r for r in rows if r.verdict in ("supported", "contradicted", "mixed") and r.item.sources]
    right = [r.right_difference for r in said_differs if r.right_difference is not None]
    return {
        "claims": len(rows),
        "accuracy": _share(r.correct for r in rows),
        **{f"accuracy_{v}": _share(r.correct for r in rows if r.item.verdict == v) for v in VERDICTS},
        "supported_precision": _share(r.citation_states_claim for r in said_supported),
        "supported_label_precision": _share(r.item.verdict == "supported" for r in said_supported),
        "contradictions_name_value": _share(r.names_difference for r in said_differs),
        "differing_value_right": _share(right),
        "cites_a_gold_source": _share(r.cites_a_gold_source for r in cited),
    }


def run_check_eval(
    items: list[ClaimItem],
    check: Callable[[str], list[dict]],
    on_row: Callable[[CheckRow], None] | None = None,
) -> tuple[dict[str, dict], list[CheckRow]]:
    """Check each claim as a one-sentence draft (``check`` returns its `check --json` lines) and
    summarize each split apart."""
    rows = []
    for item in items:
        lines = check(item.claim)
        # A claim the splitter cut in two is judged by its first sentence that is a claim.
        result = next((x for x in lines if x.get("verdict") != "not_a_claim"), lines[0] if lines else {})
        row = CheckRow(item, result)
        rows.append(row)
        if on_row:
            on_row(row)
    by_split = {
        split: summarize_checks([r for r in rows if r.item.split == split])
        for split in SPLITS
        if any(r.item.split == split for r in rows)
    }
    return by_split, rows
