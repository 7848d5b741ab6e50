"""What sets a window apart from a claim besides one changed value (`rag.values`).

The draft check (`rag.check`) takes a window as stating a claim when their words line up, and the
judging model reads past names. These read what the value tests leave: another name, doer,
direction, way a figure moved or finishing place in the claim's stretch of words (a swap, which
contradicts the claim), a figure that is a part or counts something else, a month against a day,
a first word capitalised only for opening the sentence, the names a window leaves implicit, and
the negations of the clauses about the claim. Who said it is `rag.speakers`'.
"""

from __future__ import annotations

import re

from rag.cite import CLAUSE_BREAK, content_words
from rag.clauses import split_clauses
from rag.conflicts import dates
from rag.readings import counted_by
from rag.speakers import holder_of_another, name_keys, own_speaker, speaks_instead
from rag.text import STOPWORDS, fold, is_negator, split_sentences
from rag.tokens import stated_values, tokens
from rag.values import (
    Difference,
    Differs,
    agent_keys,
    date_form,
    differing_direction,
    differing_movement,
    differing_placing,
    differing_relation,
    differing_value,
    doer_keys,
)

# The least share of a claim's words a sentence naming another in the place of a claim's name must
# hold to keep the judging model from reading it as support (`another_name_in_place`), and a deed's
# clause to give the deed to another (`deed_of_another`): a quarter, set a priori.
SWAP_SHARE = 0.25


def _as_swap(differs: Differs | None) -> Difference | None:
    """A value the window gives in the claim's stretch of words in place of the claim's own."""
    return None if differs is None else Difference(differs, 1.0, in_place=True)


def direction_swapped(claim: str, text: str) -> Difference | None:
    """A window giving the claim's thing another direction ("the southern portal" where the claim
    has the northern one), as a swap in the claim's stretch of words."""
    return _as_swap(differing_direction(claim, text))


def movement_swapped(claim: str, text: str) -> Difference | None:
    """A window moving the claim's figure the other way ("rose 4.6 percent" where the claim's
    shares fell 4.6 percent), as a swap in the claim's stretch of words."""
    return _as_swap(differing_movement(claim, text))


def relation_swapped(claim: str, text: str) -> Difference | None:
    """A window giving a person of the claim another family tie than the claim's ("married to
    Maddox's sister" for the claim's "daughter"), as a swap in the claim's stretch of words."""
    return _as_swap(differing_relation(claim, text))


def placing_swapped(claim: str, text: str) -> Difference | None:
    """A window giving a person of the claim another finishing place ("Lukas Tremmel ... was
    third" for the claim's "finished second"), as a swap in the claim's stretch of words."""
    return _as_swap(differing_placing(claim, text))


def holder_swapped(claim: str, text: str, article: str) -> Difference | None:
    """A window giving the post the claim gives one of its people to somebody else, where the
    article never gives it to the claim's person ("Oskerby's mayor, Ilse Varnum," for the claim's
    "Petra Holmgaard, Oskerby's mayor,"), as a swap in the claim's stretch of words."""
    return _as_swap(holder_of_another(claim, text, article))


