"""Reactions a demanding hiring manager would not find odd (issue 11, development round 6): what
is said back reads as a sentence, agreement is not probed as if it were an answer, challenges to
the interviewer's standing are met coolly, a check about pay is not a check of a read, a problem
put down to the people doing the work is corrected, and a question dictated without its question
mark is still heard. Turns and roles are invented here (a ferry terminal, a joinery, a library),
not taken from any candidate file. The real dialogue, templates only (no model)."""

from __future__ import annotations

import re

from dialogue_steps import at_questions, at_stage
from interviewer import guards, listening, reading
from interviewer.dialogue import Interview
from interviewer.models import Role
from interviewer.personas import load_persona
from interviewer.roles import persona_for_role

DEFLECT = re.compile(r"recruiter|\bHR\b|Human Resources|don't know|won't guess|I'd have to check", re.I)
PROBE_MORE = re.compile(r"^(?:\w+\. )?(?:Say more|Go on|Tell me more)\b")

DEPOT = Role(
    title="Yard Shift Lead", company="Brennock Timber Merchants",
    description="Lead the early yard shift at a timber merchant: loading delivery lorries, stock checks and forklift safety. "
                "Salary £29,000 to £32,000.",
    first_interview_notes="First interview was with Tomas Byrne, the Branch Manager, who would be my boss. Late deliveries have "
                          "gone from about 4 a week to around 19 since the racking was moved in June. The main cause is the new "
                          "racking layout: long lengths now sit at the far end of the yard, so every timber load needs the big "
                          "forklift, which is often on another job.",
)


def _role_interview(role: Role = DEPOT, seed: int = 4) -> Interview:
    iv = Interview(persona_for_role(role, default_level="hiring_manager"), None, seed=seed)
    iv.start()
    return iv


# --- what is said back reads as a sentence ------------------------------------------------------

def test_a_dictated_run_on_is_not_cut_up_and_said_back():
    iv = at_stage("probe", "nurse-manager")
    turn = ("yeah so at the bakery there was this lad who always loaded the trays wrong and we had a load of burnt batches "
            "and i only noticed because i started counting them every night and we got it sorted in about three weeks sorry")
    assert listening.unpunctuated(turn)
    reply = iv.respond(turn).text
    assert "three weeks" not in reply and "sorry" not in reply.lower() and "bakery" not in reply, reply


def test_a_punctuated_turn_is_still_said_back_in_its_own_words():
    assert not listening.unpunctuated("At my last trust we cut falls by 60 percent in six months by moving patients nearer the station.")
    iv = at_stage("probe", "nurse-manager")
    reply = iv.respond("On my last ward we cut missed obs from 14 a week to 3 by moving the checks to the start of the shift.").text
    assert "14 a week to 3" in reply, reply


def test_a_relative_clause_or_a_wish_is_not_said_back_as_a_plan():
    for turn in ("It changes what I'd look at first, to be fair.", "The person I'd actually be reporting to matters to me.",
                 "I'd much rather know that now than in a month."):
        assert listening.contents(turn).plan == "", turn
    assert listening.contents("I'd walk the stockroom first and count the returns.").plan == "walk the stockroom first and count the returns"


def test_several_figures_are_never_said_back_as_a_bare_list():
    iv = at_stage("probe", "finance-controller")
    turn = ("We had 3 people off at month end. I moved the accruals to day two and trained two juniors over 5 weeks. "
            "In the end the close went from 9 days to 6.")
    reply = iv.respond(turn).text
    first = guards.sentences(reply)[0]
    assert not re.match(r"^(?:Noted:? )?[\w$%]+(?:, [\w$% ]+)* and [\w$% ]+(?: - noted)?\.$", first), first
    assert "9 days to 6" in reply, reply  # the clause with the result in it, in their words


# --- agreement is not an answer to probe ----------------------------------------------------------

def test_agreement_gets_the_question_again_not_say_more():
    iv = at_stage("probe", "sales-manager")
    asked = iv._last_question()
    reply = iv.respond("Oh, right. Yeah, that makes sense, thanks.").text
    assert listening.contents("Oh, right. Yeah, that makes sense, thanks.").assent
    assert not PROBE_MORE.search(reply), reply
    assert asked and asked in reply, (asked, reply)
    # said again: the plan moves on rather than asking a third time
    again = iv.respond("Okay. Fair enough.").text
    assert asked not in again, again


