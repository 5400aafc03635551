"""Otter.ai's text export: "Speaker Name  0:03" on its own line, then the paragraph, then a blank line.

Lines before the first speaker line ("Transcript", a title, keywords) are the header; the
trailing "Transcribed by https://otter.ai" is dropped. Generic "Speaker 1" names work too.
"""

from __future__ import annotations

import re

from .base import Dialogue, TurnBuilder, is_end_marker, is_name_like, nonempty_lines, parse_clock, speaker_name

FORMAT = "otter"

_HEAD = re.compile(r"^\s*(?P<name>[^\W\d_][^\n]{0,44}?)\s+(?P<t>(?:\d{1,2}:)?\d{1,2}:\d{2})\s*$")
# a speaker line cut off inside its time: "Sam Patel  0:01:"
_CUT_HEAD = re.compile(r"^\s*(?P<name>[^\W\d_][^\n]{0,44}?)\s+\d{1,2}:\d{0,2}(?::\d{0,2})?\s*$")
_FOOTER = re.compile(r"^\s*transcribed by\s+(?:https?://)?(?:www\.)?otter\.ai\S*\s*$", re.I)


def _head(line: str) -> tuple[str, float | None] | None:
    m = _HEAD.match(line)
    if not m:
        return None
    name = m.group("name").strip()
    if name.endswith(":") or len(name) > 40 or not is_name_like(name, strict=True):
        return None
    return speaker_name(name), parse_clock(m.group("t"))


def _heads(lines: list[str]) -> list[int]:
    """Indexes of speaker lines that are followed by text (not by another speaker line)."""
    out = []
    n = len(lines)
    for i, ln in enumerate(lines):
        if not _head(ln):
            continue
        j = i + 1
        while j < n and not lines[j].strip():
            j += 1
        if j < n and not _head(lines[j]) and not _FOOTER.match(lines[j]):
            out.append(i)
    return out


def sniff(text: str) -> float:
    lines = text.split("\n")
    heads = _heads(lines)
    if len(heads) < 2:
        return 0.0
    names = {_head(lines[i])[0] for i in heads}
    share = len(heads) / max(1, len(nonempty_lines(text)))
    score = 0.0
    if share >= 0.2:
        score = 0.85
    elif share >= 0.1:
        score = 0.6
    if score and len(names) < 2:
        score -= 0.3
    if score and "otter.ai" in text.lower():
        score = min(1.0, score + 0.1)
    return score


def _cut_head(lines: list[str]) -> int | None:
    """The index of a speaker line with nothing under it at the very end (a file cut off there)."""
    k = len(lines) - 1
    while k >= 0 and (not lines[k].strip() or _FOOTER.match(lines[k])):
        k -= 1
    if k < 0:
        return None
    m = _CUT_HEAD.match(lines[k])
    if _head(lines[k]) or (m and is_name_like(m.group("name").strip(), strict=True)):
        return k
    return None


def parse(text: str) -> Dialogue:
    lines = text.split("\n")
    heads = set(_heads(lines))
    cut = _cut_head(lines)
    if cut is not None and heads:
        lines = lines[:cut]
    header: list[str] = []
    b = TurnBuilder()
    for i, line in enumerate(lines):
        if _FOOTER.match(line) or is_end_marker(line):
            continue
        if i in heads:
            name, start = _head(line)
            b.start(name, "", start=start)
            continue
        if b.current is None:
            if line.strip():
                header.append(line.strip())
            continue
        if not line.strip():
            if b.utterances[-1].text:
                b.blank()
            continue
        b.add(line)
    return Dialogue(format=FORMAT, utterances=b.utterances, header=header)
