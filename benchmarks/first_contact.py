"""First-contact measurement: score a labelled set the judge was never tuned on.

    python benchmarks/first_contact.py SETDIR [SETDIR ...] [--quiet]

SETDIR holds `NAME.labels.json` sidecars beside their transcripts (tests/LABELLING.md), or
folders that do (e.g. tests/heldout). Per criterion it prints: exact accuracy; detection
accuracy (covered|partial vs missed, not_applicable as its own class); covered-vs-not
accuracy; the count of false `covered` (the judge says covered, the label does not); and the
share of quotes that are verbatim candidate words. Ends with one JSON line.
Record every new set's first result in benchmarks/first_contact.md before tuning on it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from labelled_sets import labelled_dir  # noqa: E402

from interviewer.models import CRITERIA  # noqa: E402
from interviewer.scoring.chain import score  # noqa: E402
from interviewer.transcripts import load  # noqa: E402


def _detected(v: str) -> str:
    return {"covered": "yes", "partial": "yes"}.get(v, v)  # missed / not_applicable stay themselves


def measure(folder: Path) -> dict:
    items = labelled_dir(folder)
    rows = {c: {"exact": 0, "detect": 0, "covered_ok": 0, "false_covered": 0, "n": 0, "quotes": 0, "verbatim": 0} for c in CRITERIA}
    quotes = verbatim = failed = 0
    misses: list[str] = []
    started = time.perf_counter()
    for item in items:
        try:
            transcript, _, dialogue = load(item.path, item.candidate)
            report = score(transcript, dialogue.format)
        except Exception as e:  # a transcript that does not load counts as wrong on every criterion
            failed += 1
            misses.append(f"{item.path.name}: failed to load ({type(e).__name__}: {str(e)[:80]})")
            for c in CRITERIA:
                rows[c]["n"] += 1
            continue
        for res in report.criteria:
            for e in res.evidence:
                turn = transcript.turns[e.turn - 1] if 0 < e.turn <= len(transcript.turns) else None
                ok = bool(turn and turn.speaker == "candidate" and e.quote in turn.text)
                quotes, verbatim = quotes + 1, verbatim + ok
                rows[res.id]["quotes"] += 1
                rows[res.id]["verbatim"] += ok
        for c in CRITERIA:
            got, want = report.verdict(c), item.labels[c]
            r = rows[c]
            r["n"] += 1
            r["exact"] += got == want
            r["detect"] += _detected(got) == _detected(want)
            r["covered_ok"] += (got == "covered") == (want == "covered")
            r["false_covered"] += got == "covered" and want != "covered"
            if got != want:
                misses.append(f"{item.path.name}: {c} got {got}, labelled {want}")
    out = {"set": folder.name, "transcripts": len(items), "failed_to_load": failed,
           "seconds": round(time.perf_counter() - started, 2),
           "quote_verbatim_rate": round(verbatim / quotes, 4) if quotes else 1.0, "quotes": quotes, "criteria": {}}
    for c, r in rows.items():
        n = max(r["n"], 1)
        out["criteria"][c] = {"exact": round(r["exact"] / n, 3), "detection": round(r["detect"] / n, 3),
                              "covered_vs_not": round(r["covered_ok"] / n, 3), "false_covered": r["false_covered"],
                              "false_covered_rate": round(r["false_covered"] / n, 3),
                              "quote_verbatim_rate": round(r["verbatim"] / r["quotes"], 4) if r["quotes"] else 1.0}
    out["misses"] = misses
    return out


def _fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)


def _sets(arg: str) -> list[Path]:
    folder = Path(arg)
    if not folder.is_dir():
        _fail(f"{arg} is not a folder")
    if any(folder.glob("*.labels.json")):
        return [folder]
    subs = sorted(p for p in folder.iterdir() if p.is_dir() and any(p.glob("*.labels.json")))
    if not subs:
        _fail(f"no *.labels.json in {arg} or its subfolders")
    return subs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("setdirs", nargs="+")
    ap.add_argument("--quiet", action="store_true", help="no per-transcript misses")
    ap.add_argument("--patterns-only", action="store_true", help="without the learned intent model (what does it add?)")
    args = ap.parse_args()
    if args.patterns_only:
        from interviewer.scoring import signals

        signals.USE_MODEL = False
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = ""
    folders = [s for d in args.setdirs for s in _sets(d)]
    try:
        results = [measure(s) for s in folders]
    except (OSError, ValueError, KeyError, StopIteration) as e:  # a broken sidecar: say which, no traceback
        _fail(f"unreadable labelled set ({type(e).__name__}: {str(e).splitlines()[0][:160] if str(e) else ''})")
    for res in results:
        print(f"\n{res['set']}: {res['transcripts']} transcripts, {res['failed_to_load']} failed to load, "
              f"{res['seconds']} s, quotes verbatim {res['quote_verbatim_rate']:.3f} of {res['quotes']}")
        print(f"{'criterion':16s} {'exact':>6s} {'detect':>7s} {'cov/not':>8s} {'false cov':>10s} {'verbatim':>9s}")
        for c, r in res["criteria"].items():
            print(f"{c:16s} {r['exact']:6.3f} {r['detection']:7.3f} {r['covered_vs_not']:8.3f} {r['false_covered']:10d} "
                  f"{r['quote_verbatim_rate']:9.3f}")
        if not args.quiet:
            for m in res["misses"]:
                print("  " + m)
    print(json.dumps({"commit": commit, "judge": "patterns" if args.patterns_only else "patterns+model", "sets": [{k: v for k, v in r.items() if k != "misses"} for r in results]}))


if __name__ == "__main__":
    main()
