"""History that counts right (issue 12): one entry per reviewed transcript and person, whose
interview each row is, trends from your own interviews only, a delete that asks first, an HTML
page with what you miss most, coloured verdicts and rows linked to their reports, and a score
per practice session."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from interviewer.cli import cli
from interviewer.store import MIGRATIONS, Store

LABELLED = Path(__file__).resolve().parent / "labelled"
OTTER = LABELLED / "sales_otter.txt"  # Riley Thompson's interview


def run(*args: str, input: str | None = None, env: dict | None = None):
    return CliRunner(env=env).invoke(cli, list(args), input=input)


def history() -> dict:
    result = run("history", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_rendering_the_same_review_three_ways_is_one_history_entry(tmp_path):
    for extra in (["--json"], ["-o", str(tmp_path / "r.html")], ["-o", str(tmp_path / "r.md")]):
        assert run("review", str(OTTER), "--offline", "--candidate", "Riley Thompson", *extra).exit_code == 0
    # the same words with Windows line endings are still the same transcript
    crlf = tmp_path / "copy.txt"
    crlf.write_bytes(OTTER.read_bytes().replace(b"\n", b"\r\n"))
    assert run("review", str(crlf), "--offline", "--candidate", "Riley Thompson", "--json").exit_code == 0
    rows = [r for r in history()["rows"] if r["kind"] == "review"]
    assert len(rows) == 1 and rows[0]["source"].endswith("copy.txt")
    # the other person in the same transcript is another entry
    assert run("review", str(OTTER), "--offline", "--candidate", "Dana Whitfield", "--json").exit_code == 0
    assert len([r for r in history()["rows"] if r["kind"] == "review"]) == 2


def test_someone_elses_interview_is_marked_and_left_out_of_the_trends():
    assert run("review", str(OTTER), "--offline", "--candidate", "Riley Thompson", "--not-mine", "--json").exit_code == 0
    h = history()
    (row,) = h["rows"]
    assert row["owner"] == "other" and row["who"] == "Riley Thompson" and row["source"].endswith("sales_otter.txt")
    assert all(v == [] for v in h["trends"].values()) and h["most_missed"] == []
    # re-reviewing it as your own updates the same entry, which now counts
    assert run("review", str(OTTER), "--offline", "--candidate", "Riley Thompson", "--mine", "--json").exit_code == 0
    h = history()
    assert [r["owner"] for r in h["rows"]] == ["own"] and any(h["trends"].values())


def test_your_name_tells_your_interviews_from_others():
    env = {"INTERVIEWER_NAME": "Alex Doe"}
    result = run("review", str(OTTER), "--offline", "--candidate", "Riley Thompson", "--json", env=env)
    assert result.exit_code == 0 and "someone else's" in result.stderr
    assert history()["rows"][0]["owner"] == "other"


def test_delete_asks_first_and_refuses_when_it_cannot_ask():
    assert run("review", str(OTTER), "--offline", "--candidate", "Riley Thompson", "--json").exit_code == 0
    rid = history()["rows"][0]["id"]
    refused = run("history", "--delete", rid)  # CliRunner's stdin is not a terminal
    assert refused.exit_code == 2 and len(refused.stderr.strip().splitlines()) == 1 and "--yes" in refused.stderr
    assert len(history()["rows"]) == 1
    assert run("history", "--delete", rid, "--yes").exit_code == 0
    assert history()["rows"] == []


def test_the_html_history_has_most_missed_colours_and_links_to_each_report(tmp_path):
    assert run("review", str(OTTER), "--offline", "--candidate", "Riley Thompson", "--json").exit_code == 0
    weak = LABELLED / "accountant_weak_zoom.vtt"
    assert run("review", str(weak), "--offline", "--json").exit_code == 0
    page = run("history", "--format", "html").stdout
    assert "Most often missed" in page
    assert 'class="v v-missed"' in page or 'class="v v-partial"' in page
    for row in history()["rows"]:
        anchor = f'href="#r-{row["report_id"]}"'
        assert anchor in page and f'id="r-{row["report_id"]}"' in page
    md = run("history", "--format", "md").stdout
    assert "Most often missed" in md and "| whose |" in md


def test_sessions_show_a_score(tmp_path):
    from interviewer.backends import resolve
    from interviewer.personas import load_persona
    from interviewer.session import Session

    s = Session(load_persona("sales-manager"), resolve(env={}), Store(), chat_model=None, seed=1)
    s.start()
    s.answer("What's the next step, and is there anything you need from me?")
    report = s.end()
    applied = [c for c in report.criteria if c.verdict != "not_applicable"]
    expected = f"{sum(c.verdict == 'covered' for c in applied)}/{len(applied)}"
    out = run("sessions").stdout
    header, line = out.splitlines()[0], out.splitlines()[1]
    assert header.split("\t")[-1] == "score" and line.split("\t")[-1] == expected


def test_the_migration_keeps_old_reviews(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for step in MIGRATIONS[:3]:
        step(db)
    db.execute("PRAGMA user_version=3")
    db.execute("INSERT INTO reports (id, created_at, kind, report) VALUES ('r1', '2026-01-01', 'review', '{\"criteria\": []}')")
    db.commit()
    db.close()
    store = Store(path)
    assert store.version == len(MIGRATIONS)
    (old,) = store.reports()
    assert old["id"] == "r1" and old["owner"] == "own" and old["content_key"] is None


def test_the_history_table_fits_80_columns_with_whole_ids():
    assert run("review", str(OTTER), "--offline", "--candidate", "Riley Thompson", "--json").exit_code == 0
    assert run("review", str(OTTER), "--offline", "--candidate", "Dana Whitfield", "--not-mine", "--json").exit_code == 0
    out = run("history", env={"COLUMNS": "80"}).stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    for row in history()["rows"]:
        assert row["id"] in out
    assert "other: D" in out  # whose interview, even when the name is cut short
