"""Against a live llama-cpp-python OpenAI-compatible server on 127.0.0.1 (started and stopped
by the fixture): the real protocol path, not a replay."""

from __future__ import annotations

import pytest
import scenarios

from interviewer import guards
from interviewer.backends import resolve
from interviewer.doctor import check_compatible

pytestmark = pytest.mark.server


def test_doctor_sees_the_running_server(llama_server_url):
    check = check_compatible(llama_server_url)
    assert check.ok and "smollm2" in check.detail


def test_a_live_practice_session_streams_guarded_replies(llama_server_url, tmp_path):
    settings = resolve("compatible", "smollm2", llama_server_url, timeout=60)
    session, replies = scenarios.practice(settings, tmp_path / "db.sqlite", turns=3)
    assert len(replies) == 4
    for reply in replies[1:]:
        ctx = guards.GuardContext(interviewer_name=session.persona.name, allow_next_steps=True)
        assert guards.problems(reply.text, ctx) == [] and reply.text
        assert reply.source in ("model", "model+plan", "plan", "answer+plan")
    assert any(r.source.startswith("model") for r in replies[1:]) or any(r.notice for r in replies[1:])


def test_doctor_says_why_a_missing_server_is_unusable():
    check = check_compatible("http://127.0.0.1:9/v1")
    assert not check.ok and "not reachable" in check.detail
