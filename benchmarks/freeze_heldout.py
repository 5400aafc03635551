"""Record the SHA-256 of every file of a new held-out set in tests/heldout/MANIFEST.json.

Append-only: a file already recorded must still match its hash, or this refuses (exit 2).

    python benchmarks/freeze_heldout.py tests/heldout/SET [tests/heldout/SET2 ...]
    python benchmarks/freeze_heldout.py /somewhere/NEW_SET      # copies it to tests/heldout/NEW_SET, then records it
    python benchmarks/freeze_heldout.py --release SET           # after SET was moved to development data

A missing manifest counts as empty (a fresh area). `--release` only drops the lines of a set
that is no longer under tests/heldout (moved to a tests/labelled_devN in the same commit).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

HELDOUT = Path(__file__).resolve().parent.parent / "tests" / "heldout"
MANIFEST = HELDOUT / "MANIFEST.json"
UNLOCKED = {"MANIFEST.json", "README.md"}  # the manifest cannot hash itself; the README is the folder's rules, not data


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_under(folder: Path) -> dict[str, str]:
    """Relative path (posix) -> sha256 for every file under `folder`, relative to tests/heldout."""
    return {p.relative_to(HELDOUT).as_posix(): digest(p) for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(HELDOUT).as_posix() not in UNLOCKED and "__pycache__" not in p.parts}


def recorded() -> dict[str, str]:
    """The manifest's files; a missing or empty manifest is an empty area."""
    if not MANIFEST.is_file() or not MANIFEST.read_text(encoding="utf-8").strip():
        return {}
    return dict(json.loads(MANIFEST.read_text(encoding="utf-8")).get("files") or {})


def _write(files: dict[str, str]) -> None:
    MANIFEST.parent.mkdir(parents=True, exist_ok=True)
    MANIFEST.write_text(json.dumps({"files": dict(sorted(files.items()))}, indent=1) + "\n", encoding="utf-8")


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def release(names: list[str]) -> int:
    files = recorded()
    for name in names:
        name = Path(name).name
        if (HELDOUT / name).exists():
            return _fail(f"{name} is still under tests/heldout; move it to development data first")
        mine = [k for k in files if k.split("/", 1)[0] == name]
        if not mine:
            return _fail(f"no manifest lines for {name}")
        for k in mine:
            del files[k]
    _write(files)
    print(f"{len(files)} files recorded in {MANIFEST.relative_to(HELDOUT.parent.parent)}")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--release"]:
        return release(argv[1:]) if argv[1:] else _fail("--release needs a set name")
    files = recorded()
    for arg in argv or [str(HELDOUT)]:
        folder = Path(arg).resolve()
        if not folder.is_dir():
            return _fail(f"{arg} is not a folder")
        if HELDOUT not in (folder, *folder.parents):
            # A new set from outside: copied in whole, never overwriting a set already here.
            if not any(folder.glob("*.labels.json")):
                return _fail(f"{arg} has no *.labels.json: not a labelled set")
            target = HELDOUT / folder.name
            if target.exists():
                return _fail(f"tests/heldout/{folder.name} already exists")
            shutil.copytree(folder, target)
            folder = target
        for name, sha in files_under(folder).items():
            if name in files and files[name] != sha:
                return _fail(f"{name} changed since it was frozen; held-out files are never edited")
            files.setdefault(name, sha)
    _write(files)
    print(f"{len(files)} files recorded in {MANIFEST.relative_to(HELDOUT.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
