"""The scoring chain, as a LangChain runnable:

    transcript -> candidate turns -> evidence per criterion -> [model opinion] -> verdict
               -> verification -> report

The rules (scoring/rules.py) decide offline. A capable model, when configured, may add
judgement and better suggested lines, under three rules that hold whatever it says:
  1. every quote must verify as a verbatim span of a usable candidate turn, or it is dropped;
  2. the model can raise a verdict by at most one step, and only with a verified quote that
     carries a sign of that criterion (rules.carries_signal);
  3. it never sees (and so cannot quote) lines addressed to the grader, gibberish or repeats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, Field

from interviewer import prompts
from interviewer.criteria import LEVEL, VERDICTS
from interviewer.models import CRITERIA, CORE_CRITERIA, CriterionResult, Evidence, Report, Transcript
from interviewer.sanitize import scrub
from interviewer.scoring import feedback, rules, signals
from interviewer.scoring.rubric import load_rubric
from interviewer.scoring.verify import verify

_LEVEL = LEVEL


class JudgedCriterion(BaseModel):
    """What the model says about one criterion (the contract with the model)."""

    id: Literal[CRITERIA]  # type: ignore[valid-type]  # the registry's ids (prompts/rubric.toml)
    verdict: Literal[VERDICTS]  # type: ignore[valid-type]
    quotes: list[str] = Field(default_factory=list, description="verbatim candidate words")
    better_line: str = Field(default="", description="a line the candidate could have said in this interview")


class Judgement(BaseModel):
    """A second-interview grading of the candidate, one entry per rubric criterion."""

    criteria: list[JudgedCriterion]


@dataclass
class ScoringState:
    transcript: Transcript
    source_format: str = "json"
    context: dict[str, str] = field(default_factory=dict)
    reading: signals.Reading | None = None
    findings: dict[str, rules.RuleFinding] = field(default_factory=dict)
    opinion: Judgement | None = None
    notes: list[str] = field(default_factory=list)
    verdicts: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    scorer: str = "rules"


# --- the steps -------------------------------------------------------------------------------


def read_turns(state: ScoringState) -> ScoringState:
    state.reading = signals.read(state.transcript)
    state.notes += state.reading.dropped
    return state


def find_evidence(state: ScoringState) -> ScoringState:
    state.findings = rules.judge_all(state.reading)
    state.notes += [f.note for f in state.findings.values() if f.note]
    return state


def decide(state: ScoringState) -> ScoringState:
    usable = {t.turn for t in state.reading.candidate_turns if t.usable}
    opinions = {c.id: c for c in state.opinion.criteria} if state.opinion else {}
    for cid in CRITERIA:
        finding = state.findings[cid]
        verdict = finding.verdict
        evidence = [Evidence(turn=s.turn, quote=s.text) for s in finding.evidence]
        op = opinions.get(cid)
        if op and verdict != "not_applicable" and op.verdict in _LEVEL:
            quoted = [e for q in op.quotes[:3] if (e := _verified_clean(q, state, usable)) and rules.carries_signal(cid, e.quote)]
            if _LEVEL[op.verdict] > _LEVEL[verdict] and quoted:
                verdict = _raise_one(verdict)
                evidence = quoted + evidence
                state.notes.append(f"{cid}: raised to {verdict} on the model's quoted evidence")
        state.verdicts[cid] = verdict
        state.evidence[cid] = evidence
    return state


def verify_evidence(state: ScoringState) -> ScoringState:
    """Every quote shown must be a verbatim span of a candidate turn; covered needs one."""
    usable = {t.turn for t in state.reading.candidate_turns if t.usable}
    for cid in CRITERIA:
        kept: list[Evidence] = []
        for e in state.evidence[cid]:
            v = verify(e.quote, state.transcript, e.turn, usable)
            if v and all(v.quote != k.quote for k in kept):
                kept.append(v)
        state.evidence[cid] = kept[:3]
        if state.verdicts[cid] in ("covered", "partial") and not kept:
            state.notes.append(f"{cid}: no verifiable quote, so not counted")
            state.verdicts[cid] = "missed"
    return state


def write_report(state: ScoringState) -> Report:
    rubric = load_rubric()
    suggestions = {c.id: c.better_line for c in state.opinion.criteria} if state.opinion else {}
    results: list[CriterionResult] = []
    for cid in CRITERIA:
        line = suggestions.get(cid, "").strip()
        if len(line.split()) > 60 or signals.INJECTION.search(line):
            line = ""
        results.append(
            feedback.describe(rubric[cid], state.verdicts[cid], state.evidence[cid], state.findings[cid], state.context, line,
                              reading=state.reading)
        )
    t = state.transcript
    interviewer = next((x.name for x in t.turns if x.speaker == "interviewer"), None)
    return Report(
        candidate=t.candidate_name,
        format=state.source_format,
        turns=len(t.turns),
        criteria=results,
        interviewer=interviewer,
        scorer=state.scorer,
        role=state.context.get("role_title") or t.role,
        notes=state.notes,
    )


# --- the optional model opinion ----------------------------------------------------------------


def _verified_clean(quote: str, state: ScoringState, usable: set[int]) -> Evidence | None:
    if signals.INJECTION.search(quote):
        return None
    return verify(quote, state.transcript, None, usable)


def _raise_one(verdict: str) -> str:
    return {"missed": "partial", "partial": "covered"}.get(verdict, verdict)


def judge_messages(state: ScoringState) -> list[tuple[str, str]]:
    """The rubric and the countable candidate turns (interviewer turns for context), from prompts/."""
    layout = prompts.data("judge_lines.toml")
    rubric = "\n".join(
        prompts.fill(layout["criterion"], id=c.id, definition=c.definition, counts=" | ".join(c.counts),
                     does_not_count=" | ".join(c.does_not_count))
        for c in load_rubric().values()
    )
    usable = {t.turn: t for t in state.reading.candidate_turns if t.usable}
    dialogue = []
    for n, turn in enumerate(state.transcript.turns, start=1):
        if turn.speaker != "candidate":
            dialogue.append(prompts.fill(layout["interviewer"], turn=n, text=turn.text[:300]))
        elif n in usable:
            dialogue.append(prompts.fill(layout["candidate"], turn=n, text=" ".join(s.text for s in usable[n].sentences)))
    system = prompts.render("judge.md", rubric=rubric)
    human = prompts.render("judge_transcript.md", role=state.context.get("role_title") or state.transcript.role or "unknown",
                           dialogue="\n".join(dialogue))
    return [("system", system), ("human", human)]


def consult(judge: Any, label: str):
    """A chain step that asks a structured-output runnable for its Judgement; faults are notes."""

    def step(state: ScoringState) -> ScoringState:
        try:
            out = judge.invoke(judge_messages(state))
            state.opinion = out if isinstance(out, Judgement) else Judgement.model_validate(out)
            state.scorer = f"rules+{label}"
        except Exception as e:  # a model fault never stops a review: the rules still decide
            reason = scrub(str(e)).splitlines()[0][:160] if str(e) else type(e).__name__  # a 401 body may echo the key
            state.notes.append(f"model opinion unavailable ({type(e).__name__}: {reason}); rules only")
        return state

    return step


# --- the chain -------------------------------------------------------------------------------


def build_chain(judge: Any = None, label: str = "model"):
    """Transcript state -> Report. `judge` is a runnable returning a Judgement (see backends)."""
    from langchain_core.runnables import RunnableLambda

    steps = [read_turns, find_evidence]
    if judge is not None:
        steps.append(consult(judge, label))
    steps += [decide, verify_evidence, write_report]
    chain = RunnableLambda(steps[0], name=steps[0].__name__)
    for s in steps[1:]:
        chain = chain | RunnableLambda(s, name=getattr(s, "__name__", "consult"))
    return chain


def score(
    transcript: Transcript,
    source_format: str = "json",
    context: dict[str, str] | None = None,
    judge: Any = None,
    label: str = "model",
) -> Report:
    """Score one transcript: the whole chain, in one call."""
    state = ScoringState(transcript, source_format, dict(context or {}))
    if transcript.role and "role_title" not in state.context:
        state.context["role_title"] = transcript.role
    return build_chain(judge, label).invoke(state)


__all__ = ["CORE_CRITERIA", "Judgement", "JudgedCriterion", "build_chain", "score"]
