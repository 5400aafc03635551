from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))

from vcr_setup import make_vcr  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Every test gets its own data folder and no model credentials from the machine."""
    monkeypatch.setenv("INTERVIEWER_HOME", str(tmp_path / "home"))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "INTERVIEWER_MODEL", "INTERVIEWER_MODEL_PATH", "INTERVIEWER_PERSONA"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="session")
def vcr_replay():
    """Cassettes replay only: a request that was not recorded fails the test."""
    return make_vcr("none")


@pytest.fixture(scope="session")
def embedded_model():
    from interviewer.backends import build_chat_model, resolve

    return build_chat_model(resolve(env={}))


@pytest.fixture(scope="session")
def llama_server_url():
    from llama_server import llama_server

    with llama_server() as url:
        yield url
