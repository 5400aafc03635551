"""Phrase patterns as data: `prompts/patterns/<criterion>.toml`, one table per named pattern.

Each table has `alternatives` (regular expressions, case-insensitive, joined with |), an
`about` line, and example sentences it must (`matches`) and must not (`does_not_match`) match;
tests/test_patterns.py runs every example. Code refers to a pattern by "<file>.<name>".
`Phrase` objects look patterns up at call time, so a tool can swap one (benchmarks/prune_patterns.py).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from typing import Any

from interviewer.resources import data_dir
from interviewer.text.normalize import fluent

# Patterns see normalised, fluent text (curly apostrophes, look-alike letters, no "um," and no
# "the, the"); the same sentence is read by many patterns, so the normal form is cached.
_normal = lru_cache(maxsize=8192)(fluent)

_COMPILED: dict[str, re.Pattern[str]] = {}


@cache
def tables() -> dict[str, dict[str, Any]]:
    """"file.name" -> the pattern's table, for every pattern file."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted((data_dir("prompts") / "patterns").glob("*.toml")):
        with open(path, "rb") as f:
            for name, table in tomllib.load(f).items():
                out[f"{path.stem}.{name}"] = table
    return out


def compile_alternatives(alternatives: list[str]) -> re.Pattern[str]:
    # An empty list must match nothing (not everything).
    return re.compile("|".join(f"(?:{a})" for a in alternatives) or r"(?!x)x", re.I)


def compiled(name: str) -> re.Pattern[str]:
    rx = _COMPILED.get(name)
    if rx is None:
        rx = _COMPILED[name] = compile_alternatives(tables()[name]["alternatives"])
    return rx


def fragment(name: str) -> str:
    """A raw regex fragment ("file.fragments.key") spliced into code-built patterns."""
    file, key = name.rsplit(".", 1)
    return tables()[file][key]


def override(name: str, alternatives: list[str] | None) -> None:
    """Swap one pattern's alternatives (None restores the data file's). For measurement tools."""
    if alternatives is None:
        _COMPILED.pop(name, None)
    else:
        _COMPILED[name] = compile_alternatives(alternatives)


class Phrase:
    """A named pattern from the data files, with the `re.Pattern` methods the code uses."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        if name not in tables():
            raise KeyError(f"no pattern {name!r} in prompts/patterns/")
        self.name = name

    def search(self, text: str, *a: Any) -> re.Match[str] | None:
        return compiled(self.name).search(_normal(text), *a)

    def match(self, text: str, *a: Any) -> re.Match[str] | None:
        return compiled(self.name).match(_normal(text), *a)

    def finditer(self, text: str, *a: Any):
        """Matches in the *normalised* text (spans refer to normalize(text))."""
        return compiled(self.name).finditer(_normal(text), *a)

    @property
    def pattern(self) -> str:
        return compiled(self.name).pattern

    def __repr__(self) -> str:
        return f"Phrase({self.name!r})"


def phrase(name: str) -> Phrase:
    return Phrase(name)
