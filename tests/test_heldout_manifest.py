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


def _recorded() -> dict[str, str]:
    return json.loads((HELDOUT / "MANIFEST.json").read_text(encoding="utf-8"))["files"]


def test_every_held_out_file_matches_its_recorded_hash():
    on_disk = freeze.files_under(HELDOUT)
    recorded = _recorded()
    edited = sorted(n for n in on_disk.keys() & recorded.keys() if on_disk[n] != recorded[n])
    assert not edited, f"held-out files were edited after freezing: {edited}"
    assert not sorted(on_disk.keys() - recorded.keys()), "files added to tests/heldout without freeze_heldout.py"
    assert not sorted(recorded.keys() - on_disk.keys()), "held-out files removed without removing their manifest lines"


def test_every_held_out_set_is_complete():
    for folder in sorted(p for p in HELDOUT.iterdir() if p.is_dir() and p.name != "__pycache__"):
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
