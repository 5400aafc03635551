"""Timestamped lines: "[00:01:23] Name: text" (also "[01:23]", "(00:01:23)", and "Name (01:23): text").

Unlabelled lines, with or without a time, continue the previous turn.
"""

from __future__ import annotations

import re

from .base import (
    CLOCK,
    Dialogue,
    TurnBuilder,
    drop_cut_last_line,
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

_BULLET = re.compile(r"^\s*[-*•–]\s+(?=\S)")
_TIME_FIRST = re.compile(rf"^\s*[\[(](?P<t>{CLOCK})(?:\s*[-–]\s*{CLOCK})?[\])]\s*(?P<rest>.*)$")
# "00:01:23 Name: text", "1:23 - Name: text": a bare time, then a label (see _row)
_BARE_TIME_FIRST = re.compile(rf"^\s*(?P<t>{CLOCK})(?:\s*[-–|]\s*|\s+)(?P<rest>\S.*)$")
# "00:05:00" alone on a line (Google Meet puts one every few minutes)
_BARE_TIME = re.compile(rf"^\s*(?P<t>{CLOCK})\s*$")
_NAME_FIRST = re.compile(rf"^\s*(?P<label>[^\W\d_][^\[(:\n]{{0,40}}?)\s*[\[(](?P<t>{CLOCK})[\])]\s*:?\s*(?P<rest>.*)$")


def _line(line: str) -> tuple[float | None, str | None, str] | None:
    """-> (seconds, label or None, text) for a timestamped line; None for any other line."""
    r = _row(line)
    return r[:3] if r else None


# how the time was written (the 4th item of _row)
_BRACKETED, _BARE_FULL, _BARE_SHORT = 0, 1, 2


def _row(line: str) -> tuple[float | None, str | None, str, int] | None:
    """_line, plus how the time was written: a bare time ("10:30 ...") is a weaker sign of a speaker line."""
    line = _BULLET.sub("", line, count=1)
    m = _TIME_FIRST.match(line)
    if m:
        t = parse_clock(m.group("t"))
        rest = m.group("rest")
        p = split_label(rest)
        if p:
            return t, p[0], p[1], _BRACKETED
        return t, None, rest, _BRACKETED
    m = _BARE_TIME_FIRST.match(line)
    if m and (t := parse_clock(m.group("t"))) is not None:
        kind = _BARE_FULL if m.group("t").count(":") == 2 else _BARE_SHORT
        p = split_label(m.group("rest"))
        if p:
            return t, p[0], p[1], kind
        # a time then prose is a timed continuation only with a full clock ("00:01:23 And ..."):
        # "10:30 works for me" is just words
        if kind == _BARE_FULL:
            return t, None, m.group("rest"), kind
        return None
    m = _BARE_TIME.match(line)
    if m and m.group("t").count(":") == 2 and (t := parse_clock(m.group("t"))) is not None:
        return t, None, "", _BARE_FULL
    m = _NAME_FIRST.match(line)
    if m and is_name_like(m.group("label").strip(), strict=True):
        return parse_clock(m.group("t")), m.group("label").strip(), m.group("rest"), _BRACKETED
    return None


def _speakers(lines: list[str]) -> set[str]:
    rows = [r for ln in lines if (r := _row(ln)) and r[1]]
    labels = [r[1] for r in rows]
    # a name right after a bracketed time is a speaker even if they speak once (a panel member's
    # one remark); after a bare time ("10:30 Monday: ...") it has to recur
    return speaker_labels(labels, once_ok=[r[1] for r in rows if r[3] == _BRACKETED])


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
    lines = drop_cut_last_line(text.split("\n"))
    speakers = _speakers(lines)
    header: list[str] = []
    b = TurnBuilder()
    used: list[str] = []
    for line in lines:
        r = _row(line)
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
        elif r and r[3] == _BARE_SHORT:
            b.add(line)  # "10:30 Monday: works for me" - words, not a time stamp
        elif r:
            b.add(r[2] if r[1] is None else f"{r[1]}: {r[2]}")
        else:
            b.add(line)
    return Dialogue(format=FORMAT, utterances=b.utterances, header=header, roles=roles_from_labels(used))
