"""What the interviewer says back is a clean clause it could say, and its next question follows from
what the candidate said (issue 11, the classes of the round-6 blind read: mangled echoes, non
sequiturs, conduct). Turns are invented here - a print shop, a kennels, a ferry - not taken from any
candidate file. The real dialogue, templates only (no model)."""

from __future__ import annotations

import re

import pytest

from dialogue_steps import at_stage
from interviewer import guards, listening

# --- mangled echoes: a clause stops where the candidate's did ------------------------------------


@pytest.mark.parametrize("turn", [
    "Honestly I'd never manage a press room like that.",            # "like that" is not "like"
    "Then I'd rebuild the Monday schedule around that, and keep the reprints apart.",  # not "around"
    "I'd put the new starters next to the old hands on the folders and watch the waste figure over the first month with them.",
])
def test_a_plan_said_back_is_never_cut_mid_phrase(turn):
    c = listening.contents(turn)
    if c.plan and listening.echo_ok(c.plan, turn):
        said = c.plan.split()
        assert said[-1].lower() not in {"like", "around", "with", "against", "the", "of", "to", "and"}, c.plan
        assert re.search(r"(?:^|\s)" + re.escape(said[-1]) + r"(?:[.,;!?]|\s+(?:and|but|so|because)\b|$)",
                         turn.replace("I'd", "you'd")), c.plan


def test_a_plan_that_only_points_at_what_we_said_is_not_echoed():
    turn = "Yeah, fair. I'll take that on board. I don't want to sound negative about my current place."
    c = listening.contents(turn)
    assert not listening.echo_ok(c.plan, turn)
    iv = at_stage("probe", "sales-manager")
    reply = iv.respond(turn).text
    assert "take that on board" not in reply, reply


def test_a_figure_clause_spoken_to_us_is_not_said_back_in_their_voice():
    turn = "To me it's a staffing problem. You've got 30 per cent of the kennel hands on zero hours, and they never stay."
    iv = at_stage("vision", "ops-vp-skeptical")
    reply = iv.respond(turn).text
    assert not re.search(r"\bYou've got 30 per cent\b", reply), reply


def test_their_hypothesis_or_wish_is_never_said_back_as_ours():
    for turn, fig in [
        ("If it's really the ticket machines at gate 3 that slow the boarding, that's better news - it's fixable in a week.", "gate 3"),
        ("If I've got the wrong end of it, I'd much rather hear it today than find out six weeks in.", "six weeks"),
        ("If I were in your shoes I'd cut the late sailings to 4 a night.", "4 a night"),
    ]:
        phrase = listening.figure_phrase(turn, fig)
        assert not (phrase and listening.echo_ok(phrase, turn, need_verb=True)), phrase


def test_a_fragment_without_a_subject_is_not_said_back_after_so():
    for turn, fig in [
        ("I'd ride with the drivers. And get that 9% absence down, because short crews cut corners.", "9%"),
        ("worked in a print shop for six year before this", "six year"),
        ("The jams come from the old folder - forty minutes a day when it should be ten.", "forty minutes"),
    ]:
        phrase = listening.figure_phrase(turn, fig)
        assert not (phrase and listening.echo_ok(phrase, turn, need_verb=True)), phrase
    # a clause with its own subject still is
    turn = "At the last shop we cut reprints from 40 a week to 12 by checking proofs at 7am."
    phrase = listening.figure_phrase(turn, "40 a week")
    assert phrase and listening.echo_ok(phrase, turn, need_verb=True), phrase


def test_two_clauses_from_different_sentences_are_never_spliced_with_and():
    iv = at_stage("probe", "finance-controller")
    turn = ("At my last firm I had a ledger of about 300 suppliers. Over about six months the number of invoices "
            "paid late went from 40 to 9.")
    reply = iv.respond(turn).text
    assert not re.search(r"\band [A-Z][a-z]+ about\b", reply), reply
    assert not re.search(r"300 suppliers and", reply), reply
    assert "40 to 9" in reply or "300 suppliers" in reply, reply  # one of their figures, in its own clause


def test_an_opinion_tacked_on_with_so_is_not_said_back():
    iv = at_stage("probe", "sales-manager")
    reply = iv.respond("I've not done sales ops, but I've done admin for four years so it's basically the same thing.").text
    assert "basically the same" not in reply, reply


