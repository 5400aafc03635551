"""Listening to what the candidate actually said (issue 11, graders' complaints 2-5): no echo or
praise for buzzwords and evasions, pay figures read whole (spoken or not) and compared with the
range, no "I'd still like a number" after one, dismissive remarks met coolly, an off-topic
candidate steered back once, and rising-voice answers or tag questions never answered as
questions."""

from __future__ import annotations

import pytest

from interviewer import bank, guards, listening
from interviewer.dialogue import Interview
from interviewer.personas import load_persona

from dialogue_steps import LONG, SALES, at_stage  # noqa: F401 (shared steps)


def pay_probes() -> list[str]:
    d = listening.data()["pay_probe"]
    return [x for tone in ("neutral", "warm", "skeptical") for x in d[tone]]


# --- pay --------------------------------------------------------------------------------------


@pytest.mark.parametrize("said, digits", [
    ("I'm at ninety-five base now. One-oh-five.", "I'm at 95 base now. 105."),
    ("sixty to sixty-three", "60 to 63"),
    ("twenty-five minutes", "25 minutes"),
    ("Oh, a hundred and five", "Oh, 105"),
])
def test_spoken_numbers_are_read_whole(said, digits):
    assert listening.spoken_digits(said) == digits


@pytest.mark.parametrize("said, pay_range, ask, where", [
    ("More than you're probably budgeting. I'm at ninety-five base now and I won't move sideways. One-oh-five, and I'd want "
     "to see the bonus structure.", "$82,000 to $96,000 base", (105000, 105000), "above"),
    ("I'm at sixty-eight thousand base now, and the postings put it around seventy-two to eighty. I'd be looking at "
     "seventy-eight base.", "$71,200 to $86,500 over five steps", (78000, 78000), "within"),
    ("I was on fifty-five and I'd be hoping for sixty to sixty-three. But I'd take a bit less for two remote days a week.",
     "$60,000 to $70,000", (60000, 63000), "within"),
    ("I'm on thirty-eight now, but whatever you think?", "$135,000 to $160,000", (38000, 38000), "below"),
    ("Something like $44 an hour.", "$41.50 to $49.00 an hour", (44, 44), "within"),
])
def test_the_candidates_figure_is_read_and_placed_against_the_range(said, pay_range, ask, where):
    assert listening.pay_ask(said, pay_range) == ask
    assert listening.pay_position(said, pay_range) == where


def test_durations_are_not_pay():
    assert listening.pay_ask("I've done this job for twenty years and managed two teams.", "$60,000 to $70,000") is None


def test_a_spoken_figure_is_acknowledged_compared_and_never_asked_for_again():
    iv = at_stage("compensation")
    reply = iv.respond("Honestly I'm at seventy now. I'd be looking at ninety.").text
    assert "$90,000" in reply and "above" in reply, reply
    assert not any(p in reply for p in pay_probes())
    if not iv.finished:
        again = iv.respond("That's my number. I'm not going to negotiate against myself.").text
        assert not any(p in again for p in pay_probes()), again


def test_how_much_right_after_being_asked_gets_the_range():
    iv = at_stage("compensation")
    reply = iv.respond("How much?").text
    assert "$68,000" in reply, reply


# --- no echo, no praise for empty answers ---------------------------------------------------------


@pytest.mark.parametrize("answer, echoed", [
    ("I see this role as a value-add position. I come in, I find the synergies, I drive results.", "value-add"),
    ("I'd leverage my network and find a win-win. I always find a win-win.", "win-win"),
    ("Look, I'm a results guy. I hit the ground running, I over-deliver. I'm going to move the needle.", "needle"),
    ("Huh. Well, I'd use common sense. That's what my dad always said.", "common sense"),
])
def test_buzzwords_are_probed_not_echoed_or_praised(answer, echoed):
    for stage in ("vision", "probe", "react"):
        iv = at_stage(stage)
        reply = iv.respond(answer).text
        assert echoed not in reply.lower(), (stage, reply)
        assert not listening.praises_answer(reply), (stage, reply)
        assert listening.contents(answer).kind == "vague"


