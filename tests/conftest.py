"""Shared fixtures: the real corpus, the real embedder, a real index built once per session."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from rag.pipeline import Pipeline  # noqa: E402
from rag.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
TEST_MODEL = "smollm2-135m"  # fast: for tests about plumbing, not answer quality
DEFAULT_MODEL = Settings.model_fields["model"].default


def make_settings(tmp: Path, **overrides) -> Settings:
    """Settings isolated from the user's environment and from the project's own index/."""
    values = {"corpus_dir": CORPUS, "index_dir": tmp / "index", **overrides}
    return Settings(_env_file=None, **values)


@pytest.fixture(scope="session")
def session_tmp(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("rag")


@pytest.fixture(scope="session")
def pipeline(session_tmp) -> Pipeline:
    """The default pipeline (default model) over the shipped corpus, index built once; its
    resources are the process's shared ones, so the app under test loads nothing again."""
    pipe = Pipeline.shared(make_settings(session_tmp))
    pipe.update_index()
    return pipe


@pytest.fixture(scope="session")
def embedder(pipeline):
    return pipeline.embedder


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the shipped corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


def make_pdf(pages: list[str], title: str = "") -> bytes:
    """A real PDF with one text page per item (fpdf2), as a publisher's report would be."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    if title:
        pdf.set_title(title)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


REPORT_PAGES = [
    "Humanitarian situation update, Armenia. Issued by the UN refugee agency office in Yerevan. "
    "Since 24 September, people from Nagorno-Karabakh have crossed into Armenia through the Lachin "
    "corridor. Most arrive in Goris, where the government has opened a registration centre.",
    "By 1 October, 100,617 refugees had arrived in Armenia, according to the Armenian government. "
    "Around 17,000 of them are children. The agency has delivered 3,200 blankets and 1,500 mattresses "
    "to reception centres in Syunik province.",
]


# --- servers for the scaling-out backends, started by the tests on loopback ports -----------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(args: list[str], port: int, log: Path, http: bool = True) -> subprocess.Popen:
    """Start a server process and wait until it answers: its OpenAI API (``http``) or, for a
    gRPC server, its port (or fail with its log)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    with open(log, "w") as out:
        server = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"server exited with {server.returncode}: {log.read_text()[-3000:]}")
        try:
            if http:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=1)
            else:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError as exc:
            if "401" in str(exc):  # up, and asking for a key
                return server
            time.sleep(0.3)
    server.kill()
    raise AssertionError(f"server did not start: {log.read_text()[-3000:]}")


def llama_server(
    model: Path, alias: str, port: int, log: Path, *extra: str, interrupt_requests: bool = False
) -> subprocess.Popen:
    """llama.cpp's OpenAI-compatible server; by default queuing concurrent requests as
    `rag serve-llm` does (``interrupt_requests=True`` is the server's own default)."""
    return start_server(
        [
            sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--model_alias", alias,
            "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--n_threads", "2",
            "--seed", "0", "--interrupt_requests", str(interrupt_requests), *extra,
        ],
        port,
        log,
    )  # fmt: skip


def milvus_server(data_dir: Path, port: int, log: Path) -> subprocess.Popen:
    """A Milvus server (milvus-lite's gRPC server) that several processes can share."""
    return start_server(
        [str(Path(sys.executable).parent / "milvus-lite"), "server", "--data-dir", str(data_dir),
         "--host", "127.0.0.1", "--port", str(port)],
        port,
        log,
        http=False,
    )  # fmt: skip


@pytest.fixture(scope="session")
def served_url(pipeline, tmp_path_factory):
    """llama.cpp's server with the default model, as a newsroom would run it."""
    port = free_port()
    server = llama_server(
        pipeline.model_path(), pipeline.settings.model, port, tmp_path_factory.mktemp("srv") / "log"
    )
    yield f"http://127.0.0.1:{port}/v1"
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture(scope="session")
def milvus_uri(tmp_path_factory):
    """A Milvus server shared by the test's processes."""
    port = free_port()
    data = tmp_path_factory.mktemp("milvus")
    server = milvus_server(data / "db", port, data / "log")
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=30)


def ask_in_processes(
    env: dict[str, str], questions: list[str], processes: int, timeout: float
) -> list[list[dict]]:
    """Each of ``processes`` separate `rag ask --json -` runs, at once, answers all ``questions``
    (as app replicas would): their JSON answers, one list per process."""
    lines = "".join(json.dumps({"question": q}) + "\n" for q in questions)
    replicas = [
        subprocess.Popen(
            [sys.executable, "-m", "rag", "ask", "--json", "-"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for _ in range(processes)
    ]
    outputs = [replica.communicate(lines, timeout=timeout) for replica in replicas]
    for replica, (_, err) in zip(replicas, outputs):
        assert replica.returncode == 0, err[-3000:]
    return [[json.loads(line) for line in out.splitlines()] for out, _ in outputs]
