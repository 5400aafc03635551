"""User-facing errors: the CLI prints str(error) as one line and exits 2."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError


class UserError(Exception):
    """Bad input from the user (file, flag, name). Its message is one line."""


def describe_validation(path: Path | str, error: ValidationError) -> str:
    """One line naming the file and the first bad field, e.g. `x.toml: lines.close: Field required`."""
    first = error.errors()[0]
    field = ".".join(str(p) for p in first["loc"]) or "(top level)"
    more = f" (+{error.error_count() - 1} more)" if error.error_count() > 1 else ""
    return f"{path}: {field}: {first['msg']}{more}"
