import json

import numpy as np

from rag.evaluate import (
    EvalItem,
    EvalRow,
    judge_sentences,
    load_questions,
    run_eval,
    sentence_supported,
    summarize,
)
from rag.types import Answer, Citation, Timings
from tests.conftest import ROOT

DEV = ROOT / "tests" / "data" / "dev.jsonl"


def test_the_development_set_covers_what_it_should():
    items = load_questions(DEV)
    answerable = [i for i in items if i.answerable]
    unanswerable = [i for i in items if not i.answerable]
    assert len(items) >= 60 and len(unanswerable) >= 12
    assert {s for i in answerable for s in i.sources} == {p.name for p in (ROOT / "corpus").glob("*.txt")}
    assert sum(bool(i.history) for i in items) >= 4
    assert sum(len(i.sources) > 1 for i in items) >= 3
    assert all(i.answers for i in answerable)


def answer(text, citations, refused=False, ttft=1.0):
    return Answer(text, refused, citations, Timings(0.01, ttft, ttft + 0.5), "m.gguf")


def test_metrics_on_known_outcomes():
    good = Citation(1, "a.txt", "T", 0, 10, "Russia has about 5,000 troops stationed in Armenia.", 0.9)
    item = EvalItem("How many troops?", ["5,000"], ["a.txt"], True)
    rows = [
        EvalRow(item, answer("Russia has about 5,000 troops stationed in Armenia. [1]", [good])),
        EvalRow(item, answer("Russia has about 7,000 troops in Armenia. [1]", [good])),
        EvalRow(
            EvalItem("Capital of France?", [], [], False), answer("The articles don't say.", [], refused=True)
        ),
        EvalRow(EvalItem("Who won?", [], [], False), answer("Somebody. [1]", [good])),
    ]
    summary = summarize(rows)
    assert summary["answer_accuracy"] == 0.5
    assert summary["citation_accuracy"] == 1.0
    assert summary["citation_precision"] == 0.333  # the 7,000 sentence and "Somebody." are unsupported
    assert summary["refusal_accuracy"] == 0.5
    assert summary["false_refusals"] == 0.0


def test_the_judge_needs_the_numbers_and_most_words():
    cited = ["Russia has about 5,000 troops stationed in Armenia."]
    assert sentence_supported("About 5,000 Russian troops are stationed in Armenia.", cited)
    assert not sentence_supported("About 7,000 Russian troops are stationed in Armenia.", cited)
    assert not sentence_supported("Turkey sent drones to Azerbaijan in October.", cited)
    assert judge_sentences(answer("Uncited claim here.", [])) == (0, 1)


def test_harness_runs_the_real_pipeline(pipeline, tmp_path):
    subset = [json.loads(line) for line in DEV.read_text().splitlines()]
    picked = [r for r in subset if r["question"].startswith("How many Russian troops")]
    picked += [r for r in subset if not r["answerable"]][:1]
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in picked))
    summary, rows = run_eval(load_questions(path), lambda q, h: pipeline.ask(q, h))
    assert summary["questions"] == 2
    assert summary["answer_accuracy"] == 1.0 and summary["refusal_accuracy"] == 1.0
    assert summary["first_token_p50_s"] > 0


def test_a_conflict_note_is_judged_by_the_dates_each_side_cites():
    a = Citation(1, "a.txt", "T", 0, 10, "Azerbaijan suspended its measures on Sept. 13.", 0.9)
    b = Citation(
        2, "b.txt", "T", 0, 10, "On September 20, the ministry said the crackdown was suspended.", 0.9
    )
    body = "Azerbaijan suspended its measures on Sept. 13. [1] "
    right = (
        body + "The sources disagree on the date: “T” gives Sept. 13 [1], while TASS gives September 20 [2]."
    )
    wrong = (
        body + "The sources disagree on the date: “T” gives Sept. 13 [1], while TASS gives September 21 [2]."
    )
    assert judge_sentences(answer(right, [a, b])) == (2, 2)
    assert judge_sentences(answer(wrong, [a, b])) == (1, 2)


def test_retrieval_metrics_on_known_rankings():
    from rag.evaluate import retrieval_metrics

    items = [
        EvalItem("q1", ["x"], ["a.txt"], True),
        EvalItem("q2", ["x"], ["b.txt"], True),
        EvalItem("q3", [], [], False),  # unanswerable: not scored
    ]
    rankings = {"q1": ["a.txt", "c.txt"], "q2": ["c.txt", "c.txt", "b.txt"]}
    metrics = retrieval_metrics(items, lambda q, k: rankings[q][:k])
    assert metrics["questions"] == 2
    assert metrics["recall@1"] == 0.5 and metrics["recall@5"] == 1.0
    assert metrics["mrr"] == round((1 + 1 / 3) / 2, 3)
    assert metrics["ndcg@10"] == round((1 + 1 / np.log2(3)) / 2, 3)  # b.txt is 2nd distinct source


def test_hybrid_retrieval_finds_the_gold_article_on_the_dev_set(pipeline):
    from rag.evaluate import retrieval_metrics
    from rag.retrieve import Retriever

    items = load_questions(DEV)
    table = {
        mode: retrieval_metrics(
            items,
            lambda q, k, r=Retriever(pipeline.index, pipeline.embedder, mode): [
                p.chunk.source for p in r.search(q, k)
            ],
        )
        for mode in ("dense", "hybrid")
    }
    assert table["hybrid"]["recall@5"] >= 0.98
    assert table["hybrid"]["mrr"] >= table["dense"]["mrr"]
