"""Questions a hiring manager owns (how they work with people, who approves what, how often you'd
meet, what they want first) are answered in character from the persona's facts, or the neutral
default in prompts/questions.toml, never sent to the recruiter (issue 11, notes_round4). Questions
that really are HR's (parking, visa paperwork) keep the honest deferral."""

from __future__ import annotations

import pytest

from interviewer import bank, guards
from interviewer.dialogue import Interview
from interviewer.personas import adapt, all_personas, load_example_role, load_persona

SHIPPED = all_personas()
CUSTOM = [adapt(load_persona(), load_example_role(r)) for r in ("clinic-nurse", "water-analyst")]
PERSONAS = [pytest.param(p, id=p.name) for p in SHIPPED] + [
    pytest.param(p, id=f"custom-{r}") for p, r in zip(CUSTOM, ("clinic-nurse", "water-analyst"))]

# (question, the persona field that owns the answer)
MANAGER_OWNED = [
    ("How do you like to work with your team?", "management_style"),
    ("How would you work with the person in this role?", "management_style"),
    ("How do you give feedback?", "management_style"),
    ("How often would we meet?", "management_style"),
    ("How do you handle disagreements on the team?", "management_style"),
    ("Who approves an exception?", "decision_rights"),
    ("Who has the final say on decisions like that?", "decision_rights"),
    ("How are decisions made here?", "decision_rights"),
    ("What would you want from me in the first month?", "success"),
    ("What do you expect from me in the first few weeks?", "success"),
    ("What does a good working relationship with you look like?", "management_style"),
    ("How much latitude would I have to change procedures?", "decision_rights"),
    ("What do you love most about working here?", "interviewer_enjoys"),
]

HR_OWNED = ["What's the parking situation?", "Who handles the visa paperwork?"]


def _answer(persona, question: str) -> str:
    iv = Interview(persona, None, seed=1)
    iv.start()
    return " ".join(iv._hear(question).answers)


def _others(persona) -> set[str]:
    """Other personas' names and companies this persona's own data never mentions."""
    own = str(persona.model_dump())
    return {x for p in SHIPPED for x in (p.name, p.company) if x and x not in own}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("question,field", MANAGER_OWNED)
def test_a_manager_owned_question_is_answered_in_character(persona, question, field):
    said = _answer(persona, question)
    fact = bank.fact(persona, field)
    assert fact, f"{persona.name} has no {field} and no default"
    # whoever the persona sends questions to is named only where its own fact names them
    for who in ("recruiter", "Human Resources", " HR", "Talent Acquisition", persona.refer_to):
        assert who not in said or who in fact, said
    assert said not in persona.deflections
    assert guards.sentences(fact)[0] in said, (question, said)
    assert not [n for n in _others(persona) if n in said], said


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("question", HR_OWNED)
def test_an_hr_owned_question_still_defers_honestly(persona, question):
    said = _answer(persona, question)
    assert persona.refer_to in said, said
    assert not [n for n in _others(persona) if n in said], said


def test_the_decision_default_names_no_one_and_no_figure():
    text = bank.fact(CUSTOM[0], "decision_rights")
    assert text and not any(c.isdigit() for c in text)
    assert not [n for n in _others(CUSTOM[0]) if n in text]
