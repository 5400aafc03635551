"""`interviewer debrief`: the journal to write right after a real interview, optionally with
its transcript reviewed by the scoring chain."""

from __future__ import annotations

from datetime import date
from typing import Any

from interviewer.errors import UserError
from interviewer.models import Debrief, now
from interviewer.store import Store


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
