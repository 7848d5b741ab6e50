"""Who speaks in a sentence, and when two names are the same person, place or body.

A claim can credit words to the wrong person ("Zakharova said X" where the article has "X, Peskov
said"), so the draft check (`rag.check`) compares who said it with who said it. Not every other
name is another person, though: the article may describe the speaker ("the Kremlin spokesman") and
name him elsewhere, give the words of a body's officer to the body ("the trust says"), write a name
short ("US" for "United States"), or give the claim's name in another passage. These tell a changed name from the same one written another way.
"""

from __future__ import annotations

import re

from rag.text import fold, inside_quote
from rag.values import Differs, tokens

_SPEECH = re.compile(
    r"\b(?:said|says|stressed|told|added|noted|emphasi[sz]ed|stated|warned|announced|insisted|urged|"
    r"admitted|acknowledged|explained|argued|conceded|asserted|complained|remarked|replied|vowed|cautioned|"
    r"thundered|lamented|fumed|roared|wrote|admits|adds|explains|argues|insists|warns|writes|tells|notes|"
    r"stresses)\b|\bcalled(?=\s+(?:[\w'’-]+\s+){0,5}['‘\"“])",  # "X called the flood 'man-made'"
    re.I,
)
# '"...," said Peskov' / '"...," thundered Opposition leader Dinesh Paravoor': the speaker after the verb.
_AFTER_QUOTE = re.compile(r"[\"”]\s*$")
_OPENS_QUOTE = re.compile(r"^\s*[\"“]")
_QUOTED_SPEECH = re.compile(r"[\"”]\s*[^\"“”]{0,60}" + _SPEECH.pattern, re.I)  # '...," he said.'
_SPOKEN_TO = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+$", re.I)  # "Residents were told"
_PRONOUN_SPEAKERS = frozenset("he she they it we i who which this".split())


def own_speaker(sentence: str) -> str:
    """Who the sentence says is speaking, when it names or describes them ("Peskov said", "...,
    the Kremlin spokesman stressed"); '' for a pronoun ("he added") or no speech at all."""
    for match in _SPEECH.finditer(sentence):
        head = sentence[: match.start()]
        if inside_quote(sentence, match.start()):
            continue  # '"We heard him saying he never said so," he said.'
        if _SPOKEN_TO.search(head):
            continue  # "Residents were told to stay indoors": spoken to, not speaking
        parts = re.split(r"[,;:\"“”()]", head)
        before = parts[-1].split()[-6:]
        appositive = len(parts) > 2 and head.rstrip().endswith(",") and parts[-2].split()
        if not before and appositive and parts[-2].split()[-1][:1].isupper():
            before = parts[-2].split()[-6:]  # "The administrator, Jeff McDonald, says"
        elif not before and appositive and fold(parts[-2].split()[0]) == "who":
            named = parts[-3].split()  # "Jim Soorley, who is a former priest, says"
            before = named[-6:] if named and named[-1][:1].isupper() else []
        if before and fold(before[-1]) not in _PRONOUN_SPEAKERS:
            return " ".join(before)
        if not before and _AFTER_QUOTE.search(head.rstrip(", ")):
            after = re.split(r"[,.;:!?\"“”()]", sentence[match.end() :])[0].split()[:6]
            if (
                after
                and fold(after[0]) not in _PRONOUN_SPEAKERS
                and (any(w[:1].isupper() for w in after) or fold(after[0]) in ("the", "a", "an"))
            ):
                return " ".join(after)
    according = re.search(r"\baccording to\s+(\w+)", sentence, re.I)
    if according and fold(according[1]) not in ("him", "her", "them", "it"):
        return according[1]
    return ""


def quoted_speaker(sentences: list[str], k: int) -> str:
    """Who speaks in ``sentences[k]``: its own speaker, or for a pronoun's quote ("...," he said)
    and for a quote that goes on after one ('"...," he said. "And more."') the speaker the
    sentences just before it name; '' when no speech or nobody named."""
    speaker = own_speaker(sentences[k])
    if speaker:
        return speaker
    goes_on = k > 0 and _OPENS_QUOTE.match(sentences[k]) and _QUOTED_SPEECH.search(sentences[k - 1])
    if not (goes_on or _SPEECH.search(sentences[k])):
        return ""
    for before in reversed(sentences[max(0, k - 3) : k]):
        if speaker := own_speaker(before):
            return speaker
    return ""


