"""Who speaks in a sentence, and when two names are the same person, place or body.

A claim can credit words to the wrong person ("Zakharova said X" where the article has "X, Peskov
said"), so the draft check (`rag.check`) compares who said it with who said it. Not every other
name is another person, though: the article may describe the speaker ("the Kremlin spokesman") and
name him elsewhere, give the words of a body's officer to the body ("the trust says"), write a name
short ("US" for "United States"), or give the claim's name in another passage. These tell a changed name from the same one written another way.

What the claim reports its speaker said ("Peskov said (that) X": X; the words of its direct quotes)
is read here too, to find those words where the article gives them, and to whom.
"""

from __future__ import annotations

import re

from rag.cite import content_words
from rag.text import SPEECH_VERB, fold, inside_quote, words
from rag.tokens import CLIP_CUE_WORDS, WEEKDAY_KEYS, tokens
from rag.types import Chunk, Span
from rag.values import Differs

# '"...," said Peskov' / '"...," thundered Opposition leader Dinesh Paravoor': the speaker after the verb.
_AFTER_QUOTE = re.compile(r"[\"”]\s*$")
_OPENS_QUOTE = re.compile(r"^\s*[\"“]")
_QUOTED_SPEECH = re.compile(r"[\"”]\s*[^\"“”]{0,60}" + SPEECH_VERB.pattern, re.I)  # '...," he said.'
# "Karras dedicated the win to the fans, saying: '...'" / "Karras dedicated the win to the fans:
# '...'": speech told by a participle or a colon, its speaker the sentence's subject.
_PARTICIPLE = re.compile(
    r",\s+(?:saying|adding|telling|warning|insisting|arguing|calling(?=\s+(?:[\w'’-]+\s+){0,5}['‘\"“]))\b"
    r"|:\s*(?=[\"“])",
    re.I,
)
# Words opening a sentence that are no subject's name ("In a statement, ...", "The council ...").
_OPENERS = frozenset(
    "the a an in on at after before but and however meanwhile yesterday today earlier later speaking "
    "asked when while as this that these those my our your his her their its he she they it we i you".split()
)
_BYLINE = re.compile(r"(?:by|posted by|written by|reporting by)\s+[A-Z]", re.I)
_SPOKEN_TO = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+$", re.I)  # "Residents were told"
# An appositive's first word when it tells about the speaker named before it: who they are, where from.
_ABOUT_THE_SPEAKER = frozenset("who of from at with".split())
_ASIDE = re.compile(r"\s*\([^(),]{1,40}\)")
_LINKS = frozenset("and but then also".split())
_PRONOUN_SPEAKERS = frozenset("he she they it we i who which this".split())
# A title's full stop ends no name: '..., said Chief Physician Dr. Liv Sandaker' names Sandaker.
_TITLE_DOT = re.compile(r"\b(Mr|Mrs|Ms|Dr|Prof|Rev|Gen|Col|Capt|Lt|Sgt|Insp|Supt|Sen|Rep|Gov)\.(?=\s+[A-Z])")

# A live blog's time stamp or a line's opening dash or bullet: "09:05 - Chief Minister Ifeoma Okoli
# has ...", "• Defence lawyer Petra Osk: '...'".
_STAMP = re.compile(r"^\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*)?[-–—:•*·]?\s*", re.I)


