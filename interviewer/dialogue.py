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

from interviewer import guards, prompts
from interviewer.backends import Capabilities, EmptyReply, describe_fault, with_retries
from interviewer.models import Persona, Stage, Turn, now
from interviewer.scoring import rules
from interviewer.scoring.signals import is_gibberish, split_sentences


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


# --- what the candidate's turn asks for ------------------------------------------------------

_MANAGER = re.compile(r"\b(?:you|your) (?:manage|lead|like to|style|feedback)|management style|leadership style|like to work for|what are you like|one-on-one", re.I)
_CULTURE = re.compile(r"\bculture|work[- ]life|remote|hybrid|values|environment\b", re.I)
_TEAM = re.compile(r"\bteam|colleagues|who (?:would|will) i|work with|report to|peers\b", re.I)


def intents(text: str) -> list[str]:
    """What a candidate turn asks the interviewer, most specific first."""
    found: list[str] = []
    for s in split_sentences(0, text):
        t = s.text
        asks = s.is_question or re.search(r"\bcorrect me|tell me (?:if|where)|curious|wondering\b", t, re.I)
        if not asks:
            continue
        if rules.CHECK.search(t) and not rules.NOT_CHECK.search(t):
            kind = "ballpark"
        elif rules.PROCESS.search(t) and not rules.NOT_PROCESS.search(t):
            kind = "next_steps"
        elif rules.PAY.search(t):
            kind = "compensation"
        elif rules.GOALS.search(t) or rules.CONTRIBUTES.search(t) or rules.SUCCESS.search(t):
            kind = "goals"
        elif _MANAGER.search(t):
            kind = "management_style"
        elif _CULTURE.search(t):
            kind = "culture"
        elif _TEAM.search(t) or rules.FIT.search(t):
            kind = "team"
        else:
            kind = "other"
        if kind not in found:
            found.append(kind)
    specific = [k for k in found if k != "other"]
    return specific or found


