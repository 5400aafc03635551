"""Who is the candidate? From a name the user gives, from stated roles, or from what each speaker says.

Without a name or a role label, each speaker gets a candidate score from their words:
the interviewer asks most of the questions ("tell me about", "walk me through"), opens and
closes the meeting ("thanks for coming in", "what questions do you have?") and talks about
the team and the role ("we", "our team", "you'd be"); the candidate answers at length,
talks about themself ("I", "my experience", "in my last role") and asks the questions a
candidate asks ("what are the next steps?", "what's the team like?"). The highest score wins;
the margin to the next speaker sets the confidence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from .base import CANDIDATE_LABELS, INTERVIEWER_LABELS, Dialogue, TranscriptError, label_key


class CandidateChoice(BaseModel):
    name: str
    confidence: float = Field(ge=0.0, le=1.0)
    reason: str = Field(description="one short phrase: why this speaker")
    alternatives: list[str] = Field(default_factory=list, description="the other speakers, likeliest first")


# --- choosing by name ----------------------------------------------------------------------


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").split()).lower()


def match_speaker(speakers: list[str], wanted: str) -> str:
    """Resolve a --candidate name: exact (any case), then a unique first name or prefix."""
    w = _norm(wanted)
    if not w:
        raise TranscriptError(f"candidate '{wanted}' is not in the transcript; speakers: {', '.join(speakers)}")
    for tier in (
        lambda s: _norm(s) == w,
        lambda s: _norm(s).split()[0] == w,
        lambda s: _norm(s).startswith(w),
        lambda s: w.split()[0] == _norm(s) or w.startswith(_norm(s) + " "),  # "Alex Chen" given, label "Alex"
    ):
        hits = [s for s in speakers if _norm(s) and tier(s)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise TranscriptError(
                f"candidate '{wanted}' matches more than one speaker: {', '.join(hits)}; give the full name"
            )
    raise TranscriptError(f"candidate '{wanted}' is not in the transcript; speakers: {', '.join(speakers)}")


# --- content signals -----------------------------------------------------------------------


def _rx(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.I)


# What an interviewer says when opening, steering and closing, and about the team and the role.
_INTERVIEWER_SAYS = _rx(
    r"thanks? (?:you )?(?:so much )?for (?:coming in|coming back|making the time|joining|taking the time to (?:come|meet|join))",
    r"welcome(?: back)?", r"good to (?:see|have) you (?:again|back)", r"great to (?:see|have) you (?:again|back)",
    r"nice to see you again", r"let'?s (?:get started|dive in|jump in|kick off)",
    r"tell (?:me|us) (?:a (?:bit|little) )?(?:more )?about", r"walk (?:me|us) through", r"talk (?:me|us) through",
    r"what questions do you have", r"(?:do you have|any) (?:any )?questions for (?:me|us)",
    r"what (?:else )?can I answer", r"anything (?:else )?you'?d like to ask",
    r"our team", r"on our side", r"our company", r"we'?re looking for", r"we are looking for", r"we'?re hiring",
    r"you'?d be", r"you would be", r"you'?ll be (?:working|reporting|joining|responsible|owning)",
    r"in this role,? you", r"the person in this role", r"the successful candidate", r"your resume", r"your cv",
    r"your background", r"your experience", r"your first (?:interview|round|conversation)",
    r"we'?ll be in touch", r"we will be in touch", r"I'?ll be in touch", r"you'?ll hear from (?:us|me|our)",
    r"we'?ll get back to you", r"next steps? on our (?:side|end)", r"from our side",
    r"why do you want", r"why are you (?:interested|leaving|looking)", r"what interests you",
    r"what (?:would|do) you bring", r"how would you (?:approach|handle|prioriti[sz]e|tackle)",
    r"give (?:me|us) an example", r"tell me about a time", r"describe a (?:time|situation)",
    r"salary expectations", r"what are you looking for", r"what'?s your (?:current|notice|availability)",
    r"your (?:strengths|weaknesses|notice period|availability|expectations)",
)

# What a candidate says about themself and their past.
_CANDIDATE_SAYS = _rx(
    r"thanks? (?:you )?(?:so much )?for having me", r"thanks? (?:you )?for (?:the|this) opportunity",
    r"my experience", r"in my (?:last|current|previous|old|first) (?:role|job|company|position|team)",
    r"at my (?:last|current|previous|old) (?:role|job|company|employer|team)", r"my (?:current|previous|last) (?:role|job|company|employer|manager)",
    r"my background", r"my resume", r"my cv", r"when I was at", r"I'?ve been (?:working|doing|leading|managing|at)",
    r"I (?:led|managed|built|ran|owned|shipped|launched|grew|designed|worked|spent)",
    r"I'?m (?:really )?(?:excited|interested|keen|drawn)", r"I'?d love to", r"what drew me",
    r"years of experience", r"in my experience", r"I applied", r"my (?:first|last) interview",
    r"I (?:was|am) responsible", r"I'?m currently", r"I currently",
)

# Questions a candidate asks the interviewer in a second interview.
_CANDIDATE_ASKS = _rx(
    r"next steps?", r"ballpark", r"off base", r"fair read", r"correct me if", r"match(?:es)? what you'?re seeing",
    r"management style", r"manage your team", r"the team like", r"the culture", r"success look like",
    r"why is (?:the|this) (?:role|position) open", r"what do you (?:enjoy|like)", r"hear back", r"timeline",
    r"decision", r"who else", r"anything (?:else )?(?:more )?(?:you need|from me)", r"your (?:team'?s|company'?s) goals",
    r"the (?:team'?s|company'?s) goals", r"how (?:is|will) (?:this|the) role (?:be )?(?:measured|contribute)",
    r"does (?:that|this) (?:sound|match|align)", r"am I (?:right|reading|on)", r"how long have you",
    r"what'?s the biggest challenge", r"what are the biggest challenges", r"the budget for", r"the range",
    r"how do you measure", r"what would (?:you|success)",
)

_QUESTION_OPENERS = re.compile(
    r"^\s*(?:so,?\s+|and\s+|okay,?\s+|ok,?\s+|great,?\s+|right,?\s+)?"
    r"(?:what|how|why|when|where|who|which|can you|could you|would you|do you|did you|have you|are you|"
    r"were you|is there|tell me|walk me|talk me|describe|share|give me)\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|myself|mine)\b", re.I)
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|you'd|you've|you'll|yours|yourself)\b", re.I)
_WE = re.compile(r"\b(?:we|our|us|we're|we've|we'll|we'd|ours)\b", re.I)
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def _questions(text: str) -> list[str]:
    """The question sentences in a turn."""
    out = []
    for s in _SENTENCE.findall(text.replace("\n", " ")):
        s = s.strip()
        if not s:
            continue
        if s.endswith("?") or (_QUESTION_OPENERS.match(s) and len(s.split()) >= 4 and not s.endswith("!")):
            out.append(s)
    return out


@dataclass
class _Stats:
    name: str
    turns: int = 0
    words: int = 0
    questions: int = 0          # turns that ask something
    candidate_questions: int = 0  # of those, questions a candidate asks
    interviewer_says: int = 0
    candidate_says: int = 0
    first_person: int = 0
    second_person: int = 0
    we: int = 0
    answers: int = 0            # long replies to another speaker's question
    opens: float = 0.0
    evidence: dict[str, float] = field(default_factory=dict)

    @property
    def score(self) -> float:
        return sum(self.evidence.values())


def _stats(dialogue: Dialogue) -> dict[str, _Stats]:
    utts = dialogue.utterances
    stats = {n: _Stats(n) for n in dialogue.speakers}
    prev_asked = False
    for i, u in enumerate(utts):
        s = stats[u.name]
        text = u.text
        words = len(text.split())
        s.turns += 1
        s.words += words
        qs = _questions(text)
        cand_q = [q for q in qs if _CANDIDATE_ASKS.search(q) and not _INTERVIEWER_SAYS.search(q)]
        if qs:
            s.questions += 1
            if len(cand_q) * 2 >= len(qs):
                s.candidate_questions += 1
        s.interviewer_says += len(_INTERVIEWER_SAYS.findall(text))
        s.candidate_says += len(_CANDIDATE_SAYS.findall(text))
        s.first_person += len(_FIRST_PERSON.findall(text))
        s.second_person += len(_SECOND_PERSON.findall(text))
        s.we += len(_WE.findall(text))
        if i > 0 and prev_asked and utts[i - 1].name != u.name and words >= 12 and not text.rstrip().endswith("?"):
            s.answers += 1
        prev_asked = bool(qs)
    if utts:
        stats[utts[0].name].opens += 1
    return stats


def _score(stats: dict[str, _Stats]) -> None:
    """Fill each speaker's evidence: positive means candidate-like."""
    for s in stats.values():
        asks = s.questions - s.candidate_questions
        s.evidence["asks"] = -1.5 * asks
        s.evidence["candidate_asks"] = 1.0 * s.candidate_questions
        s.evidence["interviewer_says"] = -1.5 * s.interviewer_says
        s.evidence["candidate_says"] = 1.5 * s.candidate_says
        s.evidence["answers"] = 1.5 * s.answers
        if s.words:
            # pronoun balance: "I/my" against "you/your/we/our", per 100 words, scaled by how much they spoke
            balance = (s.first_person - s.second_person - 0.5 * s.we) / s.words * 100
            s.evidence["pronouns"] = max(-6.0, min(6.0, balance * min(1.0, s.words / 150) * 0.6))
        s.evidence["opens"] = -2.0 * s.opens


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def _reason(choice: _Stats, others: list[_Stats]) -> str:
    asked_by_others = sum(o.questions - o.candidate_questions for o in others)
    total = asked_by_others + choice.questions - choice.candidate_questions
    who = "the other speaker" if len(others) == 1 else f"the other {len(others)} speakers"
    verb = "asks" if len(others) == 1 else "ask"
    if total >= 3 and asked_by_others / total >= 0.6:
        return f"answers the questions; {who} {verb} {asked_by_others} of {total} questions"
    if choice.candidate_says > max((o.candidate_says for o in others), default=0):
        return f"talks about their own experience; {who} {'talks' if len(others) == 1 else 'talk'} about the role"
    if choice.answers > max((o.answers for o in others), default=0):
        return f"gives the longer answers; {who} {verb} the questions"
    return f"speaks most like a candidate ({'I/my' if choice.evidence.get('pronouns', 0) > 0 else 'fewer questions'})"


