"""Evaluate: run a question set through the pipeline and report accuracy, citations and latency.

Question lines: {"question", "history"?, "answers": [acceptable strings], "sources": [file names],
"answerable": bool}. Citation precision is judged independently of the pipeline's own citation
check: a sentence counts as supported when the text it cites holds every number it states and
at least half of its content words.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from rag.cite import answer_sentences, content_words, numbers
from rag.conflicts import NOTE_PREFIX, note_holds
from rag.types import Answer, Message

# The naive baseline: the top four dense chunks pasted into one prompt, the model's answer and
# markers taken as they come, no refusal gate.
NAIVE_SETTINGS = {
    "retrieval": "dense",
    "top_k": 4,
    "verify_citations": False,
    "min_relevance": -1.0,
    "answerability_checks": False,
}


@dataclass
class EvalItem:
    question: str
    answers: list[str]
    sources: list[str]
    answerable: bool
    history: list[Message] = field(default_factory=list)
    kind: str = ""


def load_questions(path: Path) -> list[EvalItem]:
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            items.append(
                EvalItem(
                    question=raw["question"],
                    answers=list(raw.get("answers", [])),
                    sources=list(raw.get("sources", [])),
                    answerable=bool(raw.get("answerable", bool(raw.get("answers")))),
                    history=[Message(m["role"], m["content"]) for m in raw.get("history", [])],
                    kind=raw.get("kind", ""),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: not a valid question line ({exc})") from exc
    return items


def sentence_supported(sentence: str, cited_texts: list[str]) -> bool:
    """The independent judge used for citation precision."""
    words, nums = content_words(sentence), numbers(sentence)
    evidence = " ".join(cited_texts)
    if nums - numbers(evidence):
        return False
    return not words or len(words & content_words(evidence)) / len(words) >= 0.5


def judge_sentences(answer: Answer) -> tuple[int, int]:
    """(supported, total) over the answer's sentences: each should carry a citation that holds it."""
    by_number = {c.n: c.text for c in answer.citations}
    supported = total = 0
    body, has_note, note = answer.answer.partition(NOTE_PREFIX)
    if has_note:  # a conflict note is one claim: each side's date must be in that side's citation
        total += 1
        supported += bool(note_holds(has_note + note, by_number))
    for sentence, markers in answer_sentences(body):
        total += 1
        cited = [by_number[n] for n in markers if n in by_number]
        supported += bool(cited) and sentence_supported(sentence, cited)
    return supported, total


@dataclass
class EvalRow:
    item: EvalItem
    answer: Answer

    @property
    def correct(self) -> bool:
        text = self.answer.answer.lower()
        return not self.answer.refused and any(a.lower() in text for a in self.item.answers)

    @property
    def cites_a_gold_source(self) -> bool:
        return any(c.source in self.item.sources for c in self.answer.citations)


def _share(values: Iterable[bool]) -> float | None:
    values = list(values)
    return round(sum(values) / len(values), 3) if values else None


def summarize(rows: list[EvalRow]) -> dict:
    answerable = [r for r in rows if r.item.answerable]
    unanswerable = [r for r in rows if not r.item.answerable]
    answered = [r for r in answerable if not r.answer.refused]
    supported = total = 0
    for r in rows:
        if not r.answer.refused:
            s, t = judge_sentences(r.answer)
            supported, total = supported + s, total + t
    ttft = [r.answer.timings.first_token_s for r in rows]
    totals = [r.answer.timings.total_s for r in rows]
    generated = [r.answer.timings.first_token_s for r in rows if r.answer.timings.first_token_s > 0.05]
    return {
        "questions": len(rows),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "answer_accuracy": _share(r.correct for r in answerable),
        "citation_accuracy": _share(r.cites_a_gold_source for r in answered),
        "citation_precision": round(supported / total, 3) if total else None,
        "refusal_accuracy": _share(r.answer.refused for r in unanswerable),
        "false_refusals": _share(r.answer.refused for r in answerable),
        "first_token_p50_s": round(float(np.percentile(ttft, 50)), 3) if ttft else None,
        "first_token_p95_s": round(float(np.percentile(ttft, 95)), 3) if ttft else None,
        "first_token_p50_generated_s": round(float(np.percentile(generated, 50)), 3) if generated else None,
        "total_p50_s": round(float(np.percentile(totals, 50)), 3) if totals else None,
        "total_p95_s": round(float(np.percentile(totals, 95)), 3) if totals else None,
    }


def run_eval(
    items: list[EvalItem],
    ask: Callable[[str, list[Message]], Answer],
    on_row: Callable[[EvalRow], None] | None = None,
) -> tuple[dict, list[EvalRow]]:
    rows = []
    for item in items:
        row = EvalRow(item, ask(item.question, item.history))
        rows.append(row)
        if on_row:
            on_row(row)
    return summarize(rows), rows


def retrieval_metrics(items: list[EvalItem], search: Callable[[str, int], list[str]]) -> dict:
    """recall@1/5/10 and MRR over the ranked chunks' sources, nDCG@10 over distinct sources.

    ``search(query, k)`` returns the source of each ranked chunk. Only answerable items with gold
    sources count; a chunk is relevant when its article is one of the item's sources.
    """
    from rag.condense import condense

    scored = [i for i in items if i.answerable and i.sources]
    hits = {1: 0, 5: 0, 10: 0}
    reciprocal = ndcg = 0.0
    for item in scored:
        ranked = search(condense(item.question, item.history), 10)
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
