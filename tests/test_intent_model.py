"""The learned sentence-intent model: ships in the package, reads paraphrases the patterns
miss, and holds up on corpus roles it never trained on."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from interviewer.models import Transcript, Turn
from interviewer.scoring.chain import score
from interviewer.text import read_turn
from interviewer.text.model import MODEL_INTENTS, load_model

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("train_intents", ROOT / "benchmarks" / "train_intents.py")


def test_the_artifact_ships_and_covers_every_corpus_intent():
    model = load_model()
    assert model is not None, "interviewer/text/intent_model.{bin,json} missing"
    assert tuple(model.intents) == MODEL_INTENTS
    probs = model.predict("What do you see as the next step from here?")
    assert set(probs) == set(MODEL_INTENTS) and all(0 <= p <= 1 for p in probs.values())
    assert probs["next_steps"] > 0.8 > probs["pay_figure"]


def test_held_back_corpus_roles_are_read_well():
    train = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(train)
    rows = [r for r in train.load_corpus() if train.held_back(r)]
    assert len(rows) >= 300
    model = load_model()
    f1s = []
    for intent in MODEL_INTENTS:
        tp = fp = fn = 0
        for r in rows:
            hit, want = model.predict(r["text"])[intent] >= 0.5, intent in r["labels"]
            tp, fp, fn = tp + (hit and want), fp + (hit and not want), fn + (want and not hit)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    assert sum(f1s) / len(f1s) >= 0.85, dict(zip(MODEL_INTENTS, f1s))


def test_read_turn_combines_patterns_and_model():
    got = read_turn("um so where do things go from here on your end\nI'm a hard worker.")
    assert got[0].intents.get("next_steps", 0) >= 0.5
    assert got[1].intents.get("next_steps", 0) < 0.5


def _review(candidate: str) -> dict[str, str]:
    t = Transcript(turns=[Turn(speaker="interviewer", name="Dana", text="Any questions for me?"),
                          Turn(speaker="candidate", name="Alex", text=candidate)], role="Clinic Manager")
    return {c.id: c.verdict for c in score(t).criteria}


def test_paraphrases_without_question_marks_count():
    assert _review("um so where do things go from here on your end")["next_steps"] == "covered"


def test_the_model_does_not_turn_stories_or_strengths_into_evidence():
    got = _review("At my current clinic the scheduling was a mess, so I rebuilt the template and cut no-shows by a third. "
                  "I'm a hard worker and a fast learner.")
    assert got["role_vision"] == "missed" and got["next_steps"] == "missed"
