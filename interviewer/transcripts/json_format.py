"""The tool's own transcript JSON: {"id", "persona", "role", ..., "turns": [{speaker, name, text, at}]}."""

from __future__ import annotations

from datetime import datetime

from interviewer.files import parse_json

from .base import Dialogue, TranscriptError, Utterance

FORMAT = "json"

_META_KEYS = ("id", "persona", "role", "backend", "model")


def _load(text: str) -> object:
    return parse_json(text.lstrip("\ufeff"))


def sniff(text: str) -> float:
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped[:1] in ("{", "["):
        return 0.0
    try:
        data = _load(stripped)
    except ValueError:
        return 0.3 if '"turns"' in stripped else 0.05
    if isinstance(data, dict) and isinstance(data.get("turns"), list):
        return 1.0
    if isinstance(data, list) and data and all(isinstance(t, dict) and "text" in t for t in data):
        return 0.8
    return 0.1


def _parse_at(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def parse(text: str) -> Dialogue:
    try:
        data = _load(text)
    except ValueError as e:
        raise TranscriptError(f"not valid JSON: {e}") from None
    meta: dict[str, str] = {}
    if isinstance(data, list):
        turns = data
    elif isinstance(data, dict):
        turns = data.get("turns")
        meta = {k: str(data[k]) for k in _META_KEYS if isinstance(data.get(k), (str, int, float)) and str(data[k]).strip()}
    else:
        turns = None
    if not isinstance(turns, list):
        raise TranscriptError('no speaker labels found: the JSON has no "turns" list')

    utterances: list[Utterance] = []
    roles: dict[str, str] = {}
    first_at: datetime | None = None
    for i, t in enumerate(turns, 1):
        if not isinstance(t, dict):
            raise TranscriptError(f"turn {i} in the JSON is not an object")
        speaker_raw = str(t.get("speaker") or "").strip()
        speaker = speaker_raw.lower()
        name = str(t.get("name") or "").strip()
        if not name:
            name = speaker.capitalize() if speaker in ("interviewer", "candidate") else speaker_raw
        text_ = t.get("text")
        if not name:
            raise TranscriptError(f"turn {i} in the JSON has no speaker or name")
        if text_ is None:
            text_ = ""
        at = _parse_at(t.get("at"))
        if at is not None and first_at is None:
            first_at = at
        start = None
        if at is not None and first_at is not None:
            try:
                start = (at - first_at).total_seconds()
            except TypeError:  # naive vs aware
                start = None
        if speaker in ("interviewer", "candidate"):
            roles.setdefault(name, speaker)
        utterances.append(Utterance(name=name, text=str(text_).strip(), start=start, at=at))
    return Dialogue(format=FORMAT, utterances=utterances, roles=roles, meta=meta)
