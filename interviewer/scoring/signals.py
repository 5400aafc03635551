"""What the candidate said, cut into sentences and read for the signals each criterion needs.

Everything here is deterministic: dialogue structure (who asks, who answers, what question a
turn replies to), question detection, and phrase patterns. It is what makes the offline scorer
accurate without a capable model. Only candidate sentences that pass the quality filter
(not gibberish, not a repeat, not an instruction to the grader) are ever evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interviewer import text
from interviewer.models import Transcript
from interviewer.text.phrases import phrase

# --- sentences -----------------------------------------------------------------------------
# One splitter and one question test for the whole product live in interviewer.text.
_WORD = text.sentences.WORD

INJECTION = phrase("instruction.injection")


@dataclass(frozen=True)
class Sentence:
    turn: int  # 1-based index into the transcript's turns
    text: str  # verbatim span of the turn's text
    is_question: bool
    # The learned model's intent probabilities (interviewer.text.model); empty when it is off.
    intents: dict = field(default_factory=dict, compare=False, hash=False)

    def p(self, intent: str) -> float:
        return self.intents.get(intent, 0.0)

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass
class CandidateTurn:
    turn: int
    text: str
    sentences: list[Sentence]
    prompt: str  # what the interviewer said just before (the question this answers)
    usable: bool = True
    why_unusable: str = ""


@dataclass
class Reading:
    """The transcript as the rules see it."""

    transcript: Transcript
    candidate_turns: list[CandidateTurn] = field(default_factory=list)
    interviewer_text: str = ""
    dropped: list[str] = field(default_factory=list)
    vision: tuple | None = None  # (reads, approaches), computed once by rules.vision_sentences
    # criterion -> {id(sentence): probability} for sentences only the learned model took as evidence
    model_only: dict = field(default_factory=dict)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for t in self.candidate_turns if t.usable for s in t.sentences]

    @property
    def all_text(self) -> str:
        """What was really said: the interviewer's turns and the candidate's countable sentences."""
        return self.interviewer_text + "\n" + "\n".join(s.text for s in self.sentences)


def split_sentences(turn: int, raw: str) -> list[Sentence]:
    """The turn's sentences (verbatim spans) that have at least two words or ask something."""
    return [Sentence(turn, chunk, text.is_question(chunk)) for chunk in text.countable_sentences(raw)]


is_question = text.is_question


_MASH = re.compile(r"asdf|qwer|zxcv|hjkl|sdfg|fdsa|lorem|ipsum|xyzzy", re.I)
_FILLER = set("um uh er erm mm hmm the a an and so like yeah you know i".split())


def is_gibberish(text: str) -> bool:
    """Keyboard mash, garbled transcription ("the the um the"), or words no language has."""
    alpha = [w.lower().strip("'’-") for w in _WORD.findall(text) if w[0].isalpha()]
    if len(alpha) < 3:
        return False  # short replies ("Okay.", "Yes, thanks.") are not gibberish, just short
    content = [w for w in alpha if w not in _FILLER]
    if len(alpha) >= 6 and len(content) / len(alpha) < 0.3:
        return True
    odd = sum(1 for w in alpha if _MASH.search(w) or not re.search(r"[aeiouy]", w) or re.search(r"[bcdfghjklmnpqrstvwxz]{5,}", w))
    return odd / len(alpha) > 0.3


_BARE_REPEAT = re.compile(r"\b([a-z']+)\s+(?=\1\b)", re.I)


def is_garbled(sentence: str) -> bool:
    """An auto-transcript that lost the speech: many words doubled with nothing between
    ("the the route the route back back tiered tiered"). A spoken false start is written with a
    comma ("that's, that's fine") and stays."""
    words = len(_WORD.findall(sentence))
    repeats = len(_BARE_REPEAT.findall(sentence))
    return words >= 8 and repeats >= 3 and repeats / words >= 0.12


def _norm(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text))


# The learned intent model reads every candidate sentence beside the patterns; False turns it
# off (benchmarks/first_contact.py --patterns-only measures what it adds).
USE_MODEL = True


def _instruction(s: Sentence) -> bool:
    """Addressed to a grader/AI/system, narrating "the candidate", or a pasted verdict."""
    return bool(INJECTION.search(text.normalize(s.text))) or s.p("instruction") >= 0.9


def read(transcript: Transcript) -> Reading:
    """Candidate turns with their sentences, minus what must never count as evidence."""
    from interviewer.text.model import load_model

    model = load_model() if USE_MODEL else None
    reading = Reading(transcript)
    seen: set[str] = set()
    prompt = ""
    interviewer_parts = []
    for i, t in enumerate(transcript.turns, start=1):
        if t.speaker != "candidate":
            prompt = t.text
            interviewer_parts.append(t.text)
            continue
        every = split_sentences(i, t.text)
        if model is not None:
            every = [Sentence(s.turn, s.text, s.is_question, model.predict(s.text)) for s in every]
        told, garbled = [_instruction(s) for s in every], [is_garbled(s.text) for s in every]
        sents = [s for s, x, g in zip(every, told, garbled) if not (x or g)]
        if any(told):
            reading.dropped.append(f"turn {i}: an instruction to the grader was ignored")
        if any(garbled):
            reading.dropped.append(f"turn {i}: garbled transcription, not counted")
        ct = CandidateTurn(i, t.text, sents, prompt)
        norm = _norm(t.text)
        if not sents or not any(len(_WORD.findall(x.text)) >= 1 for x in sents):
            ct.usable, ct.why_unusable = False, "empty"
        elif is_gibberish(" ".join(s.text for s in sents)):
            ct.usable, ct.why_unusable = False, "gibberish"
        elif len(norm.split()) >= 4 and norm in seen:
            ct.usable, ct.why_unusable = False, "repeats an earlier answer"
        if not ct.usable:
            reading.dropped.append(f"turn {i}: {ct.why_unusable}, not counted")
        # Within a turn, a sentence repeated verbatim counts once.
        uniq, keys = [], set()
        for s in ct.sentences:
            k = _norm(s.text)
            if k not in keys:
                keys.add(k)
                uniq.append(s)
        ct.sentences = uniq
        seen.add(norm)
        reading.candidate_turns.append(ct)
        prompt = ""
    reading.interviewer_text = "\n".join(interviewer_parts)
    return reading
