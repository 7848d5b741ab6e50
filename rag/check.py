"""Check a draft against the archive: each sentence supported, contradicted, mixed or not found.

A reporter's paragraph is split into sentences (`rag.text.split_sentences`, offsets into the
draft). Questions, opinions and headings are ``not_a_claim`` (`rag.claims`), and so is a
sentence no article states that the judging model reads as the writer's own judgement. For every
other sentence the archive is searched (`Pipeline.search`, hybrid, near-duplicates collapsed) and each
sentence of the passages found is weighed twice:

* **support**: the answer citation check (`rag.cite`): meaning plus shared words, every number
  and name of the claim present in that part of the passage (a number in words or digits, a date
  told by the article's "yesterday" or a yearless "March 14"), and the claim stated there
  (clause order, negation, numbers bound to their nouns) or, for a paraphrase, a higher score.
  The citation quotes the supporting sentences' exact span and names the other outlets that
  carry the same statement (`rag.cite.add_other_sources`).
* **contradiction**: the claim and the passage sentence say the same thing except for a value:
  the claim's other words are in the sentence (in any order: speech is reported either way
  round), and the one value of the claim the passage lacks faces a value of the same kind in the
  sentence: a number, a date or weekday, or a name (who said it). Those two are ``differs``. A
  sentence worded otherwise contradicts a number when it gives another for what the claim's
  counts, in an article about the claim's subject that gives the claim's figure nowhere.
  `rag.values` reads a sentence's values and finds the one that differs; `rag.speakers` tells who
  speaks and when two names are the same one written another way. A quote the claim gives to one
  speaker and the passage to another ("...," he said, after another speaker) differs too.

A sentence one article states and another contradicts, or whose date (`rag.conflicts`) or figure
of the same thing another article gives differently, is ``mixed``, citing both, when that
article names most of what the claim names (`rag.outlets`; `rag.readings` holds what both read).
Words decide most sentences; a window they leave undecided, with every value and name of the
claim in place, is read by a judging model (`rag.judge`), alone and then with its whole passage, under the article's headline, and so is a
reworded claim with one value (a figure, a date, a name, the speaker of a quote) changed, with
the source's value put back. A claim joining facts from sentences further apart is read with its
whole passage when that passage holds every value and name of the claim and most of its words,
or with the sentences of its article elsewhere that give the values it lacks (the opening's
figure, a later detail); a claim naming its speaker never is (a passage would lend anybody's
words), but its reported words alone may find a quote the article gives to somebody else, even
when the article never names the claim's speaker. A compound claim nothing states whole is
checked clause by clause (`rag.clauses`), each clause in a window of one article. A window
giving another place or person in the claim's stretch of words contradicts it, though its
article names the claim's elsewhere. A claim still unfound gets one last look: the judging model
reads the closest sentences giving another value with the source's value put back. Every verdict
other than ``not_found`` carries a citation this module verified. Thresholds are fitted on the
calibration halves of tests/data/claims_*.jsonl (BENCHMARKS.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

import numpy as np

from rag.cite import add_other_sources, content_words, sentence_support, stated
from rag.claims import claim_text, not_a_claim, reports_a_judgement
from rag.clauses import split_clauses
from rag.conflicts import source_label
from rag.differences import (
    another_name_in_place,
    counted_alike,
    deed_of_another,
    direction_swapped,
    holder_swapped,
    month_against_day,
    movement_swapped,
    named_beside_the_values,
    negations,
    noun_named_otherwise,
    opening_acronym,
    opening_word,
    part_of,
    placing_swapped,
    relation_swapped,
    without,
)
from rag.figures import (
    figures_as_given,
    measures_otherwise,
    shares_given,
    values_not_given,
)
from rag.judge import StatementJudge
from rag.models import ModelNotAvailable
from rag.opinions import OpinionReader
from rag.outlets import OtherOutlets, one_outlet
from rag.readings import (
    CANDIDATE_VALUES,
    CLOSEST_SENTENCES,
    CORRECTED_GAIN,
    UNITS,
    Found,
    counted_by,
    passage_sentences,
    with_next_sentence,
    with_previous_sentence,
)
from rag.speakers import (
    INTERVIEWED,
    abbreviates,
    chunk_names,
    crosses_speakers,
    distinguishing_word,
    heading_label,
    holder_of_another,
    introduced_as,
    name_keys,
    named_before_speech,
    own_speaker,
    quote_words,
    quoted_speaker,
    quoted_word_for_word,
    reported_speech,
    same_speaker,
    speaks_for,
    speech_orders,
    turn_label,
    turn_opening,
    turn_speaker,
)
from rag.text import dates_named, dates_told, days_named, split_sentences
from rag.tokens import (
    Token,
    initials,
    is_loose_number,
    is_ordinal_word,
    number_keys,
    runs,
    stated_values,
    tokens,
)
from rag.types import Chunk, Citation, Passage, Span
from rag.values import (
    Difference,
    Differs,
    absent_values,
    counts_alike,
    counts_given_otherwise,
    days_given_as_counts,
    differing_value,
    rounds_the_other,
    values_across_rows,
    without_publication_stamp,
)

SUPPORTED = "supported"
CONTRADICTED = "contradicted"
MIXED = "mixed"
NOT_FOUND = "not_found"
NOT_A_CLAIM = "not_a_claim"
VERDICTS = (SUPPORTED, CONTRADICTED, MIXED, NOT_FOUND, NOT_A_CLAIM)

# Fitted on the calibration halves (bench: `rag eval tests/data/claims_*.jsonl --check --split calibration`).
SEARCH_K = 6  # passages searched per sentence
STATED_SUPPORT = 0.5  # support score needed when the passage states the claim (as `rag.cite`)
PARAPHRASE_SUPPORT = 0.8  # ... and when it holds the claim's facts in other words
WORDS_HELD = 0.5  # ... and more than this share of its words that are no names (set a priori)
# A window below PARAPHRASE_SUPPORT but at least JUDGE_FROM, with the claim's values, names and
# negations in place, is left to the judging model (rag.judge): supported when its Yes is this sure.
JUDGE_FROM = 0.5
JUDGE_YES = 0.7
# ... and so is a window from this score that gives two or more of the claim's figures, and all its
# numbers and dates, itself (reworded claims are missed at window scores near 0.3; two figures in
# place say which sentence).
FIGURES_JUDGE_FROM = 0.3
# How many articles' best undecided windows the judging model reads, best first: an outlet wording
# the claim as the claim does may rank below one giving the story's headline figures. Beyond the
# first, the window is read alone and the model must be as sure as for a whole passage (PASSAGE_YES).
UNDECIDED_ARTICLES = 2
# A claim with the source's value put back in place of its own (a changed figure, name or speaker)
# is contradicted only when the model is surer: a Yes there turns a claim against its source.
CORRECTED_YES = 0.85
# ... or, less sure (from PREFERRED_YES), when it prefers the source's number or date by
# PREFERRED_GAIN: the model ranks two readings better than it judges one ("lying seven metres
# below the surface" at 0.68 against the claim's "12 metres" at 0.23). For a name only when both
# are names of two words or more and the source's stands where the claim's stands
# (`_full_names_in_place`): the model reads past a single word ("Health analysis tied the
# bacteria ..." preferred to the claim's "DNA analysis"). Fitted on the calibration halves' readings.
PREFERRED_YES = 0.5
PREFERRED_GAIN = 0.3
# A claim joining facts from sentences of one passage further apart than a window ("Founded in 1537
# ..., Recife is nicknamed ...") is read by the model with its whole passage, when the passage
# holds every number and name of the claim and most of its words: supported only when the model
# is this sure.
PASSAGE_YES = 0.8
PASSAGE_WORDS = 0.6
# ... or with the sentences of its article elsewhere that give the values it lacks, this many at most.
ARTICLE_SENTENCES = 2
# A sentence no article states is an opinion when the judging model's "Opinion" (against "Report") is
# this likely (`rag.judge.StatementJudge.opinion`): facts no article states reach 0.17 rarely, plain
# opinions often stay below 0.5, so this ranks more than it measures.
OPINION_FROM = 0.17
SAME_EVENT = 0.6  # share of the claim's other content words the contradicting sentence lines up
MIN_EVENT_SIMILARITY = 0.5  # cosine between the claim and a contradicting sentence
# ... or this, for a long sentence telling more that lines up `LINED_UP_SHARE` of the claim's words
# and gives its value where the claim has its own
LINED_UP_SIMILARITY = 0.4
LINED_UP_SHARE = 0.75
REWORDED_SHARE = 0.3  # ... and the least share for the judging model to weigh a changed figure
# ... or for a figure of what the claim counts, in this many of the same words, to contradict it
SAME_COUNT_WORDS = 2
SAME_SUBJECT = 0.6  # share of the claim's names the other article must give, for its date or figure

Embed = Callable[[list[str]], np.ndarray]


@dataclass
class SentenceCheck:
    """The verdict on one sentence of the draft (``start``/``end``: offsets into the draft)."""

    sentence: str
    start: int
    end: int
    verdict: str
    citations: list[Citation] = field(default_factory=list)
    differs: Differs | None = None
    reason: str = ""  # one line a reader understands: why this verdict

    def to_json(self) -> dict:
        data = {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "verdict": self.verdict,
            "citations": [c.to_json() for c in self.citations],
            "reason": self.reason,
        }
        if self.differs is not None:
            data["differs"] = self.differs.to_json()
        return data


# --- the check -------------------------------------------------------------------------------


class DraftChecker:
    """Checks sentences against one pipeline's archive (its index, embedder and search)."""

    def __init__(self, pipeline, search_filter=None):
        self.pipeline = pipeline
        self.search_filter = search_filter
        self.embed: Embed = pipeline.embedder.embed_cached
        self.tone = OpinionReader.for_embedder(pipeline.embedder)  # None: word lists alone
        self._judge: StatementJudge | None = None
        self.judge_note = ""  # why no model weighs reworded claims, once that is known
        self._articles: dict[str, str] = {}
        self._article_name_keys: dict[str, set[str]] = {}
        self._article_header: dict[str, str] = {}
        self.outlets = OtherOutlets(
            pipeline.search,
            search_filter,
            self.embed,
            self._similarity,
            self._about_claim,
            self.judge,
            SEARCH_K,
            self._article,
        )

    def judge(self) -> StatementJudge | None:
        """The model that weighs reworded claims (`rag.judge`), loaded at its first use."""
        if self._judge is None and not self.judge_note:
            name = self.pipeline.settings.check_model_or_none
            if name is None:
                self.judge_note = "no model weighs reworded claims (RAG_CHECK_MODEL=none)"
                return None
            try:
                generator = self.pipeline.with_options(model=name, generator="local").generator
            except (ModelNotAvailable, RuntimeError) as exc:
                self.judge_note = f"no model weighs reworded claims: {exc}"
                return None
            self._judge = StatementJudge(generator)
        return self._judge

    def sentences(self, draft: str) -> list[Span]:
        return split_sentences(draft)

    def check_draft(
        self,
        draft: str,
        progress: Callable[[int, int], None] | None = None,
    ) -> Iterator[SentenceCheck]:
        """Each sentence's verdict, in order, as it is decided (stop iterating to stop)."""
        spans = self.sentences(draft)
        for done, span in enumerate(spans):
            yield self.check_sentence(draft[span.start : span.end], span.start, span.end)
            if progress:
                progress(done + 1, len(spans))

    def check_sentence(self, sentence: str, start: int = 0, end: int | None = None) -> SentenceCheck:
        end = len(sentence) if end is None else end
        result = SentenceCheck(sentence, start, end, NOT_FOUND)
        why = not_a_claim(sentence, self.tone)
        if why:
            result.verdict, result.reason = NOT_A_CLAIM, why
            return result
        claim = claim_text(sentence)
        passages = self._passages(claim)
        if not passages:
            return self._not_found(result, claim, "no article comes close")
        support, misquote = self._support(claim, passages)
        contradictions = self._contradictions(claim, passages)
        if not contradictions and misquote is not None:
            contradictions = [misquote]  # the passage says it, but somebody else said it
        if support is not None and any(_undoes(c, support) for c in contradictions):
            support = None
        if support is not None:
            source = support.passage.chunk.source
            cited = support.citation(1).text
            against = [
                c
                for c in contradictions
                if not one_outlet(support.passage.chunk, c[0].passage.chunk)
                and self._about_claim(claim, c[0].passage.chunk.source, c[1].differs)
                and not (
                    c[1].differs.kind == "number"
                    and self.outlets.tells_both_parts(
                        source,
                        cited,
                        c[0].passage.chunk.source,
                        c[0].citation(1).text,
                        c[1].differs.draft,
                        c[1].differs.source,
                    )
                )
            ]
            result.citations = support.citations()
            add_other_sources(result.citations, passages, self.embed)
            if against:
                found, difference = against[0]
                result.verdict = MIXED
                result.citations.append(found.citation(len(result.citations) + 1))
                result.differs = difference.differs
                result.reason = (
                    f"{source_label(result.citations[0])} states it; "
                    f"{source_label(result.citations[-1])} gives {difference.differs.source}"
                )
                return result
            conflict = self.outlets.date_conflict(
                claim, result.citations[0], passages
            ) or self.outlets.figure_conflict(claim, result.citations[0], passages)
            sure = None  # how sure the judging model is, when it found the other outlet's value
            if conflict is None:
                judged = self.outlets.judged(claim, result.citations[0], passages)
                if judged is not None:
                    citation, differs, sure = judged
                    conflict = (citation, differs)
            if conflict is not None:
                result.verdict = MIXED
                result.citations.append(replace(conflict[0], n=len(result.citations) + 1))
                result.differs = conflict[1]
                what = "date" if conflict[1].kind == "date" else "figure"
                result.reason = (
                    f"{source_label(result.citations[0])} states it; "
                    f"{source_label(result.citations[-1])} gives another {what}: {conflict[1].source}"
                )
                if sure is not None:
                    result.reason += f" (in other words: the checking model is {sure:.0%} sure)"
                return result
            result.verdict = SUPPORTED
            result.reason = f"stated by {source_label(result.citations[0])}"
            if support.judged is not None:
                result.reason += f" (in other words: the checking model is {support.judged:.0%} sure)"
            return result
        if contradictions:
            found, difference = contradictions[0]
            stating = self.outlets.value_stated_elsewhere(claim, found, difference, passages)
            if stating is None:
                return _contradicted(result, found, difference)
            result.verdict = MIXED
            result.citations = [stating, found.citation(2)]
            result.differs = difference.differs
            result.reason = (
                f"{source_label(stating)} gives {difference.differs.draft}; "
                f"{source_label(result.citations[1])} gives {difference.differs.source}"
            )
            return result
        by_clause = self._clause_by_clause(claim, passages)
        if by_clause is not None:
            result.verdict, result.citations, result.differs, result.reason = by_clause
            if result.verdict == SUPPORTED:
                add_other_sources(result.citations, passages, self.embed)
            return result
        judged = self._judged_difference(claim, passages)
        if judged is not None:
            return _contradicted(result, *judged)
        return self._not_found(result, claim, "the closest articles do not state it")

    def _not_found(self, result: SentenceCheck, claim: str, reason: str) -> SentenceCheck:
        """Not found, unless the judging model reads the sentence as the writer's own judgement:
        an opinion no stock phrase gives away ("the blockade was a cruel way to starve a
        population into submission"). Asked only here, where no article states the sentence: a sentence some
        article states or contradicts is a fact whatever the model says, and a reported
        judgement is what somebody said."""
        judge = self.judge() if not reports_a_judgement(claim) else None
        opinion = judge.opinion(claim) if judge is not None else None
        if opinion is not None and opinion >= OPINION_FROM:
            result.verdict = NOT_A_CLAIM
            result.reason = (
                "an opinion: no article states it, and the checking model reads it as the writer's judgement"
            )
        else:
            result.reason = reason
        return result

    # --- steps ---------------------------------------------------------------------------
    def _passages(self, claim: str) -> list[Passage]:
        """The passages found for the claim and their collapsed duplicates (other outlets)."""
        found = self.pipeline.search(claim, SEARCH_K, self.search_filter)
        # "Fairleigh said the scheme comes a season too late": the speaker's name pulls in his own
        # passages, so the passage giving those words to somebody else is searched for by the words.
        reported = reported_speech(claim) if name_keys(own_speaker(claim)) else ""
        if reported:
            seen = {p.chunk.id for p in found}
            found += [
                p
                for p in self.pipeline.search(reported, SEARCH_K, self.search_filter)
                if p.chunk.id not in seen
            ]
        extra = [Passage(d, p.score) for p in found for d in p.duplicates]
        return found + extra

    def _support(
        self,
        claim: str,
        passages: list[Passage],
        whole_passage: bool = True,
        lead: Found | None = None,
    ) -> tuple[Found | None, tuple[Found, Difference] | None]:
        """The passage window that states the claim best, if any states it; and, when the best
        window that states it quotes somebody else than the claim's speaker, or names another
        person or place where the claim's name stands, that misquote.

        Scored by the answer check (`rag.cite`), where a name may come from anywhere in the same
        passage ("The event raised $170,000" is about the marathon the article named first), while
        numbers, dates and weekdays must be in the window or the sentence before it.
        ``whole_passage``: whether a claim no window states may be read with its whole passage (not
        for one clause of a compound claim). ``lead``: what stated the claim's earlier clause, read
        before a window of the same article that the words leave undecided.
        """
        speaker_keys = name_keys(own_speaker(claim))
        # "Minister Bob Debus said X" where the article never names Debus: X alone may find the
        # words the article gives to somebody else (a misquote, never a support).
        reported = reported_speech(claim) if speaker_keys else ""
        scores, windows = sentence_support(
            [claim, reported] if reported else [claim],
            [self._with_article_names(p) for p in passages],
            self.embed,
            told_otherwise=True,
        )
        # An ordinal word or "one" is compared when it differs ("fifth-largest"), but not required
        # here: "first" is as often "at first" as a rank, "one way" no count.
        claim_side = tokens(claim)
        claim_values = stated_values(claim_side)
        claim_keys = {t.key for t in claim_side}
        claim_numbers = {t.key for t in claim_side if t.kind == "number" and not is_loose_number(t.text)}
        claim_quote = quote_words(claim)
        claim_negations = negations(claim, claim_keys)
        acronym = opening_acronym(claim)  # the one name the answer check leaves out (its first word)
        best: Found | None = None
        # each article's best window only the judge can settle: the window, its text, and the text
        # read with the sentence before it (for the dates its weekdays tell)
        undecided: dict[str, tuple[Found, str, str]] = {}
        misquote: tuple[Found, Difference] | None = None
        reworded_quotes: list[tuple[Found, Difference]] = []  # misquotes only the judge can tell
        swap: tuple[Found, Difference] | None = None  # a window with another name in the claim's place
        for p, passage in enumerate(passages):
            if acronym and acronym not in name_keys(self._article_header[passage.chunk.source]):
                continue  # "KPMG partner John Gibbons" where the article's firm is another
            passage_names = chunk_names(passage.chunk)
            spans = passage.chunk.sentences or [Span(passage.chunk.start, passage.chunk.end)]
            for w, window in enumerate(windows[p]):
                score = float(scores[0, p, w])
                speaker_unnamed = bool(reported) and score < STATED_SUPPORT
                if speaker_unnamed:
                    score = float(scores[1, p, w])
                # A window sharing too few words may still give the claim's figures, and all its
                # other numbers and dates, itself ("The trial lasted seven months and heard 42
                # witnesses", "Prosecutors had asked for 12 years" for "had pushed for a dozen
                # years"): the judge's.
                counted_only = score < STATED_SUPPORT
                if (best and score <= best.score) or (
                    counted_only and (score < FIGURES_JUDGE_FROM or not claim_numbers)
                ):
                    continue
                # A page's publication stamp glued to its first sentence dates no event of it.
                text = without_publication_stamp(" ".join(passage.chunk.quote(s) for s in window))
                if counted_only and values_not_given(claim, claim_values, text):
                    continue  # every value its own, not lent by the sentence before or the dateline
                if values_across_rows(claim_values, text):
                    continue  # "| 2023 | 63.9 |" and "| 2024 | 54.2 |" for "63.9 million in 2024"
                k = spans.index(window[0])
                before = without_publication_stamp(passage.chunk.quote(spans[k - 1])) if k else ""
                near = f"{before} {text}"
                days = days_named(near, passage.chunk.date)  # "today": Monday
                # "yesterday" of 12 June: "Thursday 11 June 2026", when the claim gives that date
                days = f"{days} {dates_told(claim, dates_named(near, passage.chunk.date))}"
                around = f"{passage.chunk.title} {before} {text} {days}"
                around_side = tokens(around)
                otherwise = counts_given_otherwise(claim, claim_side, [(around, around_side)])  # "Saturday 8"
                # given in other words: "two months" / "60 days", "over 600" / "610"
                lacking = values_not_given(
                    claim,
                    claim_values,
                    around,
                    around_side,
                    {t.key for t in claim_side if t.start in otherwise},
                )
                if (
                    lacking
                    or measures_otherwise(claim, around)
                    # a day of the claim's date given only as a count, in digits or in words ("the
                    # two-dose vaccine" beside "20 October" for "2 October"): no date of the window's
                    or days_given_as_counts(claim_side, around, around_side)
                ):
                    continue  # "nine post-Soviet states" where the passage says six; "six weeks" for months
                if not shares_given(claim, around):
                    continue  # "keep a quarter of Chaski" where the window gives the buyer's 60 per cent
                if len(claim_quote & content_words(text)) * 2 < len(claim_quote):
                    continue  # the claim's direct quote is not in this window
                orders = [reported] if speaker_unnamed else speech_orders(claim)
                # A window read only for its figures is never taken as stated: the judge's to read.
                said = not counted_only and any(
                    stated(without(c, text, passage_names, days), text) for c in orders
                )
                same_negation = negations(text, claim_keys) == claim_negations
                # Shared names with little else ("Police seized Holt's cabin at Lake Orm" against
                # "the money went on Holt's cabin at Lake Orm") are the judge's to read.
                held = _holds_its_words(claim, claim_side, text)
                stating = held and (said or (score >= PARAPHRASE_SUPPORT and same_negation))
                # Only a window that could support the claim, stated or for the judge, is asked who speaks.
                other = (
                    self._said_by_another(claim, speaker_keys, passage, window)
                    if stating or same_negation
                    else None
                )
                if other is not None:  # the window quotes somebody else than the claim's speaker
                    if stating and (misquote is None or score > misquote[0].score):
                        misquote = (replace(other[0], score=score), other[1])
                    elif same_negation:
                        reworded_quotes.append((replace(other[0], score=score), other[1]))
                    continue
                spoken = self._turn_by(speaker_keys, passage.chunk, window) if speaker_keys else None
                if speaker_unnamed and spoken is None:
                    continue  # the article's words, but not the claim's speaker's: no support
                if spoken is not None:  # a transcript's turn by the claim's speaker, cited from its label on
                    window = spans[spoken : spans.index(window[-1]) + 1]
                    text = " ".join(passage.chunk.quote(s) for s in window)  # what a judge reads
                swapped = (
                    self._name_swapped(claim, claim_values, passage, text, f"{passage.chunk.title} {before}")
                    or direction_swapped(claim, text)
                    or movement_swapped(claim, text)
                    or relation_swapped(claim, text)
                    or holder_swapped(claim, text, self._article(passage.chunk.source))
                    or deed_of_another(claim, text)
                    or placing_swapped(claim, text)
                    if stating or same_negation
                    else None
                )
                if swapped is not None:  # the window names another where the claim's name stands
                    if swap is None or score > swap[0].score:
                        swap = (Found(passage, window, score), swapped)
                    continue
                placed = None  # "Her neighbour Lena Vos ... Her daughter Berit Vos": names, not who is who
                if stating:
                    article = f"{passage.chunk.title} {self._article(passage.chunk.source)} {days}"
                    placed = another_name_in_place(claim, text, article)
                if placed is not None:
                    if placed.share >= SAME_EVENT and (swap is None or score > swap[0].score):
                        swap = (Found(passage, window, score), placed)  # the sentence says the rest of it
                    continue
                if stating:
                    best = Found(passage, window, score)
                elif (
                    (score >= JUDGE_FROM or counted_only)
                    and same_negation
                    and (
                        passage.chunk.source not in undecided
                        or score > undecided[passage.chunk.source][0].score
                    )
                ):
                    undecided[passage.chunk.source] = (Found(passage, window, score), text, near)
        ranked = sorted(undecided.values(), key=lambda item: -item[0].score)
        for rank, (found, text, near) in enumerate(ranked[:UNDECIDED_ARTICLES] if best is None else ()):
            # The judge reads the date the window tells by its weekday, as the word tests did
            # ("handed in on Friday" is no "Friday, 20 August" to it otherwise), the one its tense
            # gives: a past "on Thursday" is not the Thursday ahead. Read only for the windows judged.
            told = dates_told(claim, dates_named(near, found.passage.chunk.date, by_tense=True))
            text = f"{text} ({told})" if told else text
            if lead and lead.passage.chunk.source == found.passage.chunk.source:
                stated_first = " ".join(lead.passage.chunk.quote(s) for s in lead.spans)
                if stated_first not in text:
                    text = f"{stated_first} {text}"  # the earlier clause's sentences name its subject
            # A further article's window must convince alone, as sure as a whole passage must.
            sure, widen = (JUDGE_YES, True) if rank == 0 else (PASSAGE_YES, False)
            best = self._judged(claim, found, text, sure, titled=not speaker_keys, widen=widen)
            if best is not None:
                break
        if (
            best is None
            and misquote is None
            and not reworded_quotes
            and swap is None  # a whole passage would lend the claim's name from elsewhere
            and not speaker_keys
            and whole_passage
        ):
            # Who said it is the window's to tell; a whole passage would lend anybody's words.
            tried = ranked[0][0].passage.chunk if ranked else None
            best = self._judged_passage(claim, passages, tried)
        if best is None and misquote is None and reworded_quotes:
            misquote = self._judged_misquote(claim, reworded_quotes)
        if best is not None and swap is not None and self._swap_outweighs(claim, best, swap):
            best = None
        if best is None and misquote is None:
            misquote = swap  # unless another window of the archive states it with the claim's name
        return best, misquote

    def _clause_by_clause(
        self, claim: str, passages: list[Passage]
    ) -> tuple[str, list[Citation], Differs | None, str] | None:
        """A compound claim no window states whole ("weighs 118 kg and carries a camera with a
        resolution of three metres"), checked clause by clause (`rag.clauses`): supported when one
        article states every clause, each in a window of its own (never a whole passage), and holds
        every number and name of the claim; contradicted when it states all clauses but one and
        gives that one with a value changed. A claim naming its speaker is split only when every
        clause keeps who said it ("A and B, a spokeswoman said")."""
        parts = split_clauses(claim)
        speaker = own_speaker(claim)
        if len(parts) < 2 or any(own_speaker(part) != speaker for part in parts):
            return None
        supports: list[Found] = []
        against: tuple[Found, Difference] | None = None
        seen = {p.chunk.id for p in passages}
        for part in parts:
            searched = passages + [p for p in self._passages(part) if p.chunk.id not in seen]
            lead = supports[0] if supports else None  # the first clause stated
            support, _ = self._support(part, searched, whole_passage=False, lead=lead)
            if support is not None:
                supports.append(support)
                continue
            contradictions = self._contradictions(part, searched) if against is None else []
            if not contradictions:
                return None  # a clause the archive neither states nor contradicts
            against = contradictions[0]
        found = supports + ([against[0]] if against else [])
        sources = {f.passage.chunk.source for f in found}
        if len(sources) != 1 or not supports:
            return None  # each clause from another article: nothing says they belong together
        source = sources.pop()
        absent = absent_values(claim, f"{self._article_header.get(source, '')} {self._article(source)}")
        if against is None and absent:
            return None
        if against is not None:
            if any(t.text not in against[1].differs.draft for t in absent):
                return None
            citation = against[0].citation(1)
            differs = against[1].differs
            return (
                CONTRADICTED,
                [citation],
                differs,
                f"{source_label(citation)} states the rest but gives {differs.source}, not {differs.draft}",
            )
        citations: list[Citation] = []
        for f in supports:
            cited = f.citation(len(citations) + 1)
            if all((c.start, c.end) != (cited.start, cited.end) for c in citations):
                citations.append(cited)
        return SUPPORTED, citations, None, f"stated by {source_label(citations[0])}, clause by clause"

    def _judged_passage(self, claim: str, passages: list[Passage], tried: Chunk | None) -> Found | None:
        """The first passage holding most of the claim's words and every number and name of it (in
        any of their forms; its article's names count, as for a window), or whose article gives the
        ones it lacks in at most `ARTICLE_SENTENCES` sentences elsewhere (a claim joining the
        opening's figure to a later detail), if the judging model is sure the passage, with those
        sentences in the article's order, states it. ``tried``: the passage read for a window."""
        claim_words = content_words(claim)
        claim_values = stated_values(tokens(claim))
        for passage in passages:
            chunk = passage.chunk
            held = self._with_article_names(passage).chunk
            absent = absent_values(claim, f"{held.title} {without_publication_stamp(held.text)}")
            also = self._sentences_giving(claim, absent, passage) if absent else []
            if also is None:
                continue
            pieces = sorted(
                [(chunk.start, without_publication_stamp(chunk.text))]
                + [(f.spans[0].start, f.passage.chunk.quote(f.spans[0])) for f in also]
            )
            text = "\n".join(piece for _, piece in pieces)
            if len(claim_words & content_words(text)) < PASSAGE_WORDS * len(claim_words):
                continue  # the claim's subject, not what it says about it
            if not shares_given(claim, text) or measures_otherwise(claim, text):
                continue  # "a third of" where the passage gives other shares, "six weeks" for months
            if values_across_rows(claim_values, text):
                continue  # a table's 2023 revenue read with the 2024 row's year
            if chunk is tried and not also:
                return None  # read already, with the window the answer check found undecided
            found = Found(
                passage, chunk.sentences or [Span(chunk.start, chunk.end)], passage.score, also=also
            )
            return self._judged(claim, found, text, PASSAGE_YES, titled=True, widen=False)
        return None

    def _sentences_giving(self, claim: str, absent: list[Token], passage: Passage) -> list[Found] | None:
        """Sentences of the passage's article outside it that give the claim's values it lacks, the
        first giving each in the article's order; None when the article gives one nowhere, or only
        across more than `ARTICLE_SENTENCES` sentences."""
        chunk = passage.chunk
        missing = {t.start for t in absent}
        found: list[Found] = []
        for other in self._article_chunks(chunk.source):
            if other.id == chunk.id:
                continue
            for span in other.sentences or [Span(other.start, other.end)]:
                if chunk.start <= span.start < chunk.end or any(span == f.spans[0] for f in found):
                    continue  # the passage's own sentence (chunks overlap), or taken already
                sentence = without_publication_stamp(other.quote(span))
                given = {
                    t.start for t in absent if t.start in missing and counted_alike(claim, sentence, t.key)
                } - {t.start for t in absent_values(claim, sentence)}
                if given:
                    missing -= given
                    found.append(Found(Passage(other, passage.score), [span], passage.score))
                if not missing:
                    return found if len(found) <= ARTICLE_SENTENCES else None
        return None

    def _judged_misquote(
        self, claim: str, reworded: list[tuple[Found, Difference]]
    ) -> tuple[Found, Difference] | None:
        """A reworded quote the article gives to another speaker: a misquote when the judging model
        is sure that the sentences from the one naming that speaker to the quote state the claim
        with that speaker in place of the claim's. Sure without it when the claim quotes the words
        word for word, or gives its speaker the post the article gives the other ("Greta
        Fennimore, who chairs the transport committee, argued ..." where the chair is the other)."""
        reworded = sorted(reworded, key=lambda item: -item[0].score)  # the closest first
        texts = [" ".join(f.passage.chunk.quote(s) for s in f.spans) for f, _ in reworded]
        for (found, difference), text in zip(reworded, texts, strict=True):
            if quoted_word_for_word(claim, text):
                return found, difference  # the claim's own quoted words, in another's mouth
            article = self._article(found.passage.chunk.source)
            holder = holder_of_another(claim, article, article)
            if holder is not None and name_keys(holder.source) & name_keys(difference.differs.source):
                return found, difference  # the claim's speaker given the post of the one who said it
        (found, difference), text = reworded[0], texts[0]  # the judge reads the closest
        judged = self._judged_corrected(claim, difference, replace(found), text)
        if judged is None:
            return None
        return replace(found, judged=judged.judged), difference

    def _name_swapped(
        self, claim: str, claim_values: set[str], passage: Passage, text: str, context: str
    ) -> Difference | None:
        """A name of the claim that a window lacks where the window gives another in its place, in
        the same stretch of words ("a rally on Cathedral Square in Kelston" against "... in
        Ashbury"). Its article may name Kelston elsewhere, which lets the answer check pass (a
        passage's names count from anywhere in its article), but not here. Not when the article
        makes the two names one speaker ("Kremlin spokesman Dmitry Peskov") or one body speaking
        through its officer."""
        article = self._article(passage.chunk.source)
        difference = differing_value(claim, text, context, article=article)
        if (
            difference is None
            or difference.differs.kind != "name"
            or not difference.in_place
            or difference.share < SAME_EVENT
        ):
            return None
        differs = difference.differs
        if opening_word(claim, differs.draft):
            return None  # "Around 60 firefighters ...": a first word is capitalised; "Livia Dornescu said" names her
        if noun_named_otherwise(claim, differs.draft, text, differs.source):
            return None  # "a commuter coach" for the claim's "Greyline coach": its name left unsaid
        if named_beside_the_values(claim_values, text, differs.source):
            return None  # "Davide Ruscone's shot ... The holders were reduced to ten men in the 98th minute"
        own = {t.key for t in tokens(differs.draft)}
        if ({t.key for t in tokens(differs.source)} - own) & {t.key for t in tokens(claim)}:
            return None  # "US Magistrate Judith Dein refused to release him": the claim's magistrate
        if heading_label(differs.source, text, article):
            return None  # 'CLAIM: "..."' on a fact check's page: a heading, nobody in the claim's place
        speaker = own_speaker(text)
        if (
            abbreviates(differs.draft, differs.source)
            or (speaker and introduced_as(differs, speaker, article))
            or speaks_for(differs, article)
        ):
            return None
        return difference

    def _swap_outweighs(self, claim: str, best: Found, swap: tuple[Found, Difference]) -> bool:
        """Whether a swap undoes the window that states the claim: the two share a sentence, and
        the sentence giving the other name is closer to the claim in meaning than each sentence of
        the window giving the claim's. "The rally ... in Ashbury" outweighs "Nurses from Kelston
        will stop work" beside it; "India confined Pakistan's staff to New Delhi" does not outweigh
        "Pakistan will confine India's staff to Islamabad" after it."""
        found, difference = swap
        chunk = best.passage.chunk
        texts = [chunk.quote(s) for s in best.spans]
        draft_keys = {t.key for t in tokens(difference.differs.draft)}
        if best.judged is not None and not draft_keys <= {
            t.key for t in tokens(f"{chunk.title} {' '.join(texts)}")
        }:
            return True  # the model read the claim into a window that never gives its name
        if found.passage.chunk.id != chunk.id or not set(found.spans) & set(best.spans):
            return False  # another window states it with the claim's name
        own = [t for t in texts if draft_keys <= {k.key for k in tokens(t)}]
        other = [chunk.quote(s) for s in found.spans if difference.differs.source in chunk.quote(s)]
        if not own or not other:
            return bool(other)  # the claim's name lent by its article, not by the window
        closeness = self._similarity(claim, [*own, *other])
        return float(max(closeness[len(own) :])) > float(max(closeness[: len(own)]))

    def _said_by_another(
        self, claim: str, speaker_keys: set[str], passage: Passage, window: list[Span]
    ) -> tuple[Found, Difference] | None:
        """When the window sentence closest to a claim that names its speaker ("Williams said X")
        is somebody else's words ("X," he said, after "Faulkner says ..."; `quoted_speaker`): the
        sentences from the one naming that speaker to the quote, and the two speakers."""
        if not speaker_keys:
            return None
        chunk = passage.chunk
        spans = chunk.sentences or [Span(chunk.start, chunk.end)]
        texts = [chunk.quote(s) for s in spans]
        inside = [spans.index(s) for s in window]
        quoted = quote_words(claim)
        shared = {k: len(quoted & content_words(texts[k])) for k in inside} if quoted else {}
        given = [k for k in inside if shared.get(k, 0) * 2 > len(quoted)]
        if given:  # the sentence giving the claim's quote, not one about its speaker
            closest = max(given, key=shared.__getitem__)
        else:
            closest = inside[int(np.argmax(self._similarity(claim, [texts[k] for k in inside])))]
        # A pronoun's quote opening the chunk ('"...," she told the chamber') has its speaker
        # named in the chunk before: read its last sentences first.
        earlier = self._sentences_before(chunk)
        sentences, at = earlier + texts, len(earlier) + closest
        speaker = quoted_speaker(sentences, at)
        turn = "" if speaker else self._turn_speaker(chunk, spans[closest])
        speaker = speaker or turn
        claimed = own_speaker(claim)
        if not speaker or same_speaker(claimed, speaker, texts[closest]):
            return None
        if turn and re.search(rf"\b{re.escape(turn)}\b", claim):
            return None  # "Bertil Oakes of the Quiet Skies Group said": the clip's speaker, named in full
        if named_before_speech(speaker, claim):
            return None  # the claim's own subject, though `own_speaker` read its role for the speaker
        if not turn and not own_speaker(texts[closest]):
            # A pronoun's quote after an interview's opening ("Our reporter Ana Vik spoke to
            # boatman Sutto Ker, 58. He said ...") is the interviewee's as likely as the reporter's.
            named_at = next((k for k in range(at, -1, -1) if speaker in sentences[k]), at)
            interviewed = INTERVIEWED.search(sentences[named_at])
            if interviewed and same_speaker(claimed, speaker, sentences[named_at][interviewed.end() :]):
                return None
        # "..., the Kremlin spokesman stressed" is Peskov's when the article calls him that.
        differs = Differs(claimed, speaker, "name")
        article = self._article(chunk.source)
        if (
            introduced_as(differs, speaker, article)
            # the claim's "the Minister for Water Resources" for "the Water Resources Minister, Mireya
            # Tanvasi", when the article gives every name of the description ("the Tamsin Ports
            # Authority" is no "Kestrel Ports Authority (KPA)")
            or (
                name_keys(claimed) <= self._article_names(chunk.source)
                and introduced_as(Differs(speaker, claimed, "name"), claimed, article)
            )
            or speaks_for(differs, article)
            or abbreviates(differs.draft, speaker)  # "KPA says" for "the Kanzoro Ports Authority"
        ):
            return None
        if turn:  # cite the turn from its label on: "KROES: Then the budget is wrong. ... nothing."
            named = turn_opening(chunk, spans, closest)
        else:
            named = next((k for k in range(closest, -1, -1) if speaker in texts[k]), closest)
        return Found(passage, spans[named : closest + 1], 0.0), Difference(differs, 1.0)

    def _sentences_before(self, chunk: Chunk, count: int = 3) -> list[str]:
        """The article's last ``count`` sentences before ``chunk`` opens (chunks may overlap)."""
        earlier = {
            (span.start, span.end): other.quote(span)
            for other in self._article_chunks(chunk.source)
            for span in other.sentences
            if span.end <= chunk.start
        }
        return [earlier[key] for key in sorted(earlier)[-count:]]

    def _turn_by(self, speaker_keys: set[str], chunk: Chunk, window: list[Span]) -> int | None:
        """Where the transcript turn by the claim's speaker that holds the window opens (the index
        of its labelled sentence in the chunk); None when no sentence of the window is theirs."""
        spans = chunk.sentences or [Span(chunk.start, chunk.end)]
        for span in window:
            if name_keys(self._turn_speaker(chunk, span)) & speaker_keys:
                return turn_opening(chunk, spans, spans.index(span))
        return None

    def _turn_speaker(self, chunk: Chunk, span: Span) -> str:
        """Who speaks a transcript's sentence: its turn's label ("KROES: ..."), tied to a person by
        the article's other lines; '' outside transcripts."""
        label = turn_label(chunk.text, span.start - chunk.start)
        if not label:
            return ""
        lines = "\n".join(c.text for c in self._article_chunks(chunk.source))  # each chunk opens a line
        return turn_speaker(label, lines)

    def _judged(
        self,
        claim: str,
        found: Found,
        text: str,
        sure: float = JUDGE_YES,
        titled: bool = False,
        widen: bool = True,
    ) -> Found | None:
        """The undecided window, if the judging model is sure it states the claim: read alone, or
        (``widen``) with the rest of its passage (a claim joining two sentences a few lines apart).
        ``titled``: read under the article's headline, which names what its sentences leave
        implicit ("the council", "the fire"); never for who said it or a value put back, where a
        headline's names would lend the claim a speaker or a figure."""
        judge = self.judge()
        if judge is None:
            return None
        chunk = found.passage.chunk
        article = f"{chunk.title} {self._article(chunk.source)}"
        whole = without_publication_stamp(chunk.text)  # the page's stamp dates nothing it reports
        for read in (text, whole) if widen and whole.strip() != text.strip() else (text,):
            if (
                another_name_in_place(claim, read, article) is not None
                or deed_of_another(claim, read)
                or placing_swapped(claim, read)
            ):
                continue  # the model reads past names and places: no support for it to weigh
            headed = read
            if titled and chunk.title.strip() and chunk.title.strip() not in read:
                headed = f"{chunk.title.strip()}\n\n{read}"
            probability = judge.probability(headed, figures_as_given(claim, read))
            if probability is not None and probability >= sure:
                found.judged = probability
                if read is whole:  # the citation quotes what the model read
                    found.spans = chunk.sentences or [Span(chunk.start, chunk.end)]
                return found
        return None

    def _contradictions(self, claim: str, passages: list[Passage]) -> list[tuple[Found, Difference]]:
        """Passage sentences saying the same as the claim with one value changed, best first."""
        items = passage_sentences(passages)
        if not items:
            return []
        similarity = self._similarity(claim, [text for _, _, text, _ in items])
        claim_speaker = own_speaker(claim)
        claim_speaker_names = name_keys(claim_speaker)
        speaker_runs = [r for r in runs(tokens(claim_speaker)) if r[0].kind == "name"]
        speaker_keys = frozenset(t.key for t in speaker_runs[-1]) if speaker_runs else frozenset()
        found: list[tuple[float, Found, Difference]] = []
        reworded: list = []  # values changed in a claim too reworded for the word tests
        for (passage, span, text, context), cosine in zip(items, similarity):
            if cosine < LINED_UP_SIMILARITY:
                continue
            # The sentence's own names first: "Cheney says X" against "Hagel says X" differs even
            # when the article names Cheney further away; then the article's names ("The event
            # raised $170,000" is about the marathon it named first). A sentence that names its own
            # speaker ("..., the Kremlin spokesman stressed") is not lent the claim's speaker by its
            # neighbours: a name there is somebody else's.
            speaker = own_speaker(text)
            strict = speaker_keys if speaker else frozenset()
            article = self._article(passage.chunk.source)
            difference = differing_value(
                claim, text, context, strict=strict, article=article
            ) or differing_value(
                claim,
                text,
                context,
                chunk_names(passage.chunk) | self._article_names(passage.chunk.source),
                strict,
                passage.chunk.text,
                article=article,
            )
            if (
                difference is None
                or not counts_alike(claim, text, difference.differs)
                or rounds_the_other(claim, text, difference.differs)
            ):
                continue  # nothing differs, "6,000 students" / "15-year-old students", "almost 2,000" / 1,940
            if cosine < MIN_EVENT_SIMILARITY and not (
                difference.share >= LINED_UP_SHARE and difference.in_place
            ):
                # A long sentence telling more ("... when an overnight coach ... fell nearly 150
                # metres into the gorge, in ...") must line up the claim's words around its value.
                continue
            differs = difference.differs
            said_by = bool(name_keys(differs.draft) & claim_speaker_names)  # a who-said-it difference
            if crosses_speakers(differs, claim_speaker, speaker):
                continue
            if said_by and speaker and same_speaker(claim_speaker, speaker, text):
                continue  # "Head coach Manolis Karras" / "Porto Venna coach Manolis Karras": one person
            if differs.kind == "name" and not said_by:
                if opening_word(claim, differs.draft):
                    continue  # "Annual inflation eased": capitalised for opening the claim, no name
                # The article names them too (the claim joins two of its statements), or "US" is
                # "United States": not another name.
                named = self._article_names(passage.chunk.source)
                if distinguishing_word(differs.draft, differs.source) in named or abbreviates(
                    differs.draft, differs.source
                ):
                    continue
            if speaker and introduced_as(differs, speaker, article):
                continue  # "Kremlin spokesman Dmitry Peskov": the speaker described, the same person
            if said_by and speaks_for(differs, article):
                continue  # the trust speaking through its chief executive
            if difference.share < SAME_EVENT:
                if self._counts_the_same(claim, text, difference, passage.chunk.source):
                    found.append(
                        (difference.share + float(cosine), Found(passage, [span], float(cosine)), difference)
                    )
                elif _reworded_value(difference):
                    reworded.append((float(cosine), passage, span, difference))
                continue
            rank = difference.share + float(cosine)
            found.append((rank, Found(passage, [span], float(cosine)), difference))
        if not found and reworded:
            found += self._judged_value(claim, max(reworded, key=lambda item: item[0]))
        found.sort(key=lambda item: -item[0])
        return [(f, d) for _, f, d in found]

    def _counts_the_same(self, claim: str, text: str, difference: Difference, source: str) -> bool:
        """A number the sentence gives for what the claim counts, in `SAME_COUNT_WORDS` of the same
        words ("about 190 tonnes of marine diesel" / "The vessel has about 90 tonnes of marine
        diesel in its tanks"), in an article about the claim's subject that gives the claim's
        number nowhere: the same figure, though the sentence words the rest otherwise (at least
        `REWORDED_SHARE` of the claim's other words)."""
        differs = difference.differs
        if differs.kind != "number" or difference.share < REWORDED_SHARE:
            return False
        draft_keys, source_keys = number_keys(differs.draft), number_keys(differs.source)
        if part_of(claim, draft_keys) or part_of(text, source_keys):
            return False  # "Nine of those killed": a part, not the count
        if len((counted_by(claim, draft_keys) & counted_by(text, source_keys)) - UNITS) < SAME_COUNT_WORDS:
            return False
        article = self._article(source)
        for span in split_sentences(article):
            sentence = article[span.start : span.end]
            if any(t.key in draft_keys and counted_alike(claim, sentence, t.key) for t in tokens(sentence)):
                return False  # the article gives the claim's figure too: of something else, perhaps
        return self._about_claim(claim, source)

    def _judged_value(self, claim: str, candidate) -> list[tuple[float, Found, Difference]]:
        """A reworded claim with one value changed ("beat Razzano in 71 minutes" against "winning
        6-3, 6-4 in 62 minutes", or another magistrate's name): contradicted when the judging model
        is sure the sentence states the claim with the source's value in place of the draft's."""
        cosine, passage, span, difference = candidate
        if cosine < MIN_EVENT_SIMILARITY:
            return []
        text = with_previous_sentence(passage.chunk, span)
        found = self._judged_corrected(claim, difference, Found(passage, [span], cosine), text)
        return [(difference.share + cosine, found, difference)] if found else []

    def _similarity(self, anchor: str, texts: list[str]) -> np.ndarray:
        """Each text's similarity to ``anchor`` (the claim, or a cited sentence): the dot product
        of their embeddings."""
        vectors = self.embed([anchor] + texts)
        return vectors[1:] @ vectors[0]

    def _judged_difference(self, claim: str, passages: list[Passage]) -> tuple[Found, Difference] | None:
        """A claim nothing states or contradicts by the word tests, read against the sentences
        closest to it in meaning that give one value otherwise ("the Gulf of Riga" where the article
        says "the Gulf of Finland", a remark the article gives to the premier credited to a
        minister): contradicted when the judging model is sure the sentence states the
        claim with the source's value put back, and surer of that than of the claim as written;
        or, for a number, a date or a full name standing where the claim's name stands, less sure
        but preferring that reading by `PREFERRED_GAIN`.
        A number or date the window alone does not tell of the claim is read once more with the
        sentence after it, when that one gives the rest of the claim (`with_next_sentence`).

        Unlike `_contradictions`, no share of the claim's other words is required, and a name the
        article gives elsewhere may still be the one changed: the model weighs what the words
        cannot. A rank or "one" ("first" / "second") is never the value, as a rewording adds one,
        nor a count of something else.
        """
        judge = self.judge()
        items = passage_sentences(passages)
        if judge is None or not items:
            return None
        similarity = self._similarity(claim, [text for _, _, text, _ in items])
        claim_speaker = own_speaker(claim)
        tried = 0
        for i in np.argsort(-similarity)[:CLOSEST_SENTENCES]:
            passage, span, text, context = items[i]
            chunk = passage.chunk
            article = self._article(chunk.source)
            difference = differing_value(claim, text, context, article=article) or differing_value(
                claim,
                text,
                context,
                chunk_names(chunk) | self._article_names(chunk.source),
                frozenset(),
                chunk.text,
                article=article,
            )
            if difference is None:
                continue
            tried += 1
            if tried > CANDIDATE_VALUES:
                return None
            if (
                is_loose_number(difference.differs.draft)
                or month_against_day(difference.differs)
                or not counts_alike(claim, text, difference.differs)
                or rounds_the_other(claim, text, difference.differs)
                or crosses_speakers(difference.differs, claim_speaker, own_speaker(text))
            ):
                continue  # "first" / "second"; "40,000 homes" against "4,000 calls for help"
            read = with_previous_sentence(chunk, span)
            if difference.differs.kind == "date" and dates_told(claim, dates_named(read, chunk.date)):
                continue  # "Tessford District Court, Friday." tells the claim's date; "2 July" dates the fire
            corrected = claim.replace(difference.differs.draft, difference.differs.source, 1)
            if corrected == claim:
                continue
            figure = difference.differs.kind in ("number", "date")
            preferable = figure or _full_names_in_place(difference)
            needed = PREFERRED_YES if preferable else CORRECTED_YES
            spans = [span]
            sure = judge.probability(read, corrected)
            wider = (
                with_next_sentence(chunk, span, claim, difference.differs.kind)
                if figure and sure is not None and sure < needed
                else None
            )
            if wider is not None:
                # the sentence after tells the rest of the claim ("The slide came down the Larch Gully")
                read, following = wider
                if difference.differs.kind == "date" and dates_told(claim, dates_named(read, chunk.date)):
                    continue
                spans, sure = [span, following], judge.probability(read, corrected)
            if sure is None or sure < needed:
                continue
            as_written = judge.probability(read, claim)
            gain = sure - as_written if as_written is not None else None
            if gain is not None and (
                (sure >= CORRECTED_YES and gain >= CORRECTED_GAIN) or (preferable and gain >= PREFERRED_GAIN)
            ):
                found = Found(passage, spans, float(similarity[i]), judged=sure, as_written=as_written)
                return found, difference
        return None

    def _judged_corrected(self, claim: str, difference: Difference, found: Found, text: str) -> Found | None:
        """``found``, if the judging model is sure ``text`` states the claim with the source's value
        put back in place of the draft's (a Yes there turns the claim against its source)."""
        corrected = claim.replace(difference.differs.draft, difference.differs.source, 1)
        return self._judged(corrected, found, text, CORRECTED_YES) if corrected != claim else None

    def _article_chunks(self, source: str) -> list[Chunk]:
        """The indexed chunks of one article, in order."""
        index = self.pipeline.index
        return [
            index.chunks[i] for i in index.files.get(source, {}).get("chunk_ids", []) if i in index.chunks
        ]

    def _article(self, source: str) -> str:
        """The indexed text of one article (its chunks, in order), kept for the draft's next sentences."""
        if source not in self._articles:
            self._articles[source] = " ".join(chunk.text for chunk in self._article_chunks(source))
        return self._articles[source]

    def _article_names(self, source: str) -> set[str]:
        """The folded names one article gives anywhere, kept like its text."""
        if source not in self._article_name_keys:
            self._article_name_keys[source] = name_keys(self._article(source))
        return self._article_name_keys[source]

    def _with_article_names(self, passage: Passage) -> Passage:
        """The passage with the names its whole article gives (and their initials) added to its
        header, for `rag.cite`'s fact check: "Richard Reid" named at the top is the "Reid" of a
        later passage."""
        source = passage.chunk.source
        if source not in self._article_header:
            article = f"{passage.chunk.title} {self._article(source)}"
            names = {t.text for t in tokens(article) if t.kind == "name"} | initials(article)
            self._article_header[source] = " ".join(sorted(names))
        chunk = passage.chunk
        return Passage(replace(chunk, title=f"{chunk.title} {self._article_header[source]}"), passage.score)

    def _about_claim(self, claim: str, source: str, differs: Differs | None = None) -> bool:
        """Whether another article names most of what the claim names (past its first word), so
        that a date or figure it gives otherwise is about the same thing: "Time named her one of
        the 100 most important people" is about someone else than the claim's Tenzing Norgay.
        A quote's speaker that the article gives to somebody else (``differs``) is not asked of it
        when the claim names more: the other outlet that says Kettleby said it need never name the
        claim's Achterberg, but must name its Brennock."""
        names = {t.key for t in tokens(claim) if t.kind == "name" and t.start > 0}
        if differs is not None and differs.kind == "name":
            others = names - (name_keys(differs.draft) & name_keys(own_speaker(claim)))
            names = others or names  # a claim naming only its speaker: the article must name them
        if not names:
            return True
        known = self._article_names(source)
        return sum(1 for key in names if key in known) / len(names) >= SAME_SUBJECT


