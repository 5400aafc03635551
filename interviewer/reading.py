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
    # asked without a question mark ("tell me about the team", "so did he like move on or"): a
    # question to us, answered only when what it asks about is read, never deflected
    unmarked: bool = False

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


@cache
def _unmarked_patterns() -> dict:
    r = prompts.data("questions.toml")["reader"]
    d = prompts.data("listening.toml")
    return {"ask": re.compile(r["unmarked_ask"], re.I), "stt": re.compile(r["unmarked_stt"], re.I),
            "openers": frozenset(d["deflections"]["dictated_question_openers"]),
            "nothing": re.compile(d["deflections"]["nothing_more_words"], re.I),
            "assent": re.compile(d["contains"]["assent"], re.I)}


_FILLER = frozenset("um umm uh uhh oh okay ok well sorry yeah right and so also like hmm".split())
_WORDS = re.compile(r"[a-z0-9']+")
# "What I'd do is train them first", "How we did it was...": a wh-word opening the candidate's own
# statement, not a question to us
_OWN_WH = re.compile(r"^\W*(?:(?:so|and|but|well|um+|uh+)\b[,.]?\s+)*(?:what|how|where|when|why|who)\s+(?:i|i'?d|i'?m|i'?ve|we|we'?d|my|our)\b", re.I)


def asks_unmarked(sentence: str, last: bool, floor: bool = False, terse: bool = False) -> bool:
    """A question without its question mark - the one reading of it, for the question loop and the
    routing benchmark alike. Anywhere in a turn: an indirect ask ("I'd love to hear how the week
    runs.", "I was wondering what the hours are like"). The turn's last sentence left open: a spoken
    question ("so did he like move on or", "is there parking"). When the floor is theirs (`floor`:
    we asked for their questions): a sentence that opens like a question ("whats the team like do
    they get on"); with `terse`, a bare topic said alone ("hours"). Never their own plan ("I'd ask
    them...", "What I'd do is...") or a closing "no, that's it"."""
    s = sentence.strip()
    if not s or s.endswith("?"):
        return False
    p = _unmarked_patterns()
    if p["ask"].search(s):
        return True
    if _OWN_PLAN.match(s) or _OWN_WH.match(s):
        return False
    if last and not s.endswith((".", "!")) and p["stt"].search(s):
        return True
    if not floor:
        return False
    words = _WORDS.findall(s.lower())
    first = next((w for w in words if w not in _FILLER), "")
    if first in p["openers"] and len(words) >= 3:
        return True
    return terse and last and 0 < len(words) <= 3 and not p["nothing"].search(s) and not p["assent"].match(s)


def read(text: str, floor: bool = False, terse: bool = False) -> list[Reading]:
    """One Reading per sentence of a candidate turn. A question without its question mark is marked
    `unmarked` (see asks_unmarked); when the floor is theirs, one that opens like a question is a
    question outright."""
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
            r.unmarked = not _TAG.search(r.sentence) and _unmarked_patterns()["ask"].search(r.sentence) is not None
        elif not r.is_question and asks_unmarked(r.sentence, r is out[-1], floor, terse):
            r.unmarked = True
            # the floor is theirs and it opens like a question: asked, even if nothing we know answers it
            r.is_question = floor and _opens_as_question(r.sentence)
    return out


def _opens_as_question(sentence: str) -> bool:
    words = _WORDS.findall(sentence.lower())
    return next((w for w in words if w not in _FILLER), "") in _unmarked_patterns()["openers"]
