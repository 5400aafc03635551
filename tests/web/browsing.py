"""Helpers for the browser tests: the server in a subprocess, Chromium's path, screenshots."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
WIDTHS = (360, 1280)


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Server:
    """`python -m interviewer serve --port 0 --no-open` in a subprocess, until stopped."""

    def __init__(self, home: Path, extra_env: dict[str, str] | None = None, args: tuple[str, ...] = ()):
        env = dict(os.environ, PYTHONPATH=str(REPO), INTERVIEWER_HOME=str(home), PYTHONUNBUFFERED="1")
        for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "INTERVIEWER_MODEL", "INTERVIEWER_MODEL_PATH"):
            env.pop(var, None)
        env.update(extra_env or {})
        self.home = home
        self.proc = subprocess.Popen([sys.executable, "-m", "interviewer", "serve", "--port", "0", "--no-open", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=REPO)
        deadline = time.monotonic() + 30
        line = ""
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            m = re.search(r"(http://127\.0\.0\.1:(\d+))/\?token=(\S+)", line)
            if m:
                self.base, self.port, self.token = m.group(1), int(m.group(2)), m.group(3)
                self.url = f"{self.base}/?token={self.token}"
                return
            if self.proc.poll() is not None:
                break
        self.stop()
        raise RuntimeError(f"interviewer serve did not start: {line!r}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def shoot(pg, name: str) -> list[Path]:
    """Full-page screenshots at phone and desktop widths, kept under tests/web/artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    size = pg.viewport_size
    paths = []
    for w in WIDTHS:
        pg.set_viewport_size({"width": w, "height": 800})
        path = ARTIFACTS / f"{name}-{w}.png"
        pg.screenshot(path=str(path), full_page=True)
        paths.append(path)
        # Readable at this width: nothing wider than the viewport (no sideways scrolling).
        overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{name} scrolls sideways by {overflow}px at {w}px wide"
    pg.set_viewport_size(size)
    return paths
