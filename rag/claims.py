"""Which sentences of a draft are claims at all: a question, an opinion or a heading is not.

A draft is checked sentence by sentence (`rag.check`), and not every sentence states something an
article could support or contradict: a question to the reader, the writer's own judgement ("I
think...", "It is a shame that...", "...is nothing short of a masterpiece"), a heading or a list
line's marks. Those are set aside before any search. Word lists name the judgements they know; a
probe over the sentence's vector (`rag.opinions`) reads the tone of the rest. A judgement somebody
is reported as making ("..., the minister said") states what they said, and stays a claim.
"""

from __future__ import annotations

import re
from typing import Protocol

_MARKDOWN_LEAD = re.compile(r"^\s*(?:#{1,6}\s+|[-*+•]\s+|\d{1,3}[.)]\s+|>\s*)+")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
# First-person judgement, or a sentence that opens on the writer's own comment.
_OPINION = re.compile(
    r"^(?:i|we)\s+(?:think|believe|feel|reckon|suspect|guess|hope|doubt)\b|"
    r"\bin my (?:view|opinion)\b|\bto my mind\b|\bi would argue\b|"
    r"^(?:frankly|clearly|surely|obviously|sadly|arguably|hopefully|honestly|personally)\b",
    re.IGNORECASE,
)
# The writer's own judgement in an impersonal frame: "It is a shame that...", "Few would disagree...".
_EVALUATIVE = re.compile(
    r"^(?:it\s+(?:is|was|would be|seems|remains)\s+(?:(?:a|an|the|high|real|great|deeply|so|very)\s+)*"
    r"(?:shame|pity|disgrace|scandal|tragedy|travesty|outrage|mistake|clear|obvious|regrettable|"
    r"unacceptable|shameful|disgraceful|absurd|ridiculous|sad|unfortunate|time(?=\s+(?:to|for|that)\b)|"
    r"wrong|vital|essential|"
    r"crucial|remarkable|astonishing|troubling|worrying)\b|"
    r"few\s+(?:would|could|can|will)\s+(?:dis)?agree|no\s+one\s+(?:can|could)\s+(?:deny|doubt)|"
    r"there\s+(?:is|can be)\s+(?:little|no)\s+doubt)|"
    r"\bwould\s+be\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:mistake|disaster|shame|pity|folly|error|tragedy|scandal)\b",
    re.IGNORECASE,
)
# A judgement stated as a property: "X is nothing short of a masterpiece", "the cleverest stunt any
# airline has ever pulled". Words that grade quality rather than measure it (not "largest", "worst
# drought on record").
_QUALITY = (  # grades quality when graded ("the most rewarding", "so beautiful")
    r"(?:clever|brilliant|stupid|foolish|elegant|beautiful|ugly|magnificent|superb|splendid|wonderful|"
    r"marvell?ous|dreadful|appalling|shameful|disgraceful|pathetic|outrageous|admirable|rewarding|"
    r"inspiring|courageous|cowardly|short-sighted|reckless|naive|misguided|laudable|commendable|"
    r"deplorable|lamentable|inexcusable|unforgivable|dazzling|breathtaking|heroic|woeful|abysmal|sublime|"
    r"charming|delightful|fascinating|impressive|stunning|enchanting|lovely|gorgeous|picturesque|"
    r"exciting|thrilling|spectacular|boring|dull|tedious|disappointing|underwhelming|tasteless)"
)
_VERDICT = (  # ... and even bare ("was shameful", "is the cleverest")
    r"(?:clever(?:er|est)|stupidest|foolish|magnificent|superb|splendid|wonderful|marvell?ous|dreadful|"
    r"appalling|shameful|disgraceful|pathetic|outrageous|admirable|short-sighted|reckless|misguided|"
    r"overrated|underrated|laudable|commendable|deplorable|lamentable|inexcusable|unforgivable|woeful|abysmal|"
    r"shabby|cynical|grubby|craven|callous|hypocritical|scandalous)"
)
_JUDGEMENT = re.compile(
    r"\bnothing short of\b|\bquite simply\b|\bsecond to none\b|"
    # A dismissal or a verdict on something ("... are little more than a stunt", "... is an
    # indictment of the system"), not an amount ("little more than 2 per cent", "a few").
    r"\b(?:is|are|was|were)\s+(?:little|nothing|no)\s+more\s+than\s+(?!\$|\d|a\s+(?:few|handful|dozen)\b|half\b)|"
    r"\b(?:is|are|was|were)\s+(?:a|an)\s+(?:\w+\s+)?indictment\s+of\b|"
    r"\b(?:is|was|are|were|remains?|remained|seems?|seemed)\s+(?:\w+\s+){0,3}?"
    r"(?:(?:a|an)\s+(?:\w+\s+)?(?:masterpiece|triumph|fiasco|farce|shambles|embarrassment|achievement|feat)(?!\s+of\b)|"
    rf"(?:most|least|more|less|truly|simply|so|very)\s+{_QUALITY}|{_VERDICT})\b|"
    # A verdict on a decision or a display: "The red card was a shocking refereeing decision",
    # "Selling the ground was a baffling choice" (not "a shocking reminder", "a bold red").
    r"\b(?:is|was|are|were|remains?|remained|seems?|seemed)\s+(?:a|an)\s+(?:\w+\s+)?"
    rf"(?:{_QUALITY}|{_VERDICT}|shocking|terrible|awful|poor|bad|good|great|excellent|baffling|bizarre|"
    r"questionable|harsh|brave|bold|wise|sensible|sound|smart|foolish)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:decision|call|choice|move|idea|policy|performance|display|result|mistake|error|blunder|gamble)s?\b",
    re.IGNORECASE,
)
# The writer weighing something up in a stock phrase: "It is hard to see how...", "exactly the kind
# of project...", "the smartest move", "will surely be remembered", "voters deserve better", "brought
# it on themselves", "can hold a candle to", "a missed opportunity".
_STOCK_JUDGEMENT = re.compile(
    r"\bit(?:\s+is|'s|\s+was|\s+would\s+be)\s+(?:hard|difficult|impossible)\s+to\s+"
    r"(?:see|imagine|overstate|exaggerate|believe|understand|justify|argue\s+with|disagree)\b|"
    r"\b(?:exactly|precisely|just)\s+the\s+(?:kind|sort|type)\s+of\b|"
    r"\b(?:smartest|wisest|boldest|bravest|silliest|dumbest)\b|"
    r"\bfinest\b(?=[^.]*\bever\b)|\bone\s+of\s+the\s+finest\b|"  # not "the finest particles"
    # "a welcome step towards...", "shamefully slow": the writer's approval or blame in a word.
    r"\b(?:a|an)\s+(?:\w+\s+)?welcome\s+(?:step|move|change|decision|development|boost|sign)\b|"
    r"\b(?:shamefully|disgracefully|scandalously|woefully|appallingly|pathetically|inexcusably|"
    r"deplorably|lamentably)\b|"
    r"\b(?:best|worst)\s+(?:move|decision|thing|choice|idea|step)\b|"
    # The writer's own forecast, hedged: "The bank will probably have to cut rates again".
    r"\b(?:will|would|won't|wouldn't)\s+(?:probably|almost\s+certainly|in\s+all\s+likelihood)\b|"
    r"\bprobably\s+(?:will|won't|would|wouldn't)\b|"
    # ... or left open: "Passenger numbers may well level off once the novelty wears off", "The
    # works may yet find a buyer", "Rovers are bound to lift the cup" (not "a ship bound to Oslo").
    r"\b(?:may|might|could)\s+(?:well|yet)\b|"
    r"\b(?:is|are)\s+bound\s+to\s+(?!the\b|an?\b|his\b|her\b|their\b|its\b)[a-z]+\b|"
    # ... or told as a likelihood nobody is quoted for: "The record is likely to stand for years",
    # "The Harvesters look certain to retain the cup" (not "are set to rise from 1 May", a plan,
    # nor "is expected to cost", which reports others' estimate).
    r"\b(?:is|are)\s+(?:highly\s+|very\s+|most\s+)?(?:un)?likely\s+to\b|"
    r"\b(?:looks?|seems?|appears?)\s+(?:almost\s+)?(?:certain|sure|likely|unlikely|set)\s+to\b|"
    # ... or who wins a contest not yet played: "The Gulls will beat Oskaway United in the final",
    # "Palms are certain to beat Zarnoudi" (a fixture's date beside it is no result to check).
    r"\b(?:will|(?:is|are)\s+(?:certain|sure|going)\s+to)\s+(?:\w+ly\s+)?"
    r"(?:beat|defeat|thrash|overcome|outclass|win|clinch)\b|"
    # "deserves a place in the repertoire", "thoroughly deserved their win": the writer's verdict.
    r"\bsurely\b|\bdeserv(?:e|es|ed|edly)\b|\bmissed\s+opportunity\b|\bhold\s+a\s+candle\s+to\b|"
    r"\bon\s+themselves\b|\bfar\s+too\s+\w+\s+to\b|\bvictory\s+for\s+common\s+sense\b|^it\s+is\s+time\s+(?:the|we|they)\b",
    re.IGNORECASE,
)
# "should" / "ought to" as the writer's prescription, not as what somebody said.
# "Should the court uphold it, the city must hold a by-election": a condition opening the sentence
# prescribes nothing.
_PRESCRIPTION = re.compile(r"(?<!^)\b(?:should|ought to)\b", re.IGNORECASE)
# A judgement reported as somebody's ("Ngozi Amadi argued that the report should be published") is
# a claim about what they said.
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|stated|according|urged|warned|added|argued|argues|insisted|insists|"
    r"admitted|admits|conceded|concedes|claimed|claims|wrote|writes|quoted as saying|"
    r"declared|declares|announced|announces|pledged|pledges|vowed|vows|promised|promises|"
    r"stressed|stresses|explained|explains|replied|replies|testified|testifies|"
    r"(?<!without )saying)\b",  # "..., saying the Harvesters deserved it"; not "it goes without saying"
    re.I,
)


