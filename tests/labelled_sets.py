"""Load the hand-labelled transcripts (see tests/LABELLING.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

TESTS = Path(__file__).resolve().parent
SETS = ("labelled",) + tuple(sorted((p.name for p in TESTS.glob("labelled_holdout*") if p.is_dir()), key=lambda n: (len(n), n)))


@dataclass
class Labelled:
    path: Path
    candidate: str
    format: str
    labels: dict[str, str]
    notes: str


def labelled(set_name: str) -> list[Labelled]:
    folder = TESTS / set_name
    out = []
    for sidecar in sorted(folder.glob("*.labels.json")):
        stem = sidecar.name[: -len(".labels.json")]
        path = next(p for p in folder.iterdir() if p.name.startswith(stem + ".") and not p.name.endswith(".labels.json"))
        data = json.loads(sidecar.read_text())
        out.append(Labelled(path, data["candidate"], data["format"], data["labels"], data.get("notes", "")))
    return out


def available_sets() -> list[str]:
    return [s for s in SETS if (TESTS / s).is_dir() and any((TESTS / s).glob("*.labels.json"))]
