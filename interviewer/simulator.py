"""The candidate simulator: scripted candidates (personas/candidates/*.toml) run whole interviews,
and automatic checks say whether the interviewer listened. Used by the tests (with and without
the embedded model) and by benchmarks/listening.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from interviewer import bank, guards, listening, reading
from interviewer.demo import SimulatedCandidate
from interviewer.dialogue import Interview, Reply, RouteContext, route_part
from interviewer.models import CandidateScript, Persona
from interviewer.personas import load_example_role, load_persona
from interviewer.roles import persona_for_role


def persona_for(script: CandidateScript, persona_id: str = "sales-manager") -> Persona:
    """The persona a script plays against: its own role file's, or the named persona."""
    base = load_persona(persona_id)
    return persona_for_role(load_example_role(script.role), default_level=base.level) if script.role else base


@dataclass
class Session:
    persona: Persona
    script: CandidateScript
    interview: Interview
    replies: list[Reply] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)  # the plan's stage each candidate turn answered

    def exchanges(self) -> list[tuple[str, Reply]]:
        """(candidate turn, the interviewer's reply to it), in order."""
        cands = [t.text for t in self.interview.turns if t.speaker == "candidate"]
        return list(zip(cands, self.replies[1:]))


def run(script: CandidateScript, persona: Persona, model: Any = None, caps=None, seed: int | None = None,
        limit: int = 40) -> Session:
    iv = Interview(persona, model, caps, seed=seed, candidate_name=script.name, retry_delay=0.0)
    sim = SimulatedCandidate(script)
    s = Session(persona, script, iv, [iv.start()])
    while not iv.finished and len(iv.turns) < limit:
        s.stages.append(iv.state.stage)
        s.replies.append(iv.respond(sim.answer(iv.state.stage)))
    return s


# --- the checks: each returns a list of problems (empty: passed) --------------------------------


def repeated_blocks(s: Session) -> list[str]:
    """No block of the interviewer's (a sentence of six words or more) is said twice in a session."""
    seen: dict[str, int] = {}
    out = []
    back_to = listening.data()["transitions"]["back_to"]
    for i, r in enumerate(s.replies):
        again = next((r.text.split(b, 1)[1] for b in back_to if b in r.text), "")
        for sent in guards.sentences(r.text):
            if sent in again:
                continue  # "But back to my question. <the question again>" is meant to repeat it
            key = " ".join(guards.words(sent)).lower()
            if len(key.split()) >= 6:
                if key in seen and seen[key] != i:
                    out.append(sent)
                seen[key] = i
    return out


def _said_back(fig: str, reply: str) -> bool:
    """'forty-four an hour' said back as '$44 an hour': the same number, in digits."""
    digits = re.sub(r"[^\d.]", "", listening.spoken_digits(fig)).strip(".")
    return bool(digits) and bool(re.search(rf"(?<![\d.,]){re.escape(digits)}(?![\d]|[.,]\d)", reply.replace(",", "")))


def unacknowledged_figures(s: Session) -> list[str]:
    """The figures the candidate gives are heard: at least one of a turn's figures is said back in the
    reply to it (in their own clause, never needed as a bare list of all of them), and a pay ask is
    always said back (in any currency's notation)."""
    # as a whole figure: "60" inside "$160,000" is not an acknowledgement of 60
    # figures in the candidate's own questions ("success at twelve months?") ask, they don't claim
    # ... and a figure in an anecdote off the subject ("three days at the lake"), a jibe ("I've been doing
    # this twenty years. I don't need to envision anything") or a dictated run-on is not echoed back
    out = []
    for cand, r in s.exchanges():
        c = listening.contents(cand)
        if c.offtopic or c.rude or listening.unpunctuated(cand):
            continue
        stated = " ".join(x.sentence for x in reading.read(cand) if not x.is_question)
        figs = listening.figures(stated)
        if not figs:
            continue
        money = listening.money_figures(figs)
        ask = listening.pay_ask(cand, s.persona.pay_range) if money and s.persona.pay_range else None
        ask_heard = ask is not None and listening.says_amount(r.text, ask)
        heard = [f for f in figs if _heard(f, r.text) or (ask_heard and f in money)]
        if not heard:
            out += [f"{fig!r} in {cand!r}" for fig in figs]
        elif ask is not None and re.search(listening.data()["pay_reactions"]["words"], cand, re.I) and not ask_heard \
                and not any(f in heard for f in money):
            out += [f"{fig!r} in {cand!r}" for fig in money]
    return out


