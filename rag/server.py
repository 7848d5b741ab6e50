"""HTTP API: the chat's pipeline for scripts, notebooks and other chat front ends (`python -m rag serve`).

`POST /v1/chat/completions` speaks OpenAI's chat-completions protocol, so the official `openai`
client works unchanged, and adds the answer's evidence beside the standard fields: `citations`
(exactly the `ask --json` fields), `refused` and `refusal_reason`. The other routes search,
list, add and delete articles, and read saved conversations. `/docs` is the reference.

Every error, from bad JSON to an unknown model, is an HTTP status with a JSON body in OpenAI's
error format (``{"error": {"message", "type", "param", "code"}}``), never a traceback.
"""

import ipaddress
import json
import logging
import secrets
import time
import uuid
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, File, HTTPException, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from rag.check import DraftChecker
from rag.history import (
    ArticleHashes,
    ConversationNotFound,
    ConversationStore,
    answer_record,
    indexed_sha256,
)
from rag.ingest import IndexReport
from rag.load import SUPPORTED_SUFFIXES
from rag.models import PACKAGED_MODELS, installed_models
from rag.pipeline import Pipeline
from rag.retrieve import FilterMatchesNothing, checked_filter, make_filter
from rag.types import Answer, Message, SearchFilter

log = logging.getLogger("rag.server")

MAX_JSON_BYTES = 1 << 20  # a question with a long history fits many times over
NEW_CONVERSATION = "new"


# --- errors, in OpenAI's format --------------------------------------------------------------
_ERROR_TYPES = {401: "authentication_error", 404: "not_found_error", 413: "invalid_request_error"}


def error_response(
    status: int, message: str, *, param: str | None = None, code: str | None = None, **extra
) -> JSONResponse:
    kind = _ERROR_TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
    body = {"error": {"message": message, "type": kind, "param": param, "code": code, **extra}}
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


class ApiError(Exception):
    """An error with its HTTP status, raised anywhere in a route and answered by error_response."""

    def __init__(self, status: int, message: str, **fields):
        super().__init__(message)
        self.status, self.message, self.fields = status, message, fields


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors():
        where = ".".join(str(x) for x in e.get("loc", ()) if x != "body")
        if e.get("type") == "json_invalid":
            parts.append(f"the body is not valid JSON ({e.get('ctx', {}).get('error', e.get('msg'))})")
        else:
            parts.append(f"{where or 'body'}: {e.get('msg')}")
    return "; ".join(parts) or "the request is not valid"


class BodyLimit:
    """Refuse a request body over its route's limit (413) before reading it whole."""

    def __init__(self, app, upload_limit: int):
        self.app = app
        self.upload_limit = upload_limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        is_upload = scope["path"].rstrip("/") == "/v1/articles" and scope["method"] == "POST"
        limit = self.upload_limit if is_upload else MAX_JSON_BYTES
        too_large = f"the request body is larger than {limit:,} bytes"
        header = dict(scope.get("headers") or []).get(b"content-length")
        if header is not None:
            try:
                declared = int(header)
            except ValueError:
                return await error_response(400, "Content-Length is not a number")(scope, receive, send)
            if declared > limit:
                return await error_response(413, too_large, code="body_too_large")(scope, receive, send)
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(413, too_large)
            return message

        await self.app(scope, limited_receive, send)


# --- request bodies ----------------------------------------------------------------------------
class TextPart(BaseModel):
    type: Literal["text"]
    text: str


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[TextPart] | None = None

    @property
    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(part.text for part in self.content)
        return self.content or ""


class Filters(BaseModel):
    sources: list[str] | str | None = Field(
        None, description="Only these outlets (or file names), as `ask --source`."
    )
    since: str | None = Field(None, description="Only articles dated on or after YYYY-MM-DD.")
    until: str | None = Field(None, description="Only articles dated on or before YYYY-MM-DD.")


class ChatRequest(Filters):
    """OpenAI's chat-completions request (other OpenAI fields are accepted and ignored)."""

    model_config = ConfigDict(extra="allow")
    model: str | None = Field(None, description="An installed packaged model; empty: the server's model.")
    messages: list[ChatMessage] = Field(
        ..., min_length=1, description="The conversation so far; the last user message is the question."
    )
    stream: bool = False
    temperature: float | None = Field(None, ge=0.0, le=2.0)
    max_tokens: int | None = Field(None, ge=16, le=2048)
    conversation_id: str | None = Field(
        None,
        description='Save this exchange: "new" starts a saved conversation (its id comes back), '
        "an id continues one (its saved turns are the history when `messages` holds only the question).",
    )


