"""benchmarks/feature_compare.py compares feature sets with the classifier that ships: its trainer,
given n-grams alone, must be train_intents' trainer (same weights), or the comparison is unfair."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fc():
    return _load("feature_compare")


def test_ngram_training_is_train_intents_training(fc):
    ti = _load("train_intents")
    rows = [r for r in ti.load_corpus() if not ti.held_back(r)][::10]
    w, b = ti.train(rows, fc.NGRAMS, epochs=5)
    mine = fc.train(rows, True, None, epochs=5)
    assert np.abs(w).max() > 0.01  # something was learned, so the comparison below means something
    assert np.allclose(mine["w"], w, atol=1e-5) and np.allclose(mine["b"], b, atol=1e-5)


def test_a_dense_block_learns_a_separable_intent(fc):
    # Two intents' rows told apart only by the dense block: the trainer must use it.
    rows = [{"text": "", "labels": ["next_steps"] if i % 2 else []} for i in range(40)]
    x = np.array([[1.0, 0.0] if i % 2 else [0.0, 1.0] for i in range(40)], dtype=np.float32)
    params = fc.train(rows, False, x, epochs=100)
    z = x @ params["d"] + params["b"]
    col = fc.MODEL_INTENTS.index("next_steps")
    assert (z[1::2, col] > 0).all() and (z[0::2, col] < 0).all()
