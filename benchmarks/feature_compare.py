"""Compare feature sets for the learned intent model: word+char n-grams, engine embeddings, both.

    python benchmarks/feature_compare.py                          # corpus figures (held-back roles)
    python benchmarks/feature_compare.py --judge SETDIR [SETDIR ...] [--quiet]   # the whole judge

Corpus mode trains the same classifier as benchmarks/train_intents.py (one-vs-rest logistic
regression, class-balanced, L2 1e-4, full-batch Adam lr 0.05, 300 epochs) on the same split
(roles with crc32 % 5 != 0), with (a) the shipped hashed word+char n-grams, (b) SmolLM2-135M
mean-pooled sentence embeddings from the embedded engine (interviewer/text/embedding.py),
standardised on the training rows, (c) both side by side. It prints per-intent and macro F1 on
the held-back roles (model alone and combined with the phrase patterns as the judge combines
them), training time, per-sentence featurisation cost, and artifact size and load time.

Judge mode scores labelled set dirs (as benchmarks/first_contact.py does) once per variant —
patterns alone, the shipped n-gram model, embeddings, both — with the intent model swapped
through interviewer.text.model.installed, and prints first_contact's per-criterion measures.

Embeddings are cached in benchmarks/.cache/feature_compare/ (gitignored), keyed by model file
and sentence, so reruns do not need the engine; the engine starts only for sentences not cached
and stops before scoring. Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
import zlib
from array import array
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import train_intents as ti  # noqa: E402

from interviewer.errors import UserError  # noqa: E402
from interviewer.text import embedding  # noqa: E402
from interviewer.text.features import features  # noqa: E402
from interviewer.text.model import ARTIFACT, MODEL_INTENTS, combine, installed, load_model  # noqa: E402

CACHE = ROOT / "benchmarks" / ".cache" / "feature_compare"
NGRAMS = "words+chars"  # the shipped feature set
VARIANTS = ("ngrams", "embeddings", "both")


# --- embeddings, cached on disk -------------------------------------------------------------


class EmbeddingCache:
    """Append-only: vectors.f32 (rows of float32) beside keys.txt (one sha1 a line, same order)."""

    def __init__(self, folder: Path = CACHE):
        path = embedding.default_model_path()
        # A vector depends on the model file, the pooling and the cut: all three are in the key.
        self.model_id = f"{path.name}:{path.stat().st_size}:{embedding.POOLING}:{embedding.MAX_CHARS}"
        self.folder = folder
        self.vectors: dict[str, np.ndarray] = {}
        self.engine_seconds = 0.0
        self.engine_sentences = 0
        self.start_seconds: float | None = None
        keys_file, vec_file = folder / "keys.txt", folder / "vectors.f32"
        if keys_file.is_file() and vec_file.is_file():
            keys = keys_file.read_text(encoding="ascii").split()
            flat = np.fromfile(vec_file, dtype=np.float32)
            width = flat.size // len(keys) if keys else 0
            if width:
                rows = flat[: width * len(keys)].reshape(len(keys), width)
                self.vectors = dict(zip(keys, rows))

    def key(self, sentence: str) -> str:
        return hashlib.sha1(f"{self.model_id}\0{sentence}".encode()).hexdigest()

    def get(self, sentences: list[str]) -> np.ndarray:
        """One row per sentence; sentences not cached go to the engine in small batches."""
        todo = list(dict.fromkeys(s for s in sentences if self.key(s) not in self.vectors))
        if todo:
            if self.start_seconds is None:
                t = time.perf_counter()
                embedding.embedding_url()
                self.start_seconds = time.perf_counter() - t
            self.folder.mkdir(parents=True, exist_ok=True)
            step = embedding.BATCH * 8  # written to disk every 128 sentences: an interrupted run keeps them
            for i in range(0, len(todo), step):
                chunk = todo[i : i + step]
                t = time.perf_counter()
                got = np.array(embedding.embed(chunk), dtype=np.float32)
                self.engine_seconds += time.perf_counter() - t
                self.engine_sentences += len(chunk)
                with (self.folder / "vectors.f32").open("ab") as f:
                    f.write(got.tobytes())
                with (self.folder / "keys.txt").open("a", encoding="ascii") as f:
                    f.write("".join(self.key(s) + "\n" for s in chunk))
                self.vectors.update((self.key(s), v) for s, v in zip(chunk, got))
                print(f"  embedded {min(i + step, len(todo))}/{len(todo)} new sentences "
                      f"({self.engine_seconds / self.engine_sentences * 1000:.0f} ms each)", file=sys.stderr)
        return np.stack([self.vectors[self.key(s)] for s in sentences]) if sentences else np.zeros((0, 1), np.float32)


# --- the classifier: train_intents' loss and optimiser over sparse n-grams, dense vectors or both ----


class Dense:
    """Embeddings standardised on the training rows, scaled to unit expected norm like the n-gram rows."""

    def __init__(self, train_vectors: np.ndarray):
        self.mu = train_vectors.mean(axis=0)
        self.sd = train_vectors.std(axis=0) + 1e-6
        self.k = 1.0 / np.sqrt(train_vectors.shape[1])

    def __call__(self, vectors: np.ndarray) -> np.ndarray:
        return ((vectors - self.mu) / self.sd * self.k).astype(np.float32)


def train(rows: list[dict], sparse: bool, dense_x: np.ndarray | None,
          epochs: int = 300, l2: float = 1e-4, lr: float = 0.05) -> dict:
    """Same objective and optimiser as train_intents.train, plus an optional dense block."""
    y = ti.targets(rows)
    n, k = y.shape
    params: dict[str, np.ndarray] = {"b": np.zeros(k, dtype=np.float32)}
    if sparse:
        idx, ptr = ti.matrix(rows, NGRAMS)
        row_of = np.repeat(np.arange(n), np.diff(ptr))
        val = (1.0 / np.sqrt(np.maximum(np.diff(ptr), 1)).astype(np.float32))[row_of]
        params["w"] = np.zeros((ti.BUCKETS, k), dtype=np.float32)
    if dense_x is not None:
        params["d"] = np.zeros((dense_x.shape[1], k), dtype=np.float32)
    moments = {name: (np.zeros_like(p), np.zeros_like(p)) for name, p in params.items()}
    pos = y.mean(axis=0).clip(1e-3, 1)
    weight = np.where(y > 0, 0.5 / pos, 0.5 / (1 - pos))
    for t in range(1, epochs + 1):
        z = np.zeros((n, k), dtype=np.float64) + params["b"]
        if sparse:
            contrib = params["w"][idx] * val[:, None]
            z += np.stack([np.bincount(row_of, weights=contrib[:, j], minlength=n) for j in range(k)], axis=1)
        if dense_x is not None:
            z += dense_x @ params["d"]
        p = 1 / (1 + np.exp(-z))
        g = (p - y) * weight / n
        grads = {"b": g.sum(axis=0)}
        if sparse:
            per = g[row_of] * val[:, None]
            grads["w"] = np.stack([np.bincount(idx, weights=per[:, j], minlength=ti.BUCKETS) for j in range(k)], axis=1) + l2 * params["w"]
        if dense_x is not None:
            grads["d"] = dense_x.T @ g + l2 * params["d"]
        for name, param in params.items():
            m, v = moments[name]
            grad = grads[name].astype(np.float32)
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return params


class Scorer:
    """A trained variant as an intent scorer for the judge: `intents` and `predict(sentence)`."""

    def __init__(self, name: str, params: dict, dense: Dense | None, cache: EmbeddingCache | None):
        self.name, self.params, self.dense, self.cache = name, params, dense, cache
        self.intents = list(MODEL_INTENTS)
        self.feature_set = name

    def logits(self, sentences: list[str]) -> np.ndarray:
        z = np.zeros((len(sentences), len(self.intents))) + self.params["b"]
        if "w" in self.params:
            for i, s in enumerate(sentences):
                f = features(s, NGRAMS, ti.BUCKETS)
                z[i] += self.params["w"][f].sum(axis=0) / np.sqrt(max(len(f), 1))
        if "d" in self.params:
            z += self.dense(self.cache.get(sentences)) @ self.params["d"]
        return z

    def predict_many(self, sentences: list[str]) -> np.ndarray:
        return 1 / (1 + np.exp(-np.clip(self.logits(sentences), -30, 30)))

    def predict(self, sentence: str) -> dict[str, float]:
        return {name: float(p) for name, p in zip(self.intents, self.predict_many([sentence])[0])}


def build(variant: str, train_rows: list[dict], cache: EmbeddingCache | None) -> tuple[Scorer, float]:
    """A trained scorer for one variant and its training time (features already at hand)."""
    dense = dense_x = None
    if variant != "ngrams":
        vectors = cache.get([r["text"] for r in train_rows])
        dense = Dense(vectors)
        dense_x = dense(vectors)
    t = time.perf_counter()
    params = train(train_rows, variant != "embeddings", dense_x)
    return Scorer(variant, params, dense, cache), time.perf_counter() - t


# --- costs -------------------------------------------------------------------------------------


def artifact_cost(scorer: Scorer) -> dict:
    """Write the variant as the runtime would ship it (int8 n-gram weights as today, float32 dense
    block with its standardisation) into the cache dir; its size and a cold load time."""
    folder = CACHE / "artifacts"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    if "w" in scorer.params:
        w = scorer.params["w"]
        scale = np.abs(w).max(axis=0) / 127.0
        scale[scale == 0] = 1.0
        (folder / f"{scorer.name}.ngrams.bin").write_bytes(np.clip(np.round(w / scale), -127, 127).astype(np.int8).tobytes())
        files.append((f"{scorer.name}.ngrams.bin", "b"))
    if "d" in scorer.params:
        block = np.concatenate([scorer.params["d"].ravel(), scorer.dense.mu, scorer.dense.sd]).astype(np.float32)
        (folder / f"{scorer.name}.dense.bin").write_bytes(block.tobytes())
        files.append((f"{scorer.name}.dense.bin", "f"))
    meta = {"intents": scorer.intents, "bias": [float(x) for x in scorer.params["b"]], "files": [f for f, _ in files]}
    (folder / f"{scorer.name}.json").write_text(json.dumps(meta), encoding="utf-8")
    t = time.perf_counter()
    json.loads((folder / f"{scorer.name}.json").read_text(encoding="utf-8"))
    for name, code in files:  # the runtime's loader: array.frombytes, no numpy
        array(code).frombytes((folder / name).read_bytes())
    load = time.perf_counter() - t
    size = sum((folder / f).stat().st_size for f, _ in files) + (folder / f"{scorer.name}.json").stat().st_size
    return {"bytes": size, "load_seconds": round(load, 4)}


def ngram_cost(sentences: list[str]) -> float:
    t = time.perf_counter()
    for s in sentences:
        features(s, NGRAMS, ti.BUCKETS)
    return (time.perf_counter() - t) / max(len(sentences), 1)


def fresh_engine_cost(sentences: list[str]) -> dict:
    """Start a new embedding engine and embed `sentences` uncached: what a review would pay."""
    embedding.stop()
    t = time.perf_counter()
    url = embedding.embedding_url()
    start = time.perf_counter() - t
    t = time.perf_counter()
    embedding.embed(sentences, url)
    each = (time.perf_counter() - t) / max(len(sentences), 1)
    embedding.stop()
    return {"engine_start_seconds": round(start, 2), "seconds_per_sentence": round(each, 4), "sentences": len(sentences)}


# --- corpus mode ---------------------------------------------------------------------------------


def _macro_f1(pred: np.ndarray, y: np.ndarray) -> float:
    tp = ((pred > 0) & (y > 0)).sum(axis=0)
    fp = ((pred > 0) & (y == 0)).sum(axis=0)
    fn = ((pred == 0) & (y > 0)).sum(axis=0)
    return float(np.mean(np.where(tp > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)))


def role_bootstrap(rows: list[dict], y: np.ndarray, preds: dict[str, np.ndarray], base: str = "ngrams",
                   samples: int = 2000) -> dict:
    """Paired bootstrap over held-back roles (sentences of one role move together): how sure is a
    macro-F1 difference from the shipped n-grams, given only ~100 roles and 7-45 positives an intent?"""
    roles: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        roles.setdefault(str(r.get("role", "")).lower(), []).append(i)
    groups = list(roles.values())
    rng = np.random.default_rng(0)
    diffs: dict[str, list[float]] = {v: [] for v in preds if v != base}
    for _ in range(samples):
        idx = np.concatenate([groups[g] for g in rng.integers(0, len(groups), len(groups))])
        ref = _macro_f1(preds[base][idx], y[idx])
        for v in diffs:
            diffs[v].append(_macro_f1(preds[v][idx], y[idx]) - ref)
    return {v: {"mean": round(float(np.mean(d)), 3), "low95": round(float(np.percentile(d, 2.5)), 3),
                "high95": round(float(np.percentile(d, 97.5)), 3), "share_better": round(float(np.mean(np.array(d) > 0)), 3)}
            for v, d in diffs.items()} | {"roles": len(groups), "base": base}


def folds(rows: list[dict], cache: EmbeddingCache, k: int) -> dict:
    """Macro F1 with each fifth of the roles held back in turn (crc32 % 5 == fold, train_intents' rule at fold 0)."""
    out: dict[str, list[float]] = {v: [] for v in VARIANTS}
    for fold in range(k):
        test = [r for r in rows if zlib.crc32(str(r.get("role", "")).lower().encode()) % 5 == fold]
        train_rows = [r for r in rows if zlib.crc32(str(r.get("role", "")).lower().encode()) % 5 != fold]
        y = ti.targets(test)
        for v in VARIANTS:
            scorer, _ = build(v, train_rows, cache)
            out[v].append(round(_macro_f1((scorer.predict_many([r["text"] for r in test]) >= 0.5).astype(np.float32), y), 3))
        print(f"fold {fold}: {len(test)} held back  " + "  ".join(f"{v} {out[v][-1]:.3f}" for v in VARIANTS))
    return {v: {"per_fold": f, "mean": round(float(np.mean(f)), 3)} for v, f in out.items()}


def corpus(args) -> dict:
    rows = ti.load_corpus()
    train_rows = [r for r in rows if not ti.held_back(r)]
    test_rows = [r for r in rows if ti.held_back(r)]
    y = ti.targets(test_rows)
    print(f"corpus {len(rows)} sentences: {len(train_rows)} train, {len(test_rows)} held back (by role)")
    cache = EmbeddingCache()
    t = time.perf_counter()
    cache.get([r["text"] for r in rows])  # fill the cache once; the engine stops before training
    fill = time.perf_counter() - t
    embedding.stop()
    pat = (ti.pattern_matrix(test_rows) >= 0.5).astype(np.float32)
    report = {"corpus": len(rows), "train_rows": len(train_rows), "test_rows": len(test_rows),
              "patterns_alone": ti.scores(pat, y), "variants": {}}
    raw_pat = ti.pattern_matrix(test_rows)
    binary: dict[str, np.ndarray] = {}
    for variant in VARIANTS:
        scorer, seconds = build(variant, train_rows, cache)
        t = time.perf_counter()
        prob = scorer.predict_many([r["text"] for r in test_rows])
        infer = (time.perf_counter() - t) / len(test_rows)
        comb = np.array([[combine(raw_pat[i, j], prob[i, j], MODEL_INTENTS[j]) for j in range(len(MODEL_INTENTS))]
                         for i in range(len(test_rows))], dtype=np.float32)
        binary[variant] = (prob >= 0.5).astype(np.float32)
        report["variants"][variant] = {"model": ti.scores(binary[variant], y),
                                       "patterns_plus_model": ti.scores((comb >= 0.5).astype(np.float32), y),
                                       "train_seconds": round(seconds, 1), "cached_inference_seconds_per_sentence": round(infer, 5),
                                       "artifact": artifact_cost(scorer)}
        print(f"{variant:11s} macro F1 {report['variants'][variant]['model']['macro_f1']:.3f} "
              f"(with patterns {report['variants'][variant]['patterns_plus_model']['macro_f1']:.3f}), trained in {seconds:.0f} s")
    report["bootstrap"] = role_bootstrap(test_rows, y, binary)
    texts = [r["text"] for r in test_rows]
    report["costs"] = {"ngram_seconds_per_sentence": round(ngram_cost(texts), 6),
                       "shipped_artifact_bytes": sum(ARTIFACT.with_suffix(s).stat().st_size for s in (".bin", ".json")),
                       "cache_fill_seconds": round(fill, 1), "cache_fill_sentences": cache.engine_sentences}
    if args.engine_sample:
        # Sentences the engine has not seen in this process; the cache is bypassed on purpose.
        report["costs"]["engine"] = fresh_engine_cost(texts[: args.engine_sample])

    print(f"\n{'intent':20s} {'patterns':>8s} " + " ".join(f"{v:>10s}" for v in VARIANTS) + "   (F1, model alone; n = held-back support)")
    for name in MODEL_INTENTS:
        cells = " ".join(f"{report['variants'][v]['model'][name]['f1']:10.3f}" for v in VARIANTS)
        print(f"{name:20s} {report['patterns_alone'][name]['f1']:8.3f} {cells}   n={report['patterns_alone'][name]['support']}")
    print(f"{'macro F1':20s} {report['patterns_alone']['macro_f1']:8.3f} "
          + " ".join(f"{report['variants'][v]['model']['macro_f1']:10.3f}" for v in VARIANTS))
    print(f"{'  + patterns':20s} {'':8s} " + " ".join(f"{report['variants'][v]['patterns_plus_model']['macro_f1']:10.3f}" for v in VARIANTS))
    print(f"{'train s':20s} {'':8s} " + " ".join(f"{report['variants'][v]['train_seconds']:10.1f}" for v in VARIANTS))
    print(f"{'artifact KB':20s} {'':8s} " + " ".join(f"{report['variants'][v]['artifact']['bytes'] / 1024:10.0f}" for v in VARIANTS))
    print(f"{'artifact load ms':20s} {'':8s} " + " ".join(f"{report['variants'][v]['artifact']['load_seconds'] * 1000:10.1f}" for v in VARIANTS))
    b = report["bootstrap"]
    print(f"\nmacro F1 minus n-grams, paired bootstrap over the {b['roles']} held-back roles (mean [95 % interval], share of resamples better):")
    for v in VARIANTS[1:]:
        print(f"  {v:11s} {b[v]['mean']:+.3f} [{b[v]['low95']:+.3f}, {b[v]['high95']:+.3f}]  {b[v]['share_better']:.0%}")
    if args.folds:
        report["folds"] = folds(rows, cache, args.folds)
        print("mean macro F1 over role folds: " + "  ".join(f"{v} {report['folds'][v]['mean']:.3f}" for v in VARIANTS))
    c = report["costs"]
    print(f"\nfeaturisation per sentence: n-grams {c['ngram_seconds_per_sentence'] * 1e6:.0f} µs (pure Python)")
    if "engine" in c:
        e = c["engine"]
        print(f"embeddings: engine start {e['engine_start_seconds']:.2f} s, then {e['seconds_per_sentence'] * 1000:.0f} ms per sentence "
              f"(batches of {embedding.BATCH}, {e['sentences']} uncached sentences)")
    if cache.engine_sentences:
        print(f"cache fill this run: {cache.engine_sentences} sentences in {cache.engine_seconds:.0f} s")
    return report


# --- judge mode ------------------------------------------------------------------------------------


class _Recorder:
    """The shipped model, noting every sentence the judge asks about (so they can be embedded in batches)."""

    def __init__(self, model):
        self.model, self.intents, self.seen = model, model.intents, []
        self.feature_set = model.feature_set

    def predict(self, sentence: str) -> dict[str, float]:
        self.seen.append(sentence)
        return self.model.predict(sentence)


def judge(args) -> dict:
    import first_contact as fc

    folders = [s for d in args.setdirs for s in fc._sets(d)]
    shipped = load_model()
    if shipped is None:
        raise UserError("the shipped intent model is missing (interviewer/text/intent_model.*)")
    rows = ti.load_corpus()
    train_rows = [r for r in rows if not ti.held_back(r)]
    cache = EmbeddingCache()
    recorder = _Recorder(shipped)
    asked: dict[str, int] = {}  # sentences the intent model reads per set: what a review would embed
    with installed(recorder):
        for folder in folders:
            before = len(recorder.seen)
            fc.measure(folder)
            asked[folder.name] = len(set(recorder.seen[before:]))
    needed = [r["text"] for r in train_rows] + recorder.seen
    cache.get(needed)  # every sentence the judge will ask about, embedded before scoring starts
    embedding.stop()
    scorers = {"patterns": None, "ngrams": shipped}
    for variant in ("embeddings", "both"):
        scorers[variant], _ = build(variant, train_rows, cache)
    results: dict[str, list[dict]] = {}
    for variant, scorer in scorers.items():
        with installed(scorer):
            results[variant] = [fc.measure(folder) for folder in folders]
    for i, folder in enumerate(folders):
        print(f"\n{folder.name}: {results['ngrams'][i]['transcripts']} transcripts "
              f"(exact / detection / covered-vs-not / false covered, per intent-model variant)")
        print(f"{'criterion':16s} " + " ".join(f"{v:>26s}" for v in scorers))
        for c in results["ngrams"][i]["criteria"]:
            cells = []
            for v in scorers:
                r = results[v][i]["criteria"][c]
                cells.append(f"{r['exact']:.3f} {r['detection']:.3f} {r['covered_vs_not']:.3f} {r['false_covered']:3d}".rjust(26))
            print(f"{c:16s} " + " ".join(cells))
        print(f"{'quotes verbatim':16s} " + " ".join(f"{results[v][i]['quote_verbatim_rate']:26.3f}" for v in scorers))
        print(f"{'seconds':16s} " + " ".join(f"{results[v][i]['seconds']:26.2f}" for v in scorers)
              + "   (embeddings cached: engine time not included)")
        n = max(results["ngrams"][i]["transcripts"], 1)
        print(f"the intent model reads {asked[folder.name]} distinct sentences here, {asked[folder.name] / n:.0f} a transcript")
        if not args.quiet:
            for v in scorers:
                for m in results[v][i]["misses"]:
                    print(f"  [{v}] {m}")
    if cache.engine_sentences:
        print(f"\nembedded {cache.engine_sentences} new sentences in {cache.engine_seconds:.0f} s "
              f"(engine start {cache.start_seconds:.1f} s)")
    return {"sentences_read": asked, "sets": {v: [{k: x for k, x in r.items() if k != "misses"} for r in res] for v, res in results.items()},
            "new_sentences_embedded": cache.engine_sentences}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--judge", dest="setdirs", nargs="+", metavar="SETDIR", help="run the whole judge on labelled set dirs")
    ap.add_argument("--quiet", action="store_true", help="judge mode: no per-transcript misses")
    ap.add_argument("--folds", type=int, default=0, choices=range(0, 6), metavar="K",
                    help="corpus mode: also hold back each of the first K role fifths in turn (slow: ~2.5 min a fold)")
    ap.add_argument("--engine-sample", type=int, default=48, metavar="N",
                    help="corpus mode: time a fresh engine on N uncached sentences (0: skip)")
    args = ap.parse_args()
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = ""
    try:
        out = judge(args) if args.setdirs else corpus(args)
    except UserError as e:
        print(f"error: {e}", file=sys.stderr)
        raise SystemExit(2) from None
    finally:
        embedding.stop()
    print(json.dumps({"commit": commit, "mode": "judge" if args.setdirs else "corpus", **out}))


if __name__ == "__main__":
    main()
