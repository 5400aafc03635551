"""The command line. Thin: parse flags, call the modules, print. Heavy imports (llama.cpp,
LangChain) happen inside commands, so `interviewer --help` is instant."""

from __future__ import annotations

import os
import sqlite3
import sys

import click

from interviewer import __version__
from interviewer.errors import UserError

EXIT_USAGE = 2


def _usage_line(e: click.UsageError) -> str:
    where = e.ctx.command_path if e.ctx else "interviewer"
    return f"{e.format_message().rstrip('.')} (see `{where} --help`)"


class _Group(click.Group):
    """Every bad-input error becomes one line on stderr and exit 2, never a traceback."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as e:
            _fail(_usage_line(e))

    def invoke(self, ctx: click.Context):
        from interviewer import files

        files.reset()  # outputs may not replace what this command reads
        try:
            return super().invoke(ctx)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as e:
            _fail(_usage_line(e))
        except UserError as e:  # includes TranscriptError and the store's DatabaseError
            _fail(str(e))
        except sqlite3.Error as e:
            from interviewer.store import database_path, explain

            _fail(str(explain(e, database_path())))
        except UnicodeDecodeError:
            _fail("the input is not UTF-8 text (binary data?); nothing was changed")
        except UnicodeEncodeError as e:
            _fail(f"this terminal or file cannot show some characters ({e.encoding}); set PYTHONIOENCODING=utf-8")
        except RecursionError:
            _fail("the input is nested too deeply to read")
        except OSError as e:
            if getattr(e, "errno", None) == 32:  # EPIPE: the reader went away (| head)
                sys.exit(0)
            _fail(f"{e.strerror or e}" + (f": {e.filename}" if getattr(e, "filename", None) else ""))
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, KeyboardInterrupt, EOFError):
            raise
        except Exception as e:  # noqa: BLE001 - a bug still ends in one line, never a traceback
            if os.environ.get("INTERVIEWER_DEBUG"):
                raise
            click.echo(f"error: internal error ({type(e).__name__}: {_safe(str(e))[:200]}); "
                       "set INTERVIEWER_DEBUG=1 for details", err=True)
            sys.exit(1)


def _safe(text: str) -> str:
    from interviewer.sanitize import one_line

    return one_line(text)


def _fail(message: str) -> None:
    line = _safe(f"error: {message}")
    try:
        click.echo(line, err=True)
    except UnicodeEncodeError:
        click.echo(line.encode("ascii", "backslashreplace").decode("ascii"), err=True)
    sys.exit(EXIT_USAGE)


def _emit(text: str, nl: bool = True) -> None:
    """Documents to stdout: scrubbed and encodable; control characters made visible on a terminal."""
    from interviewer.sanitize import clean, visible

    text = clean(text)
    click.echo(visible(text) if sys.stdout.isatty() else text, nl=nl)


def _said(message: str, style: str = "dim"):
    """A status line for the rich console whose content (paths, names, model text) is never markup."""
    from rich.text import Text

    return Text(message, style=style)


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
            click.option("--style", type=click.Choice(["guided", "free"]), envvar="INTERVIEWER_STYLE", default=None,
                         help="guided: the model reacts, the plan asks (small models); free: the model writes whole turns."),
        ]
    ):
        fn = opt(fn)
    return fn


def _settings(backend, model, base_url, model_path, timeout, no_stream=False, style=None):
    from interviewer.backends import resolve

    raw = os.environ.get("INTERVIEWER_TIMEOUT")
    if raw is not None and raw.strip():
        try:
            if not float(raw) > 0:
                raise ValueError
        except ValueError:
            raise UserError(f"INTERVIEWER_TIMEOUT must be a number of seconds, not {raw!r}") from None
    if timeout is not None and not timeout > 0:
        raise UserError("--timeout must be a positive number of seconds")
    return resolve(backend, model, base_url, model_path, timeout, stream=not no_stream, style=style)


def _consoles():
    from interviewer.sanitize import SafeConsole

    return SafeConsole(highlight=False), SafeConsole(stderr=True, highlight=False)


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
@click.option("--coach", is_flag=True, help="A coach panel beside the conversation: what you've covered so far (one status line on narrow terminals).")
@click.option("--save", "save_path", type=click.Path(dir_okay=False), default=None, help="Also write the transcript as JSON to this path after every turn (and the report at the end).")
@click.option("--resume", "resume", is_flag=False, flag_value="latest", default=None, metavar="[ID]",
              help="Continue a saved session (the latest if no ID).")
@click.option("--seed", type=int, default=None, help="Fix the interviewer's choices (for repeatable runs).")
@click.option("--brief", "brief_file", type=click.Path(), default=None,
              help="Your prep brief: the file from `interviewer prep -o brief.json`, or the id `interviewer prep` printed. "
                   "The interviewer reacts to its hypotheses.")
@click.option("--no-draft", is_flag=True, help="With --role and a capable model: don't draft what the role file leaves out.")
@backend_options
def practice(persona, role_file, candidate_name, coach, save_path, resume, seed, brief_file, no_draft, backend, model, base_url,
             model_path, timeout, no_stream, style):
    """Run a second-interview practice session in the terminal.

    Piped input works too: each line is one answer, and EOF ends the interview."""
    from interviewer.personas import adapt, load_persona, load_role
    from interviewer.prep import load_brief

    role = load_role(role_file) if role_file else None
    brief = load_brief(brief_file) if brief_file else None
    if save_path:  # refused now, before anything is typed
        from interviewer.files import check_output

        check_output(save_path)
    settings = _settings(backend, model, base_url, model_path, timeout, no_stream, style)
    if role is not None and not no_draft and not resume:  # a resumed session keeps the persona it began with
        from interviewer.role_draft import offer

        err = _consoles()[1]
        outcome = offer(role_file, role, settings, notify=lambda line: err.print(_said(f"({line}; --no-draft skips this)")))
        role = outcome.role
        if outcome.line:
            err.print(_said(f"({outcome.line})"))
    _run_session(adapt(load_persona(persona), role), role, settings, candidate_name, coach, save_path, resume, seed, brief=brief)


def _run_session(persona, role, settings, candidate_name, coach, save_path, resume, seed, kind="practice", stream=None, brief=None):
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

        if info.persona and info.persona.startswith("role-"):  # built from a role file, not a shipped persona
            if role is None:
                raise UserError(f"session {info.id} was for your own role; resume it with --role FILE as well")
        else:
            persona = _lp(info.persona) if info.persona else persona
        resume = info.id
    session = Session(
        persona, settings, store, chat_model=build_chat_model(settings), role=role, save_path=save_path, kind=kind, seed=seed,
        candidate_name=candidate_name, resume_id=resume, on_retry=lambda msg: err.print(_said(f"({msg})")), brief=brief,
    )
    if stream is not None:
        stream.session = session
    return terminal.run(session, out, stream=stream, coach=coach, err=err)


# --- role files ----------------------------------------------------------------------------


@cli.group()
def role() -> None:
    """Your own role: a file that makes the interviewer interview you for your real job."""


@role.command("init")
@click.argument("path", type=click.Path(dir_okay=False), default="role.toml")
def role_init(path):
    """Write a starter role file (every field explained) to PATH; it never overwrites a file."""
    from pathlib import Path

    from interviewer.files import write_text_atomic
    from interviewer.roles import starter_file

    if Path(path).exists():
        raise UserError(f"{path} already exists; choose another name (role init never overwrites a file)")
    write_text_atomic(path, starter_file())
    click.echo(f"Wrote {path}. Edit it, then: interviewer practice --role {path}")


@role.command("draft")
@click.argument("path", type=click.Path(dir_okay=False))
@backend_options
def role_draft(path, backend, model, base_url, model_path, timeout, no_stream, style):
    """Have a capable model draft what the role file at PATH leaves out, once, into the file.

    Your own lines are kept exactly as written (a copy of the file as it was is kept beside it);
    the drafted ones go in a [drafted] section at the end for you to edit."""
    from interviewer.backends import capabilities
    from interviewer.personas import load_role
    from interviewer.role_draft import draft, missing, table

    role = load_role(path)
    if role.drafted is not None:
        _emit(f"{path} already has a [drafted] section; nothing to ask (delete that section to draft again).")
        return
    if not missing(role):
        _emit(f"{path} already says everything a draft would add; nothing to ask.")
        return
    if path.lower().endswith(".json"):
        raise UserError(f"{path} is JSON; drafting writes only into TOML role files (`interviewer role init` writes one)")
    settings = _settings(backend, model, base_url, model_path, timeout, no_stream, style)
    if not capabilities(settings).capable_judge:
        raise UserError("drafting needs a capable model, and the embedded SmolLM2 is too small: set OPENAI_API_KEY, "
                        "or give --base-url (a local server) or --model-path (your own GGUF)")
    err = _consoles()[1]
    outcome = draft(path, role, settings, notify=lambda line: err.print(_said(line + "...")))
    if outcome.fault:
        err.print(_said(outcome.line))
        sys.exit(1)
    _emit(table(outcome.drafted).rstrip("\n"))
    for name, why in outcome.rejected.items():
        err.print(_said(f"not drafted: {name.replace('_', ' ')} ({why})"))
    err.print(_said(outcome.line))


# --- demo ----------------------------------------------------------------------------------


@cli.command()
@click.option("--candidate", "-c", default="strong", show_default=True, help="Which scripted candidate (personas/candidates/): strong, weak, awkward, rude, offtopic, multipart, custom-role, terse, asks-back.")
@click.option("--persona", "-p", default="sales-manager", show_default=True, help="Persona id or file.")
@click.option("--seed", type=int, default=1, show_default=True)
@backend_options
def demo(candidate, persona, seed, backend, model, base_url, model_path, timeout, no_stream, style):
    """Watch a simulated candidate run a whole interview (offline on the embedded model)."""
    from interviewer.demo import ScriptedInput, SimulatedCandidate
    from interviewer.personas import load_candidate_script, load_example_role
    from interviewer.simulator import persona_for

    script = load_candidate_script(candidate)
    settings = _settings(backend, model, base_url, model_path, timeout, no_stream, style)
    stream = ScriptedInput(SimulatedCandidate(script), session=None)
    role = load_example_role(script.role) if script.role else None  # a custom-role script brings its own role
    _run_session(persona_for(script, persona), role, settings, script.name, False, None, None, seed, kind="demo", stream=stream)


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
@click.option("--mine/--not-mine", "mine", default=None,
              help="Whose interview this is. Default: yours, unless INTERVIEWER_NAME is set and the candidate has another "
                   "name. Someone else's review is kept in history but not counted in your trends.")
@backend_options
def review(path, candidate, fmt, output, as_json, role_title, company, offline, mine, backend, model, base_url, model_path, timeout,
           no_stream, style):
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
    settings = None if offline else _settings(backend, model, base_url, model_path, timeout, no_stream, style)
    interactive = sys.stdin.isatty() and sys.stderr.isatty() and not as_json
    if output:  # refused before the work, not after
        from interviewer.files import check_output, remember_input

        remember_input(path)
        check_output(output)
    report = review_file(path, candidate, settings, {"role_title": role_title or "", "company": company or ""},
                         ask=_ask_choice if interactive else None, say=lambda msg: err.print(_said(msg)), mine=mine)
    if output:
        reports.write_report(report, fmt, output)
        err.print(_said(f"Report written to {output}"), soft_wrap=True)  # the path stays one copyable line
    elif fmt == "terminal":
        reports.print_report(report, out)
    else:
        _emit(reports.render(report, fmt))


def _ask_choice(question: str, choices: list[str], default: str) -> str:
    """Pick a speaker: names are shown with control characters visible, and mapped back."""
    from interviewer.sanitize import for_terminal

    shown = {for_terminal(c): c for c in choices}
    picked = click.prompt(question, type=click.Choice(list(shown)), default=for_terminal(default), err=True)
    return shown[picked]


# --- sessions, export, personas, doctor --------------------------------------------------------


@cli.command()
@click.option("--limit", default=30, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON lines for tools.")
def sessions(limit, as_json):
    """List saved practice sessions (a table in a terminal, tab-separated when piped)."""
    from interviewer.store import Store

    import json

    from interviewer.history import score_label

    store = Store()
    rows = store.sessions(limit)
    reports = store.session_reports()
    score = {s.id: score_label({c["id"]: c["verdict"] for c in reports[s.id].get("criteria", [])}) if s.id in reports else ""
             for s in rows}  # covered / criteria that applied, once the session has ended
    if as_json:
        for s in rows:
            _emit(json.dumps(s.model_dump() | {"score": score[s.id]}))
        return
    if not sys.stdout.isatty():
        click.echo("id\tstarted\tkind\tpersona\trole\tmodel\tturns\tstatus\tscore")
        for s in rows:
            _emit("\t".join(" ".join(str(x or "").split()) for x in (s.id, s.created_at, s.kind, s.persona, s.role, s.model, s.turns, s.status,
                                                                     score[s.id])))
        return
    from rich.table import Table
    from rich.text import Text

    out, _ = _consoles()
    if not rows:
        out.print("No sessions yet. Start one with `interviewer practice` (or watch `interviewer demo`).")
        return
    table = Table("id", "started", "kind", "persona", "role", "model", "turns", "status", "score")
    for s in rows:
        table.add_row(*(Text(str(x)) for x in (s.id, s.created_at.replace("T", " ")[:16], s.kind, s.persona or "", s.role or "",
                                                 s.model or "", s.turns, s.status, score[s.id])))
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

    store = Store()
    transcript = store.transcript(session_id if session_id else store.find_session(None).id)
    data = transcript.model_dump(mode="json")
    if output and fmt == "json":
        write_json_atomic(output, data)
        return
    text = json.dumps(data, indent=2, ensure_ascii=False) if fmt == "json" else transcript_markdown(transcript)
    if output:
        write_text_atomic(output, text)
    else:
        _emit(text)


@cli.command()
def personas():
    """List the interviewer personas you can practise with."""
    from rich.table import Table
    from rich.text import Text

    from interviewer.personas import all_personas

    out, _ = _consoles()
    table = Table("id", "interviewer", "level", "role", "company")
    table.columns[0].no_wrap = True  # the id is what you type into --persona: never cut it
    for p in all_personas():
        table.add_row(*(Text(x) for x in (p.id, f"{p.name}, {p.title}", p.level.replace("_", " "), p.role_title, p.company)))
    out.print(table)


@cli.command()
@click.option("--base-url", envvar="OPENAI_BASE_URL", default=None)
@click.option("--model-path", envvar="INTERVIEWER_MODEL_PATH", default=None, help="Check this GGUF instead of the embedded SmolLM2.")
def doctor(base_url, model_path):
    """Say which model backends are usable here, and why not (each one really generates)."""
    from rich.text import Text

    from interviewer.doctor import checks

    out, _ = _consoles()
    ok_any = False
    for c in checks(base_url, model_path):
        out.print(Text.assemble(("ok", "green") if c.ok else ("no", "red"), "  ", (c.name, "bold"), f": {c.detail}"))
        ok_any |= c.ok
    if not ok_any:
        sys.exit(1)


# --- between interviews: prep, debrief, history -----------------------------------------------


def _worksheet(name: str, from_file, out, err, defaults: dict | None = None) -> dict:
    from interviewer import worksheet

    qs = worksheet.questions(name)
    if from_file:
        return worksheet.with_defaults(worksheet.from_file(qs, from_file), defaults)
    if not sys.stdin.isatty():
        return worksheet.from_lines(qs, sys.stdin, defaults)
    draft = worksheet.Draft(name)
    try:
        answers = worksheet.interactive(qs, ask=lambda prompt: out.input(prompt, markup=False), say=out.print, draft=draft,
                                        confirm=lambda q: click.confirm(q, default=True), defaults=defaults)
    except (KeyboardInterrupt, EOFError):
        err.print(_said(f"\nStopped. Your answers so far are kept; run `interviewer {name}` again to continue."))
        sys.exit(130)
    draft.clear()
    return answers


def _shell_word(text: str) -> str:
    """A path as the user would type it again (quoted only when it needs to be)."""
    import shlex

    return shlex.quote(str(text))


class _WorksheetCommand(click.Command):
    """Help that lists the keys `--from` accepts, read from the worksheet's own data file."""

    worksheet = ""

    def format_epilog(self, ctx, formatter):
        from interviewer import worksheet

        qs = worksheet.questions(self.worksheet)
        with formatter.section(f"Keys for --from (TOML or JSON; list keys take a list, or items separated by \" | \")"):
            formatter.write_dl([(q.key + (" (list)" if q.kind == "list" else ""), q.ask) for q in qs])
        super().format_epilog(ctx, formatter)


