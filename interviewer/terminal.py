"""The rich terminal loop for a practice session: header, streamed replies, multi-line
answers, slash commands, the optional coach panel. It only talks to a Session."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TextIO

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from interviewer import reports
from interviewer.errors import UserError
from interviewer.sanitize import SafeConsole
from interviewer.models import CORE_CRITERIA, CRITERIA, Report
from interviewer.scoring.rubric import load_rubric
from interviewer.session import Session

HELP = """[bold]Commands[/bold]
  /hint   a coaching nudge for what you haven't done yet
  /undo   take back your last answer (and the reply to it)
  /end    finish the interview and see your report
  /help   this help
Type your answer and press Enter. End a line with \\ to continue on the next line.
Ctrl-C or Ctrl-D also ends the interview; every turn is already saved."""

_MARK = {"covered": "[green]✓[/green]", "partial": "[yellow]◐[/yellow]", "missed": "[red]·[/red]", "not_applicable": "[dim]–[/dim]"}


def header(console: Console, session: Session) -> None:
    p = session.persona
    who = "hiring manager" if p.level == "hiring_manager" else "the hiring manager's boss"
    role = session.role.title if session.role else p.role_title
    company = session.role.company if session.role else p.company
    # names, roles and the model label come from files and flags: Text, never markup
    console.print(
        Panel(
            Text.assemble((p.name, "bold"), f", {p.title} ({who})\n{company} · second interview for ", (role, "bold"), "\n",
                          (p.temperament, "dim"), "\n",
                          (f"model: {session.model_label} via {session.backend_label} · session {session.id}", "dim")),
            title="interviewer",
            expand=False,
        )
    )


def coach_panel(console: Console, coverage: dict[str, str]) -> None:
    rubric = load_rubric()
    table = Table.grid(padding=(0, 1))
    for cid in CRITERIA:
        style = "bold" if cid in CORE_CRITERIA else ""
        table.add_row(_MARK[coverage[cid]], f"[{style}]{rubric[cid].title}[/{style}]" if style else rubric[cid].title)
    console.print(Panel(table, title="coach", expand=False, border_style="dim"))


def read_answers(stream: TextIO, console: Console, interactive: bool) -> Iterator[str]:
    """Candidate turns: in a terminal, Enter sends (a trailing \\ continues the line);
    piped, each line is one turn and EOF ends the interview."""
    piped = _piped_lines(stream) if not interactive else None
    while True:
        if piped is not None:
            line = next(piped, "")
            if not line:
                return
            if line.strip():
                yield line.rstrip("\n")
            continue
        parts: list[str] = []
        prompt = "[bold cyan]you ›[/bold cyan] "
        while True:
            try:
                line = console.input(prompt)
            except EOFError:
                if parts:
                    yield "\n".join(parts)
                return
            except KeyboardInterrupt:
                if parts:  # lines already finished with \ are kept as the last answer
                    yield "\n".join(parts)
                raise
            if line.endswith("\\"):
                parts.append(line[:-1])
                prompt = "[dim]   …[/dim] "
                continue
            parts.append(line)
            break
        text = "\n".join(parts).strip()
        if text:
            yield text


def _piped_lines(stream: TextIO) -> Iterator[str]:
    """Piped answers, decoded one line at a time: a line that isn't UTF-8 stops the session with
    one clear line, and every answer before it has already been saved."""
    raw = getattr(stream, "buffer", None)
    n = 0
    while True:
        n += 1
        if raw is None:
            line = stream.readline()
        else:
            data = raw.readline()
            try:
                line = data.decode(getattr(stream, "encoding", None) or "utf-8")
            except UnicodeDecodeError:
                raise UserError(f"standard input line {n} is not UTF-8 text (binary data?); the answers before it are saved") from None
        if not line:
            return
        yield line


def run(session: Session, console: Console, stream: TextIO | None = None, interactive: bool | None = None,
        coach: bool = False, err: Console | None = None) -> Report:
    stream = stream or sys.stdin
    interactive = stream.isatty() if interactive is None else interactive
    err = err or SafeConsole(stderr=True)
    name = session.persona.name

    def speak(reply_fn) -> None:
        console.print(Text(f"{name}: ", style="bold magenta"), end="")
        reply = reply_fn(lambda piece: console.print(piece, end="", highlight=False, markup=False, soft_wrap=True))
        console.print()
        if reply is not None and reply.notice:
            console.print(Text(f"({reply.notice})", style="dim"))
        if coach:
            coach_panel(console, session.coverage())

    header(console, session)
    if interactive:
        console.print("[dim]/help for commands · Enter sends · /end finishes[/dim]")
    if session.resumed:
        console.print(Text(f"Resuming session {session.id} ({len(session.interview.turns)} turns so far).", style="dim"))
        last = next((t for t in reversed(session.interview.turns) if t.speaker == "interviewer"), None)
        if last:
            console.print(Text.assemble((f"{name}:", "bold magenta"), " ", last.text))
        if session.pending_answer:
            console.print(Text(f"(your last answer was saved; {session.persona.first_name} replies to it now)", style="dim"))
            speak(lambda out: session.answer(session.pending_answer, out))
    else:
        speak(lambda out: session.start(out))

    try:
        for text in read_answers(stream, console, interactive):
            if session.finished:
                break
            command = text.strip().lower()
            if command in ("/end", "/quit", "/exit"):
                break
            if command == "/help":
                console.print(HELP)
                continue
            if command == "/hint":
                console.print(Panel(Text(session.hint()), title="hint", border_style="yellow", expand=False))
                continue
            if command == "/undo":
                taken = session.undo()
                if taken is None:
                    console.print("[dim]Nothing to take back.[/dim]")
                else:
                    console.print(Text(f"Took back: {taken[:80]}{'…' if len(taken) > 80 else ''}", style="dim"))
                    last = next((t for t in reversed(session.interview.turns) if t.speaker == "interviewer"), None)
                    if last:
                        console.print(Text.assemble((f"{name}:", "bold magenta"), " ", last.text))
                continue
            if command.startswith("/") and " " not in command:
                console.print(Text.assemble((f"Unknown command {command}", "red"), "; /help lists them."))
                continue
            if not interactive:
                console.print(Text.assemble(("you ›", "bold cyan"), " ", text), highlight=False)
            speak(lambda out: session.answer(text, out))
            if session.finished:
                break
    except KeyboardInterrupt:
        console.print("\n[dim]Interrupted: ending the interview (everything so far is saved).[/dim]")
    report = session.end()
    console.print()
    reports.print_report(report, console)
    console.print(Text(f"Saved as session {session.id}. `interviewer export {session.id} --format md` writes it out."
                       f"{' Transcript: ' + session.save_path if session.save_path else ''}", style="dim"))
    return report
