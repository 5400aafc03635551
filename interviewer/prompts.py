"""Load prompt templates and prompt data from `prompts/`. Nothing else."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from interviewer.resources import data_dir


class _Blank(dict):
    """Leaves unknown {placeholders} visible instead of raising, so a template edit never crashes."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@cache
def template(name: str) -> str:
    return (data_dir("prompts") / name).read_text(encoding="utf-8").strip()


@cache
def data(name: str) -> dict[str, Any]:
    with open(data_dir("prompts") / name, "rb") as f:
        return tomllib.load(f)


def fill(text: str, /, **values: Any) -> str:
    return text.format_map(_Blank(values))


def render(template_name: str, /, **values: Any) -> str:
    return fill(template(template_name), **values)
