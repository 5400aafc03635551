"""What the cassettes record: the same code runs live (tests/record_cassettes.py) and in
replay (tests/test_cassettes.py)."""

from __future__ import annotations

from pathlib import Path

from interviewer.backends import Settings
from interviewer.demo import SimulatedCandidate
from interviewer.personas import load_candidate_script, load_persona
from interviewer.review import review_file
from interviewer.session import Session
from interviewer.store import Store

LABELLED = Path(__file__).resolve().parent / "labelled"
JUDGED = {
    "judge_strong": "sales_strong_json.json",
    "judge_injection": "teacher_injection_json.json",
    "judge_gibberish": "csm_gibberish_json.json",
}


def practice(settings: Settings, db: Path, turns: int = 6, candidate: str = "strong"):
    """A practice session through an OpenAI-protocol backend, free style: the model writes turns."""
    from interviewer.backends import build_chat_model

    script = load_candidate_script(candidate)
    session = Session(load_persona("sales-manager"), settings, Store(db), chat_model=build_chat_model(settings),
                      seed=3, candidate_name=script.name, interview_options={"retry_delay": 0.0})
    sim = SimulatedCandidate(script)
    replies = [session.start()]
    for _ in range(turns):
        if session.finished:
            break
        replies.append(session.answer(sim.answer(session.interview.state.stage)))
    return session, replies


def judged(settings: Settings, name: str):
    return review_file(str(LABELLED / JUDGED[name]), None, settings, save=False)


PREP_ANSWERS = {
    "role_title": "Sales Analyst", "company": "Cedar Ridge Financial", "interviewer": "Priya Raman",
    "landscape": "Fast branch growth; pipeline stages defined differently in each branch.",
    "pitfalls": ["Reports nobody trusts"], "approach": "Map stage definitions with each branch manager in month one.",
    "observations": ["Most new business comes from cold calling"], "pay_range": "$70k-$78k",
}


def prep_suggestions(settings: Settings):
    from interviewer.backends import build_chat_model
    from interviewer.prep import build_brief, suggest

    return suggest(build_brief(PREP_ANSWERS), build_chat_model(settings, max_tokens=400))
