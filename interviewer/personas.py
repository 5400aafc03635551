"""Load and validate personas, candidate scripts and role files. Nothing else."""

from __future__ import annotations

import tomllib
from pathlib import Path

from typing import TypeVar

from pydantic import BaseModel, ValidationError

from interviewer.errors import UserError, describe_validation
from interviewer.files import parse_json, read_bytes
from interviewer.models import CandidateScript, Persona, Role
from interviewer.resources import data_dir

DEFAULT_PERSONA = "sales-manager"
MAX_DATA_BYTES = 1024 * 1024  # a role, brief or notes file is a page or two


def load_data(path: Path) -> dict:
    raw = read_bytes(path, MAX_DATA_BYTES)  # regular files only: a FIFO never blocks us
    try:
        text = raw.decode("utf-8-sig")
        if path.suffix.lower() == ".json":
            data = parse_json(text)
        else:
            try:
                data = tomllib.loads(text)
            except RecursionError:
                raise ValueError("nested too deeply") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError) as e:
        reason = str(e).splitlines()[0]
        raise UserError(f"{path}: not valid {'JSON' if path.suffix == '.json' else 'TOML'}: {reason}") from None
    if not isinstance(data, dict):
        raise UserError(f"{path}: expected a table of fields at the top level")
    return data


M = TypeVar("M", bound=BaseModel)


def _validated(model: type[M], path: Path) -> M:
    try:
        return model.model_validate(load_data(path))
    except ValidationError as e:
        raise UserError(describe_validation(path, e)) from None


def persona_paths() -> dict[str, Path]:
    return {p.stem: p for p in sorted(data_dir("personas").glob("*.toml"))}


def load_persona(name_or_path: str = DEFAULT_PERSONA) -> Persona:
    """A persona by id (`sales-manager`) or by path to a TOML file of the user's own."""
    path = Path(name_or_path)
    if not path.suffix:
        known = persona_paths()
        if name_or_path not in known:
            raise UserError(f"unknown persona '{name_or_path}'; choose one of: {', '.join(known)}")
        path = known[name_or_path]
    return _validated(Persona, path)


def all_personas() -> list[Persona]:
    return [_validated(Persona, p) for p in persona_paths().values()]


def load_candidate_script(name: str) -> CandidateScript:
    folder = data_dir("personas") / "candidates"
    known = {p.stem: p for p in sorted(folder.glob("*.toml"))}
    if name not in known:
        raise UserError(f"unknown demo candidate '{name}'; choose one of: {', '.join(known)}")
    return _validated(CandidateScript, known[name])


def load_example_role(name: str) -> Role:
    """A role file shipped in personas/roles/ (used by the simulator and its tests)."""
    known = {p.stem: p for p in sorted((data_dir("personas") / "roles").glob("*.toml"))}
    if name not in known:
        raise UserError(f"unknown example role '{name}'; choose one of: {', '.join(known)}")
    return _validated(Role, known[name])


def load_role(path: str | Path) -> Role:
    """`--role FILE`: TOML or JSON with title, company, description, first_interview_notes."""
    return _validated(Role, Path(path))


def adapt(persona: Persona, role: Role | None) -> Persona:
    """The interviewer for the user's own role: a whole persona built from the role file and its
    family's defaults (interviewer/roles.py), at the chosen persona's level. Nothing of the
    chosen persona's own facts is kept."""
    if role is None:
        return persona
    from interviewer.roles import persona_for_role

    return persona_for_role(role, default_level=persona.level)
