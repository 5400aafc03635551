"""The interview itself: the plan (stages from prompts/plan.toml), what the candidate's turn
asks for, the model call under guards, and the fallbacks. No terminal code, no storage.

A turn is composed, not hoped for:
  [reaction]  model-written (guided style: one short sentence) or the persona's acknowledgement
  [answers]   grounded in persona data when the candidate asked something
  [plan line] the stage's own question, from the persona file
In free style (capable backends) the model writes the whole turn from a directive holding the
plan line and the facts; if it fails the guards it is regenerated once, then the composed turn
is used instead. The user never sees a reply that failed a guard.
"""

from __future__ import annotations

import dataclasses
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field

from interviewer import bank, guards, listening, prompts, reading
from interviewer.backends import Capabilities, EmptyReply, describe_fault, with_retries
from interviewer.models import Persona, Stage, Turn, now


class StagePlan(BaseModel):
    id: Stage
    turns: int = Field(ge=1)


class Plan(BaseModel):
    stages: list[StagePlan]
    thin_answer_words: int = 5
    reaction_tokens: int = 48
    free_turn_tokens: int = 180

    @classmethod
    def load(cls) -> Plan:
        return cls.model_validate(prompts.data("plan.toml"))

    def turns_for(self, stage: str) -> int:
        return next((s.turns for s in self.stages if s.id == stage), 1)

    def after(self, stage: str) -> str | None:
        ids = [s.id for s in self.stages]
        i = ids.index(stage)
        return ids[i + 1] if i + 1 < len(ids) else None

    def with_turns(self, stage: str, turns: int) -> Plan:
        return self.model_copy(update={"stages": [s if s.id != stage else StagePlan(id=s.id, turns=turns) for s in self.stages]})


class PlanState(BaseModel):
    """Where the interview is; saved after every turn so a session can resume."""

    stage: Stage = "opening"
    stage_turns: int = 0
    used: dict[str, list[int]] = Field(default_factory=dict)
    asked_next_steps: bool = False
    pay_discussed: bool = False
    nudged_in: list[str] = Field(default_factory=list)
    reacted_to: list[str] = Field(default_factory=list, description="realities already confirmed or corrected")
    finished: bool = False
    covered: list[str] = Field(default_factory=list, description="stages the candidate covered before being asked")
    probed_in: list[str] = Field(default_factory=list, description="stages where a generic answer got a follow-up")
    answered: list[str] = Field(default_factory=list, description="persona fields already given as answers")
    repeated: list[str] = Field(default_factory=list, description="fields already given a second time, in short")
    extra_questions: int = 0
    rude: int = 0
    weak_answers: int = Field(default=0, description="empty or generic answers to the interviewer's questions")
    solid_answers: int = Field(default=0, description="answers with a plan, a read, a story or a figure")
    candidate_questions: int = 0
    their_pay: bool = Field(default=False, description="the candidate has given a pay figure")
    offtopic_asks: int = Field(default=0, description="questions about anything but the job (kids, softball, the office dog)")


@dataclass
class Reply:
    text: str
    stage: str
    source: str  # plan | model | model+plan | answer+plan
    problems: list[str] = field(default_factory=list)  # guard failures of the model's own output
    raw: str = ""  # what the model wrote, before the guards
    notice: str = ""
    ttft: float | None = None
    seconds: float = 0.0
    model_text: str = ""  # the model's own words that were shown (passed every guard and the meaning check)


# --- what the candidate's turn asks for ------------------------------------------------------

# Bank topics as the coarse kinds other modules (prep, benchmarks) key on.
_KIND = {"process": "next_steps", "pay": "compensation", "benefits": "compensation", "company_goals": "goals",
         "role_goals": "goals", "success": "goals", "manager_style": "management_style", "culture": "culture",
         "team": "team", "remote": "culture", "schedule": "culture"}


def _lower_first(sentence: str) -> str:
    """'As I said - the range is...' reads on; a name or 'I' keeps its capital."""
    first = sentence.split(" ", 1)[0]
    if first[:1].isupper() and (first[1:].islower() or len(first) == 1) and first not in ("I", "I'm", "I'd", "I've", "I'll") and first in listening.data()["deflections"]["lowerable"]:
        return sentence[:1].lower() + sentence[1:]
    return sentence


def _question_for(part: str, r: reading.Reading, whole: bool, persona: Persona | None = None) -> bank.Topic:
    """What a question part asks. The shared intents (what the judge scores) name next steps and
    pay only when the bank reads nothing there: "Is there a training budget?" stays training."""
    t = bank.read_topic(part, persona)
    if t.question or t.unknown or t.abstained or not whole:
        return t
    if r.has("next_steps"):
        return bank.Topic(question=bank.by_id("next_steps"))
    if r.has("pay_question"):
        return bank.Topic(question=bank.by_id("pay_range"))
    return t


@dataclass
class RouteContext:
    """What the question loop knows beyond the words of a part: the stage the answer was given in,
    the plan's stage now, whether a question earlier in the turn was read, the turn's statements."""

    turn_stage: str = ""
    stage: str = ""
    earlier: bool = False
    statement_words: int = 0
    offtopic: bool = False


@dataclass
class Route:
    """Where one question part goes. kind: `clarify` (about our question), `skip` (answered by
    them, leans on the part before, an answer said with a rising voice, said to themselves),
    `personal`, `unknown` (a named practical thing), `topic` (a bank question), `facts` (a
    persona sentence the bank can't place), or a part with nothing to answer it: `turned_back`,
    `about_interview`, `pleasantry`, `small_talk`, `aside`, `deflect`."""

    kind: str
    question: bank.Question | None = None
    unknown: bank.Unknown | None = None
    facts: str = ""
    unsure: bool = False  # the topic is the reading's best guess: the answer says what it took the question for


def route_part(part: str, r: reading.Reading, readings: list[reading.Reading], text: str, whole: bool,
               persona: Persona | None, ctx: RouteContext) -> Route:
    """The one reading of a question part: what both the question loop in `Interview._hear` and
    `route_question` (the benchmark) act on."""
    if listening.clarify(part) or bank.asks_meaning(part):
        return Route("clarify")
    if bank.preface(part) and len(readings) > 1:
        return Route("skip")  # "Can I ask a few practical things?" before the things themselves
    if listening.rhetorical(part, text) and Interview._answered_by_them(r, readings):
        return Route("skip")  # "Why am I leaving? Honestly, ...": they answer it themselves
    if ctx.earlier and bank.follows_on(part):
        return Route("skip")  # "Did they leave?" after "what happened to the last person?": one answer covers both
    if ctx.turn_stage in ("vision", "probe", "react") and len(part.split()) <= 6 and not listening.opens_like_question(part):
        return Route("skip")  # "First ninety days?" in answer to our question: an answer said with a rising voice
    if listening.personal(part):  # "What do you do on the weekends?" is not about the hours
        return Route("personal")
    topic = _question_for(part, r, whole, persona)
    if topic.unknown is not None:
        u = topic.unknown
        if persona is not None and not any(bank.fact(persona, f) for f in u.fields) and (said := bank.stated(persona, part, None if u.id.startswith("thing:") else u.keywords)):
            return Route("facts", facts=said)  # "is the uniform provided?" when the role file says so
        return Route("unknown", unknown=u)
    if topic.learned:  # the model's guess gives way to a precise pattern for a question that isn't about the job
        for kind, asks in (("turned_back", listening.turned_back), ("pleasantry", listening.pleasantry),
                           ("about_interview", listening.about_interview)):
            if asks(part):
                return Route(kind)
        if listening.small_talk(part) and not listening.about_the_job(part):
            return Route("small_talk")
    q = topic.question
    if q is None and bank.points_back(part):
        for before in reversed([x.sentence for x in readings[: readings.index(r)] if not x.is_question]):
            if (q := bank.read_topic(before, persona).question) is not None:
                break  # "... two remote days a week. Is that sort of trade something you can do?"
    if q is None and ctx.earlier and bank.leans_back(part):
        return Route("skip")  # "..., is it mainly line three, and what time do you need to hit for that?"
    if persona is not None:
        q = bank.about_hiring_manager(part, persona, q)
    if q is None and not topic.abstained and ctx.stage == "compensation" and len(part.split()) <= 4:
        q = bank.by_id("pay_range")  # "How much?" after "what's your number?"
    if q is None and listening.self_directed(part):
        return Route("skip")  # "I can email?", "Is that what you mean?": said to themselves, not asked of us
    if q is None and topic.asks_nothing:
        return Route("skip")  # "Why do you say that?": nothing about the job to answer, and no "I don't know"
    if q is not None:
        unsure = topic.unsure and q is topic.question
        if unsure and persona is not None and not bank.guess_supported(part, bank.answer_for(persona, q)[1]):
            # a weak guess nothing in its answer agrees with: never a whole unrelated block
            if found := bank.search_facts(persona, part):
                return Route("facts", facts=found)
            return Route("unsure_ask", question=q)
        if persona is not None and (said := bank.stated_phrase(persona, part)) and not bank.names_in(said, bank.answer_for(persona, q)[1]):
            # "is the benefits adviser post going to be filled?": the role's own notes name the very
            # thing asked, which the topic's general answer never mentions
            return Route("facts", facts=said)
        return Route("topic", question=q, unsure=unsure)
    if persona is not None and (found := bank.search_facts(persona, part) or bank.stated(persona, part)):
        return Route("facts", facts=found)  # not in the bank, but the persona's facts say it
    if listening.turned_back(part):
        return Route("turned_back")
    if listening.about_interview(part):
        return Route("about_interview")
    if listening.pleasantry(part):
        return Route("pleasantry")
    if listening.small_talk(part) and not listening.about_the_job(part):
        return Route("small_talk")
    if ctx.statement_words >= 8 and not listening.about_the_job(part) and (ctx.offtopic or listening.aside(part)):
        return Route("aside")  # "...this podcast, have you heard it?" in passing
    return Route("deflect")


def asks(r: reading.Reading, readings: list[reading.Reading]) -> bool:
    """A sentence that asks us something: a question, or the turn's last sentence asking without a
    question mark ("so did he like move on or", "I'd love to hear how the week runs.")."""
    return r.is_question or r.unmarked


# Routes an unmarked question is answered on; anything else it is taken as said, not asked.
_UNMARKED_ANSWERED = ("topic", "unknown", "facts")


# What route_question reports for each kind of route.
_ROUTED = {"clarify": "none", "personal": "none", "skip": "none", "turned_back": "none", "pleasantry": "none",
           "small_talk": "none", "aside": "none", "about_interview": "meeting", "unknown": "practical",
           "facts": "facts", "deflect": "deflect", "unsure_ask": "none"}


