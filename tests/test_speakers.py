"""Who speaks in a sentence and which names are the same, on their own (each with the case it was
written for and a false positive)."""

from __future__ import annotations

import pytest

from rag.speakers import (
    abbreviates,
    distinguishing_word,
    holder_of_another,
    named_before_speech,
    own_speaker,
    post_holders,
    quoted_speaker,
    quoted_word_for_word,
    reported_speech,
    same_speaker,
    speaks_for,
    turn_label,
    turn_speaker,
)
from rag.values import Differs


@pytest.mark.fast
def test_own_speaker_names_or_describes_who_speaks_and_skips_pronouns():
    assert own_speaker("There should be no turns, the Kremlin spokesman stressed.") == "the Kremlin spokesman"
    assert own_speaker("Russia welcomes all efforts, Peskov said.") == "Peskov"
    assert own_speaker("He added that the talks would resume.") == ""
    assert own_speaker("Russia has about 5,000 troops stationed in Armenia.") == ""
    # A name set off by commas is the speaker; a quote or a clause set off the same way is not.
    assert own_speaker("The chain's administrator, Jeff McDonald, says offers came in.") == "Jeff McDonald"
    assert own_speaker('"We are ready," said the minister.') == "the minister"  # the speaker after the verb
    assert own_speaker('"We heard the Prime Minister saying he never said so," he said.') == ""
    assert own_speaker('"We heard the Prime Minister saying so," Mr Crean said.') == "Mr Crean"
    assert own_speaker("The union, which has 3,000 members, said it would strike.") == ""
    assert (
        own_speaker("Jim Soorley, who is a former Catholic priest, says it does not wash.") == "Jim Soorley"
    )
    assert own_speaker("The mayor, who is a former priest, says it does not wash.") == ""
    # "According to" names the whole speaker, up to its comma; a pronoun is nobody.
    assert own_speaker("According to Pell Anand, twelve drivers start on Monday.") == "Pell Anand"
    assert (
        own_speaker("The plan was rushed, according to councillor Mark Devlin.") == "councillor Mark Devlin"
    )
    assert own_speaker("More than half of them are children, according to it.") == ""


@pytest.mark.fast
def test_a_speaker_named_before_a_role_ending_on_a_firms_name_is_the_one_named():
    """ "Gareth Pellow, managing director of Pellow Agri Transport, said": the speaker is Pellow,
    not the role (whose last word is capitalised for the firm)."""
    claim = "Gareth Pellow, managing director of Pellow Agri Transport, said his driver had 22 years."
    assert own_speaker(claim) == "Gareth Pellow"
    # The false-positive side: a name after a role, or a role with no name before it, stays.
    assert own_speaker("The chain's administrator, Jeff McDonald, says offers came in.") == "Jeff McDonald"
    assert (
        own_speaker("Its chairman, the former minister Jan Holt, said no.") == "the former minister Jan Holt"
    )


@pytest.mark.fast
def test_whoever_is_told_or_warned_is_spoken_to_not_speaking():
    assert own_speaker("Residents of Denholt were told to keep their windows shut.") == ""
    assert own_speaker("Shoppers have been warned to expect delays.") == ""
    # The false-positive side: the one telling or warning still speaks.
    assert (
        own_speaker("Fire chief Ann Lowe told residents to keep their windows shut.") == "Fire chief Ann Lowe"
    )
    assert "council" in own_speaker("The council has warned shoppers to expect delays.")


@pytest.mark.fast
def test_initials_are_the_same_name_and_a_changed_name_is_not():
    assert abbreviates("US Air Force", "United States Air Force")
    assert abbreviates("United Nations", "UN")
    assert not abbreviates("Pope Honorius III", "Pope Innocent III")  # the false-positive side
    assert not abbreviates("Edmon Marukyan", "Kremlin")


@pytest.mark.fast
def test_the_distinguishing_word_of_a_name_is_the_last_one_the_other_lacks():
    assert distinguishing_word("Todd River", "Finke River") == "todd"  # not "river", which both share
    assert distinguishing_word("Pope Honorius III", "Pope Innocent III") == "honorius"
    assert distinguishing_word("Western Australian Justice Neville Owen", "Sydney") == "owen"


@pytest.mark.fast
def test_a_pronouns_quote_belongs_to_the_speaker_named_before_it():
    sentences = [
        "Labor's spokesman John Faulkner says the bill should not be delayed.",
        '"We want it dealt with quickly," he said.',
        "Attorney-General Daryl Williams says the Government is relying on Labor.",
        "The bill goes to Parliament next year.",
    ]
    assert quoted_speaker(sentences, 1) == "Labor's spokesman John Faulkner"
    assert quoted_speaker(sentences, 2) == "Attorney-General Daryl Williams"
    # The false-positive side: no speech, no speaker; and nobody named before, nobody.
    assert quoted_speaker(sentences, 3) == ""
    assert quoted_speaker(['"It is rushed," she said.'], 0) == ""