def introduced_as(differs: Differs, speaker: str, article: str) -> bool:
    """Whether the article puts the claim's name beside the words that describe the sentence's
    speaker ("Kremlin spokesman Dmitry Peskov" / "Peskov, the Kremlin spokesman"): the same person."""
    if differs.kind != "name" or fold(speaker.split()[0]) not in ("the", "a", "an"):
        return False  # a speaker named ("President Erdogan", "Mr Carr") is not described
    surname = re.escape(differs.draft.split()[-1])
    for word in (t.text for t in tokens(speaker)):
        described = re.escape(word)
        near = rf"\b{described}\W+(?:\w+\W+){{0,3}}{surname}\b|\b{surname}\W+(?:\w+\W+){{0,3}}{described}\b"
        if re.search(near, article):
            return True
    return False


# A post that speaks for a body: "the chief executive of X, Dr Martin Oyelaran", "X spokeswoman Ann Lee".
_POST = (
    r"(?:chief\s+executive|chief|spokes(?:man|woman|person)|director|head|chair(?:man|woman)?|president|"
    r"leader|manager|secretary|minister|officer|boss|governor|commissioner|superintendent)"
)


def speaks_for(differs: Differs, article: str) -> bool:
    """Whether the article gives the sentence's speaker a post at the claim's body ("X says it has
    recruited 160 nurses" against "..., he said" by "the chief executive of X, Dr Martin Oyelaran"):
    the body speaking through its officer, not another speaker. A critic or a customer of the
    body is no post at it."""
    if differs.kind != "name":
        return False
    body = re.escape(differs.draft).replace(r"\ ", r"\s+")
    surname = re.escape(differs.source.split()[-1])
    gap = r"\W+(?:\w+\W+){0,3}?"
    return bool(
        re.search(
            rf"\b{_POST}\s+(?:of|at|for)\s+(?:the\s+)?{body}{gap}{surname}\b"
            rf"|\b{body}(?:['’]s)?\s+(?:\w+\s+)?{_POST}{gap}{surname}\b"
            rf"|\b{surname},?\s+(?:the\s+|a\s+)?(?:\w+\s+)?{_POST}\s+(?:of|at|for)\s+(?:the\s+)?{body}\b",
            article,
            re.IGNORECASE,
        )
    )


_ROMAN = re.compile(r"^[ivxlcdm]+$")


def distinguishing_word(name: str, other: str) -> str:
    """The word that tells ``name`` apart from ``other``: its last one that ``other`` lacks,
    numerals aside ("Honorius" in "Pope Honorius III" against "Pope Innocent III", "Todd" in
    "Todd River" against "Finke River", "Owen" in "Justice Neville Owen")."""
    theirs = {t.key for t in tokens(other)}
    words = [t.key for t in tokens(name) if not _ROMAN.match(t.key) and t.key not in theirs]
    return words[-1] if words else ""


def name_keys(text: str) -> set[str]:
    return {t.key for t in tokens(text) if t.kind == "name"}


def abbreviates(a: str, b: str) -> bool:
    """Whether one name is the other with a word shortened to its initials ("US Air Force" /
    "United States Air Force"): the same name, not a different one."""

    def initials(words: list[str]) -> set[str]:
        return {
            "".join(w[0] for w in words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)
        }

    for short, full in ((a, b), (b, a)):
        acronyms = {w.replace(".", "") for w in short.split() if w.replace(".", "").isupper() and len(w) > 1}
        if acronyms & initials([w for w in full.split() if w[:1].isupper()]):
            return True
    return False


def chunk_names(chunk) -> set[str]:
    """The folded names a passage mentions anywhere (its text, title and outlet)."""
    return name_keys(f"{chunk.title} {chunk.outlet or ''} {chunk.text}")
