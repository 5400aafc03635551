"""How the interviewer reads a candidate turn: one Reading per sentence (is it a question, which
intents it carries). The one place the dialogue gets intents from.

The shared toolkit `interviewer.text` (owned by the judge) is used when it is installed, so the
interviewer and the judge read a sentence the same way; until then a small local reading from
`prompts/listening.toml` stands in. The dialogue never imports the scorer's internals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from interviewer import prompts

try:  # the shared seam, once it has landed
    from interviewer.text import read_turn as _shared_read_turn  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on what is on main
    _shared_read_turn = None


@dataclass
class Reading:
    sentence: str
    is_question: bool
    intents: dict[str, float] = field(default_factory=dict)

    def has(self, intent: str, at: float = 0.5) -> bool:
        return self.intents.get(intent, 0.0) >= at


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = prompts.data("listening.toml")["intents"]
    return {k: re.compile("|".join(f"(?:{p})" for p in v), re.I) for k, v in data.items()}


_SPLIT = re.compile(r"(?<=[.!?…])[\"')\]]*\s+|\n+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SPLIT.split(text.strip()) if s and s.strip()]


def _local(text: str) -> list[Reading]:
    p = _patterns()
    out = []
    for s in sentences(text):
        question = s.rstrip().endswith("?") or bool(p["indirect_question"].search(s)) or (
            not re.search(r"[.!]$", s) and bool(p["question_start"].match(s)))
        intents = {}
        for name in ("ballpark_check", "next_steps", "pay_question"):
            if (question or name == "ballpark_check") and p[name].search(s):
                intents[name] = 1.0
        if p["pay_figure"].search(s) and p["money_word"].search(s) and not question:
            intents["pay_figure"] = 1.0
        out.append(Reading(s, question or "ballpark_check" in intents, intents))
    return out


def is_check(r: Reading, asks_something_else: bool) -> bool:
    """A ballpark check. Where the shared reading calls a sentence a check that the local patterns
    don't, and the sentence plainly asks something else ("Why is this role open right now?"),
    it is answered as the question it is."""
    if not r.has("ballpark_check"):
        return False
    return bool(_patterns()["ballpark_check"].search(r.sentence)) or not asks_something_else


# "I'd ask them to walk me through the number." is the candidate's plan, not a question to the
# interviewer; "I'd love to hear how you give feedback." is a question.
_OWN_PLAN = re.compile(
    r"^(?:so,? |then,? |first,? |and )?i(?:'d| would|'ll| will| am going to|'m going to)\s+"
    r"(?!(?:really |also )?(?:love|like|be (?:curious|interested|keen)|want) to (?:know|hear|understand|learn|ask you)\b)",
    re.I,
)


# "idk, dashboards?" / "60k?" / "Maybe the workload?": a tentative answer, said with a question mark.
_TENTATIVE = re.compile(r"^(?:idk|dunno|maybe|probably|perhaps|i guess|not sure|no idea)\b|^[$£€]?\d[\d,.]*\s?(?:k|thousand)?\??$", re.I)


def _tentative(r: Reading) -> bool:
    s = r.sentence.strip()
    return r.is_question and len(s.split()) <= 6 and bool(_TENTATIVE.search(s))


def _own_plan(r: Reading) -> bool:
    return r.is_question and not r.sentence.rstrip().endswith("?") and bool(_OWN_PLAN.match(r.sentence.strip()))


# "Challenges are just opportunities, right?": a statement with a tag, not a question to answer.
_TAG = re.compile(r",\s*(?:right|isn'?t it|aren'?t they|don'?t you think|wouldn'?t you say|yeah|no|eh)\s*\?\s*$", re.I)


def read(text: str) -> list[Reading]:
    """One Reading per sentence of a candidate turn."""
    out = None
    if _shared_read_turn is not None:
        try:
            out = [Reading(r.sentence, r.is_question, dict(r.intents)) for r in _shared_read_turn(text)]
        except Exception:  # noqa: BLE001 - a fault in the shared reader must not end a session
            out = None
    out = out if out is not None else _local(text)
    for r in out:
        if (_own_plan(r) or _tentative(r) or _TAG.search(r.sentence)) and not r.has("ballpark_check"):
            r.is_question = False
    return out
