"""The interviewer's reading of what a candidate's question is about (`dialogue.route_question`),
on clear cases and on the development question set (benchmarks/question_sets/dev1.tsv, written by
an independent writer; a regression floor, not a measure of generalisation - the held-out figures
are in benchmarks/listening.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from interviewer.dialogue import route_question
from interviewer.personas import load_persona

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from question_routing import SAME, load  # noqa: E402

PERSONA = load_persona("nurse-manager")


@pytest.mark.parametrize("question, topic", [
    ("What does a typical week look like?", "typical_week"),
    ("Why is this role open?", "why_open"),
    ("Where would I park?", "practical"),
    ("What do you mean by that?", "none"),
    ("What are the next steps after today?", "process"),
    ("What's the salary range for this job?", "pay"),
])
def test_clear_questions_are_routed_to_their_topic(question, topic):
    assert route_question(question, PERSONA) == topic


def test_a_statement_is_not_routed_as_a_question():
    assert route_question("I ran the night shift for three years.", PERSONA) == "not_a_question"


DEV_FLOOR = 0.33  # at 7550389 the set scored .342 (.339 once the benchmark routed the loop's own way); raise it as the reading improves


def test_development_question_set_meets_its_floor():
    rows = load(ROOT / "benchmarks" / "question_sets" / "dev1.tsv")
    right = sum(route_question(q, PERSONA) in (t,) + tuple(b for a, b in SAME if a == t) for t, _, _, q in rows)
    assert right / len(rows) >= DEV_FLOOR
