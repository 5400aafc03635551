"""Practice sessions behind the web pages: one worker thread owns the model and the sessions.

llama.cpp is not thread-safe and SQLite connections belong to the thread that opened them, so
every Session call runs on one worker thread (two cores: one conversation at a time is all the
machine can serve anyway). A reply being written is a Job: its pieces are kept, so a page that
reloads mid-reply re-attaches to the same stream instead of losing it or asking twice.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable

from interviewer.backends import Settings, build_chat_model
from interviewer.models import Brief, Persona, Report, Role
from interviewer.personas import load_persona
from interviewer.session import Session
from interviewer.store import Store


@dataclass
class Job:
    """One interviewer reply in the making: pieces so far, then the result (or an error)."""

    pieces: list[str] = field(default_factory=list)
    done: bool = False
    result: dict[str, Any] | None = None
    error: str | None = None
    reply_at: int | None = None  # the turn index the reply will take (known when the session is live)
    _listeners: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _notify(self) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for loop, event in listeners:
            loop.call_soon_threadsafe(event.set)

    def add(self, piece: str) -> None:
        self.pieces.append(piece)
        self._notify()

    def finish(self, result: dict[str, Any] | None = None, error: str | None = None) -> None:
        self.result, self.error, self.done = result, error, True
        self._notify()

    async def follow(self):
        """Yield ('text', piece) for every piece from the first, then ('done', result|error)."""
        event = asyncio.Event()
        with self._lock:
            self._listeners.append((asyncio.get_running_loop(), event))
        try:
            sent = 0
            while True:
                event.clear()
                pieces, done = self.pieces[sent:], self.done
                for p in pieces:
                    yield "text", p
                sent += len(pieces)
                if done and sent == len(self.pieces):
                    yield ("error", self.error) if self.error else ("done", self.result)
                    return
                await event.wait()
        finally:
            with self._lock:
                self._listeners.remove((asyncio.get_running_loop(), event))


class Practice:
    """The live sessions of one `interviewer serve`."""

    def __init__(self, settings: Settings, chat_model=None):
        self.settings = settings
        self._chat_model = chat_model
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="interviewer-model")
        self.sessions: dict[str, Session] = {}
        self.jobs: dict[str, Job] = {}
        self._store: Store | None = None  # opened on the worker thread, used only there

    # --- running on the worker ----------------------------------------------------------

    async def run(self, fn: Callable[[], Any]) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self.worker, fn)

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store()
        return self._store

    @property
    def chat_model(self):
        if self._chat_model is None:
            self._chat_model = build_chat_model(self.settings)
        return self._chat_model

    def _new(self, persona: Persona, role: Role | None, brief: Brief | None, name: str, seed: int | None) -> str:
        s = Session(persona, self.settings, self.store, chat_model=self.chat_model, role=role, seed=seed,
                    candidate_name=name or "Candidate", brief=brief)
        self.sessions[s.id] = s
        return s.id

    async def create(self, persona: Persona, role: Role | None = None, brief: Brief | None = None, name: str = "Candidate",
                     seed: int | None = None) -> str:
        return await self.run(lambda: self._new(persona, role, brief, name, seed))

    def session(self, session_id: str) -> Session:
        """The live Session, (re)loaded from the database when the terminal moved it on meanwhile.
        Worker thread only."""
        info = self.store.find_session(session_id)
        live = self.sessions.get(info.id)
        if live is not None and self.jobs.get(info.id) is None and len(live.interview.turns) != info.turns:
            live = None  # resumed and continued elsewhere (the terminal): read it again
        if live is None:
            from interviewer.errors import UserError

            if info.status == "ended":
                raise UserError(f"session {info.id} has ended")
            persona = load_persona(info.persona) if info.persona else load_persona()
            name = next((t.name for t in self.store.turns(info.id) if t.speaker == "candidate"), "Candidate")
            live = Session(persona, self.settings, self.store, chat_model=self.chat_model, resume_id=info.id, candidate_name=name)
            self.sessions[info.id] = live
        return live

    # --- replies, as jobs ---------------------------------------------------------------

    def job(self, session_id: str) -> Job | None:
        job = self.jobs.get(session_id)
        return job if job is not None and not job.done else None

    def start_reply(self, session_id: str, kind: str, text: str = "") -> Job:
        """Begin the opening line, a reply to `text`, or the reply owed after a resume. Returns the
        running job (an existing one if a reply is already being written)."""
        running = self.job(session_id)
        if running is not None:
            return running
        job = Job()
        live = self.sessions.get(session_id)
        if live is not None:
            job.reply_at = len(live.interview.turns) + (1 if kind == "answer" or live.pending_answer else 0)
        self.jobs[session_id] = job

        def work() -> None:
            try:
                s = self.session(session_id)
                if kind == "answer":
                    reply = s.answer(text, job.add)
                elif s.pending_answer:
                    pending, s.pending_answer = s.pending_answer, None
                    reply = s.answer(pending, job.add)
                else:
                    reply = s.start(job.add)
                job.finish(self.snapshot(s, reply))
            except Exception as e:  # noqa: BLE001 - a fault never ends the session: the page says so
                from interviewer.errors import UserError

                self.sessions.pop(session_id, None)  # read it again from the database: a saved answer is owed a reply

                job.finish(error=str(e) if isinstance(e, UserError) else
                           f"The interviewer could not answer ({type(e).__name__}). Your answer is saved; try again.")

        self.worker.submit(work)
        return job

    def snapshot(self, s: Session, reply=None) -> dict[str, Any]:
        """What the page needs after a turn: the reply, the coverage panel, whether it's over."""
        return {
            "text": reply.text if reply is not None else "",
            "notice": reply.notice if reply is not None else "",
            "coverage": s.coverage(),
            "finished": s.finished,
            "turns": len(s.interview.turns),
        }

    async def call(self, session_id: str, fn: Callable[[Session], Any]) -> Any:
        """Run fn(session) on the worker (hint, undo, end, the page's state)."""
        return await self.run(lambda: fn(self.session(session_id)))

    async def end(self, session_id: str) -> tuple[str, Report]:
        def work():
            s = self.session(session_id)
            report = s.end()
            self.sessions.pop(s.id, None)
            rows = [r for r in self.store.reports() if r["session_id"] == s.id]
            return rows[-1]["id"], report

        return await self.run(work)

    def close(self) -> None:
        self.worker.shutdown(wait=False, cancel_futures=True)
