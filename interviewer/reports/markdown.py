"""GitHub-flavoured Markdown."""

from __future__ import annotations

from interviewer import sanitize
from interviewer.models import CriterionResult, Report

from . import _common as C

# One escaping for every Markdown document the tool writes (see interviewer/sanitize.py).
md = sanitize.md


def _title(c: CriterionResult) -> str:
    return md(C.title(c)) + (" (core)" if C.is_core(c) else "")


def _verdict(c: CriterionResult) -> str:
    return f"{C.mark(c.verdict)} {C.label(c.verdict)}"


def _criterion(c: CriterionResult) -> list[str]:
    out = [f"## {C.mark(c.verdict)} {_title(c)}", "", f"**Verdict:** {_verdict(c)}", ""]
    if c.did.strip():
        out += [f"**{C.LABEL_DID}:** {md(c.did)}", ""]
    if c.evidence:
        out += [f"**{C.evidence_label(c)}:**", ""]
        quotes = [f"> **Turn {e.turn}:** {md(C.curly(e.quote))}" for e in c.evidence]
        out += ["\n>\n".join(quotes), ""]
    if c.why.strip():
        out += [f"**{C.LABEL_WHY}:** {md(c.why)}", ""]
    if c.try_saying.strip():
        out += [f"**{C.LABEL_TRY}:** {md(C.curly(c.try_saying))}", ""]
    if C.show_feedback(c):
        out += [f"**{C.LABEL_FEEDBACK}:** {md(c.feedback)}", ""]
    return out


def render_markdown(report: Report) -> str:
    criteria = C.ordered(report.criteria)
    out = [f"# {C.REPORT_TITLE}", ""]
    out += [f"- **{k}:** {md(v)}" for k, v in C.header_fields(report)]
    out += ["", f"**{md(C.summary_line(report))}**", ""]
    out += ["| Criterion | Verdict |", "|---|---|"]
    out += [f"| {_title(c)} | {_verdict(c)} |" for c in criteria]
    out.append("")
    for c in criteria:
        out += _criterion(c)
    if report.planned:
        out += [f"## {C.LABEL_PLANNED}", ""]
        out += [f"- {'✓ asked' if p.asked else '✗ not asked'}: {md(p.question)}" + (f" (turn {p.turn})" if p.turn else "")
                for p in report.planned]
        out.append("")
    if report.notes:
        out += [f"## {C.LABEL_NOTES}", ""]
        out += [f"- {md(n)}" for n in report.notes]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