def _heard(fig: str, reply: str) -> bool:
    return _said_back(fig, reply) or bool(re.search(rf"(?<![\w$£€])(?<!\d[.,]){re.escape(fig)}(?!\w|[.,]\d)", reply, re.I))


def unanswered_parts(s: Session) -> list[str]:
    """Every part of every question with an answer in the persona's facts is answered (at least the
    fact's first sentence, or its short repeat)."""
    out = []
    for (cand, r), stage in zip(s.exchanges(), s.stages):
        earlier = False
        readings = reading.read(cand)
        for rd in readings:
            if not rd.is_question or rd.has("ballpark_check"):
                continue
            parts = bank.parts(rd.sentence)
            for part in parts:
                # the question loop's own reading of the part (follow-ons, answers said with a rising
                # voice, personal and asked-back questions are not owed an answer)
                route = route_part(part, rd, readings, cand, len(parts) == 1, s.persona,
                                   RouteContext(turn_stage=stage, stage=stage, earlier=earlier))
                q = route.question if route.kind == "topic" else None
                earlier = earlier or q is not None or route.kind == "unknown"
                if not q:
                    continue
                _, fact = bank.answer_for(s.persona, q)
                already = listening.data()["deflections"]["already"]
                # its first sentence, or (asked again) the rest of it or "I've told you what I know"
                if fact and not any(x in r.text for x in guards.sentences(fact) + already):
                    out.append(f"{part!r} ({q.id})")
    return out


def missed_corrections(s: Session) -> list[str]:
    """The script's labelled misreads get one of the persona's corrections; its labelled right
    reads never do."""
    corrections = [r.correct for r in s.persona.realities]
    must = s.script.corrections.get(s.persona.id, [])
    out = []
    for cand, r in s.exchanges():
        corrected = any(c in r.text for c in corrections)
        if any(cand.startswith(m) for m in must) and not corrected:
            out.append(f"not corrected: {cand!r}")
        if any(cand.startswith(m) for m in s.script.right_reads) and corrected:
            out.append(f"corrected a right read: {cand!r}")
    return out


def guard_failures(s: Session) -> list[str]:
    """Every reply the user sees passes every guard (repetition is `repeated_blocks`' job)."""
    out = []
    for r in s.replies:
        ctx = guards.GuardContext(interviewer_name=s.persona.name, allow_next_steps=True)
        out += [f"{p}: {r.text!r}" for p in guards.problems(r.text, ctx)]
    return out


_PROBING = ("vision", "probe", "react")


def _content(text: str) -> listening.TurnContent:
    """What a turn contains, as the dialogue reads it: figures only from its statements."""
    c = listening.contents(text)
    stated = " ".join(r.sentence for r in reading.read(text) if not r.is_question)
    c.figures = listening.figures(stated) if stated else []
    return c


def _asks(text: str, stage: str = "") -> bool:
    """Whether a turn asks the interviewer something; in the probing stages "First ninety days?"
    said in answer is an answer with a rising voice, as the dialogue reads it."""
    for r in reading.read(text):
        if not r.is_question:
            continue
        if stage in _PROBING and len(r.sentence.split()) <= 6 and not listening.opens_like_question(r.sentence):
            continue
        return True
    return False


def unprobed_vague_answers(s: Session) -> list[str]:
    """The first generic answer in a probing stage (vision, probe, react) gets a follow-up in that
    stage, not the next stage's question; and a reply never asks for specifics and then moves on."""
    out, probed = [], set()
    vague_lines = [x for tone in listening.data()["reactions"]["vague"].values() for x in tone]
    for (cand, r), stage in zip(s.exchanges(), s.stages):
        c = _content(cand)
        moved = r.stage not in (stage, "nudge")
        if stage in _PROBING and c.kind == "vague" and not _asks(cand, stage) and stage not in probed:
            probed.add(stage)
            if moved:
                out.append(f"moved on after {cand!r}: {r.text!r}")
        if moved and any(v in r.text for v in vague_lines):
            out.append(f"asked for specifics, then moved on: {r.text!r}")
    return out


