"""Fixtures for the hostile-input suite (the tools are in hostile_tools.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_tools import PLAIN, database, run  # noqa: E402


@pytest.fixture
def home(tmp_path) -> Path:
    """The data folder the autouse fixture points INTERVIEWER_HOME at."""
    return Path(os.environ["INTERVIEWER_HOME"])


@pytest.fixture
def transcript(tmp_path) -> Path:
    p = tmp_path / "interview.txt"
    p.write_text(PLAIN, encoding="utf-8")
    return p


@pytest.fixture
def populated(home, transcript) -> Path:
    """A database holding one review; returns the database path."""
    import gc
    import sqlite3

    r = run("review", str(transcript), "--offline", "--candidate", "Alex Doe", "--json")
    assert r.code == 0, r.stderr
    gc.collect()  # the in-process run's connection is closed before the test looks at the file
    with sqlite3.connect(database(home)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return database(home)


