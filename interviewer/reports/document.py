"""Plain documents (the prep brief, a debrief): a title, some facts, and sections of text or
lists, rendered to Markdown, self-contained HTML or the terminal."""

from __future__ import annotations

import io

from pydantic import BaseModel, Field
from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from interviewer.sanitize import SafeConsole
from interviewer.sanitize import html as escape
from interviewer.sanitize import md, md_lines

from .html import page


class Section(BaseModel):
    heading: str
    text: str = ""
    items: list[str] = Field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.text.strip() and not self.items


class Document(BaseModel):
    title: str
    meta: list[tuple[str, str]] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)


def markdown(doc: Document) -> str:
    # every value is the user's (or a model's) text: escaped, line breaks kept as hard breaks
    out = [f"# {md(doc.title)}", ""]
    out += [f"- **{md(k)}:** {md(v)}" for k, v in doc.meta if v]
    out.append("")
    for s in doc.sections:
        if s.empty:
            continue
        out += [f"## {md(s.heading)}", ""]
        if s.text:
            out += ["  \n".join(line for line in md_lines(s.text)), ""]
        if s.items:
            out += [f"- {md(i)}" for i in s.items] + [""]
    return "\n".join(out).rstrip() + "\n"


def html(doc: Document) -> str:
    return page(doc.title, doc.title, body_html(doc))


def body_html(doc: Document) -> str:
    """The document without its page (`interviewer serve` shows it inside its own pages)."""
    parts = []
    meta = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in doc.meta if v)
    if meta:
        parts.append(f'<dl class="meta">{meta}</dl>')
    for s in doc.sections:
        if s.empty:
            continue
        body = f"<p>{escape(s.text)}</p>" if s.text else ""
        if s.items:
            body += "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in s.items) + "</ul>"
        parts.append(f'<section class="block"><h2>{escape(s.heading)}</h2>{body}</section>')
    return "\n".join(parts)


def terminal(doc: Document, console: Console) -> None:
    facts = Text("  ·  ".join(f"{k}: {v}" for k, v in doc.meta if v), style="dim")
    console.print(Panel(facts, title=Text(doc.title, style="bold"), title_align="left"))
    for s in doc.sections:
        if s.empty:
            continue
        body = [Text(s.text)] if s.text else []
        body += [Text.assemble("• ", i) for i in s.items]
        console.print(Panel(Group(*body), title=Text(s.heading, style="bold"), title_align="left", border_style="dim"))


def render(doc: Document, fmt: str) -> str:
    if fmt == "md":
        return markdown(doc)
    if fmt == "html":
        return html(doc)
    console = SafeConsole(record=True, width=100, file=io.StringIO())
    terminal(doc, console)
    return console.export_text()
