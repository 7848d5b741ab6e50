"""The answer check: features that say whether a cited answer answers, and the fitted model."""

import json

import pytest

from rag.answerability import (
    DEFAULT_WEIGHTS,
    FEATURES,
    AnswerCheck,
    AnswerFeatures,
    counts_what_was_asked,
    coverage,
    kind_score,
)
from rag.condense import read_question

pytestmark = pytest.mark.fast  # no model, no index: the edit-test loop (pytest -m fast)


def test_how_many_needs_a_quantity_of_the_thing_asked():
    question = read_question("How many peacekeepers were killed in the attack?")
    assert counts_what_was_asked(question, "Five peacekeepers were killed, the ministry said.")
    assert not counts_what_was_asked(question, "Peacekeepers evacuated scores of residents after the attack.")
    assert kind_score(question, "Peacekeepers evacuated scores of residents after the attack.") == 0.5
    assert kind_score(question, "The attack was condemned.") == 0.0
    # not a "how many" question: nothing to count
    assert counts_what_was_asked(read_question("Who led the talks?"), "The talks were led by Ana Ruiz.")


def test_coverage_counts_what_the_question_is_about():
    focus = read_question("Where did the ministers gather?").focus
    assert coverage(focus, "The ministers gathered in Almaty.") == 1.0
    assert coverage(focus, "The weather was cold.") == 0.0


def test_the_shipped_weights_match_the_features_and_decide_both_ways():
    check = AnswerCheck.load()
    good = AnswerFeatures(0.7, 0.7, 1.0, 1.0, 1.0, 1.0, 0.9, 0.0, 0.0)
    bad = AnswerFeatures(0.3, 0.2, 0.0, 0.1, 0.0, 0.0, 0.5, 1.0, 1.0)
    assert check.accepts(good) and not check.accepts(bad)
    assert json.loads(DEFAULT_WEIGHTS.read_text())["features"] == FEATURES


def test_weights_fitted_on_other_features_are_refused(tmp_path):
    path = tmp_path / "w.json"
    path.write_text(
        json.dumps(
            {
                "features": ["relevance"],
                "mean": [0],
                "scale": [1],
                "weights": [1],
                "bias": 0,
                "threshold": 0.5,
            }
        )
    )
    with pytest.raises(ValueError, match="other features"):
        AnswerCheck.load(path)