def _undoes(contradiction: tuple[Found, Difference], support: Found) -> bool:
    """Whether a contradiction undoes the window found to state the claim: it is a sentence of that
    window (the window lends the claim a value its own sentence gives otherwise); or only the
    judging model read the window as stating it ("the deficit down to 2.8 percent" for "growth of
    2.8 percent") while the same article, or another of its outlet's, gives the claim's own words
    with another value in place ("forecasts economic growth of 2.3 percent"), whose words outweigh
    the model's reading."""
    found, difference = contradiction
    chunk = found.passage.chunk
    in_window = chunk.source == support.passage.chunk.source and found.spans[0] in support.spans
    outweighs = (
        support.judged is not None
        and one_outlet(support.passage.chunk, chunk)
        and difference.in_place
        and difference.share >= LINED_UP_SHARE
    )
    return in_window or outweighs


def _contradicted(result: SentenceCheck, found: Found, difference: Difference) -> SentenceCheck:
    """``result`` contradicted by ``found``: its citation, both values, and why."""
    result.verdict = CONTRADICTED
    result.citations = [found.citation(1)]
    result.differs = difference.differs
    result.reason = f"{source_label(result.citations[0])} gives {difference.differs.source}, not {difference.differs.draft}"
    if found.judged is not None and found.as_written is not None:
        result.reason += (
            f" (in other words: the checking model gives the source's reading {found.judged:.0%}, "
            f"the draft's {found.as_written:.0%})"
        )
    elif found.judged is not None:
        result.reason += f" (in other words: the checking model is {found.judged:.0%} sure)"
    return result


