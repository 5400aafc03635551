"""The question bank (prompts/questions.toml): which common second-interview question a candidate
sentence asks, and the persona's facts that answer it. Matching is on whole words only."""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, Field

from interviewer import prompts
from interviewer.models import Persona

_WORD = re.compile(r"[a-z0-9']+")
_STOP = set(
    "a an the and or but of to in on for with at by from as is are was were be been being do does did have has had i you your "
    "me my we our us it its this that these those what how who where when why which can could would will should there here "
    "about any some more most much many tell know like get got if so than then just also really yes no not up out".split()
)


class Question(BaseModel):
    id: str
    topic: str
    fields: list[str] = Field(min_length=1)
    phrasings: list[str] = Field(min_length=1)
    keywords: list[str] = Field(min_length=1)


@cache
def questions() -> tuple[Question, ...]:
    return tuple(Question.model_validate(q) for q in prompts.data("questions.toml")["question"])


def keyword_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as whole words: spaces and hyphens interchangeable, a plural "s" allowed
    ("edi" never matches inside "medical", "excel" never inside "excellent")."""
    parts = [re.escape(p) for p in re.split(r"[\s-]+", phrase.strip().lower()) if p]
    body = r"[\s-]+".join(parts)
    lead = r"\b" if re.match(r"\w", phrase.strip()) else ""
    tail = r"(?:e?s)?\b" if re.search(r"\w$", phrase.strip()) else ""
    return re.compile(lead + body + tail, re.I)


@cache
def _compiled() -> tuple[tuple[Question, tuple[tuple[re.Pattern[str], int], ...], frozenset[str]], ...]:
    out = []
    for q in questions():
        # A keyword weighs its distinct content words: "the team" counts less than "tech stack".
        unique = {re.sub(r"[\s-]+", " ", k.lower().strip()): k for k in q.keywords}
        pats = tuple((keyword_pattern(k), max(1, len(content_words(k)))) for k in unique.values())
        words = frozenset(w for p in q.phrasings for w in _WORD.findall(p.lower()) if w not in _STOP)
        out.append((q, pats, words))
    return tuple(out)


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


def match(sentence: str) -> Question | None:
    """The bank question a sentence asks, or None when no keyword of any entry is in it."""
    said = content_words(sentence)
    best, best_score = None, 0.0
    for q, pats, words in _compiled():
        hits = sum(n for p, n in pats if p.search(sentence))
        if not hits:
            continue
        score = hits + 0.25 * len(said & words)
        if score > best_score:
            best, best_score = q, score
    return best


def by_id(qid: str) -> Question:
    return next(q for q in questions() if q.id == qid)


def by_topic(topic: str) -> Question:
    return next(q for q in questions() if q.topic == topic)


def fact(persona: Persona, name: str) -> str:
    """A persona's answer for one field: its facts, then its answers, then its top-level fields."""
    if persona.facts.get(name):
        return persona.facts[name]
    value = getattr(persona.answers, name, None) or getattr(persona, name, None)
    return value if isinstance(value, str) else ""


def answer_for(persona: Persona, q: Question) -> tuple[str, str]:
    """(field, text) of the first field of the question the persona can answer; ("", "") if none."""
    for f in q.fields:
        text = fact(persona, f)
        if text:
            return f, text
    return "", ""


# Sub-questions inside one sentence: "who would I work with, and what tools does the team use?"
_SUBQUESTION = re.compile(
    r"(?:,\s*(?:and|or|plus)\s+|\s+and\s+(?=(?:what|how|who|where|when|why|which|is|are|do|does|can|could|will|would)\b)|;\s*)",
    re.I,
)


def parts(question: str) -> list[str]:
    """The separate questions inside one question sentence."""
    pieces = [p.strip(" ,;") for p in _SUBQUESTION.split(question) if p and p.strip(" ,;")]
    return [p for p in pieces if len(p.split()) >= 1] or [question]
