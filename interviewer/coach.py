"""Coaching during and after practice: coverage so far (the --coach panel), /hint, and the
final report. All of it is the scoring chain run on the turns so far."""

from __future__ import annotations

from interviewer import prompts
from interviewer.models import CRITERIA, Brief, Persona, Report, Role, Transcript
from interviewer.scoring.chain import score

# The order a candidate would naturally get to things in a second interview.
_HINT_ORDER = ("role_vision", "ballpark_check", "goals_alignment", "mutual_fit", "compensation", "next_steps")


def coverage(transcript: Transcript) -> dict[str, str]:
    """Criterion -> verdict on the turns so far: the scoring chain, offline (milliseconds)."""
    report = score(transcript)
    return {c: report.verdict(c) for c in CRITERIA}


def context(persona: Persona, role: Role | None) -> dict[str, str]:
    from interviewer.wording import role_values

    base = {"role_title": role.title if role else persona.role_title, "company": role.company if role else persona.company}
    return role_values(base) | {"interviewer": persona.name}


def hint(transcript: Transcript, persona: Persona, role: Role | None = None) -> str:
    done = coverage(transcript)
    hints = prompts.data("hints.toml")
    values = context(persona, role)
    for cid in _HINT_ORDER:
        if done[cid] == "covered" or done[cid] == "not_applicable":
            continue  # pay that hasn't come up is raised last, below
        return prompts.fill(hints[cid], **values)
    if done["compensation"] == "not_applicable":
        return prompts.fill(hints["compensation"], **values)
    return prompts.fill(hints["done"], **values)


def final_report(transcript: Transcript, persona: Persona, role: Role | None = None, judge=None, label: str = "model",
                 brief: Brief | None = None) -> Report:
    report = score(transcript, "json", context(persona, role), judge=judge, label=label)
    if brief is not None:
        from interviewer.prep import check_plan

        report.planned = check_plan(brief, transcript)
    return report
