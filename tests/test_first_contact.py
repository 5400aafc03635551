"""benchmarks/first_contact.py measures what it says: exact, detection, covered-vs-not, false covered."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

from labelled_sets import labelled

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("first_contact", ROOT / "benchmarks" / "first_contact.py")
fc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fc)


def test_a_wrong_label_shows_up_in_every_measure(tmp_path):
    items = labelled("labelled")[:3]
    for it in items:
        shutil.copy(it.path, tmp_path / it.path.name)
        shutil.copy(it.path.with_name(it.path.name.rsplit(".", 1)[0] + ".labels.json"), tmp_path)
    honest = fc.measure(tmp_path)
    first = items[0]
    side = tmp_path / (first.path.name.rsplit(".", 1)[0] + ".labels.json")
    data = json.loads(side.read_text())
    # Flip one label to the opposite of what the judge says: it must count as wrong everywhere.
    from interviewer.scoring.chain import score
    from interviewer.transcripts import load

    t, _, d = load(first.path, first.candidate)
    said = score(t, d.format).verdict("next_steps")
    data["labels"]["next_steps"] = "missed" if said == "covered" else "covered"
    side.write_text(json.dumps(data))
    flipped = fc.measure(tmp_path)
    before, after = honest["criteria"]["next_steps"], flipped["criteria"]["next_steps"]
    assert after["exact"] < before["exact"] and after["covered_vs_not"] < before["covered_vs_not"]
    assert after["false_covered"] == before["false_covered"] + (said == "covered")
    assert flipped["quote_verbatim_rate"] == 1.0


def test_bad_folder_is_one_line_and_exit_2(tmp_path):
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "first_contact.py"), str(tmp_path / "nope")],
                       capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 2 and r.stderr.strip().startswith("error:") and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
