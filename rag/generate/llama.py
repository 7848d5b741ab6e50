"""llama.cpp backend: a GGUF model loaded in-process through llama-cpp-python.

llama.cpp contexts are not thread-safe, so one lock serializes generation; callers can ask
`busy()` to tell a user that another answer is being written. The fixed system prompt comes
first in every prompt, so llama.cpp's prefix reuse skips re-evaluating it between questions.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from rag.generate.base import Generator


class LlamaGenerator(Generator):
    def __init__(self, model_path: Path, n_ctx: int, n_threads: int, seed: int = 0):
        from llama_cpp import Llama

        self.model_path = str(model_path)
        self.n_ctx = n_ctx
        self._lock = threading.Lock()
        try:
            self.llm = Llama(
                model_path=self.model_path,
                n_ctx=n_ctx,
                n_threads=n_threads,
                n_threads_batch=n_threads,
                n_batch=512,
                seed=seed,
                verbose=False,
            )
        except ValueError as exc:  # llama-cpp-python raises ValueError for unloadable files
            raise RuntimeError(f"could not load GGUF model {self.model_path}: {exc}") from exc

    def busy(self) -> bool:
        return self._lock.locked()

    def count_tokens(self, text: str) -> int:
        return len(self.llm.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def stream(self, messages: list[dict], max_tokens: int, temperature: float) -> Iterator[str]:
        with self._lock:
            chunks = self.llm.create_chat_completion(
                messages=messages,
                max_tokens=max_tokens,
                temperature=temperature,
                top_p=1.0 if temperature == 0 else 0.95,
                repeat_penalty=1.05,
                # A blank line ends the short answer asked for; "Passage [" is the model starting
                # to echo its prompt. Either way nothing useful follows, so stop early.
                stop=["\n\n", "Passage ["],
                stream=True,
            )
            for chunk in chunks:
                piece = chunk["choices"][0]["delta"].get("content")
                if piece:
                    yield piece
