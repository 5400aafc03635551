"""The interviewer's reading of what a candidate's question is about (`dialogue.route_question`),
on clear cases and on the development question set (benchmarks/question_sets/dev1.tsv, written by
an independent writer; a regression floor, not a measure of generalisation - the held-out figures
are in benchmarks/listening.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from interviewer.dialogue import route_question
from interviewer.personas import load_persona

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from question_routing import SAME, load  # noqa: E402

PERSONA = load_persona("nurse-manager")


@pytest.mark.parametrize("question, topic", [
    ("What does a typical week look like?", "typical_week"),
    ("Why is this role open?", "why_open"),
    ("Where would I park?", "practical"),
    ("What do you mean by that?", "none"),
    ("What are the next steps after today?", "process"),
    ("What's the salary range for this job?", "pay"),
])
def test_clear_questions_are_routed_to_their_topic(question, topic):
    assert route_question(question, PERSONA) == topic


def test_a_statement_is_not_routed_as_a_question():
    assert route_question("I ran the night shift for three years.", PERSONA) == "not_a_question"


# dev1 is in the question-topic model's training data, so this is a regression floor only: at 7550389
# the set scored .342 (keywords alone); with the model .942. The honest figure for a new writer is
# the writer-held-out cross-validation of benchmarks/train_question_topics.py (dev1 held out: .658).
DEV_FLOOR = 0.90


def test_development_question_set_meets_its_floor():
    rows = load(ROOT / "benchmarks" / "question_sets" / "dev1.tsv")
    right = sum(route_question(q, PERSONA) in (t,) + tuple(b for a, b in SAME if a == t) for t, _, _, q in rows)
    assert right / len(rows) >= DEV_FLOOR


# Questions in lines of work neither dev1 nor benchmarks/question_sets/listen8_paraphrases.tsv uses
# (zoo, ferry, beekeeping, locksmith, funeral home, lifeguard, courier, tattoo studio, opera house,
# air traffic control), written for these tests and never trained on. Known misses are strict xfails:
# they flip to failures when the reading learns them, so the list stays true.
MISS = pytest.mark.xfail(strict=True, reason="known miss of the topic reading")
NEW_FIELDS = [
    ("role_reality", "How much of a keeper's job is actually with the animals rather than cleaning and records?"),
    ("role_reality", "so is it mostly fixing locks or is it more like fitting new ones"),
    ("typical_week", "What does an ordinary shift on the ferry look like from boarding to tie-up?"),
    ("typical_week", "I'd love to hear how a normal week runs at the funeral home."),
    ("success", "What would you want a new lifeguard to have nailed by the end of the summer?"),
    ("success", "How will you know after six months that hiring me was the right call?"),
    ("challenges", "What's the hardest thing about running the couriers' routes right now?"),
    ("challenges", "What do new tattoo artists struggle with most here?"),
    ("role_goals", "How does this post feed into what the opera house is trying to achieve this season?"),
    pytest.param("team", "How many keepers are on the big-cats section, and who leads it?", marks=MISS),
    ("team", "who would i be working with day to day on the boat"),
    ("manager_style", "How do you like to give feedback to your apprentices?"),
    pytest.param("manager_style", "If I thought a route plan was wrong, how would you want me to raise it with you?", marks=MISS),
    ("interviewer_path", "How did you end up running a funeral home yourself?"),
    ("interviewer_enjoys", "What's the best part of working at the zoo for you?"),
    ("why_open", "How come the position has come up now?"),
    ("why_open", "Is this a brand-new post or are you replacing someone?"),
    ("last_person", "What happened to the locksmith who did this job before?"),
    ("last_person", "the last courier on this round um why did they leave"),
    ("tools", "Which tracking app do the couriers use on their phones?"),
    pytest.param("tools", "What machines and inks does the studio work with?", marks=MISS),
    ("training", "Would you put me through the sea survival course before I start?"),
    ("training", "How long is the induction for new controllers?"),
    pytest.param("growth", "Where do apprentices usually go after they qualify here?", marks=MISS),
    ("growth", "Is there a path up to head keeper?"),
    ("schedule", "What are the shift patterns on the ferry in the winter timetable?"),
    ("schedule", "how many weekends would i be working a month"),
    pytest.param("remote", "Could any of the planning be done from home?", marks=MISS),
    ("travel", "How many nights a month would I be away at other venues?"),
    ("culture", "What sort of people get on well in the studio?"),
    ("culture", "How do people here treat each other when it gets busy?"),
    ("team_mood", "How is morale among the lifeguards after the pool closures?"),
    ("pay", "What's the hourly rate for a qualified lifeguard?"),
    ("pay", "Is there a bonus for the couriers who hit their drops?"),
    ("benefits", "How many days of annual leave come with the post?"),
    ("benefits", "Is there a pension scheme, and does the employer put much in?"),
    ("process", "When should I expect to hear back from you?"),
    ("process", "Are there any other steps after today, like a trial shift?"),
    ("company_goals", "Where does the zoo want to be in five years?"),
    pytest.param("strategy", "How is the ferry company coping with the fuel costs?", marks=MISS),  # since listen12's retrain
    pytest.param("competition", "Who are the main rival courier firms in the city?", marks=MISS),
    pytest.param("company", "What kinds of families does the funeral home mostly serve?", marks=MISS),  # since listen12's retrain
    ("meeting", "How long have we got for this conversation?"),
    ("practical", "Is there anywhere to park near the studio?"),
    ("practical", "Do you provide the uniform and boots?"),
    ("none", "Sorry, could you say the question again?"),
    ("none", "What kind of example are you after?"),
]


@pytest.mark.parametrize("topic, question", NEW_FIELDS)
def test_questions_from_new_lines_of_work_are_routed_to_their_topic(topic, question):
    assert route_question(question, PERSONA) == topic


# A word that belongs to another topic must not carry the question there.
@pytest.mark.parametrize("question, not_topic", [
    ("Will I get trained on the new hoist before I use it?", "tools"),
    ("How did you yourself end up as head of the locksmiths?", "growth"),
    ("Is the pay reviewed every year?", "process"),
    ("What does the crew need from the new deckhand in the first month?", "team"),
    ("Can I bring my dog to the office?", "remote"),
    ("Is there parking for the whole team?", "team"),
    ("How long have you worked at the zoo?", "schedule"),
    ("What happened to the last keeper in this post?", "growth"),
    ("How many hours a week would the training take?", "schedule"),
    ("Who would I go to if the rota didn't work for me?", "team"),
    ("What would you check first, if you were me?", "success"),
    ("How has your week been?", "interviewer_path"),
])
def test_a_word_of_another_topic_does_not_carry_the_question_there(question, not_topic):
    assert route_question(question, PERSONA) != not_topic


def test_a_background_clause_before_the_question_does_not_decide_its_topic():
    q = "I've always been on commission at the garage, so what holidays come with the job here?"
    assert route_question(q, PERSONA) == "benefits"


@pytest.mark.parametrize("statement", [
    "i'd probably start by just going to every park on a saturday and seeing who's actually using them",
    "if I found a nonconformance I would I would just like quarantine the lot and then do the 8D",
    "I think the hardest part would be the night shifts.",
])
def test_a_statement_without_a_question_mark_is_not_read_as_a_question(statement):
    assert route_question(statement, PERSONA) == "not_a_question"


def test_the_question_loop_answers_what_route_question_reads():
    """One routing: the interview answers an unmarked spoken question on the topic route_question names."""
    from interviewer import bank
    from interviewer.dialogue import Interview

    q = "so the nurse who had this job before um did she like move on or"
    assert route_question(q, PERSONA) == "last_person"
    iv = Interview(PERSONA, None, seed=3)
    iv.start()
    reply = iv.respond(q).text
    first = bank.answer_for(PERSONA, bank.by_topic("last_person"))[1].split(". ")[0]
    assert first in reply


def test_the_shipped_topic_model_knows_every_bank_topic():
    from interviewer import bank, topic_model

    m = topic_model.model()
    assert m is not None
    assert set(m.topics) == {q.topic for q in bank.questions()} | {"practical", "none"}


def test_an_unsure_reading_answers_as_a_guess_and_says_what_it_took_the_question_for():
    from interviewer import bank
    from interviewer.dialogue import Interview

    q = "What would a new porter need to have down by Christmas?"
    iv = Interview(PERSONA, None, seed=5)
    iv.start()
    reply = iv.respond(q).text
    name = bank.topic_name("success")
    assert any(line.format(thing=name).rstrip(": -") in reply for line in bank.unsure_lines(PERSONA.tone)), reply
    assert bank.answer_for(PERSONA, bank.by_topic("success"))[1].split(". ")[0] in reply


def test_a_topic_the_facts_do_not_cover_is_deflected_by_name():
    from interviewer import bank
    from interviewer.dialogue import Interview

    persona = PERSONA.model_copy(deep=True)
    persona.facts = {k: v for k, v in persona.facts.items() if k != "travel"}
    q = bank.by_topic("travel")
    if bank.answer_for(persona, q)[1]:
        pytest.skip("travel has a default answer for every persona")
    iv = Interview(persona, None, seed=5)
    iv.start()
    reply = iv.respond("How much travel is there in this job?").text
    thing = bank.topic_name("travel")
    filled = [line.format(thing=thing, Thing=thing.capitalize(), who=persona.refer_to) for line in bank.named_deflections()]
    assert any(f[:1].upper() + f[1:] in reply for f in filled), reply


def test_a_practical_thing_no_entry_names_is_said_back_not_answered_from_another_fact():
    from interviewer.dialogue import Interview

    iv = Interview(PERSONA, None, seed=5)
    iv.start()
    reply = iv.respond("Do staff get free tickets to the shows?").text
    assert "free tickets" in reply, reply


@pytest.mark.parametrize("question", ["Why do you say that?", "What sort of example were you after?"])
def test_a_question_about_nothing_in_the_job_gets_no_i_dont_know(question):
    from interviewer import listening
    from interviewer.dialogue import Interview

    iv = Interview(PERSONA, None, seed=5)
    iv.start()
    reply = iv.respond(question).text
    d = listening.data()["deflections"]
    lines = [x.split("{")[0] for tone in ("neutral", "warm", "skeptical") for x in d[tone]] + [x.split("{")[0] for x in d["short"]]
    assert not [x for x in lines if x and x in reply], reply


# Wrong answers found in the development candidates (/work/devcands6), fixed by class.
@pytest.mark.parametrize("question, topic", [
    ("Could you tell me roughly what the night allowance comes to in a normal month?", "pay"),  # not 'a normal week'
    ("How much is the standby payment for one week, please?", "pay"),
    ("Do staff get free tickets to the shows?", "practical"),  # not the role's duties (shared 'staff', 'tickets')
    ("Is there a uniform?", "practical"),
])
def test_development_candidates_questions_are_routed_to_their_topic(question, topic):
    assert route_question(question, PERSONA) == topic
