"""Rich terminal output; also exportable as plain text."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from interviewer.models import CriterionResult, Report
from interviewer.sanitize import SafeConsole

from . import _common as C

VERDICT_STYLE = {"covered": "green", "partial": "yellow", "missed": "red", "not_applicable": "dim"}
CORE_STYLE = "bold cyan"


def _style(verdict: str) -> str:
    return VERDICT_STYLE.get(verdict, "")


def _verdict(c: CriterionResult) -> Text:
    return Text(f"{C.mark(c.verdict)} {C.label(c.verdict)}", style=_style(c.verdict))


def _labelled(name: str, value: str | Text) -> Text:
    return Text.assemble((f"{name}: ", "bold"), value)


def _header(report: Report) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for k, v in C.header_fields(report):
        grid.add_row(Text(k), Text(v))
    body = Group(grid, Text(""), Text(C.summary_line(report), style="bold"))
    return Panel(body, title=Text(C.REPORT_TITLE, style="bold"), title_align="left", box=box.ROUNDED)


def _table(criteria: list[CriterionResult]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Criterion")
    table.add_column("", no_wrap=True)
    table.add_column("Verdict", no_wrap=True)
    for c in criteria:
        table.add_row(Text(C.title(c)), Text("core", style=CORE_STYLE) if C.is_core(c) else Text(""), _verdict(c))
    return table


def _criterion(c: CriterionResult) -> Panel:
    parts: list[RenderableType] = [_labelled("Verdict", _verdict(c))]
    if c.did.strip():
        parts.append(_labelled(C.LABEL_DID, c.did))
    if c.evidence:
        parts.append(Text(f"{C.evidence_label(c)}:", style="bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column()
        for e in c.evidence:
            grid.add_row(Text(f"  Turn {e.turn}:"), Text(C.curly(e.quote), style="italic"))
        parts.append(grid)
    if c.why.strip():
        parts.append(_labelled(C.LABEL_WHY, c.why))
    if c.try_saying.strip():
        parts.append(_labelled(C.LABEL_TRY, C.curly(c.try_saying)))
    if C.show_feedback(c):
        parts.append(_labelled(C.LABEL_FEEDBACK, c.feedback))
    title = Text.assemble((f"{C.mark(c.verdict)} ", _style(c.verdict)), (C.title(c), "bold"))
    if C.is_core(c):
        title.append("  core", style=CORE_STYLE)
    return Panel(Group(*parts), title=title, title_align="left", border_style=_style(c.verdict) or "none")


def renderables(report: Report) -> list[RenderableType]:
    criteria = C.ordered(report.criteria)
    out: list[RenderableType] = [_header(report), _table(criteria)]
    out += [_criterion(c) for c in criteria]
    if report.planned:
        rows = Group(*(Text.assemble(("✓ " if p.asked else "✗ ", "green" if p.asked else "red"), p.question,
                                     (f"  (turn {p.turn})" if p.turn else "", "dim")) for p in report.planned))
        out.append(Panel(rows, title=Text(C.LABEL_PLANNED, style="bold"), title_align="left"))
    if report.notes:
        notes = Group(*(Text.assemble("• ", n) for n in report.notes))
        out.append(Panel(notes, title=Text(C.LABEL_NOTES, style="bold"), title_align="left"))
    return out


def print_report(report: Report, console: Console) -> None:
    for r in renderables(report):
        console.print(r)


def render_terminal(report: Report) -> str:
    console = SafeConsole(record=True, width=100, file=io.StringIO(), color_system=None, emoji=False, highlight=False)
    print_report(report, console)
    text = console.export_text(styles=False)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
