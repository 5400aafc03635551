"""How the interviewer reacts, turn by turn, to what grader 4 found odd (notes_round4.md), with turns
and roles invented here (not the graded candidates' lines): repeated questions, figures acknowledged
in the wrong sense, praise for empty or off-role answers, rudeness and nerves, asides and rants,
and replies that lose the thread. The real dialogue, templates only (no model)."""

from __future__ import annotations

import re

import pytest

from dialogue_steps import at_questions, at_stage
from interviewer import guards, listening, prompts
from interviewer.dialogue import Interview
from interviewer.personas import load_persona

DATA = listening.data()
CANNED = DATA["deflections"]["already"]
BARE = {"okay.", "alright.", "fair enough.", "sure.", "right.", "fine.", "noted.", "okay. okay."}
DEFLECT = re.compile(r"recruiter|\bHR\b|Human Resources|don't know|won't guess|I'd have to check|not my area|find out and let you know",
                     re.I)
# A figure said back on its own with a verdict: the wrong sense for a fact, a result or a question.
BARE_FIGURE = re.compile(r"^(?:okay,? |so,? |noted:? )?[\w$%,.\- ]{2,30}(?: -|,)? (?:noted|I'll remember that|I'll hold you to that|okay)\.$"
                         r"|\bhorizon\b|makes sense\.$|hold you to that", re.I)


def _walk(persona_id: str, answers: list[str], seed: int = 3) -> tuple[Interview, list[str]]:
    iv = Interview(load_persona(persona_id), None, seed=seed)
    iv.start()
    return iv, [iv.respond(a).text for a in answers]


# --- 1. repeat loops ----------------------------------------------------------------------------

@pytest.mark.parametrize("persona_id, question", [
    ("nurse-manager", "Sorry - what are the hours again?"),
    ("school-principal", "Who would I be working with day to day?"),
    ("finance-controller", "What does the close look like each month?"),
])
def test_a_question_asked_five_times_never_gets_a_canned_line_twice_or_a_bare_okay(persona_id, question):
    iv = at_questions(persona_id)
    texts = []
    for _ in range(5):
        if iv.finished:
            break
        texts.append(iv.respond(question).text)
    assert texts[1].startswith("I think I covered that") and texts[1].endswith("?"), texts
    sentences = [x for t in texts for x in guards.sentences(t)]
    long = [x for x in sentences if len(x.split()) >= 5]
    assert len(long) == len(set(long)), texts  # no block said twice
    for line in CANNED:
        assert sum(line in t for t in texts) <= 1, texts
    assert not [t for t in texts if t.strip().lower() in BARE], texts
    assert not [t for t in texts if t.startswith("As I said")], texts
    # by the fourth time the interviewer has moved the conversation on
    assert iv.state.stage != "questions" or iv.finished, (iv.state.stage, texts)


def test_a_different_question_on_the_same_facts_is_not_told_it_was_already_asked():
    iv = at_questions("sales-manager")
    iv.respond("How do you like to manage people?")
    reply = iv.respond("And what would Kevin say you're like to work for?").text
    assert not reply.startswith("I think I covered that"), reply


# --- 2. figures in the sense they were said -----------------------------------------------------

@pytest.mark.parametrize("persona_id, turn, said", [
    ("city-program-manager", "From the board papers, case turnaround went from four days to eleven after the new system, "
     "which tells me the handoffs are the problem rather than the caseworkers.", "four days to eleven"),
    ("nurse-manager", "At my last trust we cut falls by 60 percent in six months by moving the highest-risk patients "
                      "nearer the station.", "60 percent in six months"),
    ("school-principal", "If three staff are off on the same morning I'd collapse two classes into the hall and "
                         "cover the third myself.", "three staff"),
])
def test_a_figure_is_acknowledged_in_the_candidates_own_words_never_as_a_bare_verdict(persona_id, turn, said):
    iv = at_stage("vision", persona_id)
    reply = iv.respond(turn).text
    first = guards.sentences(reply)[0]
    assert said in reply, reply
    assert not BARE_FIGURE.search(first), first
    assert "based on" not in reply and "What's behind" not in reply, reply  # a result or a scenario, not an estimate


def test_a_figure_in_a_question_is_not_acknowledged_as_if_stated():
    iv = at_questions("eng-manager-warm")
    reply = iv.respond("What would success look like at six months?").text
    assert not re.search(r"six months(?: -|,)? (?:noted|okay)|thinking in terms of six months|horizon", reply, re.I), reply


def test_what_they_earn_today_is_not_read_as_their_ask():
    rng = load_persona("school-principal").pay_range
    said = "the posting said around twenty-eight to thirty-one thousand, I'm on twenty-four now so anything in that range is fine"
    assert listening.pay_ask(said, rng) == (28000.0, 31000.0)
    assert listening.pay_ask("I'm currently on 88k and I'd be looking for 95 to 100k.", "$90,000 to $110,000") == (95000.0, 100000.0)


# --- 3. empty, flattering or off-role answers -----------------------------------------------------