def deed_of_another(claim: str, text: str) -> Difference | None:
    """A window's sentence naming the claim's doer in one clause and giving the claim's deed to
    somebody else in another: "City Stars went ahead through A, but B equalised from the penalty
    spot" for "A scored the equaliser from the penalty spot". Every name and word of the claim is
    in the sentence, so the judging model reads it as stated; the clauses tell who did what. The
    deed's clause must share at least `SWAP_SHARE` of the claim's words other than names, and
    more of them than the doer's clause ("A put City Stars ahead in the 34th minute" is A's). A
    sentence not naming the claim's doer at all, whose deed clause opens with another person's
    full name, gives the deed to that person too: "Nikolai Dressen ... had sought three years in
    prison" for "Prosecutor Sabina Holm had asked ... for three years", where the article names
    Sabina Holm elsewhere (as the defence lawyer). A passive claim's doer is its agent ("... was a
    penalty converted by Dario Fennick")."""
    doers = agent_keys(claim) or doer_keys(claim)
    if not doers:
        return None
    claim_side = tokens(claim)
    doer_tokens = [t for t in claim_side if t.kind == "name" and t.key in doers]
    person = {t.key for t in doer_tokens[-2:]}  # "Prosecutor Sabina Holm": her name, not her title
    figures = {t.key for t in claim_side if t.kind == "number"}
    named = " ".join(t.text for t in claim_side if t.kind == "name")
    deed = content_words(claim) - content_words(named)
    if not deed or not doer_tokens:
        return None
    for span in split_sentences(text):
        clauses = split_clauses(text[span.start : span.end])
        sides = [tokens(clause) for clause in clauses]
        keys = [{t.key for t in side} for side in sides]
        shares = [len(deed & content_words(clause)) for clause in clauses]
        doing = [person & clause_keys for clause_keys in keys]
        best = max(range(len(clauses)), key=shares.__getitem__)
        opening = doer_keys(clauses[best])
        other = [t for t in sides[best] if t.kind == "name" and t.key in opening][-2:]
        # With the claim's doer named nowhere in the sentence (the article names them elsewhere),
        # only a full name opening a clause giving every figure of the claim is somebody else: the
        # figures pin the deed ("Tembeza Harbour have won the Cup for the first time since 2009" is
        # no other winner of "the previous two seasons").
        unnamed = (
            not any(doing)
            and len(other) == 2
            and len(doer_tokens) >= 2
            and bool(figures)
            and figures <= keys[best]
        )
        if (
            doing[best]
            or not (any(doing) or unnamed)
            or not other
            or {t.key for t in other} & {t.key for t in claim_side}
            or shares[best] < max(2, SWAP_SHARE * len(deed))
            or any(shares[k] >= shares[best] for k in range(len(clauses)) if doing[k])
        ):
            continue
        draft = claim[doer_tokens[0].start : doer_tokens[-1].end]
        source = clauses[best][other[0].start : other[-1].end]
        return Difference(Differs(draft, source, "name"), shares[best] / len(deed), in_place=True)
    return None


_PART_OF = re.compile(r"^\W*of\s+(?:the|those|these|them|its|their|whom|which|all)\b", re.IGNORECASE)


def part_of(text: str, keys: set[str]) -> bool:
    """Whether ``text`` gives one of the numbers ``keys`` as a part ("Nine of those killed")."""
    return any(t.key in keys and _PART_OF.match(text[t.end :]) for t in tokens(text))


def counted_alike(claim: str, sentence: str, key: str) -> bool:
    """Whether the claim's value ``key`` counts in the sentence what it counts in the claim, when
    both say what it counts ("seven Sumerian poems" is not the "7th-century" of a king)."""
    ours, theirs = counted_by(claim, {key}), counted_by(sentence, {key})
    return not ours or not theirs or bool(ours & theirs)


