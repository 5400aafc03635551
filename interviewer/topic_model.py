"""The learned question-topic model: which bank topic a candidate's question is about, as a
probability over the topics of prompts/questions.toml plus `practical` and `none`.

Softmax regression over the shared sentence features (interviewer/text/features.py: hashed word
and character n-grams, the ones the intent model uses), trained by
benchmarks/train_question_topics.py on the bank's own phrasings and labelled question sets by
several writers. The artifact ships in the package (question_topics.bin: int8 weights,
feature-major; question_topics.json: topics, scales, biases); it is read with the intent model's
own loader, so there is one featuriser and one inference path. Pure Python at run time.
"""

from __future__ import annotations

import contextlib
import math
from array import array
from functools import cache
from pathlib import Path

from interviewer.text.model import IntentModel, read_artifact

ARTIFACT = Path(__file__).resolve().parent / "question_topics"

_INSTALLED: list = []


@contextlib.contextmanager
def installed(model):
    """Inside this block `probabilities` uses `model` (a loaded TopicModel, or None for the keyword
    bank alone): the training script scores a model trained without one writer's questions."""
    _INSTALLED.append(model)
    try:
        yield model
    finally:
        _INSTALLED.pop()


class TopicModel:
    def __init__(self, weights: array, meta: dict) -> None:
        self._scorer = IntentModel(weights, meta)
        self.topics: list[str] = meta["intents"]

    def probabilities(self, question: str) -> dict[str, float]:
        """Softmax over the topics. The shared scorer returns one sigmoid per topic; its logit is
        the softmax input."""
        got = self._scorer.predict(question)
        z = {t: math.log(max(p, 1e-13) / max(1.0 - p, 1e-13)) for t, p in got.items()}
        top = max(z.values())
        e = {t: math.exp(v - top) for t, v in z.items()}
        s = sum(e.values())
        return {t: v / s for t, v in e.items()}


def load(path: Path = ARTIFACT) -> TopicModel | None:
    got = read_artifact(path)
    return TopicModel(*got) if got else None


@cache
def _shipped() -> TopicModel | None:
    return load()


def model() -> TopicModel | None:
    return _INSTALLED[-1] if _INSTALLED else _shipped()


def best(question: str) -> tuple[str, float]:
    """The most likely topic and its probability; ("", 0.0) without a model."""
    m = model()
    if m is None:
        return "", 0.0
    probs = m.probabilities(question)
    topic = max(probs, key=probs.__getitem__)
    return topic, probs[topic]
