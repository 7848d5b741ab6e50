"""The small interface every generator backend implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator


class Generator(ABC):
    """Streams a chat completion and counts tokens in the model's own tokenizer."""

    model_path: str
    n_ctx: int

    @abstractmethod
    def stream(self, messages: list[dict], max_tokens: int, temperature: float) -> Iterator[str]:
        """Yield the answer text piece by piece as the model produces it."""

    @abstractmethod
    def count_tokens(self, text: str) -> int: ...

    def warm_up(self, messages: list[dict]) -> None:
        """Get ready to answer prompts that start with ``messages`` (a backend may ignore it)."""
        return None

    def busy(self) -> bool:
        """True while another answer is being generated (callers can say so instead of waiting blind)."""
        return False

    def first_word_probability(self, messages: list[dict], word: str, other: str) -> float | None:
        """P(the reply starts with ``word``) against starting with ``other``, from the model's
        next-token probabilities (no sampling); None when the backend cannot tell."""
        return None

    def chat_overhead_tokens(self, messages: list[dict]) -> int:
        """Tokens the chat template adds around the messages (a safe over-estimate by default)."""
        return 16 * len(messages) + 8
