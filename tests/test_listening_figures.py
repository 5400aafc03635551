"""Figures heard the way a person hears them: only a pay ask is compared with the range (a yearly ask
against an hourly range too; "401(k)" is a plan, not a figure), and the simulator's figure check
accepts context figures heard with their clause but still catches a figure ignored."""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer import listening
from interviewer.dialogue import Reply
from interviewer.models import Persona
from interviewer.personas import load_persona
from interviewer.simulator import unacknowledged_figures


@dataclass
class _Pairs:
    """Just the (candidate turn, reply) pairs the figure check reads."""

    pairs: list[tuple[str, Reply]]
    persona: Persona = field(default_factory=lambda: load_persona("sales-manager"))

    def exchanges(self) -> list[tuple[str, Reply]]:
        return self.pairs


def _missed(turn: str, reply: str) -> list[str]:
    return unacknowledged_figures(_Pairs([(turn, Reply(reply, "react", "plan"))]))  # type: ignore[arg-type]


def test_a_yearly_ask_against_an_hourly_range_is_compared_in_thousands():
    hourly = "$31.00 to $36.50 an hour"
    assert listening.pay_position("Somewhere between 40 and 45 thousand suits me.", hourly) == "below"
    assert listening.pay_position("Around 95k would suit me.", hourly) == "above"
    assert listening.pay_position("I'd want about $34 an hour.", hourly) == "within"


def test_a_retirement_plan_is_not_read_as_the_ask():
    yearly = "$51,000 to $63,000"
    turn = "I'm aiming for $58,000 to $60,000, and the 403(b) and the 401(k) match matter to me."
    assert listening.pay_ask(turn, yearly) == (58000.0, 60000.0)
    assert listening.pay_position(turn, yearly) == "within"


def test_a_context_figure_beside_the_ask_it_qualifies_counts_as_heard():
    turn = "For glaziers with four to six years behind them I'd be asking for $61,000."
    assert _missed(turn, "$61,000 is within our range.") == []
    # the pay they are on today, said beside the ask that was heard; the ask in another notation
    assert _missed("I'm on $47,500 at the moment. I'd be asking for $52,000.", "$52,000 is within our range.") == []
    assert _missed("I'd be asking for fifty-two thousand a year.", "$52,000 is within our range.") == []


def test_a_story_is_heard_through_one_of_its_figures_in_its_own_clause():
    turn = "We had two kilns down most of March. I rebuilt the rota over three weeks and we got firing back to 40 a day."
    assert _missed(turn, "So you got firing back to 40 a day. What did you change first?") == []


def test_a_figure_ignored_is_still_caught():
    turn = "We had two kilns down most of March. I rebuilt the rota over three weeks and we got firing back to 40 a day."
    assert _missed(turn, "Okay.")  # nothing of it said back
    assert _missed(turn, "So you had 12 kilns.")  # a figure they never said is no acknowledgement
    # the other figures were heard, but the pay ask was not
    missed = _missed("After 9 years on the line I'd be asking for $61,000.", "So you've had 9 years on the line.")
    assert missed and "$61,000" in missed[0]