def _holds_its_words(claim: str, claim_side: list[Token], text: str) -> bool:
    """Whether ``text`` gives more than `WORDS_HELD` of the claim's words that are no names (its
    opening word counted as one, capitalised for opening the claim): what the claim says of its
    names, not only the names."""
    plain = {
        t.key
        for t in claim_side
        if t.kind == "word" or (t.kind == "name" and not re.search(r"\w", claim[: t.start]))
    }
    held = {t.key for t in tokens(text)}
    return not plain or len(plain & held) > WORDS_HELD * len(plain)


def _full_names_in_place(difference: Difference) -> bool:
    """Whether a changed name may be preferred as a figure may (`PREFERRED_YES`): the source's
    name stands where the claim's stands, and both are names of two words or more ("Bernard
    Ashdown" against "Ambrose Feld"). A name found elsewhere in the sentence needs the model sure,
    and so does a single word, which is as often a heading or a common word capitalised
    ("OPPOSITION", "Health" against "DNA")."""
    differs = difference.differs
    return (
        differs.kind == "name"
        and difference.in_place
        and len(differs.draft.split()) > 1
        and len(differs.source.split()) > 1
    )


def _reworded_value(difference: Difference) -> bool:
    """A changed value (not an ordinal word, which a rewording may add) in a claim whose other
    words line up only in part: for the judging model to weigh."""
    return not is_ordinal_word(difference.differs.draft) and difference.share >= REWORDED_SHARE


def check_draft(pipeline, draft: str, search_filter=None) -> list[SentenceCheck]:
    """Every sentence of ``draft`` with its verdict and verified citations."""
    return list(DraftChecker(pipeline, search_filter).check_draft(draft))
