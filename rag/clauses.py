"""Split a compound claim into clauses a single passage sentence can state.

A reporter joins facts one article gives in different sentences: "Atalaia-1 weighs 118 kilograms
and carries a camera with a resolution of three metres", "The council expects repairs to cost
£2.6 million and to start in spring 2026". No window of the article holds every value, so the
claim as a whole is stated nowhere; each clause is. `rag.check` checks such a claim clause by
clause when the whole finds nothing.

Without a parser, a clause boundary is a coordinating word followed by what can only open a
clause: "and to ..." (a second infinitive), "and" + a verb of the same form as one before it
("weighs ... and carries", "invented ... and approved"), ", and" / ", but" / "even though" +
a subject of its own ("..., and the club will rent ...", "..., and another 600 are ..."). A
coordinated noun phrase ("212 passengers and 31 crew", "designed and built", "in and out"), a list
or words inside a quote are no boundary. A clause without a subject of its own is given the first
clause's: the words before the verb it continues. A speaker named after the last clause ("...,
spokeswoman Laura Goodin said") is given to every clause.
"""

from __future__ import annotations

import re

from rag.text import STOPWORDS, inside_quote

# Words that carry a clause on ("and was charged", "and will reopen").
_AUXILIARIES = frozenset(
    "is was are were has had have will would can could may might must should shall did does".split()
)
# Words that open a clause with its own subject after ", and" ("..., and the club will ...",
# "..., and another 600 are expected to be paid").
_OWN_SUBJECT = frozenset(
    "the a an its his her their this these those it they he she we another some many most all both "
    "each several few two three four five six seven eight nine ten".split()
)
_BOUNDARY = re.compile(
    r"(?P<comma>,)?\s+(?P<word>and|but|even though|although|though|whereas)\s+(?P<next>[\w'’-]+)",
    re.IGNORECASE,
)
_THEN = re.compile(r"then\s+(?=([\w'’-]+))", re.IGNORECASE)
# A modal takes any subject: "aims to reach ... and will send" continues "aims".
_MODALS = frozenset("will would can could may might must should shall".split())
# Words before a noun, never before a verb: "the thieves", "of weapons".
_BEFORE_NOUN = frozenset("the a an its his her their our this these those some many all of and".split())
_WORD = re.compile(r"[\w'’-]+")
_CONCESSIVE = frozenset({"even though", "although", "though", "whereas"})
MIN_CLAUSE_WORDS = 3  # a clause shorter than this says too little to check alone


def _form(word: str) -> str:
    """A verb's form, told by its ending: "carries" -s, "approved" -ed, "cutting" -ing."""
    word = word.lower()
    if word in _AUXILIARIES:
        return "aux"
    if len(word) > 4 and word.endswith("ing"):
        return "ing"
    if len(word) > 3 and word.endswith("ed"):
        return "ed"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return "s"
    return ""


def _continued_verb(first: str, word: str) -> int | None:
    """Where, in the first clause, the verb that ``word`` continues begins: the first lowercase
    word past the opening of the same form ("weighs" for "carries"; "to" for "to")."""
    form = "to" if word.lower() == "to" else _form(word)
    if not form:
        return None
    previous, finite = "", None  # finite: the first -s or -ed verb, for a modal to continue
    matches = list(_WORD.finditer(first))
    for k, match in enumerate(matches):
        text = match.group()
        following = matches[k + 1].group().lower() if k + 1 < len(matches) else ""
        if match.start() and text[0].islower():
            if form == "to" and text == "to":
                return match.start()
            # "was carrying ... and cutting", never "rising costs ... and escalating prices"
            if form != "to" and _form(text) == form and (form != "ing" or _form(previous) == "aux"):
                return match.start()
            # A verb comes after its subject and before its object ("campaign aims to", "weighs
            # 118"), a noun after a determiner and before another noun ("the measles vaccination").
            if (
                finite is None
                and _form(text) in ("s", "ed")
                and previous.lower() not in _BEFORE_NOUN
                and (following in STOPWORDS or following[:1].isdigit())
            ):
                finite = match.start()
        previous = text
    return finite if word.lower() in _MODALS else None


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _list_item(first: str, verb_at: int) -> bool:
    """Whether the words before "and" end a list ("schools, markets and ...", "hospitals and
    doctors"): a comma closely before them, after the verb "and" seemed to continue."""
    comma = first.rfind(", ")  # not the one in "450,000"
    return verb_at < comma and _words(first[comma:]) <= 3


def _subject(words_before_verb: str) -> str:
    """The subject a continuing clause takes over, without an apposition set off by commas
    ("Atalaia-1, the first satellite built in Tarvalia, weighs ..." gives "Atalaia-1"): a window
    stating the second clause seldom repeats it."""
    subject = words_before_verb.strip()
    if subject.endswith(",") and subject.count(", ") >= 1:
        return subject.split(", ", 1)[0]
    return subject.rstrip(" ,")


# "..., spokeswoman Laura Goodin said.": who said every clause before it.
_TRAILING_SPEAKER = re.compile(
    r"^(?P<body>.+?),\s+(?P<who>[^,\"“”]{2,60}?\s(?:said|says|told reporters|added|confirmed))[.!]?$"
)


def split_clauses(claim: str) -> list[str]:
    """The clauses of ``claim``, each one a sentence a passage could state; ``[claim]`` when it has
    no clause boundary this can be sure of. A speaker named after the last clause speaks every one."""
    attributed = _TRAILING_SPEAKER.match(claim.strip())
    if attributed and not inside_quote(claim, attributed.start("who")):
        clauses = _split(attributed["body"])
        if len(clauses) > 1:
            return [f"{c.rstrip('.')}, {attributed['who']}." for c in clauses]
        return [claim]
    return _split(claim)


def _split(claim: str) -> list[str]:
    text = claim.strip().rstrip(".!")
    for match in _BOUNDARY.finditer(text):
        first, rest = text[: match.start()], text[match.start("next") :]
        word, following = match["word"].lower(), match["next"]
        if inside_quote(text, match.start()):
            continue
        then = _THEN.match(rest) if match["comma"] else None
        if then:  # "..., and then Dario Fennick won it": the clause after "then"
            rest, following = rest[then.end() :], then[1]
        own_subject = following.lower() in _OWN_SUBJECT or following[0].isupper() or following[0].isdigit()
        if word in _CONCESSIVE or (match["comma"] and own_subject):
            second = rest  # a clause with its own subject
        elif word in ("and", "but") and following[0].islower() and following.lower() not in _OWN_SUBJECT:
            at = _continued_verb(first, following)
            after = rest[len(following) :]
            if (
                at is None
                or not first[at:].strip().count(" ")
                or after[:1] in ("", ",")
                or (not match["comma"] and _list_item(first, at))
            ):
                continue  # "designed and built", "chanting and praying", "games and consoles,": no clause
            second = f"{_subject(first[:at])} {rest}"
        else:
            continue
        if _words(first) < MIN_CLAUSE_WORDS or _words(rest) < MIN_CLAUSE_WORDS:
            continue
        second = second[0].upper() + second[1:]
        return [f"{first.rstrip(' ,')}.", *_split(f"{second}.")]
    return [claim]
