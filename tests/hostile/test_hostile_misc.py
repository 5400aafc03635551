"""One-line errors for everything else: binary or undecodable stdin, output the terminal can't
encode, a bad INTERVIEWER_TIMEOUT, odd /models bodies in doctor, bad flags (one line, not click's
three-line usage block)."""

from __future__ import annotations

import pytest

from hostile_tools import PLAIN, ScriptedServer, one_line_error, run, run_process


# --- stdin ----------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"\xed\xa0\x80 lone surrogate\n", b"\x89PNG\r\n\x1a\n\xff\xfe binary\n"],
                         ids=["surrogate", "binary"])
@pytest.mark.parametrize("command", [["prep", "--offline"], ["debrief"]], ids=["prep", "debrief"])
def test_undecodable_stdin_is_one_line(command, data):
    one_line_error(run(*command, input=data), "utf-8")


def test_undecodable_stdin_in_practice_keeps_earlier_answers(home):
    import sqlite3

    with ScriptedServer(reply="Thanks. Go on.") as s:
        r = run("practice", "--base-url", s.url, input=b"The pipeline stalls in review.\n\xed\xa0\x80\xff\n")
    one_line_error(r, "utf-8", within=20)
    rows = sqlite3.connect(home / "interviewer.db").execute("SELECT text FROM turns WHERE speaker='candidate'").fetchall()
    assert rows == [("The pipeline stalls in review.",)]  # nothing typed before the bad line is lost


def test_surrogate_escaped_input_in_a_json_transcript_is_written_safely(tmp_path):
    """A JSON \\ud800 escape becomes a lone surrogate in memory: outputs still encode."""
    src = tmp_path / "t.json"
    src.write_text('{"turns": [{"speaker": "interviewer", "name": "Dana \\ud800", "text": "Hi?"},'
                   ' {"speaker": "candidate", "name": "Alex", "text": "What are the next steps \\udfff?"}]}')
    for ext in ("md", "html", "json", "txt"):
        out = tmp_path / f"r.{ext}"
        r = run("review", str(src), "--offline", "--candidate", "Alex", "-o", str(out))
        assert r.code == 0, r.stderr
        text = out.read_text(encoding="utf-8")  # strict: the file is valid UTF-8
        assert "\ufffd" in text or "⟨U+D800⟩" in text
    r = run("review", str(src), "--offline", "--candidate", "Alex")
    assert r.code == 0 and "Traceback" not in r.stderr


def test_output_in_an_ascii_only_terminal_is_one_line(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text("Dana Ré: What would you focus on first — honestly?\nAlex Doe: What are the next steps? ✓\n")
    r = run_process("review", str(src), "--offline", "--candidate", "Alex Doe", env={"PYTHONIOENCODING": "ascii"})
    one_line_error(r, "PYTHONIOENCODING")


# --- settings -------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["abc", "-5", "0", "nan"])
def test_bad_interviewer_timeout(monkeypatch, transcript, value):
    monkeypatch.setenv("INTERVIEWER_TIMEOUT", value)
    one_line_error(run("review", str(transcript)), "INTERVIEWER_TIMEOUT")


@pytest.mark.parametrize("value", ["abc", "-1"])
def test_bad_timeout_flag(transcript, value):
    one_line_error(run("review", str(transcript), "--timeout", value), "timeout")


# --- doctor with odd /models bodies ---------------------------------------------------------


@pytest.mark.parametrize("body", [b"[]", b'"just a string"', b'{"data": "nope"}', b'{"data": ["a", 1, null]}',
                                  b"<html>hi</html>", b"[" * 100000 + b"]" * 100000, b'{"data": [{"id": "[/]\\u001b[2J"}]}'],
                         ids=["list", "string", "data-string", "data-items", "html", "deep", "markup-id"])
def test_doctor_with_an_odd_models_body(body):
    from interviewer.doctor import check_compatible

    with ScriptedServer(models_body=body) as s:
        check = check_compatible(s.url)
    if body.startswith(b'{"data": [{"id"'):
        assert check.ok and "[/]" in check.detail
    else:
        assert not check.ok and "not an OpenAI model list" in check.detail


# --- usage errors ---------------------------------------------------------------------------


@pytest.mark.parametrize("args, words", [
    (["review", "--bogus"], ["no such option", "--help"]),
    (["bogus"], ["no such command"]),
    (["--bogus"], ["no such option"]),
    (["review"], ["missing argument"]),
    (["review", "x.txt", "--format", "pdf"], ["invalid value"]),
    (["sessions", "--limit", "many"], ["invalid value"]),
    (["practice", "--seed", "x"], ["invalid value"]),
    (["history", "-o"], ["requires an argument"]),
], ids=["unknown-option", "unknown-command", "unknown-group-option", "missing-argument", "bad-choice", "bad-int",
        "bad-seed", "option-without-value"])
def test_bad_flags_are_one_line(args, words):
    one_line_error(run(*args), *words)


def test_an_endless_line_on_stdin_is_refused(home):
    with ScriptedServer(reply="Thanks. Go on.") as s:
        r = run("practice", "--base-url", s.url, input=b"The pipeline stalls.\n" + b"x" * (1024 * 1024) + b"\n")
    one_line_error(r, "line 2", "KB", within=20)
