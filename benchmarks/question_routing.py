"""How the interviewer reads the topic of a candidate's question, on a labelled question set.

    python benchmarks/question_routing.py QUESTIONS.tsv [--persona NAME] [--misses]

QUESTIONS.tsv: one question per line, `topic<TAB>style<TAB>field<TAB>question` (topics as in
prompts/questions.toml, plus `practical` for a practical thing no persona's notes cover and `none`
for a turn that asks the interviewer nothing about the job). Each question is routed the way the
dialogue routes the first question part of a turn (interviewer.dialogue.route_question) and the
route compared with the label. Prints accuracy overall and per style and topic, how often a
question got an answer on ANOTHER topic (the worst outcome: the user hears an unrelated answer),
and how often it fell through to a deflection; ends with one JSON line.

Development questions live in benchmarks/question_sets/; a held-out set is scored once on arrival
and recorded in benchmarks/listening.md before anything is tuned on it.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from interviewer.dialogue import route_question  # noqa: E402
from interviewer.personas import load_persona  # noqa: E402

# A persona without a named hiring manager below it reads "what's your manager like?" as manager style.
SAME = {("hiring_manager", "manager_style")}


def load(path: Path) -> list[tuple[str, str, str, str]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 4:
            raise SystemExit(f"error: {path}:{n}: expected 4 tab-separated fields")
        rows.append(tuple(p.strip() for p in parts))  # type: ignore[arg-type]
    return rows


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    persona_name = next((argv[i + 1] for i, a in enumerate(argv) if a == "--persona" and i + 1 < len(argv)), "nurse-manager")
    args = [a for a in args if a != persona_name]
    if not args or not Path(args[0]).is_file():
        print("error: give a questions .tsv file", file=sys.stderr)
        return 2
    persona = load_persona(persona_name)
    rows = load(Path(args[0]))
    ok = Counter()
    total = Counter()
    wrong_topic = fell_through = 0
    misses: list[str] = []
    by_topic: dict[str, list[bool]] = defaultdict(list)
    for topic, style, _field, question in rows:
        got = route_question(question, persona)
        right = got == topic or (topic, got) in SAME
        for key in ("all", style):
            total[key] += 1
            ok[key] += right
        by_topic[topic].append(right)
        if not right:
            if got == "deflect":
                fell_through += 1
            elif got not in ("none",) and topic not in ("none",):
                wrong_topic += 1
            misses.append(f"{topic:>18} -> {got:<18} {question}")
    n = total["all"]
    print(f"questions: {n}   persona: {persona_name}")
    print(f"accuracy: {ok['all'] / n:.3f}   answered on another topic: {wrong_topic} ({wrong_topic / n:.1%})   "
          f"fell through to a deflection: {fell_through} ({fell_through / n:.1%})")
    for style in sorted(k for k in total if k != "all"):
        print(f"  {style:<10} {ok[style] / total[style]:.3f}  ({total[style]})")
    print("per topic (worst first):")
    for topic, hits in sorted(by_topic.items(), key=lambda kv: sum(kv[1]) / len(kv[1])):
        print(f"  {topic:<18} {sum(hits) / len(hits):.2f}  ({len(hits)})")
    if "--misses" in argv:
        print("\n".join(misses))
    print(json.dumps({"n": n, "accuracy": round(ok["all"] / n, 3), "wrong_topic": wrong_topic, "fell_through": fell_through,
                      "per_style": {s: round(ok[s] / total[s], 3) for s in total if s != "all"}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
