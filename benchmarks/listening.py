"""Simulated interviews on the embedded model, for reading: every interviewer sentence the user
would see, tagged with where it came from (persona fact, template, plan line, model), plus the
simulator's automatic checks. Ends with one JSON line of figures.

    python benchmarks/listening.py [--sessions 12] [--dump sessions.jsonl] [--no-model]

Read the dump to judge the share of odd sentences by hand (issue 11): a sentence is odd when a
hiring manager would not say it there - wrong speaker, wrong name or fact, nonsense, a refusal,
praise for an empty answer, an answer to something not asked, or a non sequitur.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from collections import Counter

from interviewer import guards
from interviewer.personas import load_candidate_script
from interviewer.simulator import check, persona_for, run

RUNS = [("sales-manager", "strong"), ("sales-manager", "weak"), ("ops-vp-skeptical", "awkward"), ("ops-vp-skeptical", "rude"),
        ("eng-manager-warm", "offtopic"), ("sales-director", "multipart"), ("sales-director", "weak"),
        ("nurse-manager", "custom-role"), ("school-principal", "terse"), ("finance-controller", "awkward"),
        ("city-program-manager", "rude"), ("ops-vp-skeptical", "asks-back")]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=len(RUNS))
    ap.add_argument("--dump", default=None, help="write every session (turns, sources) as JSON lines here")
    ap.add_argument("--no-model", action="store_true", help="plan and templates only")
    args = ap.parse_args()
    model = caps = None
    if not args.no_model:
        from interviewer.backends import build_chat_model, capabilities, resolve

        model, caps = build_chat_model(resolve(env={})), capabilities(resolve(env={}))
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    sources: Counter = Counter()
    failed: Counter = Counter()
    sentences = model_sentences = 0
    started = time.perf_counter()
    for i, (persona_id, cand) in enumerate(itertools.islice(itertools.cycle(RUNS), args.sessions)):
        script = load_candidate_script(cand)
        s = run(script, persona_for(script, persona_id), model, caps, seed=100 + i)
        for name, problems in check(s).items():
            failed[name] += len(problems)
        turns = [{"who": "I", "text": s.replies[0].text, "source": s.replies[0].source}]
        for c, r in s.exchanges():
            sources[r.source] += 1
            sentences += len(guards.sentences(r.text))
            model_sentences += len(guards.sentences(r.model_text)) if r.model_text else 0
            turns += [{"who": "C", "text": c}, {"who": "I", "text": r.text, "source": r.source, "stage": r.stage,
                                                 "model_text": r.model_text, "raw": r.raw}]
        if dump:
            dump.write(json.dumps({"persona": s.persona.id, "candidate": cand, "turns": turns}) + "\n")
            dump.flush()
    print(json.dumps({"sessions": args.sessions, "interviewer_sentences": sentences, "model_sentences_shown": model_sentences,
                      "sources": dict(sources), "check_failures": dict(failed),
                      "seconds": round(time.perf_counter() - started, 1)}))


if __name__ == "__main__":
    main()