@pytest.mark.parametrize("turn", [
    "Honestly, with someone like you running it, the department practically runs itself. I'd just learn from you.",
    "I see myself supporting your vision one hundred percent, whatever direction you want to go.",
    "I'd stay calm and handle it. I'm good under pressure.",
])
def test_flattery_and_stock_lines_get_a_probe_not_an_echo_or_praise(turn):
    iv = at_stage("vision", "city-program-manager")
    reply = iv.respond(turn).text
    assert reply.endswith("?"), reply
    assert not listening.praises_answer(reply), reply
    assert not re.match(r"(?:So |Okay - )?you'd ", reply, re.I), reply
    assert iv.state.stage == "vision"  # a follow-up in the same stage, not the next topic


@pytest.mark.parametrize("persona_id, turn", [
    ("nurse-manager", "I would reset the breaker and check the wiring before anything else."),
    ("school-principal", "In my kitchen I'd get the chefs to prep the menu the night before."),
    ("finance-controller", "I'd walk the ward and talk to the patients first."),
])
def test_an_answer_about_a_different_job_is_noticed(persona_id, turn):
    iv = at_stage("vision", persona_id)
    reply = iv.respond(turn).text
    assert "You'd reset" not in reply and "you'd get the chefs" not in reply.lower(), reply
    assert re.search(r"different|current (?:work|job)|carry over|equivalent|apply here", reply, re.I), reply
    assert iv.state.weak_answers == 1


def test_a_story_from_a_neighbouring_field_that_speaks_our_world_is_not_off_role():
    persona = load_persona("ops-vp-skeptical")
    assert listening.off_role("I planned routes for forty trucks a day across three depots.", persona) == []


def test_a_pick_up_line_is_dropped_after_an_empty_answer():
    iv = Interview(load_persona("eng-manager-warm"), None, seed=5)
    iv.start()
    texts = [iv.respond(a).text for a in ["Hi!", "Honestly you'd know far better than me.", "My strength is just my attitude.",
                                         "You're absolutely right, I completely agree."]]
    assert not [t for t in texts if re.search(r"\b(?:Ooh|say more)\b", t)], texts


# --- 4. conduct ---------------------------------------------------------------------------------

@pytest.mark.parametrize("turn", [
    "sorry, um, I'm a bit nervous - I'd obviously start by asking the team, sorry, what they need, like, first",
    "Oh gosh, sorry. Um, I think I'd, you know, obviously check the rota first? Sorry.",
])
def test_nerves_are_not_read_as_rudeness(turn):
    iv = at_stage("vision", "nurse-manager")
    reply = iv.respond(turn).text
    assert not re.search(r"professional|constructive|civil|frustration|not helping", reply, re.I), reply
    assert iv.state.rude == 0


@pytest.mark.parametrize("turn", [
    "That's my number, take it or leave it. Eighty.",
    "Look, people do what I say on my shift. That's how it works.",
    "Who actually decides things, you or me? Because if it's you we're wasting our time.",
])
def test_an_ultimatum_or_jibe_is_not_answered_as_a_fair_question(turn):
    iv = at_stage("vision", "sales-manager")
    reply = iv.respond(turn).text
    assert iv.state.rude == 1, reply
    assert not re.search(r"\b(?:that's fair|fair question|good question|great|thanks for)\b", reply, re.I), reply


def test_the_close_after_rudeness_is_cool():
    iv = at_stage("compensation", "sales-manager")
    iv.respond("Ninety. That's my number, take it or leave it.")
    while not iv.finished:
        iv.respond("No.")
    close = [t.text for t in iv.turns if t.speaker == "interviewer"][-1]
    assert not listening.praises_answer(close), close
    assert iv.state.rude >= 1


# --- 5. asides, rants -----------------------------------------------------------------------------

def test_an_aside_on_arrival_gets_a_greeting_not_a_steer():
    iv = Interview(load_persona("finance-controller"), None, seed=4)
    iv.start()
    reply = iv.respond("Hello! Sorry, the train was packed and I spilled coffee on my sleeve, ha. Anyway, good to be back.").text
    assert not re.search(r"bring it back|stay on the job|not what I asked", reply, re.I), reply


def test_a_question_in_passing_about_a_podcast_is_not_sent_to_hr():
    iv = at_stage("vision", "city-program-manager")
    reply = iv.respond("I think it's about keeping people motivated. Which reminds me, I've been listening to this "
                       "true-crime podcast about a bakery heist, have you heard it? Absolutely gripping.").text
    assert not DEFLECT.search(reply), reply
    assert not re.search(r"\w, \.", reply), reply


def test_a_rant_about_the_current_employer_is_noticed_once_politely_and_not_deflected():
    iv = at_stage("vision", "nurse-manager")
    texts = [iv.respond("Why am I leaving? Honestly, the place is a mess. My manager is never there and the agency staff "
                        "just do what they like.").text,
             iv.respond("And management won't pay for cover, so we run short every weekend.").text]
    assert not DEFLECT.search(texts[0]), texts[0]
    assert re.search(r"panel|current (?:employer|place)|in interviews", texts[0], re.I), texts[0]
    rant_lines = [x for tone in DATA["reactions"]["rant"].values() for x in tone]
    assert sum(any(r in t for r in rant_lines) for t in texts) <= 2
    assert not listening.praises_answer(" ".join(texts))


