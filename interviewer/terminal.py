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
from interviewer.criteria import COACH_LABEL, COACH_MARK, SHORT
from interviewer.models import CORE_CRITERIA, CRITERIA, Report
from interviewer.session import Session

HELP = """[bold]Commands[/bold]
  /hint   a coaching nudge for what you haven't done yet
  /undo   take back your last answer (and the reply to it)
  /end    finish the interview and see your report
  /help   this help
Type your answer and press Enter. End a line with \\ to continue on the next line.
Ctrl-C or Ctrl-D also ends the interview; every turn is already saved."""

# Marks and words are spelled in prompts/rubric.toml; only their colours are the terminal's.
_COLOUR = {"covered": "green", "partial": "yellow", "missed": "red", "not_applicable": "dim"}
_MARK = {v: f"[{_COLOUR[v]}]{m}[/{_COLOUR[v]}]" for v, m in COACH_MARK.items()}


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


# The coach: a column beside each interviewer turn when the terminal is wide enough, else one
# status line under it. Short names so the column stays narrow; core criteria in bold.
SIDE_PANEL_MIN_WIDTH = 100
COACH_WIDTH = 22
_SHORT = SHORT  # one word per criterion, spelled in prompts/rubric.toml
LEGEND = ("  ".join(f"{_MARK[v]} {COACH_LABEL[v]}" for v in COACH_MARK) + " · "
          "[bold]bold[/bold] = core · check = \"am I in the ballpark?\" · fit = interviewed them too")


def coach_legend(console: Console) -> None:
    console.print(f"[dim]coach:[/dim] {LEGEND}", highlight=False)


def _cell(cid: str, coverage: dict[str, str]) -> str:
    return f"{_MARK[coverage[cid]]} " + (f"[bold]{_SHORT[cid]}[/bold]" if cid in CORE_CRITERIA else _SHORT[cid])


def coach_column(coverage: dict[str, str]) -> Table:
    """Three rows of two: the core criteria on the left, the others on the right."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, min_width=9)
    table.add_column(no_wrap=True)
    others = [c for c in CRITERIA if c not in CORE_CRITERIA]
    for core, other in zip(CORE_CRITERIA, others):
        table.add_row(_cell(core, coverage), _cell(other, coverage))
    return table


def coach_status(coverage: dict[str, str]) -> str:
    """The coach as one line, for narrow terminals."""
    return "[dim]coach[/dim]  " + "  ".join(_cell(cid, coverage) for cid in CRITERIA)


def coach_panel(console: Console, coverage: dict[str, str]) -> None:
    """Narrow terminals: the one-line status (the side panel is drawn beside the reply in run())."""
    console.print(coach_status(coverage), highlight=False)


def beside(reply: Text, coverage: dict[str, str]) -> Table:
    """The reply on the left, the coach column on the right."""
    grid = Table.grid(padding=(0, 2), expand=True)
    grid.add_column(ratio=1)
    grid.add_column(width=COACH_WIDTH, no_wrap=True)
    grid.add_row(reply, Panel(coach_column(coverage), title="coach", title_align="left", border_style="dim", padding=(0, 1)))
    return grid


class WordWrap:
    """Streams text to the console wrapped at word boundaries: a word is held until it is complete,
    then goes on this line if it fits, else on the next one (rich's soft wrap breaks mid-word)."""

    def __init__(self, console: Console, start_column: int = 0, indent: int = 2):
        self.console, self.column, self.indent = console, start_column, indent
        self.word = ""
        self.space = False

    def feed(self, piece: str) -> None:
        for ch in piece:
            if ch.isspace():
                self._emit()
                if ch == "\n":
                    self.console.out("\n" + " " * self.indent, end="", highlight=False)
                    self.column, self.space = self.indent, False
                else:
                    self.space = self.column > self.indent
            else:
                self.word += ch
        # a long word (a URL) is held no further than the line's width
        if len(self.word) >= self.console.width - self.indent:
            self._emit()

    def _emit(self) -> None:
        if not self.word:
            return
        width = self.console.width
        gap = 1 if self.space else 0
        if self.column + gap + len(self.word) > width and self.column > self.indent:
            self.console.out("\n" + " " * self.indent, end="", highlight=False)
            self.column, gap = self.indent, 0
        self.console.out(" " * gap + self.word, end="", highlight=False)
        self.column += gap + len(self.word)
        self.word, self.space = "", False

    def close(self) -> None:
        self._emit()
        self.console.out("", highlight=False)


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


MAX_ANSWER_BYTES = 64 * 1024  # one answer; a line longer than this is not someone talking


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
            data = raw.readline(MAX_ANSWER_BYTES + 1)
            if len(data) > MAX_ANSWER_BYTES:
                raise UserError(f"standard input line {n} is over {MAX_ANSWER_BYTES // 1024} KB; one answer per line, please")
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
        if coach and console.width >= SIDE_PANEL_MIN_WIDTH:
            speak_beside(reply_fn)
            return
        console.print(Text(f"{name}: ", style="bold magenta"), end="")
        wrap = WordWrap(console, start_column=len(name) + 2)
        reply = reply_fn(wrap.feed)
        wrap.close()
        if reply is not None and reply.notice:
            console.print(Text(f"({reply.notice})", style="dim"))
        if coach:
            coach_panel(console, session.coverage())

    def speak_beside(reply_fn) -> None:
        """The reply streams into the left column while the coach column stays beside it."""
        text = Text.assemble((f"{name}: ", "bold magenta"))
        if not console.is_terminal:  # piped or recorded: print the finished turn once
            reply = reply_fn(text.append)
            console.print(beside(text, session.coverage()))
        else:
            from rich.live import Live

            coverage = session.coverage()
            with Live(beside(text, coverage), console=console, auto_refresh=False) as live:
                def piece(p: str) -> None:
                    text.append(p)
                    live.update(beside(text, coverage), refresh=True)

                reply = reply_fn(piece)
                live.update(beside(text, session.coverage()), refresh=True)
        if reply is not None and reply.notice:
            console.print(Text(f"({reply.notice})", style="dim"))

    header(console, session)
    if coach:
        coach_legend(console)
    if interactive:
        console.print("[dim]/help for commands · Enter sends · /end finishes[/dim]")
    if session.resumed:
        console.print(Text(f"Resuming session {session.id} ({len(session.interview.turns)} turns so far).", style="dim"))
        last = next((t for t in reversed(session.interview.turns) if t.speaker == "interviewer"), None)
        if last:
            console.print(Text.assemble((f"{name}: ", "bold magenta"), last.text))
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
                        console.print(Text.assemble((f"{name}: ", "bold magenta"), last.text))
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