def test_a_read_about_themselves_is_not_said_back_as_a_read_of_the_role():
    turn = "I think I'd be really good at it because I like people and I love books."
    assert listening.contents(turn).read == ""


# --- non sequiturs: the next question follows from what was said ---------------------------------


def test_go_on_needs_something_named_to_go_on_about():
    for turn in ("just get on with it really", "Okay. Why do you ask that?", "I think I've said all I can there."):
        assert not listening.names_something(turn), turn
        iv = at_stage("vision", "nurse-manager")
        reply = iv.respond(turn).text
        assert not re.search(r"\b(?:Go on|Say more|Tell me more)\b[^?]*\bthat\?", reply), (turn, reply)
    assert listening.names_something("Probably the agency cover on Sundays.")


def test_a_question_that_builds_on_a_plan_is_not_asked_after_a_story():
    # the sales manager's react lines include "If you started there, ...": after a past story there is no "there"
    for seed in range(1, 7):
        iv = at_stage("probe", "sales-manager", seed=seed)
        reply = iv.respond("At my last company we had two CRMs as well. I merged the duplicate accounts over a summer "
                           "and the weekly forecast call went from ninety minutes to forty.").text
        assert not re.search(r"\bIf you (?:started|did) (?:there|that)\b", reply), reply


def test_a_jibe_at_their_employer_is_not_a_plan_to_build_on():
    iv = at_stage("vision", "eng-manager-warm")
    turn = "Where I am now they cut every corner going. I'd never run a team like that."
    reply = iv.respond(turn).text
    assert "never run a team like" not in reply and "make that work" not in reply, reply


def test_a_question_asked_again_carries_what_it_leans_on():
    iv = at_stage("probe", "school-principal")
    asked = [t.text for t in iv.turns if t.speaker == "interviewer"][-1]
    iv.respond("Honestly I'm not sure what you're after.")
    again = iv._question_again()
    assert again and not re.match(r"^(?:What do you do|How would you handle that)\?$", again), again
    iv2 = at_stage("probe", "sales-manager")
    iv2.turns[-1].text = "Okay. Go on - how would you handle that?"
    assert iv2._question_again() == ""  # points back at an answer: nothing to ask again
    iv2.turns[-1].text = "Noted. Pick one thing you'd look at first. What would you hope it tells you?"
    assert iv2._question_again() == "Pick one thing you'd look at first. What would you hope it tells you?"
    assert asked  # the principal's probe question was asked before the aside


@pytest.mark.parametrize("persona_id", ["sales-manager", "nurse-manager", "school-principal", "city-program-manager"])
def test_no_ive_asked_you_plenty_after_thin_answers(persona_id):
    thin = ["not sure", "dunno really", "no idea", "same as anywhere", "nothing comes to mind", "can't say"]
    for seed in range(1, 6):
        iv = at_stage("vision", persona_id, seed=seed)
        for turn in thin * 2:
            if iv.state.stage == "questions":
                break
            reply = iv.respond(turn).text
        assert iv.state.stage == "questions"
        assert not re.search(r"I've (?:asked|been doing)[^.!?]*(?:plenty|a lot|talking|mine)", reply), reply


def test_sentences_keep_their_closing_quote_and_titles():
    assert guards.sentences("She said it was 'a nightmare.' What would you do? Ask Mr. Patel.") == [
        "She said it was 'a nightmare.'", "What would you do?", "Ask Mr. Patel."]


# --- conduct: a rude or dismissive candidate gets a cooler, professional response ----------------


@pytest.mark.parametrize("turn", [
    "Look, I've run kennels for fifteen years. I'd sort it out, whether they like it or not.",
    "If it's not you who decides, I'd rather talk to them.",
    "I'm not going to give you a textbook answer. Next.",
    "Well, that's your view. Let's not waste each other's time.",
])
def test_a_dismissive_turn_is_met_coolly_not_echoed(turn):
    assert listening.contents(turn).rude, turn
    iv = at_stage("vision", "ops-vp-skeptical")
    reply = iv.respond(turn).text
    assert not re.search(r"\b(?:fifteen years|Okay - you|you've run)\b", reply), reply
    cool = listening.data()["reactions"]["rude"]
    assert any(line in reply for tone in cool.values() for line in tone), reply