class SearchRequest(Filters):
    query: str
    k: int = Field(5, ge=1, le=100)


class CheckRequest(Filters):
    draft: str = Field(description="The text to check, sentence by sentence (plain text or Markdown).")


# --- helpers -----------------------------------------------------------------------------------
def report_json(report: IndexReport) -> dict:
    """What an index update changed (the same figures `python -m rag index` prints)."""
    return {
        "added": report.added,
        "changed": report.changed,
        "removed": report.removed,
        "unchanged": len(report.unchanged),
        "chunks": report.chunks,
        "embedded_chunks": report.embedded_chunks,
        "rebuilt_because": report.rebuilt_because,
        "errors": [{"source": e.source, "reason": e.reason} for e in report.errors],
    }


def search_filter_of(pipeline: Pipeline, request: Filters) -> tuple[SearchFilter | None, str | None]:
    """The request's filter, and why it matches no article (None when it matches some); a
    malformed one is a 400."""
    sources = [request.sources] if isinstance(request.sources, str) else request.sources or []
    try:
        return checked_filter(pipeline.index, sources, request.since, request.until), None
    except FilterMatchesNothing as exc:  # a question is refused, saying so; a search says why
        return make_filter(sources, request.since, request.until), str(exc)
    except ValueError as exc:
        raise ApiError(400, str(exc).replace("--", ""), code="bad_filter") from None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _chunk(completion_id: str, model: str, delta: dict, finish: str | None = None, **extra) -> str:
    body = {
        "id": completion_id,
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        **extra,
    }
    return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"


def _evidence(answer: Answer) -> dict:
    """The `ask --json` fields beside OpenAI's: citations, refused, refusal_reason, timings..."""
    fields = answer.to_json()
    fields.pop("answer")
    fields["model_file"] = fields.pop("model")
    return fields


_DONE = object()


