"""A real OpenAI-protocol HTTP server on 127.0.0.1 that misbehaves on purpose: 429, 500,
timeouts, garbage bodies, dropped streams, empty replies, keep-alive drips that never end,
token streams that never end. Each request takes the next behaviour from a script; when the
script runs out, it answers well."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GOOD_REPLY = "That's a thoughtful read of the pipeline problem. How would you test it in your first month?"


def _chunk(content: str) -> bytes:
    body = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "fault",
            "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}]}
    return f"data: {json.dumps(body)}\n\n".encode()


class LocalServer:
    """A ThreadingHTTPServer on 127.0.0.1 for one test: `with` starts it, leaving stops it."""

    httpd: ThreadingHTTPServer

    def _listen(self, handler) -> None:
        self.stopping = threading.Event()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()


class FaultServer(LocalServer):
    def __init__(self, script: list[str] | None = None, reply: str = GOOD_REPLY):
        self.script = list(script or [])
        self.reply = reply
        self.requests = 0
        self.abandoned = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def send_json(self, status: int, payload: bytes, headers: dict | None = None) -> None:
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(payload)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(payload)

            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                server.requests += 1
                mode = server.script.pop(0) if server.script else "ok"
                if mode in ("429", "500", "503"):
                    payload = json.dumps({"error": {"message": f"fault {mode}", "type": "server_error"}}).encode()
                    self.send_json(int(mode), payload, {"retry-after": "0"} if mode == "429" else None)
                    return
                if mode == "timeout":
                    time.sleep(3)
                    return
                if mode == "garbage":
                    self.send_json(200, b"<html>502 bad gateway</html>")
                    return
                if mode in ("drip", "forever"):  # bytes keep coming, so per-read timeouts never fire
                    self.send_response(200)
                    self.send_header("content-type", "text/event-stream")
                    self.end_headers()
                    try:
                        while not server.stopping.is_set():
                            self.wfile.write(b": keep-alive\n\n" if mode == "drip" else _chunk("more "))
                            self.wfile.flush()
                            time.sleep(0.05 if mode == "drip" else 0.001)
                    except OSError:  # the client gave up: that is the point
                        server.abandoned += 1
                    return
                stream = body.get("stream", False)
                text = "" if mode == "empty" else server.reply
                if not stream:
                    payload = json.dumps({"id": "x", "object": "chat.completion", "created": 0, "model": "fault",
                                          "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                                       "finish_reason": "stop"}]}).encode()
                    self.send_json(200, payload)
                    return
                self.send_response(200)
                self.send_header("content-type", "text/event-stream")
                self.end_headers()
                words = text.split(" ") if text else []
                if mode == "drop":  # a few words, then the connection dies mid-stream
                    for w in words[:3]:
                        self.wfile.write(_chunk(w + " "))
                    self.wfile.flush()
                    self.connection.shutdown(2)
                    return
                for i, w in enumerate(words):
                    self.wfile.write(_chunk(w if i == len(words) - 1 else w + " "))
                self.wfile.write(b"data: [DONE]\n\n")

        self._listen(Handler)
