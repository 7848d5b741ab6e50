"""Answer latency and quality: this project vs a naive pipeline vs LangChain, same model, same run.

    .venv/bin/pip install -r bench/requirements.txt      # LangChain, for the third column
    .venv/bin/python bench/answers.py tests/data/dev.jsonl [--model qwen2.5-coder-0.5b]

All three answer every question in one process, in rotating order (the machine is shared and
noisy, so each question sees the same conditions on every side), with the same GGUF model,
the same embedder (all-MiniLM-L6-v2) and the same answer length limit; the naive pipeline gets
k = 4 passages, the project its own default (2, after collapsing restatements) and LangChain the
project's k:

* project: the default configuration (hybrid retrieval, collapse, refusal gates, verified citations);
* naive: dense top-4 chunks pasted into one chat prompt, the model's answer and markers as they come;
* langchain: the textbook LangChain RAG chain: DirectoryLoader, RecursiveCharacterTextSplitter
  (600 characters), HuggingFaceEmbeddings + the LangChain FAISS store, the project's k, the common RAG
  prompt ("Use the following pieces of retrieved context...") and ChatLlamaCpp, streamed. Its
  citations are the retrieved chunks (LangChain returns sources, not per-sentence citations).

Prints one row per pipeline (accuracy as in `rag eval`, first-token and total p50/p95) and the
ratios of medians against the naive pipeline.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere, no install

from rag.evaluate import NAIVE_SETTINGS, EvalRow, load_questions, summarize  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402
from rag.prompt import REFUSAL  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.types import Answer, Citation, Message, Timings  # noqa: E402

LANGCHAIN_PROMPT = (
    "You are an assistant for question-answering tasks. Use the following pieces of retrieved "
    "context to answer the question. If you don't know the answer, just say that you don't know. "
    "Use three sentences maximum and keep the answer concise.\n"
    "Question: {question}\nContext: {context}\nAnswer:"
)


class LangChainRag:
    """The same job as the project, built the way the LangChain tutorials build it."""

    def __init__(self, settings: Settings, model_path: Path, embedder_path: str):
        from langchain_community.chat_models import ChatLlamaCpp
        from langchain_community.document_loaders import DirectoryLoader, TextLoader
        from langchain_community.vectorstores import FAISS
        from langchain_huggingface import HuggingFaceEmbeddings
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        docs = DirectoryLoader(
            str(settings.corpus_dir),
            glob="**/*.txt",
            loader_cls=TextLoader,
            loader_kwargs={"encoding": "utf-8"},
        ).load()
        splits = RecursiveCharacterTextSplitter(
            chunk_size=settings.chunk_chars, chunk_overlap=100
        ).split_documents(docs)
        embeddings = HuggingFaceEmbeddings(
            model_name=embedder_path,
            model_kwargs={"device": "cpu"},
            encode_kwargs={"normalize_embeddings": True},
        )
        self.retriever = FAISS.from_documents(splits, embeddings).as_retriever(
            search_kwargs={"k": settings.top_k}
        )
        self.llm = ChatLlamaCpp(
            model_path=str(model_path),
            n_ctx=settings.n_ctx,
            n_threads=settings.n_threads,
            n_batch=512,
            max_tokens=settings.max_tokens,
            temperature=settings.temperature,
            seed=settings.seed,
            verbose=False,
        )
        self.model = str(model_path)

    def ask(self, question: str, history: list[Message]) -> Answer:
        started = time.perf_counter()
        docs = self.retriever.invoke(question)
        timings = Timings(retrieve_s=time.perf_counter() - started)
        context = "\n\n".join(d.page_content for d in docs)
        text = ""
        for piece in self.llm.stream(LANGCHAIN_PROMPT.format(question=question, context=context)):
            if not text and piece.content:
                timings.first_token_s = time.perf_counter() - started
            text += piece.content
        timings.total_s = time.perf_counter() - started
        refused = "don't know" in text.lower() or "do not know" in text.lower() or not text.strip()
        citations = [
            Citation(n, Path(d.metadata["source"]).name, "", 0, 0, d.page_content, 0.0)
            for n, d in enumerate(docs, 1)
        ]
        return Answer(
            REFUSAL if refused else text.strip(), refused, [] if refused else citations, timings, self.model
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--model", default=None)
    parser.add_argument("--without-langchain", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    items = load_questions(args.questions)

    overrides = {"model": args.model} if args.model else {}
    project = Pipeline(Settings(**overrides))
    project.prepare()
    naive = project.with_options(**NAIVE_SETTINGS)
    sides = {"project": project.ask, "naive": naive.ask}
    if not args.without_langchain:
        from rag.embed import resolve_embedding_model

        chain = LangChainRag(
            project.settings, project.model_path(), resolve_embedding_model(project.settings.embedding_model)
        )
        sides["langchain"] = chain.ask
    rows: dict[str, list[EvalRow]] = {name: [] for name in sides}
    names = list(sides)
    for n, item in enumerate(items):
        for name in names[n % len(names) :] + names[: n % len(names)]:  # rotate who goes first
            rows[name].append(
                EvalRow(
                    item,
                    sides[name](
                        item.question, [Message(m["role"], m["content"]) for m in item.history]
                    ).to_json(),
                )
            )
        print(f"{n + 1}/{len(items)}", end="\r", file=sys.stderr, flush=True)
    summaries = {name: summarize(r) for name, r in rows.items()}
    if args.json:
        print(json.dumps(summaries, indent=1))
        return
    keys = [
        "answer_accuracy",
        "citation_accuracy",
        "citation_precision",
        "refusal_accuracy",
        "false_refusals",
    ]
    print("| pipeline | " + " | ".join(keys) + " | first token p50 / p95 s | total p50 / p95 s |")
    print("| --- |" + " ---: |" * (len(keys) + 2))
    for name, s in summaries.items():
        print(
            f"| {name} | "
            + " | ".join(str(s[k]) for k in keys)
            + f" | {s['first_token_p50_s']:.2f} / {s['first_token_p95_s']:.2f}"
            + f" | {s['total_p50_s']:.2f} / {s['total_p95_s']:.2f} |"
        )
    base = summaries["naive"]
    for name, s in summaries.items():
        print(
            f"{name}: first token p50 {s['first_token_p50_s'] / base['first_token_p50_s']:.2f}x naive, "
            f"total p50 {s['total_p50_s'] / base['total_p50_s']:.2f}x naive"
        )


if __name__ == "__main__":
    main()
