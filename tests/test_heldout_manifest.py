"""The held-out area is frozen: every file and label is hash-locked by tests/heldout/MANIFEST.json."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

from labelled_sets import HELDOUT, labelled_dir

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("freeze_heldout", ROOT / "benchmarks" / "freeze_heldout.py")
freeze = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(freeze)


def test_every_held_out_file_matches_its_recorded_hash():
    # The area may hold no set at all (between sets moving to development data and new ones arriving).
    on_disk = freeze.files_under(HELDOUT) if HELDOUT.is_dir() else {}
    recorded = freeze.recorded()
    edited = sorted(n for n in on_disk.keys() & recorded.keys() if on_disk[n] != recorded[n])
    assert not edited, f"held-out files were edited after freezing: {edited}"
    assert not sorted(on_disk.keys() - recorded.keys()), "files added to tests/heldout without freeze_heldout.py"
    assert not sorted(recorded.keys() - on_disk.keys()), "held-out files removed without removing their manifest lines"


def test_every_held_out_set_is_complete():
    for folder in sorted(p for p in HELDOUT.iterdir() if p.is_dir() and p.name != "__pycache__") if HELDOUT.is_dir() else []:
        items = labelled_dir(folder)
        assert items, f"{folder.name}: no labelled transcripts"
        for item in items:
            assert set(item.labels) == {"role_vision", "ballpark_check", "next_steps", "goals_alignment", "compensation", "mutual_fit"}


def test_the_freezer_only_appends(tmp_path, monkeypatch):
    area = tmp_path / "heldout"
    (area / "set_a").mkdir(parents=True)
    (area / "MANIFEST.json").write_text('{"files": {}}')
    (area / "set_a" / "x.labels.json").write_text('{"labels": {"next_steps": "missed"}}')
    monkeypatch.setattr(freeze, "HELDOUT", area)
    monkeypatch.setattr(freeze, "MANIFEST", area / "MANIFEST.json")
    assert freeze.main([str(area / "set_a")]) == 0
    assert "set_a/x.labels.json" in json.loads((area / "MANIFEST.json").read_text())["files"]
    (area / "set_a" / "x.labels.json").write_text('{"labels": {"next_steps": "covered"}}')  # a label flipped
    before = (area / "MANIFEST.json").read_text()
    assert freeze.main([str(area / "set_a")]) == 2
    assert (area / "MANIFEST.json").read_text() == before
    shutil.rmtree(area / "set_a")
    assert freeze.main([str(tmp_path)]) == 2  # outside the area


def _area(tmp_path, monkeypatch, manifest: str | None):
    area = tmp_path / "heldout"
    area.mkdir()
    if manifest is not None:
        (area / "MANIFEST.json").write_text(manifest)
    monkeypatch.setattr(freeze, "HELDOUT", area)
    monkeypatch.setattr(freeze, "MANIFEST", area / "MANIFEST.json")
    return area


def test_a_missing_or_empty_manifest_is_an_empty_area(tmp_path, monkeypatch):
    area = _area(tmp_path, monkeypatch, None)
    assert freeze.recorded() == {}
    (area / "MANIFEST.json").write_text("")
    assert freeze.recorded() == {}
    (area / "set_a").mkdir()
    (area / "set_a" / "x.labels.json").write_text("{}")
    assert freeze.main([str(area / "set_a")]) == 0
    assert list(freeze.recorded()) == ["set_a/x.labels.json"]


def test_a_set_from_outside_is_copied_in_and_recorded_never_overwriting(tmp_path, monkeypatch):
    area = _area(tmp_path, monkeypatch, '{"files": {}}')
    new = tmp_path / "incoming" / "setD"
    new.mkdir(parents=True)
    (new / "a.labels.json").write_text('{"labels": {}}')
    (new / "a.txt").write_text("Interviewer: hi")
    assert freeze.main([str(new)]) == 0
    assert (area / "setD" / "a.txt").read_text() == "Interviewer: hi"
    assert set(freeze.recorded()) == {"setD/a.labels.json", "setD/a.txt"}
    (new / "a.txt").write_text("Interviewer: changed")
    assert freeze.main([str(new)]) == 2  # setD is already there: not overwritten
    assert (area / "setD" / "a.txt").read_text() == "Interviewer: hi"
    assert freeze.main([str(tmp_path / "incoming")]) == 2  # no labels: not a set


def test_release_drops_only_a_moved_set(tmp_path, monkeypatch):
    area = _area(tmp_path, monkeypatch, '{"files": {}}')
    for name in ("s1", "s2"):
        (area / name).mkdir()
        (area / name / "x.labels.json").write_text(name)
    assert freeze.main([str(area / "s1"), str(area / "s2")]) == 0
    assert freeze.main(["--release", "s1"]) == 2  # still here: refused
    shutil.rmtree(area / "s1")
    assert freeze.main(["--release", "s1"]) == 0
    assert set(freeze.recorded()) == {"s2/x.labels.json"}
    assert freeze.main(["--release", "s9"]) == 2
