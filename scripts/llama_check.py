"""Does the installed llama.cpp build run on this CPU? Exit 0 if so; a crash (SIGILL) says no.

scripts/bootstrap.sh runs this in a child process right after installing the build: an instruction
the CPU or its kernel refuses kills the process on the first real prompt, so a 200-token prompt is
evaluated with the smallest packaged model (SmolLM2, part of requirements.txt).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rag.generate.llama import load_cpu_variants  # noqa: E402
from rag.models import resolve_model  # noqa: E402
from rag.settings import Settings  # noqa: E402


def main() -> None:
    model = resolve_model("smollm2-135m", Settings().cache_dir)  # inside its wheel: nothing to assemble
    variants = load_cpu_variants()
    from llama_cpp import Llama

    llm = Llama(model_path=str(model), n_ctx=512, n_threads=2, verbose=False)
    llm.eval(llm.tokenize(("The quick brown fox jumps over the lazy dog. " * 20).encode())[:200])
    print(f"llama.cpp runs on this CPU ({'runtime-dispatch build' if variants else 'portable build'})")


if __name__ == "__main__":
    main()
