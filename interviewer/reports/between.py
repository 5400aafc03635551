"""The brief, the debrief and the history, as documents and pages."""

from __future__ import annotations


from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from interviewer.history import History, score_label, sparkline
from interviewer.models import CRITERIA, Brief, Debrief
from interviewer.sanitize import html as escape
from interviewer.sanitize import md
from interviewer.criteria import LABEL, SHORT, TITLE, VERDICT_LABEL, VERDICT_MARK

from . import _common as C
from . import document as D
from .html import page

def _mark(verdict: str | None) -> str:
    return C.mark(verdict) if verdict else " "


def brief_document(b: Brief) -> D.Document:
    return D.Document(
        title=f"Preparation brief: {b.role_title or 'second interview'}",
        meta=[("Company", b.company), ("Meeting", b.interviewer), ("Prepared", b.created_at.date().isoformat() if b.created_at else "")],
        sections=[
            D.Section(heading="My read of the landscape", text=b.landscape),
            D.Section(heading="Pitfalls and challenges I expect", items=b.pitfalls),
            D.Section(heading="How I'd approach the first months", text=b.approach),
            D.Section(heading="Observations to check (am I in the ballpark?)", items=b.ballpark_questions),
            D.Section(heading="Goals, and how this job supports them", items=b.goals_questions),
            D.Section(heading="The boss and the team", items=b.boss_questions),
            D.Section(heading="Pay", text=b.pay_range),
            D.Section(heading="Closing: next steps", items=b.next_step_questions),
            D.Section(heading="Sharper phrasings (suggested)", items=b.suggestions),
            D.Section(heading="Still to prepare", items=b.gaps),
        ],
    )


def debrief_document(d: Debrief, report: dict | None = None) -> D.Document:
    sections = [
        D.Section(heading="Topics", text=d.topics),
        D.Section(heading="How it felt, during", text=d.felt_during),
        D.Section(heading="And afterwards", text=d.felt_after),
        D.Section(heading="The job", text=d.job_impressions),
        D.Section(heading="The people", text=d.people_impressions),
        D.Section(heading="The possible boss", text=d.boss_impressions),
        D.Section(heading="Aha!", items=d.ahas),
        D.Section(heading="The next step, as they put it", text=d.stated_next_step),
        D.Section(heading="Follow-ups I owe", items=d.follow_ups),
    ]
    if report:
        sections.append(D.Section(heading="Transcript review", items=[
            f"{_mark(c['verdict'])} {TITLE[c['id']]}: {c['verdict'].replace('_', ' ')}" for c in report["criteria"]]))
    return D.Document(
        title=f"Debrief: {d.role_title or 'interview'}" + (f" at {d.company}" if d.company else ""),
        meta=[("Date", d.interview_date), ("Met", d.interviewer), ("Debrief id", d.id or "")],
        sections=sections,
    )


# --- history -------------------------------------------------------------------------------

_CHART_LABEL = LABEL  # spelled once, in prompts/rubric.toml
CRITERION_LABEL = _CHART_LABEL  # short names, for tables too (interviewer serve's history)
_SHORT = SHORT  # one word per criterion, spelled in prompts/rubric.toml


def _whose(r) -> str:
    return "you" if r.owner == "own" else f"other: {r.who}" if r.who else "someone else"


def _source(r) -> str:
    """The transcript's file name (not its folders), or the practice session."""
    return r.source.replace("\\", "/").rsplit("/", 1)[-1] if r.source else ""


def _most_missed(h: History) -> str:
    return ", ".join(f"{TITLE[c]} ({n}×)" for c, n in h.most_missed[:3])


_COUNTS_NOTE = "Trends and most often missed count only your own interviews (not demos, not other people's)."