def match_reality(persona: Persona, text: str):
    """The persona reality the candidate's read touches, and whether it is the common misread."""
    low = text.lower()
    best, best_score, misread = None, 0, False
    for r in persona.realities:
        hits = sum(k.lower() in low for k in r.keywords)
        wrong = sum(k.lower() in low for k in r.misread_keywords)
        if hits + 2 * wrong > best_score:
            best, best_score, misread = r, hits + 2 * wrong, wrong > 0
    return best, misread


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
        asked = intents(text)
        answers = self._answers(asked, text) or self._react_to_hypothesis(text)
        if "next_steps" in asked:
            self.state.asked_next_steps = True
        if "compensation" in asked or rules.PAY.search(text):
            self.state.pay_discussed = True

        thin = len(guards.words(text)) < self.plan.thin_answer_words or is_gibberish(text)
        if thin and not answers and self.state.stage not in self.state.nudged_in and self.state.stage in ("opening", "vision", "probe", "react"):
            self.state.nudged_in.append(self.state.stage)
            reply = self._say(text, kind="nudge", plan_line=self._line("nudges"), answers="", on_text=on_text)
        else:
            next_stage, line = self._advance(asked)
            reply = self._say(text, kind=next_stage, plan_line=line, answers=answers, on_text=on_text)
        reply.seconds = time.perf_counter() - started
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

    # --- the plan --------------------------------------------------------------------------

    def _advance(self, asked: list[str]) -> tuple[str, str]:
        """Move the plan on after a candidate turn; return the stage and its line."""
        st = self.state
        stage = st.stage
        questions_stay = stage == "questions" and asked and st.stage_turns < self.plan.turns_for("questions")
        if stage != "questions" and st.stage_turns < self.plan.turns_for(stage):
            st.stage_turns += 1
            return stage, self._line(stage)
        if questions_stay:
            st.stage_turns += 1
            return "questions", self._pick("anything_else", prompts.data("dialogue.toml")["anything_else"])
        nxt = self.plan.after(stage)
        while nxt == "compensation" and st.pay_discussed:
            nxt = self.plan.after(nxt)
        if nxt is None or nxt == "close":
            st.stage, st.stage_turns, st.finished = "close", 1, True
            key = "close" if st.asked_next_steps else "close_with_next_steps"
            return "close", self._line(key)
        st.stage, st.stage_turns = nxt, 1  # type: ignore[assignment]
        if nxt == "compensation":
            st.pay_discussed = True
        return nxt, self._line(nxt)

    def _pick(self, key: str, options: list[str]) -> str:
        used = self.state.used.setdefault(key, [])
        fresh = [i for i in range(len(options)) if i not in used] or list(range(len(options)))
        if len(fresh) == len(options) and used:
            used.clear()
        i = self.rng.choice(fresh)
        used.append(i)
        return options[i]

    def _line(self, key: str) -> str:
        return self._pick(key, getattr(self.persona.lines, key))

    def _react_to_hypothesis(self, text: str) -> str:
        """When the candidate voices one of their brief's hypotheses, confirm or correct it once."""
        if not self.hypotheses:
            return ""
        from interviewer.prep import content_words

        said = content_words(text)
        for hypothesis in self.hypotheses:
            overlap = said & content_words(hypothesis)
            if len(overlap) < 2:
                continue
            reality, misread = match_reality(self.persona, hypothesis + " " + text)
            if reality and reality.topic not in self.state.reacted_to:
                self.state.reacted_to.append(reality.topic)
                return reality.correct if misread else reality.confirm
        return ""

    def _answers(self, asked: list[str], text: str) -> str:
        a = self.persona.answers
        parts = []
        for kind in asked[:2]:
            if kind == "ballpark":
                recent = " ".join(t.text for t in self.turns[-5:] if t.speaker == "candidate")
                reality, misread = match_reality(self.persona, recent)
                if reality:
                    self.state.reacted_to.append(reality.topic)
                parts.append((reality.correct if misread else reality.confirm) if reality else a.ballpark_general)
            elif kind == "other":
                parts.append(a.fallback)
            else:
                parts.append(getattr(a, kind))
        return " ".join(parts)

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

    def _say(self, candidate_text: str, kind: str, plan_line: str, answers: str, on_text) -> Reply:
        closing_with_steps = kind == "close" and not self.state.asked_next_steps
        ctx = self._guard_context(candidate_text, self.state.asked_next_steps or closing_with_steps)
        # The plan's line may follow the model's words: keep room for it within the word limit.
        ctx.max_words = max(20, guards.MAX_WORDS - len(plan_line.split()))
        user_msg = prompts.render(
            "turn.md",
            candidate=guards.sanitize_candidate(candidate_text) or prompts.data("dialogue.toml")["no_answer"],
            first_name=self.persona.first_name,
            directive=self._directive("close_with_next_steps" if closing_with_steps else kind, plan_line, answers),
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
            return Reply(" ".join(shown), kind, source, got.problems, got.raw, got.notice, got.ttft)

        if kind == "nudge":  # nothing to react to: just the encouragement
            out(plan_line)
            return reply("plan")
        if self.model is None:
            out(self._compose(self._ack(), answers, plan_line))
            return reply("plan")
        if self.caps.style == "guided":
            if answers:  # the grounded answer is the reaction: no model words needed to answer truthfully
                out(self._compose("", answers, plan_line))
                return reply("answer+plan")
            got = self._generate(ctx, self.plan.reaction_tokens, 1, candidate_text, out)
            if not got.text:
                out(self._ack())
            out(plan_line)
            return reply("model+plan" if got.text else "plan", got)
        # free style: the model writes the whole turn; one regeneration, then the plan's turn.
        got = self._generate(ctx, self.plan.free_turn_tokens, 5, candidate_text, out)
        if not got.text and not got.notice:
            got = self._generate(ctx, self.plan.free_turn_tokens, 5, candidate_text, out)
        if got.text:
            if "?" not in got.text and kind != "close" and not (kind == "questions" and answers):
                out(plan_line)  # the model reacted but didn't move the interview on: the plan does
                return reply("model+plan", got)
            return reply("model", got)
        if not got.notice:
            got.notice = prompts.data("dialogue.toml")["guard_notice"].format(problems=", ".join(got.problems) or "empty")
        out(self._compose(self._ack(), answers, plan_line))
        return reply("plan", got)

    def _compose(self, reaction: str, answers: str, plan_line: str) -> str:
        text = " ".join(p.strip() for p in (answers or reaction, plan_line) if p and p.strip())
        if len(text.split()) > guards.MAX_WORDS:  # persona data too long for one turn: keep the question
            text = plan_line
        return text

    def _ack(self) -> str:
        return self._line("acknowledgements")

    def _generate(self, ctx: guards.GuardContext, max_tokens: int, max_sentences: int, grounded_in: str, emit) -> Reply:
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
            return not (guided and self._reaction_problems(candidate, grounded_in))

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
        problems = guards.problems(raw, as_written) + (self._reaction_problems(raw, grounded_in) if guided else [])
        return Reply(" ".join(accepted), "", "model", sorted(set(problems)), raw, "", first[0] if first else None)

    @staticmethod
    def _reaction_problems(text: str, candidate_text: str) -> list[str]:
        """A guided reaction must be a statement, sound like the interviewer, and touch what was said."""
        found = []
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
