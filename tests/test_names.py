"""Names a question asks about, and where the whole archive has them."""

import pytest

from rag.names import NameIndex, question_names
from rag.types import Chunk

pytestmark = pytest.mark.fast  # no model, no index: the edit-test loop (pytest -m fast)


def chunk(n: int, text: str, title: str = "", outlet: str | None = None) -> Chunk:
    return Chunk(n, f"a{n}.txt", 0, len(text), text, title, outlet)


ARCHIVE = NameIndex(
    [
        chunk(0, "Prime Minister Nikol Pashinyan met Hans Blix in Yerevan.", "Talks in Yerevan"),
        chunk(1, "Antonín Dvořák wrote the New World Symphony.", "Dvořák"),
        chunk(2, "MOSCOW, May 2. /TASS/. Pyotr Tchaikovsky's ballet opened.", "Ballet"),
        chunk(3, "Putin and Pashinyan spoke by phone.", "Calls", "MassisPost"),
    ]
)


def test_names_are_capitalised_runs_without_question_words_or_possessives():
    assert question_names("What did Antony Blinken say?") == ["Antony Blinken"]
    assert question_names("How many Russian troops are in Armenia?") == ["Russian", "Armenia"]
    assert question_names("Where is Russia's embassy?") == ["Russia"]
    assert question_names("What did Hans say?") == ["Hans"]  # no plural stripping: not "Han"
    assert question_names("According to TASS, who spoke?") == ["TASS"]


def test_an_ordinary_capitalised_first_word_is_not_a_name():
    assert question_names("Describe the ceasefire terms.") == []
    assert question_names("Explain how the talks ended.") == []
    assert question_names("Erdogan met whom?") == []  # the opening word: capitals say nothing there
    assert question_names("Recep Erdogan met whom?") == ["Erdogan"]
    assert question_names("Besides Yerevan and Baku, which city?") == ["Yerevan", "Baku"]
    assert question_names("Erdogan met whom?", skip_opening=False) == ["Erdogan"]


def test_names_are_found_in_the_whole_archive_with_accents_and_spelling_variants():
    assert ARCHIVE.in_archive("Dvorak") and ARCHIVE.chunks_with("Antonin Dvorak") == {1}
    assert ARCHIVE.in_archive("Chaikovsky")  # a transliteration variant of Tchaikovsky
    assert ARCHIVE.in_archive("Prime Minister Pashinyan")
    assert ARCHIVE.chunks_with("Pashinyan") == {0, 3}
    assert ARCHIVE.in_archive("TASS") and ARCHIVE.in_archive("MassisPost")  # dateline and outlet


def test_absent_names_are_missing_and_short_words_match_only_exactly():
    assert not ARCHIVE.in_archive("Antony Blinken")
    assert not ARCHIVE.in_archive("Han")  # "Hans" is in the archive, "Han" is another name
    assert ARCHIVE.in_archive("Hans")
    assert not ARCHIVE.in_archive("Nikol Pashinyanov Blinkenberg")  # judged by the head word
    assert ARCHIVE.chunks_with("Nikol Blinken") == set()
    # Both words are in the archive, never together: another person, not in the archive.
    assert ARCHIVE.in_archive("Putin") and ARCHIVE.in_archive("Hans") and not ARCHIVE.in_archive("Hans Putin")
    assert not ARCHIVE.in_archive("Zealand") and not NameIndex([chunk(9, "Zealand.")]).in_archive("Zalando")


def test_a_hyphenated_pair_counts_by_its_parts():
    assert ARCHIVE.in_archive("Putin-Pashinyan")
    assert ARCHIVE.chunks_with("Putin-Pashinyan") == {3}
