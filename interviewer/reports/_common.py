"""Helpers shared by the human-readable renderers: order, labels, marks, summary."""

from __future__ import annotations

from collections.abc import Iterable

from interviewer.models import CORE_CRITERIA, CriterionResult, Report

from interviewer.criteria import VERDICT_LABEL, VERDICT_MARK  # noqa: E402  (spelled once, in prompts/rubric.toml)

REPORT_TITLE = "Second interview report"
LABEL_DID = "What you did"
LABEL_EVIDENCE = "Evidence"
LABEL_ATTEMPT = "Your closest attempt"  # a partial verdict's evidence is what came nearest, not proof


def evidence_label(c: CriterionResult) -> str:
    return LABEL_ATTEMPT if c.verdict == "partial" else LABEL_EVIDENCE
LABEL_WHY = "Why it matters"
LABEL_TRY = "Try saying"
LABEL_FEEDBACK = "Summary"
LABEL_NOTES = "Notes"
LABEL_PLANNED = "Your brief's planned questions"

_QUOTE_CHARS = "\"'“”‘’"


def title(c: CriterionResult) -> str:
    return c.title.strip() or c.id


def is_core(c: CriterionResult) -> bool:
    return c.id in CORE_CRITERIA


def mark(verdict: str) -> str:
    return VERDICT_MARK.get(verdict, "?")


def label(verdict: str) -> str:
    return VERDICT_LABEL.get(verdict, verdict.replace("_", " "))


def ordered(criteria: Iterable[CriterionResult]) -> list[CriterionResult]:
    """Core criteria first (in CORE_CRITERIA order), then the rest in their given order."""
    indexed = list(enumerate(criteria))

    def key(item: tuple[int, CriterionResult]) -> tuple[int, int]:
        i, c = item
        if is_core(c):
            return (0, CORE_CRITERIA.index(c.id))
        return (1, i)

    return [c for _, c in sorted(indexed, key=key)]


def curly(text: str) -> str:
    """Wrap in typographic quotes, without doubling quotes that already surround the text."""
    t = text.strip()
    if len(t) >= 2 and t[0] in _QUOTE_CHARS and t[-1] in _QUOTE_CHARS:
        t = t[1:-1].strip()
    return f"“{t}”"


def show_feedback(c: CriterionResult) -> bool:
    """`feedback` is the one-paragraph summary of did/why/try_saying: shown only when those are empty."""
    return bool(c.feedback.strip()) and not (c.did.strip() or c.why.strip() or c.try_saying.strip())


def header_fields(report: Report) -> list[tuple[str, str]]:
    # Practice without --name leaves the placeholder name "Candidate": say "You", not "Candidate  Candidate".
    name = report.candidate.strip()
    rows = [("Candidate", "You" if name.lower() in ("", "candidate") else name)]
    if report.interviewer:
        rows.append(("Interviewer", report.interviewer))
    if report.role:
        rows.append(("Role", report.role))
    rows.append(("Turns", str(report.turns)))
    rows.append(("Transcript format", report.format))
    if report.source:
        rows.append(("Source", report.source))
    rows.append(("Scorer", report.scorer))
    return rows


def _part(name: str, items: list[CriterionResult]) -> str:
    na = sum(c.verdict == "not_applicable" for c in items)
    covered = sum(c.verdict == "covered" for c in items)
    partial = sum(c.verdict == "partial" for c in items)
    s = f"{name}: {covered} of {len(items) - na} covered"
    if partial:
        s += f", {partial} partial"
    if na:
        s += f" ({na} not applicable)"
    return s


def summary_line(report: Report) -> str:
    core = [c for c in report.criteria if is_core(c)]
    other = [c for c in report.criteria if not is_core(c)]
    parts = []
    if core:
        parts.append(_part("Core", core))
    if other:
        parts.append(_part("Other", other))
    return " · ".join(parts) if parts else "No criteria scored"
