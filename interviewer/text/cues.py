"""Sentence-level cues built from the phrase patterns and word lists (prompts/patterns/):
does a sentence state an approach, ask about the process, ask a fit question, wish for a fit?
Shared by the judge (interviewer.scoring.rules) and read_turn.
"""

from __future__ import annotations

import re

from interviewer.text.normalize import fluent
from interviewer.text.phrases import phrase, tables

_WORDS = tables()["words.words"]
MODAL_SKIP = frozenset(_WORDS["modal_skip"])
NOT_ACTION = frozenset(_WORDS["not_action"])
ADD_TALK = frozenset(_WORDS["add_talk"])
VAGUE = frozenset(_WORDS["vague"])
APPROACH_FILLER = frozenset(_WORDS["approach_filler"])

# An approach: the candidate in the first person, future or conditional, followed by an action
# (any verb but the ones that only hedge or talk: "I'd love", "I'd need to see", "I'd say").
_MODAL = phrase("role_vision.modal")
_FIRST_PERSON = phrase("role_vision.first_person")
PLAN_PHRASE = phrase("role_vision.plan_phrase")
_IMPERATIVE_STEP = phrase("role_vision.imperative_step")
PAY_ASK = phrase("compensation.pay_ask")


# After "I'd", a past participle means "I had" ("I'd heard", "I'd noticed"); base forms in -ed are not.
_PAST_PARTICIPLE = re.compile(r"^(?!(?:need|feed|seed|speed|proceed|succeed|exceed|embed|shred|bleed|breed|heed|weed|shed)$)"
                              r"(?:[a-z]+ed|heard|seen|been|done|gone|known|thought|taken|gotten|spoken|written|told|met|had)$")


class _Approach:
    """Matches a sentence that says what the candidate would do."""

    def search(self, text: str):
        if PAY_ASK.search(text):
            return False
        if PLAN_PHRASE.search(text) and _FIRST_PERSON.search(text):
            return True
        if _IMPERATIVE_STEP.match(text):  # "Then build one model that ..." continues a plan
            return True
        return self.modal_action(text)

    @staticmethod
    def modal_action(text: str) -> bool:
        text = fluent(text)  # _MODAL's spans refer to the text the patterns read
        for m in _MODAL.finditer(text):
            words = re.findall(r"[a-z'-]+", text[m.end() : m.end() + 200].lower())[:5]
            for i, word in enumerate(words[:4]):
                if word in MODAL_SKIP:
                    continue
                if m.group(0).rstrip().lower().endswith("'d") and _PAST_PARTICIPLE.match(word):
                    return False  # "I'd heard there was a dispute": I had, not I would
                if word == "add":  # "I'd add a busser on Fridays" acts; "I'd add that ..." talks
                    return i + 1 < len(words) and words[i + 1] not in ADD_TALK
                return word not in NOT_ACTION
        return False


APPROACH = _Approach()


def concrete(text: str) -> bool:
    """Says something specific: three distinct non-generic words, or a number."""
    words = [w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in VAGUE and w not in APPROACH_FILLER]
    return len(set(words)) >= 3 or bool(re.search(r"\d", text))


def asks_process(text: str) -> bool:
    # "Just what the next step is from here." asks, whatever its punctuation; "so what I would do is
    # set up a follow-up call" is a plan (a clause with "I"/"we" as its subject), not a question.
    if re.match(r"^(?:just |only |and |so |um,? )*(?:what|when|how|who|whether|if)\b(?!,? (?:i|i'd|i'm|i'll|i've|we|we'd|we'll|we're)\b)", text, re.I):
        return True
    if not text.rstrip().endswith((".", "!")) and re.search(r"\b(?:is there|are there|will there be|do you|will you|would you|will i|should i|do i)\b", text, re.I):
        return True  # "so like, after this is there another interview or y'all decide today": asks, unpunctuated
    return bool(re.search(r"\b(?:let me know|please (?:send|tell)|happy to (?:send|provide))\b.{0,200}\b(?:need|anything)\b", text, re.I))


_FIT_WORDS = phrase("mutual_fit.fit_words")
_VALUE_WORDS = phrase("mutual_fit.value_words")


class _Both:
    def search(self, text: str):
        return _FIT_WORDS.search(text) and _VALUE_WORDS.search(text)


FIT_STATEMENT = _Both()

# Any question about the people side: who they are, how they work together, how the boss leads,
# why people leave. Goals, pay and process questions belong to other criteria.
_PEOPLE = phrase("mutual_fit.people")
# "you" questions count only about how the interviewer leads and works with people.
_YOU_AS_BOSS = phrase("mutual_fit.you_as_boss")
_RELATION = phrase("mutual_fit.relation")
_FIT = phrase("mutual_fit.fit")
_PROCESS = phrase("next_steps.process")
_NOT_PROCESS = phrase("next_steps.not_process")
_PAY = phrase("compensation.pay")
_GOALS = phrase("goals_alignment.goals")
_SUCCESS = phrase("goals_alignment.success")  # "how will you measure the team lead" asks about the role, not the boss
_CHECK = phrase("ballpark_check.check")


def fit_question(text: str, is_question: bool) -> bool:
    if not is_question or (_PROCESS.search(text) and not _NOT_PROCESS.search(text)) or _PAY.search(text) or ((_GOALS.search(text) or _SUCCESS.search(text)) and not _FIT.search(text)):
        return False
    if _CHECK.search(text):
        return False
    return bool(_FIT.search(text) or (_PEOPLE.search(text) and _RELATION.search(text)) or _YOU_AS_BOSS.search(text))


# --- a loose gate: does a sentence show any sign of a criterion at all? ---------------------

def _loose() -> dict:
    read, org, generic = phrase("role_vision.read"), phrase("role_vision.org_ref"), phrase("role_vision.generic")
    check, invite, not_check = _CHECK, phrase("ballpark_check.invite"), phrase("ballpark_check.not_check")
    stated, not_process = phrase("next_steps.stated_interest"), phrase("next_steps.not_process")
    contributes, success = phrase("goals_alignment.contributes"), phrase("goals_alignment.success")
    figure = phrase("compensation.figure")
    return {
        "role_vision": lambda t: bool(read.search(t) or APPROACH.search(t) or org.search(t)) and len(t.split()) >= 7 and not generic.search(t),
        "ballpark_check": lambda t: bool(check.search(t) or invite.search(t)) and not not_check.search(t),
        "next_steps": lambda t: bool(_PROCESS.search(t) or stated.search(t)) and not not_process.search(t),
        "goals_alignment": lambda t: bool(_GOALS.search(t) or contributes.search(t) or success.search(t)),
        "compensation": lambda t: bool(_PAY.search(t) or figure.search(t)),
        "mutual_fit": lambda t: bool(_FIT.search(t) or FIT_STATEMENT.search(t)),
    }


_LOOSE = _loose()


def carries_signal(criterion: str, text: str) -> bool:
    """Does this candidate sentence show any sign of the criterion at all? A model may only
    raise a verdict with a quote that passes this (it can add judgement, not invent evidence);
    prep and debrief use it to recognise a question of a criterion's kind."""
    return _LOOSE[criterion](text)
