"""Shared pieces of the transcript parsers: the parsed shapes, the error, and text helpers.

A parser turns the text of one transcript format into a `Dialogue`: who said what, in order.
Nothing here knows who the candidate is; `candidate.py` decides that.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from typing import Iterable, Literal

from pydantic import BaseModel, Field

from interviewer.errors import UserError

RoleName = Literal["interviewer", "candidate"]


class TranscriptError(UserError):
    """A transcript that cannot be read or parsed. Its str is one line naming the problem."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))


class Utterance(BaseModel):
    name: str
    text: str
    start: float | None = Field(default=None, description="seconds from the start of the recording")
    at: datetime | None = Field(default=None, description="wall-clock time, when the format has it (json)")


class Dialogue(BaseModel):
    format: str
    utterances: list[Utterance] = Field(default_factory=list)
    header: list[str] = Field(default_factory=list, description="lines before the dialogue (title, date, ...)")
    roles: dict[str, RoleName] = Field(default_factory=dict, description="roles the file states outright")
    meta: dict[str, str] = Field(default_factory=dict, description="id/persona/role/... when the format has them")

    @property
    def speakers(self) -> list[str]:
        """Speaker names in order of first appearance."""
        seen: dict[str, None] = {}
        for u in self.utterances:
            seen.setdefault(u.name, None)
        return list(seen)


# --- merging ------------------------------------------------------------------------------


def join_text(a: str, b: str, sep: str = " ") -> str:
    a, b = a.strip(), b.strip()
    if not a:
        return b
    if not b:
        return a
    return f"{a}{sep}{b}"


def merge_utterances(utterances: Iterable[Utterance], sep: str = " ") -> list[Utterance]:
    """Drop empty utterances and merge consecutive ones by the same speaker into one.

    `sep` joins the merged texts: a space for fragments of one turn (subtitle cues),
    a newline where each piece is its own paragraph.
    """
    out: list[Utterance] = []
    for u in utterances:
        text = u.text.strip()
        if not text:
            continue
        if out and out[-1].name == u.name:
            last = out[-1]
            out[-1] = last.model_copy(update={"text": join_text(last.text, text, sep)})
        else:
            out.append(u.model_copy(update={"text": text}))
    return out


class TurnBuilder:
    """Collects lines into utterances: a new speaker starts a turn, other lines continue it.

    A continuation after a blank line starts a new paragraph (joined with a newline);
    a continuation right under the previous line is joined with a space.
    """

    def __init__(self) -> None:
        self.utterances: list[Utterance] = []
        self._paragraph = False

    def start(self, name: str, text: str, start: float | None = None) -> None:
        self.utterances.append(Utterance(name=name, text=clean_line(text), start=start))
        self._paragraph = False

    def blank(self) -> None:
        self._paragraph = True

    def add(self, text: str) -> None:
        text = clean_line(text)
        if not text or not self.utterances:
            return
        last = self.utterances[-1]
        sep = "\n" if self._paragraph else " "
        last.text = join_text(last.text, text, sep)
        self._paragraph = False

    @property
    def current(self) -> str | None:
        return self.utterances[-1].name if self.utterances else None


# --- text helpers -------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")


def clean_line(s: str) -> str:
    return _SPACES.sub(" ", s).strip()


def nonempty_lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


CLOCK = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_CLOCK_RE = re.compile(r"^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$")


def parse_clock(s: str) -> float | None:
    """'01:02:03.500' / '02:03,5' / '2:03' -> seconds; None if it is not a clock."""
    m = _CLOCK_RE.match(s.strip())
    if not m:
        return None
    h, mnt, sec, frac = m.groups()
    value = int(h or 0) * 3600 + int(mnt) * 60 + int(sec)
    if frac:
        value += int(frac) / (10 ** len(frac))
    return float(value)


_END_MARK = re.compile(
    r"^\W*(?:end of (?:the )?(?:transcript|interview|recording|call|meeting)"
    r"|(?:meeting|transcription|recording|call) (?:ended|stopped)(?: after \d{1,2}(?::\d{2}){1,2})?)\W*$",
    re.I,
)
_BARE_CLOCK = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*$")


def is_end_marker(line: str) -> bool:
    """'--- End of transcript ---' and the like: not anyone's words."""
    return bool(_END_MARK.match(line.strip()))


