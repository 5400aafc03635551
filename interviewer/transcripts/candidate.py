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
from collections import Counter
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
    return re.compile(r"(?<![\w'])(?:" + "|".join(phrases) + r")(?![\w'])", re.I)


# What an interviewer says: opening, steering, inviting questions, closing, the team and the role,
# short verdicts on the other person's answer.
_INTERVIEWER_STRONG = _rx(
    r"thanks? (?:you )?(?:so much |again )?for (?:coming in|coming back|making (?:the )?time|joining|taking the time to (?:come|meet|join))",
    r"welcome(?: back)?", r"(?:good|great|nice) to (?:see|have) you (?:again|back)",
    r"what (?:other )?questions do you have", r"(?:do you have|any) (?:any )?(?:other |more )?questions for (?:me|us)",
    r"what (?:would|do) you (?:like|want) to ask", r"what else (?:would|do) you (?:like|want) to (?:know|ask)",
    r"what can I (?:answer|tell you)", r"anything (?:else )?you'?d like to (?:ask|know)", r"over to you",
    r"(?:would|will) report(?:ing)? (?:directly )?to me", r"you'?d (?:be )?report(?:ing)? (?:directly )?to me",
    r"report(?:ing)? to me directly", r"you'?d be on (?:my|our) team", r"you'?d be joining",
    r"how would you (?:approach|handle|go about|tackle|prioriti[sz]e|run|see|think about|structure)",
    r"how are you (?:thinking about|seeing)", r"how you'?d (?:see|approach|run|think about|handle)",
    r"how you see the", r"how you'?re (?:thinking about|seeing)",
    r"what would you (?:actually )?do", r"walk (?:me|us) through", r"talk (?:me|us) through",
    r"tell (?:me|us) (?:a (?:bit|little) )?(?:more )?about (?:yourself|your|a time|how)", r"tell me about a time",
    r"give (?:me|us) an example", r"describe a (?:time|situation)", r"salary expectations",
    r"why do you want", r"why are you (?:interested|leaving|looking)", r"what interests you",
    r"we'?ll be in touch", r"you'?ll hear from (?:me|us|our)", r"we'?ll get back to you",
    r"I'?m the (?:hiring manager|person you'?d)", r"the person you'?d (?:actually )?report to",
    r"the candidate",
)
_INTERVIEWER_SAYS = _rx(
    r"our team", r"on our side", r"our company", r"we'?re looking for", r"we are looking for", r"we'?re hiring",
    r"you'?d be", r"you would be", r"you'?ll be (?:working|reporting|joining|responsible|owning)",
    r"in this role,? you", r"the person in this role", r"your resume", r"your cv", r"your background",
    r"your experience", r"your first (?:interview|round|conversation)", r"your demo", r"your (?:last|current|previous) (?:role|job|company)",
    r"last time we", r"you mentioned", r"you said", r"I'?d like to (?:hear|spend|focus|understand)",
    r"today (?:is|I'?d like|I want)", r"let'?s (?:cover|talk about|turn to|move on|switch|get started|dive in|start)",
    r"the (?:base )?(?:salary |pay )?range (?:is|for (?:this|the) role)", r"(?:base|salary|pay) range is",
    r"talk soon", r"good question", r"great question", r"fair enough", r"go on", r"agreed",
    r"that'?s (?:very |really |a |an )?(?:concrete|organi[sz]ed|honest read|fair (?:read|observation|point)|good answer|great answer|the right instinct)",
    r"you'?re (?:in the ballpark|right|reading it right|spot on|close|a bit off)", r"the part I'?d correct",
    r"I like (?:the|that|how|your)", r"I manage", r"I run (?:the|our|sales|programs|marketing|operations)",
    r"I lead (?:the|our)", r"this role would", r"the role would", r"anything else\?", r"I'?m curious how you",
)