def own_speaker(sentence: str) -> str:
    """Who the sentence says is speaking, when it names or describes them ("Peskov said", "...,
    the Kremlin spokesman stressed"); '' for a pronoun ("he added") or no speech at all."""
    for match in SPEECH_VERB.finditer(sentence):
        head = sentence[: match.start()]
        if inside_quote(sentence, match.start()):
            continue  # '"We heard him saying he never said so," he said.'
        if _SPOKEN_TO.search(head):
            continue  # "Residents were told to stay indoors": spoken to, not speaking
        # An aside in brackets is no part of the speaker's description: "Tomasz Reyl, regional
        # organiser for the Federation of Industrial Workers (VFIW), called it ...".
        parts = re.split(r"[,;:\"“”()]", _ASIDE.sub("", head))
        before = parts[-1].split()[-6:]
        if before and fold(before[-1]) in _LINKS:
            # "Lena Holt visited the site and said ...": the sentence's subject; '"...," he said
            # and left': nobody named.
            if subject := _named_subject(head):
                return subject
            continue
        appositive = len(parts) > 2 and head.rstrip().endswith(",") and parts[-2].split()
        if not before and appositive:
            described = parts[-2].split()
            named = parts[-3].split()  # the words before the appositive, when they end on a name
            named = named[-6:] if named and named[-1][:1].isupper() else []
            if fold(described[0]) in _ABOUT_THE_SPEAKER:
                # "Jim Soorley, who is a former priest, says", "PC Dario Menke, of the Rural Crime Team, said"
                before = named
            elif described[-1][:1].isupper():
                # "The administrator, Jeff McDonald, says"; but "Gareth Pellow, managing director of
                # Pellow Agri Transport, said": a role ending on its firm's name (read in its last six
                # words), the speaker named before it
                before = described[-6:]
                before = named if before[0][:1].islower() and named else before
        if before and fold(before[-1]) not in _PRONOUN_SPEAKERS:
            return _without_principal(" ".join(before))
        if not before and _AFTER_QUOTE.search(head.rstrip(", ")):
            after = re.split(r"[,.;:!?\"“”()]", _TITLE_DOT.sub(r"\1", sentence[match.end() :]))[0].split()[:6]
            if (
                after
                and fold(after[0]) not in _PRONOUN_SPEAKERS
                and (any(w[:1].isupper() for w in after) or fold(after[0]) in ("the", "a", "an"))
            ):
                return _without_principal(" ".join(after))
    credit = _DASH_CREDIT.search(sentence)
    if credit and any(w[:1].isupper() for w in credit[1].split()):
        return _without_principal(credit[1])  # '"We were dead in the water." — coach Lasse Moen'
    participle = _PARTICIPLE.search(sentence)
    if participle and not inside_quote(sentence, participle.start()):
        # A list's bullet or a live blog's stamp is no part of the name ("- Chief Prosecutor X: '...'").
        if subject := _subject_name(_STAMP.sub("", sentence[: participle.start()], count=1)):
            return subject
    # "According to Pell Anand, ...": the whole name, to its comma; else its first word.
    according = re.search(
        r"\baccording to\s+(\w[\w'’-]*(?:\s+[\w'’-]+){0,5}?)(?:\s*[,;:.!?]|$)", sentence, re.I
    )
    according = according or re.search(r"\baccording to\s+(\w+)", sentence, re.I)
    if according and fold(according[1].split()[0]) not in ("him", "her", "them", "it"):
        return according[1]
    return ""


# A quote credited after a dash, as a list of quotes does: '"..." — Kaldvik coach Lasse Moen'.
_DASH_CREDIT = re.compile(r"[\"”]\s*[—–]\s*([^\"“”—–]{2,80}?)[.\s]*$")
# Who speaks for another or is kin to them: "Velisk's defence lawyer said" names Velisk as whose
# lawyer, never as the speaker (a body's own officer, "Armenia's foreign ministry", is the body's).
_FOR_ANOTHER = re.compile(
    r"^(?:[A-Z][\w’'-]*\s+)*?[A-Z][\w-]*['’]s\s+((?:[a-z][\w-]*\s+){0,2}(?:lawyers?|attorneys?|solicitors?|"
    r"barristers?|counsel|agents?|wife|husband|widow|widower|son|daughter|mother|father|brother|"
    r"sister|parents|family|friends?|neighbou?rs?|aides?)\b.*)$"
)


def _without_principal(speaker: str) -> str:
    """The speaker without the one they speak for ("defence lawyer" of "Velisk's defence lawyer")."""
    match = _FOR_ANOTHER.match(speaker)
    return match[1] if match else speaker


