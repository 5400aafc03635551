"""The local database: sessions, their turns, reports. SQLite in WAL mode, one committed
transaction per turn, so `kill -9` loses at most the turn in flight. Numbered migrations
(as simonw/llm does) mean an upgrade never loses history."""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel

from interviewer.errors import UserError
from interviewer.models import Brief, Debrief, Report, Transcript, Turn
from interviewer.resources import user_dir
from interviewer.sanitize import clean

DB_NAME = "interviewer.db"
BUSY_TIMEOUT = 5.0  # seconds to wait for another interviewer's write before saying the database is busy

MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = []


def migration(fn: Callable[[sqlite3.Connection], None]) -> Callable[[sqlite3.Connection], None]:
    MIGRATIONS.append(fn)
    return fn


@migration
def m001_sessions(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'practice',
            persona TEXT,
            role TEXT,
            backend TEXT,
            model TEXT,
            status TEXT NOT NULL DEFAULT 'active',
            plan_state TEXT
        );
        CREATE TABLE turns (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            speaker TEXT NOT NULL,
            name TEXT NOT NULL,
            text TEXT NOT NULL,
            at TEXT,
            stage TEXT,
            source TEXT,
            PRIMARY KEY (session_id, idx)
        );
        """
    )


@migration
def m002_reports(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE reports (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            kind TEXT NOT NULL,
            session_id TEXT REFERENCES sessions(id) ON DELETE SET NULL,
            candidate TEXT,
            role TEXT,
            source TEXT,
            report TEXT NOT NULL
        );
        CREATE INDEX reports_created ON reports(created_at);
        """
    )


