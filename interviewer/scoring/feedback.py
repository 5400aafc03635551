"""Feedback for one criterion: what the candidate did (quoted), why it matters, and a line
they could have said in this interview's context. Wording comes from the rubric file."""

from __future__ import annotations

from interviewer.models import CriterionResult, Evidence
from interviewer.prompts import fill
from interviewer.scoring.rubric import Criterion
from interviewer.scoring.rules import RuleFinding


def try_saying(criterion: Criterion, context: dict[str, str], observation: str = "") -> str:
    values = dict(context, observation=observation)
    needs = [k for k in ("role_title", "company", "observation") if f"{{{k}}}" in criterion.try_saying]
    if all(values.get(k) for k in needs):
        return fill(criterion.try_saying, **values)
    return fill(criterion.try_saying_default, **values)


def describe(
    criterion: Criterion,
    verdict: str,
    evidence: list[Evidence],
    finding: RuleFinding | None,
    context: dict[str, str],
    suggestion: str = "",
) -> CriterionResult:
    detail = ""
    if verdict == "partial" and finding and finding.detail:
        detail = criterion.text({"approach": "missing_approach", "read": "missing_read", "goals": "missing_goals_only",
                                 "success": "missing_success_only"}.get(finding.detail, ""), "")
    did = fill(criterion.text(f"did_{verdict}", criterion.did_missed), missing=detail or "not all of it")
    quoted = ""
    if evidence and verdict != "not_applicable":
        quoted = " " + "; ".join(f"Turn {e.turn}: “{e.quote}”" for e in evidence[:2]) + "."
    line = ""
    if verdict in ("partial", "missed"):
        line = suggestion or try_saying(criterion, context, finding.observation if finding else "")
    why = "" if verdict == "not_applicable" else criterion.why
    parts = [did + quoted, why] + ([f"You could have said: “{line}”"] if line else [])
    return CriterionResult(
        id=criterion.id,
        title=criterion.title,
        verdict=verdict,  # type: ignore[arg-type]
        evidence=evidence,
        did=did,
        why=why,
        try_saying=line,
        feedback=" ".join(p for p in parts if p),
    )