def test_evasive_pay_answers_get_no_warm_reaction():
    iv = at_stage("compensation")
    reply = iv.respond("Whatever you think is fair. I'm easy.").text
    assert not listening.praises_answer(reply)
    assert not reply.startswith(("Thanks", "Great", "Good"))


# --- questions that are not questions ---------------------------------------------------------------


@pytest.mark.parametrize("answer, field", [
    ("Challenges are just opportunities, right? I thrive on that.", "challenges"),
    ("First ninety days? Listen, learn, then execute.", "success"),
])
def test_tag_questions_and_rising_voice_answers_are_not_answered_as_questions(answer, field):
    for stage in ("probe", "react"):
        reply = at_stage(stage).respond(answer).text
        assert guards.sentences(bank.fact(SALES, field))[0] not in reply, (stage, reply)


def test_is_that_what_you_mean_is_not_a_ballpark_check():
    iv = at_stage("react")
    reply = iv.respond("I think I'd panic a little, honestly. Then I'd write it down and go through it. Is that what you mean?").text
    for r in SALES.realities:
        assert r.confirm not in reply and r.correct not in reply, reply
    assert SALES.answers.ballpark_general not in reply


# --- conduct -------------------------------------------------------------------------------------


@pytest.mark.parametrize("remark", [
    "With respect, that's a first-interview question.",
    "I'm not sure what more you want from me.",
    "That's a bit of a textbook scenario, isn't it? I'd deal with it. Next.",
])
def test_dismissive_remarks_are_read_as_rude(remark):
    assert listening.contents(remark).rude


def test_an_off_topic_candidate_is_steered_back_once_and_the_close_is_plain():
    iv = at_stage("questions")
    steer = [x for t in listening.data()["steer_back"].values() for x in t]
    replies = [iv.respond(q).text for q in ("Do you have kids?", "Is there a company softball team?",
                                           "Is there an office dog?", "What do you do on the weekends?")]
    assert sum(any(s in r for s in steer) for r in replies) == 1, replies
    while not iv.finished:
        last = iv.respond("Whatever's standard.").text
    assert not listening.praises_answer(last), last


def test_a_fact_asked_again_gets_the_rest_of_it_not_the_same_sentence():
    iv = at_stage("questions")
    iv.respond("What are you like as a manager? And what tools does the team use? What's the next step?")
    again = iv.respond("How would you describe your management style, and how often do you check in?").text
    first = guards.sentences(bank.fact(SALES, "management_style"))[0]
    assert first not in again, again


def test_a_hedge_makes_a_short_answer_vague_but_not_a_substantive_one():
    assert listening.contents("Not sure, I guess.").kind in ("vague", "one_word")
    real = ("Learning your filters, I guess. Every plant's filters are different. And your guys retiring... that's a lot "
            "of knowledge walking out.")
    assert listening.contents(real).kind != "vague"


def test_the_close_is_warm_only_after_solid_answers_throughout():
    """A nervous, rambling session (stories that go nowhere, no plan) gets a plain close, never the
    persona's praising one ('Thank you, this was great!')."""
    p = load_persona("eng-manager-warm")
    by_stage = {
        "opening": "Hi, sorry, hi. I barely slept, I was up going over my notes. I'm good though! How are you?",
        "vision": "Um, so, I think it's a lot of organising? Between teams? At my last job I kind of did the rota for "
                  "everyone, not officially, and then there was this thing with the printer... sorry. Organising.",
        "probe": "Probably me being new? At my old job my manager said I ask a lot of questions, which is good but "
                 "also sometimes not, anyway. Questions. In a good way.",
        "react": "Oh gosh. I'd write it all down first, I always write everything down, then go through the list. "
                 "Sorry, I went on a bit there.",
        "questions": "I think that's it, sorry. I left my list in the car.",
        "compensation": "Maybe forty thousand?",
    }
    iv = Interview(p, None, seed=3)
    iv.start()
    for _ in range(20):
        if iv.finished:
            break
        iv.respond(by_stage.get(iv.state.stage, "Thanks."))
    assert iv.finished
    last = iv.turns[-1].text
    assert not any(line.split("!")[0].split(".")[0] in last for line in p.lines.close + p.lines.close_with_next_steps), last
    assert not listening.praises_answer(last), last


