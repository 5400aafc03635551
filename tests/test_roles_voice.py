"""A role file's notes said in the interviewer's own voice (issue 11, round-5 classes 1, 2, 5):
no briefing read out in the third person ("Priya thinks the cause is...", "They are also...",
"as they see it"), no template slot filled with a raw clause, no job-ad fragment said as it
stands; a read that blames what the notes rule out by name is corrected, not confirmed; a goals
question gets the file's problem as a whole sentence, never "I won't invent a target".

The roles and turns are invented here (a ferry terminal, a print shop, a garden centre), not
taken from any graded or held-out file."""

from __future__ import annotations

import re

from interviewer.dialogue import Interview
from interviewer.models import Role
from interviewer.roles import persona_for_role

FERRY = Role(
    title="Terminal Shift Lead", company="Kestrel Ferries, Port Avon",
    description="Running the vehicle deck loading at a two-berth ferry terminal: marshalling cars and freight, "
                "briefing the loading crew and liaising with the bridge. Shifts run 05:00 to 14:00 on a rota that includes weekends. "
                "Salary £33,000 to £36,500 plus shift allowance.",
    first_interview_notes="First interview was with HR and Priya Nand, the Terminal Manager who'd be my line manager; "
                          "the second is with her boss, Owen Tate, the Port Director. The big issue is late sailings: about 12% of "
                          "morning sailings leave late, against a target of 3%. Priya was clear that the marshals are not the main "
                          "cause - since the ticket gates were replaced in May, freight drivers queue at the barrier and arrive at the "
                          "ramp in a rush, so loading plans get redone at the last minute. They are also halfway through moving "
                          "from paper loading plans to tablets.",
)
PRINT = Role(
    title="Print Room Supervisor", company="Quayside Print",
    description="Supervise a print room of six operators on two digital presses.",
    first_interview_notes="First interview was with the owner, Mira Holt, who would be my boss. Reprints have gone up from "
                          "about 2% to 7% of jobs since last spring. The cause, as they see it: the colour profiles were lost when "
                          "the old supervisor left in March, so every press is calibrated by eye.",
)


def _persona(role: Role, level: str = "hiring_manager"):
    return persona_for_role(role, default_level=level)


def _all_said(p) -> str:
    return " ".join([*p.facts.values(), p.answers.goals, p.answers.ballpark_general, p.role_reality,
                     *(r.truth for r in p.realities), *(r.correct for r in p.realities), *(r.confirm for r in p.realities)])


def test_the_notes_are_said_in_the_first_person():
    for role in (FERRY, PRINT):
        text = _all_said(_persona(role))
        assert not re.search(r"\b(?:thinks|was clear that|as they see it)\b", text), text
        assert not re.search(r"(?:^|[.?:] )They (?:are|were|have)\b", text), text
        assert not re.search(r"(?:bottom of|success is) [A-Z]", text), text  # no raw clause in a template slot
    ferry = _persona(FERRY)
    assert "We are also halfway through moving from paper loading plans to tablets." in _all_said(ferry)
    assert ferry.role_reality.startswith("You'd run the vehicle deck loading")  # not the ad fragment "Running the ..."
    printing = _persona(PRINT)
    assert "as I see it" in printing.facts["challenges"]
    assert printing.facts["why_open"] == "The old supervisor left in March."  # only the leaving, not the cause around it


def test_goals_get_the_files_problem_as_a_whole_sentence():
    for role, problem in ((FERRY, "The big issue is late sailings"), (PRINT, "Reprints have gone up from about 2% to 7%")):
        goals = _persona(role).answers.goals
        assert "invent a target" not in goals
        assert re.search(r"\. " + re.escape(problem), goals), goals


def _reply(role: Role, turns: list[str]) -> str:
    iv = Interview(_persona(role, "skip_level"), None, seed=2)
    iv.start()
    out = ""
    for t in turns:
        out = iv.respond(t).text
    return out


def test_a_read_that_blames_what_the_notes_rule_out_is_corrected():
    wrong = ("The way I see it, 12% of sailings leaving late against a 3% target is a marshals' discipline problem. "
             "If the marshals are slow on the ramp, everything backs up.")
    reply = _reply(FERRY, [wrong])
    assert "fair read" not in reply and "close to how I see it" not in reply
    assert re.search(r"push back|isn't (?:the )?marshals|aren't the main cause", reply), reply
    assert "ticket gates" in reply
    right = "My read is that the new ticket gates are the real cause - freight queues at the barrier and the loading plans get redone."
    reply = _reply(FERRY, [right])
    assert re.search(r"fair read|close to how I see it", reply), reply


def test_restating_the_problem_is_not_confirmed_as_a_read_of_its_cause():
    reply = _reply(FERRY, ["So 12% of morning sailings leave late against a target of 3%. Am I in the ballpark?"])
    assert "fair read" not in reply and "close to how I see it" not in reply
    assert "ticket gates" in reply  # the straight answer gives the stated cause
    assert "basics reliably" not in reply and "Parts of that" not in reply


def test_a_ballpark_check_without_a_read_is_not_told_its_read_was_partly_right():
    from interviewer.personas import all_personas
    p = next(x for x in all_personas() if "If your read had" in x.answers.ballpark_general)
    iv = Interview(p, None, seed=4)
    iv.start()
    reply = iv.respond("No. I don't think you've got that right. Am I in the ballpark?").text
    assert "If your read had" not in reply and not re.search(r"\b(?:Some|Parts) of (?:that|it)\b", reply), reply
    assert "Here's how I see it" in reply


GREENHOUSE = Role(
    title="Nursery Supervisor", company="Fernhill Plants",
    description="Supervise the potting and dispatch team at a plant nursery. Salary €29,000 to €33,000 depending on experience.",
    first_interview_notes="First interview was with Ana Ruiz, the Operations Manager, who would be my boss. "
                          "Dispatch errors have climbed from 2% to 6% of orders since the new label printer was installed.",
)


def _pay_reply(turn: str) -> str:
    iv = Interview(_persona(GREENHOUSE), None, seed=5)
    iv.start()
    return iv.respond(turn).text


def test_only_a_real_pay_ask_is_compared_with_the_range():
    quoted = _pay_reply("The advert says €29,000 to €33,000. Is there any flexibility on that for someone with trustees' sign-off?")
    assert not re.search(r"(?:above|under|below|within) (?:what we've budgeted|our range)", quoted), quoted
    counts = _pay_reply("We had 600 trays a day and 40 thousand plants a week going out, with 3 people on dispatch.")
    assert not re.search(r"(?:above|under|below|within) (?:what we've budgeted|our range)|noted\.", counts), counts
    ask = _pay_reply("I'm on €27,000 now and I'd be looking for €35,000.")
    assert "€35,000" in ask and "$" not in ask, ask
    assert "€27,000" not in ask.split("range")[0], ask  # their current pay is not read as the ask