def _subject_name(head: str) -> str:
    """The name a sentence opens with, titles and roles within it ("Head coach Manolis Karras" of
    "Head coach Manolis Karras dedicated the win"); '' when it opens otherwise ("In a statement")."""
    words = re.split(r"[,;:(\"“]", head, maxsplit=1)[0].split()
    taken: list[str] = []
    for i, word in enumerate(words[:8]):
        lower_in_name = bool(taken) and i + 1 < len(words) and words[i + 1][:1].isupper()
        if not (word[:1].isupper() or lower_in_name) or _dates_a_name(word):
            break
        taken.append(word)
    while taken and fold(taken[0]) in _OPENERS:
        taken.pop(0)
    while taken and not taken[-1][:1].isupper():
        taken.pop()  # "Mayor Lena Brandt on Tuesday": the name ends before "on"
    return " ".join(taken) if any(w[:1].isupper() for w in taken) else ""


def _opens_unclosed(sentence: str) -> bool:
    """Whether the sentence opens a quote it does not close: the quote goes on in the next one."""
    marks = re.findall(r"[\"“”]", sentence)
    return bool(marks) and (marks[-1] == "“" or (marks[-1] == '"' and marks.count('"') % 2 == 1))


def quoted_speaker(sentences: list[str], k: int) -> str:
    """Who speaks in ``sentences[k]``: its own speaker, or for a pronoun's quote ("...," he said)
    and for a quote that goes on after one ('"...," he said. "And more."') the speaker the
    sentences just before it name; '' when no speech or nobody named."""
    speaker = own_speaker(sentences[k])
    if speaker:
        return speaker
    if _opens_unclosed(sentences[k]) and k + 1 < len(sentences) and _QUOTED_SPEECH.search(sentences[k + 1]):
        return quoted_speaker(sentences, k + 1)  # '"We are ready. We are not ready to ...," she said.'
    goes_on = k > 0 and _OPENS_QUOTE.match(sentences[k]) and _QUOTED_SPEECH.search(sentences[k - 1])
    if not (goes_on or SPEECH_VERB.search(sentences[k])):
        return ""
    for before in reversed(sentences[max(0, k - 3) : k]):
        if speaker := own_speaker(before) or _named_subject(before):
            return speaker  # "Okoli has cancelled her visit. In a statement she said: ..."
    return ""


def _dates_a_name(word: str) -> bool:
    """Whether ``word`` is a weekday or a number, which no name holds: a date line ("Thursday 20
    March 2025, 06:30") opens with no speaker. A month alone may be a surname ("Maya March")."""
    return any(t.kind == "number" or t.key in WEEKDAY_KEYS for t in tokens(word))


def _named_subject(sentence: str) -> str:
    """The name a sentence opens with, in two words or more ("Chief Minister Ifeoma Okoli has
    cancelled ..."): whom a pronoun's quote after it belongs to; '' for one word ("Police"). Read
    past a transcript's turn label, and for a post named beside its holder, the holder ("REPORTER:
    The Finance Minister, Halvard Presk, closed the debate. He ... called it ...")."""
    head = _STAMP.sub("", sentence, count=1)
    if _BYLINE.match(head):
        return ""  # the writer's name, not a speaker's: "By Selma Achterwald, Industry Correspondent"
    if label := _TURN.match(head):
        head = head[head.index(":", label.end(1)) + 1 :].lstrip()
    if holder := _HOLDER_BESIDE.match(head):
        return holder[1]
    subject = _subject_name(head)
    capitalised = [w for w in subject.split() if w[:1].isupper()]
    return subject if len(capitalised) >= 2 else ""


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
    # "The Kremlin said ..." opening the claim: the article's "Kremlin Spokesman Dmitry Peskov".
    body = re.escape(re.sub(r"^the\s+", "", differs.draft, flags=re.IGNORECASE)).replace(r"\ ", r"\s+")
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