def route_question(text: str, persona: Persona | None = None) -> str:
    """Where a one-question turn goes, as the question loop in `Interview._hear` routes its first
    question part (the same `route_part`): a bank topic, `practical` (a named practical thing),
    `meeting`, `none` (asks nothing about the job: a clarification, a rhetorical or personal
    question, small talk), `facts` (answered from a persona sentence the bank can't place),
    `ballpark`, `deflect` (nothing to say), or `not_a_question`. benchmarks/question_routing.py
    scores it."""
    readings = reading.read(text)
    statements = " ".join(r.sentence for r in readings if not r.is_question)
    ctx = RouteContext(statement_words=len(guards.words(statements)), offtopic=listening.contents(text).offtopic)
    for r in readings:
        if not asks(r, readings):
            continue
        if r.has("ballpark_check"):
            return "ballpark"
        parts = bank.parts(r.sentence)
        route = route_part(parts[0], r, readings, text, len(parts) == 1, persona, ctx)
        if not r.is_question and route.kind not in _UNMARKED_ANSWERED:
            return "not_a_question"
        return route.question.topic if route.kind == "topic" and route.question else _ROUTED[route.kind]
    return "not_a_question"


def intents(text: str) -> list[str]:
    """What a candidate turn asks the interviewer, in order (ballpark, next_steps, compensation,
    goals, management_style, culture, team, or other)."""
    found: list[str] = []
    for r in reading.read(text):
        if reading.is_check(r, bank.match(r.sentence) is not None):
            kinds = ["ballpark"]
        elif not r.is_question:
            continue
        else:
            parts = bank.parts(r.sentence)
            kinds = [_KIND.get(q.topic, "other") if (q := _question_for(p, r, len(parts) == 1).question) else "other"
                     for p in parts]
        for kind in kinds:
            if kind not in found:
                found.append(kind)
    specific = [k for k in found if k != "other"]
    return specific or found


def conduct_note(count: int) -> str:
    """The report's note on a rude or dismissive tone."""
    return prompts.fill(listening.data()["close_cool"]["conduct_note"], count=count)


def match_reality(persona: Persona, text: str):
    """The persona reality the candidate's read touches, and whether it is the common misread."""
    return listening.read_reality(persona, text)


@dataclass
class Heard:
    """What the interviewer took from one candidate turn."""

    content: listening.TurnContent
    lead: str = ""  # a confirmation or correction of the candidate's read
    answers: list[str] = field(default_factory=list)  # one per question part, in order
    questions: int = 0  # question parts in the turn
    next_steps: bool = False  # the turn asked about the process (answered now)
    checked: bool = False  # the turn asked "am I in the ballpark?"
    pay_figure: bool = False
    corrected: bool = False  # the lead corrects a misread
    statement_words: int = 0  # words outside the turn's questions
    turned_back: bool = False  # "what would you do, if you were me?"
    clarify: bool = False  # "Can you repeat the question?"
    offtopic_asks: int = 0  # questions about anything but the job
    repeat_asks: int = 0  # questions whose facts were already given, asked again
    asked_back: bool = False  # our reply to a repeat ends in a question of ours ("which part isn't clear?")
    moved_past: bool = False  # a repeat asked once too often: no answer, the plan moves on
    off_role: list[str] = field(default_factory=list)  # words of a different line of work in their answer


_CANDIDATE_VOICE = re.compile(
    r"\b(?:thanks|thank you) for (?:having me|the opportunity|considering me|inviting me|your time)\b|"
    r"\bi(?:'m| am) (?:excited|thrilled|eager) to (?:join|be part|work for|apply)\b|\bhire me\b|\bmy resume\b",
    re.I,
)
_CONTENT_WORD = re.compile(r"[a-z]{5,}")
# The interviewer talking about their own company as the candidate's.
_WRONG_SIDE = re.compile(r"\byour (?:company|firm|organi[sz]ation|business|branches|employees|hiring)\b|\bi(?:'m| am) (?:the )?candidate\b", re.I)
_SENTENCE_END = re.compile(r"[.!?…]+[\"')\]]*\s")
_FINISHED = re.compile(r"[.!?…][\"')\]]*$")


# How many of a reality's own keywords a statement must name before its read is confirmed unasked.
_CONFIRM_HITS = 3


