"""The practice terminal a new user sees (issue 12): interviewer lines wrapped at word boundaries,
a coach that sits beside the conversation (or one status line when narrow), persona ids never cut,
and a --save file that never lags the database and ends with the report."""

from __future__ import annotations

import io
import json

from click.testing import CliRunner
from rich.console import Console
from rich.text import Text

from interviewer import terminal
from interviewer.backends import resolve
from interviewer.cli import cli
from interviewer.personas import all_personas, load_persona
from interviewer.session import Session
from interviewer.store import Store

LONG = ("Thanks for coming back in. I'd like to pick up our conversation from last time about the weekly pipeline "
        "report and how the branches use it, because that is where most of the conversation will go today. ") * 3


def recorded(width: int) -> Console:
    return Console(width=width, record=True, file=io.StringIO(), color_system=None, highlight=False)


def session(tmp_path, **kw) -> Session:
    # No chat model: the interview speaks the persona's own plan lines (the real fallback path).
    return Session(load_persona("sales-manager"), resolve(env={}), Store(tmp_path / "db.sqlite"), chat_model=None, seed=1, **kw)


def test_streamed_text_wraps_between_words_at_80_and_160_columns():
    for width in (80, 160):
        console = recorded(width)
        console.print("Dana Reyes: ", end="")
        wrap = terminal.WordWrap(console, start_column=len("Dana Reyes: "))
        for i in range(0, len(LONG), 7):  # a stream cuts words anywhere
            wrap.feed(LONG[i:i + 7])
        wrap.close()
        lines = console.export_text().splitlines()
        assert all(len(line) <= width for line in lines), width
        assert " ".join(" ".join(lines).split()[2:]) == " ".join(LONG.split())  # no word split or lost


def test_a_practice_session_never_breaks_an_interviewer_word_across_lines(tmp_path):
    for width in (80, 160):
        console = recorded(width)
        s = session(tmp_path)
        answers = io.StringIO("I think the branch reporting is manual and slow today.\nWhat's the next step?\n")
        terminal.run(s, console, stream=answers, interactive=False, err=recorded(width))
        text = console.export_text()
        lines = text.splitlines()
        assert all(len(line) <= width for line in lines), [line for line in lines if len(line) > width][:2]
        tokens = set(text.split())
        for t in s.interview.turns:
            if t.speaker == "interviewer":
                assert all(w in tokens for w in t.text.split()), t.text


def test_the_coach_is_a_side_panel_when_wide_and_one_status_line_when_narrow(tmp_path):
    wide = recorded(160)
    terminal.run(session(tmp_path, candidate_name="Alex"), wide, stream=io.StringIO("I think the reporting is manual.\n"),
                 interactive=False, coach=True, err=recorded(160))
    text = wide.export_text()
    assert text.count("not yet") == 1 and "interviewed them too" in text  # the legend, once
    name = load_persona("sales-manager").name
    beside = [line for line in text.splitlines() if line.startswith(name) and "coach" in line]
    assert beside, "the coach column starts on the interviewer's first line"
    assert all(len(line) <= 160 for line in text.splitlines())

    narrow = recorded(80)
    terminal.run(session(tmp_path, candidate_name="Alex"), narrow, stream=io.StringIO("I think the reporting is manual.\n"),
                 interactive=False, coach=True, err=recorded(80))
    lines = narrow.export_text().splitlines()
    status = [line for line in lines if line.startswith("coach  ")]
    assert len(status) == 2 and all(len(line) <= 80 for line in status)  # one line per interviewer turn
    assert not any(line.startswith("╭") and "coach" in line for line in lines)


def test_personas_shows_every_id_whole_at_80_columns():
    result = CliRunner(env={"COLUMNS": "80"}).invoke(cli, ["personas"])
    assert result.exit_code == 0
    assert max(len(line) for line in result.output.splitlines()) <= 80
    for p in all_personas():
        assert p.id in result.output


def test_save_never_lags_the_database_and_ends_with_the_report(tmp_path):
    path = tmp_path / "t.json"
    s = session(tmp_path, save_path=str(path))
    s.start()
    seen_while_replying = []

    def on_text(_piece: str) -> None:  # the model is "speaking": a crash now must not lose the answer
        seen_while_replying.append(json.loads(path.read_text())["turns"][-1]["text"])

    s.answer("I think the branch reporting is manual today.", on_text)
    assert seen_while_replying and seen_while_replying[0] == "I think the branch reporting is manual today."
    db_turns = [t.text for t in s.store.turns(s.id)]
    assert [t["text"] for t in json.loads(path.read_text())["turns"]] == db_turns
    report = s.end()
    data = json.loads(path.read_text())
    assert list(data)[-1] == "report" and data["report"]["criteria"][0]["id"] == report.criteria[0].id
    # the saved file is still a transcript `interviewer review` reads
    result = CliRunner().invoke(cli, ["review", str(path), "--offline", "--json", "--candidate", "Candidate"])
    assert result.exit_code == 0, result.output


def test_coach_marks_and_words_come_from_the_rubric():
    """The terminal coach spells no mark or word of its own (prompts/rubric.toml does)."""
    from interviewer import terminal
    from interviewer.criteria import COACH_LABEL, COACH_MARK

    plain = Text.from_markup(terminal.LEGEND).plain
    for verdict, mark in COACH_MARK.items():
        assert f"{mark} {COACH_LABEL[verdict]}" in plain
        assert Text.from_markup(terminal._MARK[verdict]).plain == mark
