"""Plain text: "Name: text" lines, with an optional header and multi-line turns.

A line opens a turn only when its label looks like a speaker: short, at the start of the line,
and either a role label (Interviewer, Candidate, Q, A, Me) or used more than once. Header lines
("Date: 3 March 2026", "Role: Sales Analyst", "Interviewer: Dana Whitfield") before the dialogue
are kept as the header. Unlabelled lines continue the previous turn; a blank line between them
starts a new paragraph.
"""

from __future__ import annotations

import re

from .base import (
    HEADER_KEYS,
    Dialogue,
    TurnBuilder,
    drop_cut_last_line,
    is_bare_clock,
    is_end_marker,
    is_role_label,
    label_key,
    roles_from_labels,
    speaker_labels,
    speaker_name,
    split_label,
)

FORMAT = "plain"

_NAME_LIST = re.compile(r"^[^\W\d_][\w .'’\-()]*(?:\s*(?:,|&|/|;|\band\b)\s*[^\W\d_][\w .'’\-()]*)*$")


_GREETINGS = {"hi", "hello", "hey", "welcome", "thanks", "thank", "good", "great", "morning", "afternoon",
              "ok", "okay", "sure", "yes", "yeah", "no", "right", "nice", "so", "well", "absolutely", "lovely",
              "cheers", "sorry", "pleasure", "glad", "happy", "excellent", "perfect", "alright", "all"}


def _name_list(value: str) -> bool:
    """'Dana Whitfield', 'Dana Whitfield, Lee Park' - a header value, not a sentence."""
    value = re.sub(r"\s*\([^)]*\)", "", value).strip()
    if not value or value[-1] in "?!" or len(value) > 120:
        return False
    if not _NAME_LIST.match(value):
        return False
    parts = re.split(r"\s*(?:,|&|/|;|\band\b)\s*", value)
    for p in parts:
        words = p.split()
        if not words or len(words) > 5:
            return False
        if not all(w[0].isupper() or w[0] == "(" or w.lower() in ("de", "van", "von", "la", "da") for w in words):
            return False
    return True


def _analyse(text: str):
    lines = drop_cut_last_line(text.split("\n"))
    parsed = [split_label(ln) for ln in lines]
    labels = [p[0] for p in parsed if p]
    speakers = speaker_labels(labels)
    non_role = {s for s in speakers if not is_role_label(s)}

    def headerish(i: int) -> bool:
        """A role-label line at the top that names people: 'Interviewer: Dana Whitfield'."""
        label, value = parsed[i]
        if label_key(label) not in HEADER_KEYS or not _name_list(value):
            return False
        if any(speaker_name(s).lower() in value.lower() for s in non_role):
            return True
        if labels.count(label) == 1 and non_role:
            return True
        # "Interviewer: Dana Whitfield" above a dialogue that uses "Interviewer:" itself
        words = value.split()
        if len(words) >= 2 and labels.count(label) >= 2 and words[0].lower().strip(",.!") not in _GREETINGS:
            return True
        # inside a block of other header lines ("Date: ...", "Role: ...")
        for j in range(max(0, i - 3), min(len(lines), i + 4)):
            if j != i and parsed[j] and parsed[j][0] not in speakers and label_key(parsed[j][0]) in HEADER_KEYS:
                return True
        return False

    start = None
    for i, p in enumerate(parsed):
        if p and p[0] in speakers and not headerish(i):
            start = i
            break
    return lines, parsed, speakers, start


def sniff(text: str) -> float:
    lines, parsed, speakers, start = _analyse(text)
    if start is None:
        return 0.05
    n = sum(1 for p in parsed[start:] if p and p[0] in speakers)
    if n >= 2 and len(speakers) >= 2:
        return 0.5
    return 0.2


def parse(text: str) -> Dialogue:
    lines, parsed, speakers, start = _analyse(text)
    if start is None:
        return Dialogue(format=FORMAT, header=[ln.strip() for ln in lines if ln.strip()])
    header = [ln.strip() for ln in lines[:start] if ln.strip()]
    b = TurnBuilder()
    for line, p in zip(lines[start:], parsed[start:]):
        if p and p[0] in speakers:
            b.start(speaker_name(p[0]), p[1])
        elif not line.strip():
            b.blank()
        elif is_end_marker(line) or is_bare_clock(line):
            continue
        else:
            b.add(line)
    used = [p[0] for p in parsed[start:] if p and p[0] in speakers]
    return Dialogue(format=FORMAT, utterances=b.utterances, header=header, roles=roles_from_labels(used))
