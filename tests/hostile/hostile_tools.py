"""Tools for the hostile-input suite: run the CLI (in-process with CliRunner, or as a
subprocess where a real FIFO or a real stdout is needed), check the one-line-error contract,
hash files, and a small OpenAI-protocol server on 127.0.0.1 that answers what a test scripts
(a 401 that echoes the key, a reply full of escapes and markup, odd /models bodies)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from click.testing import CliRunner
from fault_server import LocalServer

import interviewer  # noqa: E402 - subprocesses run the same code as the in-process runs

REPO = Path(interviewer.__file__).resolve().parents[1]
KEY = "sk-hostile-test-0123456789abcdefABCDEF"

# A transcript the tool can review, with the candidate's own words.
PLAIN = (
    "Dana Reyes: Thanks for coming back. What would you focus on first?\n"
    "Alex Doe: From what I saw, the pipeline reviews are where deals stall. Am I in the ballpark?\n"
    "Dana Reyes: Pretty close. Anything else?\n"
    "Alex Doe: What are the next steps, and when should I expect to hear back?\n"
)


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    elapsed: float

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def run(*args: str, input: str | bytes | None = None, env: dict | None = None) -> Run:
    """The CLI in-process (CliRunner), with stdout and stderr apart and the time it took."""
    from interviewer.cli import cli

    runner = CliRunner()
    started = time.monotonic()
    result = runner.invoke(cli, list(args), input=input, env=env, catch_exceptions=True)
    elapsed = time.monotonic() - started
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        stderr += "Traceback (in-process)\n" + "".join(traceback.format_exception(result.exception))
    return Run(result.exit_code, result.stdout, stderr, elapsed)


def run_process(*args: str, input: bytes | str | None = None, env: dict | None = None, timeout: float = 30,
                stdout=subprocess.PIPE) -> Run:
    """The CLI as a real process (for FIFOs, /dev/stdout, encodings), killed after `timeout`."""
    full_env = os.environ.copy()
    full_env["PYTHONPATH"] = str(REPO)
    full_env.update(env or {})
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "interviewer", *args], input=input, stdout=stdout,
                          stderr=subprocess.PIPE, env=full_env, timeout=timeout)
    elapsed = time.monotonic() - started

    def text(b):
        return b.decode("utf-8", "replace") if isinstance(b, bytes) else (b or "")

    return Run(proc.returncode, text(proc.stdout), text(proc.stderr), elapsed)


def one_line_error(r: Run, *words: str, code: int = 2, within: float = 20.0) -> str:
    """Exit `code`, exactly one stderr line (no traceback), in under `within` seconds."""
    assert "Traceback" not in r.stderr + r.stdout, r.stderr
    assert r.code == code, (r.code, r.stderr)
    assert len(r.err_lines) == 1, r.stderr
    line = r.err_lines[0]
    for w in words:
        assert w.lower() in line.lower(), line
    assert r.elapsed < within, r.elapsed
    return line


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def database(home: Path) -> Path:
    return home / "interviewer.db"


# --- a scripted OpenAI-protocol server ----------------------------------------------------------


def _chunk(content: str) -> bytes:
    body = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "hostile",
            "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}]}
    return f"data: {json.dumps(body)}\n\n".encode()


class ScriptedServer(LocalServer):
    """Answers every chat request with `reply` (or `status` with an error body that echoes the
    Authorization header, as some proxies do), and GET /models with `models_body`."""

    def __init__(self, reply: str = "Good. Tell me more.", status: int = 200, models_body: bytes | None = None):
        self.reply, self.status = reply, status
        self.models_body = models_body if models_body is not None else b'{"data": [{"id": "hostile"}]}'
        self.requests = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status: int, payload: bytes, ctype: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("content-type", ctype)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self):  # noqa: N802
                if server.status != 200:
                    return self._echo_auth()
                self._send(200, server.models_body)

            def _echo_auth(self):
                key = self.headers.get("authorization", "").removeprefix("Bearer ")
                body = {"error": {"message": f"Incorrect API key provided: {key}. Header was Bearer {key}",
                                  "type": "invalid_request_error", "code": "invalid_api_key"}}
                self._send(server.status, json.dumps(body).encode())

            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                server.requests += 1
                if server.status != 200:
                    return self._echo_auth()
                if not body.get("stream"):
                    payload = {"id": "x", "object": "chat.completion", "created": 0, "model": "hostile",
                               "choices": [{"index": 0, "message": {"role": "assistant", "content": server.reply},
                                            "finish_reason": "stop"}]}
                    return self._send(200, json.dumps(payload).encode())
                self.send_response(200)
                self.send_header("content-type", "text/event-stream")
                self.end_headers()
                self.wfile.write(_chunk(server.reply))
                self.wfile.write(b"data: [DONE]\n\n")

        self._listen(Handler)
