"""Importing interview transcripts: read a file safely, detect its format, parse it into turns,
and find the candidate.

    transcript, choice, dialogue = load("interview.vtt")

Formats (ids): json (the tool's own), plain ("Name: text"), zoom_vtt, teams_vtt, otter,
timestamped ("[00:01:23] Name: text"). Each parser module has `sniff(text) -> 0..1` and
`parse(text) -> Dialogue`; `detect` picks the most confident, from the content alone.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path
from types import ModuleType

from interviewer.errors import UserError
from interviewer.files import read_bytes
from interviewer.models import Transcript, Turn

from . import json_format, otter, plain, teams_vtt, timestamped, zoom_vtt
from .base import Dialogue, TranscriptError, Utterance, merge_utterances
from .candidate import CandidateChoice, identify_candidate, match_speaker

__all__ = [
    "MAX_BYTES",
    "FORMATS",
    "CandidateChoice",
    "Dialogue",
    "TranscriptError",
    "Utterance",
    "detect",
    "identify_candidate",
    "load",
    "match_speaker",
    "parse",
    "read_text",
    "to_transcript",
]

MAX_BYTES = 10 * 1024 * 1024

# In tie order: the more specific format first.
_PARSERS: dict[str, ModuleType] = {
    m.FORMAT: m for m in (json_format, teams_vtt, zoom_vtt, timestamped, otter, plain)
}
FORMATS: tuple[str, ...] = tuple(_PARSERS)

# How each parser joins consecutive pieces of one speaker: fragments of a sentence, or paragraphs.
_MERGE_SEP = {"json": "\n", "plain": "\n", "zoom_vtt": " ", "teams_vtt": " ", "otter": "\n", "timestamped": " "}


# --- reading ------------------------------------------------------------------------------

_TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\v", "\x1b"}


def _decode(data: bytes) -> str | None:
    """Decode by BOM, then UTF-8, cp1252, latin-1. None when it is not text (binary)."""
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    )
    for bom, enc in boms:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError:
                return data[len(bom):].decode(enc, errors="replace")
    if b"\x00" in data:
        enc = _bomless_utf16(data)
        if enc is None:
            return None
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            return None
    for enc in ("utf-8", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII text has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    n = len(data) // 2
    if odd.count(0) > 0.9 * n and even.count(0) < 0.05 * n:
        return "utf-16-le"
    if even.count(0) > 0.9 * n and odd.count(0) < 0.05 * n:
        return "utf-16-be"
    return None


def _mostly_binary(text: str) -> bool:
    sample = text[:200_000]
    if not sample:
        return False
    bad = sum(
        1
        for ch in sample
        if ch == "\ufffd" or (unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in _TEXT_CONTROLS)
    )
    return bad / len(sample) > 0.05


def read_text(path: str | Path) -> str:
    """The text of a transcript file, newlines normalised. Never writes to the file.

    Raises TranscriptError for a missing file, a directory, an empty or whitespace-only file,
    one over MAX_BYTES, or a binary file.
    """
    p = Path(path)
    try:  # regular files only, checked before opening: a FIFO or a device never blocks us
        data = read_bytes(p, MAX_BYTES, "transcript file")
    except UserError as e:
        raise TranscriptError(str(e)) from None
    if not data:
        raise TranscriptError(f"{p} is empty")
    text = _decode(data)
    if text is None or _mostly_binary(text):
        raise TranscriptError(f"{p} looks like a binary file, not a transcript")
    text = normalise_newlines(text)
    if not text.strip():
        raise TranscriptError(f"{p} is empty")
    return text


def normalise_newlines(text: str) -> str:
    """Drop a leading BOM and turn CRLF, CR and Unicode line/paragraph separators into "\\n"."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u2028", "\n").replace("\u2029", "\n")


# --- detection and parsing ----------------------------------------------------------------


def sniff_all(text: str) -> dict[str, float]:
    """Every format's confidence that the text is in it."""
    text = normalise_newlines(text)
    return {fmt: m.sniff(text) for fmt, m in _PARSERS.items()}


