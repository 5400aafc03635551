"""The learned sentence-intent model: hashed n-gram logistic regression, pure-Python inference.

Trained by benchmarks/train_intents.py on tests/corpus/*.jsonl; the artifact ships in the
package (intent_model.bin: int8 weights, feature-major; intent_model.json: intents, scales,
biases, feature set). No download, no numpy at run time; loads in a few milliseconds.
"""

from __future__ import annotations

import contextlib
import json
import math
from operator import add
from array import array
from functools import cache
from pathlib import Path

from interviewer.text.features import features

ARTIFACT = Path(__file__).resolve().parent / "intent_model"

# What the corpus labels (the patterns-only intents success_measure and pay_mention are not here).
MODEL_INTENTS = ("next_steps", "next_steps_interest", "ballpark_check", "loose_check", "goals", "role_contribution",
                 "pay_question", "pay_figure", "pay_deflect", "fit_question", "fit_wish", "role_read", "approach", "instruction")


class IntentModel:
    def __init__(self, weights: array, meta: dict) -> None:
        self.weights = weights
        self.intents: list[str] = meta["intents"]
        self.feature_set: str = meta["feature_set"]
        self.buckets: int = meta["buckets"]
        self.scale: list[float] = meta["scale"]
        self.bias: list[float] = meta["bias"]

    def predict(self, sentence: str) -> dict[str, float]:
        k = len(self.intents)
        w = self.weights
        feats = features(sentence, self.feature_set, self.buckets)
        sums = [0] * k
        for f in feats:  # one C-level vector add per feature (a Python loop per weight was the cost)
            sums = list(map(add, sums, w[f * k : f * k + k]))
        norm = 1.0 / math.sqrt(max(len(feats), 1))
        out = {}
        for j, name in enumerate(self.intents):
            z = sums[j] * self.scale[j] * norm + self.bias[j]
            out[name] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        return out


# A scorer installed by `installed()` stands in for the shipped model (benchmarks/feature_compare.py
# runs the whole judge with other feature sets); empty means the shipped artifact.
_INSTALLED: list = []


@contextlib.contextmanager
def installed(scorer):
    """Inside this block every load_model() caller gets `scorer` (anything with
    `intents` and `predict(sentence) -> {intent: probability}`); None means patterns alone."""
    _INSTALLED.append(scorer)
    try:
        yield scorer
    finally:
        _INSTALLED.pop()


def load_model() -> IntentModel | None:
    """The installed scorer if any, else the shipped model, else None (the patterns decide alone)."""
    return _INSTALLED[-1] if _INSTALLED else _shipped()


def read_artifact(path: Path) -> tuple[array, dict] | None:
    """A "weights .bin + meta .json" artifact (int8 weights, feature-major; the meta names its
    labels as `intents` and its `buckets`): the one loader for every model on these features (the
    intent model here, the interviewer's question-topic model). None when missing or inconsistent."""
    try:
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        weights = array("b")
        weights.frombytes(path.with_suffix(".bin").read_bytes())
    except (OSError, ValueError):
        return None
    if len(weights) != meta["buckets"] * len(meta["intents"]):
        return None
    return weights, meta


@cache
def _shipped() -> IntentModel | None:
    got = read_artifact(ARTIFACT)
    return IntentModel(*got) if got else None


def combine(pattern: float, model: float, intent: str) -> float:
    """One confidence from the phrase patterns (0 or 1) and the model's probability.

    The patterns are precise on phrasings they know; the model generalises to paraphrases. A
    pattern hit stands unless the model is sure it is wrong; a model-only hit needs the model
    to be confident (its evidence is still a verbatim candidate sentence).
    """
    if pattern >= 0.5:
        return 1.0 if model >= 0.05 else 0.5
    return model if model >= 0.85 else min(model, 0.49)
