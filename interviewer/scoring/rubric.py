"""Load the rubric data file (`prompts/rubric.toml`) into validated models."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, ValidationError

from interviewer import prompts
from interviewer.errors import UserError, describe_validation
from interviewer.models import CRITERIA


class Criterion(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    title: str
    core: bool
    definition: str
    counts: list[str]
    does_not_count: list[str]
    why: str
    did_covered: str
    did_partial: str
    did_missed: str
    try_saying: str
    try_saying_default: str

    def text(self, key: str, default: str = "") -> str:
        return getattr(self, key, None) or (self.model_extra or {}).get(key, default)


@cache
def load_rubric() -> dict[str, Criterion]:
    raw = prompts.data("rubric.toml")
    missing = [c for c in CRITERIA if c not in raw]
    if missing:
        raise UserError(f"prompts/rubric.toml: missing criteria {', '.join(missing)}")
    try:
        return {c: Criterion(id=c, **raw[c]) for c in CRITERIA}
    except ValidationError as e:
        raise UserError(describe_validation("prompts/rubric.toml", e)) from None
