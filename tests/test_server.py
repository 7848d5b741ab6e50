"""The HTTP API end to end: `python -m rag serve` as a subprocess on a free loopback port, the real
pipeline behind it (SmolLM2 for speed), driven by the official `openai` client and plain HTTP."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time

import openai
import pytest
import requests

from rag.history import ConversationStore
from rag.server import is_loopback
from tests.conftest import CORPUS, ROOT, TEST_MODEL, free_port, start_server

CITATION_FIELDS = {
    "n",
    "source",
    "title",
    "start",
    "end",
    "text",
    "score",
    "outlet",
    "date",
    "page",
    "also_in",
}
TROOPS = "How many Russian troops are stationed in Armenia?"
REFUGEES = "How many forcibly displaced persons had entered Armenia by September 30?"


def serve(tmp, *extra: str) -> tuple[subprocess.Popen, str]:
    corpus = tmp / "corpus"
    shutil.copytree(CORPUS, corpus)
    port = free_port()
    server = start_server(
        [sys.executable, "-m", "rag", "serve", "--port", str(port), "--model", TEST_MODEL,
         "--corpus", str(corpus), "--index", str(tmp / "index"), *extra],
        port,
        tmp / "server.log",
    )  # fmt: skip
    return server, f"http://127.0.0.1:{port}"


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("api")
    server, url = serve(tmp)
    yield url, tmp
    stop(server)


@pytest.fixture(scope="module")
def client(api):
    return openai.OpenAI(base_url=api[0] + "/v1", api_key="not-needed", max_retries=0, timeout=300)


def ask(url: str, question: str, **fields) -> requests.Response:
    body = {"messages": [{"role": "user", "content": question}], **fields}
    return requests.post(url + "/v1/chat/completions", json=body, timeout=300)


def cited_sources(body: dict) -> set[str]:
    return {c["source"] for c in body["citations"]} | {
        o["source"] for c in body["citations"] for o in c["also_in"]
    }


def test_the_openai_client_gets_a_cited_answer(client, api):
    reply = client.chat.completions.create(model=TEST_MODEL, messages=[{"role": "user", "content": TROOPS}])
    content = reply.choices[0].message.content
    assert "5,000" in content and "[1]" in content
    extra = reply.model_extra
    assert extra["refused"] is False and extra["refusal_reason"] is None
    first = extra["citations"][0]
    assert set(first) == CITATION_FIELDS
    # The offsets quote the article on disk exactly, as `ask --json` promises.
    article = (api[1] / "corpus" / first["source"]).read_text(encoding="utf-8")
    assert article[first["start"] : first["end"]] == first["text"] and "5,000" in first["text"]


def test_a_streamed_answer_ends_with_a_chunk_carrying_the_citations(client):
    chunks = list(
        client.chat.completions.create(
            model=TEST_MODEL, messages=[{"role": "user", "content": TROOPS}], stream=True
        )
    )
    content = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert "5,000" in content and "[1]" in content
    drafts = [c.model_extra.get("draft") for c in chunks if c.model_extra.get("draft")]
    assert len(drafts) > 3  # the model's text arrived piece by piece, before the checked answer
    last = chunks[-1]
    assert last.choices[0].finish_reason == "stop"
    assert last.model_extra["refused"] is False
    assert set(last.model_extra["citations"][0]) == CITATION_FIELDS
    assert all("citations" not in c.model_extra for c in chunks[:-1])


def test_a_refusal_comes_with_its_reason(client):
    reply = client.chat.completions.create(
        model=TEST_MODEL, messages=[{"role": "user", "content": "Who won the 2022 FIFA World Cup?"}]
    )
    assert reply.model_extra["refused"] is True
    assert reply.model_extra["refusal_reason"] == "not_in_archive"
    assert "FIFA World Cup" in reply.choices[0].message.content and reply.model_extra["citations"] == []


def test_an_unknown_model_is_a_404_in_openai_format(client):
    with pytest.raises(openai.NotFoundError) as caught:
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": TROOPS}])
    error = caught.value.body
    assert error["code"] == "model_not_found" and "gpt-4o" in error["message"]


def test_models_lists_the_installed_models(client):
    names = [m.id for m in client.models.list()]
    assert TEST_MODEL in names


def test_filters_restrict_the_answer_and_search(api):
    url = api[0]
    body = ask(url, TROOPS, sources=["TASS"]).json()
    # Unfiltered, this question cites MassisPost's 5,000 troops (the test above); TASS alone never.
    assert "003_3de8e0a82d2249ce.txt" not in cited_sources(body)
    assert {c["outlet"] for c in body["citations"]} <= {"TASS"}
    nothing = ask(url, TROOPS, sources=["Nobody"]).json()
    assert nothing["refused"] and nothing["refusal_reason"] == "filter_matches_nothing"
    found = requests.post(url + "/v1/search", json={"query": "Russian troops", "k": 3}, timeout=60).json()
    assert len(found["results"]) == 3 and set(found["results"][0]) == CITATION_FIELDS - {"n"}
    assert found["results"][0]["source"] == "003_3de8e0a82d2249ce.txt"
    none = requests.post(url + "/v1/search", json={"query": "troops", "sources": ["Nobody"]}, timeout=60)
    assert (
        none.status_code == 200
        and none.json()["results"] == []
        and "no article matches" in none.json()["message"]
    )


def test_a_draft_is_checked_sentence_by_sentence_as_check_json_gives_it(api):
    url = api[0]
    draft = "Russia has about 3,000 troops stationed in Armenia. Is that really true?"
    body = requests.post(url + "/v1/check", json={"draft": draft}, timeout=300).json()
    contradicted, opinion = body["sentences"]
    assert contradicted["verdict"] == "contradicted"
    assert contradicted["differs"] == {"draft": "3,000", "source": "5,000", "kind": "number"}
    assert set(contradicted["citations"][0]) >= CITATION_FIELDS
    assert draft[contradicted["start"] : contradicted["end"]] == contradicted["sentence"]
    assert opinion["verdict"] == "not_a_claim" and opinion["citations"] == []
    assert "note" not in body  # the judging model is there
    empty = requests.post(url + "/v1/check", json={"draft": "  "}, timeout=60)
    assert empty.status_code == 400 and "empty" in empty.json()["error"]["message"]


def test_the_check_route_says_when_no_model_weighs_reworded_claims(pipeline):
    """The route itself, without a second server: the note `rag check` prints comes back too."""
    from rag.server import CheckRequest, create_app

    app = create_app(pipeline.with_options(check_model="none"))
    route = next(r for r in app.routes if getattr(r, "path", "") == "/v1/check")
    reworded = (
        "Peskov said Russian peacekeepers would keep working in Karabakh but that it was too early "
        "to say how long they would stay."
    )
    body = route.endpoint(CheckRequest(draft=reworded))
    assert body["sentences"][0]["verdict"] == "not_found"  # left to the model, and there is none
    assert "RAG_CHECK_MODEL=none" in body["note"]


def test_an_upload_is_cited_and_after_its_delete_no_longer(api):
    url, tmp = api
    html = (ROOT / "tests/data/armenpress_refugees.html").read_bytes()
    before = {a["source"] for a in requests.get(url + "/v1/articles", timeout=30).json()["articles"]}
    added = requests.post(
        url + "/v1/articles",
        files=[
            ("files", ("refugees.html", html, "text/html")),
            ("files", ("notes.docx", b"PK\x03\x04", "x")),
        ],
        timeout=300,
    )
    assert added.status_code == 200, added.text
    change = added.json()
    assert [a["source"] for a in change["added"]] == ["refugees.html"]
    assert change["refused"][0]["name"] == "notes.docx" and "unsupported" in change["refused"][0]["reason"]
    assert change["index"]["added"] == ["refugees.html"]
    listed = {a["source"] for a in requests.get(url + "/v1/articles", timeout=30).json()["articles"]}
    assert listed == before | {"refugees.html"}

    answer = ask(url, REFUGEES).json()
    assert (
        "refugees.html" in cited_sources(answer) and "100,514" in answer["choices"][0]["message"]["content"]
    )

    deleted = requests.delete(url + "/v1/articles/refugees.html", timeout=300)
    assert deleted.status_code == 200 and deleted.json()["index"]["removed"] == ["refugees.html"]
    assert not (tmp / "corpus/refugees.html").exists() and list(
        (tmp / "corpus/.trash").glob("*refugees.html")
    )
    again = ask(url, REFUGEES).json()
    assert "refugees.html" not in cited_sources(again)
    assert requests.delete(url + "/v1/articles/refugees.html", timeout=30).status_code == 404


def test_a_duplicate_upload_is_refused_with_its_reason(api):
    url, tmp = api
    seed = sorted((tmp / "corpus").glob("*.txt"))[0]
    again = requests.post(url + "/v1/articles", files={"files": ("copy.txt", seed.read_bytes())}, timeout=60)
    assert again.status_code == 400 and "already in the corpus" in again.json()["error"]["message"]
    assert not (tmp / "corpus/copy.txt").exists()


BAD_INPUT = [
    (
        "bad JSON",
        {"data": b"{not json", "headers": {"Content-Type": "application/json"}},
        400,
        "not valid JSON",
    ),
    ("no messages", {"json": {"model": TEST_MODEL}}, 400, "messages"),
    ("empty question", {"json": {"messages": [{"role": "user", "content": "   "}]}}, 400, "empty"),
    (
        "last message not a question",
        {"json": {"messages": [{"role": "assistant", "content": "hi"}]}},
        400,
        "last",
    ),
    (
        "bad date",
        {"json": {"messages": [{"role": "user", "content": TROOPS}], "since": "2023-02-30"}},
        400,
        "date",
    ),
    (
        "reversed dates",
        {
            "json": {
                "messages": [{"role": "user", "content": TROOPS}],
                "since": "2024-01-01",
                "until": "2023-01-01",
            }
        },
        400,
        "after",
    ),  # fmt: skip
    (
        "oversized body",
        {"data": b"x" * (2 << 20), "headers": {"Content-Type": "application/json"}},
        413,
        "larger",
    ),
    (
        "unknown conversation",
        {"json": {"messages": [{"role": "user", "content": TROOPS}], "conversation_id": "nope"}},
        404,
        "no conversation",
    ),  # fmt: skip
]


@pytest.mark.parametrize("name, request_args, status, words", BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
def test_bad_input_gets_an_error_with_its_reason(api, name, request_args, status, words):
    reply = requests.post(api[0] + "/v1/chat/completions", timeout=60, **request_args)
    assert reply.status_code == status, reply.text
    error = reply.json()["error"]
    assert words in error["message"] and "Traceback" not in reply.text


def test_unknown_routes_and_unsupported_uploads_get_errors(api):
    url = api[0]
    missing = requests.get(url + "/v2/nothing", timeout=30)
    assert missing.status_code == 404 and "/docs" in missing.json()["error"]["message"]
    upload = requests.post(url + "/v1/articles", files={"files": ("report.docx", b"PK\x03\x04")}, timeout=30)
    assert upload.status_code == 415 and "unsupported file type" in upload.json()["error"]["message"]
    empty_query = requests.post(url + "/v1/search", json={"query": " "}, timeout=30)
    assert empty_query.status_code == 400 and "empty" in empty_query.json()["error"]["message"]
    escape = requests.delete(url + "/v1/articles/..%2F..%2Fpyproject.toml", timeout=30)
    assert escape.status_code == 404 and (ROOT / "pyproject.toml").exists()

    def chunks():  # a body sent without its length (chunked): counted as it arrives
        for _ in range(40):
            yield b" " * 65536

    chunked = requests.post(
        url + "/v1/chat/completions", data=chunks(), headers={"Content-Type": "application/json"}, timeout=60
    )
    assert chunked.status_code == 413 and "larger than" in chunked.json()["error"]["message"]
    docs = requests.get(url + "/docs", timeout=30)
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    assert "/v1/chat/completions" in requests.get(url + "/openapi.json", timeout=30).json()["paths"]


def stream_raw(url: str, question: str) -> list[dict | str]:
    """The SSE events of one streamed answer, parsed ("[DONE]" kept as a string)."""
    body = {"messages": [{"role": "user", "content": question}], "stream": True}
    events = []
    with requests.post(url + "/v1/chat/completions", json=body, stream=True, timeout=300) as reply:
        assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/event-stream")
        for line in reply.iter_lines(decode_unicode=True):
            if line.startswith("data: "):
                data = line[len("data: ") :]
                events.append(data if data == "[DONE]" else json.loads(data))
    return events


def test_two_concurrent_streams_both_complete_whole(api):
    results: dict[int, list] = {}
    threads = [
        threading.Thread(target=lambda n=n, q=q: results.__setitem__(n, stream_raw(api[0], q)))
        for n, q in enumerate([TROOPS, "Who is the Prime Minister of Armenia?"])
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert sorted(results) == [0, 1]
    for events in results.values():
        assert events[-1] == "[DONE]"
        last = events[-2]
        assert last["choices"][0]["finish_reason"] == "stop" and "citations" in last and "refused" in last
        assert all("error" not in e for e in events[:-1])
    assert "5,000" in "".join(e["choices"][0]["delta"].get("content") or "" for e in results[0][:-1])


def test_a_client_leaving_mid_stream_releases_the_model(api):
    url = api[0]
    body = {"messages": [{"role": "user", "content": TROOPS}], "stream": True, "max_tokens": 1000}
    with requests.post(url + "/v1/chat/completions", json=body, stream=True, timeout=300) as reply:
        for line in reply.iter_lines(decode_unicode=True):
            if '"draft"' in line:  # the model is writing: hang up now
                break
    started = time.monotonic()
    after = ask(url, TROOPS)
    assert after.status_code == 200 and "5,000" in after.json()["choices"][0]["message"]["content"]
    assert time.monotonic() - started < 120


def test_an_api_conversation_is_saved_and_continued(api):
    url, tmp = api
    first = ask(url, TROOPS, conversation_id="new").json()
    conversation = first["conversation_id"]
    second = ask(url, "And where are they based?", conversation_id=conversation).json()
    assert second["conversation_id"] == conversation
    saved = requests.get(f"{url}/v1/conversations/{conversation}", timeout=30).json()
    assert [r["role"] for r in saved["records"]] == ["user", "assistant", "user", "assistant"]
    assert saved["title"] == TROOPS and saved["records"][1]["answer"]["citations"][0]["status"] == "current"
    assert saved["records"][1]["answer"]["citations"][0]["sha256"]
    # The continued question was read with the saved turns as its history.
    assert "Russia" in second["standalone_question"] or "troops" in second["standalone_question"]
    listed = [c["id"] for c in requests.get(url + "/v1/conversations", timeout=30).json()["conversations"]]
    assert conversation in listed
    # The same file the chat reads: the conversation is there for the sidebar too.
    store = ConversationStore(tmp / "data" / "conversations.sqlite3")
    assert store.info(conversation).messages == 4
    assert "conversation_id" not in ask(url, TROOPS).json()  # without an id nothing is saved


@pytest.fixture(scope="module")
def keyed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("keyed")
    server, url = serve(tmp, "--api-key", "s3cret")
    yield url
    stop(server)


def test_with_a_key_every_route_but_health_requires_it(keyed):
    assert requests.get(keyed + "/health", timeout=30).status_code == 200
    for method, path in [("get", "/v1/models"), ("get", "/v1/articles"), ("post", "/v1/search"),
                         ("post", "/v1/chat/completions"), ("get", "/v1/conversations")]:  # fmt: skip
        refused = getattr(requests, method)(keyed + path, timeout=30)
        assert refused.status_code == 401, path
        assert refused.json()["error"]["code"] == "invalid_api_key"
    wrong = requests.get(keyed + "/v1/models", headers={"Authorization": "Bearer nope"}, timeout=30)
    assert wrong.status_code == 401
    client = openai.OpenAI(base_url=keyed + "/v1", api_key="s3cret", max_retries=0, timeout=300)
    assert TEST_MODEL in [m.id for m in client.models.list()]
    with pytest.raises(openai.AuthenticationError):
        openai.OpenAI(base_url=keyed + "/v1", api_key="wrong", max_retries=0).models.list()


def test_a_network_address_without_a_key_is_refused(tmp_path):
    port = free_port()
    run = subprocess.run(
        [sys.executable, "-m", "rag", "serve", "--host", "0.0.0.0", "--port", str(port),
         "--index", str(tmp_path / "index")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "HF_HUB_OFFLINE": "1"},
    )  # fmt: skip
    assert run.returncode == 2 and "without an API key" in run.stderr
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0  # nothing listens


@pytest.mark.fast
def test_loopback_addresses():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")
