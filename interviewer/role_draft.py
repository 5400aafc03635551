"""A capable model drafts what a role file leaves out, once, into the file for the user to edit.

The pydantic models below are the contract with the model: structured output, asking only for
the fields the file leaves empty. Every drafted value then passes the checks any persona text
passes: a length cap, no instruction-like text or chat-template debris, no proper noun of a
shipped persona and no figure the user didn't write. What passes is appended to the role file
as one `[drafted]` table under a comment. Appending is the only change: the user's bytes are
kept exactly (checked before the atomic replace), a copy of the file as it was is written beside
it first, and nothing is written at all on any model fault. A file with a `[drafted]` table is
never drafted again.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Callable

from pydantic import BaseModel, Field, ValidationError, create_model

from interviewer import guards, prompts
from interviewer.errors import UserError
from interviewer.files import read_bytes
from interviewer.models import Reality, Role, RoleDrafted
from interviewer.personas import MAX_DATA_BYTES, all_personas
from interviewer.resources import data_dir


def _text(cap: int, what: str) -> Any:
    # The cap is in the schema (llama.cpp's grammar enforces it; other models read it as a hint) and
    # checked per field below, so one over-long field is dropped instead of the whole draft.
    return Field(description=f"{what} (at most {cap} characters)", json_schema_extra={"maxLength": cap})


def _list(low: int, high: int, what: str) -> Any:
    return Field(description=what, json_schema_extra={"minItems": low, "maxItems": high})


Short = Annotated[str, Field(json_schema_extra={"maxLength": 40})]
Goal = Annotated[str, Field(json_schema_extra={"maxLength": 120})]


class DraftReality(BaseModel):
    topic: str = _text(60, "a short name for something true about this job that candidates often get wrong")
    keywords: list[Short] = _list(2, 5, "lower-case words a candidate would use when talking about it")
    misread_keywords: list[Short] = _list(1, 3, "lower-case words that show the common wrong read")
    truth: str = _text(160, "what is actually true")
    confirm: str = _text(160, "what the hiring manager says when the candidate reads it right")
    correct: str = _text(160, "what the hiring manager says, kindly, when the candidate reads it wrong")


class RoleDraftReply(BaseModel):
    """Everything a draft may contain; a request asks only for the fields the file leaves out."""

    company_summary: str = _text(200, "one sentence about the organisation, from the role file")
    description: str = _text(300, "what the job is, day to day, in the hiring manager's words")
    team: str = _text(200, "who is on the team and who the role works with, without names or numbers")
    goals: list[Goal] = _list(2, 3, "the team's or organisation's goals this year, one sentence each")
    typical_week: str = _text(250, "what a typical week in this job looks like")
    success: str = _text(250, "what success looks like after the first months and after a year")
    challenges: str = _text(250, "the hardest part of this job")
    tools: str = _text(250, "the tools and systems the job uses")
    schedule: str = _text(250, "the hours, shifts or schedule")
    realities: list[DraftReality] = _list(1, 2, "things true about the job that candidates often misread")


FACTS = ("typical_week", "success", "challenges", "tools", "schedule")
FIELDS = tuple(RoleDraftReply.model_fields)
CAPS = {name: (f.json_schema_extra or {}).get("maxLength", 0) for name, f in RoleDraftReply.model_fields.items()}
# Never drafted: pay, process, names, places and the level are facts of the user's real job a
# model can only invent; the family defaults say "the recruiter will confirm" instead.


def missing(role: Role) -> list[str]:
    """The draftable fields this role file leaves out; none once it has a `[drafted]` table."""
    if role.drafted is not None:
        return []
    have = {"company_summary": role.company_summary, "description": role.description, "team": role.team,
            "goals": role.goals, "realities": role.realities, **{k: role.facts.get(k, "") for k in FACTS}}
    return [name for name in FIELDS if not have[name]]


def contract(fields: list[str]) -> type[BaseModel]:
    """The reply model for just these fields, all required (the schema the model must fill)."""
    return create_model("RoleDraft", __doc__=RoleDraftReply.__doc__,
                        **{n: (RoleDraftReply.model_fields[n].annotation, RoleDraftReply.model_fields[n]) for n in fields})


# --- checks ---------------------------------------------------------------------------------

_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*\b")
_FIGURE = re.compile(r"\d[\d,.:/]*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_WEEK = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
         "April", "May", "June", "July", "August", "September", "October", "November", "December"}


def _base(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@cache
def shipped_names() -> frozenset[str]:
    """Proper nouns of the shipped personas: their names and companies, and capitalised words
    inside a sentence that never appear in lower case in the personas or the dialogue's data
    (so "Sales" or "Okay" are not names; "Priya" and "Charlotte" are)."""
    personas = all_personas()
    texts = [s for p in personas for s in _strings(p.model_dump())]
    texts += [s for f in ("role_families.toml", "questions.toml", "listening.toml") for s in _strings(prompts.data(f))]
    lower = {w for t in texts for w in re.findall(r"\b[a-z][\w'’-]*", t)}
    mid = re.compile(r"(?<=[\w,;:)] )" + _CAPITALISED.pattern[2:])
    capital = {w for p in personas for t in _strings(p.model_dump()) for w in mid.findall(t)}
    capital |= {w for p in personas for w in _CAPITALISED.findall(f"{p.name} {p.company}")}
    capital = {_base(w) for w in capital}
    generic = _WEEK | set(prompts.data("role_draft.toml")["not_names"])
    return frozenset(w for w in capital if w.lower() not in lower and w.rstrip("s") not in generic and not w.startswith("I'"))


@cache
def _vocabulary() -> frozenset[str]:
    """Words the shipped data writes in lower case (personas, prompts, dialogue data): a capitalised
    word outside it is a name or a place, which a draft must never invent."""
    texts = [s for p in all_personas() for s in _strings(p.model_dump())]
    folder = data_dir("prompts")
    texts += [s for f in sorted(folder.glob("*.toml")) for s in _strings(prompts.data(f.name))]
    texts += [f.read_text(encoding="utf-8") for f in sorted(folder.glob("*.md"))]
    return frozenset(w for t in texts for w in re.findall(r"\b[a-z][a-z'’-]*", t))


def invented_name(text: str, own: str) -> str:
    """A person's or place's name in drafted text that the user's own file doesn't give ('' if none).
    Mid-sentence, any capitalised word the shipped data never writes in lower case; at a sentence's
    start only a run of two such words ("Sarah Mitchell runs nights"), since "Patients ..." is a word."""
    common, mine = _vocabulary(), {w.lower() for w in re.findall(r"[\w'’-]+", own)}
    generic = _WEEK | set(prompts.data("role_draft.toml")["not_names"])

    def unknown(word: str) -> bool:
        base = _base(word)
        return base.lower() not in common and base.lower() not in mine and base not in generic and base.rstrip("s") not in generic

    for m in _CAPITALISED.finditer(text):
        word = m.group(0)
        if not unknown(word):
            continue
        before = text[:m.start()].rstrip()
        starts = not before or before[-1] in ".!?:;\"'“‘(-–—"
        nxt = _CAPITALISED.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
        if not starts or (nxt and unknown(nxt.group(0))):
            return _base(word)
    return ""


@cache
def _own_values(own: str) -> frozenset[str]:
    """The file's own string values, normalised: a draft that only repeats one adds nothing."""
    try:
        data = tomllib.loads(own)
    except tomllib.TOMLDecodeError:
        return frozenset()
    return frozenset(re.sub(r"\W+", " ", v).strip().lower() for v in _strings(data))


