"""The topic reader (issue 11, graders' first complaint): a question is answered from the topic it
is about, or not at all. A keyword shared with another topic ("parking" and hybrid work, "dress
code" and culture, "training budget" and pay) never brings the wrong answer; a practical thing no
persona knows is named and honestly not known; what any interviewer can say (how long today's
meeting is, why a second round) is answered from neutral defaults kept as data."""

from __future__ import annotations

import pytest

from interviewer import bank, guards
from interviewer.dialogue import Interview
from interviewer.personas import all_personas, load_persona

from dialogue_steps import LONG, PERSONAS, SALES, at_questions  # noqa: F401 (shared steps)


def first(persona, field: str) -> str:
    return guards.sentences(bank.fact(persona, field))[0]


# --- the reader, on its own ---------------------------------------------------------------------


@pytest.mark.parametrize("question, unknown", [
    ("Say, do you folks validate parking?", "parking"),
    ("Is there a dress code? I'm not big on ties.", "dress_code"),
    ("And is there an office dog?", "pets"),
    ("Do you allow dogs in the office?", "pets"),
    ("Is there a company softball team?", "clubs"),
    ("What laptop would I get?", "equipment"),
    ("Do you sponsor visas?", "visa"),
])
def test_a_practical_thing_is_read_as_itself_not_as_a_topic_that_shares_a_word(question, unknown):
    t = bank.read_topic(question, SALES)
    assert t.question is None and t.unknown is not None and t.unknown.id == unknown


@pytest.mark.parametrize("question, topic", [
    ("Is there a training budget?", "training"),
    ("You pay for the whole course?", "training"),
    ("Like, do people leave a lot?", "last_person"),
    ("How's the turnover?", "last_person"),
    ("Can I ask why the role is open?", "why_open"),
    ("What do you like best about working here?", "interviewer_enjoys"),
    ("What's kept you here?", "interviewer_enjoys"),
    ("Is this going to take the full hour?", "meeting"),
    ("Roughly how long do we have?", "meeting"),
    ("Why are you doing a second round at all?", "meeting"),
    ("Is that inside your range?", "pay"),
    ("Tell me, what's the team like?", "team"),
    ("How much notice do people get of changes?", "schedule"),
    ("How flexible is it if I have a medical appointment?", "schedule"),
])
def test_a_question_is_read_as_the_topic_it_is_about(question, topic):
    t = bank.read_topic(question, SALES)
    assert t.question is not None and t.question.topic == topic, (question, t)


@pytest.mark.parametrize("question", [
    "How much do people spend on coffee around here?",
    "Is the art in the office by local painters?",
])
def test_the_reader_abstains_when_the_question_is_mostly_about_something_else(question):
    t = bank.read_topic(question, SALES)
    assert t.abstained and t.question is None


def test_a_question_the_bank_cannot_place_is_found_in_the_personas_own_facts():
    # "the Monday report" is in the sales manager's facts, not in any bank keyword for "the team"
    found = bank.search_facts(SALES, "How does the team handle the Monday pipeline report?")
    assert "Monday" in found and "pipeline" in found
    assert bank.search_facts(SALES, "Is there a company softball league?") == ""


def test_follow_on_parts_lean_on_the_question_before():
    assert bank.follows_on("if so, roughly how much per year")
    assert bank.follows_on("Did they leave, get promoted, get let go?")
    assert bank.follows_on("who books it, me or an assistant?")
    assert not bank.follows_on("how does this role support the goals?")
    assert bank.parts("Tell me, what's the team like?") == ["Tell me, what's the team like?"]
    assert len(bank.parts("What are the shift patterns, how much notice do people get?")) == 2


# --- in a session ---------------------------------------------------------------------------------


@pytest.mark.parametrize("persona_id", PERSONAS)
def test_parking_and_the_dress_code_never_get_the_hybrid_or_culture_answer(persona_id):
    p = load_persona(persona_id)
    iv = at_questions(persona_id)
    reply = iv.respond("Is there parking? And is there a dress code?").text
    for field in ("remote", "culture", "schedule"):
        assert first(p, field) not in reply, (field, reply)
    assert "parking" in reply and "dress code" in reply, reply


@pytest.mark.parametrize("persona_id", PERSONAS)
def test_a_training_budget_question_gets_training_not_the_pay_range(persona_id):
    p = load_persona(persona_id)
    reply = at_questions(persona_id).respond("Is there a training budget? If so, roughly how much per year?").text
    assert first(p, "training") in reply
    assert first(p, "compensation") not in reply, reply


@pytest.mark.parametrize("persona_id", PERSONAS)
def test_questions_the_interviewer_owns_are_answered_not_deflected(persona_id):
    p = load_persona(persona_id)
    for question, field in (("Is this going to take the full hour?", "meeting"),
                            ("What do you like best about working here?", "interviewer_enjoys"),
                            ("How did you come to be in this job yourself?", "interviewer_path")):
        reply = at_questions(persona_id).respond(question).text
        assert first(p, field) in reply, (question, reply)


def test_a_practical_question_asked_again_is_not_answered_with_the_same_block():
    iv = at_questions()
    one = iv.respond("Is there a dress code?").text
    two = iv.respond("Is there a dress code?").text
    assert "dress code" in one
    assert guards.sentences(one)[0] not in two


def test_a_personal_question_is_small_talk_not_the_working_hours():
    iv = at_questions()
    reply = iv.respond("What do you do on the weekends? You look like a hiking person.").text
    assert first(SALES, "schedule") not in reply


def test_a_question_about_what_they_just_said_is_read_from_that_statement():
    """"... two remote days a week. Is that sort of trade something you can do?" is about remote work."""
    p = load_persona("ops-vp-skeptical")
    iv = at_questions("ops-vp-skeptical")
    reply = iv.respond("Honestly I'd take a bit less for two remote days a week. Is that sort of trade something you can do?").text
    assert first(p, "remote") in reply, reply


def test_a_figure_inside_the_candidates_own_question_is_not_parroted_back():
    iv = at_questions()
    reply = iv.respond("What would success in this role look like at twelve months?").text
    assert first(SALES, "success") in reply
    assert not reply.lower().startswith(("twelve months", "okay - twelve", "so, twelve", "you mentioned twelve")), reply
