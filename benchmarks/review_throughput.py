"""Offline review throughput: read, parse, find the candidate and score 100 transcripts
(cycling through the labelled sets, all six formats), as `interviewer review --offline` does.
Target (issue 7): under 10 s in total here. Ends with one JSON line.

    python benchmarks/review_throughput.py [--n 100]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100)
    args = ap.parse_args()
    started = time.perf_counter()
    from labelled_sets import available_sets, labelled

    from interviewer.review import review_file

    imported = time.perf_counter() - started
    items = [i for s in available_sets() for i in labelled(s)]
    paths = [items[i % len(items)].path for i in range(args.n)]
    times = []
    t0 = time.perf_counter()
    for p in paths:
        t = time.perf_counter()
        review_file(str(p), None, None, save=False)
        times.append(time.perf_counter() - t)
    total = time.perf_counter() - t0
    print(f"{args.n} reviews in {total:.2f} s ({imported:.2f} s of imports before that); "
          f"median {statistics.median(times) * 1000:.1f} ms, slowest {max(times) * 1000:.1f} ms")
    print(json.dumps({"transcripts": args.n, "total_s": round(total, 3), "import_s": round(imported, 3),
                      "per_transcript_ms": round(total / args.n * 1000, 2), "max_ms": round(max(times) * 1000, 1),
                      "target_s": 10.0, "within_target": total + imported < 10.0}))


if __name__ == "__main__":
    main()
