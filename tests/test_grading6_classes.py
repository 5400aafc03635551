"""Classes a blind grader found on the round-6 sessions (issue 11), each checked by mechanism on
fields and wordings the grading candidates don't use: a weak topic guess needs its answer to agree
with the question; pay said back in the role's own currency and never our own figure as theirs;
"again" only from someone who met the candidate; a misread corrected with the real cause; a
skip-level read from "who is X's boss"."""

from __future__ import annotations

from interviewer import bank, listening
from interviewer.dialogue import Interview
from interviewer.models import Role
from interviewer.personas import load_persona
from interviewer.roles import persona_for_role


# --- a guessed topic needs a second signal ------------------------------------------------------

def test_a_guess_is_supported_only_when_its_answer_holds_a_word_of_the_question():
    answer = "Most weeks run Monday to Friday, with one weekend in four on the rota."
    assert bank.guess_supported("Is there a regular weekly pattern?", answer)  # weekly ~ weeks
    assert bank.guess_supported("How often are weekends worked?", answer)
    assert not bank.guess_supported("Do you cover the cost of the uniform boots?", answer)
    assert not bank.guess_supported("After some time?", "Next is a short call with the director, then we decide.")


def test_an_unsupported_guess_asks_what_they_mean_instead_of_a_whole_block():
    persona = load_persona("nurse-manager")
    topic = bank.read_topic("After that?", persona)
    assert topic.unsure and topic.question is not None  # the model's weak guess, as the premise
    block = bank.answer_for(persona, topic.question)[1]
    iv = Interview(persona, None, seed=3)
    iv.start()
    heard = iv._hear("After that?")
    said = " ".join(heard.answers)
    assert said in bank.reader_lines("unsure_ask")
    assert block.split(".")[0] not in said
    assert heard.asked_back  # our question this turn: no "anything else?" tacked on


def test_a_supported_guess_is_still_answered():
    persona = load_persona("nurse-manager")
    topic = bank.read_topic("Is there a regular weekly pattern", persona)
    assert topic.unsure and topic.question is not None
    iv = Interview(persona, None, seed=3)
    iv.start()
    said = " ".join(iv._hear("Is there a regular weekly pattern?").answers)
    assert said and said not in bank.reader_lines("unsure_ask")


# --- pay said back in the role's currency --------------------------------------------------------

def test_a_bare_pay_ask_is_said_back_in_the_roles_currency():
    assert listening.pay_ask_said("I'd be hoping for about 41 thousand.", "€38,000 - €44,000") == "€41,000"
    assert listening.pay_ask_said("I'd be hoping for about 41 thousand.", "$38,000 - $44,000") == "$41,000"


def test_a_fixed_salary_with_an_allowance_percentage_is_one_figure_not_a_range():
    # "plus a 12% shift premium" is not the bottom of a range: 45 is thousands, and above a fixed 41,000
    pay = "€41,000 plus a 12% shift premium"
    assert listening.pay_ask("I'd be looking at 45 plus the premium.", pay) == (45000.0, 45000.0)
    assert listening.pay_position("I'd be looking at 45 plus the premium.", pay) == "above"
    assert listening.pay_position("41,000 is fine.", pay) == "within"


# --- "good to see you again" only from someone who met them --------------------------------------

def _role(notes: str) -> Role:
    return Role(title="Bakery Production Supervisor", company="Hearth & Crumb",
                description="Hearth & Crumb bakes bread for 40 cafes. The supervisor runs the night bake.",
                first_interview_notes=notes)


def test_an_interviewer_who_was_not_at_the_first_interview_never_says_again():
    p = persona_for_role(_role("First interview was with HR and Lena, the shift lead. "
                               "The second interview is with Omar Price, the Production Manager, who would be my boss."))
    assert p.name == "Omar Price"
    assert p.lines.opening and not any("again" in x.lower() for x in p.lines.opening)


def test_an_interviewer_who_ran_the_first_interview_may_say_again():
    p = persona_for_role(_role("First interview was with Omar Price, the Production Manager, who would be my boss. "
                               "The second interview is with Omar Price again, with the owner sitting in."))
    assert any("again" in x.lower() for x in p.lines.opening)


# --- skip-level read from "who is X's boss"; the correction gives the real cause -----------------

def test_who_is_xs_boss_makes_a_skip_level_who_talks_about_x():
    p = persona_for_role(_role("First interview was with Lena Brook, the shift lead, who would be my manager. "
                               "The second interview is with Omar Price, Head of Production, who is Lena's boss."))
    assert p.level == "skip_level"
    assert "Lena" in p.answers.team


def test_a_wrong_read_is_corrected_with_the_cause_the_notes_give():
    notes = ("First interview was with Lena, the shift lead. Loaves rejected at dispatch have gone up from 2% to 6% since May. "
             "Lena said the main reason is that the new proving cabinets run two degrees hot, so the dough over-proves. "
             "The second interview is with Omar Price, the Production Manager.")
    p = persona_for_role(_role(notes))
    real = [r for r in p.realities if "proving" in r.truth]
    assert real, [r.truth for r in p.realities]
    assert any("proving" in r.correct and "cabinets" in r.correct for r in real)
    # the candidate's own first person in the notes is said back as "you", never as the interviewer's "I"
    q = persona_for_role(_role("First interview was with Lena. The bakery I'd run has had rejects go up from 2% to 6% this year. "
                               "The second interview is with Omar Price."))
    assert not any("I'd run" in r.truth for r in q.realities)


def test_a_guess_we_cannot_support_is_not_asked_about_beside_a_real_answer():
    persona = load_persona("nurse-manager")
    assert bank.read_topic("After that?", persona).unsure
    iv = Interview(persona, None, seed=3)
    iv.start()
    heard = iv._hear("After that? And how many nurses are on the team?")
    said = " ".join(heard.answers)
    assert said and not any(x in said for x in bank.reader_lines("unsure_ask"))
    assert not heard.asked_back
