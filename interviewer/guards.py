"""Guards on every interviewer turn: what a model reply must satisfy before a user sees it.

`problems()` names what is wrong with a reply (used to measure raw model output too);
`repair()` cuts a reply down to its acceptable part, or returns None when nothing is left,
in which case the dialogue regenerates or uses the plan's own line.
`sanitize_candidate()` keeps candidate text from posing as instructions to the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from interviewer import prompts

MAX_WORDS = 120

# Chat-template debris from the models we run (ChatML, Llama, Mistral, Gemma) and role labels.
_TEMPLATE_TOKEN = re.compile(
    r"<\|[a-z_]+\|>|<\|?(?:im_start|im_end|endoftext|eot_id)\|?>|\[/?INST\]|</?s>|<start_of_turn>|<end_of_turn>",
    re.I,
)
_ROLE_LINE = re.compile(r"^\s*(?:system|user|assistant)\s*$", re.I | re.M)
_OFF_PERSONA = re.compile(
    r"\b(?:as an ai|an ai (?:language )?model|language model|i'?m an assistant|i am an assistant|"
    r"system prompt|my instructions|i cannot (?:assist|help) with|openai|chatgpt|"
    r"the (?:candidate|interviewer) (?:says|said|responds|replies)\b)",
    re.I,
)
_NEXT_STEPS = re.compile(
    r"\b(?:next steps?|next round|final round|we'?ll be in touch|hear back|get back to you|"
    r"references?|decision (?:by|within|in)|make (?:a|our) decision|send (?:you )?an offer|"
    r"offer letter|timeline for (?:the )?(?:decision|hiring|process))\b",
    re.I,
)
_INSTRUCTION = re.compile(
    r"\b(?:ignore (?:all |any |the |your )?(?:previous |prior |above )?(?:instructions|rules|prompt)|"
    r"you are now|new instructions|system prompt|disregard (?:the|your|all)|pretend (?:to be|you are)|"
    r"act as|from now on)\b",
    re.I,
)
# After . ! ? (and a closing quote or bracket, kept with its sentence), but not after "Mr." or "Dr.".
_SENTENCE = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"'’”)\]]))(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)\s+")
_WORD = re.compile(r"[A-Za-z0-9']+")


@dataclass
class GuardContext:
    interviewer_name: str
    candidate_name: str | None = None
    earlier_replies: list[str] = field(default_factory=list)
    allow_next_steps: bool = False
    candidate_text: str = ""
    max_words: int = MAX_WORDS

    @property
    def interviewer_first(self) -> str:
        return self.interviewer_name.split()[0]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text.strip()) if s.strip()]


def _norm(s: str) -> str:
    return " ".join(w.lower() for w in words(s))


def _speaker_label(ctx: GuardContext) -> re.Pattern[str]:
    names = {"candidate", "interviewer", "me", "user", "assistant", "human", "ai", "q", "a", "you"}
    names |= {ctx.interviewer_first.lower(), ctx.interviewer_name.lower()}
    if ctx.candidate_name:
        names |= {ctx.candidate_name.lower(), ctx.candidate_name.split()[0].lower()}
    alt = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"(?:^|\n)\s*(?:\*\*)?(?:{alt})(?:\*\*)?\s*:", re.I)


def _addresses_self(text: str, ctx: GuardContext) -> bool:
    """The interviewer calling the candidate by the interviewer's own name ("Thanks, Dana")."""
    first = re.escape(ctx.interviewer_first)
    for m in re.finditer(rf"\b{first}\b", text):
        before = text[max(0, m.start() - 20) : m.start()].lower()
        if re.search(r"(?:i'?m|i am|my name is|this is|name's)\s*$", before):
            continue
        return True
    return False


def _loops(text: str) -> bool:
    sents = [_norm(s) for s in sentences(text)]
    sents = [s for s in sents if len(s.split()) >= 3]
    if len(sents) != len(set(sents)):
        return True
    toks = [w.lower() for w in words(text)]
    grams: dict[tuple[str, ...], int] = {}
    for i in range(len(toks) - 3):
        g = tuple(toks[i : i + 4])
        grams[g] = grams.get(g, 0) + 1
        if grams[g] >= 3:
            return True
    return False


def loops(text: str) -> bool:
    """A sentence said twice, or a four-word run three times, within one stretch of text."""
    return _loops(text)


def _repeats_earlier(text: str, ctx: GuardContext) -> bool:
    earlier = {_norm(s) for r in ctx.earlier_replies[-6:] for s in sentences(r)}
    return any(len(n.split()) >= 5 and n in earlier for n in map(_norm, sentences(text)))


def _echoes_injection(text: str, ctx: GuardContext) -> bool:
    """The reply repeats a run of 6+ words from a candidate line that gave the model orders."""
    if not ctx.candidate_text or not looks_like_instruction(ctx.candidate_text):
        return False
    cand = [w.lower() for w in words(ctx.candidate_text)]
    grams = {tuple(cand[i : i + 6]) for i in range(len(cand) - 5)}
    toks = [w.lower() for w in words(text)]
    return any(tuple(toks[i : i + 6]) in grams for i in range(len(toks) - 5))


@cache
def _as_candidate() -> re.Pattern[str]:
    return re.compile(prompts.data("listening.toml")["meaning"]["as_candidate"], re.I)


def problems(text: str, ctx: GuardContext) -> list[str]:
    """Every guard the reply fails, by name. Empty list: the reply may be shown as is."""
    found = []
    if not words(text):
        return ["empty"]
    if _TEMPLATE_TOKEN.search(text) or _ROLE_LINE.search(text):
        found.append("template_tokens")
    if _speaker_label(ctx).search(text):
        found.append("speaks_for_candidate")
    if _addresses_self(text, ctx):
        found.append("wrong_name")
    if len(words(text)) > ctx.max_words:
        found.append("too_long")
    if _loops(text) or _repeats_earlier(text, ctx):
        found.append("repetition")
    if _OFF_PERSONA.search(text) or _echoes_injection(text, ctx):
        found.append("off_persona")
    if _as_candidate().search(text):
        found.append("speaks_as_candidate")  # "You're lucky to have me", "thanks for having me": the candidate's lines
    if not ctx.allow_next_steps and _NEXT_STEPS.search(text):
        found.append("volunteers_next_steps")
    return found


def repair(text: str, ctx: GuardContext, max_sentences: int | None = None) -> str | None:
    """Keep the longest clean opening of the reply: cut at template debris or a speaker label,
    then keep whole sentences while each passes every guard. None when nothing passes."""
    cut = len(text)
    for pattern in (_TEMPLATE_TOKEN, _ROLE_LINE, _speaker_label(ctx)):
        m = pattern.search(text)
        if m:
            cut = min(cut, m.start())
    text = text[:cut].replace("\n", " ").strip()
    kept: list[str] = []
    for sent in sentences(text):
        candidate = " ".join(kept + [sent])
        if problems(candidate, ctx):
            break
        if not re.search(r"[.!?…][\"')\]]*$", sent):  # an unfinished last sentence
            break
        kept.append(sent)
        if max_sentences and len(kept) >= max_sentences:
            break
    return " ".join(kept) or None


def sanitize_candidate(text: str) -> str:
    """Candidate text as data: no template tokens, no closing tag, no fake role headers."""
    text = _TEMPLATE_TOKEN.sub(" ", text)
    text = re.sub(r"</?candidate>", " ", text, flags=re.I)
    text = re.sub(r"(?im)^\s*(system|assistant|user|interviewer)\s*:", r"(\1)", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def looks_like_instruction(text: str) -> bool:
    return bool(_INSTRUCTION.search(text))
