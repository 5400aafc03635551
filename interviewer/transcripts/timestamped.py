"""Timestamped lines: "[00:01:23] Name: text" (also "[01:23]", "(00:01:23)", and "Name (01:23): text").

Unlabelled lines, with or without a time, continue the previous turn.
"""

from __future__ import annotations

import re

from .base import (
    CLOCK,
    Dialogue,
    TurnBuilder,
    is_end_marker,
    is_name_like,
    nonempty_lines,
    parse_clock,
    roles_from_labels,
    speaker_labels,
    speaker_name,
    split_label,
)

FORMAT = "timestamped"

_TIME_FIRST = re.compile(rf"^\s*[\[(](?P<t>{CLOCK})(?:\s*[-–]\s*{CLOCK})?[\])]\s*(?P<rest>.*)$")
_NAME_FIRST = re.compile(rf"^\s*(?P<label>[^\W\d_][^\[(:\n]{{0,40}}?)\s*[\[(](?P<t>{CLOCK})[\])]\s*:?\s*(?P<rest>.*)$")


def _line(line: str) -> tuple[float | None, str | None, str] | None:
    """-> (seconds, label or None, text) for a timestamped line; None for any other line."""
    m = _TIME_FIRST.match(line)
    if m:
        t = parse_clock(m.group("t"))
        rest = m.group("rest")
        p = split_label(rest)
        if p:
            return t, p[0], p[1]
        return t, None, rest
    m = _NAME_FIRST.match(line)
    if m and is_name_like(m.group("label").strip(), strict=True):
        return parse_clock(m.group("t")), m.group("label").strip(), m.group("rest")
    return None


def _speakers(lines: list[str]) -> set[str]:
    labels = [r[1] for ln in lines if (r := _line(ln)) and r[1]]
    # a name right after a time is a speaker even if they speak once (a panel member's one remark)
    return speaker_labels(labels, once_ok=labels)


def sniff(text: str) -> float:
    lines = text.split("\n")
    speakers = _speakers(lines)
    body = nonempty_lines(text)
    if not body or len(speakers) < 1:
        return 0.0
    rows = [r for ln in body if (r := _line(ln))]
    labelled = sum(1 for r in rows if r[1] in speakers)
    if labelled < 2:
        return 0.0
    share = labelled / len(body)
    if share >= 0.5:
        return 0.9
    if share >= 0.25 or len(rows) / len(body) >= 0.5:
        return 0.7
    return 0.3


def parse(text: str) -> Dialogue:
    lines = text.split("\n")
    speakers = _speakers(lines)
    header: list[str] = []
    b = TurnBuilder()
    used: list[str] = []
    for line in lines:
        r = _line(line)
        if r and r[1] in speakers:
            used.append(r[1])
            b.start(speaker_name(r[1]), r[2], start=r[0])
            continue
        if b.current is None:
            if line.strip():
                header.append(line.strip())
            continue
        if not line.strip():
            b.blank()
        elif is_end_marker(line):
            continue
        elif r:
            b.add(r[2] if r[1] is None else f"{r[1]}: {r[2]}")
        else:
            b.add(line)
    return Dialogue(format=FORMAT, utterances=b.utterances, header=header, roles=roles_from_labels(used))