def print_history(h: History, console: Console) -> None:
    from rich.markup import escape as rich_escape
    from rich.text import Text

    if not h.rows:
        console.print("Nothing yet: `interviewer practice`, `interviewer review FILE` and `interviewer debrief` fill this in.")
        return
    wide = console.width >= 130
    table = Table(title="Your second-interview history", padding=(0, 1), box=None if not wide else box.HEAVY_HEAD)
    table.add_column("date", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("id", no_wrap=True)
    table.add_column("whose" if wide else "role / whose", overflow="ellipsis", max_width=14 if wide else 16, no_wrap=True)
    if wide:
        table.add_column("source", overflow="ellipsis", max_width=16, no_wrap=True)
        table.add_column("role", overflow="ellipsis", max_width=14, no_wrap=True)
        for c in CRITERIA:
            table.add_column(_SHORT[c], justify="center", no_wrap=True)
    else:  # narrow: the six verdicts as one column, in the order of the legend below
        table.add_column("verdicts", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    for r in h.rows:
        marks = [Text(_mark(r.verdicts.get(c)), style=_STYLE.get(r.verdicts.get(c) or "", "")) for c in CRITERIA]
        whose = Text(_whose(r), style="" if r.owner == "own" else "dim")
        if wide:
            table.add_row(Text(r.date), Text(r.kind), Text(r.id), whose, Text(_source(r)), Text(r.role), *marks, score_label(r.verdicts))
        else:
            # one column: your own rows show their role; someone else's say whose they are first
            label = (r.role or "you") if r.owner == "own" else _whose(r) + (f" · {r.role}" if r.role else "")
            whose = Text(label, style=whose.style)
            table.add_row(Text(r.date), Text(r.kind), Text(r.id), whose, Text(" ").join(marks), score_label(r.verdicts))
    console.print(table)
    if not wide:
        console.print("[dim]verdicts: " + ", ".join(_SHORT[c] for c in CRITERIA) + " · "
                      + " ".join(f"{VERDICT_MARK[v]} {VERDICT_LABEL[v]}" for v in ("covered", "partial", "missed")) + "[/dim]")
    trend = Table("criterion", "trend (oldest → newest)", box=None)
    for c in CRITERIA:
        trend.add_row(TITLE[c], sparkline(h.trends[c]))
    console.print(trend)
    if h.most_missed:
        console.print("Most often missed: " + rich_escape(_most_missed(h)))
    if h.next_to_practise:
        console.print(f"[bold]Practise next:[/bold] {rich_escape(TITLE[h.next_to_practise])}. {rich_escape(h.advice)}")
    if any(r.owner != "own" for r in h.rows):
        console.print(f"[dim]{_COUNTS_NOTE}[/dim]")


_STYLE = {"covered": "green", "partial": "yellow", "missed": "red", "not_applicable": "dim"}


def history_markdown(h: History) -> str:
    out = ["# Your second-interview history", "",
           "| date | kind | id | whose | source | role | " + " | ".join(_SHORT[c] for c in CRITERIA) + " | score |",
           "|---" * (7 + len(CRITERIA)) + "|"]
    out += [f"| {md(r.date)} | {md(r.kind)} | {md(r.id)} | {md(_whose(r))} | {md(_source(r))} | {md(r.role)} | "
            + " | ".join(_mark(r.verdicts.get(c)) for c in CRITERIA) + f" | {score_label(r.verdicts)} |" for r in h.rows]
    out += ["", "## Trends", ""] + [f"- {TITLE[c]}: `{sparkline(h.trends[c])}`" for c in CRITERIA]
    if h.most_missed:
        out += ["", f"**Most often missed:** {md(_most_missed(h))}"]
    if h.next_to_practise:
        out += ["", f"**Practise next:** {md(TITLE[h.next_to_practise])}. {md(h.advice)}"]
    out += ["", f"_{md(_COUNTS_NOTE)}_"]
    return "\n".join(out) + "\n"


def trend_chart(h: History) -> str:
    """An inline SVG line per criterion: 0 missed, 1 partial, 2 covered, oldest to newest."""
    n = max((len(v) for v in h.trends.values()), default=0)
    if n == 0:
        return ""
    width, row_h, left = 560, 34, 160
    step = (width - left - 20) / max(1, n - 1)
    parts = [f'<svg class="trend" width="{width}" height="{row_h * len(CRITERIA) + 10}" role="img" '
             f'aria-label="Trend per criterion">']
    for i, c in enumerate(CRITERIA):
        y0 = 10 + i * row_h
        parts.append(f'<text x="0" y="{y0 + 16}" font-size="12">{escape(_CHART_LABEL[c])}</text>')
        parts.append(f'<line x1="{left}" y1="{y0 + 24}" x2="{width - 10}" y2="{y0 + 24}" stroke="#d1d9e0"/>')
        pts = [(left + k * step, y0 + 24 - v * 10) for k, v in enumerate(h.trends[c]) if v is not None]
        if len(pts) > 1:
            parts.append('<polyline fill="none" stroke="#0969da" stroke-width="2" points="'
                         + " ".join(f"{x:.0f},{y:.0f}" for x, y in pts) + '"/>')
        parts += [f'<circle cx="{x:.0f}" cy="{y:.0f}" r="3" fill="#0969da"/>' for x, y in pts]
    parts.append("</svg>")
    return "\n".join(parts)


def _anchor(report_id: str) -> str:
    return "r-" + "".join(ch if ch.isalnum() or ch == "-" else "-" for ch in report_id)


def _report_section(r, report: dict) -> str:
    """One stored report, in the page, for the row that links to it."""
    items = []
    for c in report.get("criteria", []):
        v = str(c.get("verdict", ""))
        title = TITLE[c["id"]] if c.get("id") in TITLE else str(c.get("id", ""))
        detail = " ".join(x for x in (c.get("did", ""), (f"Try saying: “{c['try_saying']}”" if c.get("try_saying") else "")) if x)
        items.append(f'<li><span class="v v-{escape(v)}">{_mark(v)} {escape(title)}</span>'
                     + (f" — {escape(detail)}" if detail else "") + "</li>")
    head = " · ".join(escape(x) for x in (r.date, r.kind, _whose(r), _source(r)) if x)
    return (f'<section class="criterion" id="{_anchor(r.report_id)}"><h3>{head}</h3>'
            f'<ul>{"".join(items)}</ul><p><a href="#top">back to the table</a></p></section>')


def history_html(h: History, reports: dict[str, dict] | None = None) -> str:
    reports = reports or {}
    head = "".join(f"<th>{escape(_SHORT[c])}</th>" for c in CRITERIA)

    def cell(v: str | None) -> str:
        return f'<td class="v v-{escape(v)}">{_mark(v)}</td>' if v else "<td></td>"

    def ident(r) -> str:
        if r.report_id and r.report_id in reports:
            return f'<a href="#{_anchor(r.report_id)}">{escape(r.id)}</a>'
        return escape(r.id)

    rows = "".join(
        f'<tr class="{escape(r.owner)}"><td>{escape(r.date)}</td><td>{escape(r.kind)}</td><td>{ident(r)}</td>'
        f"<td>{escape(_whose(r))}</td><td>{escape(_source(r))}</td><td>{escape(r.role)}</td>"
        + "".join(cell(r.verdicts.get(c)) for c in CRITERIA) + f"<td>{escape(score_label(r.verdicts))}</td></tr>" for r in h.rows)
    body = (f'<table class="history" id="top"><tr><th>date</th><th>kind</th><th>id</th><th>whose</th><th>source</th>'
            f"<th>role</th>{head}<th>score</th></tr>{rows}</table>"
            f"<h2>Trend per criterion</h2>{trend_chart(h)}")
    if h.most_missed:
        body += f"<p><b>Most often missed:</b> {escape(_most_missed(h))}</p>"
    if h.next_to_practise:
        body += f"<p><b>Practise next:</b> {escape(TITLE[h.next_to_practise])}. {escape(h.advice)}</p>"
    body += f"<p class=\"note\">{escape(_COUNTS_NOTE)}</p>"
    linked = [r for r in h.rows if r.report_id and r.report_id in reports]
    if linked:
        body += "<h2>Reports</h2>" + "".join(_report_section(r, reports[r.report_id]) for r in linked)
    return page("Second-interview history", "Your second-interview history", body)