@pytest.mark.fast
def test_a_first_person_writer_is_no_speaker_named_my_or_our():
    """A blog's "My favourite line, and I wrote it down: '...'" quotes the person named before it,
    not somebody called "My" (the check had contradicted a claim with that name); "Our reporter
    Ana Vik" is the reporter."""
    sentences = [
        "Orrin Bazzadeh, the outgoing chair, gave a farewell speech that had the hall in tears.",
        'My favourite line, and I wrote it down on my hand: "We did not survive three droughts for this."',
    ]
    assert quoted_speaker(sentences, 1) == "Orrin Bazzadeh"
    assert (
        quoted_speaker(["Our reporter Ana Vik was there.", '"It was chaos," she said.'], 1)
        == "reporter Ana Vik"
    )
    # The false-positive side: a name that opens with the same letters is a name; a subject
    # named after the writer's words still speaks.
    assert own_speaker('Myra Holt dedicated the win to the fans: "They carried us."') == "Myra Holt"
    assert quoted_speaker(["Mayor Lena Brandt opened the hall.", '"It was a team effort," she said.'], 1) == (
        "Mayor Lena Brandt"
    )


@pytest.mark.fast
def test_a_quote_that_goes_on_belongs_to_the_speaker_of_the_quote_before_it():
    sentences = [
        "But Mr Howard says he has confidence in the Governor-General.",
        '"I have talked to him about it," Mr Howard said.',
        '"The criticism made is that he is involved in a cover-up, that is ridiculous."',
    ]
    assert quoted_speaker(sentences, 2) == "Mr Howard"
    # The false-positive side: a quoted title after a statement is no speech of the one before it.
    titled = ["Senator Hill announced the deployment.", '"Operation Slipper" began in October.']
    assert quoted_speaker(titled, 1) == ""


@pytest.mark.fast
def test_a_body_speaks_through_its_officer():
    differs = Differs("Harbour Water", "Ann Lee", "name")
    for article in (
        "The chief executive of Harbour Water, Ann Lee, said supplies were safe.",
        "Harbour Water spokeswoman Ann Lee said supplies were safe.",
        "Ann Lee, a director at Harbour Water, said supplies were safe.",
    ):
        assert speaks_for(differs, article), article
    # The false-positive side: a critic, a rival's head or a customer of the body is another speaker,
    # and so is a person the claim names as its speaker.
    for article in (
        "Ann Lee, a critic of Harbour Water, said supplies were safe.",
        "The head of Harbour Water's biggest rival, Ann Lee, said supplies were safe.",
        "Ann Lee, who buys from Harbour Water, said supplies were safe.",
    ):
        assert not speaks_for(differs, article), article
    assert not speaks_for(
        Differs("Tom Reid", "Ann Lee", "name"), "Ann Lee, the chief executive of Harbour Water, said so."
    )
    # A body the claim opens on with "The" ("The Harbour Board said ...") is the article's
    # "Harbour Board spokeswoman Ann Lee"; still not her critic.
    board = Differs("The Harbour Board", "Ann Lee", "name")
    assert speaks_for(board, "Harbour Board spokeswoman Ann Lee said supplies were safe.")
    assert not speaks_for(board, "Ann Lee, a critic of the Harbour Board, said supplies were safe.")


@pytest.mark.fast
def test_a_speaker_after_the_quote_and_other_reporting_verbs():
    assert own_speaker('"We will win," said Peskov.') == "Peskov"
    assert (
        own_speaker('"This is no natural disaster," thundered Opposition leader Dinesh Rao.')
        == "Opposition leader Dinesh Rao"
    )
    assert own_speaker("Chittoor admitted the side had batted badly.") == "Chittoor"
    assert (
        quoted_speaker(['"We lost it with the bat," Chittoor admitted.', '"Two hundred was gettable."'], 1)
        == "Chittoor"
    )
    # The false-positive side: a pronoun after the verb names nobody, and no quote, no inversion.
    assert own_speaker('"Fine," said he.') == ""
    assert own_speaker('"Fine," he admitted.') == ""
    assert own_speaker("The flood damaged Kadavu Bridge.") == ""
    assert own_speaker("Rao called the decision 'a disgrace'.") == "Rao"
    assert own_speaker("The mayor called off the parade.") == ""  # "called" quoting nothing
    assert own_speaker('Brassik calls the cuts "a punishment for the workers".') == "Brassik"
    assert own_speaker("The union calls for a strike ballot.") == ""  # "calls" quoting nothing