def test_venting_about_their_employer_does_not_earn_a_warm_close():
    iv = at_stage("vision", "eng-manager-warm")
    turns = ["I'd start by reading the carrier onboarding tickets from the last quarter and timing each step.",
             "Where I am now, management is a joke and nobody listens to the floor. I can't wait to get out of there.",
             "At my last job I cut our integration test run from 40 minutes to 12 by splitting the suites.",
             "I'd pair with the tech lead on the EDI translator for my first two weeks and write down what breaks."]
    for t in turns:
        if iv.state.stage in ("questions", "compensation", "close"):
            break
        iv.respond(t)
    while not iv.finished:
        iv.respond("No, that's everything, thanks." if iv.state.stage != "compensation" else "Around $140,000.")
    close = [t.text for t in iv.turns if t.speaker == "interviewer"][-1]
    assert iv.state.weak_answers >= 1
    assert not listening.praises_answer(close) and "enjoyed" not in close.lower(), close


# --- after a correction, the candidate who gets it is told so -------------------------------------

from interviewer.dialogue import Interview  # noqa: E402
from interviewer.models import Role  # noqa: E402
from interviewer.roles import persona_for_role  # noqa: E402

FERRY = Role(
    title="Terminal Shift Supervisor", company="Solway Ferries",
    description="Run the evening shift at a ferry terminal: check-in, vehicle marshalling and boarding. Salary £30,000 to £33,000.",
    first_interview_notes="First interview was with Ellen Price, the Terminal Manager, who would be my boss. Late departures have "
                          "gone from about 2 a week to around 9 since the new booking system went live in May. The main cause is "
                          "the booking system: it releases vehicle lanes in the wrong order, so marshals have to re-sort the queue "
                          "by hand before every sailing.",
)


def _ferry() -> Interview:
    iv = Interview(persona_for_role(FERRY, default_level="hiring_manager"), None, seed=3)
    iv.start()
    return iv


def test_the_real_cause_named_after_our_correction_is_confirmed_once():
    iv = _ferry()
    iv.respond("Morning, thanks for having me back.")
    first = iv.respond("Late departures like that are nearly always the marshals being lazy and not trying, in my experience. "
                       "I'd tighten up their attitude and discipline.").text
    assert "re-sort the queue" in first, first  # corrected with the real cause
    second = iv.respond("Right - so if the booking system releases the vehicle lanes in the wrong order, the marshals "
                        "are re-sorting the queue by hand before every sailing. That's not effort at all.").text
    got = [x for tone in listening.data()["after_correction"].values() for x in tone]
    assert any(line in second for line in got), second
    third = iv.respond("So the booking system and the lanes are where I'd start.").text
    assert not any(line in third for line in got), third  # once


# --- an answer leaning on a sentence said earlier keeps a pointer to it -----------------------------

def test_an_answer_never_leaves_that_pointing_at_a_sentence_left_out():
    iv = _ferry()
    said = "Late departures are our big problem: about 9 a week now."
    iv.turns.append(type(iv.turns[0])(speaker="interviewer", name="x", text=said, at=iv.turns[0].at))
    out = iv._not_again("What I'm held to this year is simple. " + said + " We need to turn that around, and fast.")
    assert "Late departures are our big problem" not in out
    sents = guards.sentences(out)
    i = next(i for i, x in enumerate(sents) if x.startswith("We need to turn that around"))
    assert sents[i - 1] == listening.data()["deflections"]["as_said"], out


# --- a question asked of us after an opening of their own is not "said to themselves" --------------

@pytest.mark.parametrize("question,to_us", [
    ("I've done weekend cover for years, so how often would I be on call?", True),
    ("Mostly evenings, or do you rotate the early shift too?", True),
    ("I was wondering, is there a locker room for the crew?", True),
    ("I can bring my forklift licence?", False),
    ("Is that what you meant?", False),
    ("Between the two sites?", False),
])
def test_self_directed_is_only_a_question_asked_of_nobody(question, to_us):
    assert listening.self_directed(question) is (not to_us), question


def test_a_whole_turn_with_its_plan_line_never_repeats_itself():
    assert guards.loops("What would you look at first? Okay. What would you look at first?")
    assert not guards.loops("What would you look at first? Okay - the rota. Who would you ask?")


# --- checks that are not checks of a read -----------------------------------------------------------

def test_is_that_realistic_after_a_bare_pay_figure_is_not_answered_as_a_read():
    iv = at_stage("compensation", "city-program-manager")
    reply = iv.respond("I'm on 68,200 at the moment. I'd be hoping for around 74,000. Is that realistic, or am I way off?").text
    assert not re.search(r"Some of that|What you're missing|rings true|Human Resources\b.*answer it", reply), reply
    assert "74,000" in reply, reply