# A transcript's turn: a line opening with its speaker's label in capitals ("KROES: Then the budget
# is wrong.", "GERT-JAN VLIELANDER:", "MINISTER:").
# A turn's label may follow its time stamp or a cue in brackets ("12:04:38 RUBEN HALLOWAY
# (COUNCILLOR): ...", "[CLIP] RENATA CALLOW: ...") and be followed by the speaker's post in brackets.
_CLOCK_STAMP = r"\[?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\]?[ \t]+"  # "12:04:38 ", "[17:30:18] "
_TURN = re.compile(
    rf"[ \t]*(?:{_CLOCK_STAMP}|\[[A-Z][A-Z ]{{1,20}}\][ \t]*)?"
    r"((?:(?:Mr|Mrs|Ms|Dr)\.?[ \t]+)?[A-Z][A-Z'’.-]*[A-Z](?:[ \t]+[A-Z][A-Z'’.-]*[A-Z]){0,2})"
    r"(?:[ \t]+\([^()\n]{1,40}\))?:[ \t]+\S"
)
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr)\.?\s+", re.I)
# Posts one person holds ("the mayor", "coach"): a transcript's turn label and a holder beside their post.
_POSTS = frozenset(
    "minister secretary chair chairman chairwoman mayor governor president commissioner chief spokesman "
    "spokeswoman spokesperson director manager judge coach captain".split()
)
# Labels for a post, not a name: tied to a person only where the article introduces its holder.
_POST_LABELS = _POSTS | frozenset(
    "presenter host anchor newsreader reporter interviewer moderator caller correspondent premier".split()
)
_FULL_NAME = r"[A-Z][a-z][\w’-]*(?:\s+[A-Z][a-z][\w’-]*)+"
# "The Finance Minister, Halvard Presk, closed ...": a post, then its holder between commas.
_HOLDER_BESIDE = re.compile(rf"[Tt]he\s+[\w’' -]{{1,60}},\s+({_FULL_NAME}),")


def turn_label(text: str, at: int) -> str:
    """The label of the transcript turn holding offset ``at`` of ``text`` ("KROES" in "KROES: ...
    a classroom without a teacher teaches children nothing."); '' when its line opens with none."""
    return turn_label_at(text, at)[0]


# Closed captions mark each change of speaker with ">>" and may give the speaker's label at the end
# of the line before the turn: ">> FOR THE VISITORS, A HARD NIGHT. COACH ARNE LID:" then ">> WE LOST.".
_CAPTION_LABEL = re.compile(
    r"(?:^\s*>>\s*|[.!?]\s+)([A-Z][A-Z'’-]*[A-Z](?:\s+[A-Z][A-Z'’-]*[A-Z]){1,5}):\s*$"
)


# A radio or TV script's cue for a recorded clip, naming who speaks in it, on the clip's line or,
# in brackets, alone on the line before it: "[07:30:24] [CLIP: ORSINA PLEUGER, Mayor of Vellschin]
# We respect ...", "[SOT - TOMAS REYVIK, DEPOT MANAGER]", "[CLIP: TERIBA / DUR: 0'03"]", "[18:00:21]
# CLIP - EDDA LUNMARK, chair (0:12): ...", "SOT - BRASK: ..."; not "[CLIP: VOX POP, ...]".
_CLIP_CUE = re.compile(
    rf"[ \t]*(?:{_CLOCK_STAMP})?(?P<bracket>\[)?(?:{'|'.join(CLIP_CUE_WORDS)})[ \t]*[:–—-][ \t]*"
    r"(?!VOX\b)(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t]+)?(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,4})[ \t]*"
    r"(?(bracket)[,/\]]|[,(:])"
)


def turn_label_at(text: str, at: int) -> tuple[str, int]:
    """The turn's label and where it stands in ``text``: on the line holding ``at``, in a clip's
    cue on it or alone on the line before it, or ending the caption line before it; ('', -1) when
    none gives one."""
    opens = text.rfind("\n", 0, at) + 1
    before = text.rfind("\n", 0, opens - 1) + 1 if opens else 0  # where the line before opens
    match = _TURN.match(text, opens)
    if match:
        return match[1], match.start(1)
    cue = _CLIP_CUE.match(text, opens)
    if not cue and opens:  # the cue alone on the line before: "[SOT - TOMAS REYVIK, DEPOT MANAGER]"
        cue = _CLIP_CUE.match(text, before)
        closes = text.find("]", cue.end("name")) if cue and cue["bracket"] else -1
        cue = cue if closes >= 0 and not text[closes + 1 : opens].strip() else None
    if cue:
        return cue["name"], cue.start("name")
    if opens and text[opens:].lstrip().startswith(">>"):
        line = text[before : opens - 1]
        caption = _CAPTION_LABEL.search(line) if line.lstrip().startswith(">>") else None
        if caption:
            return caption[1], before + caption.start(1)
    return "", -1