def test_describing_something_as_anything_is_speaking_and_an_appositive_of_a_body_is_no_speaker():
    assert own_speaker("Harbour master Ivo Brandt described the storm as the worst in forty years.") == (
        "Harbour master Ivo Brandt"
    )
    assert (
        own_speaker('Sister Ona Vell described the ward as "a place that never sleeps".') == "Sister Ona Vell"
    )
    assert own_speaker('Sgt Lina Orr, of the Marine Unit, said: "Stay off the ice."') == "Sgt Lina Orr"
    assert own_speaker("Pavo Ruud, from Kelda, said the water rose in minutes.") == "Pavo Ruud"
    # The false-positive side: described by others, described without "as", or passive, names no
    # speaker; an appositive naming the speaker stays theirs.
    assert own_speaker("The old mill, described by locals as an eyesore, will be pulled down.") == ""
    assert own_speaker("The fire was described as the worst in years.") == ""
    assert own_speaker("She described the scene to the court.") == ""
    assert own_speaker("The report describes how the fire spread.") == ""
    assert own_speaker("The harbour master, Ivo Brandt, said the storm had passed.") == "Ivo Brandt"


TRANSCRIPT = (
    "Radio Hallam Breakfast\nTranscript, Thursday 4 June\n\n"
    "PRESENTER: Good morning. With me is the Secretary for Transport, Imogen Cartwright, and on the "
    "line from the depot is the drivers' union organiser Pell Anand.\n\n"
    "SECRETARY: Good morning.\n\n"
    "PRESENTER: Why are the trams not running?\n\n"
    "ANAND: Because the depot is short of forty drivers. Nobody can run a timetable on goodwill.\n\n"
    "SECRETARY: We are hiring. Twelve new drivers start on Monday.\n\n"
    "PELL ANAND: Twelve is not forty.\n"
)


@pytest.mark.fast
def test_a_transcript_turn_is_spoken_by_its_labelled_speaker():
    """ "ANAND: ... Nobody can run a timetable on goodwill." is Anand's, though no verb says so."""
    at = TRANSCRIPT.index("Nobody can run")
    assert turn_label(TRANSCRIPT, at) == "ANAND"
    assert turn_speaker("ANAND", TRANSCRIPT) == "Pell Anand"  # the full name from another label
    # A post is tied to its holder where the article introduces them; an unnamed host to nobody.
    assert turn_speaker(turn_label(TRANSCRIPT, TRANSCRIPT.index("We are hiring")), TRANSCRIPT) == (
        "Imogen Cartwright"
    )
    assert turn_speaker("PRESENTER", TRANSCRIPT) == ""
    assert turn_label(TRANSCRIPT, TRANSCRIPT.index("Transcript, Thursday")) == ""


@pytest.mark.fast
def test_a_label_opening_one_line_only_is_a_heading_not_a_speaker():
    """A dateline, a news-in-brief's place or a "READ MORE:" heading opens one line each: no turns."""
    brief = (
        "News in brief\n\n"
        "HARLOW: The Fen Bridge will reopen in May after repairs, the council said.\n\n"
        "KESTON: Two schools will close early on Friday for staff training.\n\n"
        "READ MORE: Rail fares to rise in January\n"
    )
    label = turn_label(brief, brief.index("Two schools"))
    assert label == "KESTON"
    assert turn_speaker(label, brief) == ""
    assert turn_speaker(turn_label(brief, brief.index("Rail fares")), brief) == ""
    dateline = "KARACHI: The provincial government said on Monday that schools would reopen.\n"
    assert turn_speaker(turn_label(dateline, 20), dateline) == ""


@pytest.mark.fast
def test_a_participle_gives_the_sentences_subject_as_its_speaker():
    """Speech told by a participle: "Karras dedicated the win to the fans, saying: ..." is Karras's."""
    assert (
        own_speaker('Head coach Ray Dallow dedicated the win to the fans, saying: "This is for you."')
        == "Head coach Ray Dallow"
    )
    assert own_speaker('Dallow, for his part, was calmer, calling the win "a start".') == "Dallow"
    # The false-positive side: an opening that is no name, a pronoun, a "calling" with no quote.
    assert own_speaker("In a statement, the council rejected the claim, saying it was false.") == ""
    assert own_speaker("He shrugged, saying nothing.") == ""
    # "quoted as saying" names the speaker before it, as "said" does; a colon after it, the subject.
    assert own_speaker("Finance Minister Aleksi Vaara was quoted as saying that cars are no luxury.") == (
        "Finance Minister Aleksi Vaara"
    )
    assert (
        own_speaker('Jari Kemppainen, an MP for the north, is quoted as saying: "No."') == "Jari Kemppainen"
    )
    assert own_speaker("The club is recruiting, calling for volunteers at every home game.") == ""


@pytest.mark.fast
def test_a_person_is_the_same_speaker_by_surname_not_by_a_club_both_name():
    assert not same_speaker("Fenmoor Town captain Lee Ashworth", "Fenmoor Town coach Ray Dallow", "...")
    assert not same_speaker("Sweden's King Carl XVI Gustaf", "Spain's King Juan Carlos", "...")
    assert same_speaker("Prime Minister John Howard", "Mr Howard", "...")
    assert same_speaker("Pope Benedict XVI", "the Pope", "Pope Benedict XVI said the Mass was ...")
    # Not a person: any name shared will do ("the Kremlin" in "..., the Kremlin spokesman said").
    assert same_speaker("the Kremlin", "the Kremlin spokesman", "...")


