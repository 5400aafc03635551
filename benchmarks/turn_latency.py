"""Interviewer turn latency: the project's turn versus a raw call to the same engine.

For the same persona and the same 30 candidate turns, each turn is timed twice in one run:
  ours: Interview.respond() on the embedded model (ChatOpenAI client, streaming, guards, plan)
  raw:  a bare streamed POST to /v1/chat/completions with exactly the messages our turn sent and
        the same token budget and sampling, on a second engine server with its own prefix cache.
llama.cpp's threads busy-wait: run this on a quiet machine.
Prints a table, then one JSON line: ratio_total (ours/raw, summed over turns) and time to
first token at turns 1 and 30 (flat means the earlier prefix is reused).

    python benchmarks/turn_latency.py [--turns 30]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

import httpx

from interviewer.backends import EMBEDDED_SAMPLING, build_chat_model, capabilities, resolve
from interviewer.backends.embedded import EmbeddedServer, default_model_path
from interviewer.dialogue import Interview, Plan
from interviewer.personas import load_persona

CANDIDATE = [
    "I think the pipeline data in Salesforce is inconsistent between branches, so nobody trusts the forecast.",
    "My first step would be to sit with two branch managers and map how they define each stage.",
    "The new branches probably ramp slower than planned, and the reports don't separate them from mature ones.",
    "I'd build a ramp tracker for new branches before touching the monthly scorecards.",
    "Referrals seem to drive most new households, so the analysis should follow relationships, not call volume.",
    "A pitfall I see is publishing numbers that branch managers can prove wrong in the first week.",
    "I'd validate every scorecard with one friendly branch manager before it goes wider.",
    "Cross-selling lending to wealth clients looks like the biggest revenue lever you have.",
    "The reporting today sounds mostly manual, exported to Excel every Monday morning.",
    "I would automate the Monday export first, because it frees a day a week for real analysis.",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--turns", type=int, default=30)
    args = ap.parse_args()

    settings = resolve(env={})
    model = build_chat_model(settings)
    plan = Plan.load().with_turns("probe", args.turns + 5)
    iv = Interview(load_persona("sales-manager"), model, capabilities(settings), plan=plan, seed=1)
    raw_server = EmbeddedServer(default_model_path())  # its own process-wide slot and prefix cache
    raw_client = httpx.Client(timeout=120)
    roles = {"system": "system", "human": "user", "ai": "assistant"}
    iv.start()
    iv.respond("Thanks for having me back, I've been looking forward to talking shop.")  # into the probe stage

    rows = []
    for i in range(args.turns):
        text = CANDIDATE[i % len(CANDIDATE)]
        reply = iv.respond(text)
        # Exactly what our turn sent: the system prompt and the history before our reply.
        messages = [{"role": roles[r], "content": c} for r, c in [("system", iv.system)] + iv.history[:-1]]
        started = time.perf_counter()
        first = None
        body = {"messages": messages, "max_tokens": plan.reaction_tokens, "stream": True,
                "temperature": settings.temperature, "seed": settings.seed, **EMBEDDED_SAMPLING}
        with raw_client.stream("POST", raw_server.base_url + "/chat/completions", json=body) as response:
            for line in response.iter_lines():
                if first is None and line.startswith("data: {") and '"content":"' in line.replace(" ", ""):
                    first = time.perf_counter() - started
        raw_total = time.perf_counter() - started
        rows.append({"turn": i + 1, "ours_ttft": reply.ttft or 0.0, "ours_total": reply.seconds,
                     "raw_ttft": first or raw_total, "raw_total": raw_total, "source": reply.source})
        print(f"turn {i + 1:2d}  ours ttft {rows[-1]['ours_ttft']:.3f}s total {reply.seconds:.3f}s   "
              f"raw ttft {rows[-1]['raw_ttft']:.3f}s total {raw_total:.3f}s   [{reply.source}]", flush=True)

    ours = sum(r["ours_total"] for r in rows)
    raw = sum(r["raw_total"] for r in rows)
    result = {
        "turns": len(rows),
        "ratio_total": round(ours / raw, 3),
        "ours_total_s": round(ours, 2),
        "raw_total_s": round(raw, 2),
        "ttft_turn1_s": round(rows[0]["ours_ttft"], 3),
        "ttft_turn30_s": round(rows[-1]["ours_ttft"], 3),
        "ttft_median_s": round(statistics.median(r["ours_ttft"] for r in rows), 3),
        "raw_ttft_turn1_s": round(rows[0]["raw_ttft"], 3),
        "raw_ttft_turn30_s": round(rows[-1]["raw_ttft"], 3),
        "ttft_turn2_s": round(rows[1]["ours_ttft"], 3) if len(rows) > 1 else None,
        "ttft_turn30_over_turn2": round(rows[-1]["ours_ttft"] / rows[1]["ours_ttft"], 3) if len(rows) > 1 and rows[1]["ours_ttft"] else None,
        "model_turns": sum(r["source"] != "answer+plan" for r in rows),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
