"""The judging model: how likely a text states a claim, from its next-token probabilities."""

from __future__ import annotations

import pytest

from rag.generate.base import Generator
from rag.judge import StatementJudge
from rag.models import resolve_model
from rag.settings import Settings
from tests.conftest import TEST_MODEL, make_settings

TEXT = (
    "The bridge, which opened in 1932, carries eight lanes of traffic across the harbour, "
    "the city council said on Tuesday."
)


@pytest.fixture(scope="module")
def judge(pipeline) -> StatementJudge:
    """The checking model the settings name (the 1.5B model), loaded as the draft check loads it."""
    model = Settings.model_fields["check_model"].default
    return StatementJudge(pipeline.with_options(model=model, generator="local").generator)


def test_a_reworded_statement_is_likely_and_a_changed_or_absent_one_is_not(judge):
    reworded = judge.probability(
        TEXT, "Eight lanes of traffic cross the harbour on the bridge, opened in 1932."
    )
    changed = judge.probability(TEXT, "The bridge carries four lanes of traffic across the harbour.")
    absent = judge.probability(TEXT, "The bridge will close for repairs next year.")
    assert reworded >= 0.85 > 0.5 > max(changed, absent)


def test_the_writers_opinion_ranks_above_a_report(judge):
    from rag.check import OPINION_FROM

    opinions = [
        judge.opinion("The striking drivers have every right to be angry."),
        judge.opinion("No sensible government would sell its only deep-water port to a foreign bidder."),
    ]
    reports = [
        judge.opinion("Bus drivers walked out on Monday after talks on a 6 percent pay offer collapsed."),
        judge.opinion("The port was sold to a Singapore-based operator for 310 million dollars."),
    ]
    assert min(opinions) >= OPINION_FROM > max(reports)


def test_any_llama_model_answers_with_a_probability(tmp_path):
    from rag.generate import create_generator

    settings = make_settings(tmp_path, model=TEST_MODEL)
    generator = create_generator(settings, resolve_model(TEST_MODEL, settings.cache_dir))
    probability = StatementJudge(generator).probability(TEXT, "The bridge opened in 1932.")
    assert probability is not None and 0.0 <= probability <= 1.0
    # ...and the model still answers afterwards (the judge replaced its prompt cache).
    assert "".join(generator.stream([{"role": "user", "content": "Say yes."}], 4, 0.0)).strip()


def test_reading_only_what_a_prompt_does_not_share_gives_the_same_probability(tmp_path):
    from rag.generate import create_generator

    settings = make_settings(tmp_path, model=TEST_MODEL)
    generator = create_generator(settings, resolve_model(TEST_MODEL, settings.cache_dir))
    claims = [
        "The bridge opened in 1932.",
        "The bridge carries four lanes.",
        "The bridge carries four lanes.",
    ]
    reused = [StatementJudge(generator).probability(TEXT, claim) for claim in claims]
    fresh = []
    for claim in claims:
        generator.llm.reset()  # nothing cached: the whole prompt is read
        fresh.append(StatementJudge(generator).probability(TEXT, claim))
    # The same up to rounding: a prompt read in other batches sums its numbers in another order.
    assert reused == pytest.approx(fresh, abs=0.01)
    assert reused[0] != pytest.approx(reused[1], abs=0.01)  # and each prompt is its own
    # An answer after a judged prompt is the answer of a fresh model.
    ask = [{"role": "user", "content": "Name a colour."}]
    after_judge = "".join(generator.stream(ask, 8, 0.0))
    generator.llm.reset()
    assert "".join(generator.stream(ask, 8, 0.0)) == after_judge


def test_a_backend_without_probabilities_says_so():
    class Served(Generator):
        def stream(self, messages, max_tokens, temperature):
            yield "Yes"

        def count_tokens(self, text):
            return len(text.split())

    assert StatementJudge(Served()).probability(TEXT, "The bridge opened in 1932.") is None
    assert StatementJudge(Served()).opinion("The bridge is a disgrace.") is None