def turn_speaker(label: str, article: str) -> str:
    """The person a transcript's turn label names, read from the article's other lines: the label
    as a name ("Gert-Jan Vlielander"), a surname given in full elsewhere ("Wendelien Kroes" for
    KROES), or a post introduced with its holder ("the Minister of Environment and Water, Kostas
    Leventis" for MINISTER). '' when the article is no transcript (no label opens two of its
    lines: a heading such as "READ MORE:" or a news-in-brief's "CRIME:") or ties the label to no
    person (PRESENTER of an unnamed host). A caption's label ending its line (">> COACH ARNE LID:")
    is a turn's whatever the other lines."""
    if not label:
        return ""
    lines = {line.strip() for line in article.splitlines()}
    labels = [m[1] for line in lines if (m := _TURN.match(line))]
    surname = _HONORIFIC.sub("", label).split()[-1]
    cues = [m["name"] for line in lines if (m := _CLIP_CUE.match(line))]
    # A clip's cue naming the speaker in full ("[SOT - DAGNY FERRELL, CHIEF EXECUTIVE]") labels
    # the turn under it by surname ("FERRELL: ..."), unless cues name two people of that surname.
    cued = {cue.upper() for cue in cues if len(cue.split()) > 1 and cue.upper().split()[-1] == label}
    if len(cued) == 1:
        return " ".join(_HONORIFIC.sub("", cued.pop()).title().split())
    captioned = (
        any(m[1] == label for line in lines if line.startswith(">>") and (m := _CAPTION_LABEL.search(line)))
        or label in cues
    )
    # A full name labelling one turn only ("[CLIP] RENATA CALLOW: ...") in a transcript whose
    # other turns are labelled too, when the article names that person in its own words.
    once = len(labels) >= 3 and len(label.split()) > 1 and _HONORIFIC.sub("", label).title() in article
    if not captioned and not once and sum(1 for x in labels if x.split()[-1] == surname) < 2:
        return ""
    words = _HONORIFIC.sub("", label).title().split()
    if len(words) > 1:
        return " ".join(words)
    word = words[0]
    if word.lower() in _POST_LABELS:
        # "Minister Kostas Leventis" or "the Minister of Environment and Water, Kostas Leventis".
        holder = re.search(rf"(?i:\b{word}\b)(?!:)(?:\s+|[^.\n:]{{0,60}}?,\s+)({_FULL_NAME})", article)
        return holder[1] if holder else ""
    full = next((x.title() for x in labels if len(x.split()) > 1 and x.split()[-1] == label), "")
    if full:
        return _HONORIFIC.sub("", full)
    named = re.search(rf"\b([A-Z][\w'’-]+)\s+{re.escape(word)}\b", article)
    if named and not _HONORIFIC.match(named[0]) and named[1].upper() != named[1]:
        return f"{named[1]} {word}"
    return word


_ROMAN = re.compile(r"^[ivxlcdm]+$")


def distinguishing_word(name: str, other: str) -> str:
    """The word that tells ``name`` apart from ``other``: its last one that ``other`` lacks,
    numerals aside ("Honorius" in "Pope Honorius III" against "Pope Innocent III", "Todd" in
    "Todd River" against "Finke River", "Owen" in "Justice Neville Owen")."""
    theirs = {t.key for t in tokens(other)}
    words = [t.key for t in tokens(name) if not _ROMAN.match(t.key) and t.key not in theirs]
    return words[-1] if words else ""


_AFFILIATED = re.compile(r"\b(?:of|from|at|for)\b", re.IGNORECASE)  # "... of Marrasal Watch"


def same_speaker(claimed: str, speaker: str, sentence: str) -> bool:
    """Whether a sentence's speaker is the one a claim names: a person ("... Theo Manousakis",
    the last two words capitalised) by their surname, which "Porto Venna coach Manolis Karras"
    lacks though both name the club; anybody else by any name the sentence shares with them. A
    speaker named in full ("coordinator Anneke Dross") is the claim's when the claim names them
    so, before an affiliation that ends its words ("Anneke Dross of Marrasal Watch"; not the
    group itself, "Marrasal Watch")."""
    if _named_in_full(speaker, claimed):
        return True
    words = claimed.split()
    if len(words) >= 2 and all(w[:1].isupper() for w in words[-2:]):
        surname = next((w for w in reversed(words) if not _ROMAN.match(fold(w))), words[-1])
        return bool(name_keys(surname) & name_keys(f"{speaker} {sentence}"))
    return bool(name_keys(claimed) & name_keys(f"{speaker} {sentence}"))