def _shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z']+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


_META = re.compile(r"\b(?:" + "|".join(re.escape(m) for m in prompts.data("role_draft.toml")["meta"]) + r")\b", re.I)


@cache
def _prompt_shingles() -> frozenset[tuple[str, ...]]:
    data = prompts.data("role_draft.toml")
    return frozenset(_shingles(data["system"] + "\n" + data["human"]))


def _problem(text: str, own: str, cap: int, sentence: bool = True) -> str:
    """Why this drafted text may not be used ('' when it may)."""
    if not text:
        return "empty"
    if sentence and len(text.split()) < 3 and (" " in text or len(text) < 12):  # (scripts without spaces count by length)
        return "too short to say anything"
    if cap and len(text) > cap:
        return "too long"
    if cap >= 100 and len(text) >= cap - 2 and not re.search(r"[.!?]['\")]?$", text):
        return "cut off"
    if sentence and re.sub(r"\W+", " ", text).strip().lower() in _own_values(own):
        return "only repeats the file"
    if _shingles(text) & _prompt_shingles() or _META.search(text):  # a small model echoing what it was told
        return "repeats the instructions"
    if sentence and not (text[0] in "\"'(“‘" or text[0].isalpha() and not text[0].islower()):
        return "not a sentence"  # no capital (or any letter) to start it: a fragment
    if re.search(r"</?[a-z][^>]*>|`", text, re.I):
        return "reads like instructions or markup"
    if guards.looks_like_instruction(text) or guards.sanitize_candidate(text) != text or "{" in text or "}" in text:
        return "reads like instructions or markup"
    names = shipped_names()
    for w in map(_base, _CAPITALISED.findall(text)):
        if w in names and not re.search(rf"\b{re.escape(w)}\b", own):
            return f"names {w}, from another persona"
    if name := invented_name(text, own):
        return f"names {name}, whom the file doesn't"
    for f in _FIGURE.findall(text):
        if not re.search(rf"(?<!\d){re.escape(f.rstrip('.,:/'))}(?!\d)", own):
            return f"a figure ({f}) the file doesn't give"
    return ""


