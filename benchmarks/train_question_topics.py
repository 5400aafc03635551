"""Train the question-topic model (interviewer/question_topics.*) and score it held out by writer.

    python benchmarks/train_question_topics.py            # cross-validate, then write the shipped model
    python benchmarks/train_question_topics.py --no-write # cross-validate only

Sources, each by a different writer (reproducible: no randomness, full-batch training from zeros):
  bank   the example phrasings of prompts/questions.toml (and its practical things' keywords)
  dev1   benchmarks/question_sets/dev1.tsv (an independent writer)
  own    benchmarks/question_sets/listen8_paraphrases.tsv (the developer's own, other fields)
  own12  benchmarks/question_sets/listen12_phrasings.tsv (a second developer's own, 30 fields, every topic
         and style; some paraphrase dev1's cross-validation misses, so the dev1 fold is no longer clean)
Cross-validation holds out one question set at a time (train on the bank and the other set, test on
the held-out writer's questions): the honest estimate for a new writer. Each fold prints the model
alone (top-1 accuracy, and with abstaining below a probability) and the whole product route
(dialogue.route_question with that fold's model installed: accuracy, another topic, fell through).
The shipped model is trained on all three sources. Softmax regression (L2, full-batch Adam; numpy at
training time only) over interviewer/text/features.py, the intent model's own features.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from interviewer import bank, topic_model  # noqa: E402
from interviewer.text.features import features  # noqa: E402
from train_intents import fit  # noqa: E402  (the one sparse trainer)

SETS = ROOT / "benchmarks" / "question_sets"
FOLDS = {"dev1": SETS / "dev1.tsv", "own": SETS / "listen8_paraphrases.tsv", "own12": SETS / "listen12_phrasings.tsv"}
FEATURE_SET = "words+chars"
BUCKETS = 1 << 14


def topics() -> list[str]:
    return sorted({q.topic for q in bank.questions()}) + ["practical", "none"]


def bank_rows() -> list[tuple[str, str]]:
    rows = [(p, q.topic) for q in bank.questions() for p in q.phrasings]
    rows += [(k, "practical") for u in bank.unknowns() if not u.offtopic for k in u.keywords]
    return rows


def tsv_rows(path: Path) -> list[tuple[str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            topic, _style, _field, question = (x.strip() for x in line.split("\t"))
            out.append((question, topic))
    return out


def train(rows: list[tuple[str, str]], labels: list[str], epochs: int = 250, l2: float = 3e-5, lr: float = 0.05):
    idx, ptr = [], [0]
    for text, _ in rows:
        idx += features(bank.question_core(text), FEATURE_SET, BUCKETS)
        ptr.append(len(idx))
    idx, ptr = np.array(idx, dtype=np.int64), np.array(ptr, dtype=np.int64)
    n, k = len(rows), len(labels)
    y = np.zeros((n, k), dtype=np.float32)
    for i, (_, t) in enumerate(rows):
        y[i, labels.index(t)] = 1.0
    counts = y.sum(axis=0).clip(1)
    weight = (n / (k * counts))[None, :] * y  # each topic weighs the same whatever its count
    weight = weight.sum(axis=1, keepdims=True)
    return fit(idx, ptr, y, weight, softmax=True, epochs=epochs, l2=l2, lr=lr, buckets=BUCKETS)


def write(w: np.ndarray, b: np.ndarray, labels: list[str], path: Path, note: dict) -> None:
    scale = np.abs(w).max(axis=0) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    path.with_suffix(".bin").write_bytes(q.tobytes(order="C"))
    meta = {"intents": labels, "feature_set": FEATURE_SET, "buckets": BUCKETS, "scale": [float(x) for x in scale],
            "bias": [float(x) for x in b], **note}
    path.with_suffix(".json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def model_scores(model, rows) -> dict:
    got = [(model_top(model, text), t) for text, t in rows]
    out = {"top1": round(sum(g == t for (g, _), t in got) / len(rows), 3)}
    for cut in (0.3, 0.4, 0.5, 0.6):
        kept = [(g, t) for (g, p), t in got if p >= cut]
        out[f">={cut}"] = {"answered": round(len(kept) / len(rows), 3),
                           "right": round(sum(g == t for g, t in kept) / len(rows), 3),
                           "wrong": round(sum(g != t for g, t in kept) / len(rows), 3)}
    return out


def model_top(model, text: str) -> tuple[str, float]:
    probs = model.probabilities(bank.question_core(text))
    t = max(probs, key=probs.__getitem__)
    return t, probs[t]


def route_scores(path: Path, model) -> dict:
    import question_routing

    from interviewer.dialogue import route_question
    from interviewer.personas import load_persona

    persona = load_persona("nurse-manager")
    rows = question_routing.load(path)
    ok, wrong, fell, by_style = 0, 0, 0, Counter()
    styles = Counter(s for _, s, _, _ in rows)
    with topic_model.installed(model):
        for topic, style, _f, q in rows:
            got = route_question(q, persona)
            right = got == topic or (topic, got) in question_routing.SAME
            ok += right
            by_style[style] += right
            if not right:
                fell += got == "deflect"
                wrong += got not in ("deflect", "none") and topic != "none"
    n = len(rows)
    return {"accuracy": round(ok / n, 3), "another_topic": round(wrong / n, 3), "fell_through": round(fell / n, 3),
            "per_style": {s: round(by_style[s] / styles[s], 3) for s in sorted(styles)}}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--keep", metavar="DIR", help="also keep each fold's model in DIR (without_dev1.*, without_own.*)")
    args = ap.parse_args()
    labels = topics()
    sets = {name: tsv_rows(path) for name, path in FOLDS.items()}
    for name, rows in sets.items():
        bad = {t for _, t in rows} - set(labels)
        if bad:
            raise SystemExit(f"error: {FOLDS[name]}: unknown topics {sorted(bad)}")
    report = {}
    with tempfile.TemporaryDirectory() as tmp:
        for held in FOLDS:
            train_rows = bank_rows() + [r for name, rows in sets.items() if name != held for r in rows]
            w, b = train(train_rows, labels)
            path = Path(args.keep or tmp) / f"without_{held}"
            write(w, b, labels, path, {})
            model = topic_model.load(path)
            report[held] = {"train_rows": len(train_rows), "model": model_scores(model, sets[held]),
                            "route": route_scores(FOLDS[held], model),
                            "route_keywords_only": route_scores(FOLDS[held], None)}
            print(f"held out {held} (trained on {len(train_rows)}):")
            print("  model alone:", json.dumps(report[held]["model"]))
            print("  route, keyword bank only:", json.dumps(report[held]["route_keywords_only"]))
            print("  route, bank + model:     ", json.dumps(report[held]["route"]))
    if not args.no_write:
        all_rows = bank_rows() + [r for rows in sets.values() for r in rows]
        w, b = train(all_rows, labels)
        write(w, b, labels, topic_model.ARTIFACT, {"trained_on": len(all_rows), "sources": ["bank", *FOLDS],
                                                   "writer_held_out": {k: v["route"] for k, v in report.items()}})
        print(f"wrote {topic_model.ARTIFACT.name}.bin/.json ({len(all_rows)} questions)")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
