"""Command line face of the pipeline: `python -m rag index | search | ask | check | models`.

JSON modes write one object per line on stdout and keep the models loaded between lines;
human messages and progress go to stderr so stdout stays machine-readable.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from rag.generate.openai_api import GeneratorUnavailable
from rag.index import IndexNotReady, corpus_changed
from rag.ingest import IndexReport
from rag.load import describe_os_error
from rag.models import PACKAGED_MODELS, ModelNotAvailable, installed_models, resolve_model
from rag.pipeline import Pipeline
from rag.retrieve import FilterMatchesNothing, checked_filter, undated_articles
from rag.settings import Settings, describe_invalid
from rag.store import StoreUnavailable
from rag.types import Message

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Ask a folder of news articles, offline.")
err = Console(stderr=True, soft_wrap=True)  # never break a message (or a path) mid-line

CorpusOpt = Annotated[Path | None, typer.Option("--corpus", help="Folder of articles (default: corpus/).")]
IndexOpt = Annotated[Path | None, typer.Option("--index", help="Index folder (default: index/).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Write JSON lines instead of text.")]
SourceOpt = Annotated[
    list[str] | None,
    typer.Option("--source", help="Only this outlet (or file name); repeat for several."),
]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Only articles dated on or after YYYY-MM-DD.")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Only articles dated on or before YYYY-MM-DD.")]


def _pipeline(corpus: Path | None, index: Path | None, **overrides) -> Pipeline:
    values = {
        k: v for k, v in {"corpus_dir": corpus, "index_dir": index, **overrides}.items() if v is not None
    }
    return Pipeline(Settings(**values))


class _Bars:
    """A rich progress bar per stage, driven by the pipeline's (stage, done, total) callbacks."""

    def __init__(self) -> None:
        self.progress = Progress(
            TextColumn("{task.description:>11}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=False,
        )
        self.tasks: dict[str, int] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=total)
        self.progress.update(self.tasks[stage], completed=done, total=total)

    def __enter__(self):
        self.progress.start()
        return self

    def __exit__(self, *exc):
        self.progress.stop()


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


def _search_filter(pipeline: Pipeline, sources: list[str] | None, since: str | None, until: str | None):
    """The filter the options ask for, checked against the index: None when there is none."""
    try:
        search_filter = checked_filter(pipeline.index, sources or (), since, until)
    except FilterMatchesNothing as exc:
        _fail(str(exc), code=1)
    except ValueError as exc:
        _fail(str(exc))
    if search_filter and (search_filter.since or search_filter.until):
        undated = undated_articles(pipeline.index)
        if undated:
            err.print(f"[dim]{undated} article(s) with no known date are left out of a date range[/dim]")
    return search_filter


def _ensure_ready(pipeline: Pipeline) -> None:
    """Load the index, or say exactly what to do when it is missing or outdated."""
    try:
        index = pipeline.index
    except IndexNotReady as exc:
        _fail(str(exc))
    corpus = pipeline.settings.corpus_dir
    if corpus.is_dir() and corpus_changed(corpus, index.files):
        # The chat brings the index up to date on start; a command answers from it as it is.
        err.print(
            f"warning: the articles in {corpus} changed since the index was built; what changed is not "
            f"searched. Run `python -m rag index --corpus {corpus}` to bring the index up to date.",
            markup=False,
            highlight=False,
        )


def _read_json_lines(required: str):
    """Yield (line number, object) for each non-blank stdin line; bad lines are reported, not fatal."""
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict) or not isinstance(obj.get(required), str):
                raise ValueError(f'expected an object with a string "{required}"')
        except ValueError as exc:
            yield number, {"error": f"line {number}: {exc}"}
            continue
        yield number, obj


