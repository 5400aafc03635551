"""The question bank (prompts/questions.toml): which common second-interview question a candidate
sentence asks, and the persona's facts that answer it. Matching is on whole words only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, Field

from interviewer import prompts, topic_model
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


class Unknown(BaseModel):
    """A practical question no persona's facts answer (parking, the dress code): named and
    honestly not known, unless the persona has the fact."""

    id: str
    thing: str  # how the interviewer names it: "the parking situation"
    fields: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(min_length=1)
    lines: list[str] = Field(default_factory=list)  # its own in-character replies, if any
    offtopic: bool = False  # not about the job at all (the office dog), as against practical (parking)


@cache
def questions() -> tuple[Question, ...]:
    return tuple(Question.model_validate(q) for q in prompts.data("questions.toml")["question"])


@cache
def unknowns() -> tuple[Unknown, ...]:
    return tuple(Unknown.model_validate(u) for u in prompts.data("questions.toml")["unknown"])


@cache
def _reader() -> dict:
    return prompts.data("questions.toml")["reader"]


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


def scored(sentence: str) -> tuple[Question | None, int]:
    """The bank question a sentence asks and the weight of its keyword hits (0: none matched)."""
    said = content_words(sentence)
    best, best_score, best_hits = None, 0.0, 0
    for q, pats, words in _compiled():
        hits = sum(n for p, n in pats if p.search(sentence))
        if not hits:
            continue
        score = hits + 0.25 * len(said & words)
        if score > best_score:
            best, best_score, best_hits = q, score, hits
    return best, best_hits


def match(sentence: str) -> Question | None:
    """The bank question a sentence asks, or None when no keyword of any entry is in it."""
    return scored(sentence)[0]


def by_id(qid: str) -> Question:
    return next(q for q in questions() if q.id == qid)


def by_topic(topic: str) -> Question:
    return next(q for q in questions() if q.topic == topic)


def fact(persona: Persona, name: str) -> str:
    """A persona's answer for one field: its facts, then its answers, then its top-level fields,
    then the neutral defaults every interviewer can say (how long today's meeting is)."""
    if persona.facts.get(name):
        return persona.facts[name]
    value = getattr(persona.answers, name, None) or getattr(persona, name, None)
    if isinstance(value, str) and value:
        return value
    return prompts.fill(_reader()["defaults"].get(name, ""), first_name=persona.first_name, who=persona.refer_to)


def answer_for(persona: Persona, q: Question) -> tuple[str, str]:
    """(field, text) of the first field of the question the persona can answer; ("", "") if none."""
    for f in q.fields:
        text = fact(persona, f)
        if text:
            return f, text
    return "", ""


# Sub-questions inside one sentence: "who would I work with, and what tools does the team use?"
_SUBQUESTION = re.compile(
    r"(?:,\s*(?:and|plus)\s+|,\s*or\s+(?=(?:how|what|who|when|where|why|which|is|are|do|does|did|can|could|will|would|should|has|have)\b)|,\s+(?=(?:how|what|who|when|where|why|which|is|are|do|does|can|could|will|would)\b)|\s+and\s+(?=(?:what|how|who|where|when|why|which|is|are|do|does|can|could|will|would)\b)|;\s*)",
    re.I,
)


def parts(question: str) -> list[str]:
    """The separate questions inside one question sentence."""
    pieces = [p.strip(" ,;") for p in _SUBQUESTION.split(question) if p and p.strip(" ,;")]
    merged: list[str] = []
    for p in pieces:  # "Tell me, what's the team like?" is one question
        if merged and len(merged[-1].split()) < 3 and not merged[-1].endswith("?"):
            merged[-1] = f"{merged[-1]}, {p}"
        else:
            merged.append(p)
    return merged or [question]


# --- reading a question's topic, or abstaining --------------------------------------------------


def stem(word: str) -> str:
    """A crude stem, enough to match "courses" with "course" and "parking" with "park"."""
    w = word.lower().strip("'").removesuffix("'s")
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4 and not (suffix == "s" and w.endswith("ss")):
            return w[: -len(suffix)] + keep
    return w


def key_words(text: str) -> set[str]:
    """The stems of a question's content words, without the words any question could hold
    ("people", "actually", "role")."""
    generic = set(_reader()["generic"])
    return {stem(w) for w in content_words(text) if w not in generic and stem(w) not in generic}


@cache
def _topic_vocab(topic: str) -> frozenset[str]:
    words: set[str] = set()
    for q in questions():
        if q.topic == topic:
            for text in q.keywords + q.phrasings:
                words |= {stem(w) for w in _WORD.findall(text.lower())}
    return frozenset(words)


@cache
def _unknown_patterns() -> tuple[tuple[Unknown, tuple[re.Pattern[str], ...]], ...]:
    return tuple((u, tuple(keyword_pattern(k) for k in u.keywords)) for u in unknowns())


@dataclass
class Topic:
    """What a question part asks, as the interviewer reads it."""

    question: Question | None = None  # the bank entry it asks, when the reading is sure
    unknown: Unknown | None = None  # a practical thing no persona knows (parking)
    abstained: bool = False  # a keyword matched, but the question is about something else
    learned: bool = False  # the question-topic model read it where no keyword did (or against one)
    unsure: bool = False  # only the model's likeliest topic, below its usual bar: answered as a guess
    asks_nothing: bool = False  # the model is sure it asks nothing about the job ("Why do you say that?")


def unknown_for(sentence: str) -> Unknown | None:
    for u, pats in _unknown_patterns():
        if any(p.search(sentence) for p in pats):
            return u
    return None


# How sure the question-topic model must be: to name a topic no keyword found, and to overrule
# the keyword bank's reading (benchmarks/train_question_topics.py scores both, held out by writer).
MODEL_NEW = 0.45
MODEL_GUESS = 0.3  # below MODEL_NEW and with no keyword: the likeliest topic's answer, said as a guess
MODEL_OVER = 0.6
MODEL_SURE = 0.75
MODEL_ABSTAINED = 0.45  # the keyword reader's own doubt (most words foreign to its topic) counts too
MODEL_AGREE = 0.4  # the model reads the very topic the doubting keyword reader found: both, weakly, agree


def read_topic(sentence: str, persona: Persona | None = None) -> Topic:
    """The bank question a sentence asks, read with care. The keyword bank and the learned
    question-topic model both read the question (a background clause before it set aside); when
    they agree, or only one of them is sure, that topic; the model overrules a keyword only when it
    is confident. A named practical thing (parking, the dress code) wins over a topic that merely
    shares a word with it; and a keyword match is dropped (abstained) when most of the question's
    own content words are foreign to that topic and to the persona's answer ("Do you allow dogs in
    the office?" is not about hybrid work)."""
    core = question_core(sentence)
    learned, p = topic_model.best(core)
    if p < MODEL_NEW and core != sentence:
        learned, p = max((learned, p), topic_model.best(sentence), key=lambda x: x[1])
    kw = keyword_topic(core, persona)
    if kw.question is None and kw.unknown is None and core != sentence:
        kw = keyword_topic(sentence, persona)
    said = kw.question.topic if kw.question else "practical" if kw.unknown else ""
    if learned == said or not learned or not content_words(core):
        return kw  # "Why?" alone leans on what came before: no model guesses at it
    if kw.abstained and p >= MODEL_AGREE and (raw := scored(core)[0] or scored(sentence)[0]) is not None and raw.topic == learned:
        # the keyword reader doubted its own topic ("what would my shift pattern be - fixed or changing
        # week to week?" has more words foreign to it than its own), but the model reads the same
        # topic: two independent readings agree
        return Topic(question=raw, learned=True)
    if learned == "none":
        return kw if p < MODEL_OVER or said or kw.abstained else Topic(abstained=True, asks_nothing=True)
    if learned == "practical":  # a thing it names, said back; a sure reading without one is left alone
        if said or kw.abstained or p < MODEL_NEW:
            return kw
        thing = practical_thing(core)
        return Topic(unknown=thing) if thing else kw if p < MODEL_OVER else Topic(abstained=True)
    # a long keyword phrase ("working relationship with you") is outweighed only by a sure model
    over = MODEL_SURE if kw.question is not None and scored(core)[1] >= 2 else MODEL_OVER
    if (said and p >= over) or (kw.abstained and p >= MODEL_ABSTAINED) or (not said and not kw.abstained and p >= MODEL_NEW):
        return Topic(question=in_topic(learned, core), learned=True)
    if not said and not kw.abstained and p >= MODEL_GUESS and key_words(core) & _topic_vocab(learned):
        return Topic(question=in_topic(learned, core), learned=True, unsure=True)
    return kw


def guess_supported(part: str, answer: str) -> bool:
    """A guessed topic's answer is said only when a second signal agrees with the guess: the answer
    itself holds one of the question's own words ("do you pay overtime?" is not answered by the
    salary block; "how long is the commute into the office?" is by the office-days answer)."""
    said = {stem(w) for w in content_words(answer)}
    asked = key_words(question_core(part)) | key_words(part)
    # "weekly" agrees with "week": one word the start of the other, four letters or more
    return any(a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a))) for a in asked for b in said)


