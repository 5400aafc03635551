"""Sentence intents from the phrase patterns alone (the learned model is combined in intents.py)."""

from __future__ import annotations

import re

from interviewer.text.cues import APPROACH, FIT_STATEMENT, asks_process, concrete, fit_question
from interviewer.text.normalize import normalize
from interviewer.text.phrases import phrase

_P = {name: phrase(name) for name in (
    "instruction.injection", "next_steps.process", "next_steps.not_process", "next_steps.stated_interest",
    "ballpark_check.check", "ballpark_check.not_check", "ballpark_check.invite", "goals_alignment.goals",
    "goals_alignment.not_goals", "goals_alignment.contributes", "goals_alignment.success", "compensation.pay",
    "compensation.pay_question", "compensation.pay_word", "compensation.figure_money", "compensation.other_money",
    "compensation.vague_pay", "mutual_fit.not_fit", "role_vision.generic", "role_vision.read")}
_ASKS_ANYWAY = re.compile(r"correct me|tell me (?:if|where)|push back|set me straight", re.I)


def sentence_intents(sentence: str, asks: bool) -> dict[str, float]:
    t = normalize(sentence)
    P = {k: v.search(t) for k, v in _P.items()}
    if P["instruction.injection"]:
        return {"instruction": 1.0}
    out: dict[str, float] = {}
    if P["next_steps.process"] and not P["next_steps.not_process"] and (asks or asks_process(t)):
        out["next_steps"] = 1.0
    elif P["next_steps.stated_interest"] and not P["next_steps.not_process"]:
        out["next_steps_interest"] = 1.0
    if P["ballpark_check.check"] and not P["ballpark_check.not_check"] and (asks or _ASKS_ANYWAY.search(t)):
        out["ballpark_check"] = 1.0
    elif P["ballpark_check.invite"] and not P["ballpark_check.not_check"]:
        out["loose_check"] = 1.0
    if asks:
        if P["goals_alignment.goals"] and not P["goals_alignment.not_goals"]:
            out["goals"] = 1.0
        if P["goals_alignment.contributes"]:
            out["role_contribution"] = 1.0
        if P["goals_alignment.success"]:
            out["success_measure"] = 1.0
        if P["compensation.pay"] or (P["compensation.pay_question"] and P["compensation.pay_word"]):
            out["pay_question"] = 1.0
        if not P["mutual_fit.not_fit"] and fit_question(t, True):
            out["fit_question"] = 1.0
    if P["compensation.pay"]:
        out["pay_mention"] = 1.0
        if not asks and P["compensation.vague_pay"] and not P["compensation.figure_money"]:
            out["pay_deflect"] = 1.0
    if P["compensation.figure_money"] and not (P["compensation.other_money"] and not P["compensation.pay_word"]):
        out["pay_figure"] = 1.0
    if not asks and FIT_STATEMENT.search(t):
        out["fit_wish"] = 1.0
    if not asks and not P["role_vision.generic"]:
        if P["role_vision.read"]:
            out["role_read"] = 1.0
        if APPROACH.search(t) and concrete(t):
            out["approach"] = 1.0
    return out