@pytest.mark.fast
def test_a_speaker_named_in_full_is_the_one_the_claim_names_before_an_affiliation():
    """ "Anneke Dross of Marrasal Watch" ends in the group's words, not the surname."""
    assert same_speaker("Anneke Dross of Marrasal Watch", "coordinator Anneke Dross", "...")
    assert same_speaker("Inspector Dominic Feyer of Lisgarva Police", "Dominic Feyer", "...")
    # The false-positive side: another person in full, and a name after the affiliation word.
    assert not same_speaker("Anneke Dross of Marrasal Watch", "coordinator Anna Brill", "...")
    assert not same_speaker("Ola Tarn of Bryce Holm Ltd", "Bryce Holm", "...")


@pytest.mark.fast
def test_a_quote_running_into_the_next_sentence_is_its_speakers():
    sentences = [
        "Mira Holt, who leads the dockers' union at Fenport, said the union would fight any cuts.",
        '"We will talk about shorter shifts.',
        'We will not talk about sacking people," she said.',
    ]
    assert quoted_speaker(sentences, 1) == "Mira Holt"  # named after the quote's end, by a pronoun
    # The false-positive side: a quote closed in its own sentence is not lent the next one's speaker.
    closed = ['"We will talk about shorter shifts," said the mayor.', '"No," Mira Holt replied.']
    assert quoted_speaker(closed, 0) == "the mayor"
    assert quoted_speaker(["The talks went well.", '"No," Mira Holt said.'], 0) == ""


@pytest.mark.fast
def test_a_pronouns_quote_belongs_to_the_person_the_sentence_before_opens_with():
    """A live blog: "09:05 - Mayor Ada Quist has cancelled her visit. In a statement she said: ..."
    is Quist's, not the speaker quoted an entry earlier."""
    blog = [
        '"This is the wettest March on record," said weather service spokesman Tom Reyes.',
        "09:05 - Mayor Ada Quist has cancelled her visit to the flooded towns.",
        'In a short statement she said: "Every boat we have is on its way."',
    ]
    assert quoted_speaker(blog, 2) == "Mayor Ada Quist"
    # The false-positive side: a one-word subject ("Police") is no person to lend the quote to.
    closed = [blog[0], "Police have closed the bridge.", '"Stay at home," he said.']
    assert quoted_speaker(closed, 2) == "weather service spokesman Tom Reyes"


@pytest.mark.fast
def test_a_titles_full_stop_ends_no_speakers_name():
    """'..., said Chief Physician Dr. Ane Brekke' names Brekke, not "Chief Physician Dr"; the
    same speaker on both sides is no other speaker."""
    claim = '"Mumps spreads fastest where doses are missing," said Chief Physician Dr. Ane Brekke.'
    text = '"Mumps spreads fastest where doses are missing," said Chief Physician Dr. Ane Brekke, who urged parents to check.'
    assert own_speaker(claim) == "Chief Physician Dr Ane Brekke"
    assert same_speaker(own_speaker(claim), quoted_speaker([text], 0), text)
    assert own_speaker('"We will appeal," said Mr. Adebayo Okon.') == "Mr Adebayo Okon"
    # The false-positive side: a full stop after a name still ends it, and another doctor differs.
    assert own_speaker('"It is over," said Coach Ines Baro. Dr. Lund left.') == "Coach Ines Baro"
    other = '"Mumps spreads fastest where doses are missing," said Chief Physician Dr. Per Holm.'
    assert not same_speaker(own_speaker(claim), quoted_speaker([other], 0), other)


@pytest.mark.fast
def test_a_bulleted_line_gives_its_labelled_speaker():
    """A "what they said" list: '- Chief Prosecutor Ola Brenn: "..."' is Brenn's words, so a claim
    giving them to the defence lawyer quotes another speaker."""
    assert (
        own_speaker('- Chief Prosecutor Ola Brenn: "Nobody is above the law."')
        == "Chief Prosecutor Ola Brenn"
    )
    assert own_speaker('• Defence lawyer Mia Ostrand: "We will appeal."') == "Defence lawyer Mia Ostrand"
    assert own_speaker('* Kari Lunde, who chairs the board: "We are done."') == "Kari Lunde"
    # The false-positive side: a bullet with no name before its colon, or no quote after it.
    assert own_speaker('- The verdict: "guilty on every count".') == ""
    assert own_speaker("- Chief Prosecutor Ola Brenn: twelve witnesses, four weeks.") == ""


@pytest.mark.fast
def test_whoever_speaks_for_another_is_not_that_other():
    """ "Velisk's defence lawyer said" names Velisk as whose lawyer, not as who speaks: the lawyer
    named elsewhere ("His lawyer, Ines Parvan, said") is no other speaker."""
    assert own_speaker("Orlen's defence lawyer announced that they would appeal.") == "defence lawyer"
    assert own_speaker('"We are relieved," said Anna Holt\'s family.') == "family"
    assert own_speaker("Mayor Kjell Orlen's wife said he was at home.") == "wife"
    # The false-positive side: a country's or a body's own voice stays theirs, and a named officer
    # keeps the name.
    assert (
        own_speaker("Armenia's foreign ministry said the talks had failed.") == "Armenia's foreign ministry"
    )
    assert (
        own_speaker("Russia's Foreign Minister Sergei Lavrov said no.")
        == "Russia's Foreign Minister Sergei Lavrov"
    )
    assert own_speaker("Harwick Capital's managing partner said the deal was done.") == (
        "Harwick Capital's managing partner"
    )


