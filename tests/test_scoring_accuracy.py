"""The offline scorer against the *development* labelled sets, per criterion.

These sets were tuned on, so this is a regression guard, not a measure of generalisation
(that is `benchmarks/first_contact.py` on tests/heldout, recorded in benchmarks/first_contact.md).
Floors: 0.95 on the three core criteria and 0.90 on the others over all development sets
together, and a looser per-set floor so one weak set cannot hide behind the others. The judge
prefers `partial` when unsure, so a little dev accuracy was traded for fewer false `covered`.
"""

from __future__ import annotations

import pytest
from labelled_sets import available_sets, labelled

from interviewer.models import CORE_CRITERIA, CRITERIA
from interviewer.scoring.chain import score
from interviewer.transcripts import load

FLOOR = {c: (0.95 if c in CORE_CRITERIA else 0.90) for c in CRITERIA}
PER_SET_FLOOR = 0.85
# Sets released from the held-out area below the per-set floor keep a floor at their current score
# (rounded down), so they guard against getting worse without pretending they are fitted.
# (dev21 started at role_vision .84 and goals_alignment .78; after the fifth pass every set is at or above .85.)
# P-W (dev25-32) were released after their first contact with the sixth-pass freeze: floors at their
# scores on release, below the per-set floor; X-AA (dev33-36) the same after the seventh-pass freeze, AB-AE (dev37-40) after the ninth,
# AF-AI (dev41-44) after the tenth.
SET_FLOORS: dict[tuple[str, str], float] = {
    ("labelled_dev29", "next_steps"): 0.81,
    ("labelled_dev31", "role_vision"): 0.81,
    ("labelled_dev32", "role_vision"): 0.78,
    ("labelled_dev33", "role_vision"): 0.84,
    ("labelled_dev36", "compensation"): 0.84,
    ("labelled_dev37", "goals_alignment"): 0.78,
    ("labelled_dev39", "role_vision"): 0.81,
    # AF-AI (dev41-44) after the tenth-pass freeze: released at dev41 ns .84 ga .81 mf .81, dev42 rv .78, dev44 rv .84;
    # the eleventh pass (read dev41+42) lifted dev41 and dev42 above the per-set floor, dev43+44 are read-blind.
    ("labelled_dev44", "role_vision"): 0.84,
}


def _score_set(name: str) -> tuple[dict[str, list[bool]], list[str]]:
    hits: dict[str, list[bool]] = {c: [] for c in CRITERIA}
    misses = []
    for item in labelled(name):
        transcript, _, dialogue = load(item.path, item.candidate)
        report = score(transcript, dialogue.format)
        for c in CRITERIA:
            ok = report.verdict(c) == item.labels[c]
            hits[c].append(ok)
            if not ok:
                misses.append(f"{item.path.name}: {c} got {report.verdict(c)}, labelled {item.labels[c]}")
    return hits, misses


@pytest.fixture(scope="module")
def results():
    return {name: _score_set(name) for name in available_sets()}


def test_there_are_enough_labelled_transcripts():
    items = [i for s in available_sets() for i in labelled(s)]
    assert len(labelled("labelled")) >= 30
    assert {i.format for i in items} == {"json", "plain", "zoom_vtt", "teams_vtt", "otter", "timestamped"}
    for c in CRITERIA:  # every verdict a criterion can take is represented
        wanted = {"covered", "partial", "missed"} | ({"not_applicable"} if c == "compensation" else set())
        assert {i.labels[c] for i in items} >= wanted, c


def test_accuracy_over_all_sets_meets_the_floor(results):
    table = []
    for c in CRITERIA:
        all_hits = [h for hits, _ in results.values() for h in hits[c]]
        acc = sum(all_hits) / len(all_hits)
        table.append((c, acc, len(all_hits)))
    print("\ncriterion        accuracy  n")
    for c, acc, n in table:
        print(f"{c:16s} {acc:8.3f}  {n}")
    misses = [m for _, ms in results.values() for m in ms]
    for c, acc, _ in table:
        assert acc >= FLOOR[c], f"{c}: {acc:.3f} < {FLOOR[c]}; misses: {misses}"


@pytest.mark.parametrize("name", available_sets())
def test_each_set_meets_a_per_set_floor(results, name):
    hits, misses = results[name]
    for c in CRITERIA:
        acc = sum(hits[c]) / len(hits[c])
        floor = SET_FLOORS.get((name, c), PER_SET_FLOOR)
        assert acc >= floor, f"{name} {c}: {acc:.3f} < {floor}; misses: {misses}"
