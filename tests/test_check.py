"""Checking a draft against the archive: the verdicts on the real index and embedder (each heuristic
with the case it was written for and a false positive), and `python -m rag check` as a user runs it.
Which sentences are claims, the tokens, figures and values compared, what else sets a window apart
and the speakers have their own tests (tests/test_claims.py, tests/test_tokens.py,
tests/test_figures.py, tests/test_values.py, tests/test_differences.py, tests/test_speakers.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest

from rag.check import (
    CONTRADICTED,
    JUDGE_YES,
    MIN_EVENT_SIMILARITY,
    MIXED,
    NOT_A_CLAIM,
    NOT_FOUND,
    SUPPORTED,
    DraftChecker,
)
from rag.differences import another_name_in_place, month_against_day
from rag.speakers import heading_label, reported_speech
from rag.types import Citation, Passage
from rag.values import Differs
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def checker(pipeline):
    return DraftChecker(pipeline)


DRAFT = (
    "Russia has about 3,000 troops stationed in Armenia. Over 2,000 Karabakh Armenians took shelter "
    "at the headquarters of the Russian peacekeeping contingent, the Kremlin said.\n\n"
    "Did Russia know in advance? Azerbaijan suspended its counterterrorism measures on Sept. 13. "
    "The European Union offered to host talks between Aliyev and Pashinyan in Brussels.\n"
)


def test_each_sentence_gets_its_verdict_with_verified_citations(checker):
    results = list(checker.check_draft(DRAFT))
    assert [r.verdict for r in results] == [CONTRADICTED, SUPPORTED, NOT_A_CLAIM, MIXED, NOT_FOUND]
    for r in results:
        assert DRAFT[r.start : r.end] == r.sentence  # offsets into the draft
    contradicted, supported, _, mixed, not_found = results
    assert (contradicted.differs.draft, contradicted.differs.source) == ("3,000", "5,000")
    assert contradicted.citations[0].text == "Russia has about 5,000 troops stationed in Armenia."
    assert "2,000" in supported.citations[0].text and supported.citations[0].source.startswith("004")
    # Mixed: one outlet dates it Sept. 13, another September 20; both cited.
    assert {c.source[:3] for c in mixed.citations} == {"000", "002"}
    assert (mixed.differs.draft, mixed.differs.source) == ("Sept. 13", "September 20")
    assert not_found.citations == [] and not_found.differs is None


def test_a_citation_quotes_its_source_file_exactly(checker):
    from tests.conftest import CORPUS

    result = checker.check_sentence("Relations between Baku and Yerevan have been tense since 1994.")
    assert result.verdict == CONTRADICTED and result.differs.source == "1991"
    cited = result.citations[0]
    text = (CORPUS / cited.source).read_text(encoding="utf-8")
    assert text[cited.start : cited.end] == cited.text


def test_who_said_it_is_checked(checker):
    result = checker.check_sentence(
        "Kremlin spokesperson Maria Zakharova said Russia welcomes all efforts to help resolve the Karabakh issue."
    )
    assert result.verdict == CONTRADICTED
    assert (result.differs.draft, result.differs.source) == ("Maria Zakharova", "Peskov")
    right = checker.check_sentence(
        "Peskov said Russia welcomes all efforts to help resolve the Karabakh issue."
    )
    assert right.verdict == SUPPORTED


def test_a_number_word_is_a_value_too(checker):
    wrong = checker.check_sentence(
        "Armenia is a member of the Collective Security Treaty Organization, a Russian-dominated group "
        "comprised of nine post-Soviet states."
    )
    assert wrong.verdict == CONTRADICTED and (wrong.differs.draft, wrong.differs.source) == ("nine", "six")


def test_the_cli_prints_a_report_and_json_lines(pipeline, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("# Notes\n\n- Russia has about 3,000 troops stationed in Armenia.\n", encoding="utf-8")
    env_args = ["--index", str(pipeline.settings.index_dir)]
    run = subprocess.run(
        [sys.executable, "-m", "rag", "check", str(draft), *env_args],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "CONTRADICTED" in run.stdout and "'3,000'" in run.stdout and "'5,000'" in run.stdout
    assert "NOT A CLAIM: # Notes" in run.stdout
    run = subprocess.run(
        [sys.executable, "-m", "rag", "check", "-", "--json", *env_args],
        input=draft.read_text(), cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [x["verdict"] for x in lines] == ["not_a_claim", "contradicted"]
    contradicted = lines[1]
    assert contradicted["differs"] == {"draft": "3,000", "source": "5,000", "kind": "number"}
    assert set(contradicted["citations"][0]) >= {"n", "source", "title", "start", "end", "text", "also_in"}


def test_the_cli_says_when_no_model_weighs_reworded_claims(pipeline):
    import os

    env = {**os.environ, "RAG_CHECK_MODEL": "none"}
    run = subprocess.run(
        [sys.executable, "-m", "rag", "check", "-", "--index", str(pipeline.settings.index_dir)],
        input=REWORDED, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "NOT FOUND" in run.stdout and "note: no model weighs reworded claims" in run.stderr


def test_the_cli_refuses_bad_input_with_a_message(pipeline, tmp_path):
    args = ["--index", str(pipeline.settings.index_dir)]
    (tmp_path / "draft.docx").write_bytes(b"PK")
    (tmp_path / "empty.txt").write_text("  \n")
    for path, message in (
        (tmp_path / "draft.docx", "a .txt or .md file"),
        (tmp_path / "missing.txt", "no such file"),
        (tmp_path / "empty.txt", "the draft is empty"),
    ):
        run = subprocess.run(
            [sys.executable, "-m", "rag", "check", str(path), *args],
            cwd=ROOT, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert run.returncode == 2 and message in run.stderr, run.stderr


def test_rag_eval_scores_a_claim_set_by_half(pipeline, tmp_path):
    claims = tmp_path / "claims.jsonl"
    lines = [
        {"claim": "Russia has about 5,000 troops stationed in Armenia.", "verdict": "supported",
         "sources": ["003_3de8e0a82d2249ce.txt"], "split": "calibration"},
        {"claim": "Russia has about 3,000 troops stationed in Armenia.", "verdict": "contradicted",
         "sources": ["003_3de8e0a82d2249ce.txt"], "differs": {"draft": "3,000", "source": "5,000"}, "split": "test"},
        {"claim": "Did Russia know?", "verdict": "not_a_claim", "split": "test"},
    ]  # fmt: skip
    claims.write_text("".join(json.dumps(x) + "\n" for x in lines))
    run = subprocess.run(
        [sys.executable, "-m", "rag", "eval", str(claims), "--json", "-v",
         "--index", str(pipeline.settings.index_dir)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    # -v: each claim's outcome and the check's reason for it, the differing values named.
    assert "ok  [tes" in run.stderr and "-> contradicted" in run.stderr, run.stderr
    why = [line for line in run.stderr.splitlines() if line.strip().startswith("why:")]
    assert len(why) == 3 and any("5,000" in line for line in why), run.stderr
    report = json.loads(run.stdout.splitlines()[-1])
    assert report["mode"] == "check"
    assert report["calibration"]["claims"] == 1 and report["calibration"]["accuracy"] == 1.0
    assert report["test"]["accuracy"] == 1.0 and report["test"]["contradictions_name_value"] == 1.0


# --- the judging model, for reworded claims the word tests leave undecided ----------------------

REWORDED = (
    "Peskov said Russian peacekeepers would keep working in Karabakh but that it was too early "
    "to say how long they would stay."
)
SAME_TOPIC_ABSENT = "Armenia announced that it would leave the Collective Security Treaty Organization."


class _CountingJudge:
    def __init__(self, probability):
        self.probability_given, self.asked, self.asked_opinion = probability, [], []

    def probability(self, text, claim):
        self.asked.append(claim)
        return self.probability_given

    def opinion(self, sentence):
        self.asked_opinion.append(sentence)
        return 0.0


def _checker_with(pipeline, judge) -> DraftChecker:
    checker = DraftChecker(pipeline)
    checker._judge = judge
    return checker


def test_the_judge_is_asked_only_about_undecided_windows_and_must_be_sure(pipeline):
    sure, unsure = _CountingJudge(0.95), _CountingJudge(JUDGE_YES - 0.05)
    assert _checker_with(pipeline, sure).check_sentence(REWORDED).verdict == SUPPORTED
    assert "in other words" in _checker_with(pipeline, sure).check_sentence(REWORDED).reason
    assert _checker_with(pipeline, unsure).check_sentence(REWORDED).verdict == NOT_FOUND
    # Stated word for word, contradicted, or far from anything: decided without the model.
    never = _CountingJudge(1.0)
    checker = _checker_with(pipeline, never)
    assert checker.check_sentence("Russia has about 5,000 troops stationed in Armenia.").verdict == SUPPORTED
    assert (
        checker.check_sentence("Russia has about 3,000 troops stationed in Armenia.").verdict == CONTRADICTED
    )
    assert never.asked == [] and never.asked_opinion == []  # nor whether an opinion
    # Far from anything: the closest sentences giving another value may be read with it put back,
    # but a model that says Yes to every reading cannot tell the values apart.
    assert checker.check_sentence("The Brussels summit agreed on a new fishing quota.").verdict == NOT_FOUND


def test_the_real_judge_rescues_a_rewording_and_not_a_same_topic_claim(checker):
    """The false-positive side: a claim on the same subject whose words are close enough to be
    asked about, but which no article makes, stays not found."""
    rescued = checker.check_sentence(REWORDED)
    assert rescued.verdict == SUPPORTED and "too early" in rescued.citations[0].text
    assert checker.check_sentence(SAME_TOPIC_ABSENT).verdict == NOT_FOUND


# The writer's own judgement, in words no opinion pattern of `rag.claims` knows.
UNMARKED_OPINION = (
    "Azerbaijan's blockade of the Lachin corridor was a cruel way to starve a population into submission."
)


def test_an_opinion_no_article_states_is_not_a_claim_though_no_stock_phrase_marks_it(checker):
    from rag.claims import not_a_claim

    assert not_a_claim(UNMARKED_OPINION) == ""  # the words alone do not tell
    result = checker.check_sentence(UNMARKED_OPINION)
    assert result.verdict == NOT_A_CLAIM and result.reason.startswith("an opinion")
    assert result.citations == []


def test_a_fact_no_article_states_and_a_reported_judgement_stay_claims(checker):
    """The false-positive side: the judging model is asked about opinions only where no article
    states the sentence, and never about a judgement somebody is reported making."""
    assert (
        checker.check_sentence("Armenia's prime minister will visit Paris next month.").verdict == NOT_FOUND
    )
    reported = checker.check_sentence(
        f"Pashinyan said that {UNMARKED_OPINION[0].lower()}{UNMARKED_OPINION[1:]}"
    )
    assert reported.verdict == NOT_FOUND
    called = checker.check_sentence(
        "Pashinyan called the blockade of the Lachin corridor a cruel way to starve a population into submission."
    )
    assert called.verdict == NOT_FOUND


def test_without_a_judging_model_reworded_claims_are_not_found_and_the_checker_says_why(pipeline):
    checker = DraftChecker(pipeline.with_options(check_model="none"))
    assert checker.check_sentence(REWORDED).verdict == NOT_FOUND
    assert "RAG_CHECK_MODEL=none" in checker.judge_note
    assert checker.check_sentence(UNMARKED_OPINION).verdict == NOT_FOUND  # nor is an unmarked opinion told


def test_who_said_it_is_not_lent_by_the_next_sentence_when_the_sentence_names_its_speaker(checker):
    """Article 001: "There should not be any turns..., the Kremlin spokesman stressed. Earlier in the
    day, Armenian Ambassador-at-Large Edmon Marukyan said that 'it is the US's turn'..." The next
    sentence's name is somebody else's speaker; the spokesman is Peskov ("Kremlin spokesman Dmitry
    Peskov" in the same article), so crediting Peskov stays supported (the false-positive side)."""
    swapped = checker.check_sentence(
        "Armenian Ambassador-at-Large Edmon Marukyan said there should not be any taking turns "
        "in efforts to settle the situation in Nagorno-Karabakh."
    )
    assert swapped.verdict == CONTRADICTED and "Marukyan" in swapped.differs.draft
    right = checker.check_sentence(
        "Peskov said there should not be any turns at attempting to settle the situation in Nagorno-Karabakh."
    )
    assert right.verdict == SUPPORTED


def test_a_name_the_article_also_gives_still_differs_as_a_speaker(checker):
    """Article 003 names Cavusoglu in one place and Erdogan in another. A name the article also gives
    is not "another name" for an object ("release Richard Reid" against "bail for Reid"), but who
    said it is still compared: crediting Erdogan's words to Cavusoglu stays a contradiction."""
    swapped = checker.check_sentence(
        "Turkish Foreign Minister Mevlut Cavusoglu said on Monday that Baku must take matters into its "
        "own hands and end Armenian occupation of Karabakh."
    )
    assert swapped.verdict == CONTRADICTED and "Erdogan" in swapped.differs.source


FIGURE_ARTICLES = {
    "harbour-herald.txt": (
        "Ferry strike strands commuters\n\n"
        "About 2,000 ferry workers walked off the job in Port Halden on Tuesday, stranding thousands "
        "of commuters. The Maritime Union said the strike over a pay freeze would last two days. "
        "Harbour Lines chief executive Dana Whitfield said the company was disappointed.\n"
    ),
    "coast-gazette.txt": (
        "Port Halden ferries halted\n\n"
        "Some 3,000 ferry workers in Port Halden stopped work on Tuesday in a dispute over a pay "
        "freeze, the Maritime Union said. Harbour Lines ran no services across the bay. "
        "Dana Whitfield, the company's chief executive, urged workers to return.\n"
    ),
    "court-wire.txt": (
        "Airline bomb suspect denied bail\n\n"
        "Richard Ellison, the man accused of trying to set off explosives hidden in his shoes on a "
        "flight from Lisbon to Chicago, appeared in a Boston court on Friday. Prosecutors said the "
        "device could have blown a hole in the cabin. Passengers and crew overpowered him over the "
        "Atlantic, and the plane was diverted to Boston under a fighter escort.\n\n"
        "Investigators are still trying to establish where the explosives came from and whether "
        "he acted alone. The airline said it had reviewed its screening of passengers on the route.\n\n"
        "Magistrate Judith Dane refused to grant bail for Ellison, 28, but left open the possibility "
        "of his release later. He is charged with interfering with a flight crew.\n"
    ),
    "harbour-history.txt": (
        "Harbour Lines at seventy\n\n"
        "Chief executive Dana Whitfield says a former ferry captain founded Harbour Lines in 1952 "
        "with two boats and a single jetty.\n"
    ),
    "council-notes.txt": (
        "Library plan approved\n\n"
        "The Eastside council approved the new library on Monday. The Opposition councillor, Mark "
        'Devlin, says the plan was rushed. "We want the library to get the most careful public scrutiny '
        'possible," he said. Mayor Ruth Allen says the council is relying on residents to back it.\n'
    ),
    "inland-times.txt": (
        "Rail upgrade opens\n\n"
        "The new rail line to Port Halden opened on Tuesday after 12 years of planning. "
        "About 2,000 passengers rode the first trains, the transport minister said.\n"
    ),
}


@pytest.fixture(scope="module")
def figure_checker(tmp_path_factory, pipeline):
    return _checker_over(tmp_path_factory.mktemp("figures"), FIGURE_ARTICLES)


def test_outlets_giving_different_figures_make_a_claim_mixed(figure_checker):
    result = figure_checker.check_sentence(
        "About 2,000 ferry workers went on strike in Port Halden on Tuesday."
    )
    assert result.verdict == MIXED, result.reason
    assert {c.source for c in result.citations} == {"harbour-herald.txt", "coast-gazette.txt"}
    assert (result.differs.draft, result.differs.source) == ("2,000", "3,000")


def test_the_same_number_of_another_thing_is_no_conflict(figure_checker):
    # The false-positive side: "2,000 passengers" on the same day and place counts something else,
    # and the claim's own article agrees with itself.
    result = figure_checker.check_sentence(
        "About 2,000 passengers rode the first trains on the new Port Halden line."
    )
    assert result.verdict == SUPPORTED, result.reason
    strike = figure_checker.check_sentence("The Maritime Union said the ferry strike would last two days.")
    assert strike.verdict == SUPPORTED, strike.reason


def test_a_name_the_article_gives_in_another_passage_is_known(figure_checker):
    """The last passage says only "Ellison"; the article named Richard Ellison at the top."""
    chunks = figure_checker.pipeline.index.files["court-wire.txt"]["chunk_ids"]
    assert len(chunks) > 1  # the name and the bail ruling are in different passages
    result = figure_checker.check_sentence(
        "Magistrate Judith Dane refused to grant bail for Richard Ellison, 28, but left open the "
        "possibility of his release later."
    )
    assert result.verdict == SUPPORTED, result.reason
    assert "Richard" not in result.citations[0].text
    # The false-positive side: a first name the article never gives is still missing.
    other = figure_checker.check_sentence(
        "Magistrate Judith Dane refused to grant bail for Thomas Ellison, 28, but left open the "
        "possibility of his release later."
    )
    assert other.verdict != SUPPORTED, other.reason


def test_the_judge_reads_the_whole_passage_when_the_window_falls_short(pipeline):
    class WindowShort(_CountingJudge):
        def probability(self, text, claim):
            self.asked.append(text)
            return 0.95 if len(self.asked) > 1 else 0.5

    judge = WindowShort(None)
    result = _checker_with(pipeline, judge).check_sentence(REWORDED)
    assert result.verdict == SUPPORTED
    window, passage = judge.asked
    assert window in passage and len(passage) > len(window)
    # The citation quotes what the model read: the whole passage, not the window alone.
    assert window in result.citations[0].text and len(result.citations[0].text) > len(window)


def test_a_reworded_claim_with_a_changed_figure_is_contradicted_by_the_real_judge(figure_checker):
    """Too reworded for the word tests (they find nothing without the model), the claim with the
    article's figure put back is what the judging model reads."""
    reworded = "The walkout by Port Halden's ferry crews over frozen pay was set to last {} days, the Maritime Union said."
    result = figure_checker.check_sentence(reworded.format("five"))
    assert result.verdict == CONTRADICTED, result.reason
    assert (result.differs.draft, result.differs.source) == ("five", "two")
    assert "checking model" in result.reason
    # The false-positive side: the same rewording with the article's figure is not contradicted.
    same = figure_checker.check_sentence(reworded.format("two"))
    assert same.verdict != CONTRADICTED, same.reason


def test_a_reworded_claim_with_a_changed_name_is_contradicted_by_the_real_judge(figure_checker):
    """As with a figure: the claim with the article's name put back is what the model reads."""
    reworded = "{} would not free Ellison on bail for now, though release later remains possible."
    result = figure_checker.check_sentence(reworded.format("Magistrate Carol Finch"))
    assert result.verdict == CONTRADICTED, result.reason
    assert (result.differs.draft, result.differs.source) == (
        "Magistrate Carol Finch",
        "Magistrate Judith Dane",
    )
    assert "checking model" in result.reason
    # The false-positive side: the same rewording with the article's name is not contradicted.
    same = figure_checker.check_sentence(reworded.format("Magistrate Judith Dane"))
    assert same.verdict != CONTRADICTED, same.reason


def test_a_name_is_not_compared_with_who_reports_it(figure_checker):
    """The claim names who did it; the source sentence names only who says so."""
    result = figure_checker.check_sentence(
        "Harbour Lines was founded in 1952 by former ferry captain Arthur Penrose with two boats."
    )
    assert result.verdict != CONTRADICTED, result.reason
    # The false-positive side: a changed speaker is still a who-said contradiction.
    speaker = figure_checker.check_sentence(
        "Chief executive Tom Grady says a former ferry captain founded Harbour Lines in 1952 with two boats."
    )
    assert speaker.verdict == CONTRADICTED and speaker.differs.source.endswith("Whitfield"), speaker.reason


def test_a_date_or_figure_conflicts_only_in_an_article_about_the_claims_names(figure_checker):
    claim = "About 2,000 ferry workers went on strike in Port Halden on Tuesday."
    assert figure_checker._about_claim(claim, "coast-gazette.txt")
    # The false-positive side: an article naming none of it is about something else.
    assert not figure_checker._about_claim(claim, "court-wire.txt")
    assert figure_checker._about_claim("Ferries stopped on Tuesday.", "court-wire.txt")  # no names to hold


def test_a_quote_is_the_words_of_the_speaker_named_before_it(figure_checker):
    words = "said the library should get the most careful public scrutiny possible."
    wrong = figure_checker.check_sentence(f"Mayor Ruth Allen {words}")
    # "...," he said: Devlin's words, not Allen's; cited from the sentence naming him to the quote.
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("Mayor Ruth Allen", "Mark Devlin")
    assert "Mark Devlin" in wrong.citations[0].text and "scrutiny" in wrong.citations[0].text
    # The false-positive side: the speaker named before the quote is the claim's.
    right = figure_checker.check_sentence(f"Councillor Mark Devlin {words}")
    assert right.verdict == SUPPORTED, right.reason
    assert right.citations[0].source == "council-notes.txt"
    # ...and a speaker the claim gives by title ("according to Opposition councillor ...") is the
    # one the article describes.
    titled = figure_checker.check_sentence(
        "The plan was rushed, according to Opposition councillor Mark Devlin."
    )
    assert titled.verdict == SUPPORTED, titled.reason


def test_a_reworded_quote_given_to_another_speaker_is_contradicted_by_the_real_judge(figure_checker):
    """Too reworded for the word tests, the quote is weighed with the article's speaker put back."""
    reworded = "{} said the public should scrutinise the library as carefully as possible."
    wrong = figure_checker.check_sentence(reworded.format("Mayor Ruth Allen"))
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("Mayor Ruth Allen", "Mark Devlin")
    assert "checking model" in wrong.reason
    assert "Mark Devlin" in wrong.citations[0].text and "scrutiny" in wrong.citations[0].text
    # The false-positive side: the same rewording with the article's speaker is not contradicted.
    right = figure_checker.check_sentence(reworded.format("Councillor Mark Devlin"))
    assert right.verdict != CONTRADICTED, right.reason


def _checker_over(folder, articles: dict[str, str], **settings) -> DraftChecker:
    """A checker over its own small archive, indexed with the real embedder (``settings``: overrides)."""
    from rag.pipeline import Pipeline
    from tests.conftest import make_settings

    corpus = folder / "corpus"
    corpus.mkdir(parents=True)
    for name, text in articles.items():
        (corpus / name).write_text(text, encoding="utf-8")
    checker = DraftChecker(Pipeline(make_settings(folder, corpus_dir=corpus, **settings)))
    checker.pipeline.update_index()
    return checker


def test_a_contradicting_sentence_may_leave_implicit_a_name_its_article_gives_elsewhere(tmp_path, pipeline):
    """The article names the group at the top; the passage with the figure says only "the report"."""
    article = (
        "Child safety report released\n\n"
        "The children's charity Safe Harbour Trust has released a ten-year study of child protection "
        "in Australia. Its chief executive, Mara Quinlan, says the study found a growing number of "
        "offences go unreported. She says families, schools and sporting clubs all have a part to "
        "play, and that the study took in more than 4,000 cases from every state and territory.\n\n"
        "Ms Quinlan says police forces are doing good work but lack the staff to follow up every "
        "report they receive. The study also looked at the courts, where cases can take years to be "
        "heard. She says victims and their families are often left without support while they wait.\n\n"
        "The report has made 29 recommendations to the Federal Government on how to improve "
        "investigations of child abuse and provide better services to victims.\n"
    )
    checker = _checker_over(tmp_path, {"child-safety.txt": article})
    assert len(checker.pipeline.index.files["child-safety.txt"]["chunk_ids"]) > 1
    claim = "The Safe Harbour Trust report makes {} recommendations to the Federal Government on improving investigations of child abuse."
    wrong = checker.check_sentence(claim.format(39))
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("39", "29")
    # The false-positive side: a name the article never gives is a second difference: another report.
    other = checker.check_sentence(claim.replace("Safe Harbour Trust", "Red Gum Foundation").format(39))
    assert other.verdict != CONTRADICTED, other.reason


def test_an_acronym_opening_the_claim_must_be_in_the_article(tmp_path, pipeline):
    """The first word of a claim is no name to the answer check, but "KPMG" is one."""
    article = (
        "Insurer inquiry hears from auditors\n\n"
        "A partner of the accountancy firm Morgan Webb, John Gibbons, told the inquiry he met the "
        "insurer's board on November 28. United Nations inspectors also gave evidence on Tuesday.\n"
    )
    checker = _checker_over(tmp_path, {"inquiry.txt": article})
    wrong = checker.check_sentence(
        "KPMG partner John Gibbons told the inquiry he met the insurer's board on November 28."
    )
    assert wrong.verdict != SUPPORTED, wrong.reason
    # The false-positive side: the article's own firm, written short, is the same name.
    right = checker.check_sentence(
        "MW partner John Gibbons told the inquiry he met the insurer's board on November 28."
    )
    assert right.verdict == SUPPORTED, right.reason
    assert checker.check_sentence("UN inspectors also gave evidence on Tuesday.").verdict == SUPPORTED


def test_an_ordinal_is_no_figure_outlets_disagree_on(tmp_path, pipeline):
    """ "The first Test" against "the second Test" is another match, not another count of one."""
    milestone = (
        "Waugh twins reach milestone\n\n"
        "The first Test at the Adelaide Oval on Friday will be the 100th Test that twins Steve and "
        "Mark Waugh have played together.\n"
    )
    squad = (
        "Squad named\n\n"
        "Steve and Mark Waugh have played together in every Test this summer, and both were named "
        "for the second Test at the Adelaide Oval.\n"
    )
    checker = _checker_over(tmp_path, {"milestone.txt": milestone, "squad.txt": squad})
    result = checker.check_sentence(
        "The first Test at the Adelaide Oval on Friday will be the 100th Test the Waugh twins have played together."
    )
    assert result.verdict == SUPPORTED, result.reason
    # The false-positive side (a count two outlets give differently is still mixed) is
    # test_outlets_giving_different_figures_make_a_claim_mixed.


FERRY = (
    "Kestrel Bay ferry to return\n\n"
    "The Kestrel Bay ferry service will resume on 14 April after a two-year closure, the regional "
    "transport authority said. Engineers have rebuilt the wharf at Tallow Point and replaced its "
    "pontoon. Local traders had campaigned for the service since it stopped. The new vessels "
    "carry 180 passengers each and will run every 40 minutes at peak times. Fares will stay the "
    "same as before the closure.\n"
)


def test_a_claim_joining_facts_sentences_apart_is_read_with_its_whole_passage(tmp_path, pipeline):
    """No window of one or two sentences holds both the date and the count: the real judging
    model reads the whole passage, which holds every value and name of the claim."""
    checker = _checker_over(tmp_path, {"ferry.txt": FERRY})
    joined = checker.check_sentence(
        "When the Kestrel Bay ferry service resumes on 14 April, its new vessels will carry 180 passengers each."
    )
    assert joined.verdict == SUPPORTED, joined.reason
    assert "14 April" in joined.citations[0].text and "180 passengers" in joined.citations[0].text
    # The false-positive side: a count the passage does not give is never read this way...
    changed = checker.check_sentence(
        "When the Kestrel Bay ferry service resumes on 14 April, its new vessels will carry 250 passengers each."
    )
    assert changed.verdict != SUPPORTED, changed.reason
    # ...and a new fact on the same subject is not lent the passage's support.
    absent = checker.check_sentence(
        "When the Kestrel Bay ferry service resumes on 14 April, its new vessels will run on electric power."
    )
    assert absent.verdict == NOT_FOUND, absent.reason


BARGE = (
    "Barge sinks off Greyhaven\n\n"
    "The fuel barge Hollin Star sank half a mile off Greyhaven harbour late on Sunday after taking "
    "on water in a storm. Its two crew were lifted off by a lifeboat before it went down.\n\n"
    "Harbour officials said a boom had been placed around the wreck. The barge has about 40 tonnes "
    "of heating oil in its tanks, and divers will try to pump it out this week.\n"
)


def test_a_figure_of_the_same_thing_contradicts_a_claim_worded_otherwise(tmp_path, pipeline):
    """The sentence shares little of the claim's wording beyond what its number counts ("tonnes of
    heating oil"), in an article about the claim's barge that never gives the claim's figure."""
    checker = _checker_over(tmp_path, {"barge.txt": BARGE})
    changed = checker.check_sentence(
        "The Hollin Star barge had about 140 tonnes of heating oil on board when it sank off Greyhaven."
    )
    assert changed.verdict == CONTRADICTED, changed.reason
    assert (changed.differs.draft, changed.differs.source) == ("140", "40")
    assert "checking model" not in changed.reason  # the words decided, not the judging model
    # The false-positive side: the article's own figure is not contradicted...
    right = checker.check_sentence(
        "The Hollin Star barge had about 40 tonnes of heating oil on board when it sank off Greyhaven."
    )
    assert right.verdict != CONTRADICTED, right.reason
    # ...nor a part of what the article counts...
    part = checker.check_sentence(
        "About 14 of those tonnes of heating oil had leaked from the Hollin Star barge before it sank off Greyhaven."
    )
    assert part.verdict != CONTRADICTED, part.reason
    # ...nor a figure of something else the article does not count.
    other = checker.check_sentence(
        "The Hollin Star barge had about 140 tonnes of road salt on board when it sank off Greyhaven."
    )
    assert other.verdict != CONTRADICTED, other.reason


BOARD_VOTE = (
    "Ferry refloated after grounding\n\n"
    "The Calder Rose was towed back to Penmarth harbour on Thursday, two days after it grounded.\n\n"
    "The ferry struck rocks off Penmarth Point on the morning of 9 April with 212 passengers and "
    "14 crew on board. Nobody was seriously hurt.\n\n"
    "The harbour board voted by six votes to three on Friday to open an inquiry into the grounding.\n"
)


def test_a_changed_vote_tally_is_one_changed_value(tmp_path, pipeline):
    """ "by seven votes to two" against "by six votes to three": both numbers changed, one tally."""
    checker = _checker_over(tmp_path, {"board.txt": BOARD_VOTE})
    tally = checker.check_sentence(
        "The harbour board voted by seven votes to two to open an inquiry into the grounding."
    )
    assert tally.verdict == CONTRADICTED, tally.reason
    assert (tally.differs.draft, tally.differs.source) == ("seven votes to two", "six votes to three")
    # The false-positive side: the same tally told otherwise is not contradicted.
    same = checker.check_sentence("The harbour board voted 6-3 to open an inquiry into the grounding.")
    assert same.verdict != CONTRADICTED, same.reason


STRIKE_WIRE = (
    "Transit strike halts ferries\n\n"
    "KESTMOOR, May 4 (Ostwire) - Ferry and tram services across Kestmoor were largely halted on "
    "Monday as transit workers began a two-day strike over pay. The Harbour Transit Board said nine "
    "of its 14 ferry routes were suspended and none of its five tram lines was running.\n"
)
STRIKE_LEDGER = (
    "Ferries idle as strike grips the harbour\n\n"
    "Kestmoor's ferries sat idle on Monday morning. The Harbour Transit Board said 11 of its 14 "
    "ferry routes had been suspended, with the remaining three kept going by managers.\n"
)


def test_a_part_of_a_whole_told_otherwise_differs_and_two_outlets_telling_it_otherwise_disagree(
    tmp_path, pipeline
):
    """ "Eleven of the Board's 14 ferry routes" counts routes, as "nine of its 14 ferry routes"
    does: one outlet contradicts it; with a second outlet giving 11, the sources disagree."""
    checker = _checker_over(tmp_path, {"wire.txt": STRIKE_WIRE}, check_model="none")
    claim = "Eleven of the Harbour Transit Board's 14 ferry routes were suspended on Monday."
    one = checker.check_sentence(claim)
    assert one.verdict == CONTRADICTED, one.reason
    assert (one.differs.draft, one.differs.source) == ("Eleven", "nine")
    # The false-positive side: a part of another whole (30 workers) counts something else.
    other = checker.check_sentence(
        "Eleven of the Harbour Transit Board's 30 ferry workers were suspended on Monday."
    )
    assert other.verdict != CONTRADICTED, other.reason
    (checker.pipeline.settings.corpus_dir / "ledger.txt").write_text(STRIKE_LEDGER, encoding="utf-8")
    checker.pipeline.update_index()
    both = checker.check_sentence(claim)
    assert both.verdict == MIXED, both.reason
    assert both.differs.source == "nine"


LIBRARY = (
    "Marlow library to shut for refit\n\n"
    "Marlow Central Library will close for 18 months from June for a £12 million renovation, the "
    "county council said on Tuesday.\n\n"
    "The Victorian building on Quarry Street has not been modernised since the 1970s. Its roof "
    "leaks in heavy rain, the lift has been out of service since March and the heating system "
    "dates from 1968. Staff have put buckets under the worst leaks in the reading room.\n\n"
    "During the closure, a temporary library will open in the former bank on Castle Square, with "
    "a smaller collection and shorter opening hours. Books can still be reserved online and "
    "collected there. The mobile library will add two stops in the town centre.\n\n"
    "Architects say the reopened building will have a rooftop reading room and 40 public "
    "computers, as well as a children's floor and step-free access from the street.\n"
)


def test_a_claim_joining_the_articles_opening_figure_to_a_later_detail_is_read_with_both(tmp_path, pipeline):
    """The cost is in the opening passage, the rooftop room in another: the real judging model
    reads the later passage with the opening sentence that gives the cost, and both are cited."""
    checker = _checker_over(tmp_path, {"library.txt": LIBRARY})
    assert len(checker.pipeline.index.files["library.txt"]["chunk_ids"]) > 1
    joined = checker.check_sentence(
        "Marlow Central Library's £12 million renovation will give it a rooftop reading room and 40 public computers."
    )
    assert joined.verdict == SUPPORTED, joined.reason
    cited = " ".join(c.text for c in joined.citations)
    assert "£12 million" in cited and "40 public computers" in cited
    # The false-positive side: a cost the article never gives is not lent the later passage...
    changed = checker.check_sentence(
        "Marlow Central Library's £15 million renovation will give it a rooftop reading room and 40 public computers."
    )
    assert changed.verdict != SUPPORTED, changed.reason
    # ...and a detail the article never gives is not found, though its figures are all there.
    absent = checker.check_sentence(
        "Marlow Central Library's £12 million renovation will give it a rooftop cinema and 40 electric car chargers."
    )
    assert absent.verdict == NOT_FOUND, absent.reason


def test_words_the_article_gives_to_another_speaker_are_a_misquote_when_it_never_names_the_claims(
    tmp_path, pipeline
):
    """The article never names the claim's speaker, so the claim fails the names test as a whole;
    its reported words alone find the quote, and the quote is somebody else's."""
    storm = (
        "Storm damage\n\n"
        "Wild storms have torn roofs from hundreds of homes across the north of the state. "
        "State Premier Bob Carr has inspected one of the worst hit suburbs. "
        "\"I'm struck by the unpredictability of this storm damage, we've had storms before but never "
        'winds of this force," Mr Carr said. The damage bill is expected to top $10 million.\n'
    )
    checker = _checker_over(tmp_path, {"storm.txt": storm})
    words = "said he was struck by the unpredictability of the storm damage, adding that there had been storms before but never winds of this force."
    wrong = checker.check_sentence(f"Emergency Services Minister Alan Debus {words}")
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert wrong.differs.draft == "Emergency Services Minister Alan Debus" and "Carr" in wrong.differs.source
    # The false-positive side: the article's own speaker is not contradicted.
    right = checker.check_sentence(f"State Premier Bob Carr {words}")
    assert right.verdict != CONTRADICTED, right.reason


def test_a_pronouns_quote_opening_a_chunk_is_the_speaker_the_chunk_before_names(tmp_path, pipeline):
    """'"...," she told the council.' opens a chunk; the sentence naming her ends the one before.
    The claim gives her words to the opposition leader: a misquote, not support."""
    filler = " ".join(
        f"The plan also covers {street}, where traffic will be cut by a third within two years."
        for street in ("Mill Lane", "Quay Street", "Abbey Road", "Tanner Row", "Bridge Walk", "Orchard Way")
    )
    article = (
        "Car-free centre approved\n\n"
        f"Dunmore council approved a car-free town centre on Tuesday. {filler} "
        "Presenting the plan, the transport councillor, Ilse Marren, said the town could not wait any longer. "
        '"Our streets belong to the people who walk them, not to the cars that pass through," she told '
        "the council. She said buses would run every ten minutes from June, that the old market square "
        "would be paved again and planted with trees before the summer, that delivery vans would keep "
        "their early-morning hours, that residents' permits would be free for the first year, and that "
        "the council would count footfall in every street each month to see whether the shops lost "
        "trade. The opposition leader, "
        'Colm Fennick, voted against. "This plan punishes shops and the people who drive to them," he said.\n'
    )
    checker = _checker_over(tmp_path, {"car-free.txt": article})
    quote = '"Our streets belong'
    chunks = [
        checker.pipeline.index.chunks[i] for i in checker.pipeline.index.files["car-free.txt"]["chunk_ids"]
    ]
    assert any(c.text.startswith(quote) for c in chunks), "the quote must open a chunk for this test"
    words = "told the council that the streets belong to the people who walk them, not to the cars that pass through."
    wrong = checker.check_sentence(f"Opposition leader Colm Fennick {words}")
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert "Marren" in wrong.differs.source
    right = checker.check_sentence(f"Transport councillor Ilse Marren {words}")
    assert right.verdict != CONTRADICTED, right.reason


def test_a_claim_naming_its_speaker_is_never_lent_a_whole_passage(tmp_path, pipeline):
    """The passage holds every word of the claim, but the minister said something else in it: the
    judging model is not asked about the whole passage (it would lend anybody's words)."""
    article = (
        "Kestrel Bay ferry to return\n\n"
        "Harbour master Tom Ellery said the Kestrel Bay ferry service would resume on 14 April after "
        "a two-year closure. Engineers have rebuilt the wharf at Tallow Point. Transport minister Ana "
        "Ruiz said the state had paid for the new pontoon. Local traders had campaigned for the "
        "service since it stopped. The new vessels carry 180 passengers each.\n"
    )
    checker = _checker_over(tmp_path, {"ferry.txt": article})
    always = _CountingJudge(0.99)
    checker._judge = always
    said = checker.check_sentence(
        "Transport minister Ana Ruiz said the Kestrel Bay ferry service would resume on 14 April "
        "with new vessels carrying 180 passengers each."
    )
    assert said.verdict != SUPPORTED, said.reason
    assert always.asked == []
    # The same facts with no speaker are read with the whole passage.
    plain = checker.check_sentence(
        "The Kestrel Bay ferry service will resume on 14 April with new vessels carrying 180 passengers each."
    )
    assert plain.verdict == SUPPORTED and always.asked, plain.reason


class _ReadingJudge(_CountingJudge):
    """Records what the judging model is given to read."""

    def __init__(self, probability):
        super().__init__(probability)
        self.read = []

    def probability(self, text, claim):
        self.read.append(text)
        return super().probability(text, claim)


def test_the_judge_reads_a_claim_under_its_headline_but_not_who_said_it(tmp_path, pipeline):
    """A headline names what an article's sentences leave implicit ("the service"); for who said
    it, the judge reads the sentences alone (a headline's names would lend a speaker)."""
    from rag.readings import Found

    article = (
        "Kestrel Bay ferry to return\n\n"
        "Harbour master Tom Ellery said the service would resume on 14 April after a two-year "
        "closure. Engineers have rebuilt the wharf at Tallow Point. Local traders had campaigned "
        "for the service since it stopped. The new vessels carry 180 passengers each.\n"
    )
    checker = _checker_over(tmp_path, {"ferry.txt": article})
    checker._judge = reading = _ReadingJudge(0.99)
    plain = checker.check_sentence(
        "The Kestrel Bay ferry will be back on 14 April, two years after it stopped."
    )
    assert plain.verdict == SUPPORTED, plain.reason
    assert reading.read and all("Kestrel Bay ferry to return" in text for text in reading.read)
    # A passage further into an article does not hold its headline: it is put above what is read.
    passage = checker._passages("ferry service resume 14 April")[0]
    later = Passage(replace(passage.chunk, title="Ferry to return after two years"), passage.score)
    window = later.chunk.sentences[1:2]
    text = later.chunk.quote(window[0])
    assert "Ferry to return" not in text
    reading.read.clear()
    checker._judged("The ferry returns on 14 April.", Found(later, window, 0.6), text, titled=True)
    assert reading.read[0] == f"Ferry to return after two years\n\n{text}"
    reading.read.clear()
    checker._judged("Tom Ellery said the ferry returns on 14 April.", Found(later, window, 0.6), text)
    assert reading.read[0] == text


def test_a_body_saying_what_its_officer_said_is_no_other_speaker(tmp_path, pipeline):
    """ "Harbour Water says it has recruited 160 engineers" against the words of "the chief executive
    of Harbour Water, Ann Lee": the company speaking, not a misquote."""
    article = (
        "Harbour Water to keep repair crews on standby\n\n"
        "The chief executive of Harbour Water, Ann Lee, said the company was ready for the winter. "
        '"We have recruited 160 extra engineers in the past year," she said. '
        "Union official Tom Reid said the crews were still stretched across the region.\n"
    )
    checker = _checker_over(tmp_path, {"harbour-water.txt": article})
    body = checker.check_sentence("Harbour Water says it has recruited 160 extra engineers in the past year.")
    assert body.verdict != CONTRADICTED, body.reason
    # The false-positive side: a person of the article who did not say it is another speaker.
    other = checker.check_sentence(
        "Tom Reid said Harbour Water had recruited 160 extra engineers in the past year."
    )
    assert other.verdict == CONTRADICTED, other.reason


def test_a_changed_count_is_contradicted_where_the_article_tells_the_year_in_words(tmp_path, pipeline):
    article = (
        "Lakeside Building Society to shut branches\n\n"
        "Lakeside Building Society said on Thursday it would close 27 of its 96 branches by the end "
        "of March next year, as members move to banking on their phones.\n"
    )
    checker = _checker_over(tmp_path, {"lakeside.txt": article})
    claim = "Lakeside Building Society plans to close 27 of its {} branches by the end of March 2026."
    wrong = checker.check_sentence(claim.format(112))
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("112", "96")
    # The false-positive side: the article's own count is not contradicted, and its year is no
    # differing date ("Thursday", the day it was said).
    right = checker.check_sentence(claim.format(96))
    assert right.verdict != CONTRADICTED, right.reason
    yearless = "Lakeside Building Society plans to close 27 of its 96 branches by the end of March."
    assert checker.check_sentence(yearless).verdict != CONTRADICTED


KETTLE_LANE = (
    "Kettle Lane footbridge to reopen after repair\n\n"
    "Westmere City Council has approved a £1.4 million repair of the Kettle Lane footbridge, closed "
    "since a lorry struck one of its supports in March.\n\n"
    "The structure dates from 1974 and links the railway station with the town centre.\n\n"
    "Councillor Priya Desai, who chairs the transport committee, said the closure had forced "
    "pedestrians onto a busy road. Engineers will replace two steel beams and repaint the whole span. "
    "Nearby traders say their takings have fallen since the spring.\n\n"
    "The council had considered demolishing the bridge and building a new one, but officers found "
    "the original deck sound. A temporary crossing was ruled out because of the cost of closing the "
    "road beneath it. Residents' groups had campaigned for the repair since the summer, collecting "
    "signatures at the station entrance and on the high street.\n\n"
    "The footbridge carries around 3,000 people a day, according to council counts. Work is due to "
    "begin in June.\n"
)
MILL_ROAD = (
    "Mill Road bridge weight limit\n\n"
    "Highways officers have put a 7.5-tonne weight limit on the Mill Road bridge in Ashcombe. The "
    "bridge carries around 5,000 vehicles a day.\n"
)


def test_a_compound_claim_is_supported_clause_by_clause(tmp_path, pipeline):
    """The article gives the two facts passages apart; no window, nor passage, holds both. The
    judging model, reading a passage with the article's sentence giving the other value, finds it
    stated too; without it, the words find it clause by clause."""
    articles = {"kettle.txt": KETTLE_LANE, "mill.txt": MILL_ROAD}
    claim = "The Kettle Lane footbridge dates from 1974 and carries around {} a day."
    judged = _checker_over(tmp_path / "judged", articles)
    assert judged.check_sentence(claim.format("3,000 people")).verdict == SUPPORTED
    words = _checker_over(tmp_path / "words", articles, check_model="none")
    result = words.check_sentence(claim.format("3,000 people"))
    assert result.verdict == SUPPORTED and "clause by clause" in result.reason, result.reason
    cited = " ".join(c.text for c in result.citations)
    assert "dates from 1974" in cited and "3,000 people a day" in cited
    # The false-positive side, either way: a clause with its count changed contradicts the article
    # that states the rest; a clause another article states about another bridge supports nothing.
    for checker in (judged, words):
        changed = checker.check_sentence(claim.format("8,000 people"))
        assert changed.verdict == CONTRADICTED, changed.reason
        assert (changed.differs.draft, changed.differs.source) == ("8,000", "3,000")
        elsewhere = checker.check_sentence(claim.format("5,000 vehicles"))
        assert elsewhere.verdict != SUPPORTED, elsewhere.reason
        year = checker.check_sentence(
            "The Kettle Lane footbridge dates from 1981 and carries around 3,000 people a day."
        )
        assert year.verdict != SUPPORTED, year.reason


RALLY = (
    "Nurses to march on Tuesday\n\n"
    "Nurses from hospitals in Kelston, Marrow and Tallow Point will stop work for four hours on "
    "Tuesday in a dispute over staffing. The union said members would travel to the protest by "
    "coach.\n\n"
    "At midday the union will hold a rally on Cathedral Square in Ashbury, where it expects about "
    "3,000 people. Union secretary Dana Pryce said nurses had run out of patience after two years "
    "of talks.\n"
)


def test_a_window_naming_another_place_where_the_claims_stands_contradicts_it(tmp_path, pipeline):
    """The article names Kelston, but not where the rally is: its names count from anywhere for
    the answer check, and the window gives Ashbury in Kelston's place."""
    checker = _checker_over(tmp_path, {"rally.txt": RALLY})
    claim = "At midday the nurses' union will hold a rally on Cathedral Square in {}."
    wrong = checker.check_sentence(claim.format("Kelston"))
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("Kelston", "Ashbury")
    assert "Ashbury" in wrong.citations[0].text
    # The false-positive side: the right place is supported, a speaker the article introduces is the
    # same person, and a detail the article never gives is not found.
    assert checker.check_sentence(claim.format("Ashbury")).verdict == SUPPORTED
    secretary = checker.check_sentence(
        "Dana Pryce said nurses had run out of patience after two years of talks."
    )
    assert secretary.verdict == SUPPORTED, secretary.reason
    minister = checker.check_sentence(
        "The nurses' rally on Cathedral Square will be addressed by the health minister."
    )
    assert minister.verdict == NOT_FOUND, minister.reason


STORM_DAMAGE = (
    "Storm clean-up begins\n\n"
    "Thousands of homes in Sydney's north were without power on Monday after the storm. Emergency "
    "Services Minister Bob Debus said 4,000 calls for help had been received.\n\n"
    "Martin Walker was sitting on his back deck when the storm struck. New South Wales Premier Bob "
    "Carr said he was struck by how random the damage was, with one street flattened and the next "
    "untouched.\n"
)


def test_the_real_judge_reads_a_value_the_word_tests_leave_undecided_with_the_sources_put_back(
    tmp_path, pipeline
):
    """The last look before not found: the sentences closest to the claim that give another value,
    read by the judging model with the source's value in place of the claim's."""
    checker = _checker_over(tmp_path, {"storm.txt": STORM_DAMAGE})
    claim = "Emergency Services Minister Bob Debus said he was struck by how random the storm damage was."
    found = checker._judged_difference(claim, checker._passages(claim))
    assert found is not None
    assert found[1].differs.source == "New South Wales Premier Bob Carr" and found[0].judged >= 0.85
    # The false-positive side: a count of something else is no value to put back ("4,000 calls for
    # help" is no count of homes), and a claim far from every sentence gets nothing.
    homes = "Bob Debus said 40,000 homes had lost power in the storm."
    assert checker._judged_difference(homes, checker._passages(homes)) is None
    assert checker.check_sentence(homes).verdict != CONTRADICTED
    olympics = "Sydney hosted the sailing events of the 2000 Summer Olympics."
    assert checker.check_sentence(olympics).verdict == NOT_FOUND


def test_a_window_calling_the_claims_subject_him_under_a_name_made_of_the_claims_words_is_no_swap(
    tmp_path, pipeline
):
    """ "US Magistrate Judith Dein refused to release him": the claim's "US magistrate", and "him" the
    Richard Reid the article names first; no other name in Reid's place."""
    article = (
        "Shoe bomb suspect stays in custody\n\n"
        "Richard Reid, 28, the British man accused of trying to blow up a Paris-Miami flight with "
        "explosives hidden in his shoes, appeared in a Boston court on Friday.\n\n"
        "The prosecutors asked for more time. US Magistrate Judith Dein refused to release him on "
        "bail, but left open the possibility of a later hearing.\n"
    )
    checker = _checker_over(tmp_path, {"reid.txt": article})
    claim = "A US magistrate refused to release Richard Reid, 28, on bail, but left open the possibility of a later hearing."
    result = checker.check_sentence(claim)
    assert result.verdict != CONTRADICTED, result.reason


KELDA_STORM = (
    "Storm batters Kelda harbour\n\n"
    "The storm that hit Kelda on Sunday night sank three fishing boats and tore the roof off the fish "
    'market. "This was the worst night in forty years," said lifeboat coxswain Mara Steen, whose crew '
    "was called out six times. Harbour master Ivo Brandt said repairs to the quay would take a month.\n"
)


def test_words_a_claim_has_somebody_describe_as_something_are_checked_for_who_said_them(tmp_path, pipeline):
    """ "X described the storm as '...'" credits the words to X: the article gives them to another."""
    checker = _checker_over(tmp_path, {"kelda.txt": KELDA_STORM})
    wrong = checker.check_sentence(
        'Harbour master Ivo Brandt described the storm as "the worst night in forty years".'
    )
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert "Mara Steen" in wrong.differs.source
    # The false-positive side: the speaker the article gives is not contradicted.
    right = checker.check_sentence(
        'Lifeboat coxswain Mara Steen described the storm as "the worst night in forty years".'
    )
    assert right.verdict != CONTRADICTED, right.reason


KELBY_FACT_CHECK = (
    "Does Kelby Airport want to double night flights?\n\n"
    "By Ana Ruiz | 12 March 2025\n\n"
    "On 3 March, Kelby Airport launched a consultation on raising its annual cap on night movements "
    "from 1,800 to 2,600. That is an increase of 800 movements, or 44%. The consultation closes on 30 May.\n"
)


def test_a_month_the_claim_gives_alone_is_not_traded_by_the_judge_for_a_day_of_another_step(
    tmp_path, pipeline
):
    """The model prefers "would take effect in 3 March" to "in January 2027" (the day the
    consultation opened): no contradiction. A day against a day still is one."""
    assert month_against_day(Differs("January 2027", "3 March", "date"))
    assert not month_against_day(Differs("10 March", "3 March", "date"))
    assert not month_against_day(Differs("Tuesday", "3 March", "date"))
    assert not month_against_day(Differs("June", "July", "date"))
    checker = _checker_over(tmp_path, {"kelby.txt": KELBY_FACT_CHECK})
    later = (
        "If approved, the higher cap on night movements at Kelby Airport would take effect in January 2027."
    )
    assert checker.check_sentence(later).verdict != CONTRADICTED
    # The false-positive side: another day for the consultation's launch is contradicted.
    launched = checker.check_sentence("Kelby Airport launched its consultation on the night cap on 10 March.")
    assert launched.verdict == CONTRADICTED and launched.differs.source == "3 March"


HARNES_MINE = (
    "Harnes support package\n\n"
    "The regional government today announced a support package of 40 million crowns over three years "
    "for Harnes, following the decision by Varda Mining to close the Harnes copper mine.\n\n"
    'Minister of Industry Ola Berg said: "We will not leave Harnes to fend for itself. This town has '
    'powered the region for more than sixty years, and it will have a future after the mine."\n\n'
    "Minister Berg met Mayor Tove Lind, union representatives and Varda Mining management in Harnes "
    "on Thursday.\n"
)


def test_a_quote_first_claim_is_read_without_its_speaker_to_find_who_said_it(tmp_path, pipeline):
    """'"...," X said' against a longer quote by somebody else: the quote alone finds the window
    that gives the words, and whose they are is the claim's misquote."""
    assert reported_speech('"We will not leave Harnes alone," Siri Dahl told reporters after the talks.') == (
        "We will not leave Harnes alone"
    )
    assert (
        reported_speech('"We will not leave Harnes alone," said Siri Dahl.')
        == "We will not leave Harnes alone"
    )
    assert (
        reported_speech("We will not leave Harnes alone, Siri Dahl said.") == "We will not leave Harnes alone"
    )
    # The false-positive side of the form: a quote without a speaker after it reports nothing.
    assert reported_speech('"We will not leave Harnes alone" is the slogan on every poster.') == ""
    checker = _checker_over(tmp_path, {"harnes.txt": HARNES_MINE})
    claim = '"We will not leave Harnes to fend for itself," Varda Mining chief executive Siri Dahl said.'
    support, misquote = checker._support(claim, checker._passages(claim))
    assert support is None and misquote is not None
    assert misquote[1].differs.source == "Minister of Industry Ola Berg"
    assert checker.check_sentence(claim).verdict == CONTRADICTED
    # The false-positive side: the quote given to its own speaker is no misquote.
    right = '"We will not leave Harnes to fend for itself," Industry Minister Ola Berg said.'
    assert checker._support(right, checker._passages(right))[1] is None
    assert checker.check_sentence(right).verdict != CONTRADICTED


FACT_CHECK_PAGE = (
    "Verifica Norte\n\nFACT CHECK | Health\n\nIs the Dalby clinic closing?\n\n"
    "By Iris Maro | 4 June 2025\n\n"
    'CLAIM: "The Dalby clinic will close for good in July." (Facebook post, shared 900 times)\n\n'
    "VERDICT: FALSE\n\n"
    "The clinic is moving to a new building on Orchard Road and will reopen there in August, the "
    "health board said. Verifica Norte rates the post false.\n"
)


def test_a_fact_checks_heading_label_is_nobody_in_the_claims_place(tmp_path, pipeline):
    """'CLAIM: "..."' opens a line of a fact check's page: a heading, not somebody saying the post
    in place of the fact checker the claim names."""
    checker = _checker_over(tmp_path, {"verifica.txt": FACT_CHECK_PAGE})
    claim = (
        "Verifica Norte rated as false a Facebook post saying the Dalby clinic will close for good in July."
    )
    result = checker.check_sentence(claim)
    assert result.verdict != CONTRADICTED, result.reason
    assert "CLAIM" not in result.reason


def test_a_heading_label_is_a_line_opening_label_no_other_line_opens_with():
    """The false-positive side of the heading test: a transcript's speaker opens two lines, and a
    name written in capitals inside a line is no label."""
    transcript = (
        "HOST: Is the clinic closing?\nDORN: It moves in August.\nHOST: And staff?\nDORN: They all move.\n"
    )
    assert heading_label("CLAIM", 'CLAIM: "It closes."', FACT_CHECK_PAGE)
    assert not heading_label("DORN", "DORN: It moves in August.", transcript)
    assert not heading_label("CLAIM", 'The post said: CLAIM: "It closes."', FACT_CHECK_PAGE)


def test_a_sentence_stating_the_claim_with_its_own_name_outweighs_one_naming_another(tmp_path, pipeline):
    """India's measure names New Delhi, Pakistan's Islamabad, in one window: the claim about
    Pakistan's is stated, not swapped."""
    article = (
        "Pakistan retaliates\n\n"
        "Pakistan has announced sanctions against India. The Indian government confined Pakistan's "
        "embassy staff to the limits of New Delhi and banned its aircraft last week. Pakistan will "
        "now confine Indian embassy staff to Islamabad and ban Indian aircraft from its airspace.\n"
    )
    checker = _checker_over(tmp_path, {"sanctions.txt": article})
    claim = "Pakistan will confine Indian embassy staff to {} and ban Indian aircraft from its airspace."
    right = checker.check_sentence(claim.format("Islamabad"))
    assert right.verdict == SUPPORTED, right.reason
    assert "Islamabad" in " ".join(c.text for c in right.citations)
    # The false-positive side: a place the article never gives is still another place.
    wrong = checker.check_sentence(claim.format("Lahore"))
    assert wrong.verdict != SUPPORTED, wrong.reason


OUTLET_ARTICLES = {
    "port-wire.txt": (
        "Dock workers end four-day walkout after 7 pct wage deal\n\n"
        "MERRIVALE, June 8 (Harbour Wire) - Dock workers at Merrivale port called off a four-day "
        "walkout on Saturday after the port authority agreed to a 7 percent wage increase, union "
        "officials said. Cargo handling resumed on Sunday.\n"
    ),
    "daily-blast.txt": (
        "DOCKS BACK IN BUSINESS\n\n"
        "Dockers win 9% wage rise as port bosses cave\n\n"
        "Ships are moving again at Merrivale after the great dock walkout ended. Port boss Alan "
        "Fry finally gave in after all-night talks on Saturday, handing crane operators and "
        "stevedores a 9 per cent wage rise.\n"
    ),
    "ferry-wire.txt": (
        "Holmbay ferry crews end strike\n\n"
        "Ferry crews at Holmbay ended a two-day strike on Friday after winning a 5 percent pay rise, "
        "their union said.\n"
    ),
    "holmbay-port.txt": (
        "Holmbay port busier\n\n"
        "Holmbay port handled 6 percent more ferry passengers in June than a year earlier, despite "
        "the two-day strike by ferry crews, its operator said.\n"
    ),
    "pension-explainer.txt": (
        "What the budget means for you\n\n"
        "The monthly pension for retired fishers goes up from 1,600 to 2,000 crowns from June 1. "
        "About 21,000 fishers are registered, so the rise will cost the state roughly 40 million "
        "crowns a year.\n"
    ),
    "pension-corrections.txt": (
        "Corrections\n\n"
        "In a report on the budget, we said the monthly pension for retired fishers would rise to "
        "2,000 crowns from April 1. The rise takes effect later in the year.\n"
    ),
}


@pytest.fixture(scope="module")
def outlet_checker(tmp_path_factory, pipeline):
    return _checker_over(tmp_path_factory.mktemp("outlets"), OUTLET_ARTICLES)


def test_a_claim_one_outlet_contradicts_and_another_states_is_mixed(outlet_checker):
    # The tabloid never says how long the walkout lasted, so it does not state the claim whole.
    result = outlet_checker.check_sentence(
        "The deal that ended the four-day dock walkout gives workers a 9 percent wage rise."
    )
    assert result.verdict == MIXED, result.reason
    assert [c.source for c in result.citations] == ["daily-blast.txt", "port-wire.txt"]
    assert (result.differs.draft, result.differs.source) == ("9 percent", "7 pct")
    # The false-positive side: another article giving the claim's figure for another thing
    # (passengers, not pay) leaves the claim contradicted.
    wrong = outlet_checker.check_sentence(
        "The deal that ended the two-day Holmbay ferry strike gave crews a 6 percent pay rise."
    )
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("6 percent", "5 percent")


def test_outlets_disagreeing_on_a_date_the_claim_does_not_give_leave_it_supported(outlet_checker):
    result = outlet_checker.check_sentence(
        "With some 21,000 fishers registered, the higher pension will cost the state about 40 million crowns a year."
    )
    assert result.verdict == SUPPORTED, result.reason
    # The case the date conflict is for: the claim gives the date one outlet gives.
    dated = outlet_checker.check_sentence(
        "The monthly pension for retired fishers rises to 2,000 crowns from June 1."
    )
    assert dated.verdict == MIXED, dated.reason
    assert (dated.differs.draft, dated.differs.source) == ("June 1", "April 1")


QUOTE_OUTLETS = {
    "valley-radio.txt": (
        "VALLEY RADIO - MORNING BULLETIN, TUESDAY 4 MAY 2027\n\n"
        "08:00 PRESENTER: Good morning. The ferry to Kessel Island is cancelled again today, the third "
        "day running, because Kessel Lines cannot find enough crew.\n\n"
        "08:01 [SOT - MARTA GRAYLING, FERRY MANAGER, KESSEL LINES] GRAYLING: We're being asked to sail "
        "a ship with no crew on it. We'll keep trying, but nobody can make that work for long.\n\n"
        "08:02 PRESENTER: On the quay, the fishing fleet is short of hands too.\n\n"
        "08:03 [SOT - PIET LANGE, SKIPPER] LANGE: The fish are there off Kessel, but the boats are not. "
        "Half the fleet is tied up.\n\n"
        "08:04 PRESENTER: The island council met last night.\n\n"
        "08:05 [SOT - EDDA VOSS, ISLAND COUNCILLOR]\n"
        "VOSS: The council will pay for a second boat if Kessel Lines can crew it.\n"
        "[END SOT]\n"
    ),
    "island-wire.txt": (
        "Kessel Island ferry cancelled for a third day\n\n"
        "KESSEL, May 4 (IW) - The ferry to Kessel Island was cancelled for a third day on Tuesday as a "
        "crew shortage at Kessel Lines worsened, leaving about 300 islanders without a crossing.\n\n"
        '"We are being asked to sail a ship with no crew on it," Kessel harbourmaster Olaf Brenning '
        "told IW. Kessel Lines said it hoped to run one crossing on Thursday.\n"
    ),
    "tarn-post.txt": (
        "Tarn fleet stays in port\n\n"
        "The fishing boats of Tarn stayed in port for a second week as crews left for jobs on the "
        "mainland.\n\n"
        '"The fish are there, but the boats are not," said Tarn fisherman Hilde Ostrom, whose own crew '
        "of four has gone. The Tarn harbour board meets on Friday.\n"
    ),
}


@pytest.fixture(scope="module")
def quote_checker(tmp_path_factory, pipeline):
    return _checker_over(tmp_path_factory.mktemp("quotes"), QUOTE_OUTLETS)


def test_a_quote_another_outlet_gives_to_another_speaker_is_mixed(quote_checker):
    """The wire gives the radio's quote to the harbourmaster and never names the claim's ferry
    manager: the outlets disagree on who said it (it still names the claim's Kessel Lines)."""
    checker = quote_checker
    result = checker.check_sentence(
        "Ferry manager Marta Grayling said Kessel Lines was being asked to sail a ship with no crew on it."
    )
    assert result.verdict == MIXED, result.reason
    assert [c.source for c in result.citations] == ["valley-radio.txt", "island-wire.txt"]
    assert (result.differs.draft, result.differs.source) == ("Marta Grayling", "Olaf Brenning")
    # The false-positive side: another island's fisherman saying the same words is somebody else
    # in another place (the paper never names the claim's Kessel), not a rival speaker of them.
    claim = "Kessel skipper Piet Lange said the fish were there, but the boats were not."
    rivals = checker._contradictions(claim, checker._passages(claim))
    assert [found.passage.chunk.source for found, _ in rivals] == ["tarn-post.txt"]
    other_place = checker.check_sentence(claim)
    assert other_place.verdict == SUPPORTED, other_place.reason
    assert [c.source for c in other_place.citations] == ["valley-radio.txt"]


def test_words_of_a_turn_its_cue_names_in_full_given_to_another_are_contradicted(quote_checker):
    """The bulletin cues the clip with its speaker in full on the line before and labels the turn
    by surname ("[SOT - EDDA VOSS, ...]" then "VOSS: ..."): the turn is the councillor's, so the
    harbourmaster never said it (the turn had no speaker, and the claim was not found)."""
    wrong = quote_checker.check_sentence(
        "Harbourmaster Olaf Brenning said the council would pay for a second boat if Kessel Lines could crew it."
    )
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("Harbourmaster Olaf Brenning", "Edda Voss")
    assert wrong.citations[0].text.startswith("VOSS: The council will pay")
    # The false-positive side: the councillor's own words stay hers.
    right = quote_checker.check_sentence(
        "Councillor Edda Voss said the council would pay for a second boat if Kessel Lines could crew it."
    )
    assert right.verdict == SUPPORTED, right.reason


TRAM_INTERVIEW = (
    "Radio Hallam Breakfast\nTranscript, Thursday 4 June\n\n"
    "PRESENTER: Good morning. With me is the Secretary for Transport, Imogen Cartwright, and on the "
    "line from the Stanmoor depot is the tram drivers' union organiser Pell Anand.\n\n"
    "SECRETARY: Good morning.\n\n"
    "PRESENTER: Why are the Hallam trams not running this week?\n\n"
    "ANAND: Because the Stanmoor depot is short of forty drivers. Nobody can run a tram timetable on "
    "goodwill and overtime.\n\n"
    "SECRETARY: We are hiring. Twelve new drivers start at the depot on Monday.\n\n"
    "PELL ANAND: Twelve is not forty.\n"
)
TOWN_BRIEFS = (
    "Hallam news in brief\n\n"
    "STANMOOR: Two primary schools in Stanmoor will close early on Friday for staff training.\n\n"
    "KESTON: The Fen Bridge in Keston will reopen in May after repairs to its deck.\n"
)


def test_a_transcript_turn_gives_its_words_to_the_labelled_speaker(tmp_path, pipeline):
    """A transcript says who speaks by a label ("ANAND: ..."), not a verb: the words are Anand's,
    so they support a claim naming him and contradict one naming the other guest."""
    checker = _checker_over(
        tmp_path, {"tram-interview.txt": TRAM_INTERVIEW, "briefs.txt": TOWN_BRIEFS}, check_model="none"
    )
    quote = "said nobody can run a tram timetable on goodwill and overtime."
    right = checker.check_sentence(f"Pell Anand {quote}")
    assert right.verdict == SUPPORTED, right.reason
    assert right.citations[0].text.startswith("ANAND: Because")  # cited from the speaker's label on
    wrong = checker.check_sentence(f"Imogen Cartwright {quote}")
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert wrong.differs.source == "Pell Anand"
    # The same words reported to an audience ("told ... listeners that") or "according to" the speaker.
    told = checker.check_sentence(
        f"Imogen Cartwright told Radio Hallam listeners that {quote.split(' ', 1)[1]}"
    )
    assert told.verdict == CONTRADICTED, told.reason
    assert (told.differs.draft, told.differs.source) == ("Imogen Cartwright", "Pell Anand")
    told_right = checker.check_sentence(
        f"Pell Anand told Radio Hallam listeners that {quote.split(' ', 1)[1]}"
    )
    assert told_right.verdict == SUPPORTED, told_right.reason
    hiring = "twelve new drivers start at the Stanmoor depot on Monday."
    assert checker.check_sentence(f"According to Imogen Cartwright, {hiring}").verdict == SUPPORTED
    according = checker.check_sentence(f"According to Pell Anand, {hiring}")
    assert according.verdict == CONTRADICTED, according.reason
    assert (according.differs.draft, according.differs.source) == ("Pell Anand", "Imogen Cartwright")
    # The false-positive side: a news-in-brief's place labels open one line each, and speak for nobody.
    brief = checker.check_sentence(
        "Council leader Ann Hale said two primary schools in Stanmoor will close early on Friday for staff training."
    )
    assert brief.verdict != CONTRADICTED, brief.reason


SHIELD_FINAL = (
    "Fenmoor win the Wessex Shield\n\n"
    "Fenmoor Town beat Harrowgate 2-1 in the Wessex Shield final at Kingsmead on Saturday, their first "
    "trophy in 31 years.\n\n"
    '"This is for the fans who stayed with us through two relegations," said Fenmoor Town coach Ray '
    "Dallow after the final whistle.\n\n"
    "Fenmoor Town captain Lee Ashworth lifted the shield in front of 6,000 supporters.\n"
)
BERTH_CRANES = (
    "Berth 4 cranes arrive at Ardley\n\n"
    "The Kestrel Ports Authority (KPA) has taken delivery of four gantry cranes for the new Berth 4 "
    "container terminal at Ardley, putting the expansion back on track for August.\n\n"
    "Once Berth 4 is in operation, KPA says annual container capacity at Ardley will rise from "
    "300,000 TEU to 450,000 TEU.\n"
)


def test_a_quote_is_another_persons_though_both_speakers_name_the_same_club(tmp_path, pipeline):
    """The claim's captain and the article's coach share "Fenmoor Town": a person is told apart by
    surname. A participle ("..., saying: ...") gives the sentence's subject as the speaker."""
    checker = _checker_over(
        tmp_path, {"shield.txt": SHIELD_FINAL, "berth.txt": BERTH_CRANES}, check_model="none"
    )
    quote = '"This is for the fans who stayed with us through two relegations."'
    said = checker.check_sentence(f"Fenmoor Town captain Lee Ashworth said: {quote}")
    assert said.verdict == CONTRADICTED, said.reason
    assert said.differs.source.endswith("Ray Dallow")
    saying = checker.check_sentence(
        f"Fenmoor Town captain Lee Ashworth dedicated the Wessex Shield win to the fans, saying: {quote}"
    )
    assert saying.verdict == CONTRADICTED, saying.reason
    # The false-positive side: the coach by his name, his title or his surname alone.
    for speaker in ("Fenmoor Town coach Ray Dallow", "Coach Ray Dallow", "Dallow"):
        right = checker.check_sentence(f"{speaker} said: {quote}")
        assert right.verdict != CONTRADICTED, (speaker, right.reason)
    # ...nor described otherwise ("Head coach" against "Fenmoor Town coach": one person).
    described = checker.check_sentence(
        f"Head coach Ray Dallow dedicated the Wessex Shield win to the fans, saying: {quote}"
    )
    assert described.verdict not in (CONTRADICTED, MIXED), described.reason


def test_a_body_speaking_by_its_initials_is_the_body_the_claim_names(tmp_path, pipeline):
    """A body by its initials: "KPA says ..." is the Kestrel Ports Authority's word, not another's."""
    checker = _checker_over(tmp_path, {"berth.txt": BERTH_CRANES, "shield.txt": SHIELD_FINAL})
    figures = "Berth 4 will lift Ardley's annual container capacity from 300,000 TEU to 450,000 TEU."
    right = checker.check_sentence(f"According to the Kestrel Ports Authority, {figures}")
    assert right.verdict == SUPPORTED, right.reason
    other = checker.check_sentence(f"According to the Tamsin Ports Authority, {figures}")
    assert other.verdict == CONTRADICTED, other.reason
    assert other.differs.source == "KPA"


DOCK_STRIKE = (
    "Dockers vow to fight cuts\n\n"
    "Mira Holt, who leads the dockers' union at Fenport, said the union would fight any compulsory "
    'job cuts at the container terminal. "We will talk about shorter shifts. We will not talk about '
    'sacking people," she said.\n\n'
    "The terminal's owner, Baltic Quay, wants to cut 240 of its 900 jobs by next spring.\n"
)


def test_a_quote_running_over_two_sentences_is_the_speaker_named_after_it(tmp_path, pipeline):
    """'"We will talk about shorter shifts. We will not ...," she said.' after "Mira Holt ... said":
    the quote's first sentence is Holt's too; and 'X said, "..."' reports the quote."""
    checker = _checker_over(tmp_path, {"docks.txt": DOCK_STRIKE}, check_model="none")
    quote = '"We will talk about shorter shifts."'
    wrong = checker.check_sentence(f"Fenport mayor Owen Tate said, {quote}")
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("Fenport mayor Owen Tate", "Mira Holt")
    right = checker.check_sentence(f"Mira Holt said, {quote}")
    assert right.verdict == SUPPORTED, right.reason


HARROW_TUNNEL = (
    "Harrow tunnel opens\n\n"
    "Prime Minister Ada Pell opened the Harrow Rail Tunnel at a ceremony at the southern portal near "
    "Brede on Thursday. The 14-kilometre tunnel took six years to build.\n\n"
    "Regular passenger trains will start running through it on 28 April.\n"
)


def test_another_direction_for_the_same_thing_contradicts(tmp_path, pipeline):
    """A source's "southern portal" contradicts the claim's northern one, and its own does not."""
    checker = _checker_over(tmp_path, {"tunnel.txt": HARROW_TUNNEL}, check_model="none")
    opened = "Prime Minister Ada Pell opened the Harrow Rail Tunnel at a ceremony at its {} portal."
    wrong = checker.check_sentence(opened.format("northern"))
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("northern portal", "southern portal")
    assert checker.check_sentence(opened.format("southern")).verdict == SUPPORTED


GLASSWORKS_CLOSURE = (
    "Brandor to shut Graventor glassworks\n\n"
    "Brandor said on Monday it would close its Graventor glassworks by the end of September, with the "
    "loss of 310 jobs. Shares in Brandor, which is listed on the Mirenholm exchange, rose 4.6 percent "
    "by the close on Monday as investors welcomed the cost cuts.\n"
)


def test_a_figure_moved_the_other_way_contradicts(tmp_path, pipeline):
    """The judging model read "shares fell 4.6 percent" as stated by "rose 4.6 percent" (78%)."""
    checker = _checker_over(tmp_path, {"glass.txt": GLASSWORKS_CLOSURE})
    closure = "Brandor's shares {} 4.6 percent on the day it announced the Graventor closure."
    wrong = checker.check_sentence(closure.format("fell"))
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("fell 4.6 percent", "rose 4.6 percent")
    # The false-positive side: the same way, in the source's word or another.
    assert checker.check_sentence(closure.format("rose")).verdict == SUPPORTED
    assert checker.check_sentence(closure.format("gained")).verdict == SUPPORTED


KELDER_PHONE_IN = (
    "Morning phone-in, Radio Kelder\n\n"
    "08:14:02 ANNA VOSS: We're talking about the new ring road. Councillor Tomas Brede is with me.\n"
    "08:14:10 TOMAS BREDE: Morning, Anna.\n"
    "08:14:12 ANNA VOSS: Let's go to the phones. Karl runs a garage on Mill Lane.\n"
    "08:14:20 KARL (CALLER): If you close Mill Lane for two years, nobody reaches my workshop and I'm done.\n"
    "08:14:31 TOMAS BREDE: Karl, I hear you. We'll build it in sections, so no single stretch of road "
    "will be closed for more than eighteen months, and there's a fund for firms on the route.\n"
    "08:14:49 ANNA VOSS: Eighteen months is still a long time for a garage.\n"
)


def test_a_window_giving_the_claims_figure_in_other_words_is_read_by_the_judge(tmp_path, pipeline):
    """A reworded claim scores below a stated one (0.3-0.5): its window goes to the judging model when
    it gives every figure of the claim itself, "eighteen months" for "a year and a half" included."""
    checker = _checker_over(tmp_path, {"kelder.txt": KELDER_PHONE_IN})
    phased = (
        "Tomas Brede told Radio Kelder listeners that the works would be phased so that no stretch of "
        "road is shut for longer than {}."
    )
    assert checker.check_sentence(phased.format("a year and a half")).verdict == SUPPORTED
    # The false-positive side: a length the window does not give is no support.
    assert checker.check_sentence(phased.format("two and a half years")).verdict != SUPPORTED


HARROWGATE_APPROVED = (
    "Harrowgate hospital wing approved\n\nBy Lena Moss\n\n"
    "The Ostmark Provincial Health Board approved the Harrowgate hospital expansion on Tuesday evening by "
    "seven votes to two. The plan, costed at 212 million crowns, adds a wing with 160 beds and six "
    "operating theatres. Building is due to start in the spring.\n"
)
HARROWGATE_WHO_PAYS = (
    "HARROWGATE EXPANSION: WHO PAYS\n\n"
    "The Ostmark Provincial Health Board's approval on Tuesday of the Harrowgate hospital expansion puts a "
    "price tag of 218 million crowns on the largest health project in the province since the 1990s. "
    "The province pays 60 percent and the national health fund the rest.\n"
)


def test_another_outlets_sum_is_no_rival_tally_of_the_vote(tmp_path, pipeline):
    """A business brief's "price tag of 218 million crowns" on the approval made the vote's tally
    `mixed` ("seven votes to two" / "218"): a tally faces another tally or a bare count, no sum."""
    checker = _checker_over(
        tmp_path,
        {
            "ostmarkledger_2030-10-02_wing-approved.txt": HARROWGATE_APPROVED,
            "marketbrief_2030-10-04_who-pays.txt": HARROWGATE_WHO_PAYS,
        },
    )
    backed = "The Ostmark Provincial Health Board backed the Harrowgate hospital expansion by {} on Tuesday."
    assert checker.check_sentence(backed.format("seven votes to two")).verdict == SUPPORTED
    # The false-positive side: another tally is still contradicted by the article's own.
    wrong = checker.check_sentence(backed.format("six votes to three"))
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("six votes to three", "seven votes to two")


VALE_CUP_CLUB = (
    "Dunmere lift the Vale Cup\n\n"
    "Dunmere beat Ashby 2-1 in the Vale Cup final on Saturday. Ashby defender Piotr Lasek was sent off "
    "in the 64th minute of the final after a second yellow card for a foul on Hale.\n\n"
    "Turnout at the club's open-top bus parade on Sunday was 46 percent higher than last year's.\n"
)
VALE_CUP_TABLOID = (
    "CUP JOY FOR DUNMERE\n\n"
    "Ashby's hopes went up in smoke when hot-headed defender Piotr Lasek was sent off in the Vale Cup "
    "final for a second booking with almost 26 minutes to go.\n"
)
VALE_CUP_WIRE = (
    "Dunmere win Vale Cup\n\n"
    "Ashby defender Piotr Lasek was sent off in the 58th minute of the Vale Cup final for a second "
    "yellow card, and Dunmere won 2-1.\n"
)
BREDE_TURNOUT = (
    "Brede by-election: Hart wins\n\n"
    "Green candidate Lena Hart won the Brede mayoral by-election on Sunday. Turnout was 46.2 percent "
    "of the town's 31,000 registered voters, down from 58.9 percent in 2022.\n"
)
BREDE_WIRE = (
    "Hart wins Brede\n\n"
    "BREDE (Wire) - Green candidate Lena Hart won the Brede mayoral by-election with 41.3 percent of "
    "the vote, the electoral commission said on Monday.\n"
)


def test_a_rank_or_a_share_is_no_figure_outlets_disagree_on(tmp_path, pipeline):
    """ "the 64th minute" against "26 minutes to go", a turnout against a candidate's share of the
    vote: other figures, not another outlet's figure of the same thing."""
    articles = {"club.txt": VALE_CUP_CLUB, "tabloid.txt": VALE_CUP_TABLOID}
    articles |= {"brede.txt": BREDE_TURNOUT, "brede-wire.txt": BREDE_WIRE}
    checker = _checker_over(tmp_path / "a", articles, check_model="none")
    sent_off = "Ashby defender Piotr Lasek was sent off in the 64th minute of the Vale Cup final after a second yellow card."
    assert checker.check_sentence(sent_off).verdict == SUPPORTED
    turnout = checker.check_sentence("Turnout in the Brede mayoral by-election was 46.2 percent.")
    assert turnout.verdict == SUPPORTED, turnout.reason
    # The false-positive side: another outlet's rank of the same minute does disagree.
    vale = {"club.txt": VALE_CUP_CLUB, "wire.txt": VALE_CUP_WIRE}
    assert _values_mixed_by_words(tmp_path / "b", vale, sent_off) == ("64", "58")


def _values_mixed_by_words(folder, articles: dict[str, str], sentence: str) -> tuple[str, str]:
    """The claim's and the other outlet's value, for a sentence the word tests alone make mixed
    over ``articles``."""
    mixed = _checker_over(folder, articles, check_model="none").check_sentence(sentence)
    assert mixed.verdict == MIXED, mixed.reason
    return mixed.differs.draft, mixed.differs.source


ARDEN_STAR_WIRE = (
    "Fire on ferry Arden Star off Kell Point\n\n"
    "The ferry Arden Star was carrying 180 passengers and 24 crew when fire broke out in its engine "
    "room off Kell Point on Sunday, the coastguard said. All passengers were taken off by lifeboats.\n"
)
ARDEN_STAR_LOCAL = (
    "Kell Point mourns Arden Star crew\n\n"
    "Four crew of the ferry Arden Star died in the engine room fire off Kell Point on Sunday, the "
    "coastguard said.\n"
)
ARDEN_STAR_RADIO = (
    "Arden Star fire: what we know\n\n"
    "The ferry Arden Star had some 30 crew on board when the fire broke out off Kell Point on "
    "Sunday, the coastguard said.\n"
)


def test_a_figure_far_from_the_claims_is_no_other_outlets_figure_of_the_same_thing(tmp_path, pipeline):
    """ "24 crew" on board and "four crew" who died count crew, but outlets disagreeing on one figure
    do not differ sixfold: the claim stays supported."""
    aboard = "The Arden Star was carrying 180 passengers and 24 crew when fire broke out in its engine room."
    checker = _checker_over(
        tmp_path / "a", {"wire.txt": ARDEN_STAR_WIRE, "local.txt": ARDEN_STAR_LOCAL}, check_model="none"
    )
    supported = checker.check_sentence(aboard)
    assert supported.verdict == SUPPORTED, supported.reason
    # The false-positive side: another outlet's crew on board, within a factor of two, disagrees.
    radio = {"wire.txt": ARDEN_STAR_WIRE, "radio.txt": ARDEN_STAR_RADIO}
    assert _values_mixed_by_words(tmp_path / "b", radio, aboard) == ("24", "30")


def _ward_release(dateline: str) -> str:
    return (
        f"MINISTRY OF HEALTH\n{dateline}\n\nFood poisoning cluster at Harlow wedding\n\n"
        "The ministry confirms that 38 people were admitted to Harlow District Hospital after a wedding "
        "feast on Saturday. As of 9 a.m. today, 29 patients have been discharged from Harlow District "
        "Hospital and nine remain there, the ministry said.\n"
    )


def _ward_checker(folder, dateline: str) -> DraftChecker:
    """A checker over the ward release alone, words only (no judging model)."""
    return _checker_over(folder, {"release.txt": _ward_release(dateline)}, check_model="none")


def test_a_claims_weekday_meets_the_today_of_an_article_written_that_day(tmp_path, pipeline):
    """A release dated Monday says "today"; the draft says "on Monday"."""
    checker = _ward_checker(tmp_path / "a", "Monday 2 March 2026")
    stated = "By 9 a.m. on Monday, 29 patients had been discharged from Harlow District Hospital, the ministry said."
    supported = checker.check_sentence(stated)
    assert supported.verdict == SUPPORTED, supported.reason
    wrong = checker.check_sentence(stated.replace("29", "19"))
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("19", "29")
    # The false-positive side: the same words in a release dated Sunday do not state Monday.
    sunday = _ward_checker(tmp_path / "b", "Sunday 1 March 2026")
    assert sunday.check_sentence(stated).verdict == NOT_FOUND


def test_a_claims_date_meets_the_today_of_an_article_written_that_day(tmp_path, pipeline):
    """A release dated Monday 2 March says "today"; the draft says "on 2 March"."""
    checker = _ward_checker(tmp_path / "a", "Monday 2 March 2026")
    stated = "By 9 a.m. on 2 March, 29 patients had been discharged from Harlow District Hospital, the ministry said."
    supported = checker.check_sentence(stated)
    assert supported.verdict == SUPPORTED, supported.reason
    # The false-positive side: another day, another weekday for the day, or a release dated Sunday.
    assert checker.check_sentence(stated.replace("2 March", "3 March")).verdict != SUPPORTED
    assert checker.check_sentence(stated.replace("on 2 March", "on Tuesday 2 March")).verdict != SUPPORTED
    sunday = _ward_checker(tmp_path / "b", "Sunday 1 March 2026")
    assert sunday.check_sentence(stated).verdict != SUPPORTED


TARVEL_COACH = (
    "Eleven killed as coach plunges into Tarvel gorge\n\n"
    "DORNBY - Eleven people were killed and 27 injured when an overnight coach run by Kessel Lines left "
    "Route 9 at the notorious Hawk's Bend before dawn on Tuesday and fell nearly 150 metres into the Tarvel "
    "gorge, in the deadliest road accident the province has seen this year.\n\n"
    "Rescue teams worked through the morning to reach the wreck, police said.\n"
)


def test_a_long_sentence_telling_more_contradicts_when_it_lines_up_the_claim_around_its_value(
    tmp_path, pipeline
):
    """The sentence tells the whole crash, so it is far in meaning from a claim of the fall alone
    (cosine under `MIN_EVENT_SIMILARITY`), yet it holds the claim's words with 150 where the claim
    has 300."""
    checker = _checker_over(tmp_path, {"coach.txt": TARVEL_COACH}, check_model="none")
    sentence = TARVEL_COACH.split("\n\n")[1]
    fell = "The Kessel Lines coach fell roughly 300 metres into the Tarvel gorge."
    assert checker._similarity(fell, [sentence])[0] < MIN_EVENT_SIMILARITY
    wrong = checker.check_sentence(fell)
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("300", "150")
    # The false-positive side: a claim counting coaches lines up as many words, but its 300 faces
    # the 27 injured, which stands elsewhere in the sentence: no figure of the claim's.
    runs = "Kessel Lines runs 300 overnight coaches on Route 9 through Hawk's Bend."
    assert checker._similarity(runs, [sentence])[0] < MIN_EVENT_SIMILARITY
    assert checker.check_sentence(runs).verdict == NOT_FOUND


HARROW_TUNNEL_REPORT = (
    "Brass bands as Harrow tunnel opens\n\n"
    "Six years after the first excavator bit into the hillside above Brede, the Harrow Rail Tunnel "
    "opened on Thursday with brass bands, speeches and a ribbon cut by Prime Minister Ada Pell.\n\n"
    "The first regular passenger trains will run through it on 28 April.\n"
)


def test_a_direction_the_source_gives_outweighs_the_judges_reading_of_a_window_without_one(
    tmp_path, pipeline
):
    """Another outlet's opening says nothing of the portal, and the judging model reads the claim
    into it; the sentence giving the southern portal still contradicts the northern one."""
    checker = _checker_over(tmp_path, {"tunnel.txt": HARROW_TUNNEL, "report.txt": HARROW_TUNNEL_REPORT})
    opened = "Prime Minister Ada Pell opened the Harrow Rail Tunnel at a ceremony at its northern portal."
    wrong = checker.check_sentence(opened)
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert wrong.citations[0].source == "tunnel.txt"


LANTERN_FESTIVAL_DAILY = (
    "Lanterns light up Millbrook\n\n"
    "A crowd of 12,000 filled Riverside Park on Saturday night for the first Millbrook Lantern "
    "Festival, the town council said.\n\n"
    "Stalls sold out of paper lanterns by nine o'clock, and the festival raised £8,000 for the "
    "Millbrook lifeboat station.\n"
)
LANTERN_FESTIVAL_RADIO = (
    "Millbrook Lantern Festival: how the night went\n\n"
    "Organisers told us some 9,500 people came through the gates of Riverside Park for Saturday's "
    "Millbrook Lantern Festival, with queues at the footbridge for most of the evening.\n\n"
    "Volunteer coordinator Dev Sandhu said 40 volunteers had worked on the night.\n"
)


def test_another_outlets_figure_in_other_words_makes_a_claim_mixed_by_the_real_judge(tmp_path, pipeline):
    """ "some 9,500 people came through the gates" counts what "a crowd of 12,000 filled" does, in
    words the figure tests do not line up: the judging model reads the radio's sentence with its
    figure in the claim's place."""
    articles = {"daily.txt": LANTERN_FESTIVAL_DAILY, "radio.txt": LANTERN_FESTIVAL_RADIO}
    checker = _checker_over(tmp_path, articles)
    crowd = checker.check_sentence(
        "A crowd of 12,000 attended the Millbrook Lantern Festival in Riverside Park."
    )
    assert crowd.verdict == MIXED, crowd.reason
    assert (crowd.differs.draft, crowd.differs.source) == ("12,000", "9,500")
    assert [c.source for c in crowd.citations][-1] == "radio.txt"
    assert "checking model" in crowd.reason
    # The false-positive side: another figure of the radio's (its volunteers) is not the money raised.
    raised = checker.check_sentence(
        "The Millbrook Lantern Festival raised £8,000 for the town's lifeboat station."
    )
    assert raised.verdict == SUPPORTED, raised.reason


@pytest.mark.fast
def test_another_outlets_rival_value_is_a_figure_of_the_same_order_and_form_or_a_date_of_the_same_form():
    from rag.outlets import rival_value, value_kind
    from rag.tokens import runs, tokens

    def rival(value, other):
        def first(text):
            return next(run for run in runs(tokens(text)) if value_kind(run))

        return rival_value(value, first(value), other, first(other))

    assert rival("5,000 people", "3,400 forced from their homes")
    assert rival("Sept. 13", "September 20")
    assert rival("Tuesday", "Monday")
    assert rival("£54m", "£52m")
    assert rival("ORV 85,000", "ORV 60,000")
    assert rival("61.4 per cent", "58%")
    assert rival("three minutes", "two minutes")
    # The false-positive side: another order of magnitude counts something else; a weekday is no
    # other outlet's calendar date, nor a figure a date; a figure of another form (a score, a
    # share, money, a measure of time or length) is no figure for the same thing.
    assert not rival("4,800", "26")
    assert not rival("seven-year", "2.1")
    assert not rival("31 January", "Thursday")
    assert not rival("1,140", "September 20")
    assert not rival("three minutes from the end", "2-1 winners")
    assert not rival("three minutes from the end", "won 2–1")
    assert not rival("61 per cent", "£61m")
    assert not rival("4 km", "3 hours")
    assert not rival("a 12 per cent pay rise", "11 negotiators")
    # A figure without a form of its own may be any: an age in years against an age given bare.
    assert rival("He is 54 years old.", "Albury, 52, was jailed.")


def test_a_word_capitalised_for_opening_the_claim_is_no_name_another_outlet_changes(tmp_path, pipeline):
    """ "Annual inflation eased to 3.1 percent" against another outlet's "Consumer price inflation
    fell to 3.1 percent": the same figure, and two words capitalised only for opening their sentences."""
    articles = {
        "release.txt": "Inflation eases in September\n\nAnnual inflation eased to 3.1 percent in September "
        "from 3.6 percent in August, the statistics office said on Tuesday.\n",
        "wire.txt": "Prices cool as bank weighs cut\n\nConsumer price inflation fell to 3.1 percent in September "
        "from 3.6 percent in August, the statistics office said last week.\n",
    }
    checker = _checker_over(tmp_path / "a", articles, check_model="none")
    claim = "Annual inflation eased to 3.1 percent in September from 3.6 percent in August."
    result = checker.check_sentence(claim)
    assert result.verdict == SUPPORTED, result.reason
    # The false-positive side: a name of two words opening the claim is still a name.
    articles = {
        "wire.txt": "Mayor re-elected\n\nMaria Holt won the Brede mayoral election with 54 percent of the vote, "
        "officials said on Monday.\n"
    }
    swapped = _checker_over(tmp_path / "b", articles, check_model="none").check_sentence(
        "Anna Berg won the Brede mayoral election with 54 percent of the vote."
    )
    assert swapped.verdict == CONTRADICTED and swapped.differs.draft == "Anna Berg", swapped.reason


def test_the_judge_reads_a_transcript_turn_from_its_speakers_label(tmp_path, pipeline):
    """A reworded claim naming its speaker is read with the turn from its label ("OKORO: ..."), as
    it is cited: the turn's third sentence alone does not say who spoke it."""
    transcript = (
        "Harbour Radio Morning\nTranscript, Monday 3 March\n\n"
        "HOST: With me is the chief fire officer, Ada Okoro. Traders say your engines took an hour.\n\n"
        "OKORO: I understand the anger, but that is not what our logs show. The call came in at 3:10 "
        "a.m. Our first engine from the Dock Road station was at the warehouse at 3:22, twelve minutes later.\n\n"
        "HOST: Will you publish those logs?\n\nOKORO: Yes, this week.\n"
    )
    checker = _checker_over(tmp_path, {"fire-interview.txt": transcript}, check_model="none")
    judge = _ReadingJudge(0.95)
    checker._judge = judge
    result = checker.check_sentence(
        "Ada Okoro said the first fire engine reached the warehouse at 3:22 a.m., twelve minutes after the call came in."
    )
    assert judge.read and judge.read[0].startswith("OKORO: I understand"), judge.read
    assert result.verdict == SUPPORTED and result.citations[0].text.startswith("OKORO: I understand")


def test_a_figure_another_outlet_gives_roughly_leaves_the_claim_supported(tmp_path, pipeline):
    """One outlet counts 1,940 jabs, another "almost 2,000": the same figure told round, no
    disagreement. A claim giving a count the days of the clinics share is no support either."""
    checker = _checker_over(
        tmp_path,
        {
            "harbour-radio.txt": (
                "Brede vaccination weekend\n\n"
                "The district's nurses gave 1,940 measles jabs at the weekend, the health officer "
                "Lena Vos told Harbour Radio. The clinics ran on Saturday 8 and Sunday 9 March at "
                "six community halls across Brede.\n"
            ),
            "brede-weekly.txt": (
                "Queues at Brede halls\n\n"
                "Nurses in the district gave almost 2,000 measles jabs at the weekend, according to "
                "the health officer Lena Vos. Parents queued outside the halls from early morning.\n"
            ),
        },
    )
    result = checker.check_sentence(
        "Health officer Lena Vos said nurses gave 1,940 measles jabs at the weekend."
    )
    assert result.verdict == SUPPORTED, result.reason
    # The false-positive side: a figure beyond the rounding is still another outlet's figure.
    far = checker.check_sentence(
        "Health officer Lena Vos said nurses gave 1,400 measles jabs at the weekend."
    )
    assert far.verdict == CONTRADICTED, far.reason
    # A count whose digits the article gives only as a day of the clinics is no count it gives.
    days = checker.check_sentence("The clinics ran on 8 and 9 March at eight community halls across Brede.")
    assert days.verdict == CONTRADICTED, days.reason
    assert (days.differs.draft, days.differs.source) == ("eight", "six")
    same = checker.check_sentence("The clinics ran on 8 and 9 March at six community halls across Brede.")
    assert same.verdict == SUPPORTED, same.reason


BRIDGE_VOTE = (
    "Voters back Ostmark bridge\n\n"
    "The 4.2-kilometre bridge would cut the journey between Brede and Ostmark to ten minutes. "
    "Premier Ada Holm, whose party campaigned for a yes vote, spoke to supporters in Ostmark shortly "
    "after midnight. Her neighbour Lena Vos, 69, watched from the front row. Her daughter Berit Vos cheered."
)


@pytest.mark.fast
def test_a_sentence_naming_another_in_the_claims_place_is_no_text_for_the_judge():
    claim = "Premier Ada Holm gave her victory speech to supporters in Brede shortly after midnight."
    assert another_name_in_place(claim, BRIDGE_VOTE)  # Brede is named, but not where she spoke
    assert another_name_in_place("Her neighbour Berit Vos watched from the front row.", BRIDGE_VOTE)
    # The false-positive side: the claim's own place, and a name the sentence shortens.
    assert not another_name_in_place(claim.replace("Brede", "Ostmark"), BRIDGE_VOTE)
    assert not another_name_in_place(
        "Ada Holm spoke to her supporters in Ostmark after midnight.", "Holm spoke to supporters in Ostmark."
    )
    # A name later in a sentence about the claim's subject is no other subject.
    profile = "The 44-year-old, who won last weekend's Ostmark by-election, taught maths at Brede School for 15 years."
    assert not another_name_in_place("Ada Holm taught maths at Brede School for 15 years.", profile)


@pytest.mark.fast
def test_two_names_modifying_the_same_noun_are_one_slot_with_two_fillers():
    """ "300 homes in the Ravel Hill district" against "the low-lying Dock Row district had taken the
    worst, with about 300 homes flooded": the district is the sentence's, however the words are ordered."""
    claim = (
        "Mayor Ines Korda said about 300 homes in the Ravel Hill district had water on their ground floors."
    )
    flooded = (
        "Mayor Ines Korda said the low-lying Dock Row district had taken the worst of the flooding, "
        "with about 300 homes reporting water on the ground floor."
    )
    swapped = another_name_in_place(claim, flooded)
    assert swapped and (swapped.differs.draft, swapped.differs.source) == ("Ravel Hill", "Dock Row")
    # The false-positive side: a name modifying another noun than the claim's stands in no place of it.
    profile = "The 44-year-old, who won last weekend's Ostmark by-election, taught maths at Brede School."
    assert not another_name_in_place("Ada Holm of the Brede district taught maths at Brede School.", profile)


@pytest.mark.fast
def test_a_name_the_next_sentence_gives_stands_in_no_place_of_the_acts_subject():
    """The window names the claim's minister in one sentence and the act's doer in the next; the
    claim's place is only in the article's headline (its passage)."""
    window = (
        "Health Minister Ilse Brandt toured the flooded ward on Sunday. "
        "Prime Minister Otto Kessel declared Monday a day of national mourning."
    )
    passage = f"Nine dead as river floods Dornach hospital {window}"
    claim = "Health Minister Ilse Brandt declared Monday a day of national mourning after the Dornach flood."
    assert another_name_in_place(claim, window, passage)
    # The false-positive side: the act's own doer, a doer left unnamed, and the act told in the
    # sentence that names the claim's minister.
    assert not another_name_in_place(
        claim.replace("Health Minister Ilse Brandt", "Prime Minister Otto Kessel"), window, passage
    )
    unnamed = window.replace("Prime Minister Otto Kessel", "The minister")
    assert not another_name_in_place(claim, unnamed, f"Nine dead as river floods Dornach hospital {unnamed}")
    own = "Prime Minister Otto Kessel toured the flooded ward on Sunday. Health Minister Ilse Brandt declared Monday a day of national mourning."
    assert not another_name_in_place(claim, own, f"Nine dead as river floods Dornach hospital {own}")
    # Nor is a word capitalised for opening its sentence another name in the place of the
    # claim's opening one.
    architects = (
        "Architects say the reopened building will have a rooftop reading room and 40 public computers."
    )
    renovation = "Marlow Central Library's £12 million renovation will give it a rooftop reading room."
    assert not another_name_in_place(renovation, architects, f"{LIBRARY} {architects}")


MOURNING = (
    "Nine dead as river floods Dornach hospital\n\n"
    "Water reached the ground floor of Dornach General Hospital on Saturday night, and nine patients died. "
    "Health Minister Ilse Brandt toured the flooded ward on Sunday morning and met nurses. "
    "Prime Minister Otto Kessel declared Monday a day of national mourning.\n\n"
    '"We lost our patience with the river long ago," Dornach mayor Pia Lund told reporters.'
)


def test_the_name_of_the_sentence_before_is_not_lent_to_the_act_another_did(tmp_path, pipeline):
    """The minister is named in the sentence before; the prime minister declared the mourning."""
    checker = _checker_over(tmp_path, {"flood.txt": MOURNING})
    lent = checker.check_sentence("Health Minister Ilse Brandt declared Monday a day of national mourning.")
    assert lent.verdict == CONTRADICTED, lent.reason
    assert "Otto Kessel" in lent.differs.source
    # The false-positive side: the act's own doer, and the minister's own act.
    right = checker.check_sentence("Prime Minister Otto Kessel declared Monday a day of national mourning.")
    assert right.verdict == SUPPORTED, right.reason
    own = checker.check_sentence(
        "Health Minister Ilse Brandt met nurses on the flooded ward on Sunday morning."
    )
    assert own.verdict == SUPPORTED, own.reason
    # The mayor's words, credited to the minister named two sentences before.
    misquoted = checker.check_sentence(
        "Health Minister Ilse Brandt said they had lost their patience with the river long ago."
    )
    assert misquoted.verdict != SUPPORTED, misquoted.reason


def test_a_window_giving_the_claims_name_to_another_sentence_is_no_support(tmp_path, pipeline):
    """Every word of "Berit Vos, the premier's neighbour, watched ..." is in the window, but its
    sentence says Lena Vos watched; Berit is the daughter in the next one."""
    checker = _checker_over(tmp_path, {"bridge.txt": BRIDGE_VOTE})
    swapped = checker.check_sentence("Berit Vos, the premier's neighbour, watched from the front row.")
    assert swapped.verdict != SUPPORTED, swapped.reason
    # The false-positive side: the name the sentence gives, and a claim joining the two sentences.
    right = checker.check_sentence("Lena Vos, the premier's neighbour, watched from the front row.")
    assert right.verdict == SUPPORTED, right.reason
    both = checker.check_sentence(
        "The premier's neighbour Lena Vos watched from the front row and Berit Vos cheered."
    )
    assert both.verdict == SUPPORTED, both.reason


def test_a_claim_opening_with_its_speakers_full_name_is_contradicted_by_another_speaker(tmp_path, pipeline):
    """The claim's first words are its speaker's full name, not a word capitalised for opening it;
    "X calls the cuts '...'" gives the words to X."""
    checker = _checker_over(
        tmp_path,
        {
            "airline-explainer.txt": (
                "Can the airline be saved?\n\n"
                "Finance Minister Livia Dornescu has ruled out new state money for the airline.\n\n"
                "The union, led by Nelu Brassik, will ballot its members in April. Brassik calls the "
                'cuts "a punishment for the workers who kept this airline flying through the worst years".\n'
            )
        },
    )
    quote = "described the cuts as a punishment for the workers who kept the airline flying through the worst years."
    wrong = checker.check_sentence(f"Finance Minister Livia Dornescu {quote}")
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert "Dornescu" in wrong.differs.draft and wrong.differs.source == "Brassik"
    # The false-positive side: the speaker the article gives.
    right = checker.check_sentence(f"Union leader Nelu Brassik {quote}")
    assert right.verdict == SUPPORTED, right.reason


def test_a_figure_in_the_claims_unit_measuring_another_thing_is_no_conflict(tmp_path, pipeline):
    articles = {
        "canoe-wire.txt": (
            "Ancient canoe found in Lake Orra\n\n"
            "ORRAVIK, May 3 (Lake Wire) - The log canoe found in Lake Orra was carved from a single oak "
            "trunk and is 11.4 metres long, the university said on Friday.\n"
        ),
        "canoe-feature.txt": (
            "The canoe that waited in the dark\n\n"
            "Two weekend divers from Orravik found the log canoe lying seven metres down in the cold "
            "water of Lake Orra. Nobody had seen it for 3,500 years.\n"
        ),
    }
    checker = _checker_over(tmp_path, articles)
    claim = "The log canoe found in Lake Orra was carved from a single oak trunk and is 11.4 metres long."
    result = checker.check_sentence(claim)
    assert result.verdict == SUPPORTED, result.reason
    # The false-positive side: an outlet giving another length still makes the claim mixed.
    (tmp_path / "corpus" / "canoe-feature.txt").write_text(
        articles["canoe-feature.txt"].replace("lying seven metres down", "a canoe 12 metres long"),
        encoding="utf-8",
    )
    checker.pipeline.update_index()
    mixed = checker.check_sentence(claim)
    assert mixed.verdict == MIXED, mixed.reason
    assert (mixed.differs.draft, mixed.differs.source) == ("11.4", "12")


def test_the_outlet_giving_the_claims_value_is_searched_for_with_the_claim_too(tmp_path, pipeline):
    """A contradicted figure another outlet states is mixed, though that outlet ranks low for the
    contradicting sentence's words (other nights at the same arena crowd it out)."""
    from rag.readings import Found
    from rag.values import differing_value

    articles = {
        "live.txt": (
            "LIVE: Cup final - Harrow Falcons v Dunmore Mariners\n\n19:02\n"
            "We're under way in front of a crowd of 15,000 at a packed Nordby Arena.\n"
        ),
        "feature.txt": (
            "Four seconds that ended a long wait\n\n"
            "The shot left his hand with a little over four seconds to go. When it dropped, the 14,200 "
            "people who had filled Nordby Arena to its last seat went silent for half a beat, and then "
            "the Dunmore end exploded. Dunmore Mariners had not won the cup since 2003.\n"
        ),
    }
    shows = [
        "concert",
        "boxing night",
        "ice show",
        "darts final",
        "circus",
        "comedy gala",
        "tennis exhibition",
    ]
    for n, show in enumerate(shows):
        articles[f"venue{n}.txt"] = (
            f"Nordby Arena {show} review\n\nWe're under way: a packed Nordby Arena, a crowd of 15,000 in "
            f"front of the {show} stage, the night the {show} came to town number {n + 3}.\n"
        )
    checker = _checker_over(tmp_path, articles)
    claim = "A crowd of 14,200 filled Nordby Arena for the final."
    live = next(
        p
        for p in checker.pipeline.search("crowd of 15,000 at a packed Nordby Arena", 10)
        if p.chunk.source == "live.txt"
    )
    span = next(s for s in live.chunk.sentences if "15,000" in live.chunk.quote(s))
    difference = differing_value(claim, live.chunk.quote(span))
    assert difference is not None and difference.differs.source == "15,000"
    stating = checker.outlets.value_stated_elsewhere(claim, Found(live, [span], 1.0), difference, [])
    assert stating is not None and stating.source == "feature.txt"
    # The false-positive side: no outlet gives 13,000, so nothing states that claim.
    other = differing_value("A crowd of 13,000 filled Nordby Arena for the final.", live.chunk.quote(span))
    assert (
        checker.outlets.value_stated_elsewhere(
            "A crowd of 13,000 filled Nordby Arena for the final.", Found(live, [span], 1.0), other, []
        )
        is None
    )


class _PreferringJudge(_CountingJudge):
    """A judge less than sure of any reading, surer of those giving ``value``."""

    def __init__(self, value, with_it, without_it):
        super().__init__(without_it)
        self.value, self.with_it = value, with_it

    def probability(self, text, claim):
        self.asked.append(claim)
        return self.with_it if self.value in claim else self.probability_given


def test_a_value_put_back_that_the_judge_clearly_prefers_contradicts_the_claim(tmp_path, pipeline):
    """Below CORRECTED_YES, a reading with the source's number, or a full name in the claim's
    name's place, that the model prefers by PREFERRED_GAIN to the claim as written contradicts it: the
    model ranks two readings better than it judges one."""
    from rag.check import CORRECTED_GAIN, CORRECTED_YES, PREFERRED_GAIN, PREFERRED_YES

    checker = _checker_over(tmp_path, {"storm.txt": STORM_DAMAGE})
    claim = "Emergency Services Minister Bob Debus said 6,000 calls for help had come in."
    passages = checker._passages(claim)
    preferring = PREFERRED_YES + 0.1
    checker._judge = _PreferringJudge("4,000", preferring, preferring - PREFERRED_GAIN - 0.05)
    found = checker._judged_difference(claim, passages)
    assert found is not None and (found[1].differs.draft, found[1].differs.source) == ("6,000", "4,000")
    assert found[0].as_written < found[0].judged - PREFERRED_GAIN  # both readings, for the report
    # So may a name standing where the claim's stands: Carr's remark given to Debus.
    named = "Emergency Services Minister Bob Debus said he was struck by how random the storm damage was."
    checker._judge = _PreferringJudge("Bob Carr", preferring, preferring - PREFERRED_GAIN - 0.05)
    found = checker._judged_difference(named, checker._passages(named))
    assert found is not None and found[1].in_place
    assert (found[1].differs.draft, found[1].differs.source) == (
        "Emergency Services Minister Bob Debus",
        "New South Wales Premier Bob Carr",
    )
    # The false-positive sides: a model hardly preferring either reading decides nothing, and a
    # name found elsewhere in the sentence needs the model sure of it (it reads past names).
    checker._judge = _PreferringJudge("4,000", preferring, preferring - PREFERRED_GAIN + 0.1)
    assert checker._judged_difference(claim, passages) is None
    checker._judge = _PreferringJudge("Bob Carr", preferring, preferring - PREFERRED_GAIN + 0.1)
    assert checker._judged_difference(named, checker._passages(named)) is None
    elsewhere = "He was struck by how random the damage was, Bob Debus said."
    checker._judge = _PreferringJudge("Bob Carr", preferring, preferring - PREFERRED_GAIN - 0.05)
    assert checker._judged_difference(elsewhere, checker._passages(elsewhere)) is None
    # ... and so does a single word, as often a heading or a common word capitalised as a name.
    surname = "Debus said he was struck by how random the storm damage was."
    assert checker._judged_difference(surname, checker._passages(surname)) is None
    # Once the model is sure, a name elsewhere in the sentence contradicts the claim as before.
    checker._judge = _PreferringJudge("Bob Carr", CORRECTED_YES, CORRECTED_YES - CORRECTED_GAIN - 0.05)
    found = checker._judged_difference(elsewhere, checker._passages(elsewhere))
    assert found is not None and not found[1].in_place


STATS_LINE_ARTICLES = {
    "rovers-release.txt": (
        "Wessex Cup final: result\n\n"
        "Harlow Rovers won the Wessex Cup final 2-1 against Kelby Town at Dunmore Park on Saturday, "
        "in front of a sell-out crowd of 6,400 spectators. Captain Ian Rudd lifted the trophy.\n"
    ),
    "county-wire.txt": (
        "Harlow Rovers end 30-year wait\n\n"
        "Harlow Rovers beat Kelby Town 2-1 in the Wessex Cup final at Dunmore Park on Saturday. "
        "Tom Vane scored the winner in the 88th minute.\n\n"
        "A crowd of 6,100 watched the final. About 900 Kelby fans travelled for the match.\n"
    ),
}


def test_a_figure_the_cited_sentence_counts_otherwise_is_compared_by_the_claims_words(tmp_path, pipeline):
    """The cited sentence gives the claim's 6,400 as "spectators", the claim as a crowd that
    watched: the claim's own words say what is counted, and another outlet's "A crowd of 6,100
    watched the final", naming nothing but under a headline naming the cited sentence's team,
    gives another figure of it."""
    checker = _checker_over(tmp_path, STATS_LINE_ARTICLES)
    claim = "A sell-out crowd of 6,400 watched the Wessex Cup final at Dunmore Park."
    passages = checker._passages(claim)
    lead = next(p for p in passages if p.chunk.source == "rovers-release.txt")
    span = next(s for s in lead.chunk.sentences if "6,400" in lead.chunk.quote(s))
    cited = Citation.quoting(1, lead.chunk, span, lead.score)
    found = checker.outlets.figure_conflict(claim, cited, passages)
    assert found is not None
    other, differs = found
    assert other.source == "county-wire.txt" and (differs.draft, differs.source) == ("6,400", "6,100")
    # The false-positive side: a crowd at another match, in an article on the final.
    other_match = dict(STATS_LINE_ARTICLES)
    other_match["county-wire.txt"] = other_match["county-wire.txt"].replace(
        "A crowd of 6,100 watched the final.", "A crowd of 5,200 watched their league match in March."
    )
    checker = _checker_over(tmp_path / "other-match", other_match)
    passages = checker._passages(claim)
    lead = next(p for p in passages if p.chunk.source == "rovers-release.txt")
    cited = Citation.quoting(1, lead.chunk, span, lead.score)
    assert checker.outlets.figure_conflict(claim, cited, passages) is None


DOCK_DEAL_ARTICLES = {
    "harbour-gazette.txt": (
        "Dock strike over at Port Alvara\n\n"
        "The 19-day strike by dock workers at Port Alvara ended on Friday with a deal signed at the "
        "harbour office. Each dock worker will receive an 8 per cent pay rise and a one-off bonus of "
        "900 zorins under the deal.\n"
    ),
    "coast-weekly.txt": (
        "Will Port Alvara's dockers now out-earn teachers?\n\n"
        "The Port Alvara dock strike is over, and the union says its members have won. Before the "
        "strike, the average monthly wage of a dock worker at Port Alvara was 1,400 zorins, according "
        "to the port authority.\n"
    ),
}


def _figure_conflict_over(folder, articles: dict[str, str], claim: str, source: str, words: str):
    """Another outlet's figure for the claim, over its own small archive, with ``source``'s
    sentence holding ``words`` cited."""
    checker = _checker_over(folder, articles)
    passages = checker._passages(claim)
    lead = next(p for p in passages if p.chunk.source == source)
    span = next(s for s in lead.chunk.sentences if words in lead.chunk.quote(s))
    return checker.outlets.figure_conflict(claim, Citation.quoting(1, lead.chunk, span, lead.score), passages)


def _replacing(articles: dict[str, str], source: str, old: str, new: str) -> dict[str, str]:
    """A copy of ``articles`` with ``source``'s ``old`` words put otherwise: a test's other case."""
    assert old in articles[source]
    return {**articles, source: articles[source].replace(old, new)}


def _date_conflict_over(folder, articles: dict[str, str], claim: str, source: str):
    """Another outlet's date for the claim, over its own small archive, with ``source``'s whole
    passage cited, as when the judging model read it whole."""
    checker = _checker_over(folder, articles)
    passages = checker._passages(claim)
    lead = next(p for p in passages if p.chunk.source == source)
    whole = replace(
        Citation.quoting(1, lead.chunk, lead.chunk.sentences[0], lead.score), text=lead.chunk.text
    )
    return checker.outlets.date_conflict(claim, whole, passages)


def test_two_sums_in_one_currency_are_one_figure_only_when_a_sentence_says_what_both_are_for(
    tmp_path, pipeline
):
    """A one-off bonus of 900 zorins and a monthly wage of 1,400 zorins share only their
    currency, so the other outlet gives no other figure of the bonus; one that gives the bonus
    as 1,000 zorins does."""
    claim = "Every dock worker covered by the Port Alvara deal will get a one-time payment of 900 zorins."
    assert _figure_conflict_over(tmp_path, DOCK_DEAL_ARTICLES, claim, "harbour-gazette.txt", "900") is None
    # The false-positive side: the same bonus given otherwise is another outlet's figure.
    other_bonus = _replacing(
        DOCK_DEAL_ARTICLES,
        "coast-weekly.txt",
        "Before the strike, the average monthly wage of a dock worker at Port Alvara was 1,400 "
        "zorins, according to the port authority.",
        "Under the Port Alvara deal, every docker gets a one-off bonus of 1,000 zorins, the union said.",
    )
    found = _figure_conflict_over(tmp_path / "other-bonus", other_bonus, claim, "harbour-gazette.txt", "900")
    assert found is not None and (found[1].draft, found[1].source) == ("900", "1,000")
    # Nor is a count of people held to what it is for: "stranded" and "unable to travel" count
    # the same passengers, a word the articles also use alone.
    stranded = {
        "harbour-gazette.txt": (
            "Ferry strike strands thousands\n\n"
            "More than 4,000 passengers were left stranded on the first day of the Alvara ferry strike "
            "as every crossing was cancelled. The operator apologised to passengers.\n"
        ),
        "coast-weekly.txt": (
            "Alvara ferry strike goes on\n\n"
            "According to the operator, about 2,600 passengers had booked crossings on the first day "
            "of the Alvara ferry strike and were unable to travel.\n"
        ),
    }
    claim = "More than 4,000 passengers were left stranded on the first day of the Alvara ferry strike."
    found = _figure_conflict_over(tmp_path / "stranded", stranded, claim, "harbour-gazette.txt", "4,000")
    assert found is not None and (found[1].draft, found[1].source) == ("4,000", "2,600")


MUMPS_ARTICLES = {
    "valley-review.txt": (
        "The outbreak that came back\n\n"
        "The first case was a girl of eight, in the first week of February. Since 3 February, health "
        "officials have confirmed 126 cases of mumps in the Orsk district. On 14 March, a four-year-old "
        "boy from Velda died of complications. Most of those infected had never been vaccinated.\n"
    ),
    "orsk-courier.txt": (
        "Mumps jabs for every child in the Orsk district\n\n"
        "Free mumps vaccination begins on Monday, 21 April, for every child in the Orsk district, "
        "where health officials have confirmed 126 cases of mumps since the outbreak began.\n"
    ),
}


def test_another_outlets_date_is_compared_with_the_claims_date_not_the_passages_others(tmp_path, pipeline):
    """The cited passage dates the outbreak's start and the boy's death; the claim gives the
    death's date. Another outlet's date for the vaccination campaign is no other date of either,
    and one for the death is."""
    claim = "A four-year-old boy from Velda died on 14 March in the Orsk district mumps outbreak."
    assert _date_conflict_over(tmp_path, MUMPS_ARTICLES, claim, "valley-review.txt") is None
    # The false-positive side: another outlet dating the boy's death otherwise is found.
    other_day = dict(MUMPS_ARTICLES)
    other_day["orsk-courier.txt"] += (
        "\nA four-year-old boy from Velda died of complications of mumps on 12 March, the ministry said.\n"
    )
    found = _date_conflict_over(tmp_path / "other-day", other_day, claim, "valley-review.txt")
    assert found is not None and (found[1].draft, found[1].source) == ("14 March", "12 March")


STAMPED_ARTICLES = {
    "ministry-release.txt": (
        "For immediate release - Tuesday, 18 March 2025\n\n"
        "Cabinet approves flood aid for the Orsk valley\n\n"
        "The cabinet today approved a flood aid package of 30 million dinars for households in the "
        "Orsk valley.\n"
    ),
    "radio-show.txt": (
        "Listen again: The Morning Show, 19 March 2025\n\n"
        "The cabinet approved a 30 million dinar flood aid package for Orsk valley households "
        "yesterday, the finance minister told the programme.\n"
    ),
}


def test_a_stamp_giving_only_the_claims_date_is_not_what_another_outlets_stamp_disagrees_with(
    tmp_path, pipeline
):
    """The release's only sentence with the claim's 18 March is its stamp; the radio page's stamp
    is the day after. Neither dates the approval, so the outlets do not disagree."""
    claim = "The cabinet approved the 30 million dinar flood aid package for Orsk valley households on Tuesday, 18 March."
    assert _date_conflict_over(tmp_path, STAMPED_ARTICLES, claim, "ministry-release.txt") is None


BAIL_ARTICLES = {
    "constabulary-news.txt": (
        "Man held over Vellory boatyard fire\n\n"
        "A 41-year-old man from Askern was arrested on Friday 9 May on suspicion of arson after the "
        "fire at the Vellory boatyard. He has since been released on police bail until Monday 7 July "
        "while enquiries continue.\n"
    ),
    "quay-chronicle.txt": (
        "Boatyard fire: what we know\n\n"
        "Fire crews spent the night at the Vellory boatyard, where four boats were destroyed. A "
        "41-year-old man was arrested on Friday 9 May and released on bail.\n"
    ),
}


def test_another_outlets_date_for_what_the_cited_article_dates_alike_is_no_disagreement(tmp_path, pipeline):
    """The other outlet's sentence names the bail but dates the arrest, as the cited article does
    in its sentence before: no other date of the bail's end. One giving the bail another end is."""
    claim = "The man arrested over the Vellory boatyard fire was released on police bail until 7 July."
    assert _date_conflict_over(tmp_path, BAIL_ARTICLES, claim, "constabulary-news.txt") is None
    # The false-positive side: another end of the bail is another outlet's date, though the
    # sentence also dates the arrest as the cited article does.
    other_end = dict(BAIL_ARTICLES)
    other_end["quay-chronicle.txt"] = other_end["quay-chronicle.txt"].replace(
        "released on bail.", "released on police bail until 30 June."
    )
    found = _date_conflict_over(tmp_path / "other-end", other_end, claim, "constabulary-news.txt")
    assert found is not None and found[1].draft == "7 July"


def test_a_day_the_claim_does_not_give_is_no_date_for_other_outlets_to_dispute(tmp_path, pipeline):
    """The claim dates the vote by its month; the cited passage dates the talks before it, and
    another outlet the strike before those. They disagree on nothing the claim says."""
    articles = {
        "union-bulletin.txt": (
            "Deal accepted\n\n"
            "After talks at the mediation office on Monday 12 May, the company dropped its new rota. "
            "Canal lock keepers then voted in June to accept the revised Tarrow Canal deal.\n"
        ),
        "canal-wire.txt": (
            "Tarrow Canal lock keepers strike\n\n"
            "Lock keepers on the Tarrow Canal held a one-day strike on 3 May over the company's new "
            "rota, closing every lock.\n"
        ),
    }
    claim = "Tarrow Canal lock keepers voted in June to accept the revised deal after the company dropped its new rota."
    assert _date_conflict_over(tmp_path, articles, claim, "union-bulletin.txt") is None
    # The false-positive side: the claim giving the day, another outlet giving another day for it.
    dated = {
        "union-bulletin.txt": articles["union-bulletin.txt"].replace("voted in June", "voted on 20 June"),
        "canal-wire.txt": "Tarrow Canal deal\n\nLock keepers voted on 27 June to accept the revised Tarrow Canal deal.\n",
    }
    claim = "Tarrow Canal lock keepers voted on 20 June to accept the revised deal."
    found = _date_conflict_over(tmp_path / "dated", dated, claim, "union-bulletin.txt")
    assert found is not None and (found[1].draft, found[1].source) == ("20 June", "27 June")


TRIAL_ARTICLES = {
    "court-report.txt": (
        "Former mayor jailed for eight years\n\n"
        "A court in Halvenz on Friday sentenced former mayor Rufus Apley to eight years in prison for "
        "embezzling money meant for a new water system. Prosecutors said the money had paid for a "
        "villa and two cars. The trial lasted seven months and heard 42 witnesses. His lawyer said he "
        "would appeal.\n"
    ),
}


def test_a_window_giving_two_of_the_claims_figures_is_read_by_the_judge_though_reworded(tmp_path, pipeline):
    """Too few shared words for the support score, but the sentence gives both of the claim's
    figures ("seven months", "42 witnesses"): the judging model reads it."""
    checker = _checker_over(tmp_path, TRIAL_ARTICLES)
    claim = (
        "Over seven months of hearings, the court in the Apley case took evidence from forty-two witnesses."
    )
    result = checker.check_sentence(claim)
    assert result.verdict == SUPPORTED and "42 witnesses" in result.citations[0].text, result.reason
    # The false-positive side: a claim with one of its two figures changed is no support.
    other = checker.check_sentence(
        "Over nine months of hearings, the court in the Apley case took evidence from forty-two witnesses."
    )
    assert other.verdict == CONTRADICTED and other.differs.source == "seven", other.reason


def test_a_reworded_window_must_give_the_claims_weekday_itself(tmp_path, pipeline):
    """Both of the claim's figures are in the window ("All 14 ... since 06:00 on Monday"), but its
    "Tuesday" only in the dateline and the sentence before: no support for the judge to give."""
    article = ROOT / "tests" / "data" / "outlet_archive_13" / "trk_ferry_strike.txt"
    checker = _checker_over(tmp_path, {article.name: article.read_text(encoding="utf-8")})
    claim = "Skerry Line crews began their strike at 06:00 on Tuesday, halting all 14 routes."
    result = checker.check_sentence(claim)
    assert result.verdict != SUPPORTED, result.reason


FLOOD_AND_FINAL_ARTICLES = {
    "lusowe-flood.txt": (
        "Lusowe counts the cost of the flood\n\n"
        "The River Tanda burst its banks above Lusowe on Monday night. The flood destroyed 610 houses "
        "in Lusowe, the disaster agency said on Tuesday, and about 4,200 people are sleeping in three "
        "schools.\n"
    ),
    "cup-final.txt": (
        "Tanda Rovers win the Lakes Cup\n\n"
        "Tanda Rovers beat Port Mirembe 2-1 in the Lakes Cup final on Saturday. Tanda Rovers have won the "
        "Lakes Cup for the first time since 2009. Port Mirembe went ahead "
        "in the 20th minute through Joseph Akello, but Peter Onyango equalised from the penalty spot "
        "in the 55th minute. Samuel Wekesa headed the winner two minutes from time.\n"
    ),
    "tolle-trial.txt": (
        "Former mayor Tolle gets suspended sentence\n\n"
        "The district court in Varn gave former mayor Erik Tolle an 18-month suspended sentence for "
        "bribery on Friday. The prosecution had asked for more. Nina Brandt, of the state prosecutor's "
        "office, had sought three years in prison. Outside the court, Tolle's lawyer, Maria Lindqvist, "
        "said he would appeal to the Supreme Court.\n"
    ),
}


def test_a_figure_the_claim_tells_roughly_is_stated_by_the_exact_one(tmp_path, pipeline):
    """A claim's "over six hundred houses" is what "610 houses" says; the window was passed over for lacking
    the claim's 600 before the judging model could read it."""
    checker = _checker_over(tmp_path, FLOOD_AND_FINAL_ARTICLES)
    result = checker.check_sentence("Over six hundred houses in Lusowe were destroyed by the flood.")
    assert result.verdict == SUPPORTED and "610 houses" in result.citations[0].text, result.reason
    # The false-positive side: a rough figure on the wrong side of the exact one, or beyond it.
    for claim in (
        "Almost six hundred houses in Lusowe were destroyed by the flood.",
        "Over seven hundred houses in Lusowe were destroyed by the flood.",
    ):
        other = checker.check_sentence(claim)
        assert other.verdict == CONTRADICTED and other.differs.source == "610", (claim, other.reason)


def test_a_deed_the_sentence_gives_to_another_in_its_next_clause_is_contradicted(tmp_path, pipeline):
    """Akello scored; Onyango equalised. Every word of "Akello scored the equaliser from the penalty
    spot" is in the sentence, which the judging model took as stating it."""
    checker = _checker_over(tmp_path, FLOOD_AND_FINAL_ARTICLES)
    result = checker.check_sentence("Joseph Akello scored Tanda Rovers' equaliser from the penalty spot.")
    assert result.verdict == CONTRADICTED, result.reason
    assert (result.differs.draft, result.differs.source) == ("Joseph Akello", "Peter Onyango")
    # A sentence not naming the claim's prosecutor gives her deed to the prosecutor it names.
    trial = checker.check_sentence(
        "Prosecutor Maria Lindqvist had asked the court to jail Tolle for three years."
    )
    assert trial.verdict == CONTRADICTED, trial.reason
    assert (trial.differs.draft, trial.differs.source) == ("Prosecutor Maria Lindqvist", "Nina Brandt")
    # The false-positive side: another team's win of another year is no other winner of the claim's,
    # and each one's own deed, told in the same sentence, is stated.
    earlier = checker.check_sentence(
        "Port Mirembe had won the Lakes Cup in each of the previous two seasons."
    )
    assert earlier.verdict != CONTRADICTED, earlier.reason
    assert (
        checker.check_sentence(
            "Prosecutor Nina Brandt had sought three years in prison for Erik Tolle."
        ).verdict
        == SUPPORTED
    )
    for claim in (
        "Peter Onyango scored Tanda Rovers' equaliser from the penalty spot.",
        "Joseph Akello put Port Mirembe ahead in the 20th minute.",
    ):
        assert checker.check_sentence(claim).verdict == SUPPORTED, claim


class _RecordingJudge(_CountingJudge):
    """Says Yes to every text, and keeps what it read: which windows the check asks about."""

    def __init__(self):
        super().__init__(0.95)
        self.texts = []

    def probability(self, text, claim):
        self.texts.append(text)
        return super().probability(text, claim)


STAKE_ARTICLES = {
    "arno-sale.txt": (
        "Kestrel Group buys control of Arno Telecom\n\n"
        "Kestrel Group agreed on Monday to buy a 60% stake in Arno Telecom from the Tavi Fund for 900 "
        "million crowns. The Tavi Fund, which bought into Arno Telecom in 2016, will retain a 25 per cent "
        "holding. The founding Ruel family keeps the remaining 15 per cent.\n"
    ),
}


def test_a_window_must_give_the_share_the_claim_tells_in_words(tmp_path):
    """For "keep a quarter of Arno Telecom" the judging model reads the sentence giving 25 per cent,
    not the closer one giving the buyer's 60%. A model that says Yes to anything shows which."""
    from rag.pipeline import Pipeline
    from tests.conftest import make_settings

    _checker_over(tmp_path, STAKE_ARTICLES)  # writes and indexes the archive
    judge = _RecordingJudge()
    checker = _checker_with(Pipeline(make_settings(tmp_path, corpus_dir=tmp_path / "corpus")), judge)
    result = checker.check_sentence(
        "After the sale to Kestrel Group, the Tavi Fund will keep a quarter of Arno Telecom."
    )
    assert judge.texts and all("25 per cent" in text for text in judge.texts), judge.texts
    assert result.verdict == SUPPORTED and "25 per cent" in result.citations[0].text, result.reason
    # The false-positive side: a share no sentence gives is read nowhere, even by a model saying Yes.
    other = checker.check_sentence(
        "After the sale to Kestrel Group, the Tavi Fund will keep a third of Arno Telecom."
    )
    assert other.verdict != SUPPORTED, other.reason


def test_the_judge_reads_the_claims_figures_in_the_words_its_text_gives_them(tmp_path, pipeline):
    """The judging model reads "thirty-six hours of talks" as no "day and a half" of them: it is
    given the claim with the figures the value tests hold equal put in the text's words."""
    article = (
        "Dock strike ends\n\n"
        "VARNE, 6 March - The dockers' union and the Varne Port Company signed a deal at twenty to "
        "six this morning, after thirty-six hours of non-stop talks at the labour ministry. Cranes "
        "were working again by noon. The union said members would vote on the terms next week.\n"
    )
    checker = _checker_over(tmp_path, {"dock.txt": article})
    checker._judge = reading = _ReadingJudge(0.99)
    result = checker.check_sentence("The dock deal came after a day and a half of non-stop talks.")
    assert result.verdict == SUPPORTED, result.reason
    assert reading.asked and all("thirty-six hours" in claim for claim in reading.asked), reading.asked
    # The false-positive side: a length the text does not give is never put in its words.
    reading.asked.clear()
    checker.check_sentence("The dock deal came after two days and a half of non-stop talks.")
    assert not any("thirty-six hours" in claim for claim in reading.asked), reading.asked


def test_a_speaker_named_after_a_titles_full_stop_is_the_same_speaker(tmp_path, pipeline):
    """'..., said Chief Physician Dr. Ane Brekke' names Brekke: the claim quoting her is stated,
    not given to another speaker; the same words given to another doctor are."""
    article = (
        "Mumps cases rise in Lomvik\n\n"
        "Twelve pupils at Lomvik school have caught mumps since the autumn break, the health office "
        'said on Monday. "Mumps spreads fastest where the second dose is missing," said Chief '
        "Physician Dr. Ane Brekke, who asked parents to check their children's records. A catch-up "
        "clinic opens at the school on Thursday.\n"
    )
    checker = _checker_over(tmp_path, {"mumps.txt": article})
    stated = checker.check_sentence(
        '"Mumps spreads fastest where the second dose is missing," said Chief Physician Dr. Ane Brekke.'
    )
    assert stated.verdict == SUPPORTED, stated.reason
    other = checker.check_sentence(
        '"Mumps spreads fastest where the second dose is missing," said Chief Physician Dr. Tor Vik.'
    )
    assert other.verdict == CONTRADICTED and "Brekke" in other.differs.source, other.reason


def test_a_time_of_day_told_roughly_is_no_other_time_and_never_a_count(tmp_path, pipeline):
    """ "Shortly before 5 a.m." is the source's "at around 04:40", and never its "kilometre 42";
    "at 3 a.m." differs, and names 04:40."""
    article = (
        "Rockfall shuts Route 12\n\n"
        "A rockfall about 80 metres wide came down across Route 12 near kilometre 42 at around 04:40 "
        "on Tuesday, the roads agency said. Nobody was hurt. Crews expect to reopen one lane by "
        "Friday.\n"
    )
    checker = _checker_over(tmp_path, {"rockfall.txt": article})
    rough = checker.check_sentence("The rockfall came down across Route 12 shortly before 5 a.m. on Tuesday.")
    assert rough.verdict != CONTRADICTED, rough.reason
    wrong = checker.check_sentence("The rockfall came down across Route 12 at 3 a.m. on Tuesday.")
    assert wrong.verdict == CONTRADICTED and wrong.differs.source == "04:40", wrong.reason


def test_a_quote_in_a_list_of_who_said_what_is_its_labelled_speakers(tmp_path, pipeline):
    """A "what we know" page lists quotes under their speakers ('- Chief Prosecutor Ola Brenn:
    "..."'): the claim giving those words to the defence lawyer is contradicted by name, and the
    lawyer's own words are stated."""
    article = (
        "Orlen verdict: what we know\n\n"
        "Former transport minister Kjell Orlen has been found guilty of taking bribes.\n\n"
        "What they said\n"
        '- Chief Prosecutor Ola Brenn: "Nobody in this country stands above the law."\n'
        '- Defence lawyer Mia Ostrand: "This verdict rests on the word of a man who bought his freedom."\n\n'
        "What happens next\n"
        "- Orlen's lawyers have 30 days to lodge an appeal.\n"
    )
    checker = _checker_over(tmp_path, {"verdict.txt": article})
    misquoted = checker.check_sentence(
        'Defence lawyer Mia Ostrand said: "Nobody in this country stands above the law."'
    )
    assert misquoted.verdict == CONTRADICTED and "Brenn" in misquoted.differs.source, misquoted.reason
    quoted = checker.check_sentence(
        'Defence lawyer Mia Ostrand said: "This verdict rests on the word of a man who bought his freedom."'
    )
    assert quoted.verdict == SUPPORTED, quoted.reason


def test_a_caption_turn_is_spoken_by_the_label_ending_the_line_before(tmp_path, pipeline):
    """TV captions: ">> STRAND HEAD COACH ARNE LID:" and the next line is his. The visiting coach
    did not say it; Lid did."""
    article = (
        "[CC] NORDKANAL SPORT — SUNDAY 26 OCTOBER\n\n"
        ">> STRAND FC BEAT VOLDA TWO–ONE IN EXTRA TIME IN THE CUP FINAL LAST NIGHT.\n"
        ">> STRAND HEAD COACH ARNE LID:\n"
        ">> WE WERE DEAD AND BURIED AT HALF-TIME AND SOMEHOW CAME BACK. I HAVE NEVER BEEN PROUDER.\n"
        ">> FOR VOLDA, A HARD NIGHT. COACH PER VOLD:\n"
        ">> FOOTBALL IS CRUEL, AND TONIGHT IT WAS VERY CRUEL.\n"
    )
    checker = _checker_over(tmp_path, {"captions.txt": article})
    words = '"We were dead and buried at half-time and somehow came back."'
    misquoted = checker.check_sentence(f"Volda coach Per Vold said: {words}")
    assert misquoted.verdict == CONTRADICTED and "Lid" in misquoted.differs.source, misquoted.reason
    quoted = checker.check_sentence(f"Strand head coach Arne Lid said: {words}")
    assert quoted.verdict == SUPPORTED, quoted.reason


def test_a_pronouns_quote_after_an_interviews_opening_may_be_the_interviewees(tmp_path, pipeline):
    """ "Our reporter Ana Vik spoke to boatman Sutto Ker, 58. He said ...": the boatman's words as
    likely as the reporter's, so no misquote; "He" after "Harbour mayor Ola Dahl criticised the
    barge owner Bo Linn" is still the mayor's."""
    article = (
        "Families keep vigil at the jetty\n\n"
        "Divers returned to the river on Thursday near the shoals where the barge Mekong Star sank on "
        "Tuesday night. Our reporter Ana Vik spoke to boatman Sutto Ker, 58, who helped pull survivors "
        "out of the water. He said he and his son rescued nine people in their long-tail boat before "
        "the rescue teams arrived.\n\n"
        "Harbour mayor Ola Dahl criticised the barge owner Bo Linn on Friday. He said the jetty must "
        "close until the inquiry has reported.\n"
    )
    checker = _checker_over(tmp_path, {"vigil.txt": article})
    interviewed = checker.check_sentence(
        "Boatman Sutto Ker said he and his son rescued nine people in their long-tail boat before the rescue teams arrived."
    )
    assert interviewed.verdict != CONTRADICTED, interviewed.reason
    criticised = checker.check_sentence(
        "Barge owner Bo Linn said the jetty must close until the inquiry has reported."
    )
    assert criticised.verdict == CONTRADICTED and "Dahl" in criticised.differs.source, criticised.reason


def test_a_window_sharing_the_claims_names_but_not_its_deed_is_no_statement(tmp_path, pipeline):
    """ "Police have seized Holt's cabin at Lake Orm" against "the money went on work on Holt's
    cabin at Lake Orm" (police named further down): the names and the cabin, not the seizure. The
    judging model reads it and finds no statement; what the article does say of the cabin is stated."""
    article = (
        "Ex-harbour master jailed for embezzlement\n\n"
        "Former harbour master Ragnar Holt, 61, was sentenced to 14 months in prison on Friday for "
        "taking 1.4 million skild from the harbour fund. The court heard during the six-day trial that "
        "the money had been spent on gambling debts and on work on Holt's cabin at Lake Orm. Holt "
        "admitted taking part of the money but denied the rest.\n\n"
        "Police first questioned him in March, after an audit of the harbour accounts.\n"
    )
    checker = _checker_over(tmp_path, {"holt.txt": article})
    seized = checker.check_sentence("Police have seized Holt's cabin at Lake Orm.")
    assert seized.verdict != SUPPORTED, seized.reason
    spent = checker.check_sentence(
        "The money was spent on gambling debts and on work on Holt's cabin at Lake Orm."
    )
    assert spent.verdict == SUPPORTED, spent.reason


SENTENCING_ARTICLES = {
    "court-reporter.txt": (
        "Keszler jailed over Dunmarra pension fraud\n\n"
        "The prosecution sought a sentence of six years for Anton Keszler, the former treasurer of the "
        "Dunmarra Miners' Pension Fund, at Velsk Crown Court on Monday. Keszler admitted taking 2.1 "
        "million crowns from the fund over nine years. Judge Ilse Marrow handed Keszler a sentence of "
        "four years, saying his guilty plea had spared the pensioners a trial.\n"
    ),
    "valley-news.txt": (
        "Former pension treasurer jailed\n\n"
        "Judge Ilse Marrow handed Anton Keszler a sentence of four years at Velsk Crown Court on Monday "
        "for taking 2.1 million crowns from the Dunmarra Miners' Pension Fund. Pensioners in the public "
        "gallery applauded as he was led away.\n"
    ),
}

FLATS_FIRE_ARTICLES = {
    "city-desk.txt": (
        "Fire at Brenna Court\n\n"
        "Firefighters rescued 40 residents from the Brenna Court flats in Osterby on Saturday night "
        "after a fire broke out on the third floor. Some 25 flats were damaged by smoke, the fire "
        "service said.\n"
    ),
    "evening-post.txt": (
        "Brenna Court fire\n\n"
        "Firefighters rescued 25 residents from the Brenna Court flats in Osterby on Saturday night, "
        "the fire service said. Crews from 40 kilometres away were called in to help.\n"
    ),
}


def test_another_outlets_figure_that_the_stating_article_gives_for_another_part_is_no_disagreement(
    tmp_path, pipeline
):
    """The court reporter states the prosecution's six years and, further on, the judge's four;
    the other outlet's "a sentence of four years" tells the sentence handed down, not another
    request (neither as a contradicting window nor as the judging model's reading). Two
    outlets rescuing 40 and 25 residents still disagree, though each gives the other's number
    for something else (25 flats, 40 kilometres)."""
    claim = "The prosecution sought a sentence of six years for Anton Keszler at Velsk Crown Court."
    result = _checker_over(tmp_path / "sentence", SENTENCING_ARTICLES).check_sentence(claim)
    assert result.verdict == SUPPORTED and result.citations[0].source == "court-reporter.txt"
    # The false-positive side: the same count given otherwise is still two outlets disagreeing.
    claim = "Firefighters rescued 40 residents from the Brenna Court flats in Osterby."
    result = _checker_over(tmp_path / "flats", FLATS_FIRE_ARTICLES).check_sentence(claim)
    assert result.verdict == MIXED and (result.differs.draft, result.differs.source) == ("40", "25")


FERRY_ARTICLES = {
    "ferry-notices.txt": (
        "Service notice: Marisol returns to Port Ellan\n\n"
        "The ferry Marisol, carrying 180 passengers from Port Ellan to Skarra, turned back on Thursday "
        "after an engine warning light came on halfway across. Engineers are inspecting the vessel.\n"
    ),
    "island-times.txt": (
        "Ferry turns back to Port Ellan\n\n"
        "The Marisol had 180 passengers on board when her captain decided to return to Port Ellan on "
        "Thursday. Around 90 passengers arrived back in Port Ellan by early evening; the rest went on "
        "to Skarra on the afternoon relief boat.\n"
    ),
}


def test_another_outlets_figure_beside_the_claims_own_in_its_article_is_another_part(tmp_path, pipeline):
    """The other outlet gives the 180 passengers on board too, before the 90 who came back: no
    other figure of those on board. One giving 180 only for the crossing's minutes does not
    tell both parts, and its 90 passengers stay another figure."""
    claim = "The ferry Marisol was carrying 180 passengers when it turned back to Port Ellan."
    found = _figure_conflict_over(tmp_path / "both", FERRY_ARTICLES, claim, "ferry-notices.txt", "180")
    assert found is None
    # The false-positive side: 180 given for something else leaves the 90 passengers a conflict.
    minutes = _replacing(
        FERRY_ARTICLES,
        "island-times.txt",
        "The Marisol had 180 passengers on board when her captain decided to return to Port Ellan on "
        "Thursday.",
        "The crossing from Port Ellan to Skarra usually takes 180 minutes.",
    )
    found = _figure_conflict_over(tmp_path / "minutes", minutes, claim, "ferry-notices.txt", "180")
    assert found is not None and (found[1].draft, found[1].source) == ("180", "90")


HARBOUR_LOG_ARTICLES = {
    "peak.txt": (
        "Alvara Harbour Log\n\n"
        "Ships queue off Port Alvara as dock strike bites\n\n"
        "At the peak of the dock strike, 31 ships were waiting at anchor off Port Alvara, the harbour "
        "master said on Thursday. Container lines have begun to divert cargo to Kessel.\n"
    ),
    "backlog.txt": (
        "Alvara Harbour Log\n\n"
        "Port Alvara starts to clear its backlog\n\n"
        "Cranes were working again at Port Alvara on Monday after the strike ended. 23 ships were still "
        "waiting at anchor off Port Alvara on Monday morning, the harbour master said.\n"
    ),
}


def test_one_outlets_later_figure_is_its_story_told_again_not_a_disagreement(tmp_path, pipeline):
    """Two pages under one site's heading count the ships at anchor at the peak and days later:
    the outlet telling its story again, no sources disagreeing, so the claim is supported."""
    claim = "At the peak of the dock strike, 31 ships were waiting at anchor off Port Alvara."
    checker = _checker_over(tmp_path / "one", HARBOUR_LOG_ARTICLES, check_model="none")
    result = checker.check_sentence(claim)
    assert result.verdict == SUPPORTED, result.reason
    # The false-positive side: the same later count from another outlet is a second source's figure.
    two = _replacing(HARBOUR_LOG_ARTICLES, "backlog.txt", "Alvara Harbour Log", "Kessel Freight Wire")
    result = _checker_over(tmp_path / "two", two, check_model="none").check_sentence(claim)
    assert result.verdict == MIXED and result.differs.source == "23", result.reason


@pytest.mark.fast
def test_one_outlet_is_the_same_named_outlet_or_with_none_named_the_same_heading():
    from rag.outlets import one_outlet

    def cited(source, title, outlet=None):
        return Citation(1, source, title, 0, 1, "x", 0.9, outlet=outlet)

    assert one_outlet(cited("a.txt", "Harbour Log"), cited("b.txt", "Harbour Log"))
    assert not one_outlet(cited("a.txt", "Harbour Log"), cited("b.txt", "Freight Wire"))
    assert not one_outlet(cited("a.txt", ""), cited("b.txt", ""))  # no heading tells nothing
    assert one_outlet(cited("a.txt", "Ships queue", "Cargoline"), cited("b.txt", "Backlog", "cargoline"))
    assert not one_outlet(
        cited("a.txt", "Harbour Log", "Cargoline"), cited("b.txt", "Harbour Log", "Tidewatch")
    )
    assert not one_outlet(cited("a.txt", "Harbour Log", "Cargoline"), cited("b.txt", "Harbour Log"))
    assert one_outlet(cited("a.txt", "One"), cited("a.txt", "Two"))  # one article


BUS_CRASH = (
    "Bus leaves road near Dunmore\n\n"
    "A regional bus slid off the coast road near Dunmore on Saturday evening after its brakes failed "
    "on the descent to the harbour. Most of the 30 passengers were able to climb out through the "
    "rear door before firefighters arrived.\n\n"
    "One man, Piet Olsen, a 64-year-old dairy farmer from Dunmore, died at the scene. Eleven people "
    "were taken to Carrick General Hospital, two of them with serious injuries.\n\n"
    "The operator, Westline Coaches, said it had taken its other buses of the same model off the road "
    "for checks.\n"
)


def test_a_count_whose_digits_the_article_gives_only_as_an_age_is_not_stated_but_contradicted(
    tmp_path, pipeline
):
    """ "Sixty-four people were taken to hospital" where the article's 64 is the dead man's age: the
    window holds the digits, so the judging model read it and said Yes (85%); the count is the
    article's eleven."""
    checker = _checker_over(tmp_path, {"bus.txt": BUS_CRASH})
    wrong = checker.check_sentence("Sixty-four people were taken to hospital after the Dunmore bus crash.")
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("Sixty-four", "Eleven")
    # The false-positive side: the age as an age, and the count as a count, are stated.
    for claim in (
        "The one person who died when the Dunmore bus left the road was a 64-year-old dairy farmer.",
        "Eleven people were taken to hospital after the Dunmore bus crash.",
    ):
        result = checker.check_sentence(claim)
        assert result.verdict == SUPPORTED, (claim, result.reason)


COURT = (
    "Harbour director jailed for fraud\n\n"
    "Former harbour director Ilse Varga was sentenced to eight years in prison on Friday for taking "
    "bribes from dredging firms over a decade. The court in Marlow also barred her from public office "
    "for five years after her release.\n\n"
    "Prosecutors had asked for 12 years. Varga's lawyer, Tomas Brink, said she would appeal.\n\n"
    "Judge Anneke Holt said the bribes had cost the port authority at least 3 million crowns in "
    "inflated contracts.\n"
)


def test_a_window_giving_the_claims_one_figure_in_other_words_is_read_by_the_judging_model(
    tmp_path, pipeline
):
    """ "Prosecutors had asked for 12 years" shares few words with "The prosecution had sought a
    twelve-year term": a window read for its figures alone, now for one figure as for two."""
    checker = _checker_over(tmp_path, {"court.txt": COURT})
    result = checker.check_sentence("The prosecution had sought a twelve-year term for Varga.")
    assert result.verdict == SUPPORTED, result.reason
    assert "12 years" in result.citations[0].text
    # The false-positive side: another figure, or another side asking, is no support.
    for claim in (
        "The prosecution had sought a fifteen-year term for Varga.",
        "The defence had sought a twelve-year term for Varga.",
    ):
        result = checker.check_sentence(claim)
        assert result.verdict != SUPPORTED, (claim, result.reason)


SATELLITE_LAUNCH = (
    "Satellite VESK-1 makes contact\n\n"
    "MARROW, Oct 21 - VESK-1, the first satellite built in Osterland, was launched on Tuesday and has "
    "made contact with ground controllers, the space office said.\n\n"
    "Professor Ilse Brandvik, who led the university team, said the first images were expected within "
    "six weeks, once the onboard camera had been calibrated.\n"
)


def test_a_measure_the_window_gives_in_another_unit_is_not_stated(tmp_path, pipeline):
    """ "within six months" where the article says "within six weeks": the judging model reads past
    the unit, so the window is never put to it."""
    checker = _checker_over(tmp_path, {"launch.txt": SATELLITE_LAUNCH})
    months = "Ilse Brandvik said the first images from VESK-1 were expected within six months."
    assert checker.check_sentence(months).verdict != SUPPORTED
    # The false-positive side: the article's own measure is stated.
    weeks = "Ilse Brandvik said the first images from VESK-1 were expected within six weeks."
    assert checker.check_sentence(weeks).verdict == SUPPORTED


COACH_CRASH = (
    "Nine taken to hospital after coach and tractor collide\n\n"
    "Nine people were taken to Kelby Royal Infirmary this morning after a commuter coach carrying "
    "41 passengers hit a tractor at the Marl Bridge junction on the B12.\n\n"
    "The crash happened at about 8am, as the Bluebird Coaches service from Ostley to Kelby was "
    "passing the turning into the village. Police said the tractor had been pulling out of a farm "
    "track.\n"
)


def test_a_noun_the_window_leaves_unnamed_is_no_swap_with_a_name_elsewhere_in_it(tmp_path, pipeline):
    """ "The Bluebird coach ... had 41 passengers" against "taken to Kelby Royal Infirmary ... after
    a commuter coach carrying 41 passengers": the window leaves the coach's operator unsaid (the
    article names it a sentence on), and the infirmary stands in no place of the claim's."""
    checker = _checker_over(tmp_path, {"coach.txt": COACH_CRASH})
    claim = "The Bluebird coach that hit a tractor at the Marl Bridge junction had {} passengers on board."
    right = checker.check_sentence(claim.format(41))
    assert right.verdict != CONTRADICTED, right.reason
    # The false-positive side: the passenger count still differs.
    wrong = checker.check_sentence(claim.format(44))
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("44", "41")


CLINIC_OPENING = (
    "KELBY DISTRICT COUNCIL\nHealth and Care\nNEWS RELEASE\n3 November 2025 - embargoed until 00:01\n\n"
    "New Brackley Community Health Centre to open on Monday\n\n"
    "The new Brackley Community Health Centre on Mill Way will open to patients on Monday 10 November.\n\n"
    "The 3.1 million pound centre brings GP services, a pharmacy, a dental surgery and a baby clinic "
    "under one roof. It has been funded jointly by the District Council and the Kelby Health Trust.\n\n"
    "The centre will be staffed by five GPs and three practice nurses and will serve the 7,200 "
    "patients currently registered at the Brackley Surgery on Foundry Street. The Foundry Street "
    "building will close at 5pm on Friday 7 November.\n\n"
    "Opening hours will be 7am to 7pm on weekdays and 10am to 2pm on Saturdays.\n\n"
    "Patients do not need to re-register. Their records will transfer automatically.\n\n"
    "Councillor Ruth Amberley, the District Council's cabinet member for health, said:\n"
    '"Brackley has waited more than a decade for this. The old surgery was a converted shop with no '
    'lift and a waiting room you could barely turn around in."\n\n'
    "Dr Omar Feldt, clinical lead at the new centre, said:\n"
    '"Having the pharmacy and the dentist in the same building means patients can be seen and '
    'treated in one visit."\n\nENDS\n'
)


def test_a_name_beside_the_sentence_giving_the_claims_values_is_no_swap(tmp_path, pipeline):
    """ "Opening hours will be 7am to 7pm ..." tells the claim's hours without naming the centre;
    "Foundry Street" in the sentence before gives none of them, so it stands in no place of the
    claim's "Brackley Community Health Centre" (the judging model reads the window as stating it)."""
    checker = _checker_over(tmp_path, {"clinic.txt": CLINIC_OPENING})
    hours = checker.check_sentence(
        "Brackley Community Health Centre will open from 7am to 7pm on weekdays and from 10am to 2pm on "
        "Saturdays."
    )
    assert hours.verdict != CONTRADICTED, hours.reason
    # The false-positive side: a name in the sentence giving the values still stands in the claim's.
    closing = checker.check_sentence("The Mill Way building will close at 5pm on Friday 7 November.")
    assert closing.verdict == CONTRADICTED, closing.reason
    assert (closing.differs.draft, closing.differs.source) == ("Mill Way", "Foundry Street")


COASTAL_RUN = (
    "RIVERMOUTH RUNNERS' BLOG\nRace reports | Results | Club news\n\n"
    "Valdero breaks course record in the Coastal Run\n\n"
    "A record 2,400 runners lined up on Harbour Promenade for this morning's Rivermouth Coastal Run, "
    "and the women's course record fell for the first time in eight years. Ines Valdero of Coastline "
    "Harriers won the women's race in 31:12, taking 19 seconds off the old record.\n\n"
    "The men's race went to Pavel Lindqvist in 27:40. Conditions were cool and still at the 9am start.\n\n"
    "Race director Hal Brenning said the entry fees had raised 40,000 crowns for the lifeboat station.\n"
)


def test_a_name_setting_the_scene_beside_the_sentence_stating_the_claim_is_read_by_the_judge(
    tmp_path, pipeline
):
    """ "Harbour Promenade" in the sentence before the one giving Valdero's time and margin stands in
    no place of the claim's "Ines Valdero": the window goes to the judging model, which reads it as
    stating the claim (it was skipped unread before)."""
    checker = _checker_over(tmp_path, {"coastal_run.txt": COASTAL_RUN})
    record = checker.check_sentence(
        "Ines Valdero won the Rivermouth Coastal Run in a course record of 31:12, 19 seconds faster than "
        "the previous best."
    )
    assert record.verdict == SUPPORTED, record.reason
    # The false-positive side: the claim's own name nowhere in the article keeps the swap.
    swapped = checker.check_sentence(
        "Ines Valdero won the Rivermouth Coastal Run on Seafront Drive in a course record of 31:12."
    )
    assert swapped.verdict != SUPPORTED, swapped.reason


CARE_BILL_BULLETIN = (
    "NIGHT DESK - Tuesday, 22:00\nPresenter: Ola Brink\n\n"
    "PRESENTER: The care bill passed this evening. Our reporter has been in the chamber.\n\n"
    "REPORTER: The Green Bloc wanted a bigger rise for care workers, and its amendment was voted down. "
    "The Health Secretary, Ilse Marrow, opened the debate. She told the chamber the plan would cost 40 "
    'million crowns a year and called it, quote, "long overdue".\n\n'
    "PRESENTER: And what happens next?\n\n"
    "REPORTER: The first payments reach care homes in March.\n"
)


def test_a_transcripts_quote_after_a_post_named_beside_its_holder_is_the_holders(tmp_path, pipeline):
    """ "REPORTER: ... The Health Secretary, Ilse Marrow, opened the debate. She ... called it, quote,
    'long overdue'": the quote is Marrow's (it was read as the Green Bloc's, named before)."""
    checker = _checker_over(tmp_path, {"bulletin.txt": CARE_BILL_BULLETIN})
    quoted = checker.check_sentence('Health Secretary Ilse Marrow called the care plan "long overdue".')
    assert quoted.verdict == SUPPORTED, quoted.reason
    # The false-positive side: the quote given to somebody the bulletin never names is no support.
    other = checker.check_sentence('Health Secretary Anton Weld called the care plan "long overdue".')
    assert other.verdict != SUPPORTED, other.reason


MUMPS_OUTBREAK = (
    "Mumps outbreak in Velden Cross reaches 22 cases\n\n"
    "VELDEN CROSS, 14 November 2025 (Westpress) - A mumps outbreak in the market town of Velden Cross "
    "has grown to 22 confirmed cases, the regional health board said on Friday. Six of the patients "
    "have been treated in hospital, and two schools have asked unvaccinated pupils to stay at home "
    "until the end of the month. The board has written to every family in the district urging them "
    "to check their children's records.\n\n"
    "The first case was identified on 20 October in a child who had recently returned from a trip "
    "abroad. Coverage for the two-dose MMR vaccine in the district stands at 84 percent, well below "
    "the national average of 93 percent.\n\n"
    "Extra clinics will open at the town hall on Saturday and Sunday.\n"
)


def test_a_day_the_window_gives_only_as_a_count_in_words_is_no_date_of_it(tmp_path, pipeline):
    """ "on 2 October" against "identified on 20 October ... the two-dose vaccine": the 2 is a
    count there, not the day, so the window does not state the claim's date (the judging model, given
    the window, read it as stating it at 80%)."""
    checker = _checker_over(tmp_path, {"mumps.txt": MUMPS_OUTBREAK})
    wrong_day = checker.check_sentence(
        "The first case of the Velden Cross mumps outbreak was identified on 2 October."
    )
    assert wrong_day.verdict != SUPPORTED, wrong_day.reason
    # The false-positive side: the day the window gives is the claim's.
    right_day = checker.check_sentence(
        "The first case of the Velden Cross mumps outbreak was identified on 20 October."
    )
    assert right_day.verdict == SUPPORTED, right_day.reason


RATE_CUT = (
    "Kelby Reserve cuts its main rate to 3.75 percent\n\n"
    "The Kelby Reserve cut its main interest rate by a quarter of a point to 3.75 percent on "
    "Thursday, its first cut in two years.\n\n"
    "The decision by the bank's seven-member rates board was not unanimous. Five members voted for "
    "the cut and two preferred to hold the rate at 4.00 percent.\n\n"
    "Lenders were quick to respond. Harbour Savings said it would reduce its standard variable rate "
    "from 1 November. The rates board next meets on 11 December.\n"
)


def test_a_day_the_window_gives_only_as_another_months_day_contradicts(tmp_path, pipeline):
    """ "next due to meet on 11 November" against "from 1 November. The rates board next meets on
    11 December": the window held the 11 and the month apart, so it passed as stating the date;
    now the date is missing from it, and the meeting's date differs."""
    checker = _checker_over(tmp_path, {"rates.txt": RATE_CUT})
    wrong_month = checker.check_sentence(
        "The Kelby Reserve's rates board is next due to meet on 11 November."
    )
    assert wrong_month.verdict == CONTRADICTED, wrong_month.reason
    assert (wrong_month.differs.draft, wrong_month.differs.source) == ("11 November", "11 December")
    # The false-positive side: the date as the window gives it.
    right_month = checker.check_sentence(
        "The Kelby Reserve's rates board is next due to meet on 11 December."
    )
    assert right_month.verdict == SUPPORTED, right_month.reason


BUDGET_WIRE = (
    "Government unveils 51-billion-crown budget for 2026, pledges to narrow deficit\n\n"
    "KELBY, Oct 7 (KPA) - Finance Minister Ada Rensk on Tuesday presented a 2026 budget of 51.2 "
    "billion crowns to parliament, promising to bring the deficit down to 2.6 percent of gross "
    "domestic product next year from an expected 3.4 percent in 2025.\n\n"
    "The draft raises health spending by 6 percent to 9.1 billion crowns and lifts state pensions by "
    "4 percent from January. Value-added tax stays at 20 percent, but banks will pay a new levy on "
    "profits above 100 million crowns.\n\n"
    'Rensk told lawmakers the plan was "careful but not timid". The ministry forecasts economic '
    "growth of 2.1 percent in 2026, after an estimated 1.5 percent this year.\n\n"
    'Opposition leader Piet Varga called the budget "a list of hopes dressed up as arithmetic".\n'
)


def test_a_window_only_the_judge_read_yields_to_the_articles_own_words_with_another_value(tmp_path, pipeline):
    """ "growth of 2.6 percent" read by the judging model into the lead's "deficit down to 2.6
    percent" (79%) while the article says "The ministry forecasts economic growth of 2.1 percent":
    the article does not say both, and its own words win."""
    checker = _checker_over(tmp_path, {"budget.txt": BUDGET_WIRE})
    deficit_figure = checker.check_sentence(
        "The finance ministry forecasts economic growth of 2.6 percent in 2026."
    )
    assert deficit_figure.verdict == CONTRADICTED, deficit_figure.reason
    assert (deficit_figure.differs.draft, deficit_figure.differs.source) == ("2.6 percent", "2.1 percent")
    # The false-positive side: the article's own figure stays supported.
    growth = checker.check_sentence("The finance ministry forecasts economic growth of 2.1 percent in 2026.")
    assert growth.verdict == SUPPORTED, growth.reason


def test_a_window_only_the_judge_read_yields_to_another_article_of_its_outlet(tmp_path, pipeline):
    """The same, with the growth forecast in the outlet's next wire of the story: one outlet does
    not give both figures for the same forecast, and its words outweigh the model's reading."""
    lead, _ = BUDGET_WIRE.split("Rensk told lawmakers")
    follow_up = (
        "Ministry sets out growth path behind 2026 budget\n\nKELBY, Oct 9 (KPA) - Finance Minister Ada "
        'Rensk told lawmakers on Thursday the plan was "careful but not timid". The ministry forecasts '
        "economic growth of 2.1 percent in 2026, after an estimated 1.5 percent this year.\n"
    )
    checker = _checker_over(tmp_path, {"budget_1.txt": lead, "budget_2.txt": follow_up})
    deficit_figure = checker.check_sentence(
        "The finance ministry forecasts economic growth of 2.6 percent in 2026."
    )
    assert deficit_figure.verdict == CONTRADICTED, deficit_figure.reason
    # The false-positive side: the outlet's own figure stays supported.
    growth = checker.check_sentence("The finance ministry forecasts economic growth of 2.1 percent in 2026.")
    assert growth.verdict == SUPPORTED, growth.reason


COURT_COLUMN = (
    "THE BENCH: NOTES FROM THE COURTS\nMonday 13 October 2025\n\n"
    "A bonfire and a costly weekend\n\n"
    "Kelby Magistrates' Court, Friday. Dario Venn, 31, of Ashmoor, admitted causing a fire on common "
    "land by leaving a bonfire unattended at Hollins Common on 4 June, despite a ban on open fires.\n\n"
    "The court heard that the fire spread across eight hectares before crews from three stations put "
    "it out. Venn told the court he thought the bonfire was out when he left.\n\n"
    "He was fined 900 crowns and ordered to pay 1,400 crowns towards the cost of fighting the fire.\n"
)


def test_a_date_the_window_tells_by_its_weekday_is_no_other_events_date(tmp_path, pipeline):
    """ "Kelby Magistrates' Court, Friday." in a Monday column tells the claim's Friday 10 October;
    "on 4 June" in the sentence dates the fire, not the hearing (the judging model read the hearing
    as on 4 June, 94%, and the claim was contradicted)."""
    checker = _checker_over(tmp_path, {"court.txt": COURT_COLUMN})
    hearing = checker.check_sentence(
        "Dario Venn appeared at Kelby Magistrates' Court on Friday 10 October 2025."
    )
    assert hearing.verdict != CONTRADICTED, hearing.reason
    # The false-positive side: another weekday's date is still no support.
    other_day = checker.check_sentence(
        "Dario Venn appeared at Kelby Magistrates' Court on Thursday 9 October 2025."
    )
    assert other_day.verdict != SUPPORTED, other_day.reason


TILES_NEWSLETTER = (
    "HARBOUR BRIEFING - weekly business newsletter\nFriday 7 March 2025\n\n"
    "LEAD: MARLOW TILES - THE NUMBERS BEHIND THE CLOSURE\n\n"
    "Fenwick Group's decision, announced on Tuesday, to close the Marlow Tiles works in Ashby will "
    "not have surprised anyone who has read the group's accounts. The plant's revenue has fallen for "
    "two years running while its gas bill has soared.\n\n"
    "| Year | Revenue (Cr m) | Output (tonnes) | Operating result (Cr m) |\n"
    "| 2022 |      71.2      |     120,400     |          1.8            |\n"
    "| 2023 |      58.6      |     101,900     |         -2.7            |\n"
    "| 2024 |      49.3      |      88,200     |         -6.1            |\n"
    "\n"
    "The works employs 310 people. Fenwick says it will talk to any credible buyer before the kilns "
    "are switched off in June.\n"
)


def test_a_tables_figure_read_with_another_rows_year_is_no_support(tmp_path, pipeline):
    """ "revenue fell to 58.6 million crowns in 2024" where the table gives 58.6 in the 2023 row and
    49.3 in the 2024 row: the judging model read the passage as stating it (82%); the claim's
    values stand in no row together, so the passage is not read for it."""
    checker = _checker_over(tmp_path, {"tiles.txt": TILES_NEWSLETTER})
    other_row = checker.check_sentence("Marlow Tiles' revenue fell to 58.6 million crowns in 2024.")
    assert other_row.verdict != SUPPORTED, other_row.reason
    # The false-positive side: the figure and the year of one row.
    one_row = checker.check_sentence("Marlow Tiles' revenue fell to 49.3 million crowns in 2024.")
    assert one_row.verdict == SUPPORTED, one_row.reason


TRAM_VOTE = (
    "Northline approved after marathon debate\n\n"
    "Kelby Regional Council approved the Northline tram extension by 31 votes to 18 on Wednesday "
    "night, after a debate of almost six hours.\n\n"
    "An amendment from the opposition calling for an independent review of the costs was defeated "
    "by 28 votes to 23. Its author, Councillor Hanne Brisk, said the council had written a cheque "
    "and promised to find out the amount later.\n\n"
    "Construction is due to start in spring 2026.\n"
)


def test_a_votes_margin_is_read_from_the_tally(tmp_path, pipeline):
    """ "defeated by a margin of five votes" against "defeated by 28 votes to 23": the check had
    contradicted it with the 28; the five is the tally's difference, so it is no other figure,
    and the judging model reads the claim with the tally beside it."""
    checker = _checker_over(tmp_path, {"vote.txt": TRAM_VOTE})
    margin = checker.check_sentence(
        "An opposition amendment demanding an independent review of the costs was defeated by a margin of five votes."
    )
    assert margin.verdict == SUPPORTED, margin.reason
    # The false-positive side: a margin the tally does not give differs.
    wrong = checker.check_sentence(
        "An opposition amendment demanding an independent review of the costs was defeated by a margin of nine votes."
    )
    assert wrong.verdict == CONTRADICTED, wrong.reason


TRAM_REPORT = (
    "Northline tram to cost 310m, report says\n\n"
    "The Northline tram extension would cost 310 million crowns, a report for Kelby Regional Council "
    "says.\n\n"
    "According to the report, a tram journey from Keddleby to the centre of Kelby would take 34 "
    "minutes, compared with around 55 minutes on the current X4 express bus at peak times. Planners "
    "expect the line to carry 6.2 million passengers a year by 2035.\n"
)


def test_how_often_a_tram_runs_is_not_contradicted_by_how_long_it_takes(tmp_path, pipeline):
    """ "Northline trams will run every six minutes at peak times" against "a tram journey ...
    would take 34 minutes ... at peak times": the judging model preferred "every 34 minutes" (67%
    against 35%), so a claim the article never makes was contradicted."""
    checker = _checker_over(tmp_path, {"report.txt": TRAM_REPORT})
    frequency = checker.check_sentence("Northline trams will run every six minutes at peak times.")
    assert frequency.verdict != CONTRADICTED, frequency.reason
    # The false-positive side: another journey time is contradicted.
    journey = checker.check_sentence(
        "According to the report, a tram journey from Keddleby to the centre of Kelby would take 40 minutes."
    )
    assert journey.verdict == CONTRADICTED, journey.reason


MARINA_TRIAL = (
    "Former Dallow mayor goes on trial over marina contract\n\n"
    "KELBY, March 10 (KNA) - The former mayor of Dallow, Corin Maddox, went on trial on Monday "
    "accused of steering a marina contract to a relative.\n\n"
    "Prosecutor Ines Ormerod said the contract for dredging and new pontoons at Dallow marina was "
    "awarded in 2021 to Lusk Marine Works, owned by Edvard Lusk, who is married to Maddox's sister.\n\n"
    "Maddox, 58, denies all four charges. The trial is expected to last two weeks.\n"
)


def test_another_family_tie_is_contradicted_not_read_as_stated(tmp_path, pipeline):
    """ "married to Maddox's daughter" against "married to Maddox's sister": the judging model read
    the sentence as stating it (76%); the tie differs."""
    checker = _checker_over(tmp_path, {"trial.txt": MARINA_TRIAL})
    daughter = checker.check_sentence(
        "Edvard Lusk, whose company won the marina contract, is married to Maddox's daughter."
    )
    assert daughter.verdict == CONTRADICTED, daughter.reason
    assert (daughter.differs.draft, daughter.differs.source) == ("daughter", "sister")
    # The false-positive side: the tie the article gives.
    sister = checker.check_sentence(
        "Edvard Lusk, whose company won the marina contract, is married to Maddox's sister."
    )
    assert sister.verdict == SUPPORTED, sister.reason


PORT_SALE = (
    "Dockers vow to fight Pellmouth port sale\n\n"
    "PELLMOUTH, June 4 (PNA) - The board of Pellmouth Port agreed on Tuesday to sell the container "
    "terminal to Harrowgate Logistics for 92 million krona.\n\n"
    'Aino Brask, regional organiser for the Union of Dock Workers (UDW), called the sale "a betrayal '
    'of the port" and said the union would ballot its 640 members on strike action.\n\n'
    'Opposition leader Ruth Amsel warned that the council was signing "a blank cheque" for the '
    "new owners. Harbour committee chair Bo Ness told the chamber the sale would secure 300 jobs.\n"
)


def test_a_quote_given_word_for_word_to_another_is_a_misquote(tmp_path, pipeline):
    """The claim's own quoted words, in quotation marks, that the article gives to somebody else:
    the judging model had read the claim with the other speaker put back at 39% ("a blank cheque",
    the council for the article's city), and "called ... '...'" was no reported speech at all, so
    a speaker the article never names found nothing."""
    checker = _checker_over(tmp_path, {"port.txt": PORT_SALE})
    cheque = checker.check_sentence(
        'Harbour committee chair Bo Ness warned that the city was signing "a blank cheque" for the port\'s buyers.'
    )
    assert cheque.verdict == CONTRADICTED, cheque.reason
    assert "Bo Ness" in cheque.differs.draft and cheque.differs.source == "Ruth Amsel", cheque.differs
    betrayal = checker.check_sentence('Port director Lars Kvist called the sale "a betrayal of the port".')
    assert betrayal.verdict == CONTRADICTED, betrayal.reason
    assert betrayal.differs.source == "Aino Brask", betrayal.differs
    # The false-positive sides: the quote's own speaker.
    own = checker.check_sentence(
        'Opposition leader Ruth Amsel warned the council was signing "a blank cheque".'
    )
    assert own.verdict == SUPPORTED, own.reason
    called = checker.check_sentence(
        'Aino Brask of the dockers\' union called the sale "a betrayal of the port".'
    )
    assert called.verdict == SUPPORTED, called.reason


KILN_CLOSURE = (
    "Tarnby kiln works to close with 310 jobs lost\n\n"
    "The owners of the Tarnby kiln works said on Monday it would close in June.\n\n"
    "Petra Vold, regional organiser of the Kiln Workers' Union, said the true number of people "
    "affected was closer to 380 once contractors were counted.\n\n"
    "Tarnby's mayor, Ilse Varnum, called the announcement a hammer blow to a town that has already "
    "lost its mine.\n"
)


def test_a_post_the_article_gives_another_holder_is_contradicted_not_stated(tmp_path, pipeline):
    """ "Petra Vold, Tarnby's mayor, called the closure a hammer blow" where the article's mayor is
    Ilse Varnum and Vold the union's organiser: every name of the claim is in the passage, so it
    had been read as stated."""
    checker = _checker_over(tmp_path, {"kiln.txt": KILN_CLOSURE})
    wrong = checker.check_sentence(
        "Petra Vold, Tarnby's mayor, called the closure a hammer blow to the town."
    )
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("Petra Vold", "Ilse Varnum")
    # The false-positive side: the mayor the article names.
    right = checker.check_sentence(
        "Ilse Varnum, Tarnby's mayor, called the closure a hammer blow to the town."
    )
    assert right.verdict == SUPPORTED, right.reason


FERRY_VOTE = (
    "Council backs Kessby ferry subsidy\n\n"
    "Kessby council voted 31 to 20 on Tuesday to keep subsidising the island ferry for five more "
    "years, at a cost of 4.2 million krona a year.\n\n"
    "The ferry carried 212,000 passengers last year, up from 190,000 in 2023. Its operator, "
    "Sundline, had warned in January that it would withdraw the service without public money.\n\n"
    "Councillor Sven Aas, who chairs the council's finance committee, urged colleagues to back "
    'the deal. "It would cost far more to stop now than to keep the boats running," he said. '
    '"Half the new pier is already built. Walking away would leave the island with a pier and no '
    'ferry."\n\n'
    'Ruth Amsel, leader of the opposition Harbour Party, called the subsidy "open-ended" and said '
    "residents had not been told its full cost. Her amendment to cap the payments failed by 29 "
    "votes to 22.\n\n"
    "Islanders who had packed the public gallery applauded the result. The new pier is due to "
    "open in August.\n"
)


def test_a_claim_giving_its_speaker_the_post_of_the_one_who_said_it_is_a_misquote(tmp_path, pipeline):
    """ "Ruth Amsel, who chairs the finance committee, argued ..." where the article's finance chair,
    Sven Aas, said it: the judging model had read the reworded quote with Aas put back at 74%, below
    what a misquote needs; the post tells who said it."""
    checker = _checker_over(tmp_path, {"ferry.txt": FERRY_VOTE})
    amsel = checker.check_sentence(
        "Ruth Amsel, who chairs the finance committee, argued it would cost far more to stop the ferry "
        "subsidy now than to keep it."
    )
    assert amsel.verdict == CONTRADICTED, amsel.reason
    assert amsel.differs.source == "Councillor Sven Aas", amsel.differs
    # The false-positive side: the chair the article names.
    aas = checker.check_sentence(
        "Sven Aas, who chairs the finance committee, argued it would cost far more to stop the ferry "
        "subsidy now than to keep it."
    )
    assert aas.verdict == SUPPORTED, aas.reason


CUP_PHONE_IN = (
    "HARBOUR FM SATURDAY SPORT WITH ANNA BERG\n\n"
    "14:02 ANNA BERG: Quick recap for anybody just tuning in. Olle Sand put Athletic ahead with a "
    "header after twenty minutes. Jonas Vik equalised from the penalty spot just before half-time, "
    "and then Mats Lund won it with a low shot in the eighty-fifth minute.\n\n"
    "14:03 ANNA BERG: United go through to the final at Kessby Park on the twelfth of April. Our "
    "phone lines are open now.\n\n"
    "14:05 CALLER PER: Anna, what a day. I have waited twenty years for this.\n"
)


def test_a_passive_deed_given_to_another_is_contradicted_not_read_as_stated(tmp_path, pipeline):
    """ "United's equaliser ... was a penalty converted by Mats Lund" where Jonas Vik scored it and
    Lund the winner: the judging model read the whole passage as stating it (79%, and 77% with the
    right name); the clause after "and then" is Lund's."""
    checker = _checker_over(tmp_path, {"phone_in.txt": CUP_PHONE_IN})
    lund = checker.check_sentence("United's equaliser against Athletic was a penalty converted by Mats Lund.")
    assert lund.verdict == CONTRADICTED, lund.reason
    assert (lund.differs.draft, lund.differs.source) == ("Mats Lund", "Jonas Vik")
    # The false-positive side: the penalty's own taker.
    vik = checker.check_sentence("United's equaliser against Athletic was a penalty converted by Jonas Vik.")
    assert vik.verdict == SUPPORTED, vik.reason


HARBOUR_FRAUD = (
    "Former harbour treasurer jailed for fraud\n\n"
    "VESSBY, March 26 (VPA) - A former treasurer of the Vessby harbour board was jailed for two years "
    "on Wednesday for stealing from the board's pension fund.\n\n"
    "Vessby District Court found Oskar Brenn, 61, guilty on three of the four counts against him, two "
    "of embezzlement and one of false accounting. He was acquitted on a second count of false "
    "accounting.\n\n"
    "Judge Maria Lind said Brenn had abused the trust of the board's members over six years. His "
    "lawyer said he would consider an appeal.\n"
)


def test_another_part_of_the_claims_whole_is_no_support(tmp_path, pipeline):
    """ "guilty on two of the four charges" where the court found him guilty on three of the four
    (two of them of embezzlement): the sentence holds "two" and "four", and the judging model read
    it as stated (75%)."""
    checker = _checker_over(tmp_path, {"court.txt": HARBOUR_FRAUD})
    two = checker.check_sentence("Brenn was found guilty on two of the four charges he faced.")
    assert two.verdict != SUPPORTED, two.reason
    # The false-positive side: the part the article counts.
    three = checker.check_sentence("Brenn was found guilty on three of the four charges he faced.")
    assert three.verdict == SUPPORTED, three.reason


MORNING_SHOW = (
    "KELPIE FM - THE MORNING TIDE\n"
    "Transcript (07:00-07:15). Timestamps approximate.\n\n"
    "07:00 NEWSREADER (ELSA MORROW): Good morning. Workers at the Vessby glassworks go back through "
    "the gates today for the first time since learning the plant will close in September.\n\n"
    "07:06 ANJA PETREL (PRESENTER): Our reporter Colm Hadley is at the main gate. Colm, what's the "
    "mood?\n\n"
    "COLM HADLEY (REPORTER): Quiet, Anja. Renata Callow from the glass workers' union was here "
    "before six handing out leaflets. She told me the union wants the site sold, not closed.\n\n"
    '[CLIP] RENATA CALLOW: "We want a buyer, not a bulldozer. There is a skilled workforce here."\n\n'
    "ANJA PETREL: Thank you, Colm. Mayor Hedda Quill will be on the programme at eight.\n"
)


def test_a_quote_a_transcripts_clip_gives_another_is_a_misquote(tmp_path, pipeline):
    """A time-stamped or cued turn ("[CLIP] RENATA CALLOW: ...") had no label, so the clip's quote
    credited to the mayor was nobody's and the claim not found."""
    checker = _checker_over(tmp_path, {"show.txt": MORNING_SHOW})
    quill = checker.check_sentence(
        '"We want a buyer, not a bulldozer," Vessby mayor Hedda Quill told Kelpie FM.'
    )
    assert quill.verdict == CONTRADICTED, quill.reason
    assert quill.differs.source == "Renata Callow", quill.differs
    # The false-positive side: the clip's own speaker.
    callow = checker.check_sentence('"We want a buyer, not a bulldozer," Renata Callow told Kelpie FM.')
    assert callow.verdict == SUPPORTED, callow.reason


MARROW_FLATS = (
    "Marrow Flats wind farm approved\n\n"
    "By Iona Terschell\n\n"
    "The Tarrowmere Energy Board on Thursday approved the Marrow Flats wind farm, costed at 1.45 billion "
    "dinars, the largest energy project the province has undertaken. Construction starts in March.\n\n"
    "The board's chair, Edda Voskuijl, said a temporary visitor centre would open in a portable cabin "
    "on Pier 4 of Tarrowmere harbour from Monday, so residents can see the plans.\n"
)


def test_a_figure_at_another_scale_supports_and_a_numbered_name_is_a_value(tmp_path, pipeline):
    """ "1,450 million dinars" is the article's "1.45 billion dinars"; "Pier 2" is no "Pier 4"."""
    checker = _checker_over(tmp_path, {"marrow.txt": MARROW_FLATS})
    costed = "The Marrow Flats wind farm carries a price tag of {} dinars."
    assert checker.check_sentence(costed.format("1,450 million")).verdict == SUPPORTED
    pier = (
        "Board chair Edda Voskuijl said the temporary visitor centre would open in a portable cabin on "
        "Pier {} of Tarrowmere harbour."
    )
    wrong = checker.check_sentence(pier.format("2"))
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("2", "4")
    # The false-positive side: another sum at another scale is no support, and the article's pier
    # is no contradiction.
    assert checker.check_sentence(costed.format("1,540 million")).verdict != SUPPORTED
    assert checker.check_sentence(pier.format("4")).verdict == SUPPORTED


MARROW_FLATS_JOBS = (
    "Marrow Flats to hire locally\n\n"
    "The Tarrowmere Energy Board expects up to 900 people on site at the busiest point of building "
    "the Marrow Flats wind farm. Its target is that six out of every ten of them come from the "
    "Tarrowmere district, the board's chair, Edda Voskuijl, said on Friday.\n"
)


CABLE_CAR_OPENS = (
    "Kessel cable car opens to passengers\n\n"
    "Vardby's first cable car opened on Saturday, carrying its first paying passengers over the harbour, "
    "nineteen months later than originally planned. Mayor Ines Rolvik cut the ribbon at the lower station.\n"
)


FERRY_BALLOT = (
    "Ferry crews walk out over pay\n\n"
    "Crews at Sundline Ferries stopped work at dawn on Monday. Members of the Seafarers' Union backed "
    "the walkout in a ballot last month, with 91 per cent voting in favour on a turnout of 78 per cent.\n"
)


@pytest.mark.parametrize(
    "article, sentence, stated, other, given",
    [
        # "60 per cent of the workers" is the article's "six out of every ten of them"; 75 is not.
        (
            MARROW_FLATS_JOBS,
            "Edda Voskuijl said the board's target is for {} per cent of the Marrow Flats construction "
            "workers to come from the Tarrowmere district.",
            "60",
            "75",
            "six out of every ten",
        ),
        # "a year and seven months later" is the article's "nineteen months later" (the check had
        # contradicted the seven with the nineteen); "seven months later" alone is another length.
        (
            CABLE_CAR_OPENS,
            "Mayor Ines Rolvik opened the Kessel cable car {} later than planned.",
            "a year and seven months",
            "seven months",
            "nineteen months",
        ),
        # "more than nine in ten" members is the article's "91 per cent" (the check had found the
        # claim's nine and ten missing); "seven in ten" is another share.
        (
            FERRY_BALLOT,
            "More than {} union members who voted in last month's ballot backed the walkout.",
            "nine in ten",
            "seven in ten",
            "91 per cent",
        ),
    ],
)
def test_a_figure_the_article_gives_in_other_words_supports(
    tmp_path, pipeline, article, sentence, stated, other, given
):
    """The real judging model reads the claim in the article's words; the false-positive side,
    another figure, is not what the article says."""
    checker = _checker_over(tmp_path, {"article.txt": article})
    found = checker.check_sentence(sentence.format(stated))
    assert found.verdict == SUPPORTED, found.reason
    assert given in found.citations[0].text
    assert checker.check_sentence(sentence.format(other)).verdict != SUPPORTED


GROWERS_BLOG = (
    "My first co-op AGM!\n\n"
    "So yesterday I finally went to my first annual meeting of the growers' cooperative, and wow. "
    "Orrin Bazzadeh, the outgoing chair, gave a farewell speech that had half the hall wiping their eyes. "
    "My favourite line, and I wrote it down on my hand so I wouldn't forget: \"We did not survive three "
    'droughts to sell our fruit cheaply." The whole room stood up.\n'
)


def test_a_bloggers_favourite_line_is_quoted_from_the_speaker_before_it(tmp_path, pipeline):
    """The line the blogger wrote down is the outgoing chair's, not a speaker called "My" (the check
    had contradicted the claim with that name)."""
    checker = _checker_over(tmp_path, {"blog.txt": GROWERS_BLOG})
    said = "{} told the meeting that growers had not survived three droughts to sell their fruit cheaply."
    found = checker.check_sentence(said.format("Orrin Bazzadeh"))
    assert found.verdict == SUPPORTED, found.reason
    # The false-positive side: another speaker of the line is contradicted by the chair's name.
    other = checker.check_sentence(said.format("Nadeema Sulveth"))
    assert other.verdict == CONTRADICTED and other.differs.source == "Orrin Bazzadeh", other.reason


AVALANCHE_BULLETIN = (
    "Radio Quorvel 96.4 - Morning News\n\n"
    "[07:30:05] NEWSREADER (Corsin Haberthal): Good morning. The dispute over the avalanche dam in "
    "Vellschin is going to court. The Meadow Alliance has appealed against the building permit. "
    "Vellschin's mayor, Orsina Pleuger, reacted calmly.\n\n"
    "[07:30:24] [CLIP: ORSINA PLEUGER, Mayor of Vellschin] We respect the court, of course. But the snow "
    "does not wait for judges. Every winter without protection is a winter of risk.\n\n"
    "[07:30:33] NEWSREADER (Corsin Haberthal): Severin Gandrisch, head of the cantonal avalanche service, "
    "says snow-supporting structures on the slope would cost more and protect less.\n"
)


def test_a_clips_words_given_to_another_speaker_are_contradicted_by_the_clips_speaker(tmp_path, pipeline):
    """The clip's cue names the mayor; a claim giving her words to the avalanche service's head
    had been not found (the clip was nobody's)."""
    checker = _checker_over(tmp_path, {"bulletin.txt": AVALANCHE_BULLETIN})
    said = "{} warned after the appeal was filed that snow would not wait for the judges."
    other = checker.check_sentence(said.format("Avalanche service head Severin Gandrisch"))
    assert other.verdict == CONTRADICTED and other.differs.source == "Orsina Pleuger", other.reason
    # The false-positive sides: the clip's own speaker is not contradicted, named or by the post
    # the bulletin gives her.
    for speaker in ("Mayor Orsina Pleuger", "The mayor of Vellschin"):
        found = checker.check_sentence(said.format(speaker))
        assert found.verdict != CONTRADICTED, (speaker, found.reason)


LEDGER_CO_OP_CHAIR = (
    "The Qaraveth Ledger | Oasis & Provinces | Agriculture\n\n"
    "Qimmeh grower Nadeema Sulveth takes the helm of the Palm Co-op\n\n"
    "By Lorcan Abbadine, Agriculture Correspondent\n"
    "Published Sunday 6 April 2025, 08:15\n\n"
    "OSSIRAZ — The Ossiraz Date Growers' Cooperative elected Nadeema Sulveth as its chair at its annual "
    "general meeting on Saturday, ending the 11-year tenure of Orrin Bazzadeh.\n\n"
    "Sulveth won 251 votes against 139 for Pell Dussaray.\n"
)


def test_a_pages_publication_stamp_dates_no_event_of_the_story(tmp_path, pipeline):
    """The stamp glued to the story's first sentence had the judging model support a meeting "on
    Sunday 6 April" that the story holds on Saturday."""
    checker = _checker_over(tmp_path, {"ledger.txt": LEDGER_CO_OP_CHAIR})
    met = "The date cooperative held its annual general meeting on {}."
    assert checker.check_sentence(met.format("Sunday 6 April")).verdict != SUPPORTED
    # The false-positive side: the story's own day still supports the claim.
    found = checker.check_sentence(met.format("Saturday"))
    assert found.verdict == SUPPORTED, found.reason


NIGHT_FLIGHTS_SCRIPT = (
    "NORTHLINE TV - EVENING NEWS - 18:30\n"
    "ITEM 4: NIGHT FLIGHTS MEETING\n\n"
    "PRESENTER: More than two hundred people packed the village hall in Tellin Cross last night to "
    "question the airport about its plans for more night flights.\n\n"
    "[SOT - BERTIL OAKES, TELLIN CROSS QUIET SKIES GROUP]\n"
    '"We were told to bring our questions. Nobody could tell us how many of those extra flights would '
    'be over this village."\n\n'
    "[SOT - PIETER VAHL, OPERATIONS DIRECTOR, LYSSMOUTH AIRPORT]\n"
    '"Most night departures turn away from the village after take-off. We will publish the detail '
    'before the consultation closes."\n\n'
    "PRESENTER: The consultation closes on the thirtieth of April.\n"
)


def test_a_clip_cued_on_the_line_before_is_its_speakers_words(tmp_path, pipeline):
    """A television script's cue alone on the line before the clip names its speaker: the check had
    supported the resident's words given to the airport's director, word for word."""
    checker = _checker_over(tmp_path, {"script.txt": NIGHT_FLIGHTS_SCRIPT})
    quote = '{} said: "Nobody could tell us how many of those extra flights would be over this village."'
    other = checker.check_sentence(quote.format("Pieter Vahl"))
    assert other.verdict == CONTRADICTED and other.differs.source == "Bertil Oakes", other.reason
    # The false-positive side: the clip's speaker, named in full before a description longer than
    # the check reads a speaker in, is not contradicted by his own name.
    found = checker.check_sentence(quote.format("Bertil Oakes of the Tellin Cross Quiet Skies Group"))
    assert found.verdict == SUPPORTED, found.reason


WATER_BOARD_BULLETIN = (
    "RADIO KESTMOOR 101.2 - EVENING NEWS\n"
    "[Automatic transcript for the station archive. May contain errors.]\n\n"
    "[18:00:05] HANNE ORVIK (newsreader): Good evening. The Kestmoor water board has voted to close "
    "the Tallow Lane pumping station at the end of June. Board chair Edda Lunmark says the station is "
    "too old to repair, but residents fear higher bills.\n\n"
    "[18:00:21] CLIP - EDDA LUNMARK, chair, Kestmoor Water Board (0:12): The pumps went in in 1961. "
    "We can spend money patching them every winter, or we can build something that lasts.\n\n"
    "[18:00:34] HANNE ORVIK: Opposition councillor Birger Aasvold voted against the closure.\n\n"
    "[18:00:39] CLIP – BIRGER AASVOLD (ARCHIVE): Nobody has shown us a single figure for what the "
    "new plant will cost households.\n\n"
    "[18:00:50] HANNE ORVIK: The board meets again on the fourteenth of July.\n"
)


def test_a_clip_cued_without_brackets_is_its_speakers_words(tmp_path, pipeline):
    """A bulletin transcript cues its clips without brackets ("CLIP - EDDA LUNMARK, chair ...
    (0:12): ..."): the chair's words given to the councillor had been not found."""
    checker = _checker_over(tmp_path, {"bulletin.txt": WATER_BOARD_BULLETIN})
    said = "{} said the board could keep patching the pumps every winter or build something that lasts."
    other = checker.check_sentence(said.format("Councillor Birger Aasvold"))
    assert other.verdict == CONTRADICTED and other.differs.source == "Edda Lunmark", other.reason
    # The false-positive side: the clip's own speaker is not contradicted.
    found = checker.check_sentence(said.format("Board chair Edda Lunmark"))
    assert found.verdict != CONTRADICTED, found.reason


FLOOD_BULLETIN = (
    "RADIO ODERMARK - MIDDAY NEWS\n\n"
    "[12:00:04] JONA PRILL: The river at Sallow Bridge peaked overnight. I spoke to Brigadier "
    "Ottilie Brask, who leads the flood response.\n\n"
    "[12:00:15] SOT - BRASK: The rain was our main enemy. The levee held, and we are pumping out the "
    "cellars now.\n\n"
    "[12:00:27] JONA PRILL: Mayor Tobin Quell said the town's schools would reopen on Thursday.\n"
)


def test_a_clips_cue_word_names_nobody(tmp_path, pipeline):
    """A cue naming its speaker by surname ("SOT - BRASK: ..."): the check had contradicted the
    brigadier's own words with "SOT", read as a name where the claim gives hers."""
    checker = _checker_over(tmp_path, {"bulletin.txt": FLOOD_BULLETIN})
    said = "{} said the rain had been the main enemy."
    found = checker.check_sentence(said.format("Brigadier Ottilie Brask"))
    assert found.verdict == SUPPORTED, found.reason
    # The false-positive side: the mayor is still contradicted by the clip's speaker.
    other = checker.check_sentence(said.format("Mayor Tobin Quell"))
    assert other.verdict == CONTRADICTED and other.differs.source == "Ottilie Brask", other.reason


MILL_SALE_WIRE = (
    "SKELDMOUTH, May 4 (NWR) - Halbrook Paper has agreed to sell its Ansel Creek paper mill to "
    "Vardane Fibre for 212 million crowns, the companies said on Tuesday.\n\n"
    "The mill, on the east bank of the river, employs about 640 workers and makes newsprint.\n"
)
MILL_SALE_COURIER = (
    "Ansel Creek mill sold to Vardane Fibre\n\n"
    "Halbrook Paper confirmed on Tuesday that it is selling the Ansel Creek paper mill to Vardane "
    "Fibre. The mill has 604 employees, according to figures the company filed with the city last "
    "year, making it the town's largest private employer.\n"
)


def test_a_figure_told_roughly_and_another_outlets_figure_beyond_its_last_digit_are_mixed(tmp_path, pipeline):
    """ "about 640 workers" and "604 employees" are two outlets' figures, not one rounding the
    other (within a tenth, but not within the ten "640" is told to): the check had supported the
    claim from the wire alone."""
    articles = {"wire.txt": MILL_SALE_WIRE, "courier.txt": MILL_SALE_COURIER}
    checker = _checker_over(tmp_path / "apart", articles)
    found = checker.check_sentence("The Ansel Creek mill employs about 640 workers.")
    assert found.verdict == MIXED and found.differs.source == "604", found.reason
    # The false-positive side: a figure within the ten of "about 640" is the same figure told roughly.
    articles["courier.txt"] = MILL_SALE_COURIER.replace("604", "636")
    checker = _checker_over(tmp_path / "near", articles)
    found = checker.check_sentence("The Ansel Creek mill employs about 640 workers.")
    assert found.verdict == SUPPORTED, found.reason


KILN_FLASH = (
    "BRICKWORKS BULLETIN - FLASH\nFriday, 14 May 2027\n\n"
    "KESSLAU: KILN FIRE LOSS PUT AT 2.1 MILLION\n\n"
    "Key points\n"
    "- Fire crews spent nine hours on Tuesday putting out the blaze at Kesslau Kiln No. 4, which "
    "the Ormund Brick Company says will stay shut for the rest of the year.\n"
    "- The company now puts its losses at 2.1 million crowns, up from the 1.5 million it gave on Wednesday.\n"
    "- About 1.2 million of that is bricks that were in the kiln or stacked beside it, and the rest is "
    "damage to the kiln's roof, its fans and the control room.\n"
    "- The cause of the fire is still being investigated by the district fire service, which expects to "
    "report by the end of June.\n"
    "- Insurers have sent two loss adjusters, who visited the site on Thursday afternoon.\n"
    "- None of the 38 staff at the kiln will be laid off; they are being moved to Kesslau Kiln No. 2.\n"
    "- A decision on whether to rebuild will be taken by the company's board in September.\n"
)


def test_a_number_after_a_names_number_sign_is_no_second_value(tmp_path, pipeline):
    """ "Kiln No. 4" is the kiln's name, as "Pier 4" is: a bullet that says only "the board in
    September" contradicts the claim's December, though the kiln's number stands bullets away."""
    checker = _checker_over(tmp_path, {"kiln.txt": KILN_FLASH})
    decide = "The Ormund Brick Company's board will decide in {} whether to rebuild Kesslau Kiln No. 4."
    wrong = checker.check_sentence(decide.format("December"))
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("December", "September")
    # The false-positive side: the bulletin's month is no contradiction, and the staff moved to
    # another kiln are moved to no "Kiln No. 3".
    assert checker.check_sentence(decide.format("September")).verdict == SUPPORTED
    moved = "The 38 staff of the burned kiln are being moved to Kesslau Kiln No. {}."
    assert checker.check_sentence(moved.format("2")).verdict == SUPPORTED
    other = checker.check_sentence(moved.format("3"))
    assert other.verdict == CONTRADICTED, other.reason
    assert (other.differs.draft, other.differs.source) == ("3", "2")


REGATTA_RESULTS = (
    "Merrow takes the Fennick Cup\n\n"
    "SALTHARBOUR, June 6 (IPA) - The yacht Merrow, skippered by Jonna Kells, won the Fennick Cup on "
    "Saturday after four races in light winds. Anna Torvik of Orrin finished second with 14 points and "
    "Brodie Mair of Dunmere was third with 19. Sunday's racing was cancelled because of a gale.\n"
)


def test_a_person_the_results_place_otherwise_is_contradicted(tmp_path, pipeline):
    """ "Brodie Mair ... finished second" where the results give second place to another skipper
    and Mair third: every word of the claim is in the sentence, so the judging model read it as
    stated; the placing verb says who came where."""
    checker = _checker_over(tmp_path, {"regatta.txt": REGATTA_RESULTS})
    wrong = checker.check_sentence("Brodie Mair of Dunmere finished second in the Fennick Cup.")
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("second", "third")
    # The false-positive side: the places the results give.
    assert (
        checker.check_sentence("Brodie Mair of Dunmere finished third in the Fennick Cup.").verdict
        == SUPPORTED
    )
    assert checker.check_sentence("Anna Torvik of Orrin finished second with 14 points.").verdict == SUPPORTED


GROUNDING_ARTICLES = {
    "wire.txt": (
        "UPDATE 1-Ferry operator lowers passenger count after Skerra grounding\n\n"
        "SKERRA QUAY, June 3 (NPA) - Tern Ferries said on Thursday that 164 passengers and 12 crew had "
        "been aboard the ferry Gull Rock when it ran aground off Skerra on Wednesday evening, revising "
        "down an earlier figure of 190.\n\n"
        "Three people were treated for minor injuries at the Skerra health centre and were released "
        "overnight, the operator said.\n"
    ),
    "ledger.txt": (
        "Weekly brief: the Gull Rock grounding\n\n"
        "Key points\n"
        "- The Gull Rock ran aground off Skerra on Wednesday evening with 164 passengers aboard.\n"
        "- Five people were treated for minor injuries.\n"
        "- The Marine Accident Board has sent three inspectors to Skerra.\n"
    ),
}


def test_a_figure_of_something_else_tells_no_part_of_the_claims_figure(tmp_path, pipeline):
    """The newsletter's "three inspectors" count inspectors, not the people treated: the outlets
    still disagree on the injured (three / five), though a long cited window reads closer to the
    inspectors' sentence than to the newsletter's own "Five people were treated"."""
    checker = _checker_over(tmp_path, GROUNDING_ARTICLES)
    claim = "Three people were treated for minor injuries after the Gull Rock ran aground."
    result = checker.check_sentence(claim)
    assert result.verdict == MIXED, result.reason
    assert (result.differs.draft, result.differs.source) == ("Three", "Five")
    # The false-positive side: a figure both give stays supported.
    assert (
        checker.check_sentence("The Gull Rock had 164 passengers aboard when it ran aground.").verdict
        == SUPPORTED
    )


ROCKFALL_WIRE = (
    "Rockfall shuts Harrow Pass road, drivers stranded\n\n"
    "FELLSIDE, March 3 (KNA) - A rockfall closed the Harrow Pass road above the village of Fellside "
    "on Monday evening, stranding about 30 vehicles, police said.\n\n"
    "The rocks came down in the Wrenna cutting at about 6 p.m., cutting the only road between "
    "Fellside and the market town of Ostby.\n\n"
    "Nobody was hurt, a police spokeswoman said.\n"
)
SCHOOL_VOTE = (
    "Fellside school to close\n\n"
    "The Ostby district council voted on Thursday to close the village school in Fellside at the end "
    "of the summer term, by 19 votes to 12.\n\n"
    "The rockslide came down in the Wrenna cutting, parents told the meeting, and the school bus had "
    "to turn back.\n"
)


def test_a_day_the_sentence_before_the_claims_place_gives_otherwise_is_contradicted(tmp_path, pipeline):
    """The wire dates the rockfall in its opening sentence and says where it came down in the next:
    read apart, neither told the judging model the claim with Monday put back (not found); read
    together they do."""
    checker = _checker_over(tmp_path, {"wire.txt": ROCKFALL_WIRE})
    wrong = checker.check_sentence("The rockfall came down in the Wrenna cutting on Tuesday evening.")
    assert wrong.verdict == CONTRADICTED, wrong.reason
    assert (wrong.differs.draft, wrong.differs.source) == ("Tuesday", "Monday")
    # The false-positive side: the wire's own day.
    right = checker.check_sentence("The rockfall came down in the Wrenna cutting on Monday evening.")
    assert right.verdict != CONTRADICTED, right.reason


def test_another_events_day_before_the_claims_place_is_no_contradiction(tmp_path, pipeline):
    """ "The council voted on Thursday ..." shares no word of the claim: its day is the vote's, though
    the rockslide's place follows it (the judging model read the two together as dating the slide)."""
    checker = _checker_over(tmp_path, {"council.txt": SCHOOL_VOTE})
    result = checker.check_sentence("The rockslide came down in the Wrenna cutting on Friday.")
    assert result.verdict != CONTRADICTED, result.reason


FOOTBRIDGE_WIRE = (
    "Inspectors find cracks in Ellard footbridge\n\n"
    "ELLARD, June 9 (KNA) - Engineers found cracks in two steel beams of the Ellard footbridge on "
    "Tuesday and closed it to the public, the town council said.\n\n"
    "Council engineer Piet Lorne said the bridge would stay shut until a full survey had been carried "
    'out. "We cannot take any chances with a structure this old," Lorne said.\n\n'
    'Local group Fenwater Trust called for the survey to be published. "We have been telling the '
    'council about that bridge for two years," coordinator Mirela Sand said.\n'
)


def test_a_speaker_named_with_the_group_after_her_name_is_no_other_speaker(tmp_path, pipeline):
    """ "Mirela Sand of Fenwater Trust" is the wire's "coordinator Mirela Sand": read as a
    person by the last two words ("Fenwater Trust"), the claim was a misquote of her own words."""
    checker = _checker_over(tmp_path, {"wire.txt": FOOTBRIDGE_WIRE})
    hers = checker.check_sentence(
        "Mirela Sand of Fenwater Trust said the group had been telling the council about the bridge "
        "for two years."
    )
    assert hers.verdict == SUPPORTED, hers.reason
    # The false-positive side: her words given to the council's engineer are still a misquote.
    his = checker.check_sentence(
        "Piet Lorne of the town council said the group had been telling the council about the bridge "
        "for two years."
    )
    assert his.verdict == CONTRADICTED, his.reason
    assert his.differs.source == "Mirela Sand"


def test_words_given_to_another_speaker_are_searched_for_without_the_claims_speaker(tmp_path, pipeline):
    """A farming paper quotes the union's president ("for a lot of families it comes a season too
    late") and, further down, the opposition spokesman. A claim giving her words to him found only
    his own passages and the other outlets' (not found); the words alone find hers: contradicted by
    name. What he did say stays his."""
    archive = ROOT / "tests" / "data" / "outlet_archive_77"
    checker = _checker_over(tmp_path, {a.name: a.read_text(encoding="utf-8") for a in archive.iterdir()})
    wrong = checker.check_sentence(
        "Opposition spokesman Rufus Fairleigh said that for a lot of families the scheme comes a season too late."
    )
    assert wrong.verdict == CONTRADICTED and "Kolb" in wrong.differs.source, wrong.reason
    own = checker.check_sentence(
        "Opposition agriculture spokesman Rufus Fairleigh said the scheme ignored livestock-only properties."
    )
    assert own.verdict == SUPPORTED, own.reason


def test_a_day_of_the_month_lends_no_count_to_a_claims_figure(tmp_path, pipeline):
    """A bulletin gives the grant as "four million crowns" and, in the next breath, the day a rota
    starts ("starting Saturday the 6th of June"): the claim's "6 million" was stated by that day,
    then, once no longer stated, read against the day as a count. It is the grant's four it differs
    from; a wrong day differs as the whole date ("6th of June"). The right figure still is stated."""
    article = (
        "[00:05] PRESENTER (ELSA MORN): This is Radio Vesk. The Vesk Health Board announced on "
        "Wednesday that it is giving Ostmark Hospital four million crowns in emergency funding. With "
        "that money the hospital will keep its maternity ward open every night, starting Saturday the "
        "6th of June.\n"
    )
    checker = _checker_over(tmp_path, {"bulletin.txt": article})
    wrong = checker.check_sentence(
        "The Vesk Health Board is giving Ostmark Hospital 6 million crowns in emergency funding."
    )
    assert wrong.verdict == CONTRADICTED and wrong.differs.source == "four", wrong.reason
    late = checker.check_sentence(
        "The hospital keeps its maternity ward open every night from Saturday the 13th of June."
    )
    assert late.verdict == CONTRADICTED and late.differs.source == "6th of June", late.reason
    right = checker.check_sentence(
        "The Vesk Health Board is giving Ostmark Hospital 4 million crowns in emergency funding."
    )
    assert right.verdict == SUPPORTED, right.reason


def test_a_speaker_named_in_full_after_a_role_is_the_claims_own(tmp_path, pipeline):
    """An island paper quotes "Councillor Ingrid Maule, who chairs the fisheries committee". A
    claim calling her "Fisheries committee chair Ingrid Maule" before ", saying" had its speaker read
    as "Fisheries", and her own words contradicted it by name. Her words given to the cooperative's
    chairman still are."""
    archive = ROOT / "tests" / "data" / "outlet_archive_78"
    checker = _checker_over(tmp_path, {a.name: a.read_text(encoding="utf-8") for a in archive.iterdir()})
    hers = checker.check_sentence(
        "Fisheries committee chair Ingrid Maule stood by the quota decision, saying it rested on "
        "scientific advice and landing records."
    )
    assert hers.verdict == SUPPORTED, hers.reason
    his = checker.check_sentence(
        "Cooperative chairman Donal Ferrick said the allocation was based on scientific advice and landing records."
    )
    assert his.verdict == CONTRADICTED and "Maule" in his.differs.source, his.reason


def test_a_rank_in_the_sentence_is_no_count_against_a_claims_tally(tmp_path, pipeline):
    """A city paper gives a council's vote ("passed by 23 votes to 8") below its lead, whose "the 19%
    increase first sought" was taken for the count a wrong tally differs from ("gives first, not 21
    votes to 8"). The tally it differs from is the vote's; the right tally is stated."""
    article = (
        "Council approves smaller water tariff rise\n\n"
        "Halqadir's municipal council on Tuesday night approved a 12% rise in the price of agricultural "
        "well water, well short of the 19% increase first sought by the water authority, after weeks "
        "of protest by palm growers.\n\n"
        "The measure passed by 23 votes to 8 after a debate lasting almost four hours.\n"
    )
    checker = _checker_over(tmp_path, {"mirror.txt": article})
    wrong = checker.check_sentence("Halqadir's council passed the water tariff increase by 21 votes to 8.")
    assert wrong.verdict == CONTRADICTED and wrong.differs.source == "23 votes to 8", wrong.reason
    right = checker.check_sentence("Halqadir's council passed the water tariff increase by 23 votes to 8.")
    assert right.verdict == SUPPORTED, right.reason


LOWFORD_WEEK = (
    "LOWFORD WEEKLY - Tuesday 11 March 2031\n\n"
    "THE WEEK IN FIVE POINTS\n\n"
    "1. Ring road: resurfacing on the eastern section overran by two days; all lanes open again since Sunday.\n\n"
    "2. Save Lowford Library petition (4,310 signatures) handed to the Town Hall on Friday.\n\n"
    "3. Market hall: traders' rents frozen for another year, council confirms.\n\n"
    "4. Weather: river level at the Mill Weir back below the warning mark.\n\n"
    "5. Sport: Lowford Rovers lost 2-1 away at Dunholm.\n"
)
LOWFORD_VOTE = (
    "Council sets date for library vote\n\n"
    "Lowford's cabinet will decide on 18 March whether to close the Mill Street library, the council said "
    "on Wednesday. Campaigners from Save Lowford Library said they would hand in their petition before "
    "the vote. The library lends about 60,000 books a year.\n"
)


def test_the_real_judge_reads_the_date_a_windows_weekday_tells(tmp_path, pipeline):
    """A newsletter of Tuesday 11 March says the petition was handed in "on Friday": the word tests
    read that Friday as 7 March, but the judging model, reading the window alone, doubted "Friday,
    7 March" (0.64); it now reads the date with the window. Another date or another deed on that day
    is still not stated."""
    checker = _checker_over(tmp_path, {"week.txt": LOWFORD_WEEK, "vote.txt": LOWFORD_VOTE})
    handed = checker.check_sentence(
        "Save Lowford Library delivered its petition to the Town Hall on Friday, 7 March."
    )
    assert handed.verdict == SUPPORTED and "on Friday" in handed.citations[0].text, handed.reason
    for claim in (
        "Save Lowford Library delivered its petition to the Town Hall on Friday, 28 February.",
        "Save Lowford Library withdrew its petition on Friday, 7 March.",
    ):
        assert checker.check_sentence(claim).verdict != SUPPORTED, claim


ASHCOMBE_WIRE = (
    "Governors back merging Ashcombe schools\n\n"
    "ASHCOMBE, June 12 (KW) - The governing board of Ashcombe Schools Trust voted 6-3 on Thursday to "
    "merge Hill Lane Primary into Riverside Primary on a single site from Sept. 1, despite a campaign "
    "by parents to keep both schools open.\n\n"
    'Trust chair Moira Pennant said falling rolls left the board no choice. "We cannot run two '
    'half-empty buildings," she said.\n'
)
ASHCOMBE_ECHO_OTHER_DAY = (
    "Home | News | Schools | Sport\n\n"
    "By Nia Hollis\nPublished: Friday 13 June 2031, 09:12\n\n"
    "Share: f | X | Email\n\n"
    "Tears and shouting greeted the decision by Ashcombe Schools Trust to close Hill Lane Primary as a "
    "separate school, with parents vowing to fight on.\n\n"
    "The trust's board voted on 5 June by six votes to three to move the pupils to Riverside Primary "
    "from 1 September.\n\n"
    'Parent campaigner Dev Okafor said the group would ask the council to review the decision. "They '
    'have not listened to a single parent," he said.\n'
)


def test_another_outlet_dating_the_claims_event_by_its_weekday_gives_no_other_date(tmp_path, pipeline):
    """The river-port archive's paper, of Friday 6 August, reports "Thursday's decision" by the trust
    and, in its next sentence, the move of births "from 1 November": the judging model read "took its
    vote ... on 1 November" as the paper's date for the vote (0.96), making a stated claim mixed. The
    sentence tells the claim's 5 August by its weekday, so its other date dates something else. The
    false-positive side: an outlet giving the vote another date outright still disagrees."""
    archive = ROOT / "tests" / "data" / "outlet_archive_83"
    checker = _checker_over(
        tmp_path / "river", {a.name: a.read_text(encoding="utf-8") for a in archive.iterdir()}
    )
    voted = checker.check_sentence(
        "The Tallis Health Trust board took its vote on the future of maternity care on 5 August."
    )
    assert voted.verdict == SUPPORTED, voted.reason
    other_day = _checker_over(
        tmp_path / "ashcombe", {"wire.txt": ASHCOMBE_WIRE, "echo.txt": ASHCOMBE_ECHO_OTHER_DAY}
    ).check_sentence("The Ashcombe Schools Trust board took its vote on the Hill Lane merger on 12 June.")
    assert other_day.verdict == MIXED and other_day.differs.source == "5 June", other_day.reason