CAPTIONS = (
    "[CC] NORDKANAL SPORT — SUNDAY\n"
    ">> STRAND FC WON THE CUP IN EXTRA TIME LAST NIGHT.\n"
    ">> STRAND HEAD COACH ARNE LID:\n"
    ">> WE WERE DEAD AND BURIED AT HALF-TIME. I HAVE NEVER BEEN PROUDER.\n"
    ">> FOR THE VISITORS, A HARD NIGHT. COACH PER VOLD:\n"
    ">> FOOTBALL IS CRUEL.\n"
    ">> THE PARADE IS ON MONDAY.\n"
)


@pytest.mark.fast
def test_a_captions_label_ending_the_line_before_speaks_the_turn():
    """Closed captions give the speaker at the end of the line before the turn (">> STRAND HEAD
    COACH ARNE LID:"), once: the next line is his, and "COACH PER VOLD:" after a sentence is Vold's."""
    label = turn_label(CAPTIONS, CAPTIONS.index("WE WERE DEAD"))
    assert label == "STRAND HEAD COACH ARNE LID"
    assert turn_speaker(label, CAPTIONS) == "Strand Head Coach Arne Lid"
    assert turn_speaker(turn_label(CAPTIONS, CAPTIONS.index("FOOTBALL IS")), CAPTIONS) == "Coach Per Vold"
    # The false-positive side: a line after no label, a caption label without ">>", and a
    # heading's colon in an ordinary article give no turn.
    assert turn_label(CAPTIONS, CAPTIONS.index("THE PARADE")) == ""
    plain = CAPTIONS.replace(">> ", "")
    assert turn_speaker(turn_label(plain, plain.index("WE WERE DEAD")), plain) == ""
    article = "Cup final report\nWHAT THEY SAID:\nThe coach was proud of his side."
    assert turn_label(article, article.index("The coach")) == ""


@pytest.mark.fast
def test_a_quote_credited_after_a_dash_is_its_speakers():
    """A list of quotes: '• Line of the night: "We were dead and buried." — Strand coach Arne Lid'
    is Lid's, not "Line"'s."""
    sentence = '• Line of the night: "We were dead and buried at half-time." — Strand coach Arne Lid'
    assert own_speaker(sentence) == "Strand coach Arne Lid"
    assert own_speaker('"We will appeal." – Velisk\'s lawyer Ines Parvan.') == "lawyer Ines Parvan"
    # The false-positive side: a dash inside a sentence credits nobody.
    assert own_speaker('He called the plan "a disaster" – and walked out.') == ""
    assert own_speaker('The "Green Deal" — a plan from Brussels — failed.') == ""


@pytest.mark.fast
def test_a_pronouns_quote_after_a_post_named_beside_its_holder_is_the_holders():
    """ "REPORTER: The Health Secretary, Ilse Marrow, opened the debate. She ... called it, quote,
    '...'": the quote is Marrow's, not that of the body named in the sentence before."""
    sentences = [
        "The opposition Green Bloc wanted a bigger rise, and its amendment was voted down.",
        "REPORTER: The Health Secretary, Ilse Marrow, opened the debate.",
        'She told the chamber the plan would cost 40 million crowns and called it, quote, "overdue".',
    ]
    assert quoted_speaker(sentences, 2) == "Ilse Marrow"
    assert quoted_speaker([sentences[0], sentences[1][len("REPORTER: ") :], sentences[2]], 2) == "Ilse Marrow"
    # The false-positive sides: no full name beside the post gives the post, not words between
    # commas; a one-word subject after the label is nobody, and the speaker is read further back.
    nameless = sentences[1].replace("Ilse Marrow", "a former nurse")
    assert quoted_speaker([sentences[0], nameless, sentences[2]], 2) == "Health Secretary"
    police = "REPORTER: Police closed the road for an hour."
    assert quoted_speaker([sentences[0], police, sentences[2]], 2) == "opposition Green Bloc"


