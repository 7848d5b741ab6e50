"""OpenAI-compatible backend: chat completions from a served LLM (llama.cpp's server, vLLM, a hosted API).

The model runs elsewhere, so several app processes can share one loaded model; the server queues
their requests (or batches them, if it can). Everything around generation (the prompt budget, citations, refusals) stays in this
process and is the same as with the local backend. Token counts use the GGUF's own tokenizer
when the model file is on this machine, and a safe over-estimate otherwise, so the prompt can
never overflow the server's context window either way.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from pathlib import Path

from rag.generate.base import Generator

# Qwen and Llama tokenizers average about 4 characters per token on English news; counting one
# token per 3 bytes over-estimates, which only ever costs a passage, never an overflow.
BYTES_PER_TOKEN_ESTIMATE = 3


class GeneratorUnavailable(RuntimeError):
    """The served LLM cannot be reached or refused the request; the message says which and why."""


class OpenAIGenerator(Generator):
    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None,
        n_ctx: int,
        seed: int,
        repeat_penalty: float,
        timeout_s: float,
        tokenizer_path: Path | None = None,
    ):
        import openai

        self._errors = (openai.APIError, openai.APIConnectionError, openai.APITimeoutError)
        self.base_url = base_url
        self.model = model
        self.model_path = f"{model} at {base_url}"
        self.n_ctx = n_ctx
        self.seed = seed
        self.repeat_penalty = repeat_penalty
        self._in_flight = 0  # answers this process is streaming now
        self._in_flight_lock = threading.Lock()
        # The key comes from the environment (RAG_OPENAI_API_KEY or OPENAI_API_KEY); local servers
        # ignore it, but the client library insists on one.
        self.client = openai.OpenAI(
            base_url=base_url, api_key=api_key or "not-needed", timeout=timeout_s, max_retries=1
        )
        self._tokenizer = _vocab_only(tokenizer_path) if tokenizer_path else None
        try:
            served = [m.id for m in self.client.models.list()]
        except self._errors as exc:
            raise GeneratorUnavailable(f"the LLM server at {base_url} is not reachable: {exc}") from exc
        if served and model not in served:
            raise GeneratorUnavailable(
                f"the LLM server at {base_url} does not serve {model!r}; it serves: {', '.join(served)}"
            )

    def count_tokens(self, text: str) -> int:
        if self._tokenizer is not None:
            return len(self._tokenizer.tokenize(text.encode("utf-8"), add_bos=False, special=False))
        return math.ceil(len(text.encode("utf-8")) / BYTES_PER_TOKEN_ESTIMATE)

    def busy(self) -> bool:
        """True while this process streams another answer: the server will queue the next one."""
        return self._in_flight > 0

    def stream(self, messages: list[dict], max_tokens: int, temperature: float) -> Iterator[str]:
        with self._in_flight_lock:
            self._in_flight += 1
        try:
            yield from self._stream(messages, max_tokens, temperature)
        finally:
            with self._in_flight_lock:
                self._in_flight -= 1

    def _stream(self, messages: list[dict], max_tokens: int, temperature: float) -> Iterator[str]:
        extra = {"repeat_penalty": self.repeat_penalty} if self.repeat_penalty != 1.0 else None
        try:
            chunks = self.client.chat.completions.create(
                model=self.model,
                messages=messages,
                max_tokens=max_tokens,
                temperature=temperature,
                top_p=1.0 if temperature == 0 else 0.95,
                seed=self.seed,
                stop=["\n\n", "Passage ["],  # as the local backend: see rag/generate/llama.py
                stream=True,
                extra_body=extra,
            )
            finished = None
            try:
                for chunk in chunks:
                    if not chunk.choices:
                        continue
                    finished = chunk.choices[0].finish_reason or finished
                    if piece := chunk.choices[0].delta.content:
                        yield piece
            finally:
                chunks.close()  # a stopped answer frees the server's slot at once
        except self._errors as exc:
            raise GeneratorUnavailable(f"the LLM server at {self.base_url} failed: {exc}") from exc
        if finished is None:
            # The stream ended without saying why: cut off, not finished. llama.cpp's Python server
            # does this to a request when another arrives, unless started with
            # --interrupt_requests False (as `rag serve-llm` does). Never pass half an answer on.
            raise GeneratorUnavailable(
                f"the LLM server at {self.base_url} cut the answer off before it finished "
                "(for llama_cpp.server, start it with --interrupt_requests False)"
            )


def _vocab_only(path: Path):
    """The GGUF's tokenizer without its weights (a few MB), for exact prompt budgets."""
    from llama_cpp import Llama
    from llama_cpp._utils import suppress_stdout_stderr

    with suppress_stdout_stderr(disable=False):  # llama.cpp warns about the context it does not need
        return Llama(model_path=str(path), vocab_only=True, verbose=False)