def detect(text: str) -> str:
    """The format id whose sniff is most confident (ties go to the more specific format)."""
    scores = sniff_all(text)
    best = max(scores.values())
    if best <= 0.0:
        return plain.FORMAT
    return next(fmt for fmt in FORMATS if scores[fmt] == best)


_EXPECT = {
    "json": 'a "turns" list of {"speaker", "name", "text"}',
    "plain": "lines like 'Name: text'",
    "zoom_vtt": "cue lines like 'Name: text'",
    "teams_vtt": "cues like '<v Name>text</v>'",
    "otter": "lines like 'Name  0:03' above each paragraph",
    "timestamped": "lines like '[00:01:23] Name: text'",
}


def parse(text: str, format: str | None = None) -> Dialogue:
    """Parse transcript text into a Dialogue of at least two speakers, merged and cleaned."""
    text = normalise_newlines(text)
    fmt = format or detect(text)
    if fmt not in _PARSERS:
        raise TranscriptError(f"unknown transcript format '{fmt}'; formats: {', '.join(FORMATS)}")
    try:
        dialogue = _PARSERS[fmt].parse(text)
    except TranscriptError:
        raise
    except (ValueError, LookupError, TypeError, AttributeError, RecursionError) as e:
        # a parser bug on an odd file must still surface as one line naming the problem
        raise TranscriptError(f"could not read the transcript as {fmt}: {type(e).__name__}: {e}") from None
    utterances = merge_utterances(dialogue.utterances, sep=_MERGE_SEP.get(fmt, "\n"))
    dialogue = dialogue.model_copy(update={"utterances": utterances, "format": fmt})
    speakers = dialogue.speakers
    if not speakers:
        raise TranscriptError(f"no speaker labels found (read as {fmt}; expected {_EXPECT[fmt]})")
    if len(speakers) == 1:
        raise TranscriptError(
            f"only one speaker ({speakers[0]}) found; a review needs the interviewer and the candidate"
        )
    return dialogue


# --- into the tool's Transcript -----------------------------------------------------------

_ROLE_KEYS = re.compile(r"^\s*(?:role|position|job(?: title)?|role title|vacancy|opening)\s*[:：]\s*(?P<v>.+?)\s*$", re.I)


def role_from_header(dialogue: Dialogue) -> str | None:
    """The role, when the file states it: the JSON's "role", or a header line 'Role: Sales Analyst'."""
    if dialogue.meta.get("role"):
        return dialogue.meta["role"]
    for line in dialogue.header:
        m = _ROLE_KEYS.match(line)
        if m and len(m.group("v")) <= 80:
            return m.group("v")
    return None


def to_transcript(dialogue: Dialogue, candidate_name: str) -> Transcript:
    """The tool's Transcript: `candidate_name` speaks as the candidate, everyone else as the interviewer."""
    if candidate_name not in dialogue.speakers:
        raise TranscriptError(
            f"candidate '{candidate_name}' is not in the transcript; speakers: {', '.join(dialogue.speakers)}"
        )
    turns = [
        Turn(
            speaker="candidate" if u.name == candidate_name else "interviewer",
            name=u.name,
            text=u.text,
            at=u.at,
        )
        for u in dialogue.utterances
    ]
    meta = dialogue.meta
    return Transcript(
        id=meta.get("id"),
        persona=meta.get("persona"),
        role=role_from_header(dialogue),
        backend=meta.get("backend"),
        model=meta.get("model"),
        turns=turns,
    )


def load(
    path: str | Path, candidate: str | None = None, format: str | None = None
) -> tuple[Transcript, CandidateChoice, Dialogue]:
    """Read, parse, find the candidate and convert: the whole import in one call."""
    text = read_text(path)
    dialogue = parse(text, format)
    choice = identify_candidate(dialogue, candidate)
    return to_transcript(dialogue, choice.name), choice, dialogue