# --- 6. coherence ---------------------------------------------------------------------------------

@pytest.mark.parametrize("turn", ["Do you mean a mistake I made or one I caught?", "What kind of example are you looking for, exactly?",
                                  "When you say difficult, how difficult?"])
def test_a_question_about_our_question_gets_the_same_question_back_not_a_deflection(turn):
    iv = at_stage("probe", "finance-controller")
    asked = iv._last_question()
    reply = iv.respond(turn).text
    assert not DEFLECT.search(reply), reply
    assert reply.endswith(asked), (asked, reply)


def test_a_question_they_answer_themselves_is_not_answered_or_deflected():
    iv = at_stage("probe", "city-program-manager")
    reply = iv.respond("Why caseworkers rather than the system? Because the backlog only grew on two of the six teams, "
                       "and those two lost their seniors in the spring.").text
    assert not DEFLECT.search(reply), reply


def test_back_to_my_question_only_follows_a_question_of_ours():
    for pid in ("nurse-manager", "school-principal", "finance-controller"):
        iv = Interview(load_persona(pid), None, seed=8)
        iv.start()
        said = [iv.respond(a).text for a in ["Good, thanks.", "What happened to the last person?", "How big is the team?",
                                             "Why is the role open?", "No, that's all."]]
        interviewer = [t.text for t in iv.turns if t.speaker == "interviewer"]
        for before, after in zip(interviewer, interviewer[1:]):
            if re.search(r"back to (?:my question|what I asked)", after):
                assert before.rstrip().endswith("?"), (before, after)
        assert said


def test_no_template_is_ever_filled_with_nothing():
    bad = re.compile(r"\w, \.|\s[.,]\s|\s\.$|\{\w+\}")
    for pid in ("city-program-manager", "sales-manager", "nurse-manager"):
        _, texts = _walk(pid, ["Hi.", "A gentleman kept reorganising the tins; he once showed me a ship with a thousand tiny ropes.",
                               "Whatever.", "Maybe.", "What is the pay?", "No.", "Seventy-ish.", "No."])
        assert not [t for t in texts if bad.search(t)], texts


def test_a_nervous_candidate_on_arrival_is_put_at_ease():
    iv = Interview(load_persona("city-program-manager"), None, seed=6)
    iv.start()
    reply = iv.respond("hi, um, sorry, I'm honestly a bit nervous, I got here really early and just sat in the car").text
    assert re.search(r"nervous|nerves|worry|breath|conversation", reply, re.I), reply
    assert not re.search(r"professional|constructive|bring it back", reply, re.I), reply


def test_their_hourly_ask_is_said_back_once_not_twice():
    iv = at_stage("compensation", "nurse-manager")
    reply = iv.respond("around 36 an hour").text
    assert len(re.findall(r"36", reply)) == 1, reply


def test_a_fact_they_looked_up_is_not_probed_as_their_estimate():
    iv = at_stage("probe", "city-program-manager")
    reply = iv.respond("I checked the published figures: applications are up about 12 percent this year, and staffing is flat.").text
    assert "What's behind" not in reply and "based on" not in reply, reply
    assert "12 percent" in reply, reply


def test_one_acknowledgement_before_the_next_question_not_two():
    for pid in ("eng-manager-warm", "sales-manager", "nurse-manager", "school-principal"):
        _, texts = _walk(pid, ["Hi.", "Whatever you think is best, you'd know better.", "You're absolutely right.",
                               "I'd just learn from you.", "I completely agree with you.", "Sure.", "No questions."])
        assert not [t for t in texts if re.match(r"(Okay|Right|Sure)[.,!]? [^.?!]*[.?!] (Okay|Right|Sure)\b", t)], texts


def test_a_spoken_range_with_a_comma_is_a_range_and_a_long_clause_starts_at_a_thought():
    assert listening.pay_ask("So I'd be looking at around forty, forty-two.", "$38,000 to $46,000") == (40000.0, 42000.0)
    said = listening.figure_phrase("The pitfall is blaming patients. A lot of missed treatments look like non-compliance "
                                   "and turn out to be a ride that came forty minutes late, every single week.", "forty minutes")
    assert said.split()[0].lower() in ("a", "turn"), said
    assert said.endswith("forty minutes late"), said


@pytest.mark.parametrize("turn", ["How does the owner get involved here, is it hands-off? Because I can't go through that again.",
                                  "Do they micromanage? Because I can't do that again."])
def test_a_question_followed_by_why_they_ask_is_still_answered(turn):
    iv = at_questions("sales-manager")
    reply = iv.respond(turn).text
    assert iv.state.candidate_questions >= 1, reply
    assert not re.search(r"Nothing at all|No questions", reply), reply