def _emit(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _print_report(report: IndexReport) -> None:
    """What an index update did, and every file it could not read, by name and reason."""
    for label, names in (("added", report.added), ("changed", report.changed), ("removed", report.removed)):
        shown = ", ".join(names[:10]) + (f", … and {len(names) - 10} more" if len(names) > 10 else "")
        err.print(f"{label:>8}: {len(names)}" + (f"  ({shown})" if names else ""))
    err.print(
        f"unchanged: {len(report.unchanged)}; chunks in index: {report.chunks}; embedded now: {report.embedded_chunks}"
    )
    if report.rebuilt_because:
        err.print(f"[yellow]rebuilt from scratch:[/yellow] {report.rebuilt_because}")
    for error in report.errors:
        err.print(f"[red]skipped[/red] {error.source}: {error.reason}")


@app.command()
def index(
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="List what cleaning left out of each article read, and why."),
    ] = False,
) -> None:
    """Build or update the index: embeds only added or changed articles, drops removed ones."""
    pipeline = _pipeline(corpus, index)
    try:
        with _Bars() as bars:
            report = pipeline.update_index(bars)
    except FileNotFoundError as exc:
        _fail(str(exc))
    if verbose:
        for source, dropped in report.dropped.items():
            typer.echo(f"{source}: left out {len(dropped)}")
            for reason, text in dropped:
                shown = text if len(text) <= 100 else text[:97] + "..."
                typer.echo(f"  - {reason}: {shown!r}")
    _print_report(report)
    err.print(f"vector search: {pipeline.index.store.kind}")
    if report.errors:
        raise typer.Exit(1)


