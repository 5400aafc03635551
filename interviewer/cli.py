"""The command line. Thin: parse flags, call the modules, print. Heavy imports (llama.cpp,
LangChain) happen inside commands, so `interviewer --help` is instant."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from interviewer import __version__
from interviewer.errors import UserError

EXIT_USAGE = 2


class _Group(click.Group):
    """Every bad-input error becomes one line on stderr and exit 2, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (UserError,) as e:
            _fail(str(e))
        except Exception as e:  # transcript errors live in their own module; same treatment
            if type(e).__name__ == "TranscriptError":
                _fail(str(e))
            raise


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def backend_options(fn):
    """The model flags shared by practice, demo and review (env-var backed, as in simonw/llm)."""
    for opt in reversed(
        [
            click.option("--backend", type=click.Choice(["embedded", "openai", "compatible"]), default=None,
                         help="Which backend (default: from the environment; embedded when nothing is set)."),
            click.option("--model", "-m", envvar="INTERVIEWER_MODEL", default=None, help="Model name for OpenAI or a compatible server."),
            click.option("--base-url", envvar="OPENAI_BASE_URL", default=None, help="An OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp)."),
            click.option("--model-path", envvar="INTERVIEWER_MODEL_PATH", type=click.Path(dir_okay=False), default=None,
                         help="Run another GGUF file in-process instead of the embedded SmolLM2."),
            click.option("--timeout", type=float, default=None, help="Seconds to wait for the model (default 30)."),
            click.option("--no-stream", is_flag=True, help="Ask the model for whole replies instead of a stream."),
        ]
    ):
        fn = opt(fn)
    return fn


def _settings(backend, model, base_url, model_path, timeout, no_stream=False):
    from interviewer.backends import resolve

    return resolve(backend, model, base_url, model_path, timeout, stream=not no_stream)


def _consoles():
    from rich.console import Console

    return Console(highlight=False), Console(stderr=True, highlight=False)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="interviewer")
def cli() -> None:
    """Practise your second job interview, and review real ones."""


# --- practice ------------------------------------------------------------------------------


@cli.command()
@click.option("--persona", "-p", envvar="INTERVIEWER_PERSONA", default="sales-manager", show_default=True,
              help="Persona id (see `interviewer personas`) or a persona TOML file.")
@click.option("--role", "role_file", type=click.Path(), default=None, help="Your own role: TOML/JSON with title, company, description, first_interview_notes.")
@click.option("--name", "candidate_name", default="Candidate", help="Your name, as it appears in the transcript.")
@click.option("--coach", is_flag=True, help="Show which criteria you've covered so far after each reply.")
@click.option("--save", "save_path", type=click.Path(dir_okay=False), default=None, help="Also write the transcript as JSON to this path, after every turn.")
@click.option("--resume", "resume", is_flag=False, flag_value="latest", default=None, metavar="[ID]",
              help="Continue a saved session (the latest if no ID).")
@click.option("--seed", type=int, default=None, help="Fix the interviewer's choices (for repeatable runs).")
@backend_options
def practice(persona, role_file, candidate_name, coach, save_path, resume, seed, backend, model, base_url, model_path, timeout, no_stream):
    """Run a second-interview practice session in the terminal.

    Piped input works too: each line is one answer, and EOF ends the interview."""
    from interviewer.personas import adapt, load_persona, load_role

    role = load_role(role_file) if role_file else None
    settings = _settings(backend, model, base_url, model_path, timeout, no_stream)
    _run_session(adapt(load_persona(persona), role), role, settings, candidate_name, coach, save_path, resume, seed)


def _run_session(persona, role, settings, candidate_name, coach, save_path, resume, seed, kind="practice", stream=None):
    from interviewer import terminal
    from interviewer.backends import build_chat_model
    from interviewer.session import Session
    from interviewer.store import Store

    out, err = _consoles()
    store = Store()
    if resume:
        info = store.find_session(None if resume == "latest" else resume)
        if info.status == "ended":
            raise UserError(f"session {info.id} has ended; `interviewer export {info.id}` writes it out")
        from interviewer.personas import load_persona as _lp

        persona = _lp(info.persona) if info.persona else persona
        resume = info.id
    session = Session(
        persona, settings, store, chat_model=build_chat_model(settings), role=role, save_path=save_path, kind=kind, seed=seed,
        candidate_name=candidate_name, resume_id=resume, on_retry=lambda msg: err.print(f"[dim]({msg})[/dim]"),
    )
    if stream is not None:
        stream.session = session
    return terminal.run(session, out, stream=stream, coach=coach, err=err)


# --- demo ----------------------------------------------------------------------------------


@cli.command()
@click.option("--candidate", "-c", default="strong", show_default=True, help="Which scripted candidate: strong or weak.")
@click.option("--persona", "-p", default="sales-manager", show_default=True, help="Persona id or file.")
@click.option("--seed", type=int, default=1, show_default=True)
@backend_options
def demo(candidate, persona, seed, backend, model, base_url, model_path, timeout, no_stream):
    """Watch a simulated candidate run a whole interview (offline on the embedded model)."""
    from interviewer.demo import ScriptedInput, SimulatedCandidate
    from interviewer.personas import load_candidate_script, load_persona

    script = load_candidate_script(candidate)
    settings = _settings(backend, model, base_url, model_path, timeout, no_stream)
    stream = ScriptedInput(SimulatedCandidate(script), session=None)
    _run_session(load_persona(persona), None, settings, script.name, False, None, None, seed, kind="demo", stream=stream)


