"""Evidence verification: a quote is shown only if it is a verbatim span of a candidate turn."""

from __future__ import annotations

import re

from interviewer.models import Evidence, Transcript

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-", "…": "..."})


def _canon(text: str) -> tuple[str, list[int]]:
    """Lower-cased text with runs of whitespace collapsed, and a map back to original offsets."""
    out, where, space = [], [], False
    for i, ch in enumerate(text.translate(_QUOTES)):
        if ch.isspace():
            if not space and out:
                out.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        out.append(ch.lower())
        where.append(i)
    return "".join(out), where


def verify(quote: str, transcript: Transcript, turn: int | None = None, usable: set[int] | None = None) -> Evidence | None:
    """The quote as it stands in a candidate turn (preferring `turn`), or None if it is not there.

    Only the candidate's own turns are searched; `usable` narrows that to turns the scorer
    accepted (not gibberish, not repeats). Leading/trailing quote marks and dots are ignored.
    """
    needle = quote.strip().strip("\"'“”‘’").strip()
    needle = re.sub(r"^\.\.\.|\.\.\.$|^…|…$", "", needle).strip()
    key, _ = _canon(needle)
    if len(key) < 8:
        return None
    order = list(range(1, len(transcript.turns) + 1))
    if turn in order:
        order.remove(turn)
        order.insert(0, turn)
    for n in order:
        t = transcript.turns[n - 1]
        if t.speaker != "candidate" or (usable is not None and n not in usable):
            continue
        hay, where = _canon(t.text)
        pos = hay.find(key)
        if pos >= 0:
            start, end = where[pos], where[pos + len(key) - 1] + 1
            return Evidence(turn=n, quote=t.text[start:end])
    return None
