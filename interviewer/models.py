"""The domain, as pydantic models. Every other module speaks in these types.

Data flows one way: persona + role -> dialogue -> Transcript -> scoring chain -> Report.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Speaker = Literal["interviewer", "candidate"]
Verdict = Literal["covered", "partial", "missed", "not_applicable"]

# Stable ids from the shared domain file, registered once in prompts/rubric.toml.
from interviewer.criteria import CORE_CRITERIA, CRITERIA  # noqa: E402

STAGES = ("opening", "vision", "probe", "react", "questions", "compensation", "close")
Stage = Literal["opening", "vision", "probe", "react", "questions", "compensation", "close"]


def now() -> datetime:
    return datetime.now(timezone.utc)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# --- personas and roles -------------------------------------------------------------------


class Reality(_Strict):
    """Something true about the role that a candidate may plausibly read right or wrong.

    Lets a ballpark question get a real confirmation or correction from data.
    """

    topic: str
    keywords: list[str] = Field(min_length=1, description="words that mean the candidate is talking about this")
    misread_keywords: list[str] = Field(default_factory=list, description="words that signal the common wrong read")
    truth: str
    confirm: str = Field(description="what the interviewer says when the read is right")
    correct: str = Field(description="what the interviewer says when the read is off")


class PlanLines(_Strict):
    """The interviewer's own lines for each stage: used as questions and as fallbacks."""

    opening: list[str] = Field(min_length=1)
    vision: list[str] = Field(min_length=1)
    probe: list[str] = Field(min_length=1)
    react: list[str] = Field(min_length=1)
    questions: list[str] = Field(min_length=1)
    compensation: list[str] = Field(min_length=1)
    close: list[str] = Field(min_length=1, description="closing lines that do not give next steps")
    close_with_next_steps: list[str] = Field(min_length=1, description="used only when the candidate never asked")
    acknowledgements: list[str] = Field(min_length=1, description="short neutral reactions")
    nudges: list[str] = Field(min_length=1, description="said when an answer is empty or too thin to react to")


class Answers(_Strict):
    """Grounded answers to the questions a candidate should ask in a second interview."""

    next_steps: str
    goals: str
    management_style: str
    team: str
    culture: str
    compensation: str
    ballpark_general: str
    fallback: str


class Persona(_Strict):
    id: str
    name: str = Field(description="the interviewer's full name")
    title: str
    level: Literal["hiring_manager", "skip_level"]
    temperament: str
    company: str
    company_summary: str
    role_title: str
    team: str
    role_reality: str
    goals: list[str] = Field(min_length=1)
    role_serves_goals: str
    management_style: str
    pay_range: str
    process: str
    wants_answered: list[str] = Field(min_length=1)
    realities: list[Reality] = Field(min_length=1)
    lines: PlanLines
    answers: Answers
    # Listening (issue 11): how the persona sounds, who knows what they don't, and the facts that
    # answer the question bank (prompts/questions.toml); a missing fact falls back to the family's.
    family: str = Field(default="", description="role family in prompts/role_families.toml")
    tone: Literal["warm", "neutral", "skeptical"] = "neutral"
    refer_to: str = Field(default="our recruiter", description="who would know what the interviewer doesn't")
    facts: dict[str, str] = Field(default_factory=dict, description="answers to the question bank's fields")
    deflections: list[str] = Field(default_factory=list, description="in-character ways to say 'I don't know'")
    notes: str = Field(default="", description="the role file's own notes (first interview), searched clause by clause for a thing a question names")

    @property
    def first_name(self) -> str:
        return self.name.split()[0]


class RoleDrafted(_Strict):
    """The `[drafted]` table a capable model appended to a role file (interviewer/role_draft.py):
    used only where the user's own fields are empty, and never drafted twice."""

    company_summary: str = ""
    description: str = ""
    team: str = ""
    goals: list[str] = Field(default_factory=list)
    facts: dict[str, str] = Field(default_factory=dict)
    realities: list[Reality] = Field(default_factory=list)


class Role(_Strict):
    """The user's own interview, from `--role FILE`: adapts a persona to it."""

    title: str
    # A title alone is a role file: the organisation is then spoken of neutrally.
    company: str = "the organisation"
    description: str = ""
    first_interview_notes: str = ""
    interviewer_name: str | None = None
    candidate_name: str | None = None
    # Everything below is optional: what the file leaves out comes from the role family's
    # neutral defaults (prompts/role_families.toml). `interviewer role init` explains each field.
    family: str = ""
    level: Literal["hiring_manager", "skip_level"] | None = None
    interviewer_title: str = ""
    hiring_manager: str = ""
    refer_to: str = ""
    location: str = ""
    company_summary: str = ""
    team: str = ""
    goals: list[str] = Field(default_factory=list)
    pay_range: str = ""
    process: str = ""
    tone: Literal["warm", "neutral", "skeptical"] | None = None
    facts: dict[str, str] = Field(default_factory=dict)
    realities: list[Reality] = Field(default_factory=list)
    drafted: RoleDrafted | None = None

    @field_validator("title")
    @classmethod
    def _has_title(cls, v: str) -> str:
        if not v:
            raise ValueError("give the job title (it can't be empty)")
        return v

    @field_validator("company")
    @classmethod
    def _company_or_neutral(cls, v: str) -> str:
        return v or "the organisation"


