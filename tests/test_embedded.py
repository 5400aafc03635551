"""The real embedded model (SmolLM2-135M in-process): whole interviews stay coherent because
every reply passes the guards, whatever the raw model writes."""

from __future__ import annotations

import pytest

from interviewer import guards
from interviewer.backends import capabilities, resolve
from interviewer.demo import SimulatedCandidate
from interviewer.dialogue import Interview
from interviewer.personas import all_personas, load_candidate_script, load_persona

pytestmark = pytest.mark.embedded


def interview(model, persona_id: str, candidate: str, seed: int) -> tuple[Interview, list]:
    persona = load_persona(persona_id)
    script = load_candidate_script(candidate)
    iv = Interview(persona, model, capabilities(resolve(env={})), seed=seed, candidate_name=script.name)
    sim = SimulatedCandidate(script)
    replies = [iv.start()]
    while not iv.finished and len(replies) < 20:
        replies.append(iv.respond(sim.answer(iv.state.stage)))
    return iv, replies


@pytest.mark.parametrize("persona_id", [p.id for p in all_personas()])
@pytest.mark.parametrize("candidate", ["strong", "weak"])
def test_a_demo_interview_on_the_embedded_model_is_coherent(embedded_model, persona_id, candidate):
    iv, replies = interview(embedded_model, persona_id, candidate, seed=5)
    assert iv.finished and 6 <= len(replies) < 20
    asked = False
    shown: list[str] = []
    for turn_index, reply in enumerate(replies):
        if turn_index:
            asked |= "next_steps" in __import__("interviewer.dialogue", fromlist=["intents"]).intents(
                iv.turns[2 * turn_index - 1].text)
        ctx = guards.GuardContext(interviewer_name=iv.persona.name, candidate_name=load_candidate_script(candidate).name,
                                  earlier_replies=shown, allow_next_steps=asked or reply.stage == "close")
        assert guards.problems(reply.text, ctx) == [], reply
        assert len(reply.text.split()) <= guards.MAX_WORDS
        shown.append(reply.text)
    if candidate == "strong":
        # The model really was asked: some turns carry its words, or its raw output was checked.
        # (A weak candidate's vague answers get template follow-ups: the model adds nothing there.)
        assert any(r.source == "model+plan" for r in replies) or any(r.problems for r in replies) or any(r.raw for r in replies)


def test_the_weak_candidate_hears_next_steps_only_at_the_close(embedded_model):
    iv, replies = interview(embedded_model, "sales-manager", "weak", seed=9)
    ctx = guards.GuardContext(interviewer_name=iv.persona.name)
    for r in replies[:-1]:
        assert "volunteers_next_steps" not in guards.problems(r.text, ctx)
    # A run of empty answers gets a plain close (never praise) that still says what happens next.
    close = replies[-1].text
    first_step = guards.sentences(iv.persona.answers.next_steps)[0]
    # (after "As for next steps:" its first word may lose its capital)
    assert first_step[1:] in close or any(close.endswith(line) for line in iv.persona.lines.close_with_next_steps), close
    assert iv.state.weak_answers < 2 or not any(w in close.lower() for w in ("enjoyed", "great", "impressive", "really useful")), close


def test_doctor_says_ok_only_after_a_real_generation_and_names_the_engine():
    from interviewer.doctor import check_embedded

    check = check_embedded()
    assert check.ok, check.detail
    assert "xllamacpp" in check.detail and "generated" in check.detail and "CPU features" in check.detail
    assert "SmolLM2-135M-Instruct" in check.detail


def test_the_engine_constrains_output_to_a_json_schema():
    """Structured output on the embedded engine is grammar-constrained: even SmolLM2 returns valid JSON."""
    from typing import Literal

    from pydantic import BaseModel, Field

    from interviewer.backends import build_chat_model, capabilities

    class Verdict(BaseModel):  # bounded fields: the grammar stops the small model from rambling
        verdict: Literal["covered", "partial", "missed"]
        quote: str = Field(max_length=60)

    settings = resolve(env={})
    assert capabilities(settings).structured_method == "json_schema"
    model = build_chat_model(settings, max_tokens=200).with_structured_output(Verdict, method="json_schema")
    out = model.invoke("The candidate asked: what happens after today? Give a verdict and the quote.")
    assert isinstance(out, Verdict) and out.verdict in ("covered", "partial", "missed") and len(out.quote) <= 60