# --- review --------------------------------------------------------------------------------


@cli.command()
@click.argument("path", type=click.Path())
@click.option("--candidate", "-c", default=None, help="The candidate's name as it appears in the transcript.")
@click.option("--format", "-f", "fmt", type=click.Choice(["terminal", "md", "html", "json"]), default=None,
              help="Report format (default: terminal, or from -o's extension).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write the report to this file.")
@click.option("--json", "as_json", is_flag=True, help="Short for --format json to stdout.")
@click.option("--role", "role_title", default=None, help="The role's title, for sharper suggested lines.")
@click.option("--company", default=None, help="The company's name, for sharper suggested lines.")
@click.option("--offline", is_flag=True, help="Rules only, even when a capable model is configured.")
@backend_options
def review(path, candidate, fmt, output, as_json, role_title, company, offline, backend, model, base_url, model_path, timeout, no_stream):
    """Review a transcript of a real or practice interview and write a feedback report.

    Reads the tool's JSON, "Name: text" lines, Zoom or Teams WebVTT, Otter.ai exports and
    "[00:01:23] Name: text" lines; the format is detected from the content."""
    from interviewer import reports
    from interviewer.review import review_file

    out, err = _consoles()
    if as_json:
        fmt = "json"
    if fmt is None:
        fmt = reports.format_for_path(output) if output else "terminal"
    settings = None if offline else _settings(backend, model, base_url, model_path, timeout, no_stream)
    interactive = sys.stdin.isatty() and sys.stderr.isatty() and not as_json
    report = review_file(path, candidate, settings, {"role_title": role_title or "", "company": company or ""},
                         ask=(lambda q, choices, default: click.prompt(q, type=click.Choice(choices), default=default, err=True)) if interactive else None,
                         say=lambda msg: err.print(f"[dim]{msg}[/dim]"))
    if output:
        reports.write_report(report, fmt, output)
        err.print(f"[dim]Report written to {output}[/dim]")
    elif fmt == "terminal":
        reports.print_report(report, out)
    else:
        click.echo(reports.render(report, fmt))


# --- sessions, export, personas, doctor --------------------------------------------------------


@cli.command()
@click.option("--limit", default=30, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON lines for tools.")
def sessions(limit, as_json):
    """List saved practice sessions (a table in a terminal, tab-separated when piped)."""
    from interviewer.store import Store

    rows = Store().sessions(limit)
    if as_json:
        for s in rows:
            click.echo(s.model_dump_json())
        return
    if not sys.stdout.isatty():
        click.echo("id\tstarted\tkind\tpersona\trole\tmodel\tturns\tstatus")
        for s in rows:
            click.echo("\t".join(str(x or "") for x in (s.id, s.created_at, s.kind, s.persona, s.role, s.model, s.turns, s.status)))
        return
    from rich.table import Table

    out, _ = _consoles()
    if not rows:
        out.print("No sessions yet. Start one with `interviewer practice` (or watch `interviewer demo`).")
        return
    table = Table("id", "started", "kind", "persona", "role", "model", "turns", "status")
    for s in rows:
        table.add_row(s.id, s.created_at.replace("T", " ")[:16], s.kind, s.persona or "", s.role or "", s.model or "", str(s.turns), s.status)
    out.print(table)


@cli.command()
@click.argument("session_id", required=False)
@click.option("--format", "-f", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None)
def export(session_id, fmt, output):
    """Write one session's transcript out as Markdown or JSON (latest session if no ID)."""
    import json

    from interviewer.files import write_json_atomic, write_text_atomic
    from interviewer.store import Store
    from interviewer.transcripts.render import transcript_markdown

    transcript = Store().transcript(session_id) if session_id else Store().transcript(Store().find_session(None).id)
    data = transcript.model_dump(mode="json")
    if output and fmt == "json":
        write_json_atomic(output, data)
        return
    text = json.dumps(data, indent=2, ensure_ascii=False) if fmt == "json" else transcript_markdown(transcript)
    if output:
        write_text_atomic(output, text)
    else:
        click.echo(text)


@cli.command()
def personas():
    """List the interviewer personas you can practise with."""
    from rich.table import Table

    from interviewer.personas import all_personas

    out, _ = _consoles()
    table = Table("id", "interviewer", "level", "role", "company")
    for p in all_personas():
        table.add_row(p.id, f"{p.name}, {p.title}", p.level.replace("_", " "), p.role_title, p.company)
    out.print(table)


@cli.command()
@click.option("--base-url", envvar="OPENAI_BASE_URL", default=None)
def doctor(base_url):
    """Say which model backends are usable here, and why not."""
    from interviewer.doctor import checks

    out, _ = _consoles()
    ok_any = False
    for c in checks(base_url):
        mark = "[green]ok[/green]" if c.ok else "[red]no[/red]"
        out.print(f"{mark}  [bold]{c.name}[/bold]: {c.detail}")
        ok_any |= c.ok
    if not ok_any:
        sys.exit(1)


def main() -> None:
    cli(prog_name="interviewer")


if __name__ == "__main__":
    main()
