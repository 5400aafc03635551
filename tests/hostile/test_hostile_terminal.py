"""One terminal-sanitising boundary: ESC/CSI/OSC sequences, C0/C1 controls and bidi overrides
from a transcript, a name, a path or a model are shown as visible symbols, never interpreted;
every such string reaches rich as Text, so `[/]` never crashes and never vanishes. Markdown and
HTML documents (review, history, debrief, prep, export) escape the same strings."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest

from hostile_tools import PLAIN, ScriptedServer, database, digest, one_line_error, run

# Raw control characters a terminal would act on (tab and newline are text).
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# An HTML tag that would be live: in Markdown an escaped `\<` is literal text.
LIVE_TAG = re.compile(r"(?<!\\)<(?:script|img)\b")

ATTACKS = ("\x1b[2J\x1b[H"           # clear screen, cursor home
           "\x1b]0;pwned\x07"         # window title (OSC)
           "\x1b[1A\x1b[2K"           # cursor up, erase line
           "\x1b[8mhidden\x1b[0m"     # concealed text
           "\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\"  # hyperlink
           "\x9b31m"                   # C1 CSI
           "\u202eevil\u202c")         # right-to-left override
MARKUP = "[/] [bold red]loud[/bold red] [link=http://evil.example]x[/link] [/dim]"


def _escape_laden(tmp_path):
    """A JSON transcript whose names and words carry escapes, markup and raw HTML."""
    turns = [
        {"speaker": "interviewer", "name": "Dana [/] Reyes\x1b[31m", "text": "What would you focus on first? " + ATTACKS},
        {"speaker": "candidate", "name": "Alex [bold]Doe\u202e", "text":
            "From what I saw, the pipeline reviews are where deals stall. Am I in the ballpark? " + MARKUP
            + " <script>alert(1)</script> <img src=x onerror=alert(2)> " + ATTACKS},
        {"speaker": "interviewer", "name": "Dana [/] Reyes\x1b[31m", "text": "Pretty close. Anything else?"},
        {"speaker": "candidate", "name": "Alex [bold]Doe\u202e", "text": "What are the next steps? " + ATTACKS},
    ]
    p = tmp_path / "hostile.json"
    p.write_text(json.dumps({"role": "Analyst [/] <script>alert(1)</script> " + ATTACKS, "turns": turns}), encoding="utf-8")
    return p


def _clean(r):
    assert "Traceback" not in r.stderr, r.stderr
    assert not RAW.search(r.stdout), repr(RAW.search(r.stdout))
    assert not RAW.search(r.stderr), repr(RAW.search(r.stderr))


def test_review_in_the_terminal_shows_escapes_and_markup_as_text(tmp_path):
    src = _escape_laden(tmp_path)
    before = digest(src)
    r = run("review", str(src), "--offline")
    assert r.code == 0, r.stderr
    _clean(r)
    assert "␛[2J␛[H␛]0;pwned" in r.stdout and "⟨U+202E⟩" in r.stdout
    assert "Alex [bold]Doe⟨U+202E⟩" in r.stdout + r.stderr  # the name, markup and all, as typed
    assert "Dana [/] Reyes␛[31m" in r.stdout
    assert digest(src) == before
    assert r.elapsed < 20


@pytest.mark.parametrize("fmt", ["md", "html", "terminal"])
def test_review_documents_escape_controls_markup_and_html(tmp_path, fmt):
    src = _escape_laden(tmp_path)
    out = tmp_path / f"report.{ {'terminal': 'txt'}.get(fmt, fmt) }"
    r = run("review", str(src), "--offline", "--candidate", "Alex [bold]Doe\u202e", "-o", str(out))
    assert r.code == 0, r.stderr
    _clean(r)
    text = out.read_text(encoding="utf-8")
    assert not RAW.search(text)
    if fmt != "terminal":
        assert not LIVE_TAG.search(text)
    if fmt == "md":
        assert r"\<script\>" in text and r"\[/\]" in text
    if fmt == "html":
        assert "&lt;script&gt;" in text


def test_review_json_keeps_the_words_but_no_raw_escape(tmp_path):
    src = _escape_laden(tmp_path)
    r = run("review", str(src), "--offline", "--candidate", "Alex [bold]Doe\u202e", "--json")
    assert r.code == 0, r.stderr
    assert "\x1b" not in r.stdout  # JSON escapes C0 controls
    data = json.loads(r.stdout)
    assert data["candidate"] == "Alex [bold]Doe\u202e"


def test_error_lines_show_controls_in_a_path(tmp_path):
    line = one_line_error(run("review", str(tmp_path / "a\x1b[2Jb[/].txt")), "no such file")
    assert "␛[2J" in line and "[/]" in line and not RAW.search(line)


def test_output_path_with_markup_is_reported_as_typed(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text(PLAIN)
    out = tmp_path / "rep[/]ort[bold].md"
    r = run("review", str(src), "--offline", "--candidate", "Alex Doe", "-o", str(out))
    assert r.code == 0, r.stderr
    assert out.exists() and "rep[/]ort[bold].md" in "".join(r.stderr.split())  # rich may wrap a long path


def test_role_header_with_markup_then_history_keeps_working(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text("Role: Analyst [/] [bold]x\n\n" + PLAIN)
    assert run("review", str(src), "--offline", "--candidate", "Alex Doe").code == 0
    for _ in range(2):  # every later run, not just the first
        r = run("history")
        assert r.code == 0, r.stderr
        assert "Analyst [/]" in r.stdout
    md = run("history", "--format", "md")
    assert md.code == 0 and r"Analyst \[/\]" in md.stdout


def test_history_documents_escape_html_in_a_role(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text("Role: <script>alert(1)</script>\n\n" + PLAIN)
    assert run("review", str(src), "--offline", "--candidate", "Alex Doe").code == 0
    md = run("history", "--format", "md")
    html = run("history", "--format", "html")
    assert md.code == 0 and html.code == 0
    assert not LIVE_TAG.search(md.stdout) and not LIVE_TAG.search(html.stdout)
    assert "&lt;script&gt;" in html.stdout


def _notes(tmp_path, name="notes.toml"):
    p = tmp_path / name
    p.write_text(
        'topics = "<script>alert(1)</script> pipeline [/]"\n'
        'ahas = ["<img src=x onerror=alert(1)>", "# not a heading", "[link=http://evil.example]x[/link]"]\n'
        'job_impressions = "Deals stall <b>here</b>\\n- list item\\n\\u001b[2J cleared"\n'
        'role_title = "Analyst [/] \\u202eevil"\n', encoding="utf-8")
    return p


@pytest.mark.parametrize("fmt", ["md", "html", "terminal"])
def test_debrief_documents_escape_everything(tmp_path, fmt):
    r = run("debrief", "--from", str(_notes(tmp_path)), "--format", fmt)
    assert r.code == 0, r.stderr
    _clean(r)
    if fmt == "terminal":  # the words as typed, markup and all
        assert "<script>alert(1)</script> pipeline [/]" in r.stdout and "␛[2J" in r.stdout
    else:
        assert not LIVE_TAG.search(r.stdout)
    if fmt == "md":
        assert r"\[/\]" in r.stdout and r"\# not a heading" in r.stdout and r"\- list item" in r.stdout


@pytest.mark.parametrize("fmt", ["md", "html", "terminal"])
def test_prep_documents_escape_everything(tmp_path, fmt):
    r = run("prep", "--offline", "--from", str(_prep_notes(tmp_path)), "--format", fmt)
    assert r.code == 0, r.stderr
    _clean(r)
    if fmt == "terminal":
        assert "Analyst [/] <script>x</script>" in r.stdout
    else:
        assert not LIVE_TAG.search(r.stdout)


def _prep_notes(tmp_path):
    p = tmp_path / "prep.toml"
    p.write_text('role_title = "Analyst [/] <script>x</script>"\n'
                 'landscape = "Deals stall <b>here</b>\\n\\u001b]0;title\\u0007 [bold]x"\n'
                 'observations = ["<img src=x onerror=alert(1)>", "\\u202eevil"]\n', encoding="utf-8")
    return p


# --- practice: piped answers, --role, --model, model replies, resume --------------------------


@pytest.fixture
def server():
    reply = "Fair enough [/] — tell me more. \x1b]0;pwned\x07\x1b[2J <script>alert(1)</script> \u202eevil"
    with ScriptedServer(reply=reply) as s:
        yield s


def test_practice_with_markup_everywhere_loses_nothing(tmp_path, server, home):
    role = tmp_path / "role.toml"
    role.write_text('title = "Analyst [/] [bold]x"\ncompany = "Acme \\u001b[2J[/dim]"\n', encoding="utf-8")
    answer = "I think [/] the pipeline \x1b[31mstalls[/red] in review <script>x</script>"
    r = run("practice", "--base-url", server.url, "--model", "m[/]odel", "--role", str(role), "--name", "Al [bold]",
            input=answer + "\n/end\n")
    assert r.code == 0, r.stderr
    _clean(r)
    assert "Analyst [/] [bold]x" in r.stdout and "m[/]odel" in r.stdout
    assert "I think [/] the pipeline ␛[31mstalls[/red]" in r.stdout
    rows = sqlite3.connect(database(home)).execute("SELECT text FROM turns WHERE speaker='candidate'").fetchall()
    assert [t for (t,) in rows] == [answer]  # saved exactly as typed
    export = run("export", "--format", "md")
    assert export.code == 0 and not LIVE_TAG.search(export.stdout) and r"\[/\]" in export.stdout


def test_resuming_a_session_whose_reply_has_markup_and_escapes(tmp_path, server, home):
    r = run("practice", "--base-url", server.url, input="The pipeline stalls in review.\n")
    assert r.code == 0, r.stderr
    db = sqlite3.connect(database(home))
    sid = db.execute("SELECT id FROM sessions").fetchone()[0]
    with db:  # the last interviewer reply as a hostile model might have written it; session left active
        db.execute("UPDATE turns SET text=? WHERE session_id=? AND idx=(SELECT max(idx) FROM turns WHERE speaker='interviewer')",
                   ("Noted [/] \x1b]0;pwned\x07 [bold]carry on", sid))
        db.execute("UPDATE sessions SET status='active'")
    db.close()
    for _ in range(2):
        r = run("practice", "--base-url", server.url, "--resume", input="")
        assert r.code == 0, r.stderr
        _clean(r)
        # rich itself drops BEL, BS, VT, FF and CR; every other control is shown as a symbol
        assert "Noted [/] ␛]0;pwned [bold]carry on" in r.stdout, r.stdout
        with sqlite3.connect(database(home)) as db2:
            db2.execute("UPDATE sessions SET status='active'")


def test_the_boundary_also_covers_live_displays_and_forced_terminals():
    """The coach side panel streams through rich's Live; a real terminal gets styles (rich's own
    escapes) but never the transcript's."""
    import io

    from rich.live import Live
    from rich.text import Text

    from interviewer.sanitize import SafeConsole

    buf = io.StringIO()
    console = SafeConsole(file=buf, force_terminal=True, width=80, color_system="truecolor")
    text = Text("Dana: ", style="bold magenta")
    with Live(text, console=console, auto_refresh=False) as live:
        text.append("tell me \x1b]0;pwned\x07 more \x1b[2J [/] \u202eevil")
        live.update(text, refresh=True)
    console.print(Text.assemble(("you ›", "bold cyan"), " \x9b31m answer \x1b[8mhidden"))
    out = buf.getvalue()
    assert "\x1b]0;pwned" not in out and "\x1b[2J" not in out and "\u202e" not in out and "\x9b" not in out
    assert "\x1b[8mhidden" not in out
    assert "␛]0;pwned" in out and "⟨U+202E⟩evil" in out and "␛[8mhidden" in out
    assert "\x1b[" in out  # rich's own styling still reaches a real terminal