@migration
def m003_briefs_and_debriefs(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE briefs (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            role TEXT,
            company TEXT,
            brief TEXT NOT NULL
        );
        CREATE TABLE debriefs (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            interview_date TEXT,
            role TEXT,
            company TEXT,
            report_id TEXT REFERENCES reports(id) ON DELETE SET NULL,
            debrief TEXT NOT NULL
        );
        """
    )


@migration
def m004_review_identity(db: sqlite3.Connection) -> None:
    """One history entry per reviewed transcript and person (content_key), and whose interview it is."""
    db.executescript(
        """
        ALTER TABLE reports ADD COLUMN content_key TEXT;
        ALTER TABLE reports ADD COLUMN owner TEXT NOT NULL DEFAULT 'own';
        CREATE UNIQUE INDEX reports_content_key ON reports(content_key) WHERE content_key IS NOT NULL;
        """
    )


class SessionInfo(BaseModel):
    id: str
    created_at: str
    updated_at: str
    kind: str
    persona: str | None
    role: str | None
    backend: str | None
    model: str | None
    status: str
    turns: int = 0


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(2)


def database_path() -> Path:
    """Where the database lives (the folder is not created here)."""
    return user_dir(create=False) / DB_NAME


class DatabaseError(UserError):
    """The database can't be used: one line saying why and what to do."""


def explain(error: sqlite3.Error, path: Path | str) -> DatabaseError:
    """A sqlite3 error as one line; a damaged file is moved aside first, and the line says where."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseError(f"the database {path} is busy (another interviewer is writing to it); try again in a moment")
    if "readonly" in text or "read-only" in text or "read only" in text:
        return DatabaseError(f"the database {path} is read-only; make it (and its folder) writable, or set INTERVIEWER_HOME")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        backup = quarantine(Path(path))
        where = f"moved it to {backup}" if backup else "could not move it aside"
        return DatabaseError(f"the database {path} is damaged ({error}); {where}; a new one is started on the next run")
    if "unable to open" in text or "disk i/o" in text or "full" in text:
        return DatabaseError(f"cannot use the database {path}: {error}")
    return DatabaseError(f"database error in {path}: {error}")


def quarantine(path: Path) -> Path | None:
    """Move a damaged database (and its -wal/-shm) aside, keeping it for recovery."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        os.replace(path, backup)
    except OSError:
        return None
    for suffix in ("-wal", "-shm"):
        try:
            os.replace(f"{path}{suffix}", f"{backup}{suffix}")
        except OSError:
            pass
    return backup


class _Connection(sqlite3.Connection):
    """Every value written is scrubbed of secrets and made encodable; every error is one line."""

    def execute(self, sql, parameters=(), /):
        if parameters:
            parameters = tuple(clean(p) if isinstance(p, str) else p for p in parameters)
        try:
            return super().execute(sql, parameters)
        except sqlite3.Error as e:
            raise explain(e, self.path) from None


class Store:
    def __init__(self, path: Path | str | None = None, timeout: float = BUSY_TIMEOUT):
        self.path = Path(path) if path else user_dir() / DB_NAME
        if self.path.exists() and not self.path.is_file():
            raise DatabaseError(f"the database {self.path} is not a regular file")
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=timeout, factory=_Connection)
            self.db.path = self.path
            self.db.row_factory = sqlite3.Row
            self.db.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # garbage fails here
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.migrate()
        except sqlite3.Error as e:
            raise explain(e, self.path) from None
        except DatabaseError:
            if getattr(self, "db", None) is not None:
                self.db.close()
            raise

    def migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):  # written by a newer interviewer: never guess at its tables
            raise DatabaseError(f"the database {self.path} was written by a newer interviewer (schema {version}; this version "
                                f"knows {len(MIGRATIONS)}); upgrade interviewer, or set INTERVIEWER_HOME to another folder")
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.db:
                self.db.execute("BEGIN")
                step(self.db)
                self.db.execute(f"PRAGMA user_version={number}")

    @property
    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.db.close()

    # --- sessions ---------------------------------------------------------------------------

    def create_session(self, persona: str, role: str | None, backend: str, model: str, kind: str = "practice") -> str:
        sid = new_id()
        now = _now()
        self.db.execute(
            "INSERT INTO sessions (id, created_at, updated_at, kind, persona, role, backend, model) VALUES (?,?,?,?,?,?,?,?)",
            (sid, now, now, kind, persona, role, backend, model),
        )
        return sid

    def add_turn(self, session_id: str, idx: int, turn: Turn, stage: str | None = None, source: str | None = None,
                 plan_state: str | None = None) -> None:
        """One committed transaction: the turn, and the plan state it leaves behind."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute(
                "INSERT OR REPLACE INTO turns (session_id, idx, speaker, name, text, at, stage, source) VALUES (?,?,?,?,?,?,?,?)",
                (session_id, idx, turn.speaker, turn.name, turn.text, turn.at.isoformat() if turn.at else None, stage, source),
            )
            self.db.execute(
                "UPDATE sessions SET updated_at=?, plan_state=COALESCE(?, plan_state) WHERE id=?", (_now(), plan_state, session_id)
            )

    def truncate_turns(self, session_id: str, keep: int, plan_state: str | None = None) -> None:
        """/undo: drop every turn from index `keep` on."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("DELETE FROM turns WHERE session_id=? AND idx>=?", (session_id, keep))
            self.db.execute("UPDATE sessions SET updated_at=?, plan_state=COALESCE(?, plan_state) WHERE id=?",
                            (_now(), plan_state, session_id))

    def end_session(self, session_id: str) -> None:
        self.db.execute("UPDATE sessions SET status='ended', updated_at=? WHERE id=?", (_now(), session_id))

    _SESSION_ROWS = "SELECT s.*, (SELECT COUNT(*) FROM turns t WHERE t.session_id=s.id) AS turns FROM sessions s "

    def sessions(self, limit: int = 50, prefix: str = "") -> list[SessionInfo]:
        # a literal prefix (substr, not LIKE: `%` and `_` in an id are just characters)
        rows = self.db.execute(self._SESSION_ROWS + "WHERE substr(s.id, 1, ?) = ? ORDER BY s.created_at DESC, s.id DESC LIMIT ?",
                               (len(prefix), prefix, limit)).fetchall()
        return [SessionInfo(**{k: r[k] for k in SessionInfo.model_fields}) for r in rows]

    def find_session(self, session_id: str | None) -> SessionInfo:
        """A session by id or unique id prefix; None means the latest one."""
        if session_id is None:
            found = self.sessions(limit=1)
            if not found:
                raise UserError("there are no saved sessions yet; start one with `interviewer practice`")
            return found[0]
        found = self.sessions(limit=2, prefix=session_id)
        if not found:
            raise UserError(f"no session '{session_id}'; `interviewer sessions` lists them")
        if len(found) > 1:
            raise UserError(f"'{session_id}' matches more than one session; give more of the id")
        return found[0]

    def plan_state(self, session_id: str) -> str | None:
        row = self.db.execute("SELECT plan_state FROM sessions WHERE id=?", (session_id,)).fetchone()
        return row["plan_state"] if row else None

    def turns(self, session_id: str) -> list[Turn]:
        rows = self.db.execute("SELECT * FROM turns WHERE session_id=? ORDER BY idx", (session_id,)).fetchall()
        return [Turn(speaker=r["speaker"], name=r["name"], text=r["text"], at=r["at"]) for r in rows]

    def transcript(self, session_id: str) -> Transcript:
        info = self.find_session(session_id)
        return Transcript(id=info.id, persona=info.persona, role=info.role, backend=info.backend, model=info.model,
                          turns=self.turns(info.id))

    # --- reports ----------------------------------------------------------------------------

    def save_report(self, report: Report, kind: str, session_id: str | None = None, source: str | None = None,
                    content_key: str | None = None, owner: str = "own") -> str:
        """A new report; with a content_key (transcript + candidate) an earlier report of the same
        transcript and person is updated in place instead, so re-rendering never adds an entry."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            row = self.db.execute("SELECT id, kind FROM reports WHERE content_key=?", (content_key,)).fetchone() if content_key else None
            if row:
                kind = "debrief" if "debrief" in (kind, row["kind"]) else kind  # a debrief keeps its linked review
                self.db.execute("UPDATE reports SET created_at=?, kind=?, candidate=?, role=?, source=?, report=?, owner=? WHERE id=?",
                                (_now(), kind, report.candidate, report.role, source, report.model_dump_json(), owner, row["id"]))
                return row["id"]
            rid = new_id()
            self.db.execute(
                "INSERT INTO reports (id, created_at, kind, session_id, candidate, role, source, report, content_key, owner) "
                "VALUES (?,?,?,?,?,?,?,?,?,?)",
                (rid, _now(), kind, session_id, report.candidate, report.role, source, report.model_dump_json(), content_key, owner),
            )
            return rid

    def session_reports(self) -> dict[str, dict]:
        """The latest report of each practice session, by session id (for the sessions list)."""
        rows = self.db.execute("SELECT session_id, report FROM reports WHERE session_id IS NOT NULL ORDER BY created_at, id").fetchall()
        return {r["session_id"]: json.loads(r["report"]) for r in rows}

    def reports(self) -> list[dict]:
        rows = self.db.execute("SELECT * FROM reports ORDER BY created_at, id").fetchall()
        return [dict(r) | {"report": json.loads(r["report"])} for r in rows]

    # --- briefs and debriefs ----------------------------------------------------------------

    def save_brief(self, brief: Brief) -> str:
        bid = new_id()
        self.db.execute("INSERT INTO briefs (id, created_at, role, company, brief) VALUES (?,?,?,?,?)",
                        (bid, _now(), brief.role_title, brief.company, brief.model_dump_json()))
        return bid

    def briefs(self) -> list[tuple[str, Brief]]:
        rows = self.db.execute("SELECT id, brief FROM briefs ORDER BY created_at, id").fetchall()
        return [(r["id"], Brief.model_validate_json(r["brief"])) for r in rows]

    def save_debrief(self, debrief: Debrief) -> str:
        did = debrief.id or new_id()
        debrief = debrief.model_copy(update={"id": did})
        self.db.execute(
            "INSERT OR REPLACE INTO debriefs (id, created_at, interview_date, role, company, report_id, debrief) VALUES (?,?,?,?,?,?,?)",
            (did, _now(), debrief.interview_date, debrief.role_title, debrief.company, debrief.report_id, debrief.model_dump_json()),
        )
        return did

    def debriefs(self) -> list[Debrief]:
        rows = self.db.execute("SELECT debrief FROM debriefs ORDER BY created_at, id").fetchall()
        return [Debrief.model_validate_json(r["debrief"]) for r in rows]

    def find_debrief(self, debrief_id: str) -> Debrief:
        rows = self.db.execute("SELECT debrief FROM debriefs WHERE substr(id, 1, ?) = ?",
                               (len(debrief_id), debrief_id)).fetchall()
        if len(rows) != 1:
            raise UserError(f"no debrief '{debrief_id}'" if not rows else f"'{debrief_id}' matches {len(rows)} debriefs")
        return Debrief.model_validate_json(rows[0]["debrief"])

    def report(self, report_id: str) -> dict | None:
        row = self.db.execute("SELECT * FROM reports WHERE id=?", (report_id,)).fetchone()
        return dict(row) | {"report": json.loads(row["report"])} if row else None

    def item_kind(self, item_id: str) -> str | None:
        """What `delete` would delete: session, debrief, review or brief (None: nothing)."""
        for kind, table in (("session", "sessions"), ("debrief", "debriefs"), ("review", "reports"), ("brief", "briefs")):
            if self.db.execute(f"SELECT 1 FROM {table} WHERE id=?", (item_id,)).fetchone():
                return kind
        return None

    def delete(self, item_id: str) -> str:
        """Delete one history item (practice session, review or debrief) by id. Personal data."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            if self.db.execute("SELECT 1 FROM sessions WHERE id=?", (item_id,)).fetchone():
                self.db.execute("DELETE FROM reports WHERE session_id=?", (item_id,))
                self.db.execute("DELETE FROM turns WHERE session_id=?", (item_id,))
                self.db.execute("DELETE FROM sessions WHERE id=?", (item_id,))
                return "session"
            row = self.db.execute("SELECT report_id FROM debriefs WHERE id=?", (item_id,)).fetchone()
            if row:
                self.db.execute("DELETE FROM debriefs WHERE id=?", (item_id,))
                if row["report_id"]:
                    self.db.execute("DELETE FROM reports WHERE id=?", (row["report_id"],))
                return "debrief"
            if self.db.execute("DELETE FROM reports WHERE id=?", (item_id,)).rowcount:
                return "review"
            if self.db.execute("DELETE FROM briefs WHERE id=?", (item_id,)).rowcount:
                return "brief"
        raise UserError(f"nothing with id '{item_id}'; `interviewer history` lists them")

    def export_all(self) -> dict:
        """Everything stored, as plain data (`interviewer history --export`)."""
        sessions = [s.model_dump() | {"turns": [t.model_dump(mode="json") for t in self.turns(s.id)]} for s in self.sessions(10**9)]
        return {
            "schema_version": self.version,
            "sessions": sessions,
            "reports": self.reports(),
            "briefs": [{"id": i} | b.model_dump(mode="json") for i, b in self.briefs()],
            "debriefs": [d.model_dump(mode="json") for d in self.debriefs()],
        }
