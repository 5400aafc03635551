"""`interviewer review`: import a transcript, settle who the candidate is, score it."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable

from interviewer import transcripts
from interviewer.errors import UserError
from interviewer.backends import Settings, build_judge, model_label
from interviewer.models import Report, Transcript
from interviewer.scoring.chain import score

# Below this, a terminal user is asked; piped runs use the guess and say so.
SURE = 0.75


def review_file(
    path: str,
    candidate: str | None = None,
    settings: Settings | None = None,
    context: dict[str, str] | None = None,
    ask: Callable[[str, list[str], str], str] | None = None,
    say: Callable[[str], None] = lambda _msg: None,
    save: bool = True,
    mine: bool | None = None,
    keep: Callable[[Report, str, str], None] | None = None,
) -> Report:
    text = transcripts.read_text(path)  # read once; the input file is never modified
    dialogue = transcripts.parse(text)
    choice = transcripts.identify_candidate(dialogue, candidate)
    name = choice.name
    if candidate is None:
        say(f"Candidate: {choice.name} ({choice.reason}; confidence {choice.confidence:.0%})")
        if choice.confidence < SURE:
            if ask is not None:
                name = ask("Who is the candidate?", [choice.name] + choice.alternatives, choice.name)
            else:
                say(f"Not sure: using the best guess, {choice.name}. Pass --candidate NAME to choose.")
    transcript = transcripts.to_transcript(dialogue, name)
    context = {k: v for k, v in (context or {}).items() if v}
    if transcript.role and "role_title" not in context:
        context["role_title"] = transcript.role
    judge = build_judge(settings) if settings is not None else None
    report = score(transcript, dialogue.format, context, judge=judge, label=model_label(settings) if judge else "rules")
    report.source = str(path)
    if save or keep is not None:
        owner = ownership(name, mine)
        if owner == "other":
            say("Kept in your history as someone else's interview: it doesn't count toward your trends.")
        if keep is not None:  # the caller stores it (the web page keeps its own connection)
            keep(report, content_key(transcript), owner)
        else:
            _remember(report, str(path), content_key(transcript), owner, say)
    return report


def content_key(transcript: Transcript) -> str:
    """The same transcript (whatever file format or line endings) and the same candidate: one key.
    Re-rendering a review to --json, -o .html or -o .md updates one history entry."""
    turns = [[t.speaker, " ".join(t.name.split()), " ".join(t.text.split())] for t in transcript.turns]
    return hashlib.sha256(json.dumps(turns).encode("ascii")).hexdigest()  # ASCII escapes: lone surrogates hash too


def ownership(candidate: str, mine: bool | None = None) -> str:
    """'own' or 'other'. --mine / --not-mine decide; otherwise, when INTERVIEWER_NAME says who you
    are, a candidate with another name is someone else; otherwise it is yours."""
    if mine is not None:
        return "own" if mine else "other"
    me = os.environ.get("INTERVIEWER_NAME", "").strip()
    if me:
        from interviewer.transcripts.candidate import match_speaker
        from interviewer.transcripts.base import TranscriptError

        try:
            match_speaker([candidate], me)
        except TranscriptError:
            return "other"
    return "own"


def _remember(report: Report, source: str, key: str, owner: str, say: Callable[[str], None] = lambda _msg: None) -> None:
    """Keep the review for `interviewer history`; a read-only home never fails a review, but
    the user is told it wasn't kept (and why, in one line)."""
    try:
        from interviewer.store import Store

        Store().save_report(report, "review", source=source, content_key=key, owner=owner)
    except UserError as e:
        say(f"(not saved to your history: {e})")
    except Exception as e:  # noqa: BLE001
        say(f"(not saved to your history: {type(e).__name__})")