# What a candidate says about themself, their read of the role and their plan.
_CANDIDATE_SAYS = _rx(
    r"thanks? (?:you )?(?:so much )?for having me(?: back)?", r"thanks? (?:you )?for (?:the|this) opportunity",
    r"my experience", r"in my (?:last|current|previous|old) (?:role|job|company|position|team)",
    r"at my (?:last|current|previous|old) (?:role|job|company|employer|team)",
    r"my (?:current|previous|last) (?:role|job|company|employer|manager|salary|base)",
    r"my background", r"my resume", r"my cv", r"when I was at", r"I'?ve been (?:working|doing|leading|managing|at|thinking|looking)",
    r"I'?m (?:really |super |very )?(?:excited|keen|drawn)", r"I'?d love to", r"what drew me",
    r"years of experience", r"in my experience", r"I applied", r"my (?:first|last) (?:interview|conversation|talk)",
    r"(?:our|my) first (?:talk|conversation|interview|chat|call)", r"since I (?:met|talked|spoke)",
    r"my (?:read|guess|sense|take|understanding|impression|approach|plan)", r"how I'?d (?:approach|start|tackle)",
    r"I'?d (?:start|begin|focus|spend|prioriti[sz]e|want|probably|guess|go|visit|build|set up|need|support|listen|just)",
    r"I would (?:start|begin|focus|spend|prioriti[sz]e|want|build)", r"in my first (?:\w+ )?(?:month|week|days|quarter|year|weeks|months)",
    r"(?:first|by) (?:thirty|sixty|ninety|30|60|90) days", r"if I'?m right", r"I look forward", r"looking forward to",
    r"hearing from you", r"I'?ve (?:really )?enjoyed (?:this|our|the|it)", r"I'?m at \d+", r"I'?d be hoping",
    r"I noticed", r"I looked at", r"I read (?:through|your|the)", r"I spent some time", r"I did some (?:research|digging|homework)",
    r"I'?m (?:a )?(?:strong|quick|hard|detail|team)", r"I work well", r"I'?m (?:very |really )?(?:adaptable|flexible|organized|creative)",
    r"that'?s (?:really |very |super )?(?:helpful|good to know|useful|great to hear|good news|exactly the kind)",
    r"(?:that )?sounds (?:great|wonderful|good|really|fun|like a)", r"good to know", r"that'?s what I'?m looking for",
    r"I'?d want to be", r"the next step in my career", r"I want to be doing",
)

# Questions a candidate asks the interviewer.
_CANDIDATE_ASKS = _rx(
    r"next steps?", r"ballpark", r"off base", r"fair read", r"correct me if", r"overstating", r"understating",
    r"match(?:es)? what you'?re seeing", r"am I (?:right|reading|on|off|missing|close)", r"is that (?:roughly |about )?right",
    r"(?:management|leadership|managing|coaching|feedback) style", r"like as a (?:manager|boss|leader)",
    r"(?:team|department|group|unit|culture|office)(?: \w+)? like\b", r"the culture", r"success look like",
    r"why is (?:the|this) (?:role|position|job) open", r"what do you (?:enjoy|like|love)", r"hear (?:back|from you)",
    r"timeline", r"decision", r"decide", r"who else", r"(?:anything|something) (?:else )?(?:more )?(?:you need|from me)",
    r"goals", r"targets", r"priorities", r"contribute", r"how (?:does|would|will|do|can) (?:the|this|a|an) \w+(?: \w+)? (?:role|person|position|hire|job)",
    r"how long have you", r"biggest challenges?", r"the budget", r"the range", r"bonus", r"commission", r"benefits",
    r"paid out", r"the process", r"after today", r"from here", r"how often would we", r"how many of you",
)

