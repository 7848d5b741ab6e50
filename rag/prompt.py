"""Prompt: numbered passages plus strict instructions, fitted to the model's context window.

The system prompt is fixed text so llama.cpp can reuse its evaluated prefix across questions.
The budget is counted in the model's own tokens: passages that do not fit are left out (the
lowest-ranked first) and an over-long question is cut, so the prompt can never overflow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rag.generate.base import Generator
from rag.types import Passage, Question

REFUSAL = "The articles don't say."

# Worded for small models: on the development questions this phrasing ("one sentence taken from
# them") beat longer instructions by 10-40 points of answer accuracy (see BENCHMARKS.md).
SYSTEM_PROMPT = (
    "You are a careful news assistant. Read the passages and answer the question with one "
    "sentence taken from them. Add the passage number like [1] at the end. If the passages do "
    f"not contain the answer, reply: {REFUSAL}"
)


@dataclass
class Prompt:
    messages: list[dict]  # the chat messages for the model
    shown: list[Passage]  # the passages that fitted, numbered from 1 in this order


class BuildPrompt:
    """Stage: (`Question`, the decided passages) → `Prompt`, within the model's context window,
    leaving room for the answer (``max_tokens``) and the chat template's own tokens."""

    def __init__(self, generator: Generator, max_tokens: int):
        self.generator, self.max_tokens = generator, max_tokens

    def run(self, question: Question, passages: list[Passage]) -> Prompt:
        generator = self.generator
        budget = generator.n_ctx - self.max_tokens - generator.chat_overhead_tokens([{}, {}])
        return Prompt(*build_messages(question.standalone, passages, generator.count_tokens, budget))


def passage_header(passage: Passage) -> str:
    chunk = passage.chunk
    details = ", ".join(x for x in (chunk.outlet, chunk.date) if x)
    return f"{chunk.title} ({details})" if details else chunk.title


def build_messages(
    question: str,
    passages: list[Passage],
    count_tokens: Callable[[str], int],
    budget_tokens: int,
) -> tuple[list[dict], list[Passage]]:
    """Chat messages for the model and the passages that fitted, numbered from 1 in that order."""
    question = question.strip()
    fixed = count_tokens(SYSTEM_PROMPT) + count_tokens("\n\nQuestion: ")
    question_limit = max(32, budget_tokens // 4)
    if count_tokens(question) > question_limit:
        # Cut by characters until it fits: a question is never allowed to crowd out the passages.
        while question and count_tokens(question) > question_limit:
            question = question[: int(len(question) * 0.8)]
    remaining = budget_tokens - fixed - count_tokens(question)
    blocks: list[str] = []
    used: list[Passage] = []
    for passage in passages:
        block = f"Passage [{len(used) + 1}] ({passage_header(passage)}): {passage.chunk.text}"
        cost = count_tokens(block) + 1
        if cost > remaining:
            continue
        remaining -= cost
        blocks.append(block)
        used.append(passage)
    user = "\n".join(blocks) + f"\n\nQuestion: {question}"
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}], used