def in_topic(topic: str, text: str) -> Question:
    """The bank entry of a topic a question is closest to: its keywords, then its phrasings' words."""
    said = content_words(text)
    best, key = None, (-1.0, -1.0)
    for q, pats, words in _compiled():
        if q.topic == topic:
            k = (sum(n for p, n in pats if p.search(text)), len(said & words))
            if k > key:
                best, key = q, k
    return best or by_topic(topic)


def keyword_topic(sentence: str, persona: Persona | None = None) -> Topic:
    """The keyword bank's reading of a question alone."""
    q, hits = scored(sentence)
    if u := unknown_for(sentence):
        # "How does the owner get involved in the kitchen?" asks about the owner, not the food:
        # a one-word practical thing gives way to a question the bank reads with more weight
        one_word = all(len(k.split()) == 1 for k in u.keywords if keyword_pattern(k).search(sentence))
        if not (q is not None and hits >= 2 and one_word):
            return Topic(unknown=u)
    if q is None:
        return Topic()
    asked = key_words(sentence)
    if not asked:
        return Topic(question=q)
    known = set(_topic_vocab(q.topic))
    if persona is not None:  # its answer, and its own title, company and name
        known |= {stem(w) for w in _WORD.findall(answer_for(persona, q)[1].lower())}
        known |= {stem(w) for w in _WORD.findall(" ".join((persona.title, persona.company, persona.name, persona.role_title)).lower())}
    foreign = asked - known
    if len(foreign) > max(len(asked - foreign), hits):
        return Topic(abstained=True)
    return Topic(question=q)


