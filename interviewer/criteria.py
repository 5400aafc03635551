"""The criterion registry, built from prompts/rubric.toml: criterion ids (in rubric order), which
are core, and the verdicts with their marks and levels. Each is spelled once, in that file."""

from __future__ import annotations

from functools import cache

from interviewer import prompts


@cache
def _rubric() -> dict:
    return prompts.data("rubric.toml")


def _criteria() -> tuple[str, ...]:
    return tuple(k for k, v in _rubric().items() if isinstance(v, dict) and "definition" in v)


CRITERIA: tuple[str, ...] = _criteria()
CORE_CRITERIA: tuple[str, ...] = tuple(c for c in CRITERIA if _rubric()[c].get("core"))
VERDICTS: tuple[str, ...] = tuple(_rubric()["verdicts"])
VERDICT_MARK: dict[str, str] = {v: t["mark"] for v, t in _rubric()["verdicts"].items()}
VERDICT_LABEL: dict[str, str] = {v: t["label"] for v, t in _rubric()["verdicts"].items()}
# The live coach during a session: a miss so far is only "not yet".
COACH_MARK: dict[str, str] = {v: t["coach_mark"] for v, t in _rubric()["verdicts"].items()}
COACH_LABEL: dict[str, str] = {v: t["coach_label"] for v, t in _rubric()["verdicts"].items()}
LEVEL: dict[str, int] = {v: t["level"] for v, t in _rubric()["verdicts"].items() if t["level"] >= 0}
TITLE: dict[str, str] = {c: _rubric()[c]["title"] for c in CRITERIA}
LABEL: dict[str, str] = {c: _rubric()[c]["label"] for c in CRITERIA}  # short name, for charts and tables
SHORT: dict[str, str] = {c: _rubric()[c]["short"] for c in CRITERIA}  # one word