def named_before_speech(speaker: str, claim: str) -> bool:
    """Whether the claim names a speaker ("Councillor Ingrid Maule", the last two words
    capitalised) in full before its words, as its own subject: "Fisheries committee chair Ingrid
    Maule stood by it, saying ...", whose role `own_speaker` may read for the speaker; not as
    another's ("Ingrid Maule's deputy said", "a lawyer for Ingrid Maule said") nor after the
    words ("Scarff said Ingrid Maule ...")."""
    speech = [
        m
        for m in (*SPEECH_VERB.finditer(claim), *_PARTICIPLE.finditer(claim))
        if not inside_quote(claim, m.start())
    ]
    return bool(speech) and _named_in_full(speaker, claim[: min(m.start() for m in speech)])


def _named_in_full(speaker: str, text: str) -> bool:
    """Whether ``text`` names a person speaker (the last two words capitalised, "Councillor Ingrid
    Maule") by those two words, not after an affiliation ("a lawyer for Ingrid Maule"; "Marrasal
    Watch" of "Anneke Dross of Marrasal Watch")."""
    spoken = speaker.split()
    if len(spoken) < 2 or not all(w[:1].isupper() for w in spoken[-2:]):
        return False
    named = re.search(rf"(?<![\w'’-]){re.escape(' '.join(spoken[-2:]))}(?![\w'’-])", text)
    return bool(named) and not _AFFILIATED.search(text[: named.start()])


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


def crosses_speakers(differs: Differs, claim_speaker: str, sentence_speaker: str) -> bool:
    """Whether a changed name compares who said it with somebody else: who said it is compared
    with who said it, not with a name in a headline; and the claim's founder or winner not with
    the person reporting it ("President Bush says a former scientist had established UTN")."""
    said_by, source_speaks = _speakers_changed(differs, claim_speaker, sentence_speaker)
    return differs.kind == "name" and said_by != source_speaks


def _speakers_changed(differs: Differs, claim_speaker: str, sentence_speaker: str) -> tuple[bool, bool]:
    """Whether the claim's changed name is its speaker's, and the sentence's name its own speaker's."""
    return (
        bool(name_keys(differs.draft) & name_keys(claim_speaker)),
        bool(name_keys(differs.source) & name_keys(sentence_speaker)),
    )


def speaks_instead(claim_speaker: str, sentence: str, differs: Differs) -> bool:
    """Whether the sentence's own speaker is the other name, where the claim's speaker is the
    claim's: "Captain A said X" against '"X," coach B told reporters', the two names standing
    apart (before the words and after the quote)."""
    speaker = own_speaker(sentence)
    if not (claim_speaker and speaker):
        return False
    return all(_speakers_changed(differs, claim_speaker, speaker)) and not same_speaker(
        claim_speaker, speaker, sentence
    )


def heading_label(name: str, text: str, article: str) -> bool:
    """Whether ``name`` is the label opening a line of ``text`` ("CLAIM:", "VERDICT:", "READ
    MORE:") that is no transcript speaker's: the article opens no other line with it."""
    at = text.find(name)
    return at >= 0 and turn_label(text, at) == name and not turn_speaker(name, article)


_QUOTED = re.compile(r"[\"“]([^\"“”]{8,})[\"”]")  # a claim's direct quote, three words or so at least
_SAID_THAT = re.compile(
    r"^(?![\"“])(?P<who>(?:\S+\s+){1,8}?(?:said|says|stated|added|warned|stressed|noted|announced|told reporters|"
    r"was reported to say|(?:is|was) quoted as saying)(?:\s+on\s+\w+day)?)(?:\s+that)?[,:]?\s+[\"“]?"
    r"(?P<what>\w.*?)[.!]?[\"”]?$",
    re.IGNORECASE,
)


def quote_words(claim: str) -> set[str]:
    """The content words of a claim's direct quotes ('called it "a contract with the next
    generation"'): a passage stating the claim gives them."""
    return content_words(" ".join(_QUOTED.findall(claim)))