def search_facts(persona: Persona, sentence: str, limit: int = 2) -> str:
    """For a question the bank can't place: the persona's own sentences that share at least two of
    its content words ("How do you handle month-end close?" finds the month-end sentence)."""
    asked = key_words(sentence)
    if len(asked) < 2:
        return ""
    found: list[tuple[int, str]] = []
    texts = [v for v in persona.facts.values() if isinstance(v, str)]
    texts += [v for v in persona.answers.model_dump().values() if isinstance(v, str)]
    seen = set()
    for text in texts:
        for s in _SENTENCE.split(text.strip()):
            if s in seen:
                continue
            seen.add(s)
            overlap = len(asked & {stem(w) for w in content_words(s)})
            if overlap >= max(2, (len(asked) + 1) // 2):  # two shared words in a long question are chance
                found.append((overlap, s))
    found.sort(key=lambda x: -x[0])
    return " ".join(s for _, s in found[:limit])


_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def points_back(part: str) -> bool:
    """'Is that sort of trade something you can do?': a question about what was just said."""
    return bool(re.search(_reader()["points_back"], part, re.I))


def reader_lines(name: str) -> list[str]:
    return list(_reader()[name])


def about_hiring_manager(part: str, persona: Persona, q: Question | None) -> Question | None:
    """'What's Callum like to work for?' asked of Callum's boss (a skip-level whose role file names
    Callum): about Callum, not about the interviewer."""
    first = persona.facts.get("hiring_manager_first", "")
    if persona.level == "skip_level" and first and re.search(rf"\b{re.escape(first)}\b", part) \
            and (q is None or q.topic in ("manager_style", "team")):
        return by_id("hiring_manager_like")
    return q


def reads_reality(text: str, reality) -> int:
    """How many of a reality's keywords the text names (each counted once)."""
    return sum(1 for k in reality.keywords if keyword_pattern(k).search(text))


def asks_meaning(part: str) -> bool:
    """'What kind of example do you mean?': about the question we just asked, not a new one."""
    return bool(re.search(_reader()["asks_meaning"], part, re.I))


_BACK = re.compile(r"\b(?:it|that|this|those|them|they)\b", re.I)


def leans_back(part: str) -> bool:
    """'is it mainly line three', 'what time do you need to hit for that': a part of a stacked
    question that only makes sense with the part before it."""
    return bool(_BACK.search(part))


def follows_on(part: str) -> bool:
    """'if so, how much?', 'Did they leave?', 'when?': a part that leans on the question before it."""
    return bool(re.search(_reader()["follow_on"], part.strip(), re.I))


# "I've only used paper charts so far, so what system does the ward use?": the candidate's own
# background first, then the question; the topic is read from the question.
_CONTEXT_THEN = re.compile(
    r"^.{12,}?(?:,|;|\s[-–—])\s*(?:and\s+)?(?:so|but|then|therefore)\s*,?\s+"
    r"(?=(?:(?:um+|uh+|like|yeah|basically)\s+)*(?:what|what's|how|how's|who|who's|where|when|why|which|whether|is|are|do|does|did|can|could|would|will|should|have|has|roughly|realistically|in practice|from your|any)\b)",
    re.I,
)


def question_core(part: str) -> str:
    """A question part without a background clause before it (nothing else changes)."""
    m = _CONTEXT_THEN.match(part)
    return part[m.end():] if m else part


def topic_name(topic: str) -> str:
    """How the interviewer names a topic ("the hours", "where the job can lead")."""
    return _reader()["topic_names"].get(topic, "that")


def unsure_lines(tone: str) -> list[str]:
    d = _reader()["unsure"]
    return list(d.get(tone) or d["neutral"])


def named_deflections() -> list[str]:
    return list(_reader()["unsure"]["named"])


_MINE = {"my": "your", "i": "you", "me": "you", "our": "your", "we": "you", "mine": "yours"}


def practical_thing(question: str) -> Unknown | None:
    """A practical thing the question names ("free tickets" in "do staff get free tickets to the
    shows?"), as an unknown the interviewer can say it doesn't know; None when nothing is named."""
    m = re.search(_reader()["practical"]["thing"], question, re.I)
    if not m:
        return None
    words = [_MINE.get(w.lower(), w) for w in m.group("thing").strip(" '-").split()]
    if not words or not content_words(" ".join(words)):
        return None
    thing = prompts.fill(_reader()["practical"]["said"], thing=" ".join(words))
    return Unknown(id="thing:" + " ".join(words).lower(), thing=thing, keywords=[" ".join(words)])


# --- what the persona's own notes state ---------------------------------------------------------


@cache
def _bank_vocab() -> frozenset[str]:
    return frozenset(w for q in questions() for w in _topic_vocab(q.topic))


_CLAUSE = re.compile(r",\s+|;\s+|\s+[-–—]\s+|:\s+")


def _own_sentences(persona: Persona) -> list[str]:
    """What the role itself states - its description, its realities, its pay line, its notes - and
    not the general answers any interviewer gives (a success template that says "numbers")."""
    texts = [persona.role_reality, persona.facts.get("role", ""), persona.answers.compensation, persona.team]
    texts += [r.truth for r in persona.realities]
    seen: dict[str, None] = {}
    for text in texts:
        for s in _SENTENCE.split(text.strip()):
            if s and not re.match(r"^(?:honestly\?|you're close|i'd stop you)", s, re.I):
                seen.setdefault(s)
    # the role file's notes are the candidate's own words ("Dan said the main reason is..."): only
    # their clauses that speak of neither side, said as ours
    for s in _SENTENCE.split(persona.notes.strip()):
        for c in _CLAUSE.split(s):
            c = re.sub(r"^(?:and|but|so|also|plus)\s+", "", c.strip(" ,.;"), flags=re.I)
            if len(c.split()) >= 4 and not _NOTE_VOICE.search(c):
                seen.setdefault(c[:1].upper() + c[1:] + ".")
    return list(seen)


# a notes clause in the candidate's voice or reporting speech, never said as the interviewer's own
_NOTE_VOICE = re.compile(r"\b(?:i|i'd|i'm|i've|me|my|mine|said|says|told|tells|interview|he|she|him|her|his)\b", re.I)


# the words a question names a thing with: a noun phrase after a determiner ("the benefits adviser
# post", "the agency"), not a verb or an adverb ("what reason", "cover at")
_NAMED = re.compile(r"\b(?:the|a|an|any|our|your|my|this|that|those|these)\s+((?:[\w'-]+\s+){0,2}[\w'-]+)", re.I)


_NOT_NOUN = _STOP | set("get gets got getting going been being go goes went make makes made actually still ever".split())


def _noun_phrase(words: str) -> str:
    """The words after a determiner up to the first that can't be part of its noun phrase
    ("nurses get listened" -> "nurses", "benefits adviser post actually" -> "benefits adviser post")."""
    out = []
    for w in words.split():
        if w.lower() in _NOT_NOUN or w.lower().endswith(("ed", "ly")):
            break
        out.append(w)
    return " ".join(out)


def stated(persona: Persona, part: str, thing: list[str] | None = None) -> str:
    """What the persona's own notes say about the thing a question names, when nothing in the bank
    answers it: "is the uniform provided?" finds "meals on duty and uniform provided" in a role
    file's description; "what's the relationship like with the agency?" finds "about 40% of the
    night shift is agency staff"; "is the benefits adviser post going to be filled?" finds that it
    "has been empty since the spring". The thing is `thing` (the keywords a practical entry matched)
    or a word of five letters or more named in a noun phrase that no bank topic uses, so a question
    never gets a stray sentence that merely shares a common word. Said as the shortest clause
    holding it, so a uniform question never gets the salary that shares its sentence. "" when the
    notes say nothing about it."""
    core = question_core(part)
    asked = key_words(core)
    best, key, rare = "", (0, 0), set()
    if thing is not None:  # a practical entry's keyword names the thing: the whole phrase must be said ("dress code", not "code")
        pats = [keyword_pattern(k) for k in thing if keyword_pattern(k).search(part)]
        rare = {stem(w) for k in thing if keyword_pattern(k).search(part) for w in content_words(k)}
    else:
        named = {stem(w) for m in _NAMED.finditer(core) for w in content_words(_noun_phrase(m.group(1)))} & asked
        own = {stem(w) for w in content_words(" ".join((persona.role_title, persona.title)))}  # in every description
        rare = {w for w in named if w not in _bank_vocab() and w not in _reader()["generic"] and w not in own and len(w) >= 5}
        pats = []
    if not rare:
        return ""
    for s in _own_sentences(persona):
        words = {stem(w) for w in content_words(s)}
        hit = len([p for p in pats if p.search(s)]) if thing is not None else len(rare & words)
        if hit and (k := (hit, len(asked & words))) > key:
            best, key = s, k
    return _clause(best, rare) if best else ""


def _clause(sentence: str, words: set[str]) -> str:
    """The shortest clause of a sentence that holds one of `words`, as a sentence of its own (the
    whole sentence when that clause is a fragment of two words or fewer)."""
    pieces = [p for p in _CLAUSE.split(sentence) if words & {stem(w) for w in content_words(p)}]
    piece = min(pieces, key=len) if pieces else sentence
    if len(piece.split()) <= 2 or piece == sentence:
        return sentence
    piece = piece.strip().rstrip(".!?")
    return piece[:1].upper() + piece[1:] + "."


def said_in_passing(sentence: str) -> Question | None:
    """A practical line said as a statement that still wants an answer ("I'd need to give four
    weeks' notice"): the bank entry, when it is one of [reader] answer_said."""
    q, hits = scored(sentence)
    return q if q is not None and q.id in _reader()["answer_said"] else None


def preface(part: str) -> bool:
    """'Can I ask a few practical things?': leave to ask, answered by the answers that follow."""
    return bool(re.search(_reader()["preface"], part, re.I))