class Interview:
    """One practice interview. Feed it candidate turns; it returns interviewer Replies."""

    def __init__(
        self,
        persona: Persona,
        chat_model: Any = None,
        caps: Capabilities | None = None,
        plan: Plan | None = None,
        seed: int | None = None,
        brief_facts: str = "",
        on_retry: Callable[[str], None] | None = None,
        attempts: int = 3,
        retry_delay: float = 0.5,
        candidate_name: str = "Candidate",
        hypotheses: list[str] | None = None,
    ):
        self.candidate_name = candidate_name
        # From a prep brief: the candidate's own hypotheses, which the interviewer reacts to from
        # the persona's facts when the candidate brings one up.
        self.hypotheses = list(hypotheses or [])
        # Benchmarks set this to read the model's whole raw reply even after a guard stopped it.
        self.measure_raw = False
        self._turn_stage = "opening"
        self._last_kind = "opening"  # the kind of our last reply ("nudge": its question is no plan question to come back to)
        self._bare = self._moving_on = False
        self.persona = persona
        self.model = chat_model
        self.caps = caps or Capabilities()
        self.plan = plan or Plan.load()
        self.rng = random.Random(seed)
        self.state = PlanState()
        self.turns: list[Turn] = []
        self.history: list[tuple[str, str]] = []  # exactly what the model saw, for prefix reuse
        self._undo: list[tuple[PlanState, int, int]] = []
        self.on_retry = on_retry
        self.attempts = attempts
        self.retry_delay = retry_delay
        template = "interviewer_system.md" if self.caps.style == "free" else "interviewer_system_small.md"
        self.system = prompts.render(template, **self._persona_values(brief_facts))

    # --- public ----------------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.state.finished

    def start(self, on_text: Callable[[str], None] | None = None) -> Reply:
        """The interviewer's opening line."""
        text = self._line("opening")
        self.state.stage, self.state.stage_turns = "opening", 1
        reply = Reply(text, "opening", "plan")
        if on_text:
            on_text(text)
        self._record_interviewer(reply)
        return reply

    def respond(self, candidate_text: str, on_text: Callable[[str], None] | None = None) -> Reply:
        """The interviewer's reply to one candidate turn."""
        if self.state.finished:
            raise RuntimeError("the interview is over")
        started = time.perf_counter()
        self._undo.append((self.state.model_copy(deep=True), len(self.turns), len(self.history)))
        text = candidate_text.strip()
        self.turns.append(Turn(speaker="candidate", name=self.candidate_name, text=text, at=now()))
        self._turn_stage = self.state.stage  # the stage this answer was given in
        heard = self._hear(text)
        heard.off_role = self._off_role(text, heard)
        st = self.state
        if heard.content.rude:
            st.rude += 1
        if heard.next_steps:
            st.asked_next_steps = True
        if heard.pay_figure:
            st.pay_discussed = st.their_pay = True
        st.offtopic_asks += heard.offtopic_asks
        st.candidate_questions += heard.questions
        self._note_quality(heard)
        self._note_covered(heard)

        thin = len(guards.words(text)) < self.plan.thin_answer_words or listening.gibberish(text)
        said_something = heard.lead or heard.answers or heard.questions or heard.content.rude or heard.content.figures
        greeted = st.stage == "opening" and heard.content.greeting  # "Thanks for seeing me." needs no nudge
        asked_them = bool(self._last_question(before_this_turn=True))  # "Take your time" only after a question
        if thin and not said_something and not greeted and asked_them and st.stage not in st.nudged_in \
                and st.stage in ("opening", "vision", "probe", "react"):
            st.nudged_in.append(st.stage)
            # the persona's own nudges first, then the shared ones: never the same nudge twice
            line = (self._pick("nudges", self.persona.lines.nudges, fresh_only=True)
                    or self._pick("nudges_spare", listening.tone_options(listening.data()["nudges"], self.persona.tone), fresh_only=True)
                    or self._line("nudges"))
            reply = self._say(text, kind="nudge", plan_line=line, heard=heard, on_text=on_text)
        else:
            next_stage, line, transition = self._advance(heard)
            reply = self._say(text, kind=next_stage, plan_line=line, heard=heard, on_text=on_text, transition=transition)
        reply.seconds = time.perf_counter() - started
        self._last_kind = reply.stage
        self._record_interviewer(reply)
        return reply

    def undo(self) -> str | None:
        """Take back the last candidate answer (and the reply to it). Returns the text taken back."""
        if not self._undo:
            return None
        state, n_turns, n_hist = self._undo.pop()
        taken = self.turns[n_turns].text if len(self.turns) > n_turns else None
        self.state, self.turns, self.history = state, self.turns[:n_turns], self.history[:n_hist]
        return taken

    def restore(self, turns: list[Turn], state: PlanState) -> None:
        """Resume from saved turns and plan state (the model history is rebuilt from the turns)."""
        self.turns, self.state, self.history = list(turns), state, []
        for t in turns:
            if t.speaker == "interviewer":
                self.history.append(("ai", t.text))
            else:
                self.history.append(("human", prompts.render("turn.md", candidate=guards.sanitize_candidate(t.text),
                                                              first_name=self.persona.first_name, directive="")))

    # --- listening ---------------------------------------------------------------------------

    def _hear(self, text: str) -> Heard:
        """Read one candidate turn: their read (confirmed or corrected), every question part
        (answered from the persona's facts, or deflected in character), their figures."""
        # a question dictated without its question mark, when the floor is theirs, is still a question
        readings = reading.read(text, floor=self.state.stage in ("questions", "compensation"),
                                terse=self.state.stage == "questions")
        for r in readings:  # a check is a check; a question that only looks like one is a question
            if r.has("ballpark_check") and (not reading.is_check(r, bank.match(r.sentence) is not None)
                                            or listening.asks_what_was_meant(r.sentence)
                                            or (len(r.sentence.split()) <= 4 and listening.asks_what_was_meant(text))):
                r.intents.pop("ballpark_check")
        if self.state.stage in ("questions", "compensation") and listening.money_figures(listening.figures(text)):
            for r in readings:  # "£31,000 - is that roughly where you are?" asks about their figure, not a read
                r.intents.pop("ballpark_check", None)
        elif self.state.stage == "compensation" and listening.pay_ask(text, self.persona.pay_range) is not None:
            # "around 34,000. Is that realistic, or am I off the mark?": the reaction to their figure answers it
            readings = [r for r in readings if not (r.has("ballpark_check") and r.is_question)]
        asks_us = any(r.is_question and listening.asks_us_what(r.sentence) for r in readings)
        for r in readings:
            if r.has("ballpark_check") and asks_us and (r.is_question or not listening.names_a_check(r.sentence)) \
                    and not listening.names_a_check(r.sentence):
                # "what do you think is the biggest problem? I don't want to say something that's not correct.":
                # they ask us first; no read is offered to check
                r.intents.pop("ballpark_check")
        heard = Heard(content=listening.contents(text))
        stated = " ".join(r.sentence for r in readings if not r.is_question)
        heard.content.figures = listening.figures(stated) if stated else []  # "success at twelve months?" asks, it doesn't claim
        heard.pay_figure = any(r.has("pay_figure") for r in readings) or (
            self.state.stage == "compensation" and listening.pay_ask(text, self.persona.pay_range) is not None)
        heard.checked = any(r.has("ballpark_check") for r in readings)
        statements = " ".join(r.sentence for r in readings if not r.is_question)
        heard.statement_words = len(guards.words(statements))
        if heard.checked:
            heard.lead = self._check_answer(" ".join(r.sentence for r in readings))
            heard.corrected = heard.lead in [x.correct for x in self.persona.realities]
            heard.lead = self._no_credit_for_buzzwords(heard.lead, heard)
        elif statements:
            reality, misread = listening.read_reality(self.persona, statements)
            if reality and misread and reality.topic not in self.state.reacted_to:
                self.state.reacted_to.append(reality.topic)
                heard.lead = reality.correct  # pushback on a misread, asked or not
                heard.corrected = True
                self.state.probed_in.append(f"corrected:{reality.topic}")
            elif reality and not misread and reality.topic not in self.state.reacted_to \
                    and bank.reads_reality(statements, reality) >= _CONFIRM_HITS and not self._said_before(reality.truth):
                self.state.reacted_to.append(reality.topic)
                heard.lead = reality.confirm  # a read that names the real cause is told so, unasked
            elif not heard.lead:
                heard.lead = self._react_to_hypothesis(text)
        if heard.checked and heard.corrected:
            for x in self.persona.realities:
                if heard.lead == x.correct:
                    self.state.probed_in.append(f"corrected:{x.topic}")
        if not heard.lead and statements:
            self._got_it_now(statements, heard)
        if heard.content.words < 12 and listening.clarify(text):
            heard.clarify = True  # "Not sure what you're asking." said as a statement
        this_turn: list[str] = []
        deflection = ""  # at most one "I don't know" a turn, and none beside a real answer
        unsure_ask = ""  # a part we could only guess at: "what do you mean?", likewise never beside an answer
        earlier: bank.Question | bank.Unknown | None = None  # the turn's last question read, for "if so, how much?"
        not_known: list[tuple[int, str]] = []  # (answer index or -1, thing) of each part we can't answer, in a stacked turn
        for r in readings:
            if not asks(r, readings) and (q := bank.said_in_passing(r.sentence)) is not None:
                # "I'd need to give four weeks' notice": a practical line said, not asked, still answered
                name, answer = bank.answer_for(self.persona, q)
                if answer and name not in this_turn and name not in self.state.answered:
                    this_turn.append(name)
                    self.state.answered.append(name)
                    heard.answers.append(answer)
                continue
            if not asks(r, readings) or r.has("ballpark_check"):
                continue
            parts = bank.parts(r.sentence)
            for part in parts:
                ctx = RouteContext(turn_stage=self._turn_stage, stage=self.state.stage, earlier=earlier is not None,
                                   statement_words=heard.statement_words, offtopic=heard.content.offtopic)
                route = route_part(part, r, readings, text, len(parts) == 1, self.persona, ctx)
                if not r.is_question and route.kind not in _UNMARKED_ANSWERED:
                    continue  # no question mark and nothing read: taken as said, never deflected
                if route.kind == "clarify":
                    heard.clarify = True  # "what do you mean?": the question again, in other words
                    continue
                if route.kind == "skip":
                    continue
                if route.kind == "personal":
                    heard.questions += 1
                    heard.offtopic_asks += 1
                    if line := self._pick("small_talk", listening.data()["deflections"]["small_talk"], fresh_only=True):
                        heard.answers.append(line)
                    continue
                if route.kind == "unsure_ask":
                    heard.questions += 1
                    unsure_ask = unsure_ask or part  # asked only when nothing else in the turn was answered
                    continue
                if route.kind == "unknown":
                    u = route.unknown
                    earlier = u
                    if f"unknown_{u.id}" in this_turn:
                        continue  # "validate parking? ... the garage is eighteen bucks?": one answer
                    this_turn.append(f"unknown_{u.id}")
                    heard.questions += 1
                    heard.offtopic_asks += u.offtopic
                    if (line := self._unknown(u)) and not (line in self._already_lines() and self._already_said(heard)):
                        if not any(bank.fact(self.persona, f) for f in u.fields):
                            not_known.append((len(heard.answers), u.thing))
                        heard.answers.append(line)
                    continue
                q = route.question
                heard.questions += 1
                earlier = q or earlier
                name, answer = bank.answer_for(self.persona, q) if q else ("", "")
                if route.kind == "facts":
                    name, answer = "search:" + route.facts[:40], route.facts
                if q and q.topic == "process" and "next_steps" in q.fields:  # not "concerns", not a start date
                    heard.next_steps = True
                if q and q.topic == "pay":
                    self.state.pay_discussed = True
                if not answer:
                    if heard.content.rude and q is None:
                        continue  # "Are you even listening?" is not a question to answer
                    d = listening.data()
                    if route.kind == "turned_back":
                        if line := self._pick("turned_back", listening.tone_options(d["turned_back"], self.persona.tone), fresh_only=True):
                            heard.answers.append(line)
                            heard.turned_back = True
                            continue
                    if route.kind == "about_interview":
                        if line := self._pick("about_interview", d["deflections"]["about_interview"], fresh_only=True):
                            heard.answers.append(line)
                            continue
                    if route.kind == "pleasantry":
                        if line := self._pick("pleasantries", d["deflections"]["pleasantries"], fresh_only=True):
                            heard.answers.append(line)
                            continue
                    if route.kind == "small_talk":
                        heard.offtopic_asks += 1
                        if line := self._pick("small_talk", d["deflections"]["small_talk"], fresh_only=True):
                            heard.answers.append(line)
                        continue
                    if route.kind == "aside":
                        # "...this podcast, have you heard it?" in passing: a brief human reply, never "ask HR"
                        heard.offtopic_asks += 1
                        if line := self._pick("aside", d["deflections"]["aside"], fresh_only=True):
                            heard.answers.append(line)
                        continue
                    if q is not None:  # a topic we can name; a part we couldn't read at all is never named in garbled words
                        not_known.append((-1, bank.topic_name(q.topic)))
                    deflection = deflection or (self._deflect_named(q.topic) if q is not None else self._deflect(part))
                    continue
                if name in this_turn:
                    continue  # two parts, one answer: it is already there
                this_turn.append(name)
                if name in self.state.answered:
                    if not (answer := self._again(name, answer, part, heard)):
                        continue
                else:
                    self.state.answered.append(name)
                    answer = self._not_again(answer)
                    if route.unsure and q is not None:
                        answer = self._as_a_guess(q.topic, answer)
                heard.answers.append(answer)
        if unsure_ask and not heard.answers:
            if line := self._pick("unsure_ask", bank.reader_lines("unsure_ask"), fresh_only=True):
                heard.answers.append(line)
                heard.asked_back = True  # our question this turn: no "anything else?" after it
            else:
                deflection = deflection or self._deflect(unsure_ask)
        self._condense_not_known(heard, not_known)
        if deflection and not heard.answers:
            heard.answers.append(deflection)
        if len(heard.answers) > 1:  # several questions at once: the short version of each
            heard.answers = [" ".join(guards.sentences(a)[:2]) for a in heard.answers]
        return heard

    def _no_credit_for_buzzwords(self, lead: str, heard: Heard) -> str:
        """'Does that resonate?' after stock phrases ("add value", "hit the ground running"): no "Some of that's
        fair" for them - say it could be any job, then the part they're missing."""
        d = listening.data()
        if not heard.content.generic or not lead:
            return lead
        opener = re.match(d["ballpark_no_read"]["opener"], lead, re.I)
        if not opener:
            return lead
        rest = lead[opener.end():]
        rest = rest[:1].upper() + rest[1:]
        return self._pick("check_generic", listening.tone_options(d["check_generic"], self.persona.tone)) + " " + rest

    def _got_it_now(self, statements: str, heard: Heard) -> None:
        """After our correction, the candidate who now names the real cause is told so, once ("Yes -
        that's it"), not met with "Understood." and the next question."""
        reality, misread = listening.read_reality(self.persona, statements)
        if reality is None or misread or f"corrected:{reality.topic}" not in self.state.probed_in \
                or f"got:{reality.topic}" in self.state.probed_in or bank.reads_reality(statements, reality) < _CONFIRM_HITS:
            return
        self.state.probed_in.append(f"got:{reality.topic}")
        heard.lead = self._pick("after_correction", listening.tone_options(listening.data()["after_correction"], self.persona.tone))

    def _condense_not_known(self, heard: Heard, not_known: list[tuple[int, str]]) -> None:
        """A stacked turn: every part we can't answer is named, once, in one line after the answers
        ("I'd have to check the parking situation and the night audit for you"), never one "I don't
        know" block per part and never dropped in silence beside the answers."""
        known = [i for i in range(len(heard.answers)) if i not in {j for j, _ in not_known}]
        things = list(dict.fromkeys(t for _, t in not_known if t and t != "that"))
        if not known or not things or (len(not_known) == 1 and not_known[0][0] >= 0):
            return  # nothing answered beside them, or one "don't know" line already said by its own thing
        heard.answers = [heard.answers[i] for i in known]
        listed = things[0] if len(things) == 1 else ", ".join(things[:-1]) + " and " + things[-1]
        line = self._pick("not_known", bank.reader_lines("not_known"))
        heard.answers.append(listening.fill(prompts.fill(line, things=listed), who=self.persona.refer_to))

    def _about_hiring_manager(self, part: str, q: bank.Question | None) -> bank.Question | None:
        """'What's Callum like to work for?' asked of Callum's boss: about Callum, not about us."""
        return bank.about_hiring_manager(part, self.persona, q)

    @staticmethod
    def _answered_by_them(r: reading.Reading, readings: list[reading.Reading]) -> bool:
        """A question the candidate goes on to answer: a statement follows it in the same turn
        ("How do I get promoted here?" on its own is asked of us)."""
        i = readings.index(r)
        return i + 1 < len(readings) and not readings[i + 1].is_question

    def _said_before(self, text: str) -> bool:
        """Every sentence of it is already in something the interviewer said this session."""
        said = " ".join(t.text for t in self.turns if t.speaker == "interviewer")
        return bool(text) and all(x in said for x in guards.sentences(text))

    def _not_again(self, answer: str) -> str:
        """A fresh question whose answer we already gave in other words (a correction, another
        topic's answer): only what wasn't said yet, or a short 'As I said' - never the block again."""
        said = " ".join(t.text for t in self.turns if t.speaker == "interviewer")
        sents = guards.sentences(answer)
        unsaid = [x for x in sents if x not in said]
        if len(unsaid) == len(sents):
            return answer
        if unsaid:
            # a sentence that leans on one already said ("We need to turn that around") gets a pointer to it
            # ("It's what I described earlier."), never an orphaned "that"
            lean = listening.data()["meaning"]["points_back"]
            kept = []
            for i, x in enumerate(sents):
                if x in unsaid:
                    if i and sents[i - 1] not in unsaid and re.search(lean, x, re.I):
                        kept.append(listening.data()["deflections"]["as_said"])
                    kept.append(x)
            return " ".join(kept)
        return prompts.fill(listening.data()["deflections"]["repeat"], answer=_lower_first(sents[0]))

    def _check_answer(self, observation: str) -> str:
        """'Am I in the ballpark?': confirm or correct the read in this same turn (or, for a bare
        check, the candidate's previous turn)."""
        reality, misread = listening.read_reality(self.persona, observation)
        if reality is None:
            earlier = [t.text for t in self.turns[:-1] if t.speaker == "candidate"][-1:]
            if earlier:
                reality, misread = listening.read_reality(self.persona, earlier[0])
        if reality is not None:
            if misread and bank.reads_reality(observation, reality) > _CONFIRM_HITS:
                # "If staffing is solid now and it's the rides that don't show..." names the wrong
                # cause only to set it aside: a read revised after our correction
                misread = False
            if reality.topic not in self.state.reacted_to:
                self.state.reacted_to.append(reality.topic)
            if not misread and self._said_before(reality.truth):
                if bank.reads_reality(observation, reality) < _CONFIRM_HITS and self._said_before(reality.correct):
                    # we corrected them, and the plan they check still names none of the real cause
                    return self._pick("correct_again", bank.reader_lines("correct_again"))
                # right after we corrected them with the same facts: a short yes, not the whole truth again
                return self._pick("confirm_again", bank.reader_lines("confirm_again"))
            if misread and self._said_before(reality.correct):
                return self._pick("correct_again", bank.reader_lines("correct_again"))
            return reality.correct if misread else reality.confirm
        if any(self._said_before(r.confirm) for r in self.persona.realities):
            # we already said their read was right: a check now gets a plain yes, not "partly"
            return self._pick("confirm_again", bank.reader_lines("confirm_again"))
        if "ballpark_general" not in self.state.answered:
            self.state.answered.append("ballpark_general")
            return self._general_read(observation)
        return self._pick("ballpark_unclear", listening.data()["deflections"]["ballpark_unclear"])

    def _general_read(self, observation: str) -> str:
        """The persona's general answer to a ballpark check; without a read in the turn (or the one
        before) it says how we see it plainly, never 'some of that is fair' or 'if your read had...'."""
        d = listening.data()["ballpark_no_read"]
        text = re.sub(d["presumes"], "", self.persona.answers.ballpark_general).strip()
        earlier = [t.text for t in self.turns[:-1] if t.speaker == "candidate"][-1:]
        if len(bank.content_words(observation)) >= d["min_words"] or any(
                len(bank.content_words(e)) >= 3 * d["min_words"] for e in earlier):
            return text
        m = re.match(d["opener"], text, re.I)
        rest = text[m.end():] if m else text
        rest = re.sub(d["add_on"], "", rest, flags=re.I)
        return d["lead"] + rest[:1].lower() + rest[1:] if m else text

    def _deflect(self, question: str) -> str:
        """An in-character 'I don't know' that is never the same block twice in a session."""
        d = listening.data()["deflections"]
        options = self.persona.deflections + listening.tone_options(d, self.persona.tone)
        if self.persona.tone != "neutral":
            options += d["neutral"]
        used = self.state.used.setdefault("deflections", [])
        fresh = [i for i in range(len(options)) if i not in used]
        if fresh:
            i = self.rng.choice(fresh)
            used.append(i)
            return listening.fill(options[i], who=self.persona.refer_to)
        # All used: one short line, never the candidate's words pasted into a template (they
        # rarely fit: "I can't speak to you don't know, what do people usually myself").
        return listening.fill(self._pick("deflect_short", d["short"]), who=self.persona.refer_to)

    def _as_a_guess(self, topic: str, answer: str) -> str:
        """'If you're asking about the hours: ...': an answer to a question the reading is unsure of
        says what it took the question for, so a wrong guess is plain to the candidate."""
        lead = self._pick("unsure", bank.unsure_lines(self.persona.tone))
        return prompts.fill(lead, thing=bank.topic_name(topic)) + answer

    def _deflect_named(self, topic: str) -> str:
        """A topic read but not in the facts: said plainly, naming what was asked; once a session,
        then the ordinary deflections."""
        line = self._pick("named_deflection", bank.named_deflections(), fresh_only=True)
        if not line:
            return self._deflect(topic)
        thing = bank.topic_name(topic)
        return listening.fill(line, thing=thing, Thing=thing[:1].upper() + thing[1:], who=self.persona.refer_to)

    def _again(self, name: str, answer: str, part: str, heard: Heard) -> str:
        """A question whose facts were already given. The second time: the rest of a cut-short answer,
        or the short version and what is unclear about it (a real repeat), or "it comes back to what
        I said" (a different question on the same facts). A third time: once, what is behind the
        question; after that nothing - the plan moves on. Never the same canned line twice."""
        d = listening.data()["deflections"]
        st = self.state
        if name in st.repeated:
            heard.repeat_asks += 1
            if not self._already_said(heard) and (line := self._pick("already", d["already"], fresh_only=True)):
                heard.asked_back = True
                return line
            heard.moved_past = True
            return ""
        st.repeated.append(name)
        said = " ".join(t.text for t in self.turns if t.speaker == "interviewer")
        unsaid = [x for x in guards.sentences(answer) if x not in said]
        if unsaid:  # the first answer was cut short: the rest of it now, not the same sentence again
            rest = re.sub(r"^(?:And|But|Also|Plus),?\s+(\w)", lambda m: m.group(1).upper(), " ".join(unsaid[:2]))
            return prompts.fill(d["more"], answer=rest)
        first = guards.sentences(answer)[0]
        mine = bank.content_words(part)
        earlier = [bank.content_words(t.text) for t in self.turns[:-1] if t.speaker == "candidate"]
        if mine and any(len(mine & e) >= max(1, len(mine) // 2) for e in earlier):  # asked again, in much the same words
            heard.repeat_asks += 1
            heard.asked_back = True
            short = re.sub(r"[.!]+$", "", _lower_first(first)) + "."
            return prompts.fill(d["repeat"], answer=short) + " " + self._pick("repeat_ask", d["repeat_ask"])
        return prompts.fill(d["same_facts"], answer=_lower_first(first))

    @staticmethod
    def _already_lines() -> list[str]:
        return listening.data()["deflections"]["already"]

    def _already_said(self, heard: Heard) -> bool:
        """One "I've told you what I know" a turn is enough."""
        return any(a in self._already_lines() for a in heard.answers)

    def _unknown(self, u: bank.Unknown) -> str:
        """A practical question (parking, the dress code): the persona's fact if it has one, else
        said plainly that they don't know it offhand and who does; the second time, short."""
        for f in u.fields:
            if text := bank.fact(self.persona, f):
                return text
        key = f"unknown_{u.id}"
        if key in self.state.answered:
            return self._pick("already", listening.data()["deflections"]["already"], fresh_only=True)
        self.state.answered.append(key)
        if u.lines:
            return listening.fill(self._pick(key, u.lines), who=self.persona.refer_to)
        d = listening.data()["unknown_thing"]
        line = self._pick("unknown_thing", listening.tone_options(d, self.persona.tone), fresh_only=True) \
            or self._pick("unknown_thing_short", d["short"])  # used up: a short line naming the thing, never a block again
        return listening.fill(line, thing=u.thing, who=self.persona.refer_to)

    def _note_covered(self, heard: Heard) -> None:
        """Stages the candidate has already covered on their own, so the plan doesn't re-ask them."""
        c, st = heard.content, self.state
        if st.stage in ("opening", "vision") and ((c.plan and (heard.checked or c.words >= 30)) or (heard.checked and c.words >= 30)):
            for stage in ("vision",) if st.stage == "opening" else ():
                if stage not in st.covered:
                    st.covered.append(stage)
        if st.stage in ("opening", "vision") and c.words >= 20 and listening.names_challenge(self._last_candidate()):
            if "probe" not in st.covered:
                st.covered.append("probe")

    def _last_question(self, before_this_turn: bool = False) -> str:
        """The question the interviewer asked last (the closing sentence of their last turn), if it was one."""
        said = [t.text for t in self.turns if t.speaker == "interviewer"]
        last = (guards.sentences(said[-1]) or [""])[-1] if said else ""
        return last if last.endswith("?") else ""

    def _question_again(self) -> str:
        """Our last question, to ask again after their aside: with the sentence it leans on ("Pick one thing
        you'd look at first. What would you hope it tells you?"), or "" when it means nothing said again
        ("Go on - how would you handle that?" points at an answer two turns back; a nudge is no plan question)."""
        said = [t.text for t in self.turns if t.speaker == "interviewer"]
        sents = guards.sentences(said[-1]) if said else []
        if not sents or not sents[-1].endswith("?") or self._last_kind == "nudge":
            return ""
        d = listening.data()["meaning"]
        q, i = [sents[-1]], len(sents) - 2
        while i >= 0 and ((re.search(d["leans_back"], q[0], re.I) and re.match(d["instruction"], sents[i], re.I))
                          or (len(q[0].split()) < 6 and len(sents[i].split()) >= 6 and not re.match(d["acknowledgement"], sents[i], re.I))):
            q.insert(0, sents[i])  # "What do you do?" needs its scenario ("A student tells you on day three ...")
            i -= 1
        return "" if re.search(d["leans_back"], q[0], re.I) else " ".join(q)

    def _last_candidate(self) -> str:
        return next((t.text for t in reversed(self.turns) if t.speaker == "candidate"), "")

    # --- the plan --------------------------------------------------------------------------

    def _advance(self, heard: Heard) -> tuple[str, str, str]:
        """Move the plan on after a candidate turn; return the stage, its line and any transition."""
        self._bare = False  # the line stands alone, without a reaction before it
        stage, line, transition = self._move(heard)
        self._moving_on = stage != self._turn_stage
        return stage, line, transition

    def _move(self, heard: Heard) -> tuple[str, str, str]:
        st = self.state
        stage = st.stage
        c = heard.content
        kind = c.kind
        asked = heard.questions > 0
        probing = stage in ("vision", "probe", "react")
        d = listening.data()
        if heard.asked_back and stage in ("questions", "compensation") and not heard.next_steps:
            st.stage_turns += 1  # "which part isn't clear?" is our question this turn: no "anything else?" after it
            return stage, "", ""
        if heard.moved_past and heard.questions <= heard.repeat_asks:
            asked = False  # the same question once too often: the plan moves on rather than answering it again
            if stage == "questions":
                st.stage_turns, st.extra_questions = max(st.stage_turns, self.plan.turns_for("questions")), 2
        if probing and heard.off_role and not asked and not c.rude and "off_role" not in st.probed_in:
            st.probed_in.append("off_role")  # an answer about a different job: how it carries over, once
            if line := self._followup("off_role", heard, stage, fallback=False):
                return stage, line, ""
        if heard.clarify and not asked and not (c.plan or c.read or c.story) and st.probed_in.count(f"clarify_{stage}") < 2:
            st.probed_in.append(f"clarify_{stage}")
            self._bare = True
            if stage == "questions":
                again = self._pick("anything_else", prompts.data("dialogue.toml")["anything_else"])
            elif (asked_before := self._question_again()) and not listening.asks_repeat(self._last_candidate()):
                # "what kind of example?", "do you mean one I made?": the same question, with the latitude they asked about
                return stage, self._pick("clarify_open", d["transitions"]["clarify_open"]) + " " + asked_before, ""
            else:
                again = asked_before or self._line(stage)
            return stage, self._pick("clarify", d["transitions"]["clarify"]) + " " + again, ""
        if probing and c.offtopic and not asked and f"back_{stage}" not in st.probed_in:
            st.probed_in.append(f"back_{stage}")  # a story about the office pizza: bring it back, ask again
            return stage, self._line(stage), ""
        if probing and c.assent and not asked and not heard.lead and not heard.checked:
            # "Oh, okay. That makes sense." is no answer to pick up ("say more"): the question again, once
            if f"assent_{stage}" not in st.probed_in and (again := self._question_again()):
                st.probed_in.append(f"assent_{stage}")
                return stage, again, self._pick("back_to", d["transitions"]["back_to"])
        if probing and not asked and not c.rude and not heard.clarify and not c.assent:
            # A misread just corrected: let them adjust their answer before the plan moves on.
            if heard.corrected and f"corrected_{stage}" not in st.probed_in:
                st.probed_in.append(f"corrected_{stage}")
                if line := self._followup("corrected", heard, stage, fallback=False):
                    return stage, line, ""
            # A generic or short answer gets one follow-up (specifics, week one, what's behind a
            # number) before the plan moves on; an empty one already had its nudge.
            # (a read of the whole role in under 25 words is thin; elsewhere, under 12, or 20 with no plan)
            short = (c.words < 12 or (c.words < 20 and not (c.plan or c.read or c.story)) or (stage == "vision" and c.words < 25)) \
                and not heard.checked and not heard.lead and not c.empty
            if stage not in st.probed_in and f"corrected_{stage}" not in st.probed_in and (kind == "vague" or short) \
                    and not heard.checked and not heard.lead:  # after "does that sound right?" they get an answer, not a probe
                st.probed_in.append(stage)
                fk = self._followup_kind(heard) or "vague"
                if fk == "vague" and "entered_vague_react" in st.probed_in and stage == "react":
                    fk = "vague_again"  # not the same "walk me through your first day" twice
                if line := self._followup(fk, heard, stage, fallback=False):
                    self._bare = fk == "more"  # "Go on - ..." is the reaction
                    if fk == "more":
                        st.probed_in.append(f"more_{stage}")
                    return stage, line, ""
        if probing and heard.questions and heard.statement_words < 8 and not (c.plan or c.read or c.story or heard.checked) \
                and f"back_{stage}" not in st.probed_in:
            # They asked instead of answering: answer, then come back to the question, once.
            st.probed_in.append(f"back_{stage}")
            line = self._followup("vague", heard, stage, fallback=False) if stage == "react" else ""
            if again := self._question_again():  # "back to my question" is followed by that same question
                return stage, again, self._pick("back_to", d["transitions"]["back_to"])
            return stage, line or self._line(stage), self._pick("after_answer", d["transitions"]["after_answer"])
        if stage == "compensation" and asked and not heard.next_steps and not heard.pay_figure and not c.figures \
                and not st.their_pay and "back_compensation" not in st.probed_in and not any("$" in a for a in heard.answers):
            st.probed_in.append("back_compensation")  # answered their question; pay still needs their number
            if again := self._last_question():
                return stage, again, self._pick("back_to", d["transitions"]["back_to"])
            return stage, self._line("compensation"), self._pick("after_answer", d["transitions"]["after_answer"])
        if stage == "compensation" and not asked and not c.rude and not heard.pay_figure and not c.figures \
                and "pay" not in st.probed_in and not st.their_pay and not self._pay_is_a_scale(heard):
            st.probed_in.append("pay")  # "whatever you think is fair": ask once more for a number
            self._bare = True
            return stage, self._pick("pay_probe", listening.tone_options(d["pay_probe"], self.persona.tone)), ""
        if stage == "compensation" and not asked:
            name, answer = bank.answer_for(self.persona, bank.by_id("pay_range"))
            if answer and name not in st.answered:  # their number (or none) heard: tell them ours before moving on
                st.answered.append(name)
                first = guards.sentences(answer)[0]
                if re.match(r"(?:The|Our|It|We|Salary|Base|Pay|There|This|For|At|In)\b", first):
                    first = first[0].lower() + first[1:]  # it follows a colon
                heard.answers.append(self._pick("pay_reference", d["pay_probe"]["pay_reference"]) + " " + first)
        if stage == "questions" and not asked and not c.rude and st.candidate_questions == 0 and "questions" not in st.probed_in \
                and not (c.plan or c.read or c.story or c.figures):
            st.probed_in.append("questions")  # no questions at all: draw them out once
            self._bare = True
            return stage, self._pick("draw_out", listening.tone_options(d["draw_out"], self.persona.tone)), ""
        if stage not in ("questions", "compensation") and st.stage_turns < self.plan.turns_for(stage):
            st.stage_turns += 1
            return stage, self._line(stage), ""
        if stage in ("questions", "compensation") and asked and st.offtopic_asks >= 2 and heard.offtopic_asks \
                and "steer" not in st.probed_in:
            st.probed_in.append("steer")  # a second question about anything but the job: bring it back, once
            line = self._pick("steer_back", listening.tone_options(d["steer_back"], self.persona.tone))
            if stage == "questions":
                st.stage_turns += 1
                return stage, line, ""
            return stage, line + " " + self._line("compensation"), ""
        if stage == "questions" and not heard.next_steps and asked and not heard.moved_past:
            if st.stage_turns < self.plan.turns_for("questions") or st.extra_questions < 2:
                if st.stage_turns >= self.plan.turns_for("questions"):
                    st.extra_questions += 1
                st.stage_turns += 1
                return "questions", self._pick("anything_else", prompts.data("dialogue.toml")["anything_else"]), ""
        if probing and not asked and not c.rude and (kind in ("vague", "one_word") or c.empty) \
                and (field := {"vision": "role", "probe": "challenges"}.get(stage)) and field not in st.answered:
            # Moving on from a thin answer: give them the picture from our side, so the session is worth their time.
            if fact := bank.fact(self.persona, field):
                st.answered.append(field)
                share = self._pick(f"share_{stage}", listening.tone_options(d["share"][stage], self.persona.tone))
                heard.answers.append(share + " " + " ".join(guards.sentences(fact)[:2]))
        nxt = self.plan.after(stage)
        while nxt in st.covered or (nxt == "compensation" and st.pay_discussed) or (nxt == "questions" and heard.next_steps):
            nxt = self.plan.after(nxt)
        if (nxt is None or nxt == "close") and asked and not heard.next_steps and st.extra_questions < 2:
            # Never close on a candidate who is mid-exchange: answer, then give them the floor.
            st.extra_questions += 1
            st.stage, st.stage_turns = "questions", max(st.stage_turns, self.plan.turns_for("questions"))
            return "questions", self._pick("anything_else", prompts.data("dialogue.toml")["anything_else"]), ""
        if nxt is None or nxt == "close":
            st.stage, st.stage_turns, st.finished = "close", 1, True
            return "close", self._close_line(), ""
        st.stage, st.stage_turns = nxt, 1  # type: ignore[assignment]
        if nxt == "compensation":
            st.pay_discussed = True
        if nxt == "questions" and asked:
            # They have just asked one: "what else?", not "what questions do you have?"
            return nxt, self._pick("anything_else", prompts.data("dialogue.toml")["anything_else"]), ""
        if nxt == "react":
            # The react stage digs into their last answer; after an empty one, or only a question of
            # theirs, a self-contained question ("Say you start next Monday...").
            fk = self._followup_kind(heard) if not asked else "" if (c.plan or c.read or c.story) else "vague"
            if not fk and not (c.plan or c.read or c.story) and not asked:
                fk = "vague"  # the persona's react lines build on a plan ("if you started there..."): none was given
            if heard.checked or heard.lead or heard.clarify:
                fk = ""  # they just heard our answer to their check: the stage's own question
            if fk == "more" and "more_probe" in st.probed_in:
                fk = "vague"  # not "go on - what would you do?" twice in a row
            if fk and (line := self._followup(fk, heard, nxt, fallback=False)):
                if fk == "vague":
                    st.probed_in.append("entered_vague_react")
                self._bare = fk == "more"  # "Go on - ..." digs into the same answer: no "let's move on" before it
                back = self._pick("after_answer", d["transitions"]["after_answer"]) if asked else ""  # a new question, not "back to mine"
                return nxt, line, back
        transitions = d["transitions"].get(nxt) or []
        line = self._line(nxt)
        if nxt == "questions" and st.solid_answers < 2:
            # "I've asked you plenty" after two thin answers is not what happened: the floor, plainly
            line = re.sub(d["meaning"]["asked_plenty"], "", line, flags=re.I) or line
            line = line[:1].upper() + line[1:]
        return nxt, line, self._pick(f"transition_{nxt}", transitions, fresh_only=True)

    def _followup_kind(self, heard: Heard) -> str:
        """Which follow-up a turn calls for ("" for a full answer with nothing particular to pick up)."""
        c = heard.content
        kind = c.kind
        if kind == "number" and not listening.estimate_figures(c.figures):
            # "people who've done this for 15 years" isn't a claim to probe; a story with its durations is a story
            kind = "story" if c.story and c.where else "plan" if c.plan else "default"
        elif kind == "number" and not any(listening.own_estimate(listening.figure_phrase(self._last_candidate(), f))
                                          for f in listening.estimate_figures(c.figures)):
            # "empty running went from 22% to 15%" happened: not "what's 22% based on?"
            kind = "story" if c.story else "read" if c.read else "plan" if c.plan else "default"
        if kind == "vague" and not c.generic and not c.one_word and not c.figures and not c.plan and not re.search(
                r"\b(?:not sure|no idea|don'?t know|nothing|dunno|idk)\b", self._last_candidate(), re.I) \
                and listening.names_something(self._last_candidate()):
            # "Maybe the workload.": they named something - go on, what would you do about it? ("done a bit on a
            # bottling line before" is experience: how it carries over)
            return "story_result" if listening.past_experience(self._last_candidate()) else "more"
        if kind == "timeframe" and not any(f.lower().startswith(("the first", "first")) or f.lower() in c.plan.lower()
                                           for f in c.figures):
            return "story" if c.story else ""  # "fixed it in two weeks" was what happened, not a plan horizon to ask about
        if kind == "plan" and not self._real_plan(heard):
            kind = "story" if c.story and c.where else "default"  # no plan to ask "how would you know it worked?" about
        if kind in ("rude", "one_word", "offtopic") or c.empty or heard.off_role:
            return "vague"  # after a jibe, a non-answer or an answer about another job, ask for substance
        if kind == "default" and c.words < 12:
            # "Temps who don't show up.": go on, what would you do about it? ("Why do you say that?" names nothing)
            if not listening.names_something(self._last_candidate()):
                return "vague"
            return "story_result" if listening.past_experience(self._last_candidate()) else "more"
        return "" if kind == "default" else kind

    def _note_quality(self, heard: Heard) -> None:
        """Count answers to the interviewer's questions that were empty or generic, and ones with substance
        (the close is plain, not warm, after a run of empty ones)."""
        c, st = heard.content, self.state
        if self._turn_stage not in ("vision", "probe", "react", "compensation") or c.rude or heard.clarify:
            return
        if heard.questions and not (c.plan or c.read or c.story):
            return
        if c.awkward:  # a nervous ramble, whatever is in it: no warm close on the strength of it
            st.weak_answers += 1
        elif heard.off_role:  # an answer about a different job: no warm close on the strength of it
            st.weak_answers += 1
        elif c.rant:  # venting about their current employer instead of the job: no warm close either
            st.weak_answers += 1
        elif heard.pay_figure or c.figures:  # "I'm targeting $75,000 base." is short, not empty
            st.solid_answers += 1
        elif c.empty or c.kind == "vague":
            st.weak_answers += 1
        elif self._real_plan(heard) or c.read or c.story or heard.checked:
            st.solid_answers += 1  # ("I'll take that on board" is no plan)

    def _pay_is_a_scale(self, heard: Heard) -> bool:
        """No second ask for a number when pay is a posted scale ("Whatever the district scale is") or
        we have no figures of our own to compare with: our side at once."""
        ours = listening.pay_ask("$1", self.persona.pay_range) is None and not re.search(r"\d", self.persona.pay_range)
        return ours or bool(re.search(listening.data()["pay_probe"]["scale_words"], self._last_candidate(), re.I))

    def _close_line(self) -> str:
        st = self.state
        d = listening.data()
        if st.rude or st.weak_answers >= 1 or st.offtopic_asks >= 2 or st.solid_answers < 3:
            # Cool after rudeness, plain unless the answers were solid throughout: never a warm or praising close
            # for a weak, awkward or off-topic session.
            key = "close_cool" if st.rude else "close_plain"
            line = self._pick(key, listening.tone_options(d[key], self.persona.tone))
            if st.asked_next_steps:
                return line
            steps: list[str] = []
            for sent in guards.sentences(self.persona.answers.next_steps):  # enough to know what happens next
                steps.append(sent)
                if len(guards.words(" ".join(steps))) >= 15:
                    break
            if steps:  # "As for next steps: a paid two-hour shadow ...", not a fragment after the goodbye
                steps[0] = self._pick("next_steps_lead", d["close_plain"]["next_steps_lead"]) + " " + _lower_first(steps[0])
            return " ".join([line] + steps)
        return self._line("close" if st.asked_next_steps else "close_with_next_steps")

    def _followup(self, kind: str, heard: Heard, stage: str, fallback: bool = True) -> str:
        """A follow-up question on what the candidate said (the stage's own flavour first); the stage's
        own line once they're used up, or "" without `fallback`."""
        f = listening.data()["followups"]
        line = ""
        if kind == "story" and any(listening.past_result(listening.figure_phrase(self._last_candidate(), f)) for f in heard.content.figures):
            kind = "story_result"  # they said what they did and what changed: how it carries over, not "what changed?"
        for key in (f"{kind}_{stage}", kind):
            if key in f:
                line = self._pick(f"followup_{key}", listening.tone_options(f[key], self.persona.tone), fresh_only=True)
                if line:
                    break
        if not line:
            return self._line(stage) if fallback else ""
        return listening.fill(line, figures=listening.join_figures(heard.content.figures))

    def _as_said(self, figs: list[str]) -> str:
        """Figures joined the way the candidate said them: "between 60 and 70 thousand", "$72,000 to
        $80,000" (a range, not two figures), else "a, b and c"."""
        amount = listening.join_figures(figs)
        said = self._last_candidate()
        if len(figs) > 1 and re.search(rf"\bbetween\s+{re.escape(figs[0])}", said, re.I):
            return "between " + amount
        if len(figs) == 2 and re.search(rf"{re.escape(figs[0])}\s*(?:to|-|–)\s*{re.escape(figs[1])}", said, re.I):
            return f"{figs[0]} to {figs[1]}"
        return amount

    def _reaction(self, heard: Heard, kind: str | None = None) -> str:
        """A listening reaction from the templates, filled with the candidate's own words; never a
        line already said this session (a short acknowledgement, then nothing, once used up)."""
        c = heard.content
        d = listening.data()
        figures = self._as_said(c.figures)
        money = listening.money_figures(c.figures)
        spoken = "" if money else listening.pay_ask_said(self._last_candidate(), self.persona.pay_range)
        said_text = self._last_candidate()
        ours = {x.rstrip(".,") for x in re.findall(r"\d[\d,.]*", self.persona.pay_range or "")}
        if spoken and set(re.findall(r"\d[\d,.]*", spoken)) <= ours:
            spoken = ""  # "The advert said 26,500": our own figure quoted back, not their ask
        if money and ours and set(re.findall(r"\d[\d,.]*", " ".join(money))) & ours:
            # our own advertised band quoted back is not their ask; what they ask beside it is
            # ("The advert said £30,500 to £33,000 ... I'd be looking at the top of that, around £33,000")
            rest = re.sub(r"[£$€]?\d[\d,.]*k?\s*(?:to|-|–|and)\s*[£$€]?\d[\d,.]*k?",
                          lambda m: "" if {x.rstrip(".,") for x in re.findall(r"\d[\d,.]*", m.group(0))} <= ours else m.group(0), said_text)
            money = [f for f in money if f.lower() in rest.lower()]
        if money and not re.search(listening.data()["pay_reactions"]["words"], said_text, re.I) \
                and self._turn_stage != "compensation":  # the answer to "what are you hoping for?" is a pay ask
            money = []  # herd sizes and cell counts are not a pay ask
        if (money or spoken) and heard.pay_figure and kind in (None, "number", "timeframe"):
            where = listening.pay_position(self._last_candidate(), self.persona.pay_range)
            if not where and spoken:  # no range of ours to compare with: their figure, heard
                return listening.fill(self._pick("reaction_number", listening.tone_options(d["reactions"]["number"], self.persona.tone)),
                                      figures=spoken)
            if where and (line := self._pick(f"pay_{where}", d["pay_reactions"][where], fresh_only=True)):
                # their ask as they'd say it (not their current pay beside it), in our range's currency
                as_said = self._as_said(money)
                whole = len(money) == 1 or re.match(r"between |\S+ to \S+$", as_said)
                amount = (as_said if whole and listening.is_the_ask(as_said, said_text, self.persona.pay_range) else
                          listening.pay_ask_said(said_text, self.persona.pay_range) or as_said) if money else spoken
                if (cur := re.search(r"[£€$]", self.persona.pay_range or "")) and cur.group(0) != "$":
                    amount = amount.replace("$", cur.group(0))
                # other figures of the turn are not echoed as a bare list ("30 hours and three years, noted")
                return listening.fill(line, figures=amount)
        if kind is None:
            kind = c.kind
            stage = self._turn_stage
            said = [t.text.strip().lower() for t in self.turns if t.speaker == "candidate"]
            if len(said) > 1 and said[-1] in said[:-1] and kind != "rude":
                kind = "done"  # the same answer again: don't echo it back a second time
            elif stage == "opening" and re.search(r"\bnervous\b", self._last_candidate(), re.I) and kind != "rude":
                kind = "nervous"  # "I'm a bit nervous": put them at ease, not "Okay."
            elif stage == "opening" and kind in ("default", "vague", "one_word", "offtopic"):
                kind = "opening"  # pleasantries and asides on arrival (the bus, the coffee): a greeting back, not a steer
            elif c.rant and self.state.probed_in.count("rant_noted") < 1 and stage != "compensation":
                self.state.probed_in.append("rant_noted")
                kind = "rant"  # venting about their current employer: noticed, once
            elif heard.off_role and stage in ("vision", "probe", "react") and kind not in ("rude", "offtopic"):
                kind = "off_role"  # breakers to a nurse manager: not echoed as a plan
            elif stage in ("questions", "compensation") and kind in ("default", "vague", "one_word") and not heard.questions:
                kind = "done"  # "No, that's it." after "any questions?" is an answer, not a vague one
            elif c.assent and kind in ("default", "vague", "one_word"):
                kind = "done"  # "Oh right, I didn't know that." takes in what we said: no "there's more behind that"
            elif kind in ("vague", "one_word") and stage in ("vision", "probe", "react") and self._moving_on:
                kind = "vague_moving"  # no more probing here: say so, don't ask for specifics and then move on
            elif kind in ("vague", "one_word") and stage not in ("vision", "probe", "react"):
                kind = "default"
        tone = "skeptical" if c.rude and kind in ("number", "timeframe") else self.persona.tone  # no thanks for an ultimatum
        if kind == "off_role" and (said := self._figures_said(c.figures)):
            if line := self._pick("reaction_off_role_said", listening.tone_options(d["reactions"]["off_role_said"], tone), fresh_only=True):
                return listening.fill(line, said=said)
        if kind in ("number", "timeframe"):
            said = self._figures_said(c.figures) or self._one_clause_said(c.figures)
            # the figure in the sense it has in their sentence: their words around it, never a bare "five days - noted"
            # (what they earn now is concrete, however they hedge the ask around it)
            key = "figure_vague" if c.generic and self._turn_stage != "compensation" else "figure_said"
            options = listening.tone_options(d["reactions"][key], tone)
            # their own clause keeps each line fresh, so a frame may come round again once all are used
            if said and (line := self._pick(f"reaction_{key}", options, fresh_only=True) or self._pick(f"reaction_{key}", options)):
                return listening.fill(line, said=said)
            if not heard.pay_figure and self._turn_stage == "compensation":
                # their figures in answer to "what are you looking for?" are an answer, never "I'd need more than that"
                return self._pick("reaction_pay_heard", listening.tone_options(d["reactions"]["pay_heard"], tone))
            if not heard.pay_figure:
                # no clause of theirs reads well said back: react to the rest of the turn, never a bare
                # list of echoed figures ("Forty minutes, six weeks and 45 minutes. Noted.")
                kind = dataclasses.replace(c, figures=[]).kind
            else:
                # a bare echo never says our own advertised pay back as theirs ("The advert said 26,500" ->
                # "Noted: 26,500"): only their own figure beside it, or the whole list when all are theirs
                theirs = [f for f in c.figures if not ((n := set(re.findall(r"\d[\d,.]*", f))) and n <= ours)]
                as_said = self._as_said(theirs)
                if theirs and len(theirs) < len(c.figures) and len(theirs) == 1:
                    figures = as_said  # the one figure of theirs beside our own quoted back
                elif theirs and len(theirs) == len(c.figures):
                    pass  # all theirs: said back as before
                else:
                    kind = dataclasses.replace(c, figures=[]).kind
        if kind == "plan" and not listening.echo_ok(c.plan, self._last_candidate()):
            kind = "default"  # "So you'd look at first.": a clause that doesn't read as one is not said back
        if kind == "read" and not listening.echo_ok(c.read, self._last_candidate()):
            kind = "default"
        line = self._pick(f"reaction_{kind}", listening.tone_options(d["reactions"][kind], tone), fresh_only=True)
        if not line and self.persona.tone != "neutral":
            line = self._pick(f"reaction_{kind}_spare", d["reactions"][kind]["neutral"], fresh_only=True)
        if not line and kind in ("number", "timeframe"):
            line = "{figures}."
        if not line and not c.empty and kind not in ("vague", "one_word", "rude", "vague_moving", "done", "opening", "offtopic"):  # never a pleasantry for an empty or rude answer
            line = self._pick("acknowledgements", self.persona.lines.acknowledgements, fresh_only=True)
        if "{figures}" in line and not figures.strip():
            return ""  # never "Noted, ." for a figure that isn't there
        return listening.fill(line, figures=figures, plan=c.plan, where=c.where, read=c.read)

    def _one_clause_said(self, figs: list[str]) -> str:
        """Too many figures to say back: the one clause that carries most of them (a result - "you went
        from about 45 minutes to 18" - usually comes last), never the whole list."""
        best, best_key = "", (0, -1)
        for i, f in enumerate(figs):
            if (x := self._figures_said([f])) and (key := (sum(g.lower() in x.lower() for g in figs), i)) > best_key:
                best, best_key = x, key
        return best

    def _figures_said(self, figs: list[str]) -> str:
        """The candidate's own words around their figures, at most two clauses ("" when they don't read
        as a clause of their own, or say too much)."""
        said = self._last_candidate()
        phrases: list[str] = []
        for f in figs[:3]:
            if any(f.lower() in ph.lower() for ph in phrases):
                continue
            ph = listening.figure_phrase(said, f)
            if not ph or len(ph.split()) < 2 or not listening.echo_ok(ph, said, need_verb=True):
                return ""
            phrases.append(ph)
        if len(phrases) != 1:
            return ""  # two clauses spliced with "and" misread ("... and Over about eight months ..."): one, or none
        first = phrases[0].split(" ", 1)[0]
        # "Release going from..." reads on in lower case; a name ("Helen") keeps its capital
        if first[:1].isupper() and first[1:].islower() and not re.search(rf"(?<![.!?]\s)(?<!^)\b{re.escape(first)}\b", said):
            phrases[0] = phrases[0][:1].lower() + phrases[0][1:]
        return phrases[0]

    def _off_role(self, text: str, heard: Heard) -> list[str]:
        """Words of a different line of work in an answer to one of our questions (not a question of theirs,
        not a story that also speaks our world)."""
        if self._turn_stage not in ("vision", "probe", "react") or heard.questions or heard.lead:
            return []
        return listening.off_role(text, self.persona)

    def _pick(self, key: str, options: list[str], fresh_only: bool = False) -> str:
        """One of the options at random, never the same twice in a row; with `fresh_only`, never
        one already said this session ("" once they are used up)."""
        used = self.state.used.setdefault(key, [])
        if fresh_only and (not options or all(i in used for i in range(len(options)))):
            return ""
        fresh = [i for i in range(len(options)) if i not in used] or list(range(len(options)))
        if len(fresh) == len(options) and used:
            last = used[-1]
            used.clear()
            fresh = [i for i in fresh if i != last] or fresh  # never the same line twice in a row
        i = self.rng.choice(fresh)
        used.append(i)
        return options[i]

    def _line(self, key: str) -> str:
        return self._pick(key, getattr(self.persona.lines, key))

    def _react_to_hypothesis(self, text: str) -> str:
        """When the candidate voices one of their brief's hypotheses, confirm or correct it once."""
        if not self.hypotheses:
            return ""
        said = bank.content_words(text)
        for hypothesis in self.hypotheses:
            overlap = said & bank.content_words(hypothesis)
            if len(overlap) < 2:
                continue
            reality, misread = listening.read_reality(self.persona, hypothesis + " " + text)
            if reality and reality.topic not in self.state.reacted_to:
                self.state.reacted_to.append(reality.topic)
                return reality.correct if misread else reality.confirm
        return ""

    # --- saying it -------------------------------------------------------------------------

    def _guard_context(self, candidate_text: str, allow_next_steps: bool) -> guards.GuardContext:
        return guards.GuardContext(
            interviewer_name=self.persona.name,
            candidate_name=None if self.candidate_name == "Candidate" else self.candidate_name,
            earlier_replies=[t.text for t in self.turns if t.speaker == "interviewer"],
            allow_next_steps=allow_next_steps,
            candidate_text=candidate_text,
        )

    def _directive(self, kind: str, plan_line: str, answers: str) -> str:
        d = prompts.data("directives.toml")
        if self.caps.style == "guided":
            return d["guided"]["react"]
        if answers:
            lead = prompts.fill(d["free"]["answer"], facts=answers)
            then = prompts.fill(d["free"].get(kind, d["free"]["react"]), plan_line=plan_line)
            return prompts.fill(d["free"]["answer_then"], answer=lead, then=then)
        return prompts.fill(d["free"].get(kind, d["free"]["react"]), plan_line=plan_line)

    def _say(self, candidate_text: str, kind: str, plan_line: str, heard: Heard, on_text, transition: str = "") -> Reply:
        plan_line = self._without_pickup(plan_line, heard)
        closing_with_steps = kind == "close" and not self.state.asked_next_steps
        ctx = self._guard_context(candidate_text, self.state.asked_next_steps or closing_with_steps)
        plan_part = " ".join(p for p in (transition, plan_line) if p)
        # The plan's line may follow the model's words: keep room for it within the word limit.
        ctx.max_words = max(20, guards.MAX_WORDS - len(plan_part.split()))
        grounded = self._grounded(heard, kind)
        user_msg = prompts.render(
            "turn.md",
            candidate=guards.sanitize_candidate(candidate_text) or prompts.data("dialogue.toml")["no_answer"],
            first_name=self.persona.first_name,
            directive=self._directive("close_with_next_steps" if closing_with_steps else kind, plan_part, " ".join(grounded)),
        )
        self.history.append(("human", user_msg))
        shown: list[str] = []

        def out(piece: str) -> None:
            piece = piece.strip()
            if piece:
                shown.append(piece)
                if on_text:
                    on_text(piece + " ")

        def reply(source: str, got: Reply | None = None) -> Reply:
            got = got or Reply("", kind, source)
            return Reply(" ".join(shown), kind, source, got.problems, got.raw, got.notice, got.ttft,
                         model_text=got.text if got.source == "model" else "")

        if kind == "nudge" or (self._bare and not grounded):  # nothing to react to: the line says it all
            out(plan_line)
            return reply("plan")
        if grounded:  # facts, a correction or the candidate's figures: no model words needed
            out(self._compose(grounded, transition, plan_line))
            return reply("answer+plan")
        model_may_react = heard.content.kind in ("plan", "story", "read", "default") and kind != "close" and not self._bare
        if self.model is None or not model_may_react:
            out(self._compose([self._short_reaction(heard, transition or plan_line)], transition, plan_line))
            return reply("plan")
        if self.caps.style == "guided":
            # The template reaction is on screen at once; the model may add one sentence of its own
            # while the user reads it, shown only if it passes every guard and the meaning check.
            template = self._short_reaction(heard, transition or plan_line)
            out(template)
            ctx.max_words = max(10, ctx.max_words - len(guards.words(template)))
            got = self._generate(ctx, self.plan.reaction_tokens, 1, candidate_text, out, heard,
                                 around=(template, self._compose([], transition, plan_line)))
            out(self._compose([], transition, plan_line))
            return reply("model+plan" if got.text else "plan", got)
        # free style: the model writes the whole turn; one regeneration, then the plan's turn.
        after = ("", self._compose([], transition, plan_line))  # said after the model's words when they ask nothing
        got = self._generate(ctx, self.plan.free_turn_tokens, 5, candidate_text, out, heard, around=after)
        if not got.text and not got.notice:
            got = self._generate(ctx, self.plan.free_turn_tokens, 5, candidate_text, out, heard, around=after)
        if got.text:
            if "?" not in got.text and kind != "close":
                out(self._compose([], transition, plan_line))  # the model reacted but didn't move the interview on
                return reply("model+plan", got)
            return reply("model", got)
        if not got.notice:
            got.notice = prompts.data("dialogue.toml")["guard_notice"].format(problems=", ".join(got.problems) or "empty")
        out(self._compose([self._reaction(heard)], transition, plan_line))
        return reply("plan", got)

    def _without_pickup(self, line: str, heard: Heard) -> str:
        """A plan line that opens by picking up the answer ("Ooh, say more.") loses that opening when the
        answer had nothing in it to pick up."""
        c = heard.content
        if not self._real_plan(heard) and (presumed := re.search(listening.data()["meaning"]["presumes_plan"], line, re.I)) and self._turn_stage != "opening":
            # "If you started there, what's the first thing you'd check?" after a story, or nothing: no "there" to start from
            kind = "story" if c.story else "vague"
            if swap := self._followup(kind, heard, self.state.stage, fallback=False):
                return swap
        if (c.plan or c.read or c.story or c.figures) and not (c.generic or heard.off_role or c.empty):
            return line
        sents = guards.sentences(line)
        if len(sents) > 1 and re.search(listening.data()["meaning"]["pickup"], sents[0], re.I):
            return " ".join(sents[1:])
        return line

    def _real_plan(self, heard: Heard) -> bool:
        """A plan of theirs a follow-up can build on: said back cleanly, and something they would do
        ("I'd never run things like that" is a jibe at their employer, not a plan)."""
        plan = heard.content.plan
        return bool(plan) and listening.echo_ok(plan, self._last_candidate()) and not re.match(r"(?:never|not|no)\b", plan, re.I)

    def _short_reaction(self, heard: Heard, then: str) -> str:
        """The reaction, unless both it and what follows open with a bare acknowledgement ("Okay. Fine. ...")."""
        reaction = self._reaction(heard)
        first = (guards.sentences(then) or [""])[0]
        if len(guards.words(reaction)) <= 2 and len(guards.words(first)) <= 2 and not heard.content.figures:
            return ""
        return reaction

    def _grounded(self, heard: Heard, stage: str) -> list[str]:
        """What the turn must carry from facts: the figure acknowledgement, the correction or
        confirmation, and one answer per question part."""
        out = []
        c = heard.content
        if c.rude and (heard.lead or heard.answers or c.figures):
            out.append(self._reaction(heard, "rude"))
        elif c.rant and self.state.probed_in.count("rant_noted") < 1 and (heard.lead or heard.answers) \
                and self._turn_stage in ("opening", "vision", "probe", "react", "questions"):  # not in the pay exchange
            self.state.probed_in.append("rant_noted")
            out.append(self._reaction(heard, "rant"))
        said = " ".join([heard.lead] + heard.answers)
        # "the first 90 days" the answer already says needs no echo; a pay figure always gets its reaction
        missing = [f for f in c.figures if heard.pay_figure
                   or not c.rude and not re.search(rf"(?<![\w$£€])(?<!\d[.,]){re.escape(f)}(?!\w|[.,]\d)", said, re.I)]
        spoken_pay = heard.pay_figure and not c.figures and listening.pay_ask_said(self._last_candidate(), self.persona.pay_range)
        if (missing or spoken_pay) and (heard.lead or heard.answers or heard.pay_figure or c.rude):
            rest = dataclasses.replace(heard, content=dataclasses.replace(c, figures=missing))
            said_back = self._reaction(rest, "timeframe" if c.kind == "timeframe" else "number")
            parts = guards.sentences(said_back)
            if heard.lead and len(parts) == 2 and len(parts[1].split()) <= 4:
                said_back = parts[0]  # "You'd walk the aisles yourself. Fine." before our answer: no verdict ahead of it
            out.append(said_back)
        if heard.lead:
            out.append(heard.lead)
        out.extend(heard.answers)
        return out

    def _compose(self, blocks: list[str], transition: str, plan_line: str) -> str:
        """Blocks then the plan's move, condensed to the word limit: every answer keeps at least
        its first sentence (never dropped); the transition goes before any answer is cut."""
        blocks = [b.strip() for b in blocks if b and b.strip()]
        tail = [p for p in (transition, plan_line) if p]

        def size(bs: list[str], t: list[str]) -> int:
            return sum(len(guards.words(x)) for x in bs + t)  # counted the way the guard counts

        if size(blocks, tail) > guards.MAX_WORDS and transition:
            tail = [plan_line]
        # Two facts that share a sentence say it once: where it comes earliest in its block, so
        # condensing (which cuts from the end of a block) keeps it.
        split = [guards.sentences(b) for b in blocks]
        home: dict[str, tuple[int, int]] = {}
        for bi, ss in enumerate(split):
            for si, x in enumerate(ss):
                home[x.lower()] = min(home.get(x.lower(), (si, bi)), (si, bi))
        sents = [kept for bi, ss in enumerate(split)
                 if (kept := [x for si, x in enumerate(ss) if home[x.lower()] == (si, bi)])]
        # ... and of two sentences that mostly say the same ("a 401(k) with a 5% match ..."), the one
        # that doesn't open its block goes (a block's opening sentence is its answer).
        def content(x: str) -> set[str]:
            return {t.lower() for t in guards.words(x) if len(t) > 3}

        for bi, ss in enumerate(sents):
            for x in list(ss[1:]):
                w = content(x)
                if w and any(len(w & content(o[0])) >= 0.6 * len(w) for bj, o in enumerate(sents) if bj != bi):
                    ss.remove(x)
        keep = [len(s) for s in sents]
        while size([" ".join(s[:k]) for s, k in zip(sents, keep)], tail) > guards.MAX_WORDS and any(k > 1 for k in keep):
            i = max(range(len(keep)), key=lambda j: (len(guards.words(" ".join(sents[j][: keep[j]]))) if keep[j] > 1 else -1))
            keep[i] -= 1
        body = [" ".join(s[:k]) for s, k in zip(sents, keep)]
        if size(body, tail) > guards.MAX_WORDS:
            tail = []  # the answers matter more than the plan's next question
        if body and tail and re.match(r"(?:okay|right|sure|alright)\b", body[0], re.I):
            tail[0] = re.sub(r"^(?:Okay|Right|Sure|Alright)[,.!]?\s+(\w)", lambda m: m.group(1).upper(), tail[0])  # not "Okay. Okay, ..."
        return " ".join(body + tail)

    def _generate(self, ctx: guards.GuardContext, max_tokens: int, max_sentences: int, grounded_in: str, emit,
                  heard: Heard | None = None, around: tuple[str, str] = ("", "")) -> Reply:
        """One model reply, streamed sentence by sentence: each sentence is shown as soon as it
        passes every guard, and generation stops at the first one that does not.

        Faults before anything was shown (timeout, 429, 5xx, dropped stream, empty reply) are
        retried with backoff; if they persist the Reply has a notice and no text, and the caller
        falls back to the plan's line.
        """
        messages = [("system", self.system)] + self.history
        started = time.perf_counter()
        first: list[float] = []
        accepted: list[str] = []
        raw_parts: list[str] = []
        guided = self.caps.style == "guided"

        def acceptable(sentence: str) -> bool:
            candidate = " ".join(accepted + [sentence])
            if guards.problems(candidate, ctx):
                return False
            if guards.loops(" ".join(p for p in (around[0], candidate, around[1]) if p)):
                return False  # the whole turn as shown (template before it, plan line after) never repeats itself
            return not (guided and self._reaction_problems(candidate, grounded_in, heard))

        def call() -> None:
            raw_parts.clear()
            buffer, stopped = "", False
            if self.caps.streaming:
                stream = self.model.stream(messages, max_tokens=max_tokens)
            else:  # the whole reply at once, read through the same guards
                stream = iter([self.model.invoke(messages, max_tokens=max_tokens)])
            try:
                for chunk in stream:
                    if not first:
                        first.append(time.perf_counter() - started)
                    piece = str(chunk.content)
                    raw_parts.append(piece)
                    if stopped:
                        continue  # read on only to measure the raw reply (benchmarks)
                    buffer += piece
                    while not stopped and (m := _SENTENCE_END.search(buffer)):
                        sentence, buffer = buffer[: m.end()].strip(), buffer[m.end() :]
                        if len(accepted) < max_sentences and acceptable(sentence):
                            accepted.append(sentence)
                            emit(sentence)
                        else:
                            stopped = True
                    if stopped and not self.measure_raw:
                        break
            finally:
                if hasattr(stream, "close"):
                    stream.close()  # stop generating as soon as we stop reading
            tail = buffer.strip()
            if not stopped and tail and _FINISHED.search(tail) and len(accepted) < max_sentences and acceptable(tail):
                accepted.append(tail)
                emit(tail)
            if not "".join(raw_parts).strip():
                raise EmptyReply("the model returned an empty reply")

        def retrying(attempt: int, error: BaseException) -> None:
            if self.on_retry:
                self.on_retry(f"model fault ({describe_fault(error)}), retrying ({attempt}/{self.attempts - 1})")

        def guarded_call() -> None:
            try:
                call()
            except Exception:
                if accepted:  # the stream dropped after good sentences were shown: keep them
                    return
                raise

        try:
            with_retries(guarded_call, attempts=self.attempts, base_delay=self.retry_delay, on_retry=retrying,
                         budget=self.caps.turn_budget)
        except Exception as e:  # noqa: BLE001 - a backend fault never ends a session
            notice = prompts.data("dialogue.toml")["fallback_notice"].format(fault=describe_fault(e))
            return Reply("", "", "plan", ["backend_fault"], "".join(raw_parts), notice, first[0] if first else None)
        raw = "".join(raw_parts)
        as_written = dataclasses.replace(ctx, max_words=guards.MAX_WORDS)  # judge the raw reply on its own
        problems = guards.problems(raw, as_written) + (self._reaction_problems(raw, grounded_in, heard) if guided else [])
        return Reply(" ".join(accepted), "", "model", sorted(set(problems)), raw, "", first[0] if first else None)

    def _reaction_problems(self, text: str, candidate_text: str, heard: Heard | None = None) -> list[str]:
        """A guided reaction must be a statement, sound like the interviewer, and touch what was said
        (the meaning check: it refers to the candidate's content and never praises an empty answer)."""
        empty = heard.content.empty if heard else False
        found = listening.meaning_problems(text, candidate_text, self.persona, empty)
        first_sentence = (guards.sentences(text) or [""])[0]
        if "?" in first_sentence:
            found.append("asks_instead_of_reacting")
        if _CANDIDATE_VOICE.search(text):
            found.append("speaks_for_candidate")
        said = set(_CONTENT_WORD.findall(candidate_text.lower()))
        # Short generic reactions ("That's a fair point.") are fine; a long one must touch what was said.
        if said and len(first_sentence.split()) > 8 and not (set(_CONTENT_WORD.findall(first_sentence.lower())) & said):
            found.append("off_topic")
        if _WRONG_SIDE.search(text):
            found.append("wrong_perspective")
        if len(first_sentence.split()) > 22:  # long reactions are where the small model rambles
            found.append("rambling")
        return found

    def _record_interviewer(self, reply: Reply) -> None:
        self.turns.append(Turn(speaker="interviewer", name=self.persona.name, text=reply.text, at=now()))
        self.history.append(("ai", reply.text))

    def _persona_values(self, brief_facts: str) -> dict[str, str]:
        p = self.persona
        level = prompts.data("dialogue.toml")["level"][p.level]
        values = {k: v for k, v in p.model_dump().items() if isinstance(v, str)}
        values.update(
            level_line=level,
            goals="; ".join(p.goals),
            wants_answered="; ".join(p.wants_answered) + (f"; {brief_facts}" if brief_facts else ""),
            first_name=p.first_name,
        )
        return values