# A post beside its holder: "Oskerby's mayor, Ilse Varnum," / "Petra Holmgaard, Oskerby's mayor," /
# "Samir Okafor-Lind, who chairs the council's transport committee," / "Transport committee chair
# Ruben Halloway". A post with "a" or "an" ("a spokesman for the council") has other holders.
_HELD_POSTS = _POSTS | frozenset(
    "chairperson leader organiser organizer executive head prosecutor editor principal headteacher "
    "superintendent inspector".split()
)
_POST_NOUNS = f"(?:{'|'.join(sorted(_HELD_POSTS, key=len, reverse=True))})"  # "chairman" before "chair"
_HOLDER_AFTER = re.compile(
    rf"(?<![\w’'])((?:[A-Z][\w’'-]*[’']s\s+|[Tt]he\s+)(?:[\w’'-]+\s+){{0,3}}?{_POST_NOUNS}),\s+({_FULL_NAME}),"
)
_HOLDER_BEFORE = re.compile(
    rf"({_FULL_NAME}),\s+((?:who\s+(?:chairs|leads|heads|runs)\s+[^,.;:]{{3,60}}?)|(?:the\s+)?(?:[A-Z][\w’'-]*[’']s\s+)?"
    rf"(?:[a-z][\w-]*\s+){{0,2}}?{_POST_NOUNS}\b[^,.;:]{{0,60}}?),"
)
_HOLDER_TITLED = re.compile(
    rf"(?<![\w’'])((?:[A-Z][a-z]+\s+)?(?:[a-z]+\s+){{0,2}}{_POST_NOUNS})\s+({_FULL_NAME})"
)
# Who else may hold a post as well, or held it: no swap of its holder.
_OTHER_HOLDERS = content_words(
    "former ex deputy acting assistant vice late previous outgoing incoming interim junior shadow co"
)
# "The water board, chaired by Teodor Brasque, ...": the chair's holder after the body's name.
_CHAIRED_BY = re.compile(rf"\b(chaired)\s+by\s+({_FULL_NAME})")
_POST_FORMS = re.compile(r"\b(?:(chair)(?:s|man|woman|person|ed)|(lead)s|(head)s|runs)\b")


def post_holders(text: str) -> list[tuple[set[str], str]]:
    """The posts ``text`` gives beside their holders' full names, each as its words (the post's
    own, not "who" or "the") and the holder's name."""
    found = [(m[1], m[2]) for m in _HOLDER_AFTER.finditer(text)]
    found += [(m[2], m[1]) for m in _HOLDER_BEFORE.finditer(text)]
    found += [(m[1], m[2]) for m in _HOLDER_TITLED.finditer(text)]
    found += [(m[1], m[2]) for m in _CHAIRED_BY.finditer(text)]
    return [
        (content_words(_POST_FORMS.sub(_post_form, post)), name)
        for post, name in found
        if fold(post.split()[0]) not in ("a", "an", "one")
    ]


def _post_form(match: re.Match) -> str:
    """One word for a post however told: "chairs" / "chairman" / "chair", "leads" / "leader"."""
    return "chair" if match[1] else "leader" if match[2] else "head"


def holder_of_another(claim: str, text: str, article: str) -> Differs | None:
    """The holder ``text`` gives a post the claim gives one of its people, when the article never
    gives that person the post: "Petra Holmgaard, Oskerby's mayor," against "Oskerby's mayor, Ilse
    Varnum," where Holmgaard is the union's organiser. Not for a post another may also hold (a
    deputy, a former mayor)."""
    claimed = post_holders(claim)
    if not claimed:
        return None
    held, given = post_holders(article), post_holders(text)  # read once, not once per claimed post
    for post, name in claimed:
        person = name_keys(name)
        if any(post <= theirs and person & name_keys(who) for theirs, who in held):
            continue  # the article gives the claim's person that post too
        for theirs, who in given:
            if post <= theirs and not theirs & _OTHER_HOLDERS and not person & name_keys(who):
                return Differs(name, who, "name")
    return None


