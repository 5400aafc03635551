"""The seam that lets benchmarks/feature_compare.py run the whole judge with another intent scorer
(interviewer.text.model.installed): it takes effect everywhere the model is read, and only inside
its block."""

from __future__ import annotations

from array import array

from interviewer.models import Transcript, Turn
from interviewer.scoring.chain import score
from interviewer.text import read_turn
from interviewer.text.model import IntentModel, installed, load_model

SENTENCE = "Do you enjoy long walks with a dog on the weekend?"


def _biased(intent: str) -> IntentModel:
    """The shipped model with one intent's bias pushed to certainty: a real scorer that disagrees."""
    shipped = load_model()
    meta = {"intents": shipped.intents, "feature_set": shipped.feature_set, "buckets": shipped.buckets,
            "scale": shipped.scale, "bias": [30.0 if i == intent else b for i, b in zip(shipped.intents, shipped.bias)]}
    return IntentModel(array("b", shipped.weights), meta)


def test_an_installed_scorer_is_read_and_removed_after_its_block():
    shipped = load_model()
    assert read_turn(SENTENCE)[0].intents.get("pay_question", 0) < 0.5
    other = _biased("pay_question")
    with installed(other):
        assert load_model() is other
        assert read_turn(SENTENCE)[0].intents["pay_question"] >= 0.85
        with installed(None):  # None: the patterns decide alone
            assert load_model() is None
            assert "pay_question" not in read_turn(SENTENCE)[0].intents
        assert load_model() is other
    assert load_model() is shipped
    assert read_turn(SENTENCE)[0].intents.get("pay_question", 0) < 0.5


def test_the_whole_judge_reads_the_installed_scorer():
    t = Transcript(turns=[Turn(speaker="interviewer", name="Dana", text="Any questions for me?"),
                          Turn(speaker="candidate", name="Alex", text=SENTENCE)], role="Clinic Manager")
    before = score(t).verdict("next_steps")
    with installed(_biased("next_steps")):
        during = score(t).verdict("next_steps")
    assert before == "missed" and during != "missed"
    assert score(t).verdict("next_steps") == "missed"
