"""A fault in the model backend never ends a session: retry with backoff, then the plan's line.
Against a real local HTTP server speaking the OpenAI protocol, through the real openai client."""

from __future__ import annotations

import time

import pytest
from fault_server import GOOD_REPLY, FaultServer

from interviewer.backends import build_chat_model, resolve
from interviewer.personas import load_persona
from interviewer.session import Session
from interviewer.store import Store

PERSONA = load_persona("sales-manager")
ANSWER = "I think the CRM pipeline data is inconsistent across branches, and I'd standardize the stages first."


def session_against(server: FaultServer, tmp_path, stream: bool = True) -> Session:
    settings = resolve("compatible", "fault", server.url, timeout=1.0, stream=stream)
    return Session(PERSONA, settings, Store(tmp_path / "db.sqlite"), chat_model=build_chat_model(settings), seed=1,
                   interview_options={"retry_delay": 0.0})


@pytest.mark.parametrize("fault", ["429", "500", "503", "timeout", "garbage", "empty", "drop"])
def test_a_persistent_fault_falls_back_to_the_plan_and_the_session_goes_on(tmp_path, fault):
    with FaultServer([fault] * 3) as server:
        s = session_against(server, tmp_path)
        s.start()
        reply = s.answer(ANSWER)
        if fault == "drop":  # the words that arrived before the drop may be kept if they form a clean sentence
            assert reply.text
        else:
            assert reply.source == "plan" and reply.notice
            assert reply.text.endswith(tuple(PERSONA.lines.vision))
        after = s.answer(ANSWER)  # the server behaves again: the model is back
        assert after.source.startswith("model") and GOOD_REPLY.split(".")[0] in after.text
    stored = Store(tmp_path / "db.sqlite").turns(s.id)
    assert [t.speaker for t in stored] == ["interviewer", "candidate", "interviewer", "candidate", "interviewer"]
    assert stored[1].text == ANSWER


def test_a_passing_fault_is_retried_and_the_model_answers(tmp_path):
    seen = []
    with FaultServer(["429", "500"]) as server:
        s = session_against(server, tmp_path)
        s.interview.on_retry = seen.append
        s.start()
        reply = s.answer(ANSWER)
        assert server.requests == 3
    assert reply.source.startswith("model") and not reply.notice
    assert len(seen) == 2 and "429" in seen[0]


def test_non_streaming_backends_get_the_same_guards_and_fallbacks(tmp_path):
    with FaultServer(["500", "500", "500"]) as server:
        s = session_against(server, tmp_path, stream=False)
        s.start()
        assert s.answer(ANSWER).source == "plan"
        assert s.answer(ANSWER).source.startswith("model")


def test_a_reply_that_fails_the_guards_is_regenerated_then_replaced(tmp_path):
    bad = "Candidate: As an AI language model I think you should hire me."
    with FaultServer(reply=bad) as server:
        s = session_against(server, tmp_path)
        s.start()
        reply = s.answer(ANSWER)
        assert server.requests == 2  # the first try and one regeneration
    assert reply.source == "plan" and "AI" not in reply.text and "Candidate:" not in reply.text
    assert "speaks_for_candidate" in reply.problems or "off_persona" in reply.problems


@pytest.mark.parametrize("fault", ["drip", "forever"])
def test_a_server_that_never_stops_sending_cannot_stall_a_turn(tmp_path, fault):
    """Keep-alive comments or endless tokens reset every per-read timeout; the turn still ends
    within its total budget (2 x the 1 s timeout here) and falls back to the plan, then goes on."""
    with FaultServer([fault] * 3) as server:
        s = session_against(server, tmp_path)
        s.start()
        started = time.monotonic()
        reply = s.answer(ANSWER)
        took = time.monotonic() - started
        after = s.answer(ANSWER)
    assert took < 6, took  # budget 2 s, plus the reply's own work; never unbounded
    assert reply.source == "plan" and reply.notice and "backend_fault" in reply.problems
    assert after.source.startswith("model")
    assert server.abandoned >= 1  # we hung up on it


def test_a_reply_past_the_byte_cap_is_cut_off(tmp_path):
    from interviewer.backends.limits import TooLong, bounded_client

    with FaultServer(["forever"]) as server, bounded_client(30, max_bytes=64 * 1024) as client:
        started = time.monotonic()
        with pytest.raises(TooLong, match="past"):
            with client.stream("POST", server.url + "/chat/completions", json={"stream": True}) as r:
                for _ in r.iter_bytes():
                    pass
        assert time.monotonic() - started < 10


def test_doctor_gives_up_on_a_server_that_drips_its_model_list():
    """A /models answer that never finishes (one byte at a time) cannot hang `doctor`."""
    import socket
    import threading

    from interviewer.doctor import check_compatible

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    stop = threading.Event()

    def serve():
        conn, _ = listener.accept()
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n")
        try:
            while not stop.is_set():
                conn.sendall(b" ")
                time.sleep(0.05)
        except OSError:
            pass
        conn.close()

    threading.Thread(target=serve, daemon=True).start()
    started = time.monotonic()
    try:
        check = check_compatible(f"http://127.0.0.1:{listener.getsockname()[1]}/v1")
    finally:
        stop.set()
        listener.close()
    assert time.monotonic() - started < 10
    assert not check.ok and "too slow" in check.detail
