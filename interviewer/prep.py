"""`interviewer prep`: the candidate's notes become a one-page preparation brief; practice
with `--brief` reacts to its hypotheses, and the report checks its planned questions."""

from __future__ import annotations

import re
from typing import Any

from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from interviewer import prompts
from interviewer.errors import UserError, describe_validation
from interviewer.models import Brief, PlannedQuestion, Transcript, now
from interviewer.personas import load_data
from interviewer.wording import as_clause
from interviewer.text import carries_signal, countable_sentences, is_question

_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_STOP = set("the and for you your are was were what how when who does did this that with from have has will would could "
            "about into there their them they our any anything need me my is it its it's can i'd i'm we".split())


def load_brief(path: str | Path, store=None) -> Brief:
    """A brief written by `interviewer prep -o brief.json` (or by hand, TOML or JSON), or the id
    (or a unique start of it) of a brief `interviewer prep` saved."""
    if not Path(path).exists():
        from interviewer.store import Store

        found = [(i, b) for i, b in (store or Store()).briefs() if str(path) and i.startswith(str(path))]
        if len(found) == 1:
            return found[0][1]
        if len(found) > 1:
            raise UserError(f"'{path}' matches {len(found)} saved briefs; give more of the id")
        raise UserError(f"no brief file or saved brief '{path}'; give the file from `interviewer prep -o FILE` "
                        "or the id `interviewer prep` printed")
    try:
        return Brief.model_validate(load_data(Path(path)))
    except ValidationError as e:
        raise UserError(describe_validation(path, e)) from None


def build_brief(answers: dict[str, Any]) -> Brief:
    """The brief from the worksheet's answers, completed from the rubric's guidance offline."""
    data = prompts.data("prep.toml")
    brief = Brief.model_validate({k: v for k, v in answers.items() if k in Brief.model_fields})
    if not any((brief.landscape, brief.approach, brief.observations, brief.pitfalls, brief.goals_questions,
                brief.boss_questions, brief.pay_range, brief.next_step_questions)):
        raise UserError("the worksheet is empty: answer at least one question about the role")
    templates = data["phrasing"]["ballpark"]
    brief.ballpark_questions = [
        prompts.fill(templates[i % len(templates)], observation=as_clause(obs)) for i, obs in enumerate(brief.observations)
    ]
    for key, default in data["defaults"].items():
        if not getattr(brief, key):
            setattr(brief, key, list(default))
    brief.gaps = [text for key, text in data["gaps"].items() if not getattr(brief, key)]
    brief.created_at = now()
    return brief


class Suggestions(BaseModel):
    """A capable model's help with a brief (the contract with the model)."""

    sharper: list[str] = Field(default_factory=list, description="sharper phrasings of the candidate's planned questions")
    gaps: list[str] = Field(default_factory=list, description="what the candidate should still prepare")


def suggest(brief: Brief, judge_model: Any) -> tuple[Brief, str]:
    """Add a capable model's suggestions; any model fault leaves the offline brief as it was."""
    try:
        runnable = judge_model.with_structured_output(Suggestions, method="function_calling") if hasattr(
            judge_model, "with_structured_output") else judge_model
        out = runnable.invoke([("system", prompts.template("prep_suggest.md")), ("human", brief.model_dump_json(exclude={"created_at"}))])
        s = out if isinstance(out, Suggestions) else Suggestions.model_validate(out)
    except Exception as e:  # noqa: BLE001 - the brief stands without the model
        return brief, f"model suggestions unavailable ({type(e).__name__})"
    clean = [x.strip() for x in s.sharper if 3 <= len(x.split()) <= 60][:6]
    gaps = [x.strip() for x in s.gaps if 3 <= len(x.split()) <= 60][:4]
    return brief.model_copy(update={"suggestions": clean, "gaps": brief.gaps + gaps}), ""


def content_words(text: str) -> set[str]:
    return {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in _WORD.findall(text.lower()) if w not in _STOP}


def check_plan(brief: Brief, transcript: Transcript) -> list[PlannedQuestion]:
    """Which of the brief's planned questions the candidate actually asked, and where. A question
    is ticked only against a candidate sentence that asks the same kind of thing (the scorer's own
    sign of that criterion) and shares its words; a ballpark check only where the turn also
    states that observation, so "am I in the ballpark?" about something else does not count."""
    asked: list[tuple[int, str, str]] = []  # (turn, sentence, what the turn said up to and including it)
    for n, turn in enumerate(transcript.turns, start=1):
        if turn.speaker == "candidate":
            said = ""
            for s in countable_sentences(turn.text):
                said += " " + s
                if is_question(s) or re.search(r"\b(?:correct me|tell me if|am i)\b", s, re.I):
                    asked.append((n, s, said))
    template_words = set().union(*(content_words(t) for t in prompts.data("prep.toml")["phrasing"]["ballpark"]))
    out = []
    for criterion, question in brief.planned_questions():
        want = content_words(question)
        if criterion == "ballpark_check":
            want -= template_words  # what matters is the observation, not "am I in the ballpark"
        best, best_score = None, 0.0
        for n, s, said in asked:
            if not carries_signal(criterion, s):
                continue
            have = content_words(said if criterion == "ballpark_check" else s)
            score = len(want & have) / max(1, min(len(want), len(have)))
            if score > best_score:
                best, best_score = (n, s), score
        hit = best is not None and best_score >= 0.5
        out.append(PlannedQuestion(criterion=criterion, question=question, asked=hit,
                                   turn=best[0] if hit else None, quote=best[1] if hit else ""))
    return out


def hypotheses_text(brief: Brief) -> str:
    """The brief's hypotheses, for the interviewer's own notes (free-style system prompt)."""
    if not brief.observations:
        return ""
    return prompts.fill(prompts.data("dialogue.toml")["hypotheses"], hypotheses="; ".join(brief.observations))
