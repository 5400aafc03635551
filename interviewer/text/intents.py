"""What each sentence of a turn does: asks about next steps, checks a read, names a pay figure ...

`read_turn(text)` is the one intent reading shared by the judge and the interviewer. Each
`Reading` is one sentence with the intents it carries and a confidence in 0..1.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from interviewer.text.sentences import is_question, split_sentences

# The intent ids (stable: the dialogue and the judge key on them).
INTENTS = (
    "next_steps",           # asks about the hiring process from here, or what else they need
    "next_steps_interest",  # only states interest in moving forward
    "ballpark_check",       # asks to confirm or correct their own read
    "loose_check",          # offers a read and only loosely invites a reaction
    "goals",                # asks about the company's or team's goals, strategy, direction
    "role_contribution",    # asks how the role contributes / fits / is measured
    "success_measure",      # (patterns only) asks how the role is measured, what success looks like
    "pay_question",         # asks about pay: range, bonus, commission, benefits, raises
    "pay_figure",           # states a figure, range or its basis for their pay
    "pay_deflect",          # vague pay deflection ("I'm flexible")
    "pay_mention",          # (patterns only) mentions pay at all
    "fit_question",         # asks to judge the manager, team or culture
    "fit_wish",             # only says they want a good team or culture fit
    "role_read",            # a specific read of this role's situation or challenges
    "approach",             # how they would approach this role
    "instruction",          # addressed to a grader/AI/system, or report-like text: never evidence
)


class Reading(BaseModel):
    sentence: str
    is_question: bool
    intents: dict[str, float] = Field(default_factory=dict)

    def has(self, intent: str, threshold: float = 0.5) -> bool:
        return self.intents.get(intent, 0.0) >= threshold


def read_sentence(sentence: str) -> Reading:
    """Patterns and the learned model, combined per intent (interviewer.text.model.combine)."""
    from interviewer.text.model import combine, load_model
    from interviewer.text.patterns import sentence_intents

    q = is_question(sentence)
    found = sentence_intents(sentence, q)
    model = load_model()
    if model is not None:
        probs = model.predict(sentence)
        for intent in set(found) | set(probs):
            p = combine(found.get(intent, 0.0), probs.get(intent, 0.0), intent) if intent in probs else found[intent]
            if p >= 0.05:
                found[intent] = round(p, 3)
            else:
                found.pop(intent, None)
    return Reading(sentence=sentence, is_question=q, intents=found)


def read_turn(text: str) -> list[Reading]:
    """One Reading per sentence of `text` (verbatim spans), in order."""
    return [read_sentence(s) for s in split_sentences(text)]
