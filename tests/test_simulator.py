"""The candidate simulator's checks over whole sessions: strong, weak, awkward, rude, off-topic,
multi-part and custom-role candidates against every persona. Without a model the plan and the
templates must pass every check; with the real embedded model (marked `embedded`, a few sessions)
so must whatever of the model's words are shown."""

from __future__ import annotations

import pytest

from interviewer import listening
from interviewer.personas import all_personas, load_candidate_script
from interviewer.simulator import check, persona_for, run
from interviewer.store import Store
from interviewer.session import Session

CANDIDATES = ["strong", "weak", "awkward", "rude", "offtopic", "multipart", "custom-role", "terse", "asks-back", "practical",
              "custom-trades", "custom-nonprofit", "custom-kitchen"]
PERSONAS = [p.id for p in all_personas()]


@pytest.mark.parametrize("persona_id", PERSONAS)
@pytest.mark.parametrize("candidate", CANDIDATES)
def test_every_simulated_session_passes_every_check(persona_id, candidate):
    script = load_candidate_script(candidate)
    s = run(script, persona_for(script, persona_id), seed=11)
    assert s.interview.finished
    assert {k: v for k, v in check(s).items() if v} == {}


def test_the_checks_catch_what_they_are_for():
    """A session doctored to repeat a block, skip a figure and drop a question fails each check."""
    script = load_candidate_script("multipart")
    s = run(script, persona_for(script, "sales-manager"), seed=2)
    victim = next(i for i, (c, _) in enumerate(s.exchanges(), start=1) if listening.figures(c))
    s.replies[victim].text = "Okay."
    asked = next(i for i, (c, _) in enumerate(s.exchanges(), start=1) if "manager" in c)
    s.replies[asked].text = s.replies[asked - 1].text
    found = check(s)
    assert found["unacknowledged_figures"] and found["unanswered_parts"] and found["repeated_blocks"]


def test_the_topic_and_pay_checks_catch_a_wrong_topic_and_a_second_ask_for_a_number():
    """Doctored: the parking question answered with the hybrid policy, and "I'd still like a number"
    after the candidate's figure."""
    from interviewer import bank

    script = load_candidate_script("practical")
    s = run(script, persona_for(script, "sales-manager"), seed=2)
    assert check(s)["wrong_topic_answers"] == [] and check(s)["number_asked_after_a_figure"] == []
    parking = next(i for i, (c, _) in enumerate(s.exchanges(), start=1) if "parking" in c)
    s.replies[parking].text = bank.fact(s.persona, "remote")
    figure = next(i for i, ((c, _), st) in enumerate(zip(s.exchanges(), s.stages), start=1)
                  if st == "compensation" and listening.pay_ask(c, s.persona.pay_range))
    assert figure < len(s.replies) - 1  # the script gives its figure before its last turn
    s.replies[figure + 1].text = listening.data()["pay_probe"]["neutral"][0]
    found = check(s)
    assert found["wrong_topic_answers"] and found["number_asked_after_a_figure"], found


def test_the_listening_checks_catch_no_probe_praise_a_warm_close_and_a_deflected_statement():
    """A weak session doctored to move on after a vague answer, praise an empty one, close warmly
    and deflect a statement fails each of those checks."""
    script = load_candidate_script("weak")
    persona = persona_for(script, "sales-manager")
    s = run(script, persona, seed=2)
    assert not any(check(s).values())
    pairs = list(zip(s.exchanges(), s.stages))
    i = next(i for i, ((c, _), st) in enumerate(pairs, start=1) if st == "vision" and listening.contents(c).kind == "vague")
    s.replies[i].stage = "probe"
    j = next(j for j, ((c, _), _) in enumerate(pairs, start=1) if listening.contents(c).empty and j != i)
    s.replies[j].text = "Great answer. " + s.replies[j].text
    s.replies[-1].text = "This has been a genuinely useful conversation - thank you."
    k = next(k for k, ((c, _), _) in enumerate(pairs, start=1) if "?" not in c and k not in (i, j, len(pairs)))
    s.replies[k].text = persona.deflections[0]
    found = check(s)
    for name in ("unprobed_vague_answers", "praise_after_empty", "warm_close_after_a_poor_session", "deflected_statements"):
        assert found[name], name


def test_a_rude_session_closes_coolly_and_the_report_says_why(tmp_path):
    from interviewer.backends import Settings

    script = load_candidate_script("rude")
    persona = persona_for(script, "eng-manager-warm")
    session = Session(persona, Settings(backend="embedded"), Store(tmp_path / "db.sqlite"), chat_model=None, seed=1,
                      candidate_name=script.name)
    from interviewer.demo import SimulatedCandidate

    sim = SimulatedCandidate(script)
    session.start()
    while not session.finished:
        session.answer(sim.answer(session.interview.state.stage))
    last = session.interview.turns[-1].text
    assert not any(line in last for line in persona.lines.close + persona.lines.close_with_next_steps)
    report = session.end()
    assert any("rude or dismissive" in n for n in report.notes)


# --- the real embedded model ------------------------------------------------------------------


@pytest.mark.embedded
@pytest.mark.parametrize("persona_id, candidate", [
    ("sales-manager", "awkward"),
    ("ops-vp-skeptical", "rude"),
    ("eng-manager-warm", "offtopic"),
    ("nurse-manager", "custom-role"),
    ("finance-controller", "practical"),
    ("school-principal", "practical"),
])
def test_simulated_sessions_on_the_embedded_model_pass_every_check(embedded_model, persona_id, candidate):
    from interviewer.backends import capabilities, resolve

    script = load_candidate_script(candidate)
    persona = persona_for(script, persona_id)
    s = run(script, persona, embedded_model, capabilities(resolve(env={})), seed=5)
    assert s.interview.finished
    assert {k: v for k, v in check(s).items() if v} == {}
    # whatever the model wrote that was shown is in the reply and passed the meaning check
    for cand, reply in s.exchanges():
        if reply.model_text:
            assert reply.model_text in reply.text
            empty = listening.contents(cand).empty
            assert listening.meaning_problems(reply.model_text, cand, persona, empty) == [], reply.model_text


def test_a_scripted_candidate_runs_out_of_lines_like_a_person():
    """Past the end of a stage's script the candidate says it has nothing more (data), and never
    repeats its own last line: the repeat made the interviewer's replies look like loops."""
    from interviewer import prompts
    from interviewer.demo import SimulatedCandidate
    from interviewer.models import CandidateScript

    script = CandidateScript(id="t", name="T", description="d",
                             answers={"questions": ["What does a typical week look like?"], "vision": ["I'd start with the rota."]})
    sim = SimulatedCandidate(script)
    said = [sim.answer("questions") for _ in range(4)]
    spare = prompts.data("candidate.toml")["out_of_lines"]
    assert said[0] == "What does a typical week look like?"
    assert said[1:] == spare["questions"] + spare["questions"][-1:]
    assert said.count(said[0]) == 1
    assert sim.answer("vision") == "I'd start with the rota."
    assert sim.answer("vision") == spare["default"][0]  # a stage with no lines of its own uses the default
    assert all(not line.rstrip().endswith("?") for lines in spare.values() for line in lines)  # nothing new is asked
