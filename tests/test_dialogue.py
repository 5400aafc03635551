"""The interview plan, driven by code and persona data (no model: every line is the plan's)."""

from __future__ import annotations

from interviewer import guards
from interviewer.dialogue import Interview, Plan, intents, match_reality
from interviewer.personas import load_persona

PERSONA = load_persona("sales-manager")


def run(answers: list[str], **kw) -> Interview:
    iv = Interview(PERSONA, None, seed=1, **kw)
    iv.start()
    for a in answers:
        if iv.finished:
            break
        iv.respond(a)
    return iv


from dialogue_steps import LONG  # noqa: E402 (shared steps)


def test_the_plan_walks_the_second_interview_stages_in_order():
    iv = Interview(PERSONA, None, seed=1)
    iv.start()
    stages = [iv.state.stage]
    for _ in range(12):
        if iv.finished:
            break
        iv.respond("Thanks for having me back - good to see you again." if iv.state.stage == "opening"
                   else LONG + " Then I'd sit with two branch managers to see how they use the report today.")
        stages.append(iv.state.stage)
    assert stages[:5] == ["opening", "vision", "probe", "react", "questions"]
    assert "compensation" in stages and stages[-1] == "close" and iv.finished


def test_next_steps_are_not_volunteered_before_the_candidate_asks():
    iv = run([LONG] * 4)
    before_close = [t.text for t in iv.turns if t.speaker == "interviewer"]
    assert not any("next step" in t.lower() for t in before_close)
    ctx = guards.GuardContext(interviewer_name=PERSONA.name)
    assert all("volunteers_next_steps" not in guards.problems(t, ctx) for t in before_close)


def test_an_interview_where_the_candidate_never_asks_ends_with_next_steps():
    iv = run([LONG] * 12)
    assert iv.finished
    assert any(iv.turns[-1].text.endswith(line) for line in PERSONA.lines.close_with_next_steps)


def test_asking_about_next_steps_gets_the_personas_real_answer_and_a_plain_close():
    iv = run([LONG, LONG, LONG, LONG, "What's the next step from here, and is there anything you need from me?"] + [LONG] * 6)
    answer = iv.turns[10].text
    assert PERSONA.answers.next_steps in answer
    assert any(iv.turns[-1].text.endswith(line) for line in PERSONA.lines.close)


def test_a_ballpark_question_gets_a_correction_from_the_personas_facts():
    misread = next(r for r in PERSONA.realities if r.misread_keywords)
    claim = f"My guess is the role involves a lot of {misread.misread_keywords[0]} and {misread.keywords[0]}."
    reality, wrong = match_reality(PERSONA, claim)
    assert reality == misread and wrong
    iv = run([LONG, claim + " Am I in the ballpark?"])
    assert misread.correct in iv.turns[-1].text


def test_candidate_questions_are_classified():
    assert intents("What are the team's goals this year, and how does this role support them?") == ["goals"]
    assert intents("What are you like to work for?") == ["management_style"]
    assert intents("Is there a bonus on top of the base?") == ["compensation"]
    assert intents("Does that match what you're seeing?") == ["ballpark"]
    assert intents("I have no questions.") == []


def test_a_thin_answer_gets_one_nudge_then_the_plan_moves_on():
    # after the opening hello (no question asked yet) there is nothing to nudge: the plan moves on
    iv = run(["ok"])
    assert iv.turns[-1].text not in PERSONA.lines.nudges and iv.state.stage == "vision"
    # after a real question, one nudge, then never the same nudge again
    iv.respond("ok")
    assert iv.turns[-1].text in PERSONA.lines.nudges and iv.state.stage == "vision"
    iv.respond("ok")
    assert iv.turns[-1].text not in PERSONA.lines.nudges


def test_undo_takes_back_the_last_answer_and_restores_the_plan():
    iv = run([LONG, LONG])
    stage, n = iv.state.stage, len(iv.turns)
    iv.respond("Something I regret saying about the team.")
    assert iv.undo() == "Something I regret saying about the team."
    assert iv.state.stage == stage and len(iv.turns) == n
    assert iv.undo() == LONG


def test_every_plan_line_is_short_enough_and_never_names_the_interviewer_as_the_candidate():
    plan = Plan.load()
    assert [s.id for s in plan.stages][0] == "opening"
    iv = run([LONG] * 12)
    ctx = guards.GuardContext(interviewer_name=PERSONA.name, allow_next_steps=True)
    for t in iv.turns:
        if t.speaker == "interviewer":
            assert len(t.text.split()) <= guards.MAX_WORDS
            assert "wrong_name" not in guards.problems(t.text, ctx)
