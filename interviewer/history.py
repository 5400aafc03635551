"""`interviewer history`: every practice session, review and debrief over time — verdicts
per criterion, a trend per criterion, what is most often missed, and what to practise next."""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel

from interviewer import prompts
from interviewer.criteria import LEVEL
from interviewer.models import CORE_CRITERIA, CRITERIA
from interviewer.wording import role_values
from interviewer.store import Store

SCORE = LEVEL  # covered 2, partial 1, missed 0: spelled once, in prompts/rubric.toml
SPARK = {2: "█", 1: "▄", 0: "▁", None: "·"}


class HistoryRow(BaseModel):
    id: str
    date: str
    kind: str  # practice | demo | review | debrief
    role: str = ""
    who: str = ""  # the candidate, or the company for a debrief
    verdicts: dict[str, str | None]
    owner: str = "own"  # own | other: only your own interviews count toward trends
    source: str = ""  # the transcript file, or the practice session
    report_id: str = ""  # the stored report behind the row, if any


class History(BaseModel):
    rows: list[HistoryRow]
    trends: dict[str, list[int | None]]
    most_missed: list[tuple[str, int]]
    next_to_practise: str | None
    advice: str


def load(store: Store) -> History:
    rows: list[HistoryRow] = []
    session_kind = {s.id: s.kind for s in store.sessions(10**9)}
    debriefs = {d.report_id: d for d in store.debriefs() if d.report_id}
    for r in store.reports():
        rep = r["report"]
        verdicts = {c["id"]: c["verdict"] for c in rep.get("criteria", [])}
        kind = r["kind"]
        if kind == "practice" and session_kind.get(r["session_id"]) == "demo":
            kind = "demo"
        item_id = r["session_id"] if kind in ("practice", "demo") and r["session_id"] else r["id"]
        d = debriefs.get(r["id"])
        if d is not None:
            item_id = d.id
        rows.append(HistoryRow(id=item_id, date=r["created_at"][:10], kind=kind, role=r.get("role") or rep.get("role") or "",
                               who=rep.get("candidate", ""), verdicts=verdicts, owner=r.get("owner") or "own",
                               source=r.get("source") or "", report_id=r["id"]))
    for d in store.debriefs():
        if not d.report_id:
            rows.append(HistoryRow(id=d.id or "", date=(d.created_at.isoformat()[:10] if d.created_at else d.interview_date),
                                   kind="debrief", role=d.role_title, who=d.company, verdicts={c: None for c in CRITERIA}))
    rows.sort(key=lambda x: (x.date, x.id))
    return summarise(rows)


def summarise(rows: list[HistoryRow]) -> History:
    # Trends and "most often missed" are about you: demos and other people's interviews don't count.
    scored = [r for r in rows if r.kind != "demo" and r.owner == "own" and any(v for v in r.verdicts.values())]
    trends = {c: [SCORE.get(r.verdicts.get(c) or "", None) for r in scored] for c in CRITERIA}
    missed = Counter(c for r in scored for c in CRITERIA if r.verdicts.get(c) == "missed")
    most_missed = [(c, n) for c, n in missed.most_common() if n]
    # Practise next: the core criterion missed most (then partial most), else the most missed of the rest.
    focus = None
    weakest = sorted(CRITERIA, key=lambda c: (c not in CORE_CRITERIA, -missed[c],
                                              -sum(r.verdicts.get(c) == "partial" for r in scored)))
    for c in weakest:
        if missed[c] or any(r.verdicts.get(c) == "partial" for r in scored):
            focus = c
            break
    hints = prompts.data("hints.toml")
    advice = prompts.fill(hints[focus] if focus else hints["done"], **role_values({}), interviewer="them")
    return History(rows=rows, trends=trends, most_missed=most_missed, next_to_practise=focus, advice=advice)


def score_label(verdicts: dict[str, str | None]) -> str:
    """'3/5': criteria covered out of those that applied (empty when nothing was scored)."""
    applied = [v for v in verdicts.values() if v and v != "not_applicable"]
    return f"{sum(v == 'covered' for v in applied)}/{len(applied)}" if applied else ""


def sparkline(values: list[int | None]) -> str:
    return "".join(SPARK[v] for v in values) or "·"
