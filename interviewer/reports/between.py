"""The brief, the debrief and the history, as documents and pages."""

from __future__ import annotations


from rich.console import Console
from rich.table import Table
from rich.text import Text

from interviewer.history import History, sparkline
from interviewer.models import CRITERIA, Brief, Debrief
from interviewer.sanitize import html as escape
from interviewer.sanitize import md
from interviewer.scoring.rubric import load_rubric

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
        rubric = load_rubric()
        sections.append(D.Section(heading="Transcript review", items=[
            f"{_mark(c['verdict'])} {rubric[c['id']].title}: {c['verdict'].replace('_', ' ')}" for c in report["criteria"]]))
    return D.Document(
        title=f"Debrief: {d.role_title or 'interview'}" + (f" at {d.company}" if d.company else ""),
        meta=[("Date", d.interview_date), ("Met", d.interviewer), ("Debrief id", d.id or "")],
        sections=sections,
    )


# --- history -------------------------------------------------------------------------------

_CHART_LABEL = {"role_vision": "Vision of the role", "ballpark_check": "Ballpark check", "next_steps": "Next steps",
                "goals_alignment": "Goals & the role", "compensation": "Compensation", "mutual_fit": "Interviewed them too"}
_SHORT = {"role_vision": "vis", "ballpark_check": "chk", "next_steps": "nxt", "goals_alignment": "goal",
          "compensation": "pay", "mutual_fit": "fit"}


def print_history(h: History, console: Console) -> None:
    if not h.rows:
        console.print("Nothing yet: `interviewer practice`, `interviewer review FILE` and `interviewer debrief` fill this in.")
        return
    table = Table(title="Your second-interview history", padding=(0, 1))
    table.add_column("date", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("id", no_wrap=True)
    table.add_column("role", overflow="ellipsis", max_width=16, no_wrap=True)
    for c in CRITERIA:
        table.add_column(_SHORT[c], justify="center", no_wrap=True)
    for r in h.rows:
        table.add_row(*(Text(x) for x in (r.date, r.kind, r.id, r.role)), *(_mark(r.verdicts.get(c)) for c in CRITERIA))
    console.print(table)
    rubric = load_rubric()
    trend = Table("criterion", "trend (oldest → newest)", box=None)
    for c in CRITERIA:
        trend.add_row(rubric[c].title, sparkline(h.trends[c]))
    console.print(trend)
    if h.most_missed:
        console.print("Most often missed: " + ", ".join(f"{rubric[c].title} ({n}×)" for c, n in h.most_missed[:3]))
    if h.next_to_practise:
        console.print(f"[bold]Practise next:[/bold] {rubric[h.next_to_practise].title}. {h.advice}")


def history_markdown(h: History) -> str:
    rubric = load_rubric()
    out = ["# Your second-interview history", "", "| date | kind | id | role | " + " | ".join(_SHORT[c] for c in CRITERIA) + " |",
           "|---" * (4 + len(CRITERIA)) + "|"]
    out += [f"| {md(r.date)} | {md(r.kind)} | {md(r.id)} | {md(r.role)} | " + " | ".join(_mark(r.verdicts.get(c)) for c in CRITERIA) + " |"
            for r in h.rows]
    out += ["", "## Trends", ""] + [f"- {rubric[c].title}: `{sparkline(h.trends[c])}`" for c in CRITERIA]
    if h.next_to_practise:
        out += ["", f"**Practise next:** {md(rubric[h.next_to_practise].title)}. {md(h.advice)}"]
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


def history_html(h: History) -> str:
    rubric = load_rubric()
    head = "".join(f"<th>{escape(_SHORT[c])}</th>" for c in CRITERIA)
    rows = "".join(
        f"<tr><td>{escape(r.date)}</td><td>{escape(r.kind)}</td><td>{escape(r.id)}</td><td>{escape(r.role)}</td>"
        + "".join(f"<td>{_mark(r.verdicts.get(c))}</td>" for c in CRITERIA) + "</tr>" for r in h.rows)
    body = (f'<table class="history"><tr><th>date</th><th>kind</th><th>id</th><th>role</th>{head}</tr>{rows}</table>'
            f"<h2>Trend per criterion</h2>{trend_chart(h)}")
    if h.next_to_practise:
        body += f"<p><b>Practise next:</b> {escape(rubric[h.next_to_practise].title)}. {escape(h.advice)}</p>"
    return page("Second-interview history", "Your second-interview history", body)
