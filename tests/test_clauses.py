"""Splitting a compound claim into clauses (`rag.clauses`): each boundary with the case it was
written for, and the coordinations that are no boundary."""

from __future__ import annotations

import pytest

from rag.clauses import split_clauses


@pytest.mark.parametrize(
    ("claim", "clauses"),
    [
        (  # a verb of the same form continues the subject, without its apposition
            "Atalaia-1, the first satellite built in Tarvalia, weighs 118 kilograms and carries a camera "
            "with a resolution of three metres.",
            [
                "Atalaia-1, the first satellite built in Tarvalia, weighs 118 kilograms.",
                "Atalaia-1 carries a camera with a resolution of three metres.",
            ],
        ),
        (  # a second infinitive
            "The council expects the repairs to cost £2.6 million and to start in spring 2026.",
            [
                "The council expects the repairs to cost £2.6 million.",
                "The council expects the repairs to start in spring 2026.",
            ],
        ),
        (  # past tense continued, an opening phrase kept
            "While finance director, Martin Albury invented two suppliers and approved 214 invoices from them.",
            [
                "While finance director, Martin Albury invented two suppliers.",
                "While finance director, Martin Albury approved 214 invoices from them.",
            ],
        ),
        (  # ", and" with a subject of its own
            "Calder Estates is paying £19.5 million for the ground, and the club will rent it back for 25 years.",
            [
                "Calder Estates is paying £19.5 million for the ground.",
                "The club will rent it back for 25 years.",
            ],
        ),
        (  # a modal continues the first verb, not a noun before it
            "The measles campaign aims to reach 450,000 children and will send 120 mobile units to schools.",
            [
                "The measles campaign aims to reach 450,000 children.",
                "The measles campaign will send 120 mobile units to schools.",
            ],
        ),
        (  # ", and" before a name
            "Northlight led the £14 million round in Quillmesh, and Northlight partner Gemma Hartigan joins "
            "its board.",
            [
                "Northlight led the £14 million round in Quillmesh.",
                "Northlight partner Gemma Hartigan joins its board.",
            ],
        ),
        (  # ", and" before a count of its own
            "About 4,000 workers were paid overnight, and another 600 are expected to be paid by Friday.",
            ["About 4,000 workers were paid overnight.", "Another 600 are expected to be paid by Friday."],
        ),
        (  # a speaker named last speaks every clause
            "The SES has received about 5,000 calls and has finished two-thirds of the jobs, "
            "spokeswoman Laura Goodin said.",
            [
                "The SES has received about 5,000 calls, spokeswoman Laura Goodin said.",
                "The SES has finished two-thirds of the jobs, spokeswoman Laura Goodin said.",
            ],
        ),
        (  # a concession
            "The ferry was carrying 96 people even though it was licensed for only 80.",
            ["The ferry was carrying 96 people.", "It was licensed for only 80."],
        ),
        (  # "then" after the comma: the clause's own subject follows it
            "Jonas Vik equalised from the penalty spot, and then Mats Lund won it in the 85th minute.",
            ["Jonas Vik equalised from the penalty spot.", "Mats Lund won it in the 85th minute."],
        ),
    ],
)
def test_a_compound_claim_splits_into_clauses(claim, clauses):
    assert split_clauses(claim) == clauses


@pytest.mark.parametrize(
    "claim",
    [
        "The Saint Brennock was carrying 212 passengers and 31 crew when fire broke out.",  # two counts
        "Atalaia-1 is the first satellite designed and built in Tarvalia.",  # two verbs, one object
        "The campaign will send mobile units to schools, markets and neighbourhoods across the country.",
        "Under the new laws, hospitals and doctors must seek consent before collecting information.",
        "He died on Friday with devotees chanting and praying at his bedside.",
        "Rising health costs are driven by new technology and escalating prices in the private sector.",
        'The professor warned that "real waste is cold, wet, lumpy and mixed up with everything else".',
        "The council approved it and won.",  # too short to check alone
        "The council met on Monday and then voted to close the pool.",  # no comma: one clause
        '"We lost everything, and the insurers will not pay," Mr Smith said.',  # inside a quote
        "The thieves who raided the museum got in through a skylight and were gone in minutes.",
    ],
)
def test_a_coordination_inside_a_clause_is_no_boundary(claim):
    assert split_clauses(claim) == [claim]
