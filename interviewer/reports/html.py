"""One self-contained HTML page: inline CSS, no external resources, prints on 1–2 pages."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from string import Template

from interviewer.models import CriterionResult, Report
from interviewer.sanitize import html as html_text

from . import _common as C


@lru_cache(maxsize=None)
def template(name: str) -> Template:
    return Template(files(__package__).joinpath("templates", name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def style() -> str:
    return files(__package__).joinpath("templates", "style.css").read_text(encoding="utf-8")


def page(title: str, heading: str, body: str) -> str:
    """A self-contained page in the report's style, for briefs, debriefs and history."""
    return template("page.html").substitute(page_title=html_text(title), heading=html_text(heading), body=body, style=style())


_e = html_text  # one escaping for every HTML page (see interviewer/sanitize.py)


def _anchor(c: CriterionResult, i: int) -> str:
    return f"c{i}-" + re.sub(r"[^A-Za-z0-9_-]+", "-", c.id).strip("-")


def _verdict(c: CriterionResult) -> str:
    v = _e(c.verdict)
    return f'<span class="v v-{v}"><span aria-hidden="true">{C.mark(c.verdict)}</span> {_e(C.label(c.verdict))}</span>'


def _core_badge(c: CriterionResult) -> str:
    return ' <span class="core">core</span>' if C.is_core(c) else ""


def _field(name: str, body: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f'<p{attr}><span class="label">{_e(name)}:</span> {body}</p>'


def _criterion(c: CriterionResult, anchor: str) -> str:
    v = _e(c.verdict)
    out = [
        f'<section class="criterion b-{v}" id="{anchor}">',
        f"<h2>{_e(C.title(c))}{_core_badge(c)}</h2>",
        _field("Verdict", _verdict(c)),
    ]
    if c.did.strip():
        out.append(_field(C.LABEL_DID, _e(c.did)))
    if c.evidence:
        out.append(f'<p><span class="label">{_e(C.evidence_label(c))}:</span></p>')
        out.append('<ul class="evidence">')
        out += [
            f'<li><span class="turn">Turn {e.turn}:</span> <span class="quote">{_e(C.curly(e.quote))}</span></li>'
            for e in c.evidence
        ]
        out.append("</ul>")
    if c.why.strip():
        out.append(_field(C.LABEL_WHY, _e(c.why)))
    if c.try_saying.strip():
        out.append(_field(C.LABEL_TRY, _e(C.curly(c.try_saying)), "try"))
    if C.show_feedback(c):
        out.append(_field(C.LABEL_FEEDBACK, _e(c.feedback)))
    out.append("</section>")
    return "\n".join(out)


def _planned(report: Report) -> str:
    if not report.planned:
        return ""
    items = "\n".join(
        f"<li>{'✓' if p.asked else '✗'} {_e(p.question)}" + (f' <span class="turn">(turn {p.turn})</span>' if p.turn else "") + "</li>"
        for p in report.planned)
    return f'<section class="notes">\n<h2>{_e(C.LABEL_PLANNED)}</h2>\n<ul>\n{items}\n</ul>\n</section>\n'


def render_html(report: Report) -> str:
    return page(f"{C.REPORT_TITLE} — {report.candidate}", C.REPORT_TITLE, report_body(report))


def report_body(report: Report) -> str:
    """The report without its page: `interviewer serve` shows it inside its own pages."""
    criteria = C.ordered(report.criteria)
    anchors = [_anchor(c, i) for i, c in enumerate(criteria, 1)]
    meta = "\n".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in C.header_fields(report))
    rows = "\n".join(
        f'<tr><td><a href="#{a}">{_e(C.title(c))}</a>{_core_badge(c)}</td><td>{_verdict(c)}</td></tr>'
        for c, a in zip(criteria, anchors)
    )
    blocks = "\n".join(_criterion(c, a) for c, a in zip(criteria, anchors))
    notes = _planned(report)
    if report.notes:
        items = "\n".join(f"<li>{_e(n)}</li>" for n in report.notes)
        notes += f'<section class="notes">\n<h2>{_e(C.LABEL_NOTES)}</h2>\n<ul>\n{items}\n</ul>\n</section>'
    return template("report_body.html").substitute(
        meta=meta, summary=_e(C.summary_line(report)), rows=rows, criteria=blocks, notes=notes)
