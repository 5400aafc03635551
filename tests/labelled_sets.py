"""Load hand-labelled transcripts (see tests/LABELLING.md).

Development data: `tests/labelled/` and `tests/labelled_dev*/` (tuned on; the accuracy test and
the pattern pruning use them). Held-out data: `tests/heldout/<set>/`, hash-locked by
`tests/heldout/MANIFEST.json`; nothing here tunes on it and no test scores it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

TESTS = Path(__file__).resolve().parent
HELDOUT = TESTS / "heldout"
DEV_SETS = ("labelled",) + tuple(sorted((p.name for p in TESTS.glob("labelled_dev*") if p.is_dir()), key=lambda n: (len(n), n)))


@dataclass
class Labelled:
    path: Path
    candidate: str
    format: str
    labels: dict[str, str]
    notes: str


def labelled_dir(folder: Path) -> list[Labelled]:
    """Every `NAME.labels.json` in `folder` with its transcript `NAME.<ext>`."""
    out = []
    for sidecar in sorted(folder.glob("*.labels.json")):
        stem = sidecar.name[: -len(".labels.json")]
        path = next(p for p in folder.iterdir() if p.name.startswith(stem + ".") and not p.name.endswith(".labels.json"))
        data = json.loads(sidecar.read_text(encoding="utf-8"))
        out.append(Labelled(path, data["candidate"], data["format"], data["labels"], data.get("notes", "")))
    return out


def labelled(set_name: str) -> list[Labelled]:
    """A development set by name."""
    if set_name not in DEV_SETS:
        raise ValueError(f"{set_name} is not a development set")
    return labelled_dir(TESTS / set_name)


def available_sets() -> list[str]:
    """The development sets (never the held-out ones)."""
    return [s for s in DEV_SETS if (TESTS / s).is_dir() and any((TESTS / s).glob("*.labels.json"))]