@pytest.mark.fast
def test_a_byline_or_a_date_line_is_no_speaker_of_the_quote_after_it():
    """A scraped page's byline and date line stand before its first sentence ("..., its owner has
    confirmed"): the quote is no writer's and no date's. The check had rewritten "Brandor admitted
    ..." as "Thursday 20 March admitted ..." for the judging model."""
    confirmed = (
        "The closure will cost 410 jobs, its owner has confirmed, more than the figure given when the "
        "shutdown was announced earlier this month."
    )
    assert quoted_speaker(["By Selma Achterwald, Industry Correspondent", confirmed], 1) == ""
    assert quoted_speaker(["Thursday 20 March 2025, 06:30 | Updated 14:05", confirmed], 1) == ""
    # The false-positive sides: a person named before the quote is still its speaker, a month
    # may be a surname, and a weekday after the name ends it.
    said = '"We knew it," she said.'
    assert (
        quoted_speaker(["Union organiser Maya March met the workers.", said], 1)
        == "Union organiser Maya March"
    )
    assert quoted_speaker(["Mayor Lena Brandt on Tuesday met the workers.", said], 1) == "Mayor Lena Brandt"
    assert quoted_speaker(["Byron Kell, the union's organiser, met the workers.", said], 1) == "Byron Kell"


@pytest.mark.fast
def test_an_aside_in_brackets_or_a_verb_after_and_keeps_the_speaker():
    """ "Tomasz Reyl, organiser for the Federation of Industrial Workers (VFIW), called it '...' and
    said ..." had been given to "and": the bracket broke the appositive, the second verb's subject
    was read as the word before it."""
    sentence = (
        'Aino Brask, regional organiser for the Union of Dock Workers (UDW), called the sale "a betrayal '
        'of the port" and said the union would ballot its members.'
    )
    assert own_speaker(sentence) == "Aino Brask"
    assert own_speaker('"We will fight this," he said and walked out.') == ""
    # The false-positive sides: a party in brackets after a name leaves the name, two people
    # joined by "and" are still the speakers.
    assert own_speaker("Mayor Ana Lee (Green) said the plan was sound.") == "Mayor Ana Lee"
    assert own_speaker("Ana Lee and Tom Ruud said the plan was sound.") == "Ana Lee and Tom Ruud"


@pytest.mark.fast
def test_what_a_claim_calls_something_in_quotes_is_reported_speech():
    claim = 'Harbour master Ilse Dorn called the closure "a hammer blow for Pellmouth".'
    assert reported_speech(claim) == 'the closure "a hammer blow for Pellmouth"'
    # The false-positive side: a call with no quote reports no words.
    assert reported_speech("Harbour master Ilse Dorn called a meeting for Friday.") == ""


@pytest.mark.fast
def test_a_quote_word_for_word_is_the_claims_own_quoted_words():
    claim = 'Councillor Bo Ness warned that the city was signing "a blank cheque" for the ferry.'
    assert quoted_word_for_word(claim, 'Opposition leader Ruth Amsel warned of "a blank cheque".')
    assert quoted_word_for_word(claim, 'She called the vote "a blank cheque for the harbour board".')
    # The false-positive sides: the words unquoted, other words quoted, one content word only.
    assert not quoted_word_for_word(claim, "Critics say the council has signed a blank cheque.")
    assert not quoted_word_for_word(claim, 'Ruth Amsel called it "a cheque left blank".')
    assert not quoted_word_for_word('Ness called it "shameful".', 'Amsel called it "shameful".')


@pytest.mark.fast
def test_a_post_the_text_gives_another_holder_swaps_the_claims_person():
    article = (
        "Petra Vold, regional organiser of the Kiln Workers' Union, said 380 people were affected. "
        "Tarnby's mayor, Ilse Varnum, called the news a hammer blow."
    )
    text = "Tarnby's mayor, Ilse Varnum, called the news a hammer blow."
    swapped = holder_of_another("Petra Vold, Tarnby's mayor, called the news a hammer blow.", text, article)
    assert swapped is not None and (swapped.draft, swapped.source) == ("Petra Vold", "Ilse Varnum")
    assert post_holders("Samir Okafor, who chairs the council's transport committee, urged a yes vote.")
    # The false-positive sides: the article gives the claim's person the post as well, the text's
    # holder is a former one, or the claim names the holder the text names.
    both = f"{article} Petra Vold, Tarnby's mayor since May, spoke too."
    assert holder_of_another("Petra Vold, Tarnby's mayor, spoke.", text, both) is None
    former = "Tarnby's former mayor, Ilse Varnum, called the news a hammer blow."
    assert holder_of_another("Petra Vold, Tarnby's mayor, spoke.", former, f"{article} {former}") is None
    assert holder_of_another("Tarnby mayor Ilse Varnum called it a hammer blow.", text, article) is None


@pytest.mark.fast
def test_a_body_chaired_by_somebody_gives_them_the_chair():
    """ "The licensing panel, chaired by Orla Fenwick," gives Fenwick the chair: a claim giving
    the chair to somebody the article calls something else is a swap."""
    claim = "The licensing panel, chaired by Orla Fenwick, refused the late-night licence."
    assert post_holders(claim) == [({"chair"}, "Orla Fenwick")]
    article = "The panel's chair, Dev Marlowe, read the decision. Councillor Orla Fenwick voted against."
    swapped = holder_of_another(claim, "The panel's chair, Dev Marlowe, read the decision.", article)
    assert swapped is not None and (swapped.draft, swapped.source) == ("Orla Fenwick", "Dev Marlowe")
    # The false-positive sides: the article gives her the chair too, and a march led by somebody
    # (no post of theirs) gives nobody a post.
    hers = "The panel's chair, Orla Fenwick, read the decision."
    assert holder_of_another(claim, hers, hers) is None
    assert post_holders("A march led by Orla Fenwick crossed the bridge.") == []


