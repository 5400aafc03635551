"""Record the SHA-256 of every file of a new held-out set in tests/heldout/MANIFEST.json.

Append-only: a file already recorded must still match its hash, or this refuses (exit 2).

    python benchmarks/freeze_heldout.py tests/heldout/SET [tests/heldout/SET2 ...]
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HELDOUT = Path(__file__).resolve().parent.parent / "tests" / "heldout"
MANIFEST = HELDOUT / "MANIFEST.json"
UNLOCKED = {"MANIFEST.json"}  # the manifest cannot hash itself


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_under(folder: Path) -> dict[str, str]:
    """Relative path (posix) -> sha256 for every file under `folder`, relative to tests/heldout."""
    return {p.relative_to(HELDOUT).as_posix(): digest(p) for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(HELDOUT).as_posix() not in UNLOCKED and "__pycache__" not in p.parts}


def main(argv: list[str]) -> int:
    recorded = json.loads(MANIFEST.read_text(encoding="utf-8"))["files"]
    for arg in argv or [str(HELDOUT)]:
        folder = Path(arg).resolve()
        if not folder.is_dir() or HELDOUT not in (folder, *folder.parents):
            print(f"error: {arg} is not a folder under tests/heldout", file=sys.stderr)
            return 2
        for name, sha in files_under(folder).items():
            if name in recorded and recorded[name] != sha:
                print(f"error: {name} changed since it was frozen; held-out files are never edited", file=sys.stderr)
                return 2
            recorded.setdefault(name, sha)
    MANIFEST.write_text(json.dumps({"files": dict(sorted(recorded.items()))}, indent=1) + "\n", encoding="utf-8")
    print(f"{len(recorded)} files recorded in {MANIFEST.relative_to(HELDOUT.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
