"""The HTTP API's added latency over an in-process `Pipeline.ask`, measured in the same run.

    .venv/bin/python bench/api_latency.py tests/data/dev.jsonl [--model NAME] [--limit N]

One `python -m rag serve` process and this process's own pipeline answer every question (the
same model, index and settings; temperature 0, so the same work), alternating which goes first.
Prints, over the questions, the median and p95 of: the in-process ask, the API request as a
client sees it (non-streamed, through HTTP and JSON), their paired difference (the added latency),
and the API's time beyond its own pipeline (`timings.total_s` in its answer).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from anywhere, no install

from rag.evaluate import load_questions  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.types import Message  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--model", default=Settings.model_fields["model"].default)
    parser.add_argument("--limit", type=int, default=0, help="Only the first N questions (0: all).")
    args = parser.parse_args()

    items = load_questions(args.questions, None)
    if args.limit:
        items = items[: args.limit]
    work = Path(tempfile.mkdtemp(prefix="api-latency-"))
    settings = Settings(
        _env_file=None, corpus_dir=ROOT / "corpus", index_dir=work / "index", model=args.model
    )
    pipeline = Pipeline(settings)
    pipeline.prepare()  # builds the index the server will read, and loads the model here

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    log = open(work / "server.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "rag", "serve", "--port", str(port), "--model", args.model,
         "--corpus", str(settings.corpus_dir), "--index", str(settings.index_dir)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                requests.get(url + "/health", timeout=2)
                break
            except requests.ConnectionError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit((work / "server.log").read_text()[-3000:]) from None
                time.sleep(0.5)
        session = requests.Session()

        def in_process(item) -> tuple[float, str]:
            history = [Message(m["role"], m["content"]) for m in item.history or []]
            started = time.perf_counter()
            answer = pipeline.ask(item.question, history)
            return time.perf_counter() - started, answer.answer

        def over_api(item) -> tuple[float, float, str]:
            messages = [*(item.history or []), {"role": "user", "content": item.question}]
            started = time.perf_counter()
            reply = session.post(url + "/v1/chat/completions", json={"messages": messages}, timeout=600)
            elapsed = time.perf_counter() - started
            reply.raise_for_status()
            body = reply.json()
            return elapsed, body["timings"]["total_s"], body["choices"][0]["message"]["content"]

        in_process(items[0])  # warm both (first-question caches), untimed
        over_api(items[0])
        rows = []
        try:
            for n, item in enumerate(items):
                if n % 2:
                    api_s, api_pipeline_s, api_text = over_api(item)
                    local_s, local_text = in_process(item)
                else:
                    local_s, local_text = in_process(item)
                    api_s, api_pipeline_s, api_text = over_api(item)
                rows.append((local_s, api_s, api_pipeline_s, local_text == api_text))
                print(
                    f"{n + 1}/{len(items)} in-process {local_s:.2f}s  API {api_s:.2f}s "
                    f"(its pipeline {api_pipeline_s:.2f}s)",
                    file=sys.stderr,
                )
        except KeyboardInterrupt:  # Ctrl-C: report the questions measured so far
            print(f"interrupted after {len(rows)} of {len(items)} questions", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        shutil.rmtree(work, ignore_errors=True)

    columns = {
        "in-process ask (s)": [r[0] for r in rows],
        "API request (s)": [r[1] for r in rows],
        "added: API - in-process, paired (s)": [r[1] - r[0] for r in rows],
        "API beyond its own pipeline (s)": [r[1] - r[2] for r in rows],
    }
    if not rows:
        raise SystemExit("no question was measured")
    print(f"model {args.model}; {len(rows)} of {len(items)} questions from {args.questions}; "
          f"same answer text both ways: {sum(r[3] for r in rows)}/{len(rows)}")  # fmt: skip
    print("| measure | median | p95 |")
    print("| --- | ---: | ---: |")
    for name, values in columns.items():
        print(f"| {name} | {statistics.median(values):.3f} | {percentile(values, 0.95):.3f} |")


if __name__ == "__main__":
    main()
