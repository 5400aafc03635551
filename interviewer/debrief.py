"""`interviewer debrief`: the journal to write right after a real interview, optionally with
its transcript reviewed by the scoring chain."""

from __future__ import annotations

from datetime import date
from typing import Any

from interviewer.errors import UserError
from interviewer.models import Debrief, now
from interviewer.store import Store


def prefill(transcript: str, candidate: str | None = None) -> dict[str, str]:
    """What the transcript already answers: the role, who you met, and the next step they named
    (their reply to your next-step question, else their own line about it). Raises on a bad file."""
    import re

    from interviewer import prompts, transcripts
    from interviewer.text import carries_signal, countable_sentences, is_question

    dialogue = transcripts.parse(transcripts.read_text(transcript))
    choice = transcripts.identify_candidate(dialogue, candidate)
    t = transcripts.to_transcript(dialogue, choice.name)
    met = list(dict.fromkeys(x.name for x in t.turns if x.speaker == "interviewer"))
    said = re.compile("|".join(prompts.data("debrief.toml")["prefill"]["next_step"]), re.I)
    step = ""
    for i, turn in enumerate(t.turns):
        if turn.speaker == "candidate" and any(
                is_question(s) and carries_signal("next_steps", s) for s in countable_sentences(turn.text)):
            reply = next((x for x in t.turns[i + 1:] if x.speaker == "interviewer"), None)
            if reply:
                step = " ".join(countable_sentences(reply.text)[:2])
    if not step:
        lines = [s for x in t.turns if x.speaker == "interviewer"
                 for s in countable_sentences(x.text) if said.search(s)]
        step = lines[-1] if lines else ""
    found = {"role_title": t.role or "", "interviewer": ", ".join(met), "stated_next_step": " ".join(step.split())}
    return {k: v for k, v in found.items() if v}


def build_debrief(answers: dict[str, Any]) -> Debrief:
    d = Debrief.model_validate({k: v for k, v in answers.items() if k in Debrief.model_fields})
    if not any(v for k, v in d.model_dump(exclude={"interview_date"}).items()):
        raise UserError("the debrief is empty: nothing to save")
    if not d.interview_date:
        d.interview_date = date.today().isoformat()
    d.created_at = now()
    return d


def save_debrief(store: Store, d: Debrief, transcript: str | None = None, candidate: str | None = None,
                 settings=None, say=lambda _m: None) -> tuple[Debrief, dict | None]:
    """Store the debrief; with a transcript, review it and link the report (kind 'debrief')."""
    report = None
    if transcript:
        from interviewer.review import review_file

        from interviewer import transcripts as T
        from interviewer.review import content_key

        r = review_file(transcript, candidate, settings, {"role_title": d.role_title, "company": d.company}, say=say, save=False)
        key = content_key(T.to_transcript(T.parse(T.read_text(transcript)), r.candidate))
        rid = store.save_report(r, "debrief", source=transcript, content_key=key)  # your debrief: your own interview
        d = d.model_copy(update={"transcript_path": transcript, "report_id": rid})
        report = r.model_dump(mode="json")
    did = store.save_debrief(d)
    return d.model_copy(update={"id": did}), report
