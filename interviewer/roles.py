"""`--role FILE`: a complete persona for the user's own job, from the role file where it says
something and from the role family's neutral defaults (prompts/role_families.toml) where it
doesn't. Nothing from a shipped persona is reused, so no other persona's names, places or figures
can leak into the session."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from interviewer import prompts
from interviewer.models import Persona, Role
from interviewer.role_text import read_role
from interviewer.text import normalize

TEMPLATE = "role_template.toml"


def families() -> dict[str, dict]:
    return prompts.data("role_families.toml")["families"]


_TOKEN = re.compile(r"[a-z0-9&]+")


def _stem(word: str) -> str:
    # a plural counts as its singular: "nurses" is "nurse", "facilities" is "facility"
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    return [_stem(w) for w in _TOKEN.findall(normalize(text).lower())]


@cache
def _signals() -> tuple[dict[tuple[str, ...], dict[str, int]], int]:
    """Every phrase (as stemmed words) with the families it points to and their weights; the
    neutral phrases point nowhere. Also the longest phrase's length."""
    table: dict[tuple[str, ...], dict[str, int]] = {}
    for name, fam in families().items():
        for phrase, weight in fam.get("signals", {}).items():
            key = tuple(_words(phrase))
            table.setdefault(key, {})[name] = max(int(weight), table.get(key, {}).get(name, 0))
    for phrase in prompts.data("role_families.toml")["guess"]["neutral"]:
        table.setdefault(tuple(_words(phrase)), {})
    return table, max(map(len, table))


def _matches(text: str) -> list[tuple[str, ...]]:
    """The phrases in the text, longest first where they overlap, left to right (linear in the text)."""
    table, longest = _signals()
    words, out, i = _words(text), [], 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            if (key := tuple(words[i:i + n])) in table:
                out.append(key)
                i += n
                break
        else:
            i += 1
    return out


def _decided(scores: dict[str, int], rule: dict) -> str | None:
    ranked = sorted(scores.values(), reverse=True) + [0, 0]
    if ranked[0] < rule["min_score"] or ranked[0] - ranked[1] < rule["min_lead"]:
        return None
    return max(scores, key=scores.__getitem__)


def guess_family(title: str, description: str = "") -> str:
    """The role family the title (then the description) points to, or `general` when unsure."""
    table, _ = _signals()
    rule = prompts.data("role_families.toml")["guess"]
    scores: dict[str, int] = {}
    for key in _matches(title):
        for name, weight in table[key].items():
            scores[name] = scores.get(name, 0) + weight
    if family := _decided(scores, rule):
        return family
    if not description.strip():
        return rule["abstain"]
    # The title still counts, more than any one phrase of the description.
    scores = {k: v * rule["title_weight"] for k, v in scores.items()}
    for key in set(_matches(description)):
        for name, weight in table[key].items():
            scores[name] = scores.get(name, 0) + weight
    return _decided(scores, rule) or rule["abstain"]


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _filled(value: Any, values: dict[str, str]) -> Any:
    if isinstance(value, str):
        return prompts.fill(value, **values)
    if isinstance(value, list):
        return [_filled(v, values) for v in value]
    if isinstance(value, dict):
        return {k: _filled(v, values) for k, v in value.items()}
    return value


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "role"


def with_drafted(role: Role) -> Role:
    """The role with its `[drafted]` values where the user's own fields are empty: what the user
    wrote always wins over what a model drafted, and that over the family's defaults."""
    d = role.drafted
    if d is None:
        return role
    return role.model_copy(update={
        "company_summary": role.company_summary or d.company_summary, "description": role.description or d.description,
        "team": role.team or d.team, "goals": role.goals or d.goals, "facts": d.facts | role.facts,
        "realities": role.realities or d.realities,
    })


def _met_before(notes: str, name: str, level: str) -> bool:
    """Whether the interviewer met the candidate at the first interview: the notes name them in a
    sentence that is not about the interview to come; without notes, only a hiring manager."""
    if not notes.strip():
        return level == "hiring_manager"
    upcoming = prompts.data("role_families.toml")["met_before"]["upcoming"]
    names = [w for w in re.findall(r"[A-Z][\w'-]+", name) if len(w) > 1]
    for sentence in re.split(r"(?<=[.!?])\s+", notes):
        if any(re.search(rf"\b{re.escape(n)}\b", sentence) for n in names) and not re.search(upcoming, sentence, re.I):
            return True
    return False