def another_name_in_place(claim: str, text: str, passage: str = "") -> Difference | None:
    """A sentence of ``text`` giving another name where the claim gives one it lacks, saying at
    least `SWAP_SHARE` of the rest of the claim: "spoke to supporters in Fjellhamn" for the claim's
    "... in Solvik", "his neighbour Ragnhild Sunde" for "his neighbour Berit Sunde". The article
    may name the claim's elsewhere (which let the window through), and the judging model reads
    past names, so it would take the claim as stated. A value its ``passage`` (or article) gives
    further away is no second value, unless it names who did it (`rag.values.doer_keys`): "Minister A
    visited the site. Prime Minister B declared a day of mourning" for "A declared ... after the
    Vizlak crash". The words may also be another's by the quote ('"...," coach B told reporters'
    for "Captain A said ..."). A name modifying a noun ("last weekend's Tenaki North by-election")
    stands in nobody's place, unless the claim's name modifies the same noun (`same_head_noun`);
    nor does a name the claim gives too ("A went ahead before B fought back"), nor one word
    capitalised for opening its sentence, nor one beside a sentence giving the claim's name with
    all its numbers and dates (`stated_beside`)."""
    claim_speaker = own_speaker(claim)
    doers = doer_keys(claim)
    claim_side = tokens(claim)
    claim_keys = {t.key for t in claim_side}
    claim_values = stated_values(claim_side)
    for span in split_sentences(text):
        sentence = text[span.start : span.end]
        difference = differing_value(claim, sentence, passage=passage, held=doers)
        if difference is None or difference.differs.kind != "name" or difference.share < SWAP_SHARE:
            continue
        differs = difference.differs
        one_slot = same_head_noun(claim, differs.draft, sentence, differs.source)
        if (
            (difference.in_place or one_slot or speaks_instead(claim_speaker, sentence, differs))
            and not noun_named_otherwise(claim, differs.draft, sentence, differs.source)
            and not (name_keys(differs.source) - name_keys(differs.draft)) & claim_keys
            and not opening_word(claim, differs.draft)
            and not opening_word(sentence, differs.source)  # "Architects say ...": no name
            and (one_slot or not _modifies_a_noun(sentence, differs.source))
            and not stated_beside(claim_values, text, differs)
        ):
            return difference
    return None


def same_head_noun(claim: str, draft: str, sentence: str, source: str) -> bool:
    """Whether the claim's name and the sentence's modify the same lower-case noun ("300 homes in
    the Casale Lisenna district" / "the low-lying Borgo Sarro district had taken the worst"): one
    slot with two fillers, wherever else the words put them."""
    claims, sentences = _word_after(claim, draft), _word_after(sentence, source)
    return claims is not None and claims == sentences


def _word_after(text: str, name: str) -> str | None:
    """The lower-case word right after ``name`` in ``text`` ("the Greyline coach": "coach"), the
    noun it may modify; None when the name is not there or no such word follows."""
    at = text.find(name)
    following = re.match(r"[ -]([a-z][\w-]*)", text[at + len(name) :]) if at >= 0 else None
    return following[1] if following else None


def noun_named_otherwise(claim: str, draft: str, text: str, source: str) -> bool:
    """Whether the noun the claim's name modifies ("the Greyline coach") stands in ``text`` with a
    common word of its own before it ("a commuter coach carrying 38 passengers") and the text's
    other name is none of the three words before it: the text leaves the claim's name unsaid, and
    its other name ("taken to Saltreach General Hospital") fills no slot of the claim's. "A
    Bluebird commuter coach" names another."""
    noun = (_word_after(claim, draft) or "").rstrip("-")
    if not noun or noun in STOPWORDS:
        return False
    filled = [
        m for m in re.finditer(rf"\b([a-z][\w-]*)\s+{re.escape(noun)}\b", text) if m[1] not in STOPWORDS
    ]
    return bool(filled) and all(
        source not in " ".join(text[: m.start()].split()[-3:] + [m[0]]) for m in filled
    )


def _sentence_keys(text: str) -> list[tuple[str, set[str]]]:
    """Each sentence of a window with the keys of its tokens."""
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    return [(sentence, {t.key for t in tokens(sentence)}) for sentence in sentences]


def named_beside_the_values(values: set[str], text: str, name: str) -> bool:
    """Whether the window's other ``name`` stands in a sentence giving none of the claim's numbers
    and dates (their keys, `rag.tokens.stated_values`) while another of its sentences gives them
    all: that sentence tells the claim's fact about "the holders" or "opening hours", the name
    belongs to the sentence beside it ("Davide Ruscone's shot ... looped over the goalkeeper"),
    and nothing says the fact is about him."""
    if not values:
        return False
    holding = [(name in sentence, keys) for sentence, keys in _sentence_keys(text)]
    return (
        any(held for held, _ in holding)
        and all(not values & keys for held, keys in holding if held)
        and any(values <= keys for held, keys in holding if not held)
    )


