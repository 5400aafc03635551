"""The command line as a user meets it: one-line errors with exit 2, reports in every format,
piped practice, saved transcripts, sessions, export, resume after kill -9."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

LABELLED = Path(__file__).resolve().parent / "labelled"


def cli(*args: str, stdin: str | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "interviewer", *args], input=stdin, capture_output=True, text=True,
                          timeout=timeout, env=os.environ.copy())


def assert_one_line_error(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for w in words:
        assert w.lower() in lines[0].lower(), lines[0]


def test_help_does_not_load_the_model_engine_or_langchain():
    code = ("import sys; from click.testing import CliRunner; from interviewer.cli import cli; "
            "r = CliRunner().invoke(cli, ['--help']); assert r.exit_code == 0, r.output; "
            "assert 'practice' in r.output and 'review' in r.output; "
            "heavy = [m for m in ('xllamacpp', 'langchain_core', 'openai') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", ["empty"]),
        (b"   \n\n  ", ["empty"]),
        (b"\x00\x01\x02\x03binary\x00\xff\xfe" * 50, ["binary"]),
        (b"Just a paragraph of notes without any speakers at all.\nAnother line.", ["no speaker"]),
        (b"Dana: Hello there.\nDana: Anyone?\nDana: Hello?", ["only one speaker"]),
    ],
)
def test_review_of_bad_input_is_a_one_line_error(tmp_path, content, words):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    assert_one_line_error(cli("review", str(path)), *words)


def test_review_of_a_missing_or_huge_file_or_unknown_candidate(tmp_path):
    assert_one_line_error(cli("review", str(tmp_path / "nope.vtt")), "no such file")
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"A: hi\nB: hello\n" * (11 * 1024 * 1024 // 15))
    assert_one_line_error(cli("review", str(huge)), "10 MB")
    assert_one_line_error(cli("review", str(LABELLED / "sales_strong_zoom.vtt"), "--candidate", "Zed Nobody"), "not in the transcript")


def test_review_json_has_the_documented_shape_and_never_touches_its_input(tmp_path):
    src = LABELLED / "sales_strong_zoom.vtt"
    before = (hashlib.sha256(src.read_bytes()).hexdigest(), src.stat().st_mtime_ns)
    result = cli("review", str(src), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"candidate", "format", "turns", "criteria"}
    assert data["format"] == "zoom_vtt" and isinstance(data["turns"], int)
    ids = [c["id"] for c in data["criteria"]]
    assert ids[:3] == ["role_vision", "ballpark_check", "next_steps"] and len(ids) == 6
    for c in data["criteria"]:
        assert c["verdict"] in ("covered", "partial", "missed", "not_applicable")
        assert set(c) >= {"id", "verdict", "evidence", "feedback"}
        for e in c["evidence"]:
            assert set(e) >= {"turn", "quote"}
    assert "Candidate:" in result.stderr  # who was taken as the candidate, and how sure
    assert (hashlib.sha256(src.read_bytes()).hexdigest(), src.stat().st_mtime_ns) == before


@pytest.mark.parametrize("fmt, marker", [("md", "| Criterion"), ("html", "<!DOCTYPE html>"), ("terminal", "covered")])
def test_review_writes_every_format_to_a_file(tmp_path, fmt, marker):
    out = tmp_path / f"report.{fmt}"
    result = cli("review", str(LABELLED / "nurse_zoom.vtt"), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert marker.lower() in text.lower()
    assert "Turn " in text  # quotes come with their turn numbers


def test_practice_rejects_bad_flags_and_files_in_one_line(tmp_path):
    assert_one_line_error(cli("practice", "--persona", "nobody", stdin=""), "unknown persona")
    assert_one_line_error(cli("practice", "--role", str(tmp_path / "missing.toml"), stdin=""), "no such file")
    bad = tmp_path / "role.toml"
    bad.write_text('company = "Acme"\n')  # a title alone is a role file; no title is not
    assert_one_line_error(cli("practice", "--role", str(bad), stdin=""), "title")
    persona = tmp_path / "p.toml"
    persona.write_text('id = "x"\nname = "X"\n')
    assert_one_line_error(cli("practice", "--persona", str(persona), stdin=""), "p.toml")
    assert cli("practice", "--bogus-flag").returncode == 2


@pytest.mark.embedded
def test_piped_practice_saves_the_transcript_and_lists_and_exports_it(tmp_path):
    save = tmp_path / "t.json"
    answers = "\n".join([
        "Thanks for having me back.",
        "I think the pipeline data is inconsistent across branches, and I'd standardize the stage definitions first. Am I in the ballpark?",
        "/hint",
        "What's the next step, and is there anything you need from me?",
    ]) + "\n"
    result = cli("practice", "--save", str(save), "--name", "Alex Doe", "--seed", "2", stdin=answers)
    assert result.returncode == 0, result.stderr
    data = json.loads(save.read_text())
    assert set(data) == {"id", "persona", "role", "backend", "model", "turns", "report"}  # the report closes the file
    assert data["backend"] == "embedded" and data["persona"] == "sales-manager"
    speakers = [t["speaker"] for t in data["turns"]]
    assert speakers[0] == "interviewer" and speakers.count("candidate") == 3  # /hint is not a turn
    assert all(set(t) == {"speaker", "name", "text", "at"} for t in data["turns"])
    assert data["turns"][1]["name"] == "Alex Doe" and data["turns"][1]["text"] == "Thanks for having me back."
    assert "Shared a vision of the role" in result.stdout  # the report closes the session
    listed = cli("sessions")
    assert data["id"] in listed.stdout
    md = cli("export", data["id"], "--format", "md")
    assert "Thanks for having me back." in md.stdout and "Alex Doe" in md.stdout
    js = json.loads(cli("export", data["id"], "--format", "json").stdout)
    assert [t["text"] for t in js["turns"]] == [t["text"] for t in data["turns"]]
    assert_one_line_error(cli("export", "no-such-session"), "no session")


@pytest.mark.embedded
def test_a_killed_session_keeps_its_turns_and_resumes(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "interviewer", "practice", "--seed", "1"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    first = "I think the reporting is manual and slow, and I'd automate the weekly pipeline report first."
    proc.stdin.write(first + "\n")
    proc.stdin.flush()
    from interviewer.store import Store

    deadline = time.time() + 120
    while time.time() < deadline:  # wait until the reply to the first answer is saved
        sessions = Store().sessions()
        if sessions and sessions[0].turns >= 3:
            break
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    info = Store().sessions()[0]
    turns = Store().turns(info.id)
    assert info.status == "active" and len(turns) >= 3 and turns[1].text == first
    resumed = cli("practice", "--resume", stdin="We should also look at how the branch managers use the data.\n")
    assert resumed.returncode == 0, resumed.stderr
    assert f"Resuming session {info.id}" in resumed.stdout
    after = Store().turns(info.id)
    assert [t.text for t in after[:3]] == [t.text for t in turns[:3]] and len(after) >= 5
    assert Store().find_session(info.id).status == "ended"
    assert_one_line_error(cli("practice", "--resume", info.id, stdin=""), "has ended")


@pytest.mark.embedded
def test_ctrl_c_ends_the_session_cleanly_with_a_report(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "interviewer", "practice"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    from interviewer.store import Store

    deadline = time.time() + 60
    while time.time() < deadline and not (Store().sessions() and Store().sessions()[0].turns >= 1):
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "Interrupted" in out
    assert Store().sessions()[0].status == "ended"