# Somebody's judgement reported in a verb of its own: "Helena Dvorak called the painting the soul of
# the collection", "Westmarch Water blamed the contamination on a faulty lamp". Not in the passive
# ("could ever be called fair"), where the judgement may be the writer's.
_JUDGEMENT_REPORTED = re.compile(
    r"(?<!\bbe )(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bbeen )"
    r"\b(?:called|blamed|branded|described|accused|praised|critici[sz]ed|condemned|hailed|dismissed)\b",
    re.I,
)


# "... should have told families sooner": the writer's reproach, no report of anybody's words.
_LEFT_UNSAID = re.compile(r"\b(?:should|must|could|would|might|ought\s+to)\s+(?:not\s+)?have\s+\w+", re.I)


def reports_speech(text: str) -> bool:
    """Whether the sentence reports what somebody said, argued or wrote: a claim however judging
    its words."""
    return bool(_ATTRIBUTION.search(_LEFT_UNSAID.sub(" ", text)))


def reports_a_judgement(text: str) -> bool:
    """Whether the sentence reports somebody's words or somebody's judgement ("X called Y a
    disgrace"): what the draft check never takes for the writer's own opinion."""
    return reports_speech(text) or bool(_JUDGEMENT_REPORTED.search(text))


class ToneReader(Protocol):
    """How likely a sentence is the writer's own judgement (`rag.opinions.OpinionReader`)."""

    threshold: float

    def __call__(self, text: str) -> float: ...