def stated_beside(values: set[str], text: str, differs: Differs) -> bool:
    """Whether a sentence of ``text`` gives the claim's name (``differs.draft``) with every one of
    its numbers and dates (their keys, `rag.tokens.stated_values`), while the sentence giving the
    other name lacks some: "Elias Kornfeld ... won the men's race in 1:06:42, taking 51 seconds off
    the old record" states the claim; "... the finish line on Riverside Parade in this morning's
    Caldreth Half Marathon" beside it sets the scene, in nobody's place."""
    if not values:
        return False
    keyed = _sentence_keys(text)
    return any(differs.draft in s and values <= keys for s, keys in keyed) and all(
        not values <= keys for s, keys in keyed if differs.source in s
    )


def month_against_day(differs: Differs) -> bool:
    """A month the claim gives alone ("in June", "from January 2027") against a day the source
    gives ("On 3 March, the airport launched a consultation"): the day dates a step of the story
    the month need not (the consultation, not the new limit taking effect), so the judging model's
    preference between the two readings is no contradiction."""
    return (
        differs.kind == "date"
        and not dates(differs.draft)
        and "weekday" not in date_form(tokens(differs.draft))
        and bool(dates(differs.source))
    )


def _modifies_a_noun(sentence: str, name: str) -> bool:
    """Whether ``name`` stands between "the" or a possessive and a lower-case word, as a noun's
    modifier: "the Tenaki North by-election", "last weekend's Ossany vote"."""
    at = sentence.find(name)
    if at < 0:
        return False
    before, after = sentence[:at], sentence[at + len(name) :]
    return bool(_DETERMINER_END.search(before)) and bool(re.match(r"[\s-]+[a-z]", after))


_DETERMINER_END = re.compile(r"(?:\bthe|\w['’]s)\s+$", re.IGNORECASE)


def opening_word(claim: str, value: str) -> bool:
    """Whether ``value`` is the one word opening the claim, capitalised for that alone as far as
    anything tells ("Annual inflation eased ..."); a name of two words opening it is a name."""
    value = value.strip()
    return " " not in value and claim.lstrip().startswith(value)


def opening_acronym(claim: str) -> str:
    """The key of an acronym opening the claim ("KPMG partner ..."): a name, though the first word,
    which `rag.cite` does not weigh as one ("Police said ..." is no name)."""
    words = tokens(claim)
    first = words[0] if words else None
    if first and first.start == 0 and first.kind == "name" and first.text.isupper() and len(first.text) > 1:
        return first.key
    return ""


def without(claim: str, text: str, names: set[str], days: str = "") -> str:
    """The claim without the names the passage gave earlier but this window leaves implicit
    ("The Murray River Marathon raised $170,000" read against "The event raised $170,000"), nor
    the weekday the window's "today" names (``days``)."""
    here = {t.key for t in tokens(text)}
    told = {t.key for t in tokens(days)}
    out, cursor = [], 0
    for token in tokens(claim):
        implicit = (token.kind == "name" and token.key in names) or (
            token.kind == "date" and token.key in told
        )
        if implicit and token.key not in here:
            out.append(claim[cursor : token.start])
            cursor = token.end
    return "".join(out) + claim[cursor:]


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+")  # a window's sentences are clauses apart too


def negations(text: str, about: set[str] | None = None) -> int:
    """The negations of ``text``; with ``about`` (the claim's words), only in the clauses that share
    one of them ("..., but this did not prevent the fighting" negates nothing the claim says). A
    comparison's "than" is none ("larger than 5,000 square metres" is the claim's "over 5,000";
    "rather than" counts by its "rather")."""
    clauses = [c for sentence in _SENTENCE_END.split(text) for c in CLAUSE_BREAK.split(sentence) if c]
    if about is not None:
        clauses = [c for c in clauses if {t.key for t in tokens(c)} & about]
    return sum(is_negator(w) and w != "than" for c in clauses for w in fold(c).split())
