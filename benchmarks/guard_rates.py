"""Guard failure rates on the embedded model, before and after the guards.

Runs N demo interviews (personas x scripted candidates x seeds) on SmolLM2-135M in-process:
  before: what the model itself wrote, checked by every guard -
          (a) as a whole free-style turn (no plan, no guards: what a naive tool would show),
          (b) as the short guided reaction the product asks it for;
  after:  every reply the user was actually shown, checked by the same guards.
Ends with one JSON line.

    python benchmarks/guard_rates.py [--interviews 20]
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter

from interviewer import guards
from interviewer.backends import Capabilities, build_chat_model, resolve
from interviewer.demo import SimulatedCandidate
from interviewer.dialogue import Interview, intents
from interviewer.personas import all_personas, load_candidate_script


def run(model, persona, script, seed: int, style: str):
    caps = Capabilities(style=style, structured_method=None)
    iv = Interview(persona, model, caps, seed=seed, candidate_name=script.name, retry_delay=0.0)
    iv.measure_raw = True  # read the whole raw reply even after a guard stops showing it
    sim = SimulatedCandidate(script)
    replies = [iv.start()]
    asked = False
    shown_failures: Counter = Counter()
    earlier: list[str] = [replies[0].text]
    while not iv.finished and len(replies) < 20:
        text = sim.answer(iv.state.stage)
        asked |= "next_steps" in intents(text)
        reply = iv.respond(text)
        replies.append(reply)
        ctx = guards.GuardContext(interviewer_name=persona.name, candidate_name=script.name, earlier_replies=list(earlier),
                                  allow_next_steps=asked or reply.stage == "close", candidate_text=text)
        shown_failures.update(guards.problems(reply.text, ctx))
        earlier.append(reply.text)
    model_calls = [r for r in replies if r.raw]
    raw_failures = Counter(p for r in model_calls for p in r.problems)
    return {
        "model_calls": len(model_calls),
        "raw_failed": sum(bool(r.problems) for r in model_calls),
        "raw_failures": raw_failures,
        "shown": len(replies),
        "shown_failed": sum(shown_failures.values()),
        "shown_failures": shown_failures,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--interviews", type=int, default=20)
    args = ap.parse_args()
    model = build_chat_model(resolve(env={}))
    combos = list(itertools.product(all_personas(), [load_candidate_script("strong"), load_candidate_script("weak")]))
    plan = [(p, c, seed) for seed in range(1, 100) for p, c in combos][: args.interviews]
    totals = {}
    for style in ("free", "guided"):
        agg = {"model_calls": 0, "raw_failed": 0, "raw_failures": Counter(), "shown": 0, "shown_failed": 0, "shown_failures": Counter()}
        for persona, script, seed in plan:
            r = run(model, persona, script, seed, style)
            for k in agg:
                agg[k] += r[k]
        totals[style] = agg
        print(f"{style:6s}: {agg['model_calls']} model replies, {agg['raw_failed']} failed a guard as written "
              f"({agg['raw_failed'] / max(1, agg['model_calls']):.0%}): {dict(agg['raw_failures'].most_common())}")
        print(f"        {agg['shown']} replies shown, {agg['shown_failed']} guard failures shown: {dict(agg['shown_failures'])}")
    free, guided = totals["free"], totals["guided"]
    print(json.dumps({
        "interviews": len(plan),
        "before_free_turn_failure_rate": round(free["raw_failed"] / max(1, free["model_calls"]), 3),
        "before_guided_reaction_failure_rate": round(guided["raw_failed"] / max(1, guided["model_calls"]), 3),
        "after_shown_failure_rate": round(guided["shown_failed"] / max(1, guided["shown"]), 3),
        "after_shown_failure_rate_free_style": round(free["shown_failed"] / max(1, free["shown"]), 3),
        "free_failures_by_guard": dict(free["raw_failures"].most_common()),
        "guided_failures_by_guard": dict(guided["raw_failures"].most_common()),
        "model_replies": free["model_calls"] + guided["model_calls"],
    }))


if __name__ == "__main__":
    main()
