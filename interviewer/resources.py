"""Where the data files live: `prompts/` and `personas/` at the repository root in a checkout
or an editable install, or `interviewer/_data/` inside a built wheel."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The folder for `prompts` or `personas`; INTERVIEWER_DATA overrides both roots."""
    roots = []
    if os.environ.get("INTERVIEWER_DATA"):
        roots.append(Path(os.environ["INTERVIEWER_DATA"]))
    roots += [_PACKAGE / "_data", _PACKAGE.parent]
    for root in roots:
        if (root / name).is_dir():
            return root / name
    raise FileNotFoundError(f"data folder '{name}' not found under {', '.join(map(str, roots))}")


def user_dir(create: bool = True) -> Path:
    """The user's data folder (sessions database); INTERVIEWER_HOME overrides it."""
    if os.environ.get("INTERVIEWER_HOME"):
        path = Path(os.environ["INTERVIEWER_HOME"])
        where = "INTERVIEWER_HOME"
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        path = Path(base) / "interviewer"
        where = "the data folder"
    if create:
        from interviewer.errors import UserError

        if path.exists() and not path.is_dir():
            raise UserError(f"{where} ({path}) is a file, not a folder; point INTERVIEWER_HOME at a folder")
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UserError(f"cannot create {where} {path}: {e.strerror or e}") from None
    return path
