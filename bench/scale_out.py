"""Scaling out: several readers sharing one served LLM and one Milvus server, on loopback.

    .venv/bin/python bench/scale_out.py [--questions tests/data/dev.jsonl] [--count 16]

Starts `python -m rag serve-llm` (llama.cpp's OpenAI-compatible server, default model) and
`milvus-lite server`, indexes the corpus into that Milvus, then:

1. N concurrent questions (N = 1, 2, 4 threads, one pipeline) against the served LLM: questions
   per second and per-question latency p50, with the in-process (local) backend answering the same
   questions one at a time as the baseline, in the same run;
2. two separate `rag ask --json -` processes at once, both on the served LLM and the Milvus
   server, as two app replicas would be: both must answer every question, and agree.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere, no install

from rag.evaluate import EvalRow, load_questions, summarize  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402
from rag.settings import Settings  # noqa: E402
from tests.conftest import ask_in_processes, free_port, milvus_server, start_server  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def timed_answers(pipeline: Pipeline, items: list, workers: int) -> tuple[float, list[float], float]:
    """Wall time, per-question latencies and answer accuracy (so speed is never bought with
    broken answers) for ``items`` asked by ``workers`` threads at once."""
    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        answers = list(pool.map(lambda item: pipeline.ask(item.question), items))
    accuracy = summarize([EvalRow(item, answer.to_json()) for item, answer in zip(items, answers)])[
        "answer_accuracy"
    ]
    return time.perf_counter() - started, [a.timings.total_s for a in answers], accuracy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=ROOT / "tests/data/dev.jsonl")
    parser.add_argument("--count", type=int, default=16)
    args = parser.parse_args()
    items = [q for q in load_questions(args.questions) if not q.history][: args.count]
    questions = [item.question for item in items]
    work = Path(tempfile.mkdtemp(prefix="scale-out-"))
    llm_port, milvus_port = free_port(), free_port()
    servers = [
        start_server(
            [sys.executable, "-m", "rag", "serve-llm", "--port", str(llm_port)], llm_port, work / "llm.log"
        ),
    ]
    servers.append(milvus_server(work / "milvus", milvus_port, work / "milvus.log"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update(
        RAG_GENERATOR="openai",
        RAG_OPENAI_BASE_URL=f"http://127.0.0.1:{llm_port}/v1",
        RAG_VECTOR_STORE="milvus",
        RAG_MILVUS_URI=f"http://127.0.0.1:{milvus_port}",
        RAG_INDEX_DIR=str(work / "index"),
    )
    try:
        subprocess.run(
            [sys.executable, "-m", "rag", "index"], cwd=ROOT, env=env, check=True, capture_output=True
        )
        served = Pipeline(
            Settings(
                _env_file=None,
                **{k[4:].lower(): v for k, v in env.items() if k.startswith("RAG_")},
            )
        )
        local = Pipeline(Settings(_env_file=None))
        local.prepare()
        served.embedder = local.embedder
        served.ask(questions[0])  # warm both
        local.ask(questions[0])

        print("| readers | backend | questions/s | ratio to local | latency p50 s | answer accuracy |")
        print("| ---: | --- | ---: | ---: | ---: | ---: |")
        wall, latencies, accuracy = timed_answers(local, items, 1)
        base = len(items) / wall
        print(
            f"| 1 | local (in-process) | {base:.2f} | 1.00 | {statistics.median(latencies):.2f} | {accuracy} |"
        )
        for workers in (1, 2, 4):
            wall, latencies, accuracy = timed_answers(served, items, workers)
            rate = len(items) / wall
            print(
                f"| {workers} | openai (served) | {rate:.2f} | {rate / base:.2f} |"
                f" {statistics.median(latencies):.2f} | {accuracy} |"
            )

        started = time.perf_counter()
        replicas = ask_in_processes(env, questions, processes=2, timeout=1200)
        wall = time.perf_counter() - started
        answers = [[a["answer"] for a in replica] for replica in replicas]
        assert all(len(a) == len(questions) for a in answers), "a replica missed questions"
        same = sum(a == b for a, b in zip(*answers))
        print(
            f"\ntwo `rag ask` processes sharing the served LLM and Milvus: {2 * len(questions)} answers "
            f"in {wall:.1f} s (process start-up included), {same}/{len(questions)} identical across replicas"
        )
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