def _by_content(dialogue: Dialogue) -> CandidateChoice:
    stats = _stats(dialogue)
    _score(stats)
    ranked = sorted(stats.values(), key=lambda s: s.score, reverse=True)
    best, second = ranked[0], ranked[1]
    margin = best.score - second.score
    confidence = 0.5 + 0.49 * math.tanh(margin / 8.0)
    if len(ranked) > 2:
        confidence = min(confidence, 0.5 + 0.49 * math.tanh(margin / 10.0))
    return CandidateChoice(
        name=best.name,
        confidence=round(confidence, 2),
        reason=_reason(best, ranked[1:]),
        alternatives=[s.name for s in ranked[1:]],
    )


# --- the public entry ----------------------------------------------------------------------


def identify_candidate(dialogue: Dialogue, candidate: str | None = None) -> CandidateChoice:
    speakers = dialogue.speakers
    if not speakers:
        raise TranscriptError("no speaker labels found in the transcript")

    def others(name: str) -> list[str]:
        return [s for s in speakers if s != name]

    if candidate is not None and candidate.strip():
        name = match_speaker(speakers, candidate)
        return CandidateChoice(name=name, confidence=1.0, reason="named with --candidate", alternatives=others(name))

    stated = [n for n in speakers if dialogue.roles.get(n) == "candidate"]
    if len(stated) == 1:
        how = "marked 'candidate' in the JSON" if dialogue.format == "json" else "labelled as the candidate"
        return CandidateChoice(name=stated[0], confidence=1.0, reason=how, alternatives=others(stated[0]))
    if dialogue.roles and len(speakers) >= 2:
        not_interviewer = [n for n in speakers if dialogue.roles.get(n) != "interviewer"]
        if len(not_interviewer) == 1 and len(dialogue.roles) == len(speakers) - 1:
            n = not_interviewer[0]
            return CandidateChoice(name=n, confidence=0.95, reason="the other speakers are marked as interviewers",
                                   alternatives=others(n))

    by_label = [n for n in speakers if label_key(n) in CANDIDATE_LABELS]
    if len(by_label) == 1:
        n = by_label[0]
        return CandidateChoice(name=n, confidence=1.0, reason=f"labelled '{n}'", alternatives=others(n))
    interviewers = [n for n in speakers if label_key(n) in INTERVIEWER_LABELS]
    rest = [n for n in speakers if n not in interviewers]
    if interviewers and len(rest) == 1:
        n = rest[0]
        label = interviewers[0]
        return CandidateChoice(name=n, confidence=0.95, reason=f"the other speaker is labelled '{label}'",
                               alternatives=others(n))

    if len(speakers) == 1:
        raise TranscriptError(
            f"only one speaker ({speakers[0]}) found; a review needs the interviewer and the candidate"
        )
    return _by_content(dialogue)
