"""The wording helpers (interviewer/wording.py): defined once, used by the report's feedback, the
coach, prep and history, none of which reach into the scorer's feedback module for them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from interviewer import wording
from interviewer.scoring import feedback

PACKAGE = Path(wording.__file__).parent


def test_feedback_uses_the_same_helpers():
    assert feedback.as_clause is wording.as_clause and feedback.role_values is wording.role_values
    assert feedback.tidy is wording.tidy


@pytest.mark.parametrize("module", ["prep.py", "coach.py", "history.py", "debrief.py", "web/app.py"])
def test_wording_comes_from_the_public_module(module):
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert "interviewer.scoring.feedback" not in imported and "interviewer.scoring.rubric" not in imported


@pytest.mark.parametrize(("said", "clause"), [
    ("So I think the CRM rollout is the real issue.", "the CRM rollout is the real issue"),
    ("Honestly, my read is that renewals lag in the north!", "renewals lag in the north"),
    ("The data is messy.", "the data is messy"),
    ("Power BI reports are built by hand.", "Power BI reports are built by hand"),
    ("i'd start with the renewals", "I'd start with the renewals"),
])
def test_as_clause(said, clause):
    assert wording.as_clause(said) == clause


def test_role_values_read_naturally_with_or_without_a_role():
    named = wording.role_values({"role_title": "Data Analyst", "company": "Acme Water"})
    assert named["the_role"] == "the Data Analyst role" and named["at_company"] == " at Acme Water"
    blank = wording.role_values({})
    assert blank["the_role"] == "this role" and blank["at_company"] == "" and "{" not in "".join(blank.values())


def test_tidy():
    assert wording.tidy("“It lags.”.  Then , more .") == "“It lags.” Then, more."