def create_app(
    pipeline: Pipeline, api_key: str | None = None, store: ConversationStore | None = None
) -> FastAPI:
    """The API over ``pipeline`` (shared with whatever else runs in the process)."""
    settings = pipeline.settings
    store = store or ConversationStore(settings.conversations_file)
    app = FastAPI(
        title="News archive Q&A API",
        version="1",
        description="Answers grounded in the archive's articles, with citations. "
        "With an API key set, send `Authorization: Bearer KEY` (every route but /health).",
    )
    app.add_middleware(BodyLimit, upload_limit=8 * settings.max_file_bytes + MAX_JSON_BYTES)
    bearer = HTTPBearer(auto_error=False, description="The server's API key, when it has one.")

    def require_key(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if api_key is None:
            return
        if credentials is None or not secrets.compare_digest(credentials.credentials, api_key):
            raise ApiError(401, "missing or wrong API key: send the header Authorization: Bearer KEY",
                           code="invalid_api_key")  # fmt: skip

    guarded = [Depends(require_key)]

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return error_response(exc.status, exc.message, **exc.fields)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404 and exc.detail == "Not Found":
            message = f"no route {request.method} {request.url.path}; the routes are listed at /docs"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}; see /docs"
        else:
            message = str(exc.detail)
        return error_response(exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request: Request, exc: RequestValidationError):
        return error_response(400, _validation_message(exc), code="invalid_request")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("error answering %s %s", request.method, request.url.path)
        return error_response(500, f"the server failed: {type(exc).__name__}: {exc}")

    def pipeline_for(model: str | None, **options) -> tuple[Pipeline, str]:
        name = model or settings.model
        if name != settings.model and name not in installed_models():
            installed = ", ".join(installed_models()) or "none"
            raise ApiError(404, f"The model {name!r} does not exist or is not installed; installed: {installed}",
                           param="model", code="model_not_found")  # fmt: skip
        changes = {"model": name, **{k: v for k, v in options.items() if v is not None}}
        return pipeline.with_options(**changes), name

    def history_of(request: ChatRequest, conversation_id: str | None) -> list[Message]:
        earlier = request.messages[:-1]
        if not earlier and conversation_id not in (None, NEW_CONVERSATION):
            records = store.load(conversation_id, ArticleHashes(settings.corpus_dir))
            return [Message(r["role"], r.get("content", "")) for r in records]
        return [Message(m.role, m.text) for m in earlier if m.role in ("user", "assistant")]

    def save(conversation_id: str | None, question: str, answer: Answer) -> str | None:
        if conversation_id is None:
            return None
        records = [{"role": "user", "content": question}, answer_record(answer)]
        return store.append(
            None if conversation_id == NEW_CONVERSATION else conversation_id,
            records,
            indexed_sha256(pipeline.index.files),
        )

    # --- routes ------------------------------------------------------------------------------
    @app.get("/health", tags=["server"])
    def health() -> dict:
        """Up or not; needs no key."""
        return {"status": "ok", "model": settings.model}

    @app.get("/v1/models", tags=["chat"], dependencies=guarded)
    def models() -> dict:
        """The installed models a request's `model` may name."""
        names = installed_models()
        if settings.model not in names:
            names.insert(0, settings.model)
        return {
            "object": "list",
            "data": [
                {
                    "id": name,
                    "object": "model",
                    "created": 0,
                    "owned_by": "local",
                    "description": PACKAGED_MODELS[name].description if name in PACKAGED_MODELS else name,
                    "default": name == settings.model,
                }
                for name in names
            ],
        }

    @app.post("/v1/chat/completions", tags=["chat"], dependencies=guarded)
    async def chat_completions(request: ChatRequest):
        """An answer from the articles with `[n]` markers, and its `citations`.

        With `stream: true`, server-sent events in OpenAI's chunk format: the model's unchecked
        draft arrives piece by piece in each chunk's `draft` field (the chat shows it the same
        way), then the checked answer as `delta.content`, then a last chunk with
        `finish_reason: "stop"`, `citations`, `refused` and `refusal_reason`, then `[DONE]`.
        """
        question_message = request.messages[-1]
        if question_message.role != "user":
            raise ApiError(400, "the last message must be the user's question", param="messages")
        question = question_message.text
        if not question.strip():
            raise ApiError(400, "the question is empty", param="messages", code="empty_question")
        pipe, model = pipeline_for(
            request.model, temperature=request.temperature, max_tokens=request.max_tokens
        )
        search_filter, _ = search_filter_of(pipeline, request)
        conversation_id = request.conversation_id
        try:
            if conversation_id not in (None, NEW_CONVERSATION):
                await run_in_threadpool(store.info, conversation_id)
            history = await run_in_threadpool(history_of, request, conversation_id)
        except ConversationNotFound as exc:
            raise ApiError(404, str(exc), param="conversation_id", code="conversation_not_found") from None
        completion_id = f"chatcmpl-{uuid.uuid4().hex}"
        if not request.stream:
            answer = await run_in_threadpool(pipe.ask, question, history, search_filter)
            saved = await run_in_threadpool(save, conversation_id, question, answer)
            return {
                "id": completion_id,
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": answer.answer},
                        "finish_reason": "stop",
                    }
                ],
                **_evidence(answer),
                **({"conversation_id": saved} if saved else {}),
            }

        async def events():
            stream = pipe.ask_stream(question, history, search_filter)
            pieces = iter(stream)
            try:
                yield _chunk(completion_id, model, {"role": "assistant", "content": ""})
                while (piece := await run_in_threadpool(next, pieces, _DONE)) is not _DONE:
                    yield _chunk(completion_id, model, {}, draft=piece)
                answer = stream.answer
                saved = await run_in_threadpool(save, conversation_id, question, answer)
                yield _chunk(completion_id, model, {"content": answer.answer})
                extra = {**_evidence(answer), **({"conversation_id": saved} if saved else {})}
                yield _chunk(completion_id, model, {}, "stop", **extra)
                yield "data: [DONE]\n\n"
            except Exception as exc:  # the stream has started: say so in it, then end it
                log.exception("error while streaming an answer")
                body = {"error": {"message": f"the server failed: {type(exc).__name__}: {exc}",
                                  "type": "server_error", "param": None, "code": None}}  # fmt: skip
                yield f"data: {json.dumps(body)}\n\n"
            finally:
                # Also on a client that went away: the model is released for the next request.
                pieces.close()
                stream.close()

        return StreamingResponse(
            events(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
        )

    @app.post("/v1/search", tags=["articles"], dependencies=guarded)
    def search(request: SearchRequest) -> dict:
        """The passages closest to `query`: the `search --json` results."""
        if not request.query.strip():
            raise ApiError(400, "the query is empty", param="query", code="empty_query")
        search_filter, matches_nothing = search_filter_of(pipeline, request)
        if matches_nothing:
            return {"results": [], "message": matches_nothing}
        return {"results": [p.to_json() for p in pipeline.search(request.query, request.k, search_filter)]}

    @app.post("/v1/check", tags=["articles"], dependencies=guarded)
    def check(request: CheckRequest) -> dict:
        """Each sentence of `draft` checked against the archive: the `check --json` lines, as a list
        under `sentences` (verdict supported, contradicted, mixed, not_found or not_a_claim), and a
        `note` when no model weighs reworded claims (as `check` prints one)."""
        if not request.draft.strip():
            raise ApiError(400, "the draft is empty", param="draft", code="empty_draft")
        search_filter, _ = search_filter_of(pipeline, request)
        checker = DraftChecker(pipeline, search_filter)
        body: dict = {"sentences": [c.to_json() for c in checker.check_draft(request.draft)]}
        if checker.judge_note:
            body["note"] = checker.judge_note
        return body

    @app.get("/v1/articles", tags=["articles"], dependencies=guarded)
    def articles() -> dict:
        """The indexed articles."""
        return {"articles": [asdict(a) for a in sorted(pipeline.index.articles(), key=lambda a: a.source)]}

    @app.post("/v1/articles", tags=["articles"], dependencies=guarded)
    def upload(
        files: Annotated[list[UploadFile], File(description="Articles: " + ", ".join(SUPPORTED_SUFFIXES))],
    ):
        """Add articles (multipart, field `files`, several at once), with the chat's checks, then
        index them. Answers with what was added, what was refused and why, and the index update."""
        results, report = pipeline.add_articles([(f.filename or "", f.file.read()) for f in files])
        added = [
            {"name": r.name, "source": r.path.name, "renamed_from": r.renamed_from} for r in results if r.path
        ]
        refused = [{"name": r.name, "reason": r.refused} for r in results if r.refused]
        if not added:
            unsupported = all("unsupported" in r["reason"] for r in refused)
            reasons = "; ".join(f"{r['name']}: {r['reason']}" for r in refused)
            raise ApiError(415 if unsupported else 400, f"nothing was added: {reasons}",
                           code="upload_refused", refused=refused)  # fmt: skip
        return {"added": added, "refused": refused, "index": report_json(report)}

    @app.delete("/v1/articles/{name:path}", tags=["articles"], dependencies=guarded)
    def delete(name: str) -> dict:
        """Take an article out of the archive: moved to the corpus's `.trash/`, never erased."""
        try:
            kept, report = pipeline.delete_article(name)
        except ValueError as exc:
            raise ApiError(404, str(exc), code="article_not_found") from None
        return {"deleted": name, "kept_in": str(kept), "index": report_json(report)}

    @app.get("/v1/conversations", tags=["conversations"], dependencies=guarded)
    def conversations() -> dict:
        """Saved conversations (the chat's and the API's), the most recent first."""
        return {"conversations": [c.to_json() for c in store.list()]}

    @app.get("/v1/conversations/{conversation_id}", tags=["conversations"], dependencies=guarded)
    def conversation(conversation_id: str) -> dict[str, Any]:
        """A saved conversation; each citation's `status` says whether its article is still the
        one quoted (current), has changed since, or was deleted."""
        try:
            info = store.info(conversation_id)
            records = store.load(conversation_id, ArticleHashes(settings.corpus_dir))
        except ConversationNotFound as exc:
            raise ApiError(404, str(exc), code="conversation_not_found") from None
        return {**info.to_json(), "records": records}

    return app


def run(pipeline: Pipeline, host: str, port: int, api_key: str | None, bars, say) -> None:
    """Check the address, get the pipeline ready (model and index, with progress), then serve.

    Without a key the archive is only reachable from this machine: a non-loopback address is
    refused (ValueError) rather than opened to the network unprotected.
    """
    import uvicorn

    if not api_key and not is_loopback(host):
        raise ValueError(
            f"refusing to listen on {host} without an API key: anyone on the network could read the "
            "archive. Set --api-key or RAG_API_KEY, or keep the default 127.0.0.1"
        )
    with bars() as progress:
        pipeline.prepare(progress)
    app = create_app(pipeline, api_key)
    say(
        f"serving {len(pipeline.index.files)} articles with {pipeline.settings.model} on http://{host}:{port} "
        f"(reference: http://{host}:{port}/docs){'; API key required' if api_key else ''}",
        markup=False,
        highlight=False,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=5)
