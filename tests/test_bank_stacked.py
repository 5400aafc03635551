"""What the interviewer understands a question to be about, by class (issue 11, listen12), on
wordings and lines of work written for these tests (a garden centre, a ferry café, a dental
practice, a bakery, a lifeboat station, a library): stacked practical questions answered part by
part; facts the role file states answered from it; a question without its question mark read by one
rule; a statement never answered as a question."""

from __future__ import annotations

import pytest

from interviewer import bank, reading, topic_model
from interviewer.dialogue import Interview, route_question
from interviewer.models import Role
from interviewer.personas import load_persona
from interviewer.roles import persona_for_role
from interviewer.text.model import read_artifact

GARDEN = Role(
    title="Garden Centre Team Leader",
    company="Fernhill Garden Centre",
    description="Fernhill is a family-run garden centre with a café and a plant nursery. The team leader runs the "
                "outdoor plants area, leads a team of 7, and opens or closes the site on a rota. Pay £24,800 plus "
                "tips from the café, steel-toe boots and a fleece provided.",
    first_interview_notes="First interview was with Maya, the Operations Manager, who would be my manager. Plant "
                          "losses have gone from 4% to 9% since the spring. Maya said the main reason is that the "
                          "watering rota fell apart when the irrigation contractor left, and half the weekend staff "
                          "are seasonal agency workers. The second interview is with Graham Pike, the owner.",
)


def garden():
    return persona_for_role(GARDEN, default_level="skip_level")


def heard(persona, text, stage="questions", seed=4):
    iv = Interview(persona, None, seed=seed)
    iv.start()
    iv.state.stage = stage
    return iv._hear(text)


# --- a question without its question mark: one reading, used by routing and the loop -----------

@pytest.mark.parametrize("said", [
    "i was wondering what the hours are like",
    "I would love to hear how the handover works between shifts.",
    "tell me a bit about the people on the counter",
    "and um do the crew get any say in the rota",
])
def test_a_question_without_its_mark_is_read_as_one(said):
    rs = reading.read(said)
    assert rs[-1].is_question or rs[-1].unmarked


@pytest.mark.parametrize("said", [
    "What I'd do is shadow the closing shift first.",
    "I'd ask the bakers what slows them down.",
    "no thats everything",
    "fair enough",
])
def test_a_statement_is_never_read_as_an_unmarked_question(said):
    for floor in (False, True):
        rs = reading.read(said, floor=floor, terse=floor)
        assert not any(r.is_question or r.unmarked for r in rs), (said, floor)


def test_the_floor_makes_a_bare_topic_an_unmarked_question_and_nothing_else_does():
    assert reading.read("overtime", floor=True, terse=True)[0].unmarked
    assert not reading.read("overtime")[0].unmarked


def test_a_tag_question_is_a_statement():
    assert route_question("Nobody enjoys the early opening, right?", load_persona("nurse-manager")) == "not_a_question"


def test_an_indirect_ask_is_routed_the_same_in_the_benchmark_and_the_loop():
    nurse = load_persona("nurse-manager")
    q = "I would love to hear what a normal week looks like for the night team."
    assert route_question(q, nurse) == "typical_week"
    first = bank.answer_for(nurse, bank.by_topic("typical_week"))[1].split(". ")[0]
    assert first in " ".join(heard(nurse, q, stage="probe").answers)


# --- facts the role file states are answered from it ---------------------------------------------

def test_a_practical_thing_the_description_states_is_answered_from_it_without_the_salary():
    said = " ".join(heard(garden(), "Are safety boots provided, or do I buy my own?").answers)
    assert "boots" in said and "provided" in said
    assert "24,800" not in said


def test_a_thing_the_first_interview_notes_state_is_answered_from_them():
    said = " ".join(heard(garden(), "How do you find working with the agency?").answers)
    assert "agency workers" in said
    assert "Maya said" not in said and " my " not in said  # the candidate's notes, never in their voice


def test_a_thing_nobody_stated_is_still_said_plainly_as_not_known():
    p = garden()
    assert bank.stated(p, "Is there a staff gym?") == ""
    assert bank.stated(p, "Would I ever need to cover at the other branch?") == ""


def test_a_verb_after_the_noun_is_not_the_thing_asked_about():
    # "listened" is no thing: the garden notes' "still listening for..." line must not answer it
    p = garden()
    assert bank.stated(p, "do the cashiers get listened to when something breaks?") == ""
    assert bank.stated(p, "Is the irrigation contract going to be re-let?")  # "the irrigation contract": a thing


def test_tips_get_the_tips_answer_not_the_salary_line():
    said = " ".join(heard(garden(), "Roughly what do the tips come to in a month?", stage="compensation").answers)
    assert "24,800" not in said
    assert said.startswith(bank.fact(garden(), "service_charge").split(",")[0])


# --- stacked practical questions: every part answered, condensed, none dropped --------------------

def test_probation_and_start_date_are_their_own_answers_not_next_steps():
    nurse = load_persona("nurse-manager")
    h = heard(nurse, "Is there a probation period, and how soon could I start? I'm on a month's notice.")
    said = " ".join(h.answers)
    steps = bank.answer_for(nurse, bank.by_id("next_steps"))[1]
    assert steps.split(". ")[0] not in said
    assert "probation" in said.lower() and "notice" in said.lower()
    assert not h.next_steps


def test_a_notice_period_said_in_passing_is_acknowledged():
    h = heard(load_persona("school-principal"), "When do you decide? I'd have to give my school half a term's notice.",
              stage="close")
    assert any("notice" in a for a in h.answers)


def test_parts_we_cannot_answer_are_named_once_beside_the_answers():
    p = garden()
    h = heard(p, "Who covers when someone calls in sick, is there a bike rack, and is there a locker room?")
    said = " ".join(h.answers)
    assert "between us" in said  # the cover answer
    unknown_lines = [a for a in h.answers if "transport" in a or "locker" in a]
    assert len(unknown_lines) == 1 and "locker" in unknown_lines[0] and "transport" in unknown_lines[0], h.answers


def test_asking_leave_to_ask_is_not_a_question_to_deflect():
    h = heard(load_persona("nurse-manager"), "Can I ask a couple of things? Is there a probation period?")
    assert len(h.answers) == 1 and "probation" in h.answers[0].lower()


def test_an_alternative_after_or_is_not_a_separate_question():
    assert bank.parts("Who signs off my holidays - the head baker, or you when he's away?") == [
        "Who signs off my holidays - the head baker, or you when he's away?"]
    assert bank.parts("Is there a canteen, or do most people bring lunch?") == ["Is there a canteen", "do most people bring lunch?"]


# --- one loader for the models on the shared features --------------------------------------------

def test_one_loader_reads_both_artifacts_and_refuses_a_missing_one(tmp_path):
    assert read_artifact(tmp_path / "absent") is None
    assert topic_model.load(tmp_path / "absent") is None
    (tmp_path / "bad.json").write_text('{"buckets": 4, "intents": ["a"]}')
    (tmp_path / "bad.bin").write_bytes(b"\x01\x02")
    assert read_artifact(tmp_path / "bad") is None  # weights that don't fit the meta
    assert topic_model.load(topic_model.ARTIFACT) is not None