class _PrepCommand(_WorksheetCommand):
    worksheet = "prep"


class _DebriefCommand(_WorksheetCommand):
    worksheet = "debrief"


def _write_or_print(text_for, fmt, output, print_terminal):
    from interviewer.files import write_text_atomic

    if output:
        write_text_atomic(output, text_for(fmt))
        click.echo(_safe(f"Written to {output}"), err=True)
    elif fmt == "terminal":
        print_terminal()
    else:
        _emit(text_for(fmt), nl=False)


@cli.command(cls=_PrepCommand)
@click.option("--from", "from_file", type=click.Path(), default=None,
              help="Answers from a TOML/JSON file instead of questions (its keys are listed below).")
@click.option("--format", "-f", "fmt", type=click.Choice(["terminal", "md", "html", "json"]), default=None)
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write the brief here (.json feeds practice --brief).")
@click.option("--offline", is_flag=True, help="No model suggestions, even when a capable model is configured.")
@backend_options
def prep(from_file, fmt, output, offline, backend, model, base_url, model_path, timeout, no_stream, style):
    """Turn your notes into a one-page preparation brief for the second interview.

    Interactive in a terminal; piped, each input line answers one question (list items
    separated by " | "); or --from a TOML/JSON file with the worksheet's keys."""
    from interviewer import reports
    from interviewer.prep import build_brief, suggest
    from interviewer.reports import between
    from interviewer.reports import document as D
    from interviewer.store import Store

    out, err = _consoles()
    if output:
        from interviewer.files import check_output, remember_input

        if from_file:
            remember_input(from_file)
        check_output(output)
    brief = build_brief(_worksheet("prep", from_file, out, err))
    if not offline:
        settings = _settings(backend, model, base_url, model_path, timeout, no_stream, style)
        from interviewer.backends import build_chat_model, capabilities

        if capabilities(settings).capable_judge:
            brief, note = suggest(brief, build_chat_model(settings, max_tokens=600))
            if note:
                err.print(_said(f"({note}; the brief is complete without them)"))
    bid = Store().save_brief(brief)
    fmt = fmt or (reports.format_for_path(output) if output else "terminal")
    doc = between.brief_document(brief)
    _write_or_print(lambda f: brief.model_dump_json(indent=2) + "\n" if f == "json" else D.render(doc, f), fmt, output,
                    lambda: D.terminal(doc, out))
    # Name what was really written: the JSON file if there is one, else the saved brief's id.
    use = output if output and fmt == "json" else bid
    err.print(_said(f"Brief saved ({bid}). Practise with it: interviewer practice --brief {_shell_word(use)}"), soft_wrap=True)