def persona_for_role(role: Role, default_level: str = "hiring_manager") -> Persona:
    """The interviewer for the user's own role."""
    role = with_drafted(role)
    data = prompts.data("role_families.toml")
    family = role.family or guess_family(role.title, role.description)
    if family not in families():
        family = "general"
    d = _merge(data["common"], {k: v for k, v in families()[family].items() if k != "signals"})
    # What the file's own prose says (who the interviewer is, the team, the problem and its
    # cause...) comes before the family's defaults; the file's explicit fields before both.
    said = read_role(role, role.level or default_level)
    name = role.interviewer_name or said.interviewer_name or d["interviewer_name"]
    level = role.level or said.level or default_level
    hiring_manager = role.hiring_manager or said.hiring_manager or d["hiring_manager"]
    values = {
        "company": role.company, "role_title": role.title, "interviewer": name, "first_name": name.split()[0],
        "hiring_manager": hiring_manager, "location": role.location or d["location"],
        "team_name": d["team_name"], "refer_to": role.refer_to or said.refer_to or d["refer_to"],
        # the hiring manager says "me"; a skip-level names the hiring manager
        "reports_to": "me" if level == "hiring_manager" else hiring_manager,
    }
    d = _filled(d, values)
    answers, facts, lines = dict(d["answers"]), dict(d["facts"]), dict(d["lines"])
    answers.update(said.answers)
    facts.update(said.facts)
    # What the user wrote wins over every default.
    if role.description and "role" not in said.facts:
        facts["role"] = role.description
    if role.team:
        answers["team"] = role.team
    if role.goals:
        answers["goals"] = prompts.fill(data["from_file"]["goals"], goals="; ".join(g.rstrip(". ") for g in role.goals))
    if role.pay_range:
        answers["compensation"] = prompts.fill(data["from_file"]["pay"], pay_range=role.pay_range)
    if role.process:
        answers["next_steps"] = role.process
        lines["close_with_next_steps"] = [prompts.fill(data["from_file"]["close"], process=role.process)]
    facts.update(role.facts)
    if not _met_before(role.first_interview_notes, name, level):
        kept = [x for x in lines["opening"] if not re.search(data["met_before"]["again"], x, re.I)]
        lines["opening"] = kept or lines["opening"]
    wants = list(d["wants_answered"])
    if role.first_interview_notes:
        wants.append(f"follow up on the first interview: {role.first_interview_notes}")
    return Persona.model_validate({
        "id": f"role-{_slug(role.title)}",
        "name": name,
        "title": role.interviewer_title or (said.interviewer_title if said.interviewer_name or not role.interviewer_name else "")
        or d["interviewer_title"],
        "level": level,
        "temperament": d["temperament"],
        "company": role.company,
        "company_summary": role.company_summary or d["company_summary"],
        "role_title": role.title,
        "team": answers["team"],
        "role_reality": facts["role"] if said.facts.get("role") else role.description or facts["role"],
        "goals": role.goals or said.goals or d["goals"],
        "role_serves_goals": said.role_serves_goals or d["role_serves_goals"],
        "management_style": d["management_style"],
        "pay_range": role.pay_range or said.pay_range,
        "process": role.process or d["process"],
        "wants_answered": wants,
        # the file's own realities first; the family's still catch the common wrong reads it doesn't name
        "realities": [r.model_dump() for r in role.realities] or [r.model_dump() for r in said.realities] + list(d["realities"]),
        "lines": lines,
        "answers": answers,
        "family": family,
        "tone": role.tone or d["tone"],
        "refer_to": values["refer_to"],
        "facts": facts,
        "deflections": [],
        "notes": role.first_interview_notes,
    })


def starter_file() -> str:
    """The commented starter role file `interviewer role init` writes."""
    return prompts.template(TEMPLATE) + "\n"
