"""Shared steps for the dialogue tests: walk a scripted interview (no model) to a stage."""

from __future__ import annotations

from interviewer.dialogue import Interview
from interviewer.personas import all_personas, load_persona

PERSONAS = [p.id for p in all_personas()]
SALES = load_persona("sales-manager")  # $68,000 to $82,000
# A substantive answer: long enough and specific enough that no stage probes it again.
LONG = "I think the pipeline data in the CRM is inconsistent between branches and I'd standardize it first."


def at_stage(stage: str, persona_id: str = "sales-manager", seed: int = 1) -> Interview:
    """The interview as the plan reaches `stage`, after substantive answers (and no questions of theirs)."""
    iv = Interview(load_persona(persona_id), None, seed=seed)
    iv.start()
    while iv.state.stage != stage:
        iv.respond(LONG if iv.state.stage != "questions" else "No, that's all.")
    return iv


def at_questions(persona_id: str = "sales-manager", seed: int = 1) -> Interview:
    return at_stage("questions", persona_id, seed)
