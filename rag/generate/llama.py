"""llama.cpp backend: a GGUF model loaded in-process through llama-cpp-python.

llama.cpp contexts are not thread-safe, so one lock serializes generation; callers can ask
`busy()` to tell a user that another answer is being written. The fixed system prompt comes
first in every prompt, so llama.cpp's prefix reuse skips re-evaluating it between questions.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

import numpy as np

from rag.generate.base import Generator


def load_cpu_variants() -> str | None:
    """Load the best CPU backend of a runtime-dispatch build of llama.cpp; None for other builds.

    A build made with GGML_BACKEND_DL and GGML_CPU_ALL_VARIANTS (what scripts/bootstrap.sh makes on
    a CPU without AVX2) ships one backend per x86 level and lets ggml pick the best the CPU reports.
    llama.cpp only looks for them beside the executable, so point it at the wheel's folder.
    """
    import ctypes

    import llama_cpp

    package = Path(llama_cpp.__file__).parent
    variants = package.parent / "bin"
    if not any(variants.glob("libggml-cpu-*.so")):
        return None
    ggml = ctypes.CDLL(str(package / "lib" / "libggml.so.0"))  # the copy libllama is linked to
    ggml.ggml_backend_load_all_from_path.argtypes = [ctypes.c_char_p]
    ggml.ggml_backend_load_all_from_path(str(variants).encode())
    return str(variants)


_variants_lock = threading.Lock()
_variants_loaded = False


def _load_variants_once() -> None:
    global _variants_loaded
    with _variants_lock:
        if not _variants_loaded:
            load_cpu_variants()
            _variants_loaded = True


class LlamaGenerator(Generator):
    def __init__(
        self, model_path: Path, n_ctx: int, n_threads: int, seed: int = 0, repeat_penalty: float = 1.05
    ):
        from llama_cpp import Llama

        _load_variants_once()
        self.model_path = str(model_path)
        self.n_ctx = n_ctx
        self.repeat_penalty = repeat_penalty
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

    def warm_up(self, messages: list[dict]) -> None:
        """Evaluate the fixed start of every prompt now: llama.cpp keeps it for the first question."""
        for _ in self.stream([*messages, {"role": "user", "content": "Ready?"}], 1, 0.0):
            pass

    def busy(self) -> bool:
        return self._lock.locked()

    @cached_property
    def _chat_formatter(self):
        """The model's own chat template, compiled once (None when the GGUF carries none)."""
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        template = self.llm.metadata.get("tokenizer.chat_template")
        if not template:
            return None
        special = self.llm._model.token_get_text  # the template names BOS/EOS by their text
        return Jinja2ChatFormatter(
            template, eos_token=special(self.llm.token_eos()), bos_token=special(self.llm.token_bos())
        )

    def first_word_probability(self, messages: list[dict], word: str, other: str) -> float | None:
        if self._chat_formatter is None:
            return None
        prompt = self._chat_formatter(messages=messages).prompt
        tokens = self.llm.tokenize(prompt.encode("utf-8"), add_bos=False, special=True)
        if len(tokens) >= self.n_ctx:
            return None

        def first_tokens(text: str) -> list[int]:  # "Yes", " Yes", "yes": however the reply starts
            variants = {text, " " + text, text.lower(), " " + text.lower()}
            return sorted(
                {self.llm.tokenize(v.encode("utf-8"), add_bos=False, special=False)[0] for v in variants}
            )

        with self._lock:
            # Only what this prompt does not share with the last one is read: the system prompt
            # and examples a judge repeats stay in the model's cache. At least the last token is
            # read again, for its fresh next-token probabilities.
            cached = self.llm.input_ids[: self.llm.n_tokens].tolist()
            shared = min(self.llm.longest_token_prefix(cached, tokens), len(tokens) - 1)
            self.llm.n_tokens = shared
            self.llm.eval(tokens[shared:])
            logits = np.ctypeslib.as_array(self.llm._ctx.get_logits(), shape=(self.llm.n_vocab(),)).copy()
        logits -= logits.max()
        yes, no = np.exp(logits[first_tokens(word)]).sum(), np.exp(logits[first_tokens(other)]).sum()
        return float(yes / (yes + no)) if yes + no > 0 else None

    def count_tokens(self, text: str) -> int:
        return len(self.llm.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def stream(self, messages: list[dict], max_tokens: int, temperature: float) -> Iterator[str]:
        with self._lock:
            chunks = self.llm.create_chat_completion(
                messages=messages,
                max_tokens=max_tokens,
                temperature=temperature,
                top_p=1.0 if temperature == 0 else 0.95,
                repeat_penalty=self.repeat_penalty,
                # A blank line ends the short answer asked for; "Passage [" is the model starting
                # to echo its prompt. Either way nothing useful follows, so stop early.
                stop=["\n\n", "Passage ["],
                stream=True,
            )
            for chunk in chunks:
                piece = chunk["choices"][0]["delta"].get("content")
                if piece:
                    yield piece