def _tidy(text: str, cap: int = 0) -> str:
    """One line, no control characters; a reply cut off at its cap (llama.cpp's grammar stops it
    mid-sentence) keeps only its whole sentences."""
    text = " ".join(_CONTROL.sub(" ", text).split())
    if cap and len(text) >= cap - 2 and not re.search(r"[.!?]['\")]?$", text):
        whole = re.match(r"(.*[.!?])\s", text)
        text = whole.group(1) if whole else text
    return text


@dataclass
class Checked:
    values: dict[str, Any] = field(default_factory=dict)
    rejected: dict[str, str] = field(default_factory=dict)  # field -> why


def check(reply: BaseModel, own: str) -> Checked:
    """The drafted values that may be used, and why any others may not. `own` is the user's file."""
    out = Checked()
    for name in type(reply).model_fields:
        value = getattr(reply, name)
        if name == "goals":
            goals = [_tidy(g, 120) for g in value]
            bad = [why for g in goals if (why := _problem(g, own, 120))]
            if bad or not goals:
                out.rejected[name] = bad[0] if bad else "empty"
            else:
                out.values[name] = goals[:3]
        elif name == "realities":
            kept = []
            for r in value:
                raw = {k: _tidy(v, 160) if isinstance(v, str) else [_tidy(x).lower() for x in v if _tidy(x)] for k, v in r.model_dump().items()}
                words = [raw["topic"], *raw["keywords"], *raw["misread_keywords"]]
                why = next((w for t in words if (w := _problem(t, own, 60, sentence=False))), "") or next(
                    (w for k in ("truth", "confirm", "correct") if (w := _problem(raw[k], own, 160))), "")
                if not why and set(raw["keywords"]) & set(raw["misread_keywords"]):
                    why = "a word is both a right and a wrong read"
                try:
                    reality = Reality.model_validate(raw)
                except ValidationError:
                    why = why or "incomplete"
                if why:
                    out.rejected.setdefault(name, why)
                else:
                    kept.append(reality.model_dump())
            if kept:
                out.values[name] = kept[:2]
                out.rejected.pop(name, None)
        else:
            text = _tidy(value, CAPS[name])
            why = _problem(text, own, CAPS[name])
            if not why and text.lower() in {v.lower() for v in out.values.values() if isinstance(v, str)}:
                why = "repeats another drafted field"
            if why:
                out.rejected[name] = why
            else:
                out.values[name] = text
    return out


# --- writing --------------------------------------------------------------------------------


def _toml(value: Any) -> str:
    # A JSON string is a valid TOML basic string once control characters are gone (done above).
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return "[" + ", ".join(_toml(v) for v in value) + "]"


def drafted_block(values: dict[str, Any], model: str, today: date, newline: str = "\n") -> str:
    """The `[drafted]` table, under its comment, as TOML text to append."""
    header = prompts.fill(prompts.data("role_draft.toml")["header"], model=_tidy(model)[:60], date=today.isoformat())
    return newline + newline.join(header.strip("\n").split("\n")) + newline + table(values, newline)