class CandidateScript(_Strict):
    """A simulated candidate for `interviewer demo`: answers keyed by the interviewer's stage."""

    id: str
    name: str
    description: str
    answers: dict[str, list[str]]
    role: str = Field(default="", description="a role file in personas/roles/ to practise against, for custom-role scripts")
    # Hand labels for the simulator's checks: answers (by their opening words) that voice a
    # persona's known misread, keyed by persona id, and answers that are right reads.
    corrections: dict[str, list[str]] = Field(default_factory=dict)
    right_reads: list[str] = Field(default_factory=list)

    @field_validator("answers")
    @classmethod
    def _known_stages(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = set(v) - set(STAGES)
        if unknown:
            raise ValueError(f"unknown stage(s) {sorted(unknown)}; stages are {list(STAGES)}")
        return v


# --- transcripts ---------------------------------------------------------------------------


class Turn(BaseModel):
    speaker: Speaker
    name: str
    text: str
    at: datetime | None = None


class Transcript(BaseModel):
    """The tool's own transcript JSON shape (practice --save, export, review input)."""

    id: str | None = None
    persona: str | None = None
    role: str | None = None
    backend: str | None = None
    model: str | None = None
    turns: list[Turn] = Field(default_factory=list)

    @property
    def candidate_name(self) -> str:
        for t in self.turns:
            if t.speaker == "candidate":
                return t.name
        return "Candidate"


# --- scoring and reports -------------------------------------------------------------------


class Evidence(BaseModel):
    turn: int = Field(description="1-based index of the transcript turn the quote comes from")
    quote: str


class CriterionResult(BaseModel):
    id: str
    title: str = ""
    verdict: Verdict
    evidence: list[Evidence] = Field(default_factory=list)
    feedback: str = ""
    did: str = ""
    why: str = ""
    try_saying: str = ""


class Report(BaseModel):
    candidate: str
    format: str
    turns: int
    criteria: list[CriterionResult]
    interviewer: str | None = None
    scorer: str = "rules"
    role: str | None = None
    source: str | None = None
    notes: list[str] = Field(default_factory=list)
    planned: list["PlannedQuestion"] = Field(default_factory=list, description="the brief's questions: asked or not")

    def verdict(self, criterion: str) -> str:
        return next(c.verdict for c in self.criteria if c.id == criterion)


# --- between interviews: preparation brief and debrief ------------------------------------


class Brief(BaseModel):
    """The one-page preparation brief from `interviewer prep`; `practice --brief` reads it back."""

    role_title: str = ""
    company: str = ""
    interviewer: str = ""
    landscape: str = ""
    pitfalls: list[str] = Field(default_factory=list)
    approach: str = ""
    observations: list[str] = Field(default_factory=list, description="the candidate's hypotheses to check")
    ballpark_questions: list[str] = Field(default_factory=list)
    goals_questions: list[str] = Field(default_factory=list)
    boss_questions: list[str] = Field(default_factory=list)
    pay_range: str = ""
    next_step_questions: list[str] = Field(default_factory=list)
    gaps: list[str] = Field(default_factory=list, description="what the brief is still missing")
    suggestions: list[str] = Field(default_factory=list, description="sharper phrasings from a capable model")
    created_at: datetime | None = None

    def planned_questions(self) -> list[tuple[str, str]]:
        """(criterion, question) pairs the candidate planned to ask."""
        return ([("ballpark_check", q) for q in self.ballpark_questions] + [("goals_alignment", q) for q in self.goals_questions]
                + [("mutual_fit", q) for q in self.boss_questions] + [("next_steps", q) for q in self.next_step_questions])


class PlannedQuestion(BaseModel):
    criterion: str
    question: str
    asked: bool
    turn: int | None = None
    quote: str = ""


class Debrief(BaseModel):
    """Right after a real interview: the journal the domain advice asks for."""

    id: str | None = None
    created_at: datetime | None = None
    interview_date: str = ""
    role_title: str = ""
    company: str = ""
    interviewer: str = ""
    topics: str = ""
    felt_during: str = ""
    felt_after: str = ""
    job_impressions: str = ""
    people_impressions: str = ""
    boss_impressions: str = ""
    ahas: list[str] = Field(default_factory=list)
    stated_next_step: str = ""
    follow_ups: list[str] = Field(default_factory=list)
    transcript_path: str | None = None
    report_id: str | None = None


Report.model_rebuild()