_CUT_CLOCK = re.compile(r"^\s*[-*•]?\s*[\[(]?\d{1,2}(?::\d{0,2}){0,2}(?:[.,]\d{0,3})?[\])]?\s*$")


def drop_cut_last_line(lines: list[str]) -> list[str]:
    """A file cut off inside the time stamp of its last line ('[00:01:2', '00:05:'): drop that line."""
    k = len(lines) - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    if k >= 0 and ":" in lines[k] and _CUT_CLOCK.match(lines[k]):
        return lines[:k]
    return lines


def is_bare_clock(line: str) -> bool:
    """'00:05:00' alone on a line: a time stamp between turns (Google Meet), not anyone's words."""
    return bool(_BARE_CLOCK.match(line))


# --- speaker labels ("Name: text") --------------------------------------------------------

# Role labels say who is who outright.
CANDIDATE_LABELS = {"candidate", "a", "answer", "me", "interviewee", "applicant"}
INTERVIEWER_LABELS = {"interviewer", "q", "question", "hiring manager", "recruiter", "interviewer 1",
                      "interviewer 2", "interviewer 3"}
ROLE_LABELS = CANDIDATE_LABELS | INTERVIEWER_LABELS

# Keys that introduce a header line ("Date: 3 March 2026"), never a turn on their own.
HEADER_KEYS = {
    "date", "time", "when", "where", "role", "position", "job", "job title", "location", "place", "venue",
    "participants", "participant", "attendees", "present", "speakers", "subject", "title", "company",
    "notes", "note", "interviewers", "candidates", "meeting", "topic", "duration", "length", "recorded",
    "recording", "recorded on", "transcript", "source", "format", "stage", "round", "panel", "team",
    "department", "organizer", "organiser", "host", "platform", "summary", "agenda", "re", "from", "to",
    "cc", "sent", "type", "interview", "interview type", "call", "start time", "end time", "keywords",
    "file", "language", "panelists", "panellists", "level", "salary", "compensation", "employer",
    "interviewer", "candidate", "interviewee", "hiring manager", "recruiter", "with",
}

# Line openers that look like "Word: ..." but are not people.
NOT_NAMES = {
    "note", "notes", "example", "examples", "eg", "e.g", "ie", "i.e", "ps", "p.s", "nb", "edit", "update",
    "summary", "result", "results", "situation", "task", "action", "context", "problem", "solution",
    "impact", "outcome", "takeaway", "pros", "cons", "goal", "goals", "step", "first", "second", "third",
    "finally", "so", "well", "also", "but", "and", "yes", "no", "okay", "ok", "basically", "honestly",
    "actually", "then", "now", "today", "answer key", "warning", "tip", "fact", "reminder", "todo",
    "tl;dr", "tldr", "bottom line", "short answer", "long answer", "quote", "http", "https", "www",
    "mailto", "option", "plan", "idea", "point", "reason", "lesson", "challenge", "risk", "metric",
    "headline", "caveat", "translation", "correction", "background", "status", "priority",
}
_NOT_NAME_FIRST = {"i", "we", "you", "it", "this", "that", "these", "those", "here", "there", "my", "our",
                   "your", "the", "an", "so", "and", "but", "or", "if", "what", "why", "how", "when",
                   "which", "who", "one", "two", "three", "in", "on", "at", "for", "to", "of", "by",
                   "with", "as", "its", "his", "her", "their", "they", "he", "she", "let's", "lets"}
_PARTICLES = {"de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "du", "di", "bin", "bint",
              "al", "el", "dos", "das", "do", "ter", "ten", "y", "zu", "mc", "st"}

_LABEL_RE = re.compile(
    r"^\s*(\*\*|__)?(?P<label>[^\W\d_][^:\n]{0,44}?)(?:\1)?\s*[:：](?:\1)?(?P<rest>.*)$"
)
_LABEL_CHARS = re.compile(r"^[^\W\d_][\w .'’\-()&/]*$")
_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")

_ROLE_HINTS_INTERVIEWER = re.compile(r"\b(interviewer|hiring manager|recruiter|panel(?:ist|list)?|host|"
                                     r"manager|talent|hr|director|lead|vp|head)\b", re.I)
_ROLE_HINTS_CANDIDATE = re.compile(r"\b(candidate|interviewee|applicant|me)\b", re.I)