_ANY_QUOTE = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def quoted_word_for_word(claim: str, text: str) -> bool:
    """Whether each of the claim's direct quotes, of two content words at least, stands word for
    word inside a quote of ``text`` ('called it "a blank cheque"' in '... warned that the city was
    signing "a blank cheque"'): the same words in quotation marks, whoever the text gives them to."""
    quotes = [words(q) for q in _QUOTED.findall(claim)]
    if not quotes or any(len(content_words(" ".join(q))) < 2 for q in quotes):
        return False
    given = [words(q) for q in _ANY_QUOTE.findall(text)]
    return all(any(_contains(g, q) for g in given) for q in quotes)


def _contains(longer: list[str], shorter: list[str]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


# Who a sentence's subject interviewed: "spoke to boatman Sutto Ker", "interviewed the mayor".
INTERVIEWED = re.compile(
    r"\b(?:sp[oe]ke|speaking|talk(?:ed|ing)?|chatted)\s+(?:to|with)\b|\binterview(?:ed|s)\b", re.I
)


def turn_opening(chunk: Chunk, spans: list[Span], k: int) -> int:
    """The first of ``spans`` on the line of sentence ``k``, or from a caption's label ending the
    line before it: where a transcript's turn, and its speaker's label, begin."""
    at = spans[k].start - chunk.start
    line = chunk.text.rfind("\n", 0, at) + 1
    label, where = turn_label_at(chunk.text, at)
    opens = chunk.start + (where if label and where < line else line)
    return next(j for j in range(k + 1) if spans[j].end > opens)


# Other ways a claim reports speech: "Lavrov told a visiting official that X", "X, the Kremlin
# said.", "According to Peskov, X".
_REPORTED = (
    _SAID_THAT,
    re.compile(
        r"^(?:\S+\s+){1,8}?(?:admitted|admits|argued|argues|insisted|insists|conceded|concedes|claimed|"
        r"claims|explained|acknowledged|told(?:\s+\S+){1,5}?(?=\s+that\s))(?:\s+that)?\s+(?P<what>\w.*?)[.!]?$",
        re.IGNORECASE,
    ),
    # "X, Peskov said", and a quote first: '"X," Fossum told reporters after the talks.'
    re.compile(
        r"^(?P<what>\w.*?),\s+(?:[\w'’.-]+\s+){1,6}?(?:said|says|added|warned|announced|reported)"
        r"(?:\s+on\s+\w+day)?[.!]?$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^[\"“](?P<what>\w[^\"“”]*?)[,.!?]?[\"”],?\s+(?:(?:[\w'’.-]+\s+){1,6}?"
        r"(?:said|says|added|warned|announced|told)\b|(?:said|says|added|warned)\s+\w)[^\"“”]{0,80}$",
        re.IGNORECASE,
    ),
    re.compile(r"^according to\s+[^,]{2,60},\s+(?P<what>\w.*?)[.!]?$", re.IGNORECASE),
    # "Farrow described the blast as the darkest day": the blast as the darkest day
    re.compile(r"^(?:\S+\s+){1,8}?describe[sd]\s+(?P<what>(?!by\s)\w.*?\s+as\s+.*?)[.!]?$", re.IGNORECASE),
    # 'Krowe called the closure "a hammer blow"': the closure "a hammer blow"
    re.compile(
        r"^(?:\S+\s+){1,8}?call(?:ed|s)\s+(?P<what>(?:[\w'’-]+\s+){0,5}?[\"“][^\"“”]+[\"”].*?)[.!]?$",
        re.IGNORECASE,
    ),
)


def reported_speech(claim: str) -> str:
    """What "Peskov said (that) X" (or "X, Peskov said", "According to Peskov, X") reports: X,
    without its speaker; '' for other claims."""
    for form in _REPORTED:
        if match := form.match(claim.strip()):
            return match["what"]
    return ""


def speech_orders(claim: str) -> list[str]:
    """The claim, and for "Peskov said (that) X" also "X, Peskov said": the order news copy
    reports speech in, which `rag.cite.stated` reads clause by clause."""
    match = _SAID_THAT.match(claim.strip())
    if not match:
        return [claim]
    what = match["what"]
    return [claim, f"{what[0].upper()}{what[1:]}, {match['who']}."]