@pytest.mark.fast
def test_a_turn_label_after_a_time_stamp_or_a_cue_names_its_speaker():
    """Radio transcripts stamp each turn ("07:06 ANJA PETREL (PRESENTER): ...") and play clips
    ("[CLIP] RENATA CALLOW: ..."): those turns had no label at all, so a quote a clip gives one
    speaker was nobody's."""
    show = (
        "KELPIE FM - THE MORNING TIDE\n\n"
        "07:00 NEWSREADER (ELSA MORROW): Good morning. The glassworks will close in September.\n\n"
        "07:06 ANJA PETREL (PRESENTER): Our reporter Colm Hadley is at the gate. Colm?\n\n"
        "COLM HADLEY: Renata Callow from the union was here before six handing out leaflets.\n\n"
        '[CLIP] RENATA CALLOW: "We want a buyer, not a bulldozer."\n\n'
        "ANJA PETREL: Thank you, Colm.\n"
    )
    clip = show.index("We want a buyer")
    assert turn_label(show, clip) == "RENATA CALLOW"
    assert turn_speaker("RENATA CALLOW", show) == "Renata Callow"
    assert turn_label(show, show.index("Our reporter")) == "ANJA PETREL"
    assert turn_label("[17:30:18] VIKTOR HALE: Ilse, Telvara has a problem.", 25) == "VIKTOR HALE"
    # The false-positive sides: a label opening one line of an article that is no transcript, or
    # one the article never names in its own words, is nobody's.
    brief = "STORM WARNING: Roads are closed.\n\nThe council said the bridge will reopen on Friday.\n"
    assert turn_speaker(turn_label(brief, 20), brief) == ""
    assert turn_speaker("ELSA MORROW", show) == ""


@pytest.mark.fast
def test_a_clips_cue_names_who_speaks_in_it():
    """A radio script cues a recorded clip with its speaker ("[CLIP: ORSINA PLEUGER, Mayor of
    Vellschin] ...", or the cue alone on the line before the clip): those clips had no speaker, so
    a claim giving the mayor's words to somebody else was not found."""
    bulletin = (
        "Radio Quorvel - Morning News\n\n"
        "[07:30:05] NEWSREADER (Corsin Haberthal): The dam dispute is going to court.\n\n"
        "[07:30:24] [CLIP: ORSINA PLEUGER, Mayor of Vellschin] We respect the court. But the snow "
        "does not wait for judges.\n\n"
        "[SOT - TOMAS REYVIK, DEPOT MANAGER]\n"
        '"My phone went just before three. The staff did everything right."\n\n'
        "REPORTER: The depot reopens on Monday.\n\n"
        "[CLIP: CHKHETIANI / DUR: 0'09\"]\n"
        '"The mountain gave no warning."\n\n'
        "Rescue chief Marika Chkhetiani led the search.\n"
    )
    snow = bulletin.index("But the snow")
    assert turn_label(bulletin, snow) == "ORSINA PLEUGER"
    assert turn_speaker("ORSINA PLEUGER", bulletin) == "Orsina Pleuger"
    assert turn_label(bulletin, bulletin.index("The staff did")) == "TOMAS REYVIK"
    assert turn_speaker("TOMAS REYVIK", bulletin) == "Tomas Reyvik"
    # A surname alone is the person the article names in full.
    label = turn_label(bulletin, bulletin.index("The mountain"))
    assert turn_speaker(label, bulletin) == "Marika Chkhetiani"
    # The false-positive sides: the turn after a clip is its own label's; a vox pop cue names
    # nobody; a line after a cue that goes on ("[CLIP: ...] text") is no clip alone.
    assert turn_label(bulletin, bulletin.index("The depot reopens")) == "REPORTER"
    vox = '[CLIP: VOX POP, UNNAMED RESIDENT]\n"It is the four o\'clock ones that get you."\n'
    assert turn_label(vox, vox.index("It is")) == ""
    told = "[CLIP: ANNA VOSS, farmer] We lost the barley.\nThe ministry has promised help.\n"
    assert turn_label(told, told.index("The ministry")) == ""


