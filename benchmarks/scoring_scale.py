"""Scoring time against transcript size: it must grow linearly (issue 7: 5,000 turns took 139 s
and one 300 KB sentence 536 s before). Prints seconds per size and the ratio to linear growth
from the smallest size; ends with one JSON line.

    python benchmarks/scoring_scale.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from interviewer.models import Transcript, Turn  # noqa: E402
from interviewer.scoring.chain import score  # noqa: E402

QUESTION = "How do you see the role now that you've met the team, and what would you do first?"
ANSWERS = [
    "My read is that the intake backlog sits with one coordinator, so referrals wait a week.",
    "I'd start by mapping every referral path with the coordinators in my first month. Am I in the ballpark?",
    "What are the team's goals this year, and how does this role feed into them?",
    "Is the salary range around 70 thousand? What happens after today?",
    "um yeah so like we had a lot of things going on and i think the the team was busy",
]


def turns(n: int) -> Transcript:
    out = []
    for i in range(n):
        out.append(Turn(speaker="interviewer", name="Dana", text=QUESTION))
        out.append(Turn(speaker="candidate", name="Alex", text=ANSWERS[i % len(ANSWERS)] + f" Point {i}."))
    return Transcript(turns=out, role="Clinic Manager")


def one_sentence(kb: int) -> Transcript:
    words = ("and the ballpark of the pipeline data would be what I'd fix first with the team, "
             "so the salary and the next steps ")
    text = (words * (kb * 1024 // len(words) + 1))[: kb * 1024]
    return Transcript(turns=[Turn(speaker="interviewer", name="Dana", text=QUESTION),
                             Turn(speaker="candidate", name="Alex", text=text)], role="Clinic Manager")


def timed(t: Transcript) -> float:
    start = time.perf_counter()
    score(t)
    return time.perf_counter() - start


def series(label: str, sizes: list[int], make) -> dict:
    rows = [(n, timed(make(n))) for n in sizes]
    base_n, base_t = rows[0]
    print(label)
    for n, t in rows:
        print(f"  {n:6d}: {t:7.2f} s   {t / base_t / (n / base_n):5.2f}x linear")
    return {str(n): round(t, 3) for n, t in rows} | {"worst_vs_linear": round(max(t / base_t / (n / base_n) for n, t in rows), 2)}


def main() -> None:
    score(turns(2))  # warm up: imports, pattern compilation, the model
    out = {"turns": series("candidate+interviewer turn pairs", [250, 1000, 2500, 5000], turns),
           "sentence_kb": series("one run-on sentence (KB)", [10, 50, 150, 300], one_sentence)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
