"""Raw llama.cpp speed of the installed models with this project's build and settings.

    .venv/bin/python bench/llama_speed.py [--questions tests/data/dev.jsonl] [--repeat 3]

For each packaged model already assembled (or installed): prompt processing (tokens/s over a
512-token prompt, nothing cached) and generation (tokens/s over 64 greedy tokens), medians over
--repeat runs. Then, for the default model, the project's own prompts for the first 20 questions:
their median length in tokens, the time the raw prompt speed predicts for them, and the project's
measured time to first token, which adds retrieval and the answer's first token.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere, no install

from rag.evaluate import load_questions  # noqa: E402
from rag.generate.llama import LlamaGenerator  # noqa: E402
from rag.models import PACKAGED_MODELS, ModelNotAvailable, resolve_model  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.types import Message  # noqa: E402

FILLER = (Path(__file__).resolve().parent.parent / "corpus" / "003_3de8e0a82d2249ce.txt").read_text()


def raw_speed(path: Path, settings: Settings, repeat: int) -> tuple[float, float]:
    # Loaded exactly as the project loads it (a runtime-dispatch build needs its CPU backends).
    llm = LlamaGenerator(path, settings.n_ctx, settings.n_threads).llm
    prompt = llm.tokenize(FILLER.encode())[:512]
    prompt_speeds, generation_speeds = [], []
    for _ in range(repeat):
        llm.reset()
        started = time.perf_counter()
        llm.eval(prompt)
        prompt_speeds.append(len(prompt) / (time.perf_counter() - started))
        started = time.perf_counter()
        produced = 0
        for _token in llm.generate(prompt[:8], temp=0.0, reset=True):
            produced += 1
            if produced == 64:
                break
        # generate() re-evaluates the 8-token prefix first; 8 tokens are negligible next to 64
        generation_speeds.append(produced / (time.perf_counter() - started))
    return statistics.median(prompt_speeds), statistics.median(generation_speeds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=Path("tests/data/dev.jsonl"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    print(f"threads {settings.n_threads}, n_batch 512, n_ctx {settings.n_ctx}")
    print("| model | prompt processing tokens/s | generation tokens/s |")
    print("| --- | ---: | ---: |")
    speeds = {}
    for name in PACKAGED_MODELS:
        try:
            path = resolve_model(name, settings.cache_dir)
        except ModelNotAvailable:
            continue
        speeds[name] = raw_speed(path, settings, args.repeat)
        print(f"| {name} | {speeds[name][0]:.0f} | {speeds[name][1]:.1f} |", flush=True)

    pipeline = Pipeline(settings)
    pipeline.prepare()
    generator = pipeline.generator
    lengths, measured = [], []
    stages = pipeline.stages()
    for item in load_questions(args.questions)[:20]:
        question = stages.condense.run(item.question, [Message(**m) for m in item.history])
        prompt = stages.prompt.run(question, pipeline.search(question.standalone))
        lengths.append(sum(generator.count_tokens(m["content"]) for m in prompt.messages))
        answer = pipeline.ask(item.question, [Message(**m) for m in item.history])
        if answer.timings.first_token_s > 0.05:  # generated, not refused before the model
            measured.append(answer.timings.first_token_s)
    prompt_speed = speeds[settings.model][0]
    tokens = statistics.median(lengths)
    print(
        f"{settings.model}: the project's prompts are {tokens:.0f} tokens (median); at {prompt_speed:.0f} tokens/s "
        f"that is {tokens / prompt_speed:.2f} s of prompt processing; measured first token p50 "
        f"{statistics.median(measured):.2f} s (retrieval and the first generated token included)"
    )


if __name__ == "__main__":
    main()
