"""Feedback for one criterion: what the candidate did (quoted — for a miss, their closest
attempt, or plainly that there was none), why it matters, and a line they could have said,
built from their own read and role. Wording comes from prompts/rubric.toml and feedback.toml."""

from __future__ import annotations

import re

from interviewer import prompts
from interviewer.models import CriterionResult, Evidence
from interviewer.scoring import rules
from interviewer.scoring.rubric import Criterion
from interviewer.scoring.rules import RuleFinding
from interviewer.scoring.signals import Reading
# The wording helpers live in interviewer.wording (prep, coach and history use them too); names kept here.
from interviewer.wording import as_clause, role_values, tidy  # noqa: F401

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_MAX_WORDS = 30


def _words() -> dict[str, str]:
    return prompts.data("feedback.toml")


def _sentence(text: str) -> str:
    """The candidate's words as a whole sentence, as they said them (ending with a stop)."""
    t = " ".join(text.split())
    return t if t[-1:] in ".!?…" else t + "."


def _short(text: str) -> str:
    ws = text.split()
    return " ".join(ws[:_MAX_WORDS]) + (" …" if len(ws) > _MAX_WORDS else "")


def closest_attempt(criterion_id: str, reading: Reading | None) -> Evidence | None:
    """For a miss: the candidate sentence that came nearest the criterion (a sign of it at all)."""
    if reading is None:
        return None
    for s in reading.sentences:
        if rules.carries_signal(criterion_id, s.text):
            return Evidence(turn=s.turn, quote=s.text)
    return None


def own_read(reading: Reading | None, finding: RuleFinding | None) -> str:
    """The candidate's own read of the role, as a clause (for 'am I in the ballpark on that?')."""
    if finding and finding.evidence and finding.observation:
        return as_clause(_short(finding.evidence[0].text))
    if reading is not None:
        reads, _ = rules.vision_sentences(reading)
        if reads:
            return as_clause(_short(reads[0].text))
    return ""


def try_saying(criterion: Criterion, context: dict[str, str], observation: str = "", attempt: str = "",
               detail: str = "") -> str:
    """The line to say: the candidate's partial answer kept and completed when there is one, else
    the rubric's line with their read and role filled in, else its plain default."""
    values = role_values(context) | {"observation": observation, "attempt": attempt, "approach": attempt}
    candidates = []
    if attempt:
        candidates += [criterion.text(f"try_saying_partial_{detail}"), criterion.text("try_saying_partial")]
    candidates += [criterion.try_saying, criterion.try_saying_default]
    for template in candidates:
        if not template:
            continue
        needs = [k for k in ("observation", "attempt", "approach") if f"{{{k}}}" in template]
        if all(values[k] for k in needs):
            line = tidy(prompts.fill(template, **values))
            if not _PLACEHOLDER.search(line):
                return line
    return ""


def _attempt_for_line(criterion_id: str, verdict: str, finding: RuleFinding | None) -> tuple[str, str]:
    """(their words to keep in the line, which half was missing) for a partial answer."""
    if verdict != "partial" or not finding or not finding.evidence:
        return "", ""
    said = _short(finding.evidence[0].text)
    if criterion_id == "role_vision":
        # Only an approach without a read is kept whole: a read without an approach goes in {observation}.
        return (as_clause(said) + ".", "read") if finding.detail == "read" else ("", finding.detail)
    return _sentence(said), finding.detail


def describe(
    criterion: Criterion,
    verdict: str,
    evidence: list[Evidence],
    finding: RuleFinding | None,
    context: dict[str, str],
    suggestion: str = "",
    reading: Reading | None = None,
) -> CriterionResult:
    w = _words()
    detail = ""
    if verdict == "partial" and finding and finding.detail:
        detail = criterion.text({"approach": "missing_approach", "read": "missing_read", "goals": "missing_goals_only",
                                 "success": "missing_success_only"}.get(finding.detail, ""), "")
    did = prompts.fill(criterion.text(f"did_{verdict}", criterion.did_missed), missing=detail or "not all of it")
    attempt: Evidence | None = None
    if verdict == "partial" and evidence:
        attempt = evidence[0]
    elif verdict == "missed":
        attempt = closest_attempt(criterion.id, reading)
    closest = prompts.fill(w["closest"], turn=attempt.turn, quote=attempt.quote.strip()) if attempt else w["no_attempt"]
    if verdict == "missed":  # a partial's attempt is its evidence, shown under its own label
        did += " " + closest
    did = tidy(did)
    quoted = ""
    if evidence and verdict == "covered":
        quoted = " " + "; ".join(f"Turn {e.turn}: “{e.quote.strip()}”" for e in evidence[:2]) + "."
    elif verdict == "partial":
        quoted = " " + closest
    line = ""
    if verdict in ("partial", "missed"):
        kept, half = _attempt_for_line(criterion.id, verdict, finding)
        observation = own_read(reading, finding) if criterion.id in ("role_vision", "ballpark_check") else ""
        # A model's line may stand in for a miss, never for the candidate's own partial answer.
        line = (suggestion if verdict == "missed" else "") or try_saying(criterion, context, observation, kept, half)
    why = "" if verdict == "not_applicable" else criterion.why
    parts = [did + quoted, why] + ([prompts.fill(w["could_have_said"], line=line)] if line else [])
    return CriterionResult(
        id=criterion.id,
        title=criterion.title,
        verdict=verdict,  # type: ignore[arg-type]
        evidence=evidence,
        did=did,
        why=why,
        try_saying=line,
        feedback=tidy(" ".join(p for p in parts if p)),
    )
