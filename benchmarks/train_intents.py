"""Train the learned sentence-intent model from tests/corpus/*.jsonl (reproducible: no randomness).

    python benchmarks/train_intents.py            # compare feature sets, write the best model
    python benchmarks/train_intents.py --no-write # compare only
    python benchmarks/train_intents.py --features words+chars   # write that feature set whatever scores best

The corpus is split by role (crc32 of the role name): roles with crc32 % 5 == 0 are held back
and never trained on. Each feature set (interviewer/text/features.py) is trained on the rest as
one-vs-rest logistic regression (L2, full-batch Adam, numpy at training time only) and scored
on the held-back roles; the best macro F1 is kept. The shipped artifact is trained on the
training split only, so the held-back figures stay honest. Also prints the phrase patterns
alone and patterns + model on the same held-back split. Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from interviewer.text.features import FEATURE_SETS, features  # noqa: E402
from interviewer.text.model import ARTIFACT, MODEL_INTENTS, combine  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
BUCKETS = 1 << 15


def load_corpus() -> list[dict]:
    rows = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                row["labels"] = [x for x in row.get("labels", []) if x in MODEL_INTENTS]
                row["source"] = f"{path.name}:{n}"
                rows.append(row)
    return rows


def held_back(row: dict) -> bool:
    return zlib.crc32(str(row.get("role", "")).lower().encode()) % 5 == 0


def matrix(rows: list[dict], fs: str) -> tuple[np.ndarray, np.ndarray]:
    """Hashed feature ids of every row, concatenated, and where each row starts (CSR layout)."""
    idx, ptr = [], [0]
    for r in rows:
        idx += features(r["text"], fs, BUCKETS)
        ptr.append(len(idx))
    return np.array(idx, dtype=np.int64), np.array(ptr, dtype=np.int64)


def targets(rows: list[dict]) -> np.ndarray:
    y = np.zeros((len(rows), len(MODEL_INTENTS)), dtype=np.float32)
    for i, r in enumerate(rows):
        for lab in r["labels"]:
            y[i, MODEL_INTENTS.index(lab)] = 1.0
    return y


def train(rows: list[dict], fs: str, epochs: int = 300, l2: float = 1e-4, lr: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    idx, ptr = matrix(rows, fs)
    y = targets(rows)
    pos = y.mean(axis=0).clip(1e-3, 1)
    weight = np.where(y > 0, 0.5 / pos, 0.5 / (1 - pos))  # balance each intent's positives and negatives
    return fit(idx, ptr, y, weight, softmax=False, epochs=epochs, l2=l2, lr=lr)


def fit(idx: np.ndarray, ptr: np.ndarray, y: np.ndarray, weight: np.ndarray, softmax: bool,
        epochs: int, l2: float, lr: float, buckets: int = BUCKETS) -> tuple[np.ndarray, np.ndarray]:
    """Adam over hashed sparse features (CSR `idx`/`ptr`, length-normalised counts): independent
    sigmoids per label (intents) or one softmax (question topics). The one trainer both models use."""
    n, k = y.shape
    row_of = np.repeat(np.arange(n), np.diff(ptr))
    scale = 1.0 / np.sqrt(np.maximum(np.diff(ptr), 1)).astype(np.float32)  # length-normalised counts
    val = scale[row_of]
    w = np.zeros((buckets, k), dtype=np.float32)
    b = np.zeros(k, dtype=np.float32)
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    for t in range(1, epochs + 1):
        contrib = w[idx] * val[:, None]
        z = np.stack([np.bincount(row_of, weights=contrib[:, j], minlength=n) for j in range(k)], axis=1) + b
        if softmax:
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
        else:
            p = 1 / (1 + np.exp(-z))
        g = (p - y) * weight / n
        per = g[row_of] * val[:, None]
        gw = np.stack([np.bincount(idx, weights=per[:, j], minlength=buckets) for j in range(k)], axis=1).astype(np.float32)
        gw += l2 * w
        gb = g.sum(axis=0)
        for param, grad, m, v in ((w, gw, m_w, v_w), (b, gb, m_b, v_b)):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w, b


def predict(w: np.ndarray, b: np.ndarray, rows: list[dict], fs: str) -> np.ndarray:
    out = np.zeros((len(rows), w.shape[1]), dtype=np.float32)
    for i, r in enumerate(rows):
        f = features(r["text"], fs, BUCKETS)
        out[i] = w[f].sum(axis=0) / np.sqrt(max(len(f), 1)) + b
    return 1 / (1 + np.exp(-out))


def scores(pred: np.ndarray, y: np.ndarray) -> dict[str, dict[str, float]]:
    out = {}
    for j, name in enumerate(MODEL_INTENTS):
        tp = float(((pred[:, j] > 0) & (y[:, j] > 0)).sum())
        fp = float(((pred[:, j] > 0) & (y[:, j] == 0)).sum())
        fn = float(((pred[:, j] == 0) & (y[:, j] > 0)).sum())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[name] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                     "support": int(y[:, j].sum())}
    out["macro_f1"] = round(float(np.mean([v["f1"] for v in out.values()])), 3)
    return out


def pattern_matrix(rows: list[dict]) -> np.ndarray:
    from interviewer.text.patterns import sentence_intents
    from interviewer.text.sentences import is_question

    out = np.zeros((len(rows), len(MODEL_INTENTS)), dtype=np.float32)
    for i, r in enumerate(rows):
        got = sentence_intents(r["text"], is_question(r["text"]))
        for j, name in enumerate(MODEL_INTENTS):
            out[i, j] = got.get(name, 0.0)
    return out


def write_artifact(w: np.ndarray, b: np.ndarray, fs: str, report: dict) -> None:
    scale = np.abs(w).max(axis=0) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    ARTIFACT.with_suffix(".bin").write_bytes(q.tobytes(order="C"))
    meta = {"intents": list(MODEL_INTENTS), "feature_set": fs, "buckets": BUCKETS, "scale": [float(x) for x in scale],
            "bias": [float(x) for x in b], "trained_on": report["train_rows"], "held_back": report["test_rows"],
            "held_back_macro_f1": report["feature_sets"][fs]["macro_f1"]}
    ARTIFACT.with_suffix(".json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--features", choices=FEATURE_SETS, help="write this feature set, not the best-scoring one (to compare with a shipped artifact)")
    args = ap.parse_args()
    rows = load_corpus()
    train_rows = [r for r in rows if not held_back(r)]
    test_rows = [r for r in rows if held_back(r)]
    y_test = targets(test_rows)
    report = {"corpus": len(rows), "train_rows": len(train_rows), "test_rows": len(test_rows), "feature_sets": {}}
    print(f"corpus {len(rows)} sentences: {len(train_rows)} train, {len(test_rows)} held back (by role)")
    models = {}
    for fs in FEATURE_SETS:
        t = time.perf_counter()
        w, b = train(train_rows, fs, args.epochs)
        prob = predict(w, b, test_rows, fs)
        models[fs] = (w, b, prob)
        report["feature_sets"][fs] = scores((prob >= 0.5).astype(np.float32), y_test)
        print(f"{fs:12s} macro F1 {report['feature_sets'][fs]['macro_f1']:.3f}  ({time.perf_counter() - t:.0f} s)")
    best = args.features or max(FEATURE_SETS, key=lambda fs: report["feature_sets"][fs]["macro_f1"])
    pat = pattern_matrix(test_rows)
    report["patterns_alone"] = scores((pat >= 0.5).astype(np.float32), y_test)
    comb = np.array([[combine(pat[i, j], models[best][2][i, j], MODEL_INTENTS[j]) for j in range(len(MODEL_INTENTS))]
                     for i in range(len(test_rows))], dtype=np.float32)
    report["patterns_plus_model"] = scores((comb >= 0.5).astype(np.float32), y_test)
    report["best"] = best
    print(f"\n{'intent':20s} {'patterns':>17s} {'model':>17s} {'both':>17s}   (precision/recall/F1)")
    for name in MODEL_INTENTS:
        cells = [report[k][name] if k != "model" else report["feature_sets"][best][name] for k in ("patterns_alone", "model", "patterns_plus_model")]
        print(f"{name:20s} " + " ".join(f"{c['precision']:.2f}/{c['recall']:.2f}/{c['f1']:.2f}".rjust(17) for c in cells) + f"  n={cells[0]['support']}")
    print(f"{'macro F1':20s} {report['patterns_alone']['macro_f1']:17.3f} {report['feature_sets'][best]['macro_f1']:17.3f} {report['patterns_plus_model']['macro_f1']:17.3f}")
    if not args.no_write:
        write_artifact(models[best][0], models[best][1], best, report)
        print(f"wrote {ARTIFACT.with_suffix('.bin').relative_to(ROOT)} ({best})")
    print(json.dumps({k: v for k, v in report.items()}))


if __name__ == "__main__":
    main()
