"""Sentence intents from the phrase patterns (first version: wraps the judge's patterns)."""

from __future__ import annotations

import re

from interviewer.text.normalize import normalize


def sentence_intents(sentence: str, asks: bool) -> dict[str, float]:
    from interviewer.scoring import rules, signals  # temporary: patterns move to data files

    t = normalize(sentence)
    out: dict[str, float] = {}
    if signals.INJECTION.search(t):
        return {"instruction": 1.0}
    if rules.PROCESS.search(t) and not rules.NOT_PROCESS.search(t) and (asks or rules._asks_process(t)):
        out["next_steps"] = 1.0
    elif rules.STATED_INTEREST.search(t) and not rules.NOT_PROCESS.search(t):
        out["next_steps_interest"] = 1.0
    if rules.CHECK.search(t) and not rules.NOT_CHECK.search(t) and (asks or re.search(r"correct me|tell me (?:if|where)|push back|set me straight", t, re.I)):
        out["ballpark_check"] = 1.0
    elif rules.INVITE.search(t) and not rules.NOT_CHECK.search(t):
        out["loose_check"] = 1.0
    if asks:
        if rules.GOALS.search(t) and not rules.NOT_GOALS.search(t):
            out["goals"] = 1.0
        if rules.CONTRIBUTES.search(t):
            out["role_contribution"] = 1.0
        if rules.SUCCESS.search(t):
            out["success_measure"] = 1.0
        if rules.PAY.search(t) or (rules.PAY_QUESTION.search(t) and rules.PAY_WORD.search(t)):
            out["pay_question"] = 1.0
        s = signals.Sentence(0, t, True)
        if not rules.NOT_FIT.search(t) and rules._fit_question(s):
            out["fit_question"] = 1.0
    if rules.PAY.search(t):
        out["pay_mention"] = 1.0
        if not asks and rules.VAGUE_PAY.search(t) and not rules.FIGURE_MONEY.search(t):
            out["pay_deflect"] = 1.0
    if rules.FIGURE_MONEY.search(t) and not (rules.OTHER_MONEY.search(t) and not rules.PAY_WORD.search(t)):
        out["pay_figure"] = 1.0
    if not asks and rules.FIT_STATEMENT.search(t):
        out["fit_wish"] = 1.0
    if not asks and not rules.GENERIC.search(t):
        if rules.READ.search(t):
            out["role_read"] = 1.0
        if rules.APPROACH.search(t) and rules._concrete(t):
            out["approach"] = 1.0
    return out