@cli.command(cls=_DebriefCommand)
@click.option("--from", "from_file", type=click.Path(), default=None,
              help="Answers from a TOML/JSON file instead of questions (its keys are listed below).")
@click.option("--transcript", type=click.Path(), default=None, help="Attach the interview's transcript and review it.")
@click.option("--candidate", "-c", default=None, help="Your name in the transcript.")
@click.option("--export", "export_id", default=None, metavar="ID", help="Write an earlier debrief out instead of writing a new one.")
@click.option("--format", "-f", "fmt", type=click.Choice(["terminal", "md", "html"]), default=None)
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None)
def debrief(from_file, transcript, candidate, export_id, fmt, output):
    """Right after a real interview: write down everything while it's fresh.

    Topics, how it felt, the job, the people, the possible boss, every "Aha!", the next step
    they named and the follow-ups you owe. Attach the transcript to have it reviewed too."""
    from interviewer import reports
    from interviewer.debrief import build_debrief, save_debrief
    from interviewer.reports import between
    from interviewer.reports import document as D
    from interviewer.store import Store

    out, err = _consoles()
    if output:
        from interviewer.files import check_output, remember_input

        for given in (from_file, transcript):
            if given:
                remember_input(given)
        check_output(output)
    store = Store()
    if export_id:
        d = store.find_debrief(export_id)
        linked = store.report(d.report_id) if d.report_id else None
        report = linked["report"] if linked else None
    else:
        known = {}
        if transcript:  # a bad file or name fails now, before anything is typed
            from interviewer.debrief import prefill

            known = prefill(transcript, candidate)
            if known and not sys.stdin.isatty():
                err.print(_said("From the transcript (an answer of your own replaces it): "
                                + "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in known.items())), soft_wrap=True)
        d = build_debrief(_worksheet("debrief", from_file, out, err, defaults=known))
        d, report = save_debrief(store, d, transcript, candidate, None, say=lambda m: err.print(_said(m)))
        err.print(_said(f"Debrief saved as {d.id}. Share it: interviewer debrief --export {d.id} -o debrief.md"))
    fmt = fmt or (reports.format_for_path(output) if output else "terminal")
    doc = between.debrief_document(d, report)
    _write_or_print(lambda f: D.render(doc, f), fmt, output, lambda: D.terminal(doc, out))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="JSON for tools.")
@click.option("--format", "-f", "fmt", type=click.Choice(["terminal", "md", "html"]), default=None)
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None)
@click.option("--delete", "delete_id", default=None, metavar="ID", help="Delete one session, review or debrief (asks first).")
@click.option("--yes", "-y", is_flag=True, help="With --delete: don't ask (needed when not in a terminal).")
@click.option("--export", "export_path", type=click.Path(dir_okay=False), default=None, help="Export everything stored, as JSON.")
def history(as_json, fmt, output, delete_id, yes, export_path):
    """Every practice session, review and debrief over time, with a trend per criterion."""
    from interviewer import history as H
    from interviewer.files import write_json_atomic
    from interviewer.reports import between
    from interviewer.store import Store

    out, err = _consoles()
    store = Store()
    if delete_id:
        if not yes:  # --yes goes straight to the delete, which says itself when there is nothing to delete
            what = store.item_kind(delete_id)
            if what is None:
                raise UserError(f"nothing with id '{delete_id}'; `interviewer history` lists them")
            if not (sys.stdin.isatty() and sys.stderr.isatty()):
                raise UserError(f"not deleting {what} {delete_id} without confirmation; add --yes to delete it")
            if not click.confirm(f"Delete {what} {delete_id} from your history? This cannot be undone", default=False, err=True):
                err.print("Nothing deleted.")
                return
        kind = store.delete(delete_id)
        err.print(_said(f"Deleted {kind} {delete_id}.", style=""))
        return
    if export_path:
        write_json_atomic(export_path, store.export_all())
        err.print(_said(f"Everything stored was written to {export_path}.", style=""))
        return
    h = H.load(store)
    if as_json:
        _emit(h.model_dump_json(indent=2))
        return
    from interviewer import reports

    fmt = fmt or (reports.format_for_path(output) if output else "terminal")
    reports_by_id = {r["id"]: r["report"] for r in store.reports()} if fmt == "html" else {}
    _write_or_print(lambda f: between.history_markdown(h) if f == "md" else between.history_html(h, reports_by_id), fmt, output,
                    lambda: between.print_history(h, out))


# --- in the browser ------------------------------------------------------------------------------


@cli.command()
@click.option("--port", type=int, default=8765, show_default=True, help="Port on 127.0.0.1 (0: any free port).")
@click.option("--no-open", is_flag=True, help="Don't open the browser; just print the address.")
@click.option("--seed", type=int, default=None, help="Fix the interviewer's choices in practice sessions (for repeatable runs).")
@backend_options
def serve(port, no_open, seed, backend, model, base_url, model_path, timeout, no_stream, style):
    """Practise, review and follow your history in your web browser (local only, offline).

    Listens on 127.0.0.1 only and opens a private address (it carries a one-time key)."""
    from interviewer.web.server import serve as run_server

    if not 0 <= port <= 65535:
        raise UserError(f"--port must be between 0 and 65535, not {port}")
    settings = _settings(backend, model, base_url, model_path, timeout, no_stream, style)
    try:
        run_server(settings, port, open_browser=not no_open, say=lambda m: click.echo(m), seed=seed)
    except KeyboardInterrupt:
        pass


def main() -> None:
    cli(prog_name="interviewer")


if __name__ == "__main__":
    main()