_QUESTION_OPENERS = re.compile(
    r"^\s*(?:so,?\s+|and\s+|okay,?\s+|ok,?\s+|great,?\s+|right,?\s+)?"
    r"(?:what|how|why|when|where|who|which|can you|could you|would you|do you|did you|have you|are you|"
    r"were you|is there|tell me|walk me|talk me|describe)\b",
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


def _question_kind(q: str) -> str:
    """'interviewer' (asks about the other person), 'candidate' (asks about the job, checks a read) or 'open'."""
    if _INTERVIEWER_STRONG.search(q):
        return "interviewer"
    if _CANDIDATE_ASKS.search(q):
        return "candidate"
    if re.search(r"\b(?:am i|do i|should i|would i|will i|can i|could i|my)\b", q, re.I):
        return "candidate"
    if _SECOND_PERSON.search(q):
        return "interviewer"
    return "open"


@dataclass
class _Stats:
    name: str
    turns: int = 0
    words: int = 0
    asks: int = 0               # interviewer-style questions
    open_asks: int = 0          # questions that could come from either side
    candidate_asks: int = 0     # questions a candidate asks
    strong: int = 0
    interviewer_says: int = 0
    candidate_says: int = 0
    first_person: int = 0
    second_person: int = 0
    we: int = 0
    answers: int = 0            # replies to the other side's interview questions
    explains: int = 0           # replies to the other side's questions about the job
    opens: int = 0
    closes: int = 0
    asked: int = 0              # every question sentence they said (what the reason line counts)
    evidence: dict[str, float] = field(default_factory=dict)

    @property
    def questions(self) -> int:
        return self.asks + self.open_asks

    @property
    def score(self) -> float:
        return sum(self.evidence.values())


def _stats(dialogue: Dialogue) -> dict[str, _Stats]:
    utts = dialogue.utterances
    stats = {n: _Stats(n) for n in dialogue.speakers}
    prev_kind: str | None = None
    for i, u in enumerate(utts):
        s = stats[u.name]
        text = u.text
        s.turns += 1
        s.words += len(text.split())
        questions = _questions(text)
        s.asked += len(questions)
        kinds = [_question_kind(q) for q in questions][-3:]  # the last few: what the turn ends asking
        s.asks += kinds.count("interviewer")
        s.open_asks += kinds.count("open")
        s.candidate_asks += kinds.count("candidate")
        s.strong += len(_INTERVIEWER_STRONG.findall(text))
        s.interviewer_says += len(_INTERVIEWER_SAYS.findall(text))
        s.candidate_says += len(_CANDIDATE_SAYS.findall(text))
        s.first_person += len(_FIRST_PERSON.findall(text))
        s.second_person += len(_SECOND_PERSON.findall(text))
        s.we += len(_WE.findall(text))
        if i > 0 and utts[i - 1].name != u.name and prev_kind:
            if prev_kind == "interviewer":
                s.answers += 1
            elif prev_kind == "candidate":
                s.explains += 1
        prev_kind = None
        if kinds:
            c = Counter(kinds)
            prev_kind = max(("interviewer", "candidate", "open"), key=lambda k: (c[k], k == kinds[-1]))
            if prev_kind == "open":
                prev_kind = None
    if utts:
        stats[utts[0].name].opens += 1
        stats[utts[-1].name].closes += 1
    return stats


def _score(stats: dict[str, _Stats]) -> None:
    """Fill each speaker's evidence: positive means candidate-like."""
    for s in stats.values():
        s.evidence["asks"] = -2.0 * s.asks - 0.5 * s.open_asks
        s.evidence["candidate_asks"] = 2.0 * s.candidate_asks
        s.evidence["interviewer_says"] = -3.0 * s.strong - 1.0 * s.interviewer_says
        s.evidence["candidate_says"] = 1.5 * s.candidate_says
        s.evidence["answers"] = 1.5 * s.answers - 1.5 * s.explains
        if s.words:
            # pronoun balance: "I/my" against "you/your/we/our", per 100 words, weighted by how much they spoke
            balance = (s.first_person - s.second_person - 0.5 * s.we) / s.words * 100
            s.evidence["pronouns"] = max(-6.0, min(6.0, balance * min(1.0, s.words / 150) * 0.5))
        s.evidence["opens"] = -2.0 * s.opens - 0.5 * s.closes


def _reason(choice: _Stats, others: list[_Stats]) -> str:
    # Counted over every question sentence, so the figures are the ones a reader can check.
    asked_by_others = sum(o.asked for o in others)
    total = asked_by_others + choice.asked
    one = len(others) == 1
    who = "the other speaker" if one else f"the other {len(others)} speakers"
    if total >= 3 and asked_by_others / total >= 0.6:
        return f"answers the questions; {who} {'asks' if one else 'ask'} {asked_by_others} of {total} questions"
    if choice.candidate_asks >= 2 and choice.candidate_asks > sum(o.candidate_asks for o in others):
        return f"asks about the job and the next steps; {who} {'answers' if one else 'answer'}"
    if sum(o.strong for o in others) > choice.strong:
        return f"{who} {'runs' if one else 'run'} the interview (opens it, invites the questions)"
    if choice.candidate_says > max((o.candidate_says for o in others), default=0):
        return f"talks about their own experience and plans; {who} {'talks' if one else 'talk'} about the role"
    return "speaks most like a candidate (fewer questions, more 'I' and 'my')"


def _by_content(dialogue: Dialogue) -> CandidateChoice:
    stats = _stats(dialogue)
    _score(stats)
    ranked = sorted(stats.values(), key=lambda s: s.score, reverse=True)
    best, second = ranked[0], ranked[1]
    margin = best.score - second.score
    scale = 10.0 if len(ranked) == 2 else 12.0
    confidence = 0.5 + 0.49 * math.tanh(margin / scale)
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
