"""Count the phrase patterns, and prune alternatives that match nothing or change no verdict.

    python benchmarks/prune_patterns.py            # report only
    python benchmarks/prune_patterns.py --write    # also delete the pruned lines from prompts/patterns/

Development data only (tests/labelled*, never tests/heldout). An alternative is *dead* if it
matches no sentence or turn of any development transcript; it is *idle* if removing it (after
the removals before it, rarest first) changes no verdict on any development transcript.
An alternative that alone catches a sentence of the intent corpus (tests/corpus) or one of its
pattern's own positive examples is kept either way: it generalises beyond the labelled sets. `instruction.*` is never pruned: the injection filter guards against what the development
data rarely contains. Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from labelled_sets import available_sets, labelled  # noqa: E402

from interviewer.scoring.chain import score  # noqa: E402
from interviewer.text import normalize, split_sentences  # noqa: E402
from interviewer.text.phrases import override, tables  # noqa: E402
from interviewer.transcripts import load  # noqa: E402

NEVER_IDLE = ("instruction.",)

# Which corpus intents each pattern is evidence for ("-" marks an exclusion pattern: its target
# is sentences *without* those intents). An alternative that alone catches a target sentence of
# the corpus (tests/corpus, written independently of the labelled sets) is kept: it generalises.
TARGET = {
    "next_steps.process": "next_steps", "next_steps.not_process": "-next_steps", "next_steps.stated_interest": "next_steps_interest",
    "ballpark_check.check": "ballpark_check", "ballpark_check.not_check": "-ballpark_check", "ballpark_check.invite": "loose_check",
    "ballpark_check.observation": "role_read", "role_vision.read": "role_read", "role_vision.org_ref": "role_read",
    "role_vision.modal": "approach", "role_vision.first_person": "approach", "role_vision.plan_phrase": "approach",
    "role_vision.imperative_step": "approach", "role_vision.hedge": "-role_read approach", "role_vision.past_self": "-role_read approach",
    "role_vision.industry": "-role_read approach", "role_vision.chatter": "-role_read approach", "role_vision.generic": "-role_read approach",
    "role_vision.behavioural": "-role_read approach", "role_vision.past_narrative": "-role_read approach",
    "goals_alignment.goals": "goals", "goals_alignment.contributes": "role_contribution", "goals_alignment.success": "role_contribution",
    "goals_alignment.not_goals": "-goals", "compensation.pay": "pay_question pay_figure pay_deflect", "compensation.figure": "pay_figure",
    "compensation.other_money": "-pay_figure", "compensation.pay_word": "pay_figure pay_question", "compensation.figure_money": "pay_figure",
    "compensation.money_cue": "pay_figure", "compensation.pay_question": "pay_question", "compensation.vague_pay": "pay_deflect",
    "compensation.pay_ask": "pay_figure", "compensation.word_number": "pay_figure",
    "mutual_fit.fit": "fit_question", "mutual_fit.fit_words": "fit_wish", "mutual_fit.value_words": "fit_wish",
    "mutual_fit.not_fit": "-fit_question", "mutual_fit.people": "fit_question", "mutual_fit.you_as_boss": "fit_question",
    "mutual_fit.relation": "fit_question",
}


def corpus_targets() -> dict[str, list[str]]:
    """Pattern name -> the corpus sentences it exists to catch."""
    rows = [json.loads(line) for path in sorted((ROOT / "tests" / "corpus").glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = {}
    for name, spec in TARGET.items():
        negate, wanted = spec.startswith("-"), set(spec.lstrip("-").split())
        out[name] = [r["text"] for r in rows if bool(wanted & set(r["labels"])) != negate]
    return out


def loses_corpus(alternatives: list[str], without: str, texts: list[str]) -> bool:
    """Would dropping `without` leave a target sentence that the pattern catches today uncaught?"""
    rest = re.compile("|".join(f"(?:{a})" for a in alternatives if a != without) or r"(?!x)x", re.I)
    alone = re.compile(without, re.I)
    return any(alone.search(t) and not rest.search(t) for t in texts)


def counts() -> tuple[int, int]:
    pats = {n: t for n, t in tables().items() if "alternatives" in t}
    return len(pats), sum(len(t["alternatives"]) for t in pats.values())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    started = time.perf_counter()
    items = []
    for s in available_sets():
        for it in labelled(s):
            t, _, d = load(it.path, it.candidate)
            texts = [x.text for x in t.turns] + [p for x in t.turns for p in split_sentences(x.text)]
            items.append((it.path, t, d.format, texts))
    verdicts = lambda i: {c.id: c.verdict for c in score(items[i][1], items[i][2]).criteria}  # noqa: E731
    base = [verdicts(i) for i in range(len(items))]
    n_pat, n_alt = counts()
    current = {n: list(t["alternatives"]) for n, t in tables().items() if "alternatives" in t}
    where: dict[tuple[str, str], set[int]] = {}
    for name, alts in current.items():
        for a in alts:
            rx = re.compile(a, re.I)
            where[(name, a)] = {i for i, it in enumerate(items) if any(rx.search(x) for x in it[3])}
    targets = {n: [normalize(t) for t in ts] for n, ts in corpus_targets().items()}
    for n, t in tables().items():  # a pattern's own positive examples are its spec: keep what they need
        if "alternatives" in t:
            targets.setdefault(n, []).extend(normalize(x) for x in t.get("matches", []))
    protected = 0
    dead = []
    for (n, a), w in sorted(where.items(), key=lambda kv: kv[0]):
        if w or n.startswith(NEVER_IDLE):
            continue
        if loses_corpus(current[n], a, targets.get(n, [])):
            protected += 1
            continue
        dead.append((n, a))
        current[n].remove(a)
        override(n, current[n])
    idle = []
    for (n, a), w in sorted(where.items(), key=lambda kv: (len(kv[1]), kv[0])):
        if not w or n.startswith(NEVER_IDLE) or len(current[n]) == 1:
            continue
        if loses_corpus(current[n], a, targets.get(n, [])):
            protected += 1
            continue
        trial = [x for x in current[n] if x != a]
        override(n, trial)
        if all(verdicts(i) == base[i] for i in w):
            current[n] = trial
            idle.append((n, a))
        else:
            override(n, current[n])
    kept = sum(len(v) for v in current.values())
    print(f"{n_pat} patterns, {n_alt} alternatives; {protected} kept for the corpus; {len(dead)} dead, {len(idle)} idle; {kept} kept "
          f"({time.perf_counter() - started:.0f} s over {len(items)} development transcripts)")
    for tag, lst in (("dead", dead), ("idle", idle)):
        for n, a in lst:
            print(f"  {tag} {n}: {a}")
    if args.write:
        for n, a in dead + idle:
            file = ROOT / "prompts" / "patterns" / f"{n.split('.')[0]}.toml"
            lines = file.read_text(encoding="utf-8").split("\n")
            table = f"[{n.split('.', 1)[1]}]"
            start = lines.index(table)
            for i in range(start, len(lines)):
                body = lines[i].strip().rstrip(",")
                if body in (f"'{a}'", f"'''{a}'''", json.dumps(a)):
                    del lines[i]
                    break
            else:
                print(f"  could not find {n}: {a} in {file.name}", file=sys.stderr)
            file.write_text("\n".join(lines), encoding="utf-8")
    print(json.dumps({"patterns": n_pat, "alternatives_before": n_alt, "corpus_protected": protected, "dead": len(dead), "idle": len(idle), "alternatives_after": kept}))


if __name__ == "__main__":
    main()
