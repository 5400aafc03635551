"""Guided question-and-answer worksheets (prep, debrief), as data in prompts/*.toml.

Three ways in: interactive in a terminal (answers autosaved as a draft, so Ctrl-C loses
nothing), piped (one line per question; list items separated by " | "), or a file (TOML/JSON
with the questions' keys)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from interviewer import prompts
from interviewer.errors import UserError
from interviewer.files import parse_json, read_bytes, write_json_atomic
from interviewer.personas import load_data
from interviewer.resources import user_dir

ITEM_SEPARATOR = " | "


class Question(BaseModel):
    key: str
    kind: Literal["text", "list"] = "text"
    ask: str
    help: str = ""


def questions(name: str) -> list[Question]:
    return [Question.model_validate(q) for q in prompts.data(f"{name}.toml")["question"]]


def _as_list(value) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value or "")
    parts = text.split("\n") if "\n" in text else text.split(ITEM_SEPARATOR.strip())
    return [p.strip(" -•\t") for p in parts if p.strip(" -•\t")]


def normalise(qs: list[Question], answers: dict) -> dict:
    out = {}
    for q in qs:
        if q.key in answers:
            out[q.key] = _as_list(answers[q.key]) if q.kind == "list" else str(answers[q.key] or "").strip()
    return out


def from_file(qs: list[Question], path: str | Path) -> dict:
    data = load_data(Path(path))
    known = {q.key for q in qs}
    unknown = sorted(set(data) - known)
    if unknown:
        raise UserError(f"{path}: unknown field(s) {', '.join(unknown)}; expected some of {', '.join(sorted(known))}")
    return normalise(qs, data)


def from_lines(qs: list[Question], lines: Iterable[str], defaults: dict | None = None) -> dict:
    """Piped input: the n-th line answers the n-th question; EOF leaves the rest empty. An empty
    line keeps a prefilled answer (`defaults`, e.g. what the transcript says)."""
    answers = dict(defaults or {})
    for q, line in zip(qs, lines):
        if line.strip() or q.key not in answers:
            answers[q.key] = line.rstrip("\n")
    return normalise(qs, answers)


def with_defaults(answers: dict, defaults: dict | None) -> dict:
    """File answers, with prefilled values for the keys the file leaves out or empty."""
    return {k: v for k, v in (defaults or {}).items() if not answers.get(k)} | {k: v for k, v in answers.items() if v}


class Draft:
    """Answers saved as they are typed, so an interrupted worksheet can be continued."""

    def __init__(self, name: str):
        self.path = user_dir() / "drafts" / f"{name}.json"

    def load(self) -> dict:
        if not self.path.exists():
            return {}
        try:  # our own file, but read like any other: regular files only, bounded
            data = parse_json(read_bytes(self.path, 1024 * 1024, "draft file", is_input=False).decode("utf-8"))
        except (UserError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def save(self, answers: dict) -> None:
        write_json_atomic(self.path, answers)

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


def interactive(qs: list[Question], ask: Callable[[str], str], say: Callable[[str], None], draft: Draft,
                confirm: Callable[[str], bool], defaults: dict | None = None) -> dict:
    """In a terminal. A prefilled answer is shown with the question; Enter keeps it, typing changes it."""
    from rich.markup import escape

    defaults = defaults or {}
    answers: dict = {}
    saved = draft.load()
    if saved and confirm("Continue your unfinished answers from last time?"):
        answers = dict(saved)
    for q in qs:
        if q.key in answers:
            continue
        say(f"[bold]{q.ask}[/bold]" + (f"\n[dim]{q.help}[/dim]" if q.help else ""))
        if q.kind == "list":
            items = []
            while True:
                line = ask("  • " if items else "  • ").strip()
                if not line:
                    break
                items.append(line)
            answers[q.key] = items
        elif defaults.get(q.key):
            say(f"[dim]  from the transcript:[/dim] {escape(str(defaults[q.key]))} [dim](Enter keeps it, or type a change)[/dim]")
            answers[q.key] = ask("  › ").strip() or str(defaults[q.key])
        else:
            answers[q.key] = ask("  › ").strip()
        draft.save(answers)
    return normalise(qs, answers)
