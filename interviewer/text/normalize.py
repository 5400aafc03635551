"""One normaliser for everything that reads text: the judge, the interviewer, the injection filter.

It folds what looks the same to a person but not to a pattern: compatibility forms (full-width
letters, ligatures), look-alike letters from other scripts (Cyrillic "а", Greek "ο"), invisible
format characters, curly quotes and dashes, runs of whitespace. Case is kept; patterns ignore it.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache

# Cyrillic, Greek and a few other letters that render like Latin ones (the usual look-alike set).
_CONFUSABLE = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "ɡ": "g", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "ѵ": "v", "ү": "y", "ո": "n", "ս": "u",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X",
    "І": "I", "Ј": "J", "Ѕ": "S", "У": "Y", "Ү": "Y",
    "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ϲ": "c",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
    "Τ": "T", "Υ": "Y", "Χ": "X",
    "ı": "i", "ℓ": "l", "ⅰ": "i",
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    "…": "...",
})
_SPACE = re.compile(r"\s+")
_WORDISH = re.compile(r"[^\W\d_]+")
_LOOKALIKES = frozenset(chr(k) for k, v in _CONFUSABLE.items() if chr(k).isalpha() and k > 127)
_PUNCT = {k: v for k, v in _CONFUSABLE.items() if not chr(k).isalpha()}


def _drop_invisible(text: str) -> str:
    # Zero-width spaces/joiners, soft hyphens, bidi marks: category Cf; combining accents: Mn.
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if unicodedata.category(ch) not in ("Cf", "Mn"))


def _fold_word(m: re.Match[str]) -> str:
    # A word is folded to Latin when it mixes scripts ("Rеviewer" with a Cyrillic е) or is made
    # only of look-alikes; a genuine Russian or Greek word is left as it is.
    w = m.group(0)
    if w.isascii():
        return w
    if any("a" <= c.lower() <= "z" for c in w) or all(c in _LOOKALIKES for c in w):
        return w.translate(_CONFUSABLE)
    return w


def normalize(text: str) -> str:
    """Text as patterns and models should see it (never shown to the user: quotes stay verbatim)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", _drop_invisible(text))
        text = _WORDISH.sub(_fold_word, text).translate(_PUNCT)
    return _SPACE.sub(" ", text).strip()


# Speech-to-text disfluencies: "um," / "uh" fillers and false starts ("the, the goals", "I'm, I'm
# off") hide a phrase from the patterns. One linear pass each; the quote shown stays verbatim.
_FILLERS = re.compile(r"\b(?:um+|uh+|erm|er|hmm+|mm+|eh+)\b[,.]?\s*", re.I)
_REPEAT = re.compile(r"\b((?:[\w']{1,20}\s+){0,2}[\w']{1,20})(?:,?\s+\1\b)+", re.I)  # "is that is that": up to three words


@cache
def _misheard() -> tuple[re.Pattern[str], dict[str, str]]:
    from interviewer.resources import data_dir  # data, not code: prompts/patterns/words.toml [misheard]

    with open(data_dir("prompts") / "patterns" / "words.toml", "rb") as f:
        pairs = {heard.lower(): meant for heard, meant in tomllib.load(f)["misheard"]["pairs"]}
    rx = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in sorted(pairs, key=len, reverse=True)) + r")(?![\w'])", re.I)
    return rx, pairs


def fluent(text: str) -> str:
    """`normalize(text)` without fillers and stuttered repeats, with a few phrases speech-to-text
    mishears put right ("ball park", "way of base"): what the phrase patterns read."""
    rx, pairs = _misheard()
    text = _REPEAT.sub(r"\1", _FILLERS.sub("", normalize(text)))
    return rx.sub(lambda m: pairs[m.group(0).lower()], text)
