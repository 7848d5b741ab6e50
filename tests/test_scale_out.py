"""Several readers on one served LLM and one Milvus server: the chat and the CLI, unchanged.

Both engines run for real on loopback: llama.cpp's OpenAI-compatible server with the default
model, and milvus-lite's gRPC server (what `RAG_MILVUS_URI=http://host:19530` points at).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from streamlit.testing.v1 import AppTest

from tests.conftest import CORPUS, ROOT, ask_in_processes
from tests.test_app import unescape

QUESTIONS = ["How many Russian troops are stationed in Armenia?", "Who won the 2022 FIFA World Cup?"]


def scaled_env(tmp_path, served_url, milvus_uri) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update(
        RAG_CORPUS_DIR=str(CORPUS),
        RAG_INDEX_DIR=str(tmp_path / "shared-index"),
        RAG_GENERATOR="openai",
        RAG_OPENAI_BASE_URL=served_url,
        RAG_VECTOR_STORE="milvus",
        RAG_MILVUS_URI=milvus_uri,
        RAG_MILVUS_COLLECTION="scale_out",
    )
    return env


def use_env(monkeypatch, env: dict[str, str]) -> None:
    """The RAG_ settings of ``env`` for the chat run in this process."""
    for key, value in env.items():
        if key.startswith("RAG_"):
            monkeypatch.setenv(key, value)


def test_chat_and_two_cli_replicas_share_the_served_llm_and_milvus(
    tmp_path, served_url, milvus_uri, monkeypatch
):
    env = scaled_env(tmp_path, served_url, milvus_uri)
    use_env(monkeypatch, env)

    # The chat, with settings alone changed: it builds the index into Milvus, answers through the
    # served model, and shows the same answer and citation card as with the embedded default.
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    assert not at.exception
    at.chat_input[0].set_value(QUESTIONS[0]).run()
    assert not at.exception
    reply = at.chat_message[-1]
    assert "5,000" in reply.markdown[0].value and "\\[1\\]" in reply.markdown[0].value
    assert "5,000 troops" in reply.expander[0].markdown[0].value
    index = tmp_path / "shared-index"
    stored = json.loads((index / (index / "CURRENT").read_text().strip() / "milvus.json").read_text())
    assert stored["uri"] == milvus_uri and stored["collection"].startswith("scale_out_")

    # Two more processes at once, as two app replicas: the same index folder, Milvus and server.
    answers = ask_in_processes(env, QUESTIONS, processes=2, timeout=600)
    for answer in answers[0] + answers[1]:
        del answer["timings"]
    assert answers[0] == answers[1]  # the replicas agree
    troops, world_cup = answers[0]
    assert "5,000" in troops["answer"] and troops["citations"] and not troops["refused"]
    assert troops["model"] == f"qwen2.5-coder-0.5b at {served_url}"
    assert world_cup["refused"]


def test_engines_that_are_down_are_named_not_tracebacks(tmp_path, monkeypatch):
    """The chat and the CLI say which server cannot be reached; nothing is rebuilt or lost."""
    from tests.conftest import free_port

    env = scaled_env(tmp_path, f"http://127.0.0.1:{free_port()}/v1", f"http://127.0.0.1:{free_port()}")
    done = subprocess.run(
        [sys.executable, "-m", "rag", "index"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"Milvus at {env['RAG_MILVUS_URI']} failed" in done.stderr

    use_env(monkeypatch, env)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception
    assert "Not ready: Milvus at" in unescape(at.error[0].value)

    monkeypatch.setenv("RAG_VECTOR_STORE", "faiss")  # the vectors are fine; the LLM server is down
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception
    assert f"Not ready: the LLM server at {env['RAG_OPENAI_BASE_URL']} is not reachable" in unescape(
        at.error[0].value
    )