def split_label(line: str) -> tuple[str, str] | None:
    """'Dana Whitfield: text' -> ('Dana Whitfield', 'text'); None when the line has no label shape."""
    m = _LABEL_RE.match(line)
    if not m:
        return None
    label = clean_line(m.group("label").strip("*_ "))
    rest = m.group("rest").strip().lstrip("*_").strip()
    if not label or not _LABEL_CHARS.match(label):
        return None
    if rest.startswith("//"):  # a URL
        return None
    if label[-1].isdigit() and rest[:1].isdigit():  # a clock: "Dana 0:03"
        return None
    bare = _PAREN.sub(" ", label).strip()
    if not bare or len(label) > 40 or len(bare.split()) > 4:
        return None
    return label, rest


def label_key(label: str) -> str:
    return clean_line(_PAREN.sub(" ", label)).lower()


def is_role_label(label: str) -> bool:
    return label_key(label) in ROLE_LABELS


def label_role(label: str) -> RoleName | None:
    """The role a label states: 'Candidate', 'Q', 'Dana (Interviewer)' ..."""
    key = label_key(label)
    if key in CANDIDATE_LABELS:
        return "candidate"
    if key in INTERVIEWER_LABELS:
        return "interviewer"
    paren = _PAREN.search(label)
    if paren:
        inner = paren.group(1)
        if _ROLE_HINTS_CANDIDATE.search(inner):
            return "candidate"
        if _ROLE_HINTS_INTERVIEWER.search(inner):
            return "interviewer"
    return None


def _named_role(label: str) -> str | None:
    """'Interviewer (Dana)', 'Me (Alex)' -> the name in brackets after a role label; else None."""
    paren = _PAREN.search(label)
    if not paren or not is_role_label(label):
        return None
    inner = clean_line(paren.group(1))
    if not inner or is_role_label(inner) or _ROLE_HINTS_CANDIDATE.search(inner) \
            or _ROLE_HINTS_INTERVIEWER.search(inner) or not is_name_like(inner, strict=True):
        return None
    if label[paren.end():].strip():  # only 'Role (Name)', nothing after the bracket
        return None
    return inner


def speaker_name(label: str) -> str:
    """The name to show for a label: a parenthetical role is dropped ('Dana (Interviewer)' -> 'Dana'),
    and a role label names its person by the bracket ('Interviewer (Dana)' -> 'Dana');
    any other parenthetical stays, as the file spells the name ('Sam Patel (Guest)')."""
    label = clean_line(label)
    paren = _PAREN.search(label)
    if not paren:
        return label
    named = _named_role(label)
    if named:
        return named
    inner = paren.group(1)
    if _ROLE_HINTS_CANDIDATE.search(inner) or _ROLE_HINTS_INTERVIEWER.search(inner):
        bare = clean_line(_PAREN.sub(" ", label))
        return bare or label
    return label


def is_name_like(label: str, strict: bool = True) -> bool:
    """Could this label be a person (or a role)? Sentences before a colon are not.

    strict: every word capitalised (or a particle / number), as names are written;
    otherwise one lower-case token is allowed too (chat handles).
    """
    if is_role_label(label):
        return True
    bare = label_key(label)
    if not bare or bare in NOT_NAMES or bare in HEADER_KEYS:
        return False
    words = clean_line(_PAREN.sub(" ", label)).split()
    if not words or len(words) > 4:
        return False
    if words[0].lower().strip(".") in _NOT_NAME_FIRST:
        return False
    if bare.split()[0] in NOT_NAMES:
        return False
    for w in words:
        c = w[0]
        if c.isupper() or c.isdigit():
            continue
        if w.lower() in _PARTICLES:
            continue
        if not strict and len(words) == 1:
            continue
        return False
    return True


def speaker_labels(labels: Iterable[str], *, once_ok: Iterable[str] = ()) -> set[str]:
    """Which labels are speakers: name-like, and recurring or a role label (or in once_ok).

    When that finds fewer than two, names used once count too (a very short exchange).
    """
    labels = list(labels)
    counts = Counter(labels)
    once = set(once_ok)
    out = set()
    for lab, n in counts.items():
        key = label_key(lab)
        if is_role_label(lab):
            out.add(lab)
        elif key in HEADER_KEYS or key in NOT_NAMES:
            continue
        elif n >= 2 and is_name_like(lab, strict=False):
            out.add(lab)
        elif lab in once and is_name_like(lab, strict=True):
            out.add(lab)
    if len(out) < 2:
        # a very short exchange: names that appear once count too, when nothing else would
        out |= {lab for lab, n in counts.items()
                if n == 1 and label_key(lab) not in HEADER_KEYS and is_name_like(lab, strict=True)}
    return out


