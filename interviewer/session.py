"""A practice session: an Interview wired to the store, saving every turn as it happens.

No terminal code: the terminal loop (terminal.py), the demo and the tests all drive this.
"""

from __future__ import annotations

from collections.abc import Callable

from interviewer import coach
from interviewer.files import write_json_atomic
from interviewer.backends import Settings, capabilities, model_label, safe_url
from interviewer.dialogue import Interview, PlanState, Reply, conduct_note
from interviewer.models import Brief, Persona, Report, Role, Transcript, Turn, now
from interviewer.prep import hypotheses_text
from interviewer.store import Store


class Session:
    def __init__(
        self,
        persona: Persona,
        settings: Settings,
        store: Store,
        chat_model=None,
        role: Role | None = None,
        save_path: str | None = None,
        kind: str = "practice",
        seed: int | None = None,
        candidate_name: str = "Candidate",
        resume_id: str | None = None,
        brief: Brief | None = None,
        on_retry: Callable[[str], None] | None = None,
        interview_options: dict | None = None,
    ):
        self.persona, self.settings, self.store, self.role = persona, settings, store, role
        self.save_path = save_path
        self.brief = brief
        self.backend_label = settings.backend if not settings.base_url else f"{settings.backend} ({safe_url(settings.base_url)})"
        self.model_label = model_label(settings)
        self.interview = Interview(persona, chat_model, capabilities(settings), seed=seed, candidate_name=candidate_name,
                                   brief_facts=hypotheses_text(brief) if brief else "", on_retry=on_retry,
                                   hypotheses=brief.observations if brief else None, **(interview_options or {}))
        if resume_id:
            info = store.find_session(resume_id)
            self.id = info.id
            turns = store.turns(info.id)
            raw_state = store.plan_state(info.id)
            state = PlanState.model_validate_json(raw_state) if raw_state else PlanState()
            self.pending_answer = None
            if turns and turns[-1].speaker == "candidate":  # stopped mid-turn: that answer gets its reply now
                self.pending_answer = turns[-1].text
                turns = turns[:-1]
                store.truncate_turns(info.id, len(turns))
            self.interview.restore(turns, state)
            self.resumed = True
        else:
            self.id = store.create_session(persona.id, role.title if role else persona.role_title, settings.backend,
                                           self.model_label, kind)
            self.resumed = False
            self.pending_answer = None

    # --- the conversation --------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.interview.finished

    def start(self, on_text=None) -> Reply | None:
        """The opening line; on resume, None (the last interviewer turn is already on screen)."""
        if self.resumed and self.interview.turns:
            return None
        reply = self.interview.start(on_text)
        self._saved(reply)
        return reply

    def answer(self, text: str, on_text=None) -> Reply:
        # The candidate's words are committed before the model is called: nothing typed is lost.
        n = len(self.interview.turns)
        turn = Turn(speaker="candidate", name=self.interview.candidate_name, text=text.strip(), at=now())
        self.store.add_turn(self.id, n, turn, stage=self.interview.state.stage, source="typed")
        self._write_save(pending=turn)  # the JSON never lags the database
        reply = self.interview.respond(text, on_text)
        self._saved(reply)
        return reply

    def undo(self) -> str | None:
        taken = self.interview.undo()
        if taken is not None:
            self.store.truncate_turns(self.id, len(self.interview.turns), self.interview.state.model_dump_json())
            self._write_save()
        return taken

    def hint(self) -> str:
        return coach.hint(self.transcript(), self.persona, self.role)

    def coverage(self) -> dict[str, str]:
        return coach.coverage(self.transcript())

    def end(self) -> Report:
        self.store.end_session(self.id)
        self._write_save()
        report = coach.final_report(self.transcript(), self.persona, self.role, brief=self.brief)
        if self.interview.state.rude:  # the interviewer noticed the tone; so does the report
            report.notes.append(conduct_note(self.interview.state.rude))
        self.store.save_report(report, "practice", session_id=self.id, source=self.id)
        self._write_save(report=report)
        return report

    def transcript(self) -> Transcript:
        return Transcript(
            id=self.id,
            persona=self.persona.id,
            role=self.role.title if self.role else self.persona.role_title,
            backend=self.backend_label,
            model=self.model_label,
            turns=list(self.interview.turns),
        )

    # --- saving ------------------------------------------------------------------------------

    def _saved(self, reply: Reply) -> None:
        n = len(self.interview.turns) - 1
        self.store.add_turn(self.id, n, self.interview.turns[n], stage=reply.stage, source=reply.source,
                            plan_state=self.interview.state.model_dump_json())
        self._write_save()

    def _write_save(self, pending: Turn | None = None, report: Report | None = None) -> None:
        """The --save file, rewritten atomically after every turn (the candidate's answer before the
        model is called, as in the database); at the end it carries the report after the turns."""
        if not self.save_path:
            return
        data = self.transcript().model_dump(mode="json")
        if pending is not None:
            data["turns"].append(pending.model_dump(mode="json"))
        if report is not None:
            data["report"] = report.model_dump(mode="json")
        write_json_atomic(self.save_path, data)