@pytest.mark.parametrize("stage", ["vision", "probe", "react"])
def test_back_to_my_question_is_followed_by_that_same_question(stage):
    iv = at_stage(stage)
    asked = guards.sentences(iv.turns[-1].text)[-1]
    reply = iv.respond("Before I answer that - what happened to the last person in this job?").text
    back_to = listening.data()["transitions"]["back_to"]
    assert any(b in reply for b in back_to), reply
    assert reply.endswith(asked), (asked, reply)
    assert guards.sentences(bank.fact(SALES, "last_person"))[0] in reply


@pytest.mark.parametrize("stage, field", [("vision", "role"), ("probe", "challenges")])
def test_moving_on_from_thin_answers_gives_the_picture_from_our_side(stage, field):
    """A weak candidate still leaves knowing what the job is and where it is hard."""
    iv = at_stage(stage)
    replies = []
    for _ in range(3):
        if iv.state.stage != stage:
            break
        replies.append(iv.respond("I'm a hard worker and a team player. I'd figure it out.").text)
    assert iv.state.stage != stage
    assert guards.sentences(bank.fact(SALES, field))[0] in replies[-1], replies


def test_a_model_reaction_sharing_one_word_by_chance_is_not_shown():
    problems = listening.meaning_problems("You're most likely right there in class afterwards.",
                                          "I'd talk to the student after class and find out what happened.", SALES, False)
    assert "not_about_their_words" in problems


def test_no_take_your_time_when_nothing_was_asked():
    p = load_persona("city-program-manager")
    iv = Interview(p, None, seed=1)
    opening = iv.start().text
    reply = iv.respond("Yep. Morning.").text
    nudges = p.lines.nudges + [x for t in listening.data()["nudges"].values() for x in t]
    assert not opening.rstrip().endswith("?")  # the opening says hello; it asks nothing yet
    assert not any(n in reply for n in nudges), reply
    assert "?" in reply  # the interview moves on to a real question


def test_a_posted_scale_gets_our_side_at_once_not_a_second_ask_for_a_number():
    iv = at_stage("compensation", "school-principal")
    reply = iv.respond("Whatever the district scale is, I guess. I'm not picky.").text
    assert not any(p in reply for p in pay_probes()), reply
    assert "$62,400" in reply, reply



def test_a_timeframe_in_a_past_story_is_not_asked_about_as_a_plan():
    iv = at_stage("probe")
    reply = iv.respond("The pitfall I'd worry about is trying to fix everything at once. In my current role I inherited a "
                       "reporting mess, and what worked was fixing the one report people hated in two weeks.").text
    asks = [x.format(figures="two weeks") for t in listening.data()["followups"]["timeframe"].values() for x in t]
    assert not any(a in reply for a in asks), reply


def test_next_steps_after_a_lead_in_read_on_in_lower_case():
    from interviewer.dialogue import _lower_first

    assert _lower_first("A paid two-hour shadow on second shift.") == "a paid two-hour shadow on second shift."
    assert _lower_first("After today there's one more step.") == "after today there's one more step."
    assert _lower_first("Owen will call you.") == "Owen will call you."  # a name keeps its capital


def test_a_feeling_is_not_a_plan_to_echo():
    assert listening.contents("Oh gosh. I think I'd panic a little bit, honestly.").plan == ""
