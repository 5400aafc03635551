"""`interviewer serve`: bind 127.0.0.1, print the private address, open the browser, run."""

from __future__ import annotations

import socket
import sys
import webbrowser

from interviewer.backends import Settings
from interviewer.errors import UserError
from interviewer.web import security
from interviewer.web.app import create_app

HOST = "127.0.0.1"  # never another interface: the app holds the user's interviews


def bind(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
    except OSError as e:
        sock.close()
        raise UserError(f"cannot listen on {HOST}:{port} ({e.strerror or e}); try another --port, or --port 0 for any free one") from None
    sock.listen(64)
    sock.set_inheritable(True)
    return sock


def serve(settings: Settings, port: int = 8765, open_browser: bool = True, say=print, seed: int | None = None) -> None:
    import uvicorn

    sock = bind(port)
    keys = security.Keys()
    app, web = create_app(settings, keys, seed=seed)
    url = f"http://{HOST}:{sock.getsockname()[1]}/?{security.TOKEN_PARAM}={keys.token}"
    say(f"interviewer is running at {url}")
    say("Keep this window open while you use it; press Ctrl-C here to stop.")
    sys.stdout.flush()
    if open_browser:
        webbrowser.open(url)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", timeout_graceful_shutdown=2)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        web.practice.close()
        web.uploads_dir.cleanup()