def praise_after_empty(s: Session) -> list[str]:
    """An empty, generic or rude answer is never praised."""
    return [f"{cand!r} -> {r.text!r}" for cand, r in s.exchanges()
            if (c := _content(cand)).empty and not c.figures and not _asks(cand) and listening.praises_answer(r.text)]


def warm_close_after_a_poor_session(s: Session) -> list[str]:
    """After rudeness, or a run of empty or generic answers, the close is plain: no praise."""
    st = s.interview.state
    if not s.interview.finished or not (st.rude or st.weak_answers >= 2):
        return []
    last = s.replies[-1].text
    if listening.praises_answer(last):
        why = "rudeness" if st.rude else f"{st.weak_answers} empty answers"
        return [f"warm close after {why}: {last!r}"]
    return []


def deflected_statements(s: Session) -> list[str]:
    """A statement is never answered as a question (no deflection or small-talk reply to it)."""
    d = listening.data()["deflections"]
    blocks = s.persona.deflections + [x for k in ("neutral", "warm", "skeptical", "small_talk") for x in d[k]]
    heads = [h for b in blocks if "{" not in (h := " ".join(b.split()[:4]))]
    return [f"{cand!r} -> {r.text!r}" for cand, r in s.exchanges()
            if not _asks(cand) and any(h in r.text for h in heads)]


def wrong_topic_answers(s: Session) -> list[str]:
    """A practical question no persona knows (parking, the dress code) is named and honestly not
    known, never answered with a fact about another topic that shares a word with it."""
    out = []
    firsts = {f: guards.sentences(bank.fact(s.persona, f))[0] for f in ("remote", "culture", "schedule", "compensation", "training")
              if bank.fact(s.persona, f)}
    for cand, r in s.exchanges():
        for rd in reading.read(cand):
            if not rd.is_question:
                continue
            for part in bank.parts(rd.sentence):
                t = bank.read_topic(part, s.persona)
                if t.unknown is None or any(bank.fact(s.persona, f) for f in t.unknown.fields):
                    continue
                wrong = [f for f, first in firsts.items() if first in r.text and not _asked_for(cand, f, s)]
                if wrong:
                    out.append(f"{part!r} got the {wrong[0]} answer: {r.text!r}")
    return out


def _asked_for(cand: str, field: str, s: Session) -> bool:
    """Whether any question in the turn asks for that field (then its answer is no mistake)."""
    for rd in reading.read(cand):
        for part in bank.parts(rd.sentence):
            q = bank.read_topic(part, s.persona).question
            if q and field in q.fields:
                return True
    return False


def number_asked_after_a_figure(s: Session) -> list[str]:
    """Once the candidate has said a pay figure (in digits or in words), the interviewer never asks
    for a number again."""
    probes = [x for tone in listening.data()["pay_probe"].values() if isinstance(tone, list) for x in tone]
    out, given = [], False
    for (cand, r), stage in zip(s.exchanges(), s.stages):
        if given and any(p in r.text for p in probes):
            out.append(f"asked for a number after one was given: {r.text!r}")
        if stage == "compensation" and listening.pay_ask(cand, s.persona.pay_range) is not None:
            given = True
    return out


CHECKS = {
    "repeated_blocks": repeated_blocks,
    "unacknowledged_figures": unacknowledged_figures,
    "unanswered_parts": unanswered_parts,
    "missed_corrections": missed_corrections,
    "guard_failures": guard_failures,
    "unprobed_vague_answers": unprobed_vague_answers,
    "praise_after_empty": praise_after_empty,
    "warm_close_after_a_poor_session": warm_close_after_a_poor_session,
    "deflected_statements": deflected_statements,
    "wrong_topic_answers": wrong_topic_answers,
    "number_asked_after_a_figure": number_asked_after_a_figure,
}


def check(s: Session) -> dict[str, list[str]]:
    return {name: fn(s) for name, fn in CHECKS.items()}
