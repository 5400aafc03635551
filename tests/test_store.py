"""The local database: one commit per turn, numbered migrations that keep old data."""

from __future__ import annotations

import sqlite3

from interviewer.models import Turn
from interviewer.store import MIGRATIONS, Store


def test_an_older_database_is_migrated_without_losing_sessions(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    MIGRATIONS[0](db)  # the schema as the first release wrote it
    db.execute("PRAGMA user_version=1")
    db.execute("INSERT INTO sessions (id, created_at, updated_at, persona) VALUES ('s1', '2026-01-01', '2026-01-01', 'sales-manager')")
    db.execute("INSERT INTO turns (session_id, idx, speaker, name, text) VALUES ('s1', 0, 'interviewer', 'Priya', 'Welcome back.')")
    db.commit()
    db.close()
    store = Store(path)
    assert store.version == len(MIGRATIONS)
    assert [t.text for t in store.turns("s1")] == ["Welcome back."]
    assert store.find_session("s1").persona == "sales-manager"
    assert store.reports() == []  # the new table exists and is usable


def test_turns_are_committed_one_by_one_and_undo_truncates(tmp_path):
    store = Store(tmp_path / "db")
    sid = store.create_session("sales-manager", "Sales Analyst", "embedded", "SmolLM2")
    for i, text in enumerate(["Welcome.", "Thanks.", "Tell me more.", "Sure."]):
        store.add_turn(sid, i, Turn(speaker="interviewer" if i % 2 == 0 else "candidate", name="x", text=text))
    other = sqlite3.connect(tmp_path / "db")  # a second reader sees every committed turn
    assert other.execute("SELECT COUNT(*) FROM turns").fetchone()[0] == 4
    store.truncate_turns(sid, 2)
    assert [t.text for t in store.turns(sid)] == ["Welcome.", "Thanks."]
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_sessions_are_found_by_unique_prefix(tmp_path):
    import pytest

    from interviewer.errors import UserError

    store = Store(tmp_path / "db")
    sid = store.create_session("p", None, "embedded", "m")
    assert store.find_session(sid[:10]).id == sid
    assert store.find_session(None).id == sid
    with pytest.raises(UserError):
        store.find_session("zzz")