def test_a_question_asked_first_is_answered_not_read_as_a_check():
    iv = at_stage("vision", "school-principal")
    reply = iv.respond("Before I answer - what would you say is the hardest thing about the job right now? "
                       "I don't want to say something that isn't right.").text
    assert not re.search(r"^(?:Some of that|Parts of that|Partly|Right - that's)", reply), reply
    assert iv.state.candidate_questions >= 1  # heard as their question to us


def test_a_gap_they_admit_is_not_said_back_and_agreement_is_no_figure():
    turn = "I don't have the HGV licence yet, but I've booked the 12 week course."
    phrase = listening.figure_phrase(turn, "12 week")
    assert not (phrase and "don't" in phrase and listening.echo_ok(phrase, turn, need_verb=True))
    assert listening.figures("Yes, a hundred percent, that's how I work.") == []


def test_a_story_that_gives_its_result_is_asked_how_it_carries_over():
    for seed in range(1, 5):
        iv = at_stage("probe", "ops-vp-skeptical", seed=seed)
        reply = iv.respond("At my last job I ran the returns desk. I rebuilt the triage board and we went from "
                           "a 6-day backlog to 2 in a month.").text
        assert "what changed" not in reply.lower(), reply


def test_figures_given_for_pay_are_never_called_vague():
    iv = at_stage("compensation", "nurse-manager")
    reply = iv.respond("I'm on 10.90 an hour now, so anything over that would be fine really. I don't mind.").text
    vague = [x for key in ("vague", "figure_vague") for tone in listening.data()["reactions"][key].values() for x in tone]
    assert not any(v.replace("{said}", "").strip(" .-") in reply for v in vague if v.replace("{said}", "").strip(" .-")), reply
    iv = at_stage("compensation", "sales-manager")
    reply = iv.respond("i mean its not all about money but im on 14.20 now so like 15 and a bit would do i dunno is that ok").text
    assert not re.search(r"more than that|picture it|general|more concrete", reply), reply


def test_a_verdict_tail_does_not_come_before_our_answer():
    iv = _ferry()
    iv.respond("Morning, thanks for having me back.")
    reply = iv.respond("I'd put two extra marshals on the 18:00 sailing and time the loading. Am I in the ballpark?").text
    assert not re.search(r"\. (?:Fine|We'll see|Plenty of people say that)\. ", reply), reply


def test_experience_they_name_is_asked_how_it_carries_over_and_assent_is_not_probed():
    for seed in range(1, 5):
        iv = at_stage("probe", "sales-manager", seed=seed)
        reply = iv.respond("done a bit on a packing line before").text
        assert "what would you do about it" not in reply.lower(), reply
    for stage in ("vision", "probe", "react"):
        iv = at_stage(stage, "nurse-manager")
        reply = iv.respond("Oh right, OK. I hadn't realised that.").text
        probing = [x for tone in listening.data()["reactions"]["vague"].values() for x in tone]
        assert not any(p in reply for p in probing) and not re.search(r"\b(?:Go on|Tell me more|Say more)\b", reply), reply


def test_stock_phrases_checked_get_no_credit():
    for pid in ("ops-vp-skeptical", "sales-manager", "finance-controller"):
        iv = at_stage("vision", pid)
        reply = iv.respond("For me it's about bringing value from the start, hitting the ground running and being a "
                           "self-starter who drives results. Does that sound about right?").text
        assert not re.match(r"(?:Some|Parts) of (?:that|it)", reply), reply


def test_the_candidates_lines_never_pass_the_guards():
    ctx = guards.GuardContext(interviewer_name="Ellen Price")
    for line in ("Honestly, you'd be lucky to have me on the team.", "Thanks so much for having me back today.",
                 "I'm really excited about this opportunity.", "In my last job I cut late sailings by half."):
        assert "speaks_as_candidate" in guards.problems(line, ctx), line
    assert guards.repair("What would you check first? You'd be lucky to have me.", ctx) == "What would you check first?"
    for line in ("Thanks for coming in.", "I'd love to hear how you'd start.", "In my experience here, lanes jam on Fridays."):
        assert "speaks_as_candidate" not in guards.problems(line, ctx), line