@app.command()
def add(
    files: Annotated[list[Path], typer.Argument(help="Article files to copy into the corpus.")],
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Copy articles into the corpus (safe names, duplicates refused), then update the index."""
    pipeline = _pipeline(corpus, index)
    offered, unreadable = [], 0
    for file in files:
        try:
            offered.append((file.name, file.read_bytes()))
        except OSError as exc:
            unreadable += 1
            err.print(f"[red]refused[/red] {file}: {describe_os_error(exc)}", markup=True, highlight=False)
    with _Bars() as bars:
        added, report = pipeline.add_articles(offered, bars)
    for result in added:
        if result.refused:
            err.print(f"[red]refused[/red] {result.name}: {result.refused}", markup=True, highlight=False)
        else:
            note = f" (renamed from {result.renamed_from})" if result.renamed_from else ""
            err.print(f"added {result.path}{note}", markup=False, highlight=False)
    if report:
        _print_report(report)
    if unreadable or any(a.refused for a in added) or (report and report.errors):
        raise typer.Exit(1)


@app.command()
def articles(json_out: JsonOpt = False, corpus: CorpusOpt = None, index: IndexOpt = None) -> None:
    """List the indexed articles: title, outlet, date, passages and file name."""
    pipeline = _pipeline(corpus, index)
    _ensure_ready(pipeline)
    for article in pipeline.index.articles():
        if json_out:
            _emit(asdict(article))
            continue
        details = ", ".join(x for x in (article.outlet, article.date, f"{article.passages} passages") if x)
        typer.echo(f"{article.source}\t{article.title or '(no title)'} ({details})")


def _result_json(passage) -> dict:
    return passage.to_json()


def _page(page: int | None) -> str | None:
    return f"p. {page}" if page else None


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="The query, or - to read JSON lines from stdin.")],
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="How many passages.")] = 5,
    json_out: JsonOpt = False,
    source: SourceOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Print the passages most relevant to QUERY, with their scores."""
    pipeline = _pipeline(corpus, index)
    _ensure_ready(pipeline)
    search_filter = _search_filter(pipeline, source, since, until)
    if query == "-":
        if not json_out:
            _fail("reading queries from stdin (-) needs --json")
        for _, obj in _read_json_lines("query"):
            if "error" in obj:
                _emit(obj)
                continue
            wanted = obj.get("k", k)
            if not isinstance(wanted, int) or wanted < 1:
                _emit({"error": '"k" must be a positive integer'})
                continue
            found = pipeline.search(obj["query"], min(wanted, 100), search_filter)
            _emit({"results": [_result_json(p) for p in found]})
        return
    passages = pipeline.search(query, k, search_filter)
    if json_out:
        _emit({"results": [_result_json(p) for p in passages]})
        return
    if not passages:
        err.print("no passages found")
    for rank, passage in enumerate(passages, 1):
        chunk = passage.chunk
        details = ", ".join(x for x in (chunk.outlet, chunk.date, _page(chunk.first_page)) if x)
        typer.echo(
            f"{rank}. [{passage.score:.3f}] {chunk.source} {chunk.start}-{chunk.end} — {chunk.title}"
            + (f" ({details})" if details else "")
        )
        for other in passage.duplicates:
            typer.echo(
                f"   also in {other.outlet or other.source} ({other.source} {other.start}-{other.end})"
            )
        typer.echo("   " + chunk.text.replace("\n", "\n   ") + "\n")


def _history(raw) -> list[Message]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(
        isinstance(m, dict) and m.get("role") in ("user", "assistant") and isinstance(m.get("content"), str)
        for m in raw
    ):
        raise ValueError('"history" must be a list of {"role": "user"|"assistant", "content": str}')
    return [Message(m["role"], m["content"]) for m in raw]


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, or - to read JSON lines from stdin.")],
    json_out: JsonOpt = False,
    model: Annotated[str | None, typer.Option(help="Packaged model name or GGUF path.")] = None,
    source: SourceOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Answer QUESTION from the articles, with numbered citations."""
    pipeline = _pipeline(corpus, index, model=model)
    _ensure_ready(pipeline)
    search_filter = _search_filter(pipeline, source, since, until)
    try:
        pipeline.generator  # noqa: B018 - load (and assemble) the model once, up front
    except (ModelNotAvailable, RuntimeError) as exc:
        _fail(str(exc))
    if question == "-":
        if not json_out:
            _fail("reading questions from stdin (-) needs --json")
        for number, obj in _read_json_lines("question"):
            if "error" in obj:
                _emit(obj)
                continue
            try:
                history = _history(obj.get("history"))
            except ValueError as exc:
                _emit({"error": f"line {number}: {exc}"})
                continue
            _emit(pipeline.ask(obj["question"], history, search_filter).to_json())
        return
    if json_out:
        _emit(pipeline.ask(question, search_filter=search_filter).to_json())
        return
    stream = pipeline.ask_stream(question, search_filter=search_filter)
    for piece in stream:
        err.print(piece, end="", style="dim", markup=False, highlight=False)
    err.print()
    answer = stream.answer
    typer.echo(answer.answer)
    for c in answer.citations:
        where = ", ".join(x for x in (f"{c.source}:{c.start}-{c.end}", _page(c.page)) if x)
        typer.echo(f"  [{c.n}] {c.title} — {c.outlet or c.source} ({where})")
        typer.echo(f"      “{c.text}”")
        for other in c.also_in:
            typer.echo(
                f"      also in {other.outlet or other.source} ({other.source}:{other.start}-{other.end}): “{other.text}”"
            )
    t = answer.timings
    err.print(
        f"[dim]retrieve {t.retrieve_s:.2f}s · first token {t.first_token_s:.2f}s · total {t.total_s:.2f}s[/dim]"
    )


DRAFT_SUFFIXES = (".txt", ".md")
VERDICT_LABELS = {
    "supported": "SUPPORTED",
    "contradicted": "CONTRADICTED",
    "mixed": "MIXED",
    "not_found": "NOT FOUND",
    "not_a_claim": "NOT A CLAIM",
}


def _read_draft(path: str) -> str:
    """The draft from a .txt/.md file or stdin (-), or a clear error."""
    if path == "-":
        return sys.stdin.read()
    file = Path(path)
    if file.suffix.lower() not in DRAFT_SUFFIXES:
        _fail(f"{path}: a draft is a .txt or .md file (or - for stdin)")
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        _fail(f"{path}: no such file")
    except UnicodeDecodeError:
        _fail(f"{path}: not UTF-8 text")
    except OSError as exc:
        _fail(f"{path}: {exc}")
    return ""


@app.command()
def check(
    draft: Annotated[str, typer.Argument(help="The draft: a .txt or .md file, or - to read stdin.")],
    json_out: Annotated[bool, typer.Option("--json", help="One JSON line per sentence.")] = False,
    source: SourceOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Check each sentence of a draft against the articles: supported, contradicted, mixed, not found."""
    from rag.check import DraftChecker

    text = _read_draft(draft)
    if not text.strip():
        _fail("the draft is empty")
    pipeline = _pipeline(corpus, index)
    _ensure_ready(pipeline)
    checker = DraftChecker(pipeline, _search_filter(pipeline, source, since, until))
    counts: dict[str, int] = {}
    # The report goes to stdout as each sentence is decided, the bar to stderr; in a terminal both
    # print through the bar's console so the bar stays below the report.
    progress = Progress(
        TextColumn("{task.description:>11}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    same_screen = sys.stdout.isatty() and err.is_terminal
    with progress:
        task = progress.add_task("sentences", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        for result in checker.check_draft(text, advance):
            counts[result.verdict] = counts.get(result.verdict, 0) + 1
            if json_out:
                _emit(result.to_json())
            elif same_screen:
                report = _check_report(sum(counts.values()), result)
                progress.console.print(report, markup=False, highlight=False)
            else:
                typer.echo(_check_report(sum(counts.values()), result))
    summary = ", ".join(f"{counts[v]} {VERDICT_LABELS[v].lower()}" for v in VERDICT_LABELS if v in counts)
    err.print(f"{sum(counts.values())} sentences: {summary}", markup=False, highlight=False)
    if checker.judge_note:
        err.print(f"note: {checker.judge_note}", markup=False, highlight=False)


def _check_report(n: int, result) -> str:
    """One sentence's verdict as the readable report prints it."""
    lines = [f"{n}. {VERDICT_LABELS[result.verdict]}: {result.sentence}"]
    if result.reason:
        lines.append(f"   ({result.reason})")
    if result.differs is not None:
        lines.append(f"   draft says {result.differs.draft!r}; the source says {result.differs.source!r}")
    for c in result.citations:
        where = ", ".join(x for x in (f"{c.source}:{c.start}-{c.end}", _page(c.page)) if x)
        lines.append(f"   [{c.n}] {c.title} — {c.outlet or c.source} ({where})")
        lines.append(f"       “{c.text}”")
        for other in c.also_in:
            where = f"{other.source}:{other.start}-{other.end}"
            lines.append(f"       also in {other.outlet or other.source} ({where})")
    return "\n".join(lines)


@app.command("eval")
def evaluate(
    questions: Annotated[Path, typer.Argument(help="JSON lines of questions with acceptable answers.")],
    json_out: JsonOpt = False,
    naive: Annotated[
        bool, typer.Option(help="Baseline: dense top-4 pasted in, no citation checks, no refusal gate.")
    ] = False,
    model: Annotated[str | None, typer.Option(help="Packaged model name or GGUF path.")] = None,
    split: Annotated[
        str | None,
        typer.Option(help="Only this half of the set: calibration (tune on it) or test (report it)."),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print each question's outcome.")] = False,
    retrieval: Annotated[
        bool, typer.Option("--retrieval", help="Score retrieval only: dense, BM25 and hybrid side by side.")
    ] = False,
    check_claims: Annotated[
        bool,
        typer.Option("--check", help="A claim set: check each claim as a draft and score the verdicts."),
    ] = False,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Run a question set and report, per half (calibration / test), answers, citations, refusals, latency.

    A claim set (lines with "claim" and "verdict") is scored as drafts to check: verdict accuracy
    overall and per verdict, supported precision, contradictions naming the differing value.
    """
    from rag.evaluate import NAIVE_SETTINGS, SPLITS, is_claim_file, judge_sentences, load_questions, run_eval

    if split is not None and split not in SPLITS:
        _fail(f"--split must be one of: {', '.join(SPLITS)}")
    try:
        claims = check_claims or is_claim_file(questions)
    except OSError as exc:
        _fail(str(exc))
    if claims:
        _eval_checks(questions, split, json_out, verbose, corpus, index)
        return
    overrides = {"model": model, **(NAIVE_SETTINGS if naive else {})}
    pipeline = _pipeline(corpus, index, **overrides)
    _ensure_ready(pipeline)
    try:
        items = load_questions(questions, split)
    except (OSError, ValueError) as exc:
        _fail(str(exc))
    if retrieval:
        from rag.condense import condense
        from rag.evaluate import retrieval_metrics
        from rag.retrieve import Retriever, ranked_sources

        table = {}
        for mode in ("dense", "bm25", "hybrid"):
            search = Retriever(pipeline.index, pipeline.embedder, mode).search
            table[mode] = retrieval_metrics(
                items,
                lambda item, k, search=search: ranked_sources(
                    search(condense(item.question, _history(item.history)), k)
                ),
            )
        if json_out:
            _emit(table)
            return
        metrics = list(table["hybrid"])
        typer.echo("| mode | " + " | ".join(metrics) + " |")
        typer.echo("| --- |" + " ---: |" * len(metrics))
        for mode, row in table.items():
            typer.echo(f"| {mode} | " + " | ".join(str(row[m]) for m in metrics) + " |")
        return

    def show(row) -> None:
        if verbose:
            mark = "ok " if row.ok else "BAD"
            cited = ",".join(sorted(row.cited_sources))
            supported, total = judge_sentences(row.answer)
            reason = row.answer.get("refusal_reason") or ""
            err.print(
                f"{mark} [{row.item.split[:3]} {row.item.kind}] {row.item.question[:80]!r} -> "
                f"{row.answer['answer']!r} {reason} [{cited}] supported {supported}/{total}",
                markup=False,
                highlight=False,
            )

    with _Bars() as bars:
        done = 0

        def ask_one(question, history):
            nonlocal done
            answer = pipeline.ask(question, _history(history))
            done += 1
            bars("questions", done, len(items))
            return answer.to_json()

        by_split, _ = run_eval(items, ask_one, show)
    report = {
        "model": pipeline.model_label(),
        "configuration": "naive" if naive else "default",
        **by_split,
    }
    if json_out:
        _emit(report)
        return
    typer.echo(f"model: {report['model']} ({report['configuration']})")
    names = [s for s in SPLITS if s in by_split]
    typer.echo(f"{'':>28}  " + "  ".join(f"{n:>12}" for n in names))
    for key in by_split[names[0]]:
        typer.echo(f"{key:>28}: " + "  ".join(f"{str(by_split[n][key]):>12}" for n in names))


def _eval_checks(
    path: Path, split: str | None, json_out: bool, verbose: bool, corpus: Path | None, index: Path | None
) -> None:
    """`rag eval CLAIMS --check`: each claim checked as a one-sentence draft, judged by rag.evaluate."""
    from rag.check import DraftChecker
    from rag.evaluate import SPLITS, load_claims, run_check_eval

    pipeline = _pipeline(corpus, index)
    _ensure_ready(pipeline)
    try:
        items = load_claims(path, split)
    except (OSError, ValueError) as exc:
        _fail(str(exc))
    checker = DraftChecker(pipeline)

    def show(row) -> None:
        if verbose:
            mark = "ok " if row.correct else "BAD"
            differs = row.result.get("differs")
            err.print(
                f"{mark} [{row.item.split[:3]} {row.item.kind}] {row.item.verdict} -> {row.verdict}: "
                f"{row.item.claim[:90]!r}"
                + (f" differs {differs}" if differs else "")
                + (f"\n    why: {row.result['reason']}" if row.result.get("reason") else ""),
                markup=False,
                highlight=False,
            )

    with _Bars() as bars:
        done = 0

        def check_one(claim: str) -> list[dict]:
            nonlocal done
            lines = [r.to_json() for r in checker.check_draft(claim)]
            done += 1
            bars("claims", done, len(items))
            return lines

        by_split, _ = run_check_eval(items, check_one, show)
    if json_out:
        _emit({"mode": "check", **by_split})
        return
    names = [s for s in SPLITS if s in by_split]
    typer.echo(f"{'':>28}  " + "  ".join(f"{n:>12}" for n in names))
    for key in by_split[names[0]]:
        typer.echo(f"{key:>28}: " + "  ".join(f"{str(by_split[n][key]):>12}" for n in names))


@app.command("serve-llm")
def serve_llm(
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0: every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    model: Annotated[str | None, typer.Option(help="Packaged model name or GGUF path.")] = None,
) -> None:
    """Serve the model over the OpenAI API (llama.cpp's own server) for RAG_GENERATOR=openai.

    Several chat processes, on this machine or others, can then share one loaded model.
    """
    settings = Settings(**({"model": model} if model else {}))
    try:
        with _Bars() as bars:
            path = resolve_model(settings.model, settings.cache_dir, bars)
    except ModelNotAvailable as exc:
        _fail(str(exc))
    from llama_cpp.server.__main__ import main as server_main

    from rag.generate.llama import load_cpu_variants

    load_cpu_variants()
    alias = settings.model if settings.model in PACKAGED_MODELS else path.stem
    err.print(f"serving {path} as {alias!r} on http://{host}:{port}/v1")
    sys.argv = [
        "llama_cpp.server",
        *("--model", str(path), "--model_alias", alias, "--host", host, "--port", str(port)),
        *("--n_ctx", str(settings.n_ctx), "--n_threads", str(settings.n_threads)),
        *("--n_threads_batch", str(settings.n_threads), "--seed", str(settings.seed)),
        # Several readers share this server: queue their questions instead of cutting one off.
        *("--interrupt_requests", "False"),
    ]
    server_main()


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; other than loopback needs --api-key.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8080,
    api_key: Annotated[
        str | None, typer.Option(help="Require Authorization: Bearer KEY (default: RAG_API_KEY).")
    ] = None,
    model: Annotated[str | None, typer.Option(help="Packaged model name or GGUF path.")] = None,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Serve the archive over HTTP: an OpenAI-compatible chat API with citations (see /docs)."""
    from rag.server import run

    pipeline = _pipeline(corpus, index, model=model)
    key = api_key or (pipeline.settings.api_key.get_secret_value() if pipeline.settings.api_key else None)
    try:
        run(pipeline, host, port, key, _Bars, err.print)
    except (ModelNotAvailable, FileNotFoundError, RuntimeError, ValueError) as exc:
        _fail(str(exc))


@app.command()
def models() -> None:
    """List the packaged models and which are installed."""
    have = set(installed_models())
    current = Settings().model
    for model in PACKAGED_MODELS.values():
        mark = "installed" if model.name in have else "not installed"
        default = " (selected)" if model.name == current else ""
        typer.echo(f"{model.name:<22} {mark:<14} {model.description}{default}")


@app.command()
def setup(corpus: CorpusOpt = None, index: IndexOpt = None) -> None:
    """Prepare everything the chat needs: assemble the model and bring the index up to date."""
    pipeline = _pipeline(corpus, index)
    try:
        with _Bars() as bars:
            report = pipeline.prepare(bars)
    except (ModelNotAvailable, FileNotFoundError, RuntimeError) as exc:
        _fail(str(exc))
    err.print(f"model: {pipeline.model_label()}")
    if report is None:
        err.print(
            f"index: up to date, {len(pipeline.index.chunks)} chunks from {len(pipeline.index.files)} articles"
        )
    else:
        _print_report(report)


def main() -> None:
    """`python -m rag`: an engine that is down (served LLM, Milvus) is one clear line, not a traceback."""
    try:
        app(prog_name="python -m rag")
    except (GeneratorUnavailable, StoreUnavailable) as exc:
        err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
        raise SystemExit(2) from None
    except ValidationError as exc:  # a setting from the environment or .env that is not allowed
        err.print(f"[red]error:[/red] {describe_invalid(exc)}", markup=True, highlight=False)
        raise SystemExit(2) from None
