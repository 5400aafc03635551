"""Sentence features for the learned intent model: hashed word n-grams and character n-grams.

Shared by the training script (benchmarks/train_intents.py) and run-time inference, so the two
can never disagree. Pure Python; cost is linear in the sentence length.
"""

from __future__ import annotations

import re
import zlib

from interviewer.text.normalize import normalize

_TOKEN = re.compile(r"[a-z0-9']+")
_DIGITS = re.compile(r"\d")

FEATURE_SETS = ("words", "words+chars")


def tokens(sentence: str) -> list[str]:
    return [_DIGITS.sub("0", t.strip("'")) for t in _TOKEN.findall(normalize(sentence).lower()) if t.strip("'")]


def features(sentence: str, feature_set: str, buckets: int) -> list[int]:
    """Hashed feature ids (with repeats) for one sentence."""
    toks = tokens(sentence)[:120]  # a run-on is already cut by the splitter; this bounds the rest
    grams = ["w:" + t for t in toks] + ["b:" + a + " " + b for a, b in zip(toks, toks[1:])]
    grams += ["s:" + toks[0], "e:" + toks[-1]] if toks else ["empty"]
    if feature_set == "words+chars":
        for t in toks:
            w = f"<{t}>"
            grams += ["c:" + w[i : i + n] for n in (3, 4, 5) for i in range(max(1, len(w) - n + 1))]
    return [zlib.crc32(g.encode()) % buckets for g in grams]