def table(values: dict[str, Any], newline: str = "\n") -> str:
    """The drafted values as a TOML `[drafted]` table."""
    lines = ["[drafted]"]
    lines += [f"{k} = {_toml(v)}" for k, v in values.items() if k not in FACTS and k != "realities"]
    facts = {k: v for k, v in values.items() if k in FACTS}
    if facts:
        lines += ["", "[drafted.facts]"] + [f"{k} = {_toml(v)}" for k, v in facts.items()]
    for r in values.get("realities", []):
        lines += ["", "[[drafted.realities]]"] + [f"{k} = {_toml(v)}" for k, v in r.items()]
    return newline.join(lines) + newline


def append_draft(path: Path, original: bytes, values: dict[str, Any], model: str, today: date | None = None) -> Path:
    """Append the drafted table to the role file, keeping the user's bytes exactly; returns the
    copy of the file as it was. Raises UserError (and changes nothing) if anything is off."""
    real = Path(os.path.realpath(path))
    newline = "\r\n" if b"\r\n" in original else "\n"
    sep = b"" if not original or original.endswith(b"\n") else newline.encode()
    new = original + sep + drafted_block(values, model, today or date.today(), newline).encode("utf-8")
    # The result must read back as the same role plus exactly this draft, or nothing is written.
    try:
        before = tomllib.loads(original.decode("utf-8-sig"))
        after = tomllib.loads(new.decode("utf-8-sig"))
        drafted = after.pop("drafted", None)
        same = after == before and RoleDrafted.model_validate(drafted) == RoleDrafted.model_validate(_as_drafted(values))
        Role.model_validate({**after, "drafted": drafted})
    except (ValidationError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        same = False
    if not same:
        raise UserError(f"the draft for {path} did not read back as written; the file is unchanged")
    changed = UserError(f"{path} changed while the model was drafting; it is left as you saved it")
    backup: Path | None = None
    try:
        if real.read_bytes() != original:  # the user saved it while the model was drafting
            raise changed
        mode = real.stat().st_mode & 0o7777
        backup = _backup(real, original)
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    except OSError as e:
        if backup:
            backup.unlink(missing_ok=True)
        raise UserError(f"couldn't write the draft into {path} ({e.strerror or e}); the file is unchanged") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(new)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        if real.read_bytes() != original:
            raise changed
        os.replace(tmp, real)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        backup.unlink(missing_ok=True)  # nothing was changed, so nothing needs keeping
        if isinstance(e, OSError):
            raise UserError(f"couldn't write the draft into {path} ({e.strerror or e}); the file is unchanged") from None
        raise
    return backup


def _as_drafted(values: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in values.items() if k not in FACTS}
    facts = {k: v for k, v in values.items() if k in FACTS}
    return out | ({"facts": facts} if facts else {})


def _backup(real: Path, original: bytes) -> Path:
    """The file as it was, beside it, under a name no earlier backup has (never overwritten)."""
    for n in range(1, 100):
        candidate = real.with_name(f"{real.name}.before-draft" + (f"-{n}" if n > 1 else ""))
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as f:
            f.write(original)
            f.flush()
            os.fsync(f.fileno())
        return candidate
    raise UserError(f"too many {real.name}.before-draft copies beside it; remove old ones to draft again")


# --- the model ------------------------------------------------------------------------------


def own_fields(role: Role) -> dict[str, Any]:
    """What the user wrote, for the model and for the checks (no empty fields, no draft)."""
    from interviewer.roles import guess_family

    data = role.model_dump(exclude_defaults=True, exclude={"drafted", "candidate_name"})
    data["title"], data["company"] = role.title, role.company
    data.setdefault("family", guess_family(role.title, role.description))
    return data


def ask(role: Role, fields: list[str], settings) -> BaseModel:
    """One structured request for the missing fields; raises on any model fault or bad reply."""
    from interviewer.backends import build_chat_model, capabilities, with_retries

    caps = capabilities(settings)
    reply_model = contract(fields)
    budget = sum(CAPS.get(f, 0) or 600 for f in fields) // 3 + 100  # ~3 characters a token, plus JSON
    # A draft is one long reply, not a chat turn: it gets four times the per-call bound.
    slow = settings.model_copy(update={"timeout": settings.timeout * 4, "temperature": 0.3})
    model = build_chat_model(slow, max_tokens=min(budget, 1000))
    # llama.cpp turns the schema, caps included, into a grammar; OpenAI's strict json_schema mode
    # refuses maxLength, so elsewhere the caps are a hint and the checks below enforce them.
    method = "json_schema" if settings.backend == "embedded" and caps.structured_method == "json_schema" else "function_calling"
    runnable = model.with_structured_output(reply_model, method=method)
    data = prompts.data("role_draft.toml")
    messages = [("system", data["system"]),
                ("human", prompts.fill(data["human"], role=json.dumps(own_fields(role), ensure_ascii=False, indent=1)))]
    out = with_retries(lambda: runnable.invoke(messages), attempts=2, budget=2 * slow.timeout)
    if out is None:  # a server that answered with prose instead of the structure
        raise ValueError("no structured reply")
    return out if isinstance(out, reply_model) else reply_model.model_validate(out)


@dataclass
class Outcome:
    role: Role
    line: str  # one line for the user ('' when there is nothing to say)
    drafted: dict[str, Any] = field(default_factory=dict)
    rejected: dict[str, str] = field(default_factory=dict)
    backup: Path | None = None
    fault: bool = False


def draft(path: str | Path, role: Role, settings, notify: Callable[[str], None] | None = None, shown: str = "") -> Outcome:
    """Draft the role file's missing facts into it; on any fault the file and the role stay as they were.
    `shown` names the file in messages when `path` is a working copy (the web app's upload)."""
    from interviewer.backends import describe_fault, model_label
    from interviewer.personas import load_role
    from interviewer.roles import guess_family

    path = Path(path)
    where = shown or str(path)
    family = role.family or guess_family(role.title, role.description)
    fields = missing(role)
    if not fields:
        return Outcome(role, "")
    original = read_bytes(path, MAX_DATA_BYTES, what="role file")
    label = model_label(settings) if settings.model or settings.backend != "compatible" else "the model on your server"
    if notify:  # a real model may take a while: say what is happening, and how to skip it
        notify(f"drafting what {shown or path.name} leaves out with {label}, once")
    try:
        reply = ask(role, fields, settings)
    except Exception as e:  # noqa: BLE001 - any model fault: the session runs on the defaults
        return Outcome(role, f"couldn't draft the missing facts ({describe_fault(e)}); {where} is unchanged "
                             f"and the interviewer uses neutral {family.replace('_', ' ')} defaults", fault=True)
    checked = check(reply, original.decode("utf-8-sig", "replace"))
    if not checked.values:
        return Outcome(role, f"the model's draft didn't pass the checks ({'; '.join(sorted(set(checked.rejected.values())))}); "
                             f"{where} is unchanged", rejected=checked.rejected, fault=True)
    try:
        backup = append_draft(path, original, checked.values, label)
    except UserError as e:
        return Outcome(role, str(e), rejected=checked.rejected, fault=True)
    kept = ", ".join(k.replace("_", " ") for k in checked.values)
    return Outcome(load_role(path), f"drafted {kept} into {path} (the [drafted] section at the end: edit it there; "
                                    f"the file as it was is {backup.name})",
                   drafted=checked.values, rejected=checked.rejected, backup=backup)


def offer(path: str | Path, role: Role, settings, notify: Callable[[str], None] | None = None, shown: str = "") -> Outcome:
    """`practice --role`: draft when a capable model is configured, else say how to get drafting."""
    from interviewer.backends import capabilities
    from interviewer.roles import guess_family

    fields = missing(role)
    if not fields:
        return Outcome(role, "")
    family = (role.family or guess_family(role.title, role.description)).replace("_", " ")
    if Path(path).suffix.lower() == ".json":
        return Outcome(role, f"{len(fields)} facts about this role come from neutral {family} defaults "
                             "(drafting writes only into TOML role files)")
    if not capabilities(settings).capable_judge:
        return Outcome(role, f"{len(fields)} facts about this role come from neutral {family} defaults; with a capable "
                             f"model (OPENAI_API_KEY, --base-url or --model-path) they are drafted into {shown or path} for you to edit")
    return draft(path, role, settings, notify, shown)