def claim_text(sentence: str) -> str:
    """The sentence without Markdown list, heading or emphasis marks."""
    return _EMPHASIS.sub(r"\2", _MARKDOWN_LEAD.sub("", sentence)).strip()


def not_a_claim(sentence: str, tone: ToneReader | None = None) -> str:
    """Why the sentence states nothing to check ('' when it is a claim): a question, an opinion,
    a heading. ``tone`` also reads opinions the word lists do not name; a judgement reported as
    somebody's stays a claim either way."""
    raw = sentence.strip()
    text = claim_text(raw)
    if not re.search(r"\w", text):
        return "no words"
    if text.rstrip("\"”’')").endswith("?"):
        return "a question"
    if raw.lstrip().startswith("#") or (text[-1] not in ".!\"”’')…" and len(text.split()) < 8):
        return "a heading"
    judged = (
        _EVALUATIVE.search(text)
        or _JUDGEMENT.search(text)
        or _STOCK_JUDGEMENT.search(text)
        or _PRESCRIPTION.search(text)
    )
    if _OPINION.search(text) or (judged and not reports_speech(text)):
        return "an opinion"
    if tone is not None and not reports_a_judgement(text):
        likely = tone(text)
        if likely >= tone.threshold:
            return f"an opinion (it reads like one: {likely:.0%})"
    return ""
