"""Replays of real exchanges with an OpenAI-protocol server (llama.cpp's, serving SmolLM2),
recorded through the real openai client by tests/record_cassettes.py. Whatever that model
said, the guards and the scoring rules must hold."""

from __future__ import annotations

from pathlib import Path

import pytest
import scenarios
from vcr_setup import CASSETTES

from interviewer import guards
from interviewer.backends import resolve
from interviewer.models import CRITERIA
from interviewer.scoring.chain import score
from interviewer.store import Store
from interviewer.transcripts import load

SETTINGS = dict(backend="compatible", model="smollm2", base_url="http://127.0.0.1:8765/v1")
LEVEL = {"missed": 0, "partial": 1, "covered": 2, "not_applicable": -1}


def test_no_cassette_holds_a_key():
    for path in CASSETTES.glob("*.yaml"):
        text = path.read_text().lower()
        assert "authorization" not in text and "bearer " not in text and "sk-" not in text, path


@pytest.mark.parametrize("stream", [True, False])
def test_a_recorded_practice_session_only_ever_shows_guarded_replies(vcr_replay, tmp_path, stream):
    settings = resolve(**SETTINGS, stream=stream)
    name = f"practice_{'stream' if stream else 'nostream'}.yaml"
    with vcr_replay.use_cassette(name) as cassette:
        session, replies = scenarios.practice(settings, tmp_path / "db.sqlite")
        assert cassette.play_count >= 1
    assert len(replies) >= 6 and any(r.source.startswith("model") for r in replies)
    asked_next_steps = False
    earlier: list[str] = []
    for turn, reply in zip(session.interview.turns[1::2], replies[1:]):
        asked_next_steps |= "next step" in turn.text.lower()
        ctx = guards.GuardContext(interviewer_name=session.persona.name, earlier_replies=earlier,
                                  allow_next_steps=asked_next_steps or reply.stage == "close")
        assert guards.problems(reply.text, ctx) == [], reply
        earlier.append(reply.text)
    stored = Store(tmp_path / "db.sqlite").turns(session.id)
    assert [t.text for t in stored] == [t.text for t in session.interview.turns]


@pytest.mark.parametrize("name", list(scenarios.JUDGED))
def test_a_recorded_model_judgement_never_breaks_the_scoring_rules(vcr_replay, name):
    settings = resolve(**SETTINGS)
    with vcr_replay.use_cassette(f"{name}.yaml") as cassette:
        judged = scenarios.judged(settings, name)
        # The judge really ran on the recording: a replay that matched nothing would fall back to
        # the rules and pass unnoticed.
        assert cassette.play_count >= 1
    assert judged.scorer != "rules" or any("model opinion" in n for n in judged.notes)
    transcript, _, dialogue = load(Path(scenarios.LABELLED / scenarios.JUDGED[name]))
    rules_only = score(transcript, dialogue.format)
    assert judged.scorer in ("rules+smollm2", "rules")
    for mine, base in zip(judged.criteria, rules_only.criteria):
        assert LEVEL[mine.verdict] <= LEVEL[base.verdict] + 1, mine.id  # one step at most
        if base.verdict == "not_applicable":
            assert mine.verdict == "not_applicable"
        for e in mine.evidence:  # every quote shown is the candidate's, verbatim
            turn = transcript.turns[e.turn - 1]
            assert turn.speaker == "candidate" and e.quote in turn.text
            assert "grader" not in e.quote.lower()
    assert [c.id for c in judged.criteria] == list(CRITERIA)


def test_recorded_prep_suggestions_leave_a_complete_brief(vcr_replay):
    from interviewer.prep import build_brief

    offline = build_brief(scenarios.PREP_ANSWERS)
    with vcr_replay.use_cassette("prep_suggest.yaml") as cassette:
        brief, note = scenarios.prep_suggestions(resolve(**SETTINGS))
        assert cassette.play_count >= 1  # the model was really asked
    # SmolLM2 may answer the function call with arguments that don't validate: then the brief is the
    # offline one and the note says so; either way nothing the model said breaks it.
    assert note == "" or note.startswith("model suggestions unavailable")
    assert brief.ballpark_questions == offline.ballpark_questions and brief.next_step_questions == offline.next_step_questions
    assert len(brief.suggestions) <= 6 and all(3 <= len(s.split()) <= 60 for s in brief.suggestions)
    assert brief.gaps[: len(offline.gaps)] == offline.gaps