def test_a_short_answer_with_something_in_it_is_still_probed():
    assert not listening.contents("Temps who don't show up.").assent
    iv = at_stage("probe", "sales-manager")
    reply = iv.respond("Reps who don't log calls.").text
    assert "?" in reply and not reply.startswith("But back to"), reply


# --- challenges to the interviewer's standing ---------------------------------------------------

def test_a_challenge_to_the_interviewers_standing_is_met_coolly_and_not_echoed():
    for turn in ("With respect, you're not the one who'll be running it.", "That's consultant talk. I just do the job.",
                 "I've run yards for twelve years. I don't need to 'envision' anything."):
        assert listening.contents(turn).rude, turn
    iv = at_stage("vision", "finance-controller")
    reply = iv.respond("I've run yards for twelve years. I don't need to 'envision' anything.").text
    assert "twelve years" not in reply and re.search(r"professional|constructive|civil|helping you|frustration", reply), reply


def test_respect_for_a_subject_is_not_rude():
    assert not listening.contents("With respect to the budget, I'd start with the rota and the overtime.").rude


# --- a check about pay is not a check of a read -------------------------------------------------

def test_a_question_about_their_own_figure_is_not_read_as_a_ballpark_check():
    iv = at_stage("compensation", "sales-manager")
    reply = iv.respond("I'm on $64,000 now. I'd be looking for around $74,000 - is that roughly where you are, or am I aiming too high?").text
    assert "$74,000" in reply and "$64,000" not in reply, reply
    assert not re.search(r"\b(?:Some|Parts) of (?:that|it)\b|push on|I'd add", reply), reply
    assert not DEFLECT.search(reply), reply


def test_their_ask_beside_our_band_quoted_back_is_compared_alone_in_our_currency():
    iv = _role_interview()
    while iv.state.stage != "compensation":
        iv.respond("I'd check the loading sheets first and ride along on two rounds to see where the time goes.")
    reply = iv.respond("The advert said £29,000 to £32,000. With six years on a yard I'd be looking at around £31,500.").text
    assert "£31,500" in reply and re.search(r"within|inside", reply), reply
    assert "£29,000, £32,000" not in reply and "six years" not in reply.split(".")[0], reply
    current = Interview(persona_for_role(DEPOT, default_level="hiring_manager"), None, seed=4)
    assert listening.pay_ask("I'm on £33,500 now, so I'd hope to start at the top of the scale, £32,000.", "£29,000-£32,000") == (32000.0, 32000.0)
    assert current is not None


# --- a problem put down to the people doing the work ---------------------------------------------

def test_the_problem_blamed_on_the_people_is_corrected():
    iv = _role_interview()
    iv.respond("Morning, thanks for having me.")
    reply = iv.respond("Late deliveries going from 4 a week to 19 - nine times out of ten that's drivers rushing the "
                       "loads and corners getting cut. I'd tighten up on the lads.").text
    assert "racking" in reply and not reply.startswith(("Yes", "Right", "You're close")), reply


def test_a_read_that_names_the_real_cause_is_not_corrected():
    iv = _role_interview()
    iv.respond("Morning, thanks for having me.")
    reply = iv.respond("Late deliveries going from 4 a week to 19 since the racking moved - the long lengths are at the far "
                       "end now, so it all waits on the big forklift. I'd start by re-slotting the fast movers.").text
    assert "isn't what we're seeing" not in reply and "stop you there" not in reply, reply


# --- a question dictated without its question mark ----------------------------------------------

def test_a_question_without_its_question_mark_is_heard_when_the_floor_is_theirs():
    assert reading.asks_unmarked("hows the overtime worked out", last=True, floor=True, terse=True)
    assert reading.asks_unmarked("hours", last=True, floor=True, terse=True)
    for said in ("no thats it", "fair enough", "Nothing else, thanks."):
        assert not reading.asks_unmarked(said, last=True, floor=True, terse=True), said
    iv = at_questions("nurse-manager")
    reply = iv.respond("whats the shift pattern like").text
    assert not reply.startswith("Nothing at all") and re.search(r"\bnight|shift|\d", reply), reply


# --- the same kind of work at another workplace ---------------------------------------------------

def test_the_same_kind_of_work_elsewhere_is_not_called_a_different_job():
    p = persona_for_role(DEPOT, default_level="hiring_manager")
    same = "At the builders' merchant our forklift was always on another job, so timber loads sat waiting; I moved the racking for long lengths."
    assert listening.off_role(same + " The warehouse team hated it at first.", p) == []
    nurse = load_persona("nurse-manager")
    assert listening.off_role("In my restaurant the chefs and the menu were the bottleneck.", nurse)
