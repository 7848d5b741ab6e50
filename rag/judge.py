"""Judge: ask a local model how likely a passage states a claim, when word tests cannot tell.

The draft check (`rag.check`) decides most sentences with its own tests: a claim is supported
when a passage states it (its values, names and clause order), or restates it closely enough.
A reworded claim ("astatine is the scarcest element" / "the rarest naturally occurring
element") can fall just below the restating threshold with every value and name in place. For
those only, the model reads the passage and the claim and answers Yes or No; the probability of
Yes (from its next-token probabilities, nothing sampled) must be high for the claim to count
as supported. The 0.5B answer model cannot tell (its Yes probability was 0.25-0.57 whatever
the claim, on the calibration claims), so the judge is the 1.5B model (BENCHMARKS.md).

The same model tells the writer's own judgement from a report (`StatementJudge.opinion`). Word
lists of opinion phrases caught 77% of the opinions of the drafts they were written from and 55%
of those written later; the model ranks opinions above reports whatever their words, though not
sharply enough for every sentence, so the draft check asks it only about sentences no article
states, against a threshold fitted on the calibration claims (BENCHMARKS.md).
"""

from __future__ import annotations

from rag.generate import Generator

SYSTEM = "You check whether a news text supports a statement. Answer Yes or No."
OPINION_SYSTEM = (
    "You read sentences from a news draft. Some neutrally report facts: events, figures, dates, "
    "names, or what somebody said. Others give the writer's own opinion: calling something good or "
    "bad, right or wrong, praising, blaming, or saying what should happen. Answer Report or Opinion."
)


def judge_messages(text: str, claim: str) -> list[dict]:
    return [
        {"role": "system", "content": SYSTEM},
        {
            "role": "user",
            "content": f"Text: {text}\n\nStatement: {claim}\n\nDoes the text state that? Answer Yes or No.",
        },
    ]


def opinion_messages(sentence: str) -> list[dict]:
    return [
        {"role": "system", "content": OPINION_SYSTEM},
        {"role": "user", "content": f"Sentence: {sentence}"},
    ]


class StatementJudge:
    """How likely ``text`` states ``claim``, in the judging model's own words (0..1)."""

    def __init__(self, generator: Generator):
        self.generator = generator

    def probability(self, text: str, claim: str) -> float | None:
        """None when the model cannot answer (a served model, a prompt too long for it)."""
        return self.generator.first_word_probability(judge_messages(text, claim), "Yes", "No")

    def opinion(self, sentence: str) -> float | None:
        """How likely ``sentence`` is the writer's own judgement rather than a report (0..1; a
        ranking more than a probability: the model says "Report" to most sentences)."""
        return self.generator.first_word_probability(opinion_messages(sentence), "Opinion", "Report")
