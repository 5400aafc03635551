"""The database: garbage, truncated, locked, read-only, newer-schema or misplaced databases give
one clear line (a damaged file is moved aside and the line says where); a newer schema is never
used; the busy timeout bounds the wait for a lock."""

from __future__ import annotations

import os
import sqlite3
import threading

import pytest

from hostile_tools import database, digest, one_line_error, run


def test_garbage_database_is_moved_aside(home, transcript):
    home.mkdir(parents=True, exist_ok=True)
    db = database(home)
    db.write_bytes(b"this is not a database at all\n" * 100)
    before = digest(db)
    line = one_line_error(run("sessions"), "damaged", "moved")
    backups = [p for p in home.iterdir() if p.name.startswith("interviewer.db.damaged-")]
    assert len(backups) == 1 and str(backups[0]) in line
    assert digest(backups[0]) == before  # kept whole, for recovery
    assert run("sessions").code == 0  # the next run starts a new database


def test_truncated_database_is_moved_aside(populated, home):
    for side in ("-wal", "-shm"):  # everything is in the main file (the fixture checkpointed)
        (home / f"interviewer.db{side}").unlink(missing_ok=True)
    # keep the header (which promises more pages) but cut the file short
    data = populated.read_bytes()
    assert len(data) > 4096 * 2
    populated.write_bytes(data[: len(data) // 2])
    line = one_line_error(run("history"), "damaged", "moved")
    assert "interviewer.db.damaged-" in line


def test_locked_database_is_one_line_within_the_busy_timeout(populated, home):
    holder = sqlite3.connect(populated, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process mid-write, holding the lock
    try:
        line = one_line_error(run("history", "--delete", "nothing-here", "--yes"), "busy", within=15)
        assert str(populated) in line
    finally:
        holder.rollback()
        holder.close()


def test_read_only_database(populated, home, monkeypatch):
    """Opened read-only by SQLite (root ignores file modes, so the URI flag stands in for chmod)."""
    from interviewer import store

    real_connect = sqlite3.connect

    def read_only(path, *args, **kwargs):
        return real_connect(f"file:{path}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(store.sqlite3, "connect", read_only)
    before = digest(populated)
    one_line_error(run("history", "--delete", "nothing-here", "--yes"), "read-only")
    assert digest(populated) == before


def test_newer_schema_is_refused_and_left_alone(populated, home):
    with sqlite3.connect(populated) as db:
        db.execute("PRAGMA user_version=99")
        db.execute("CREATE TABLE from_the_future (x)")
    before = digest(populated)
    line = one_line_error(run("history"), "newer")
    assert "99" in line
    assert digest(populated) == before


def test_interviewer_home_is_a_file(tmp_path, monkeypatch, transcript):
    f = tmp_path / "not-a-folder"
    f.write_text("hello")
    monkeypatch.setenv("INTERVIEWER_HOME", str(f))
    one_line_error(run("sessions"), "INTERVIEWER_HOME", "not a folder")
    one_line_error(run("history"), "INTERVIEWER_HOME")
    assert f.read_text() == "hello"


def test_database_path_is_a_folder(home):
    database(home).mkdir(parents=True)
    one_line_error(run("sessions"), "not a regular file")


def test_session_ids_are_literal_not_like_patterns(tmp_path, home):
    from interviewer.store import Store

    s = Store()
    s.create_session("sales-manager", "Analyst", "embedded", "m")
    s.close()
    for pattern in ("%", "_", "2%", "%_%"):
        one_line_error(run("export", pattern), "no session")
        one_line_error(run("practice", "--resume", pattern), "no session")
    one_line_error(run("debrief", "--export", "%"), "no debrief")
    assert run("export").code == 0  # the latest, by no id


def test_concurrent_writers_wait_instead_of_failing(populated):
    """Busy timeout: short writes from four threads all land."""
    from interviewer.store import Store
    from interviewer.models import Brief

    errors = []

    def write():
        try:
            s = Store()
            for _ in range(5):
                s.save_brief(Brief(landscape="x"))
            s.close()
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=write) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    with sqlite3.connect(populated) as db:
        assert db.execute("SELECT count(*) FROM briefs").fetchone()[0] == 20


def test_review_still_works_with_a_newer_database_and_says_it_was_not_kept(populated, transcript):
    with sqlite3.connect(populated) as db:
        db.execute("PRAGMA user_version=99")
    before = digest(populated)
    r = run("review", str(transcript), "--offline", "--candidate", "Alex Doe")
    assert r.code == 0, r.stderr
    assert "not saved to your history" in r.stderr and "newer" in r.stderr
    assert digest(populated) == before


@pytest.mark.parametrize("where", ["/sys", "/sys/hostile-home"], ids=["unwritable-folder", "cannot-create"])
def test_an_unwritable_home(monkeypatch, where):
    """/sys refuses new files even to root: the database can't be created there."""
    monkeypatch.setenv("INTERVIEWER_HOME", where)
    one_line_error(run("sessions"))
    one_line_error(run("history", "--delete", "x"))
    assert not os.path.exists("/sys/interviewer.db") and not os.path.exists("/sys/hostile-home")
