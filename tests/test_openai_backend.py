"""The `openai` generator against a real llama.cpp server (`python -m llama_cpp.server`) on loopback.

The server loads the same GGUF as the local backend, so with greedy decoding the two must give the
same answers, citations and refusals: everything but the token stream stays in this process.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from rag.generate.openai_api import GeneratorUnavailable, OpenAIGenerator
from rag.models import resolve_model
from rag.settings import Settings
from tests.conftest import ROOT, TEST_MODEL, free_port, llama_server, start_server

QUESTIONS = [
    "How many Russian troops are stationed in Armenia?",
    "What did Peskov say about the peacekeepers?",
    "Who won the 2022 football World Cup?",  # refused: the articles do not say
    "Which corridor did the refugees use to reach Armenia?",
]


def test_served_answers_match_the_local_backend(pipeline, served_url):
    served = pipeline.with_options(generator="openai", openai_base_url=served_url)
    for question in QUESTIONS:
        local, remote = pipeline.ask(question), served.ask(question)
        assert remote.answer == local.answer, question
        assert remote.refused == local.refused
        assert [(c.source, c.start, c.end) for c in remote.citations] == [
            (c.source, c.start, c.end) for c in local.citations
        ]
        assert remote.model == f"{pipeline.settings.model} at {served_url}"
    assert served.ask(QUESTIONS[0]).citations, "a cited answer came through the server"
    assert served.ask(QUESTIONS[2]).refused


def test_served_answers_stream_and_can_be_stopped(pipeline, served_url):
    served = pipeline.with_options(generator="openai", openai_base_url=served_url)
    stream = served.ask_stream(QUESTIONS[1])
    pieces = []
    for piece in stream:
        pieces.append(piece)
        assert served.generator.busy()  # another chat tab would be told to wait
        if len(pieces) == 3:
            break
    stream.close()  # a stop button: the request is dropped, the server is free again
    assert len(pieces) == 3 and not served.generator.busy()
    stream = served.ask_stream(QUESTIONS[0])
    pieces = list(stream)
    assert len(pieces) > 3 and "5,000" in stream.answer.answer
    assert 0 < stream.answer.timings.first_token_s < stream.answer.timings.total_s


def test_prompt_budget_uses_the_gguf_tokenizer_or_overestimates(pipeline, served_url):
    exact = OpenAIGenerator(
        served_url, pipeline.settings.model, None, 4096, 0, 1.05, 30, pipeline.model_path()
    )
    estimated = OpenAIGenerator(served_url, pipeline.settings.model, None, 4096, 0, 1.05, 30)
    text = (ROOT / "corpus" / "002_bc626fa2c772027a.txt").read_text()[:3000]
    assert exact.count_tokens(text) == pipeline.generator.count_tokens(text)
    assert estimated.count_tokens(text) >= exact.count_tokens(text)


def test_unreachable_server_and_unknown_model_are_clear_errors(pipeline, served_url):
    down = pipeline.with_options(generator="openai", openai_base_url=f"http://127.0.0.1:{free_port()}/v1")
    with pytest.raises(GeneratorUnavailable, match="not reachable"):
        down.generator  # noqa: B018
    wrong = pipeline.with_options(generator="openai", openai_base_url=served_url, openai_model="gpt-9")
    with pytest.raises(GeneratorUnavailable, match="does not serve 'gpt-9'.*qwen2.5-coder-0.5b"):
        wrong.generator  # noqa: B018


def test_cli_says_when_the_server_is_down(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update(RAG_GENERATOR="openai", RAG_OPENAI_BASE_URL=f"http://127.0.0.1:{free_port()}/v1")
    env.update(RAG_INDEX_DIR=str(tmp_path / "index"))
    subprocess.run([sys.executable, "-m", "rag", "index"], cwd=ROOT, env=env, check=True, capture_output=True)
    done = subprocess.run(
        [sys.executable, "-m", "rag", "ask", "Who leads Armenia?"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2
    assert "is not reachable" in done.stderr and "Traceback" not in done.stderr


def test_api_key_comes_from_the_environment(tmp_path, monkeypatch, session_tmp, pipeline):
    """A server that demands a key: refused without it, answered with OPENAI_API_KEY set."""
    port = free_port()
    model = resolve_model(TEST_MODEL, Settings().cache_dir)
    server = llama_server(model, TEST_MODEL, port, tmp_path / "log", "--api_key", "s3cret")
    try:
        url = f"http://127.0.0.1:{port}/v1"
        monkeypatch.delenv("OPENAI_API_KEY", raising=False)
        monkeypatch.delenv("RAG_OPENAI_API_KEY", raising=False)
        with pytest.raises(GeneratorUnavailable, match="401"):
            OpenAIGenerator(url, TEST_MODEL, None, 2048, 0, 1.05, 30)
        monkeypatch.setenv("OPENAI_API_KEY", "s3cret")
        settings = Settings(_env_file=None, generator="openai", openai_base_url=url, model=TEST_MODEL)
        assert settings.openai_api_key.get_secret_value() == "s3cret"
        generator = OpenAIGenerator(
            url, settings.served_model, settings.openai_api_key.get_secret_value(), 2048, 0, 1.05, 30
        )
        text = "".join(generator.stream([{"role": "user", "content": "Say hello."}], 16, 0.0))
        assert text.strip()

        # The chat, configured by the environment alone, keeps the key all the way to the server.
        for key, value in {
            "RAG_CORPUS_DIR": str(ROOT / "corpus"),
            "RAG_INDEX_DIR": str(session_tmp / "index"),
            "RAG_GENERATOR": "openai",
            "RAG_OPENAI_BASE_URL": url,
            "RAG_MODEL": TEST_MODEL,
        }.items():
            monkeypatch.setenv(key, value)
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
        at.run()
        at.chat_input[0].set_value("How many Russian troops are stationed in Armenia?").run()
        assert not at.exception and not at.error
        assert at.chat_message[-1].name == "assistant" and at.chat_message[-1].markdown[0].value
    finally:
        server.terminate()
        server.wait(timeout=30)


def concurrent_streams(generator: OpenAIGenerator, count: int) -> list[str | Exception]:
    """``count`` readers on one server, each sending its request while the previous one's answer
    is streaming (a long count, so it cannot end first): the overlap a busy newsroom makes."""
    import threading

    results: list[str | Exception] = [""] * count
    streaming = [threading.Event() for _ in range(count)]
    counting = [{"role": "user", "content": "Count from 1 to 300, separated by commas."}]

    def ask(n: int) -> None:
        try:
            text = ""
            for piece in generator.stream(counting, 200, 0.0):
                text += piece
                streaming[n].set()
            results[n] = text
        except GeneratorUnavailable as exc:
            results[n] = exc
        finally:
            streaming[n].set()

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(count)]
    for n, thread in enumerate(threads):
        thread.start()
        streaming[n].wait(timeout=60)  # the next reader asks once this answer is under way
    for thread in threads:
        thread.join()
    return results


def test_rag_serve_llm_queues_concurrent_readers_and_a_cut_off_answer_is_an_error(tmp_path):
    """`rag serve-llm` serves a packaged model by its name and finishes every reader's answer; a
    server that cuts one off (llama.cpp's default when a second request arrives) is reported,
    never passed on as a whole answer."""
    port = free_port()
    server = start_server(
        [sys.executable, "-m", "rag", "serve-llm", "--model", TEST_MODEL, "--port", str(port)],
        port,
        tmp_path / "log",
    )
    try:
        # The constructor checks that the server serves TEST_MODEL under that name.
        generator = OpenAIGenerator(f"http://127.0.0.1:{port}/v1", TEST_MODEL, None, 2048, 0, 1.05, 60)
        answers = concurrent_streams(generator, 3)
        # Each stream ended with a finish reason (a cut-off one raises, as the second half shows).
        assert all(isinstance(a, str) and a.strip() for a in answers), answers
    finally:
        server.terminate()
        server.wait(timeout=30)

    port = free_port()
    model = resolve_model(TEST_MODEL, Settings().cache_dir)
    interrupting = llama_server(model, TEST_MODEL, port, tmp_path / "log2", interrupt_requests=True)
    try:
        generator = OpenAIGenerator(f"http://127.0.0.1:{port}/v1", TEST_MODEL, None, 2048, 0, 1.05, 60)
        first, second = concurrent_streams(generator, 2)
        assert isinstance(first, GeneratorUnavailable) and "cut the answer off" in str(first)
        assert isinstance(second, str) and second.strip()
    finally:
        interrupting.terminate()
        interrupting.wait(timeout=30)
