"""Names: who and what a question asks about, and where in the whole archive they appear.

A question naming someone the archive never mentions cannot be answered from it, whatever the
search returns; a name the archive does mention must reach the model in some passage, even when
the top-ranked passages happen not to carry it. Both are decided against every indexed chunk
(text, title and outlet, so an outlet named only in a dateline counts), never against the few
passages retrieved. Names compare folded (accents off) and, for longer words, fuzzily
(rapidfuzz), so "Erdogan", "Dvorak" or a transliteration variant find their article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from rag.text import STOPWORDS, fold, words
from rag.types import Chunk

# A run of capitalised words ("Nikol Pashinyan", "Hill Top", "CSTO").
_NAME_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
_POSSESSIVE = re.compile(r"['’]s?$")
# Words that open a question or an instruction; capitalised there, but never a name.
QUESTION_WORDS = frozenset(
    "what who whom when where which why how did does do is are was were can could would will should "
    "has have had according in on to and since for from at by of the a an if please list name "
    "describe explain summarize compare tell give show find".split()
)
FUZZY_MIN_LENGTH = 5  # shorter words match exactly: "Han" is not "Hans"


def max_edits(word: str) -> int:
    """Spelling variants of names differ by one letter ("Pashinian"/"Pashinyan", "Chaikovsky"/
    "Tchaikovsky"); long names by two. More would let "Zalando" match "Zealand"."""
    return 1 if len(word) < 9 else 2


def question_names(question: str, skip_opening: bool = True) -> list[str]:
    """Proper names in the question: capitalised runs, without question words and possessives.

    The word that opens the question is never part of a name: its capital says nothing
    ("Describe ...", "Besides Yerevan ..."), so "Recep Erdogan met whom?" asks about "Erdogan".
    With ``skip_opening=False`` (reading an answer, not a question) the first word counts too.
    """
    found = []
    opening = len(question) - len(question.lstrip(" \"'“‘("))
    for match in _NAME_RUN.finditer(question):
        parts = [_POSSESSIVE.sub("", w.rstrip(".,;:!?")) for w in match.group().split()]
        if skip_opening and match.start() == opening:
            parts = parts[1:]
        while parts and fold(parts[0]) in QUESTION_WORDS | STOPWORDS:
            parts = parts[1:]
        parts = [p for p in parts if len(p) > 1 or p.isdigit()]
        if not parts:
            continue
        found.append(" ".join(parts))
    return found


class NameIndex:
    """Folded word -> the chunks whose text, title or outlet holds it, over the whole index."""

    def __init__(self, chunks: Iterable[Chunk]):
        postings: dict[str, set[int]] = defaultdict(set)
        for chunk in chunks:
            for word in set(words(f"{chunk.title} {chunk.outlet or ''} {chunk.text}")):
                postings[word].add(chunk.id)
                for part in word.split("-") if "-" in word else ():
                    postings[part].add(chunk.id)  # "post-Soviet" mentions "Soviet"
        self.postings = dict(postings)
        self._vocabulary = list(self.postings)
        self._spellings: dict[str, list[str]] = {}  # a fuzzy search costs ~10 ms at 100k words

    def spellings(self, word: str) -> list[str]:
        """The archive's spellings of ``word``: itself, or close variants of a longer word."""
        word = fold(word)
        if word in self.postings:
            return [word]
        if len(word) < FUZZY_MIN_LENGTH or not self._vocabulary:
            return []
        edits = max_edits(word)
        matches = process.extract(
            word, self._vocabulary, scorer=Levenshtein.distance, score_cutoff=edits, limit=5
        )
        return [m[0] for m in matches]

    def _parts(self, name: str) -> list[str]:
        """The name's words; a hyphenated word the archive lacks whole counts by its parts
        ("Putin-Pashinyan" -> "putin", "pashinyan")."""
        parts = []
        for word in words(name):
            if "-" in word and not self.spellings(word):
                parts.extend(p for p in word.split("-") if p)
            else:
                parts.append(word)
        return parts

    def in_archive(self, name: str) -> bool:
        """True when some article mentions the name: its last word (a surname, the head of a place
        name), and for a longer name its last two words together in one passage.

        "Antony Blinken" is missing when no article mentions Blinken, and "Erling Haaland" when
        no passage has both words; "Prime Minister Pashinyan" is present when a passage calls
        him "Minister Pashinyan" or "the prime minister, Nikol Pashinyan".
        """
        parts = self._parts(name)
        if not parts or not self.spellings(parts[-1]):
            return False
        return len(parts) < 2 or bool(self._carrying(parts[-2:]))

    def chunks_with(self, name: str) -> set[int]:
        """Chunks that hold every word of ``name`` (in any of its spellings)."""
        return self._carrying(self._parts(name))

    def _carrying(self, parts: list[str]) -> set[int]:
        carrying: set[int] | None = None
        for part in parts:
            ids = set().union(*(self.postings[s] for s in self.spellings(part)))
            carrying = ids if carrying is None else carrying & ids
            if not carrying:
                return set()
        return carrying or set()