def roles_from_labels(labels: Iterable[str]) -> dict[str, RoleName]:
    """Roles stated in labels with a parenthetical, e.g. 'Sam Patel (Candidate)'."""
    roles: dict[str, RoleName] = {}
    for lab in labels:
        if _PAREN.search(lab):
            role = label_role(lab)
            if role:
                roles[speaker_name(lab)] = role
    return roles


# --- WebVTT cues --------------------------------------------------------------------------

_TIMING = re.compile(r"^\s*(\S+)\s+-->\s+(\S+)")
# what is left of a cue id or timing line when a file is cut off: "12", "00:00:1", "00:00:09.500 --"
_PARTIAL_CUE_HEAD = re.compile(r"^\s*(?:\d+|\d{1,2}:[\d:.,]*(?:\s*-{1,2}\s*)?)\s*$")
# "12", "3f2a1b0c-7d1e-4c2b-9a55-0c1d2e3f4a5b/14-1" (or the start of one)
_CUE_ID = re.compile(r"^\s*(?:\d+|[\w-]{1,40}/[\w-]*|(?=\S*\d)[0-9A-Fa-f-]{1,36})\s*$")


def _cut_cue_head(lines: list[str]) -> bool:
    """The last block of a file cut off before a cue's text: a cue id and/or part of its timing line."""
    if len(lines) == 1:
        return bool(_PARTIAL_CUE_HEAD.match(lines[0]) or _CUE_ID.match(lines[0]))
    return len(lines) == 2 and bool(_CUE_ID.match(lines[0]) and _PARTIAL_CUE_HEAD.match(lines[1]))


# a tag cut off at the end of a file: "<v Caroline Web", "</v", "<"
_CUT_TAG = re.compile(r"<(?:/?[A-Za-z.][^<>\n]*)?\Z")


def drop_cut_tag(s: str) -> str:
    """Drop a tag that the end of the file cut off before its '>'."""
    return _CUT_TAG.sub("", s)


class Cue(BaseModel):
    id: str | None = None
    start: float | None = None
    lines: list[str] = Field(default_factory=list)


def vtt_cues(text: str) -> list[Cue]:
    """Split a WebVTT (or SRT) file into cues. NOTE/STYLE/REGION blocks and the header are skipped.

    A block without a timing line that follows a cue is taken as more lines of that cue.
    """
    cues: list[Cue] = []
    blocks = re.split(r"\n[ \t]*\n", text.strip("\n"))
    for i, block in enumerate(blocks):
        lines = [ln.rstrip() for ln in block.split("\n")]
        lines = [ln for ln in lines if ln.strip()]
        if not lines:
            continue
        first = lines[0].strip()
        if i == 0 and first.startswith("WEBVTT"):
            # the header block; a cue may follow directly without a blank line in sloppy files
            rest = lines[1:]
            timing_at = next((k for k, ln in enumerate(rest) if _TIMING.match(ln)), None)
            if timing_at is None:
                continue
            lines = rest[max(0, timing_at - 1):] if timing_at and not _looks_like_header_kv(rest[timing_at - 1]) \
                else rest[timing_at:]
            first = lines[0].strip()
        if re.match(r"^(NOTE|STYLE|REGION)\b", first):
            continue
        timing_at = next((k for k, ln in enumerate(lines[:2]) if "-->" in ln), None)
        if timing_at is None:
            if i == len(blocks) - 1 and _cut_cue_head(lines):
                continue  # a file cut off inside the next cue's id or timing line
            if cues and not re.fullmatch(r"\d+", first):
                cues[-1].lines.extend(lines)
            continue
        m = _TIMING.match(lines[timing_at])
        start = parse_clock(m.group(1)) if m else None
        cue_id = lines[0].strip() if timing_at == 1 else None
        cues.append(Cue(id=cue_id, start=start, lines=[ln.strip() for ln in lines[timing_at + 1:]]))
    return cues


def _looks_like_header_kv(line: str) -> bool:
    return bool(re.match(r"^[A-Za-z-]+:\s", line))


def has_webvtt_header(text: str) -> bool:
    return text.lstrip("\ufeff \t\n").startswith("WEBVTT")


def timing_lines(text: str) -> int:
    return sum(1 for ln in text.split("\n") if _TIMING.match(ln) and "-->" in ln)