@pytest.mark.fast
def test_a_turn_labelled_by_the_surname_its_cue_gives_in_full_is_that_persons():
    """A bulletin cues a clip with its speaker in full on the line before and labels the one turn
    under it by surname ("[SOT - DAGNY FERRELL, CHIEF EXECUTIVE]" then "FERRELL: ..."): a label
    heading one turn only was nobody's, so a claim giving those words to another was not found."""
    bulletin = (
        "RIVER FM - LUNCHTIME NEWS\n\n"
        "12:00:50 ASHWORTH: The tighter barge limit came in yesterday. The authority's chief spoke to us.\n\n"
        "12:01:02 [SOT - DAGNY FERRELL, CHIEF EXECUTIVE, SULL NAVIGATION AUTHORITY]\n"
        "FERRELL: We are managing a shortage, not solving it. We cannot make it rain.\n"
        "[END SOT]\n\n"
        "12:01:18 ASHWORTH: The hustings is on Wednesday.\n\n"
        "12:01:30 [CLIP - Hennick Moor, farmer, outside the court]\n"
        "MOOR: I don't know if I have the strength for another court.\n\n"
        "12:01:40 ASHWORTH: The Moor family will appeal.\n"
    )
    label = turn_label(bulletin, bulletin.index("We are managing"))
    assert label == "FERRELL"
    assert turn_speaker(label, bulletin) == "Dagny Ferrell"
    # The cue's own name, not a word the article puts before the surname ("The Moor family").
    assert turn_speaker(turn_label(bulletin, bulletin.index("I don't know")), bulletin) == "Hennick Moor"
    # The false-positive side: a one-turn label that no cue names in full is still nobody's, though
    # a cue names somebody else just above it.
    other = bulletin.replace("FERRELL: We are", "VANCE: We are")
    assert turn_speaker("VANCE", other) == ""
    # Nor is a surname two cues give to two people anybody's in particular.
    two = bulletin.replace("12:01:18 ASHWORTH:", "12:01:18 [SOT - ANNA FERRELL, FARMER]\nASHWORTH:")
    assert turn_speaker("FERRELL", two) == ""


@pytest.mark.fast
def test_a_clips_cue_without_brackets_names_who_speaks_in_it():
    """Bulletin transcripts cue a clip without brackets ("CLIP - EDDA LUNMARK, chair ... (0:12):",
    "SOT - AASVOLD: ..."): those clips had no speaker, so a quote given to another was not found."""
    bulletin = (
        "RADIO KESTMOOR 101.2 - EVENING NEWS\n\n"
        "[18:00:05] HANNE ORVIK (newsreader): The water board will close the Tallow Lane pumping "
        "station. Board chair Edda Lunmark says it is too old to repair.\n\n"
        "[18:00:21] CLIP - EDDA LUNMARK, chair, Kestmoor Water Board (0:12): The pumps went in in "
        "1961. We can patch them every winter or build something that lasts.\n\n"
        "[18:00:34] HANNE ORVIK: Councillor Birger Aasvold voted against.\n\n"
        "[18:00:39] CLIP – AASVOLD (ARCHIVE): Nobody has shown us what it will cost households. [inaudible]\n"
        "Reporting from the town hall for Radio Kestmoor.\n\n"
        "01:02 SOT — Dr Ines Falk: The water is safe to drink.\n"
        "CLIP - VOX POP (Tallow Lane): I just want my tap to work.\n"
    )
    assert turn_label(bulletin, bulletin.index("We can patch")) == "EDDA LUNMARK"
    assert turn_speaker("EDDA LUNMARK", bulletin) == "Edda Lunmark"
    assert turn_label(bulletin, bulletin.index("Nobody has shown")) == "AASVOLD"
    assert turn_speaker("AASVOLD", bulletin) == "Birger Aasvold"
    assert turn_label(bulletin, bulletin.index("The water is safe")) == "Ines Falk"
    # The false-positive sides: a bare cue names no speaker of the line after it (only a cue in
    # brackets stands alone on its line), a vox pop names nobody, and prose that
    # opens with the word is no cue.
    assert turn_label(bulletin, bulletin.index("Reporting from")) == ""
    assert turn_label(bulletin, bulletin.index("I just want")) == ""
    prose = "Clip: Watch the mayor's speech below.\nSOT - The council said no.\n"
    assert turn_label(prose, prose.index("Watch")) == ""
    assert turn_label(prose, prose.index("The council")) == ""


@pytest.mark.fast
@pytest.mark.parametrize(
    "speaker, claim, named",
    [
        # The claim's own subject, named in full before its words, whatever role comes first.
        (
            "Councillor Ingrid Maule",
            "Fisheries committee chair Ingrid Maule stood by the quota decision, saying it was sound.",
            True,
        ),
        ("Ewan Scarff", "Ewan Scarff said the quota would be cut.", True),
        # The false-positive side: another's, after the words, or one word only.
        ("Councillor Ingrid Maule", "Ingrid Maule's deputy said the quota was fair.", False),
        ("Councillor Ingrid Maule", "A lawyer for Ingrid Maule said the quota was fair.", False),
        ("Councillor Ingrid Maule", "Ewan Scarff said Ingrid Maule had cut the quota.", False),
        ("Maule", "Committee chair Ingrid Maule stood by it, saying it was sound.", False),
        ("Councillor Ingrid Maule", "Ingrid Maule cut the quota.", False),
    ],
)
def test_a_speaker_named_in_full_before_the_claims_words_is_its_subject(speaker, claim, named):
    assert named_before_speech(speaker, claim) is named
