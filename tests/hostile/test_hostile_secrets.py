"""Secrets never leave: a server whose 401 body echoes the API key (as some proxies do) must not
put the key in the terminal, the report (every format), --json, the database or an error line;
anything shaped like a key is scrubbed too."""

from __future__ import annotations

import json
import sqlite3

import pytest

from hostile_tools import KEY, ScriptedServer, database, one_line_error, run


@pytest.fixture
def echoing(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    with ScriptedServer(status=401) as s:
        yield s


def _db_text(home) -> str:
    db = sqlite3.connect(database(home))
    out = []
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall():
        out += [json.dumps(list(row), default=str) for row in db.execute(f"SELECT * FROM {table}")]
    db.close()
    return "\n".join(out)


def _no_key(*texts: str) -> None:
    for t in texts:
        assert KEY not in t and KEY[:20] not in t, t[:400]


def test_review_with_a_401_that_echoes_the_key(echoing, transcript, home, tmp_path):
    r = run("review", str(transcript), "--base-url", echoing.url, "--candidate", "Alex Doe")
    assert r.code == 0, r.stderr
    assert echoing.requests >= 1  # the server was really asked
    assert "401" in r.stdout and "[redacted]" in r.stdout
    _no_key(r.stdout, r.stderr)
    j = run("review", str(transcript), "--base-url", echoing.url, "--candidate", "Alex Doe", "--json")
    assert j.code == 0
    notes = json.loads(j.stdout)["notes"]
    assert any("401" in n and "[redacted]" in n for n in notes)
    _no_key(j.stdout)
    for ext in ("md", "html", "json", "txt"):
        out = tmp_path / f"report.{ext}"
        assert run("review", str(transcript), "--base-url", echoing.url, "--candidate", "Alex Doe", "-o", str(out)).code == 0
        _no_key(out.read_text())
    _no_key(_db_text(home))
    h = run("history", "--export", str(tmp_path / "all.json"))
    assert h.code == 0
    _no_key((tmp_path / "all.json").read_text())


def test_practice_with_a_401_keeps_going_and_stores_no_key(echoing, home):
    r = run("practice", "--base-url", echoing.url, input="The pipeline stalls in review.\n")
    assert r.code == 0, r.stderr  # a backend fault never ends a session
    _no_key(r.stdout, r.stderr, _db_text(home))


def test_doctor_with_a_401_shows_no_key(echoing):
    r = run("doctor", "--base-url", echoing.url)
    _no_key(r.stdout, r.stderr)
    assert "401" in r.stdout


def test_a_key_typed_into_an_answer_is_not_stored(home):
    """Anything shaped like a key (not only the configured one) is scrubbed from database rows."""
    from interviewer.models import Turn
    from interviewer.store import Store

    s = Store()
    sid = s.create_session("sales-manager", "Analyst", "embedded", "m")
    s.add_turn(sid, 0, Turn(speaker="candidate", name="Al", text="my key is sk-proj-abcdefghijklmnop1234 and Bearer abc.def-ghi_jkl123"))
    s.close()
    text = _db_text(home)
    assert "sk-proj-abcdefghijklmnop1234" not in text and "abc.def-ghi_jkl123" not in text
    assert "my key is [redacted]" in text


def test_error_lines_scrub_keys(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    line = one_line_error(run("review", str(tmp_path / f"{KEY}.txt")), "no such file")
    assert KEY not in line and "[redacted]" in line
    line = one_line_error(run("review", str(tmp_path / "ghp_abcdefghijklmnopqrstuvwxyz0123.txt")), "no such file")
    assert "ghp_abcdefghijklmnopqrstuvwxyz0123" not in line


def test_scrubber_shapes():
    from interviewer.sanitize import scrub

    for secret in ("sk-abcdefghijklmnop1234", "sk-proj-AbCdEfGhIjKlMnOp_1234", "ghp_abcdefghijklmnopqrstuvwxyz0123",
                   "hf_abcdefghijklmnopqrstuvwx", "AKIAABCDEFGHIJKLMNOP", "xoxb-1234567890-abcdef",
                   "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig"):
        assert secret not in scrub(f"value {secret} end"), secret
    assert scrub("Authorization: Bearer abcdefgh12345678") == "Authorization: Bearer [redacted]"
    assert scrub('{"api_key": "abcdef123456"}') == '{"api_key": "[redacted]"}'
    # ordinary words are left alone
    for text in ("the bearer of bad news", "the bearer extraordinaire", "ask-me-anything", "a token gesture", "sk-8 skates"):
        assert scrub(text) == text
