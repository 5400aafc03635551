"""Count the phrase patterns, and prune alternatives that match nothing or change no verdict.

    python benchmarks/prune_patterns.py            # report only
    python benchmarks/prune_patterns.py --write    # also delete the pruned lines from prompts/patterns/

Development data only (tests/labelled*, never tests/heldout). An alternative is *dead* if it
matches no sentence or turn of any development transcript; it is *idle* if removing it (after
the removals before it, rarest first) changes no verdict on any development transcript.
`instruction.*` is never pruned for being idle: the injection filter guards against what the
development data rarely contains. Ends with one JSON line.
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
from interviewer.text import split_sentences  # noqa: E402
from interviewer.text.phrases import override, tables  # noqa: E402
from interviewer.transcripts import load  # noqa: E402

NEVER_IDLE = ("instruction.",)


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
    dead = [(n, a) for (n, a), w in where.items() if not w]
    for n, a in dead:
        current[n].remove(a)
        override(n, current[n])
    idle = []
    for (n, a), w in sorted(where.items(), key=lambda kv: (len(kv[1]), kv[0])):
        if not w or n.startswith(NEVER_IDLE) or len(current[n]) == 1:
            continue
        trial = [x for x in current[n] if x != a]
        override(n, trial)
        if all(verdicts(i) == base[i] for i in w):
            current[n] = trial
            idle.append((n, a))
        else:
            override(n, current[n])
    kept = sum(len(v) for v in current.values())
    print(f"{n_pat} patterns, {n_alt} alternatives; {len(dead)} dead, {len(idle)} idle; {kept} kept "
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
    print(json.dumps({"patterns": n_pat, "alternatives_before": n_alt, "dead": len(dead), "idle": len(idle), "alternatives_after": kept}))


if __name__ == "__main__":
    main()
