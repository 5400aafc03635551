"""The whole judge on single corpus sentences it never trained on (held-back roles, see
train_intents.py), with and without the learned model: each sentence becomes a two-turn
transcript ("Any questions for me?" / the sentence) and is scored.

Per criterion: recall = share of sentences whose labels alone should earn `covered` that are
judged covered; false covered = share of the other sentences judged covered. Ends with one JSON line.

    python benchmarks/corpus_judge.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from train_intents import held_back, load_corpus  # noqa: E402

from interviewer.models import Transcript, Turn  # noqa: E402
from interviewer.scoring import signals  # noqa: E402
from interviewer.scoring.chain import score  # noqa: E402

# Which labels, on one sentence, earn covered for a criterion (all listed labels needed).
EARNS = {"next_steps": [{"next_steps"}], "mutual_fit": [{"fit_question"}],
         "goals_alignment": [{"goals", "role_contribution"}], "compensation": [{"pay_figure"}, {"pay_question"}],
         "role_vision": [{"role_read", "approach"}]}


def run(rows: list[dict], use_model: bool) -> dict:
    signals.USE_MODEL = use_model
    out = {}
    verdicts = []
    for r in rows:
        t = Transcript(turns=[Turn(speaker="interviewer", name="Dana", text="Any questions for me?"),
                              Turn(speaker="candidate", name="Alex", text=r["text"])], role=r.get("role") or None)
        verdicts.append({c.id: c.verdict for c in score(t).criteria})
    for cid, needs in EARNS.items():
        pos = [v for r, v in zip(rows, verdicts) if any(n <= set(r["labels"]) for n in needs)]
        neg = [v for r, v in zip(rows, verdicts) if not any(n & set(r["labels"]) for n in needs)]
        out[cid] = {"recall": round(sum(v[cid] == "covered" for v in pos) / max(len(pos), 1), 3), "positives": len(pos),
                    "false_covered": round(sum(v[cid] == "covered" for v in neg) / max(len(neg), 1), 4), "negatives": len(neg)}
    return out


def main() -> None:
    rows = [r for r in load_corpus() if held_back(r)]
    res = {"sentences": len(rows), "patterns": run(rows, False), "patterns+model": run(rows, True)}
    print(f"{len(rows)} held-back corpus sentences, each a two-turn transcript")
    print(f"{'criterion':16s} {'recall pat':>10s} {'+model':>7s} {'false cov pat':>14s} {'+model':>7s}  positives")
    for cid in EARNS:
        a, b = res["patterns"][cid], res["patterns+model"][cid]
        print(f"{cid:16s} {a['recall']:10.3f} {b['recall']:7.3f} {a['false_covered']:14.4f} {b['false_covered']:7.4f}  {a['positives']}")
    print(json.dumps(res))


if __name__ == "__main__":
    main()
