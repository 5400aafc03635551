"""Re-record the cassettes in cassettes/.

    python tests/record_cassettes.py                 # starts llama.cpp's server on 127.0.0.1
    python tests/record_cassettes.py --base-url URL  # any running OpenAI-compatible server
    OPENAI_API_KEY=... python tests/record_cassettes.py --openai   # OpenAI itself

Requests go through the real `openai` client; keys are filtered out of every recording.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scenarios  # noqa: E402
from llama_server import llama_server  # noqa: E402
from vcr_setup import CASSETTES, make_vcr  # noqa: E402

from interviewer.backends import resolve  # noqa: E402


def record(base_url: str | None, model: str | None, backend: str, only: str | None = None) -> None:
    recorder = make_vcr("all")
    if only == "prep_suggest":
        with recorder.use_cassette("prep_suggest.yaml"):
            brief, note = scenarios.prep_suggestions(resolve(backend, model, base_url, timeout=600))
        print(f"prep_suggest.yaml: {len(brief.suggestions)} suggestions, note {note!r}")
        return
    for stream in (True, False):
        settings = resolve(backend, model, base_url, stream=stream, timeout=600)
        name = f"practice_{'stream' if stream else 'nostream'}.yaml"
        with tempfile.TemporaryDirectory() as tmp, recorder.use_cassette(name):
            _, replies = scenarios.practice(settings, Path(tmp) / "db.sqlite")
        print(f"{name}: {len(replies)} interviewer turns, sources {[r.source for r in replies]}")
    settings = resolve(backend, model, base_url, timeout=600)
    for name in scenarios.JUDGED:
        with recorder.use_cassette(f"{name}.yaml"):
            report = scenarios.judged(settings, name)
        print(f"{name}.yaml: scorer {report.scorer}; notes {report.notes[:2]}")
    with recorder.use_cassette("prep_suggest.yaml"):
        brief, note = scenarios.prep_suggestions(settings)
    print(f"prep_suggest.yaml: {len(brief.suggestions)} suggestions, note {note!r}")
    leaked = [p for p in CASSETTES.glob("*.yaml") if "authorization" in p.read_text().lower()]
    if leaked:
        raise SystemExit(f"refusing: an authorization header reached {leaked}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base-url")
    ap.add_argument("--openai", action="store_true")
    ap.add_argument("--model", default=None)
    ap.add_argument("--only", choices=["prep_suggest"], default=None, help="re-record one cassette only")
    args = ap.parse_args()
    if args.openai:
        record(None, args.model or "gpt-4o-mini", "openai", args.only)
    elif args.base_url:
        record(args.base_url, args.model or "default", "compatible", args.only)
    else:
        with llama_server() as url:
            record(url, "smollm2", "compatible", args.only)


if __name__ == "__main__":
    main()
