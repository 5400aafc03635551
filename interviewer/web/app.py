"""The pages and routes of `interviewer serve`. Thin, like the CLI: read the request, call the
same functions the CLI calls (review_file, Session, build_brief, history.load, the report
writers), render a template. No interview, scoring or storage logic lives here."""

from __future__ import annotations

import json
import re
import secrets
import tempfile
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from interviewer import __version__
from interviewer.backends import Settings
from interviewer.criteria import COACH_LABEL, COACH_MARK, TITLE
from interviewer.errors import UserError
from interviewer.models import CORE_CRITERIA, CRITERIA, Report
from interviewer.store import Store
from interviewer.transcripts import MAX_BYTES
from interviewer.web import security
from interviewer.web.live import Practice

STATIC = Path(__file__).with_name("static")
DOWNLOADS = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8", "json": "application/json"}


def _env() -> Environment:
    env = Environment(loader=PackageLoader("interviewer.web", "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    from interviewer.reports._common import VERDICT_LABEL, VERDICT_MARK
    from interviewer.reports.between import CRITERION_LABEL

    # every criterion title, mark and word comes from the registry (prompts/rubric.toml)
    env.globals.update(MARKS=COACH_MARK, REPORT_MARKS=VERDICT_MARK, REPORT_WORDS=VERDICT_LABEL, SHORT_LABEL=CRITERION_LABEL, VERDICT_WORDS=COACH_LABEL,
                       TITLE=TITLE, CRITERIA=CRITERIA, CORE_CRITERIA=CORE_CRITERIA,
                       version=__version__, max_mb=MAX_BYTES // (1024 * 1024))
    return env


def text_field(form, key: str) -> str:
    """A posted text field: browsers send a textarea's line breaks as CRLF; the core expects \n."""
    value = form.get(key)
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else ""


def _safe_name(name: str | None, default: str = "upload.txt") -> str:
    """An uploaded file's name, reduced to something harmless to keep on disk and show."""
    base = re.sub(r"[^A-Za-z0-9._ -]+", "_", Path(name or "").name).strip(" .")[:80]
    return base or default


class Web:
    """Everything one launch holds: keys, templates, live sessions, pending uploads."""

    def __init__(self, settings: Settings, keys: security.Keys, chat_model=None, seed: int | None = None):
        self.settings, self.keys, self.seed = settings, keys, seed
        self.env = _env()
        self.practice = Practice(settings, chat_model)
        self.uploads_dir = tempfile.TemporaryDirectory(prefix="interviewer-web-")
        self.flash: dict[str, dict[str, str]] = {}  # per session: a hint or an undone answer to show once
        self.drafts: dict[str, dict[str, Any]] = {}  # per session: what the model drafted for the role file

    # --- helpers ---------------------------------------------------------------------------

    def page(self, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        html = self.env.get_template(template).render(csrf=self.keys.csrf, **values)
        return HTMLResponse(html, status_code=status)

    def refusal(self, status: int, message: str) -> str:
        return self.env.get_template("refused.html").render(csrf="", status=status, message=message)

    async def form(self, request: Request):
        """The posted form, once its CSRF token is checked (the Origin was checked by the guard)."""
        from interviewer import files

        files.reset()  # each posted form is one command: "outputs never replace inputs" holds within it
        form = await request.form(max_files=4, max_fields=200)
        token = request.headers.get(security.CSRF_HEADER) or form.get(security.CSRF_FIELD)
        if not self.keys.csrf_ok(token if isinstance(token, str) else None):
            raise security.Refusal(403, "Refused: the form's security token is missing or stale. Reload the page and try again.")
        return form

    async def saved_upload(self, upload: Any, default: str = "upload.txt") -> Path | None:
        """Keep an uploaded file in this launch's private folder; None when no file was chosen."""
        if not isinstance(upload, UploadFile) or not upload.filename:
            return None
        data = await upload.read(MAX_BYTES + 1)
        folder = Path(self.uploads_dir.name) / secrets.token_hex(8)
        folder.mkdir()
        path = folder / _safe_name(upload.filename, default)
        path.write_bytes(data)  # read_text() applies the CLI's rules: size, empty, binary, encoding
        return path

    @staticmethod
    def store() -> Store:
        return Store()

    def with_store(self, fn):
        """Run fn(store) on a threadpool thread with its own connection (SQLite: one per thread)."""
        def work():
            store = self.store()
            try:
                return fn(store)
            finally:
                store.close()

        return run_in_threadpool(work)


# --- pages -----------------------------------------------------------------------------------


async def home(request: Request):
    web: Web = request.app.state.web
    active = await web.with_store(lambda s: [x for x in s.sessions(20) if x.status == "active" and x.turns])
    return web.page("home.html", title="Home", active=active)


# --- review ----------------------------------------------------------------------------------


class _AskCandidate(Exception):
    def __init__(self, choices: list[str], default: str):
        self.choices, self.default = choices, default


def _ask(question: str, choices: list[str], default: str) -> str:
    raise _AskCandidate(choices, default)


def _review(web: Web, path: Path, candidate: str | None, context: dict[str, str],
            mine: bool | None = None) -> tuple[str, Report]:
    """The CLI's review, with the page asking when the candidate is uncertain. Kept in history
    as the CLI keeps it: one entry per transcript and candidate, marked yours or someone else's."""
    from interviewer.review import review_file

    saved: dict[str, str] = {}

    def keep(report: Report, key: str, owner: str) -> None:
        report.source = path.name  # the upload's private folder is nobody's business
        store = web.store()
        try:
            saved["id"] = store.save_report(report, "review", source=path.name, content_key=key, owner=owner)
        finally:
            store.close()

    report = review_file(str(path), candidate, web.settings, context, ask=_ask, save=False, mine=mine, keep=keep)
    return saved["id"], report


async def review_page(request: Request):
    return request.app.state.web.page("review.html", title="Review a transcript", values={})


async def review_post(request: Request):
    web: Web = request.app.state.web
    form = await web.form(request)
    values = {k: str(form.get(k) or "") for k in ("candidate", "role_title", "company", "upload", "not_mine")}
    context = {"role_title": values["role_title"], "company": values["company"]}
    try:
        if values["upload"]:  # the second step: the candidate was chosen on the page
            path = _known_upload(web, values["upload"])
        else:
            path = await web.saved_upload(form.get("transcript"))
            if path is None:
                raise UserError("choose a transcript file first (Zoom or Teams .vtt, Otter .txt, plain text or JSON)")
        mine = False if values["not_mine"] else None  # unticked: INTERVIEWER_NAME decides, as in the CLI
        rid, _ = await run_in_threadpool(_review, web, path, values["candidate"] or None, context, mine)
    except _AskCandidate as q:
        return web.page("candidate.html", title="Who is the candidate?", choices=q.choices, default=q.default,
                        upload=str(path.relative_to(web.uploads_dir.name)), values=values, filename=path.name)
    except UserError as e:
        return web.page("review.html", status=400, title="Review a transcript", error=str(e), values=values)
    return RedirectResponse(f"/report/{rid}", status_code=303)


def _known_upload(web: Web, rel: str) -> Path:
    root = Path(web.uploads_dir.name).resolve()
    path = (root / rel).resolve()
    if root not in path.parents or not path.is_file():
        raise UserError("that upload has expired; choose the file again")
    return path


# --- reports ---------------------------------------------------------------------------------


def _load_report(store: Store, rid: str) -> tuple[dict, Report]:
    row = store.report(rid)
    if row is None:
        raise UserError(f"no report '{rid}'")
    return row, Report.model_validate(row["report"])


async def report_page(request: Request):
    from interviewer.reports.html import report_body

    web: Web = request.app.state.web
    rid = request.path_params["rid"]
    try:
        row, report = await web.with_store(lambda s: _load_report(s, rid))
    except UserError as e:
        return web.page("refused.html", status=404, title="Not found", message=str(e))
    return web.page("document.html", title=f"Report — {report.candidate}", heading="Interview feedback",
                    body=report_body(report), kind="report", item_id=rid)


async def report_download(request: Request):
    from interviewer import reports

    web: Web = request.app.state.web
    rid, fmt = request.path_params["rid"], request.path_params["fmt"]
    if fmt not in DOWNLOADS:
        return web.page("refused.html", status=404, title="Not found", message=f"no download format '{fmt}'")
    try:
        _, report = await web.with_store(lambda s: _load_report(s, rid))
    except UserError as e:
        return web.page("refused.html", status=404, title="Not found", message=str(e))
    return Response(reports.render(report, fmt), media_type=DOWNLOADS[fmt],
                    headers={"content-disposition": f'attachment; filename="interview-report-{rid}.{fmt}"'})


# --- practice --------------------------------------------------------------------------------


@lru_cache(maxsize=2)
def _personas_as_of(_files: tuple) -> list:
    from interviewer.personas import all_personas

    return all_personas()


def personas() -> list:
    """Every persona, read again only when a persona file changed (parsing them all took ~80 ms)."""
    from interviewer.personas import persona_paths

    return _personas_as_of(tuple((str(p), p.stat().st_mtime_ns) for p in persona_paths().values()))


async def practice_page(request: Request, error: str = "", values: dict | None = None, status: int = 200):
    web: Web = request.app.state.web

    def data(store: Store):
        return ([x for x in store.sessions(20) if x.status == "active" and x.turns], store.briefs()[::-1][:20])

    active, briefs = await web.with_store(data)
    values = values or {"brief": request.query_params.get("brief", "")}
    return web.page("practice.html", status=status, title="Practise", personas=personas(), active=active, briefs=briefs,
                    values=values, error=error)


async def practice_start(request: Request):
    from interviewer.personas import adapt, load_persona, load_role
    from interviewer.prep import load_brief

    web: Web = request.app.state.web
    form = await web.form(request)
    values = {k: str(form.get(k) or "") for k in ("persona", "name", "brief")}
    try:
        persona = load_persona(values["persona"] or "sales-manager")
        role_path = await web.saved_upload(form.get("role"), "role.toml")
        role = load_role(role_path) if role_path else None
        brief_path = await web.saved_upload(form.get("brief_file"), "brief.json")
        brief = load_brief(brief_path) if brief_path else None
        if brief is None and values["brief"]:
            brief = await web.with_store(lambda s: next((b for i, b in s.briefs() if i == values["brief"]), None))
            if brief is None:
                raise UserError(f"no brief '{values['brief']}'")
        drafted = None
        if role is not None and not form.get("no_draft"):
            role, drafted = await _draft_role(web, role_path, role)
        sid = await web.practice.create(adapt(persona, role), role, brief, values["name"].strip() or "Candidate", web.seed)
    except UserError as e:
        return await practice_page(request, error=str(e), values=values, status=400)
    if drafted:
        web.drafts[sid] = drafted
    web.practice.start_reply(sid, "start")
    return RedirectResponse(f"/practice/{sid}", status_code=303)


async def _draft_role(web: Web, upload: Path, role):
    """As `practice --role` does: with a capable model, draft what the role file leaves out (on the
    model's worker thread). The draft goes into a copy beside the upload, offered for download; the
    upload itself is kept as it came. Returns the role to use and what the chat page shows."""
    import shutil

    from interviewer.role_draft import missing, offer

    if not missing(role):
        return role, None
    work = upload.with_name(f"{upload.stem}-drafted{upload.suffix}")
    shutil.copyfile(upload, work)
    outcome = await web.practice.run(lambda: offer(work, role, web.settings, shown=upload.name))
    if not outcome.drafted:
        work.unlink(missing_ok=True)
        return role, ({"line": outcome.line.replace(str(work), upload.name)} if outcome.line else None)
    return outcome.role, {"line": "", "file": work, "fields": _drafted_fields(outcome.drafted), "rejected": sorted(outcome.rejected)}


def _drafted_fields(values: dict[str, Any]) -> list[tuple[str, str]]:
    """The drafted values as (field, text) rows for the page (escaped there like every other string)."""
    rows = []
    for name, value in values.items():
        if name == "realities":
            value = "; ".join(f"{r['topic']}: {r['truth']}" for r in value)
        elif isinstance(value, list):
            value = " ".join(value)
        rows.append((name.replace("_", " "), str(value)))
    return rows


async def drafted_role_file(request: Request):
    """The role file with the model's draft appended, as a download (the user's own file is never touched)."""
    web: Web = request.app.state.web
    drafted = web.drafts.get(request.path_params["sid"])
    if not drafted or not drafted.get("file"):
        return HTMLResponse(web.refusal(404, "There is no drafted role file for this session."), status_code=404)
    path: Path = drafted["file"]
    return Response(path.read_bytes(), media_type="application/toml",
                    headers={"content-disposition": f'attachment; filename="{path.name}"'})


def _chat_state(web: Web, sid: str) -> dict[str, Any]:
    """Worker thread: everything the chat page shows."""
    s = web.practice.session(sid)
    running = web.practice.job(s.id) is not None
    needs = None
    if not running:
        if s.pending_answer:
            needs = "pending"
        elif not s.interview.turns:
            needs = "start"
    return {"s": s, "sid": s.id, "turns": list(s.interview.turns), "coverage": s.coverage(), "finished": s.finished,
            "running": running, "needs": needs, "pending": s.pending_answer}


def _running_state(s, job, store: Store) -> dict[str, Any]:
    """The chat page while a reply is being written: the saved turns (the answer is among them),
    up to the reply, which the page's script replays from the job."""
    from interviewer import coach
    from interviewer.models import Transcript

    turns = store.turns(s.id)[:job.reply_at]
    return {"s": s, "sid": s.id, "turns": turns, "coverage": coach.coverage(Transcript(turns=turns)), "finished": False,
            "running": True, "needs": None, "pending": None}


async def chat_page(request: Request):
    web: Web = request.app.state.web
    sid = request.path_params["sid"]
    try:
        info = await web.with_store(lambda st: st.find_session(sid))
        if info.status == "ended":
            rid = await web.with_store(lambda st: next((r["id"] for r in reversed(st.reports()) if r["session_id"] == info.id), None))
            if rid:
                return RedirectResponse(f"/report/{rid}", status_code=303)
            raise UserError(f"session {info.id} has ended")
        live, job = web.practice.sessions.get(info.id), web.practice.job(info.id)
        if live is not None and job is not None and job.reply_at is not None:
            # the worker is busy writing a reply: read the page from the database instead of waiting
            state = await web.with_store(partial(_running_state, live, job))
        else:
            state = await web.practice.run(partial(_chat_state, web, info.id))
    except UserError as e:
        return web.page("refused.html", status=404, title="Not found", message=str(e))
    s = state.pop("s")
    flash = web.flash.pop(state["sid"], {})
    role = s.role.title if s.role else s.persona.role_title
    company = s.role.company if s.role else s.persona.company
    return web.page("chat.html", title=f"Practice with {s.persona.name}", wide=True, persona=s.persona, role=role, company=company,
                    flash=flash, drafted=web.drafts.get(s.id), candidate=s.interview.candidate_name, model=s.model_label,
                    brief=s.brief is not None, **state)


def _events(job):
    async def gen():
        async for kind, value in job.follow():
            yield f"event: {kind}\ndata: {json.dumps(value, ensure_ascii=False)}\n\n"

    return StreamingResponse(gen(), media_type="text/event-stream", headers={"x-accel-buffering": "no"})


def _wants_stream(request: Request) -> bool:
    return "text/event-stream" in request.headers.get("accept", "")


async def chat_say(request: Request):
    """The candidate's answer: streamed back as server-sent events, or (no script) a redirect."""
    web: Web = request.app.state.web
    sid = request.path_params["sid"]
    form = await web.form(request)
    text = text_field(form, "text").strip()
    if not text:
        return JSONResponse({"error": "Type an answer first."}, status_code=400) if _wants_stream(request) else \
            RedirectResponse(f"/practice/{sid}", status_code=303)
    if web.practice.job(sid) is not None:
        return JSONResponse({"error": "The interviewer is still replying; your answer is kept in the box."}, status_code=409)
    return await _reply(request, sid, web.practice.start_reply(sid, "answer", text))


async def chat_next(request: Request):
    """The opening line, or the reply owed to an answer saved before a reload or a crash."""
    web: Web = request.app.state.web
    sid = request.path_params["sid"]
    await web.form(request)
    return await _reply(request, sid, web.practice.job(sid) or web.practice.start_reply(sid, "next"))


async def _reply(request: Request, sid: str, job):
    """Stream the reply to a page that can read a stream; without script, wait for it and redraw."""
    if _wants_stream(request):
        return _events(job)
    async for _ in job.follow():
        pass
    return RedirectResponse(f"/practice/{sid}", status_code=303)


async def chat_stream(request: Request):
    """Re-attach to a reply being written (a reload mid-reply), or read the one just finished (the
    page was drawn while it was being written). Starts nothing."""
    web: Web = request.app.state.web
    job = web.practice.jobs.get(request.path_params["sid"])
    if job is None:
        return Response(status_code=204)
    return _events(job)


async def chat_action(request: Request):
    web: Web = request.app.state.web
    sid, action = request.path_params["sid"], request.path_params["action"]
    if action not in ("hint", "undo", "end"):
        return web.page("refused.html", status=404, title="Not found", message=f"no action '{action}'")
    await web.form(request)
    if web.practice.job(sid) is not None:
        web.flash[sid] = {"notice": "Wait for the interviewer to finish speaking."}
        return RedirectResponse(f"/practice/{sid}", status_code=303)
    if action == "hint":
        web.flash[sid] = {"hint": await web.practice.call(sid, lambda s: s.hint())}
    elif action == "undo":
        taken = await web.practice.call(sid, lambda s: s.undo())
        web.flash[sid] = {"undone": taken} if taken is not None else {"notice": "Nothing to take back."}
    elif action == "end":
        rid, _ = await web.practice.end(sid)
        return RedirectResponse(f"/report/{rid}", status_code=303)
    return RedirectResponse(f"/practice/{sid}#answer", status_code=303)


# --- prep and debrief ------------------------------------------------------------------------


def _answers(name: str, form) -> dict:
    from interviewer import worksheet

    qs = worksheet.questions(name)
    return worksheet.normalise(qs, {q.key: text_field(form, q.key) for q in qs})


async def worksheet_page(request: Request, name: str | None = None, error: str = "", values: dict | None = None,
                         status: int = 200):
    from interviewer import worksheet

    web: Web = request.app.state.web
    name = name or request.url.path.strip("/")
    if values is None:
        values = await run_in_threadpool(worksheet.Draft(name).load)
    values = {k: "\n".join(v) if isinstance(v, list) else str(v) for k, v in values.items()}
    titles = {"prep": "Prepare for the second interview", "debrief": "Debrief: right after the interview"}
    return web.page("worksheet.html", status=status, title=titles[name], name=name, questions=worksheet.questions(name),
                    values=values, error=error)


async def worksheet_draft(request: Request):
    """Autosave: the same draft file the terminal worksheet continues from."""
    from interviewer import worksheet

    web: Web = request.app.state.web
    name = request.path_params["name"]
    if name not in ("prep", "debrief"):
        return JSONResponse({"error": "unknown worksheet"}, status_code=404)
    form = await web.form(request)
    answers = {k: v for k, v in _answers(name, form).items() if v}
    await run_in_threadpool(worksheet.Draft(name).save, answers)
    return JSONResponse({"saved": len(answers)})


async def prep_post(request: Request):
    from interviewer import worksheet
    from interviewer.prep import build_brief

    web: Web = request.app.state.web
    form = await web.form(request)
    answers = _answers("prep", form)
    try:
        brief = build_brief(answers)
    except UserError as e:
        return await worksheet_page(request, "prep", error=str(e), values=answers, status=400)
    bid = await web.with_store(lambda s: s.save_brief(brief))
    await run_in_threadpool(worksheet.Draft("prep").clear)
    return RedirectResponse(f"/brief/{bid}", status_code=303)


def _brief(store: Store, bid: str):
    found = next((b for i, b in store.briefs() if i == bid), None)
    if found is None:
        raise UserError(f"no brief '{bid}'")
    return found


async def brief_page(request: Request):
    from interviewer.reports import between
    from interviewer.reports import document as D

    web: Web = request.app.state.web
    bid = request.path_params["bid"]
    fmt = request.path_params.get("fmt")
    try:
        brief = await web.with_store(lambda s: _brief(s, bid))
    except UserError as e:
        return web.page("refused.html", status=404, title="Not found", message=str(e))
    doc = between.brief_document(brief)
    if fmt:
        text = brief.model_dump_json(indent=2) + "\n" if fmt == "json" else D.render(doc, fmt)
        return Response(text, media_type=DOWNLOADS.get(fmt, "text/plain"),
                        headers={"content-disposition": f'attachment; filename="brief-{bid}.{fmt}"'})
    return web.page("document.html", title=doc.title, heading=doc.title, body=D.body_html(doc), kind="brief", item_id=bid)


async def debrief_post(request: Request):
    from interviewer import transcripts, worksheet
    from interviewer.debrief import build_debrief, save_debrief

    web: Web = request.app.state.web
    form = await web.form(request)
    answers = _answers("debrief", form)
    candidate = str(form.get("candidate") or "").strip() or None
    try:
        path = await web.saved_upload(form.get("transcript"))
        if path is not None:  # a bad file or name fails now, before anything is saved
            transcripts.identify_candidate(transcripts.parse(transcripts.read_text(path)), candidate)
        d = build_debrief(answers)

        def save(store: Store):
            return save_debrief(store, d, str(path) if path else None, candidate, None)

        d, _ = await web.with_store(save)
    except UserError as e:
        return await worksheet_page(request, "debrief", error=str(e), values=answers | {"candidate": candidate or ""}, status=400)
    await run_in_threadpool(worksheet.Draft("debrief").clear)
    return RedirectResponse(f"/debrief/{d.id}", status_code=303)


async def debrief_page(request: Request):
    from interviewer.reports import between
    from interviewer.reports import document as D

    web: Web = request.app.state.web
    did = request.path_params["did"]
    fmt = request.path_params.get("fmt")

    def load(store: Store):
        d = store.find_debrief(did)
        linked = store.report(d.report_id) if d.report_id else None
        return d, linked

    try:
        d, linked = await web.with_store(load)
    except UserError as e:
        return web.page("refused.html", status=404, title="Not found", message=str(e))
    doc = between.debrief_document(d, linked["report"] if linked else None)
    if fmt in ("md", "html"):
        return Response(D.render(doc, fmt), media_type=DOWNLOADS[fmt],
                        headers={"content-disposition": f'attachment; filename="debrief-{d.id}.{fmt}"'})
    return web.page("document.html", title=doc.title, heading=doc.title, body=D.body_html(doc), kind="debrief", item_id=d.id,
                    report_id=d.report_id)


# --- history ---------------------------------------------------------------------------------


async def history_page(request: Request):
    from interviewer import history as H
    from interviewer.reports.between import trend_chart

    web: Web = request.app.state.web

    def data(store: Store):
        h = H.load(store)
        reports = {r["id"]: r for r in store.reports()}
        sessions = {s.id: s.status for s in store.sessions(10**9)}
        return h, reports, sessions

    h, reports, sessions = await web.with_store(data)
    return web.page("history.html", title="History", h=h, chart=trend_chart(h), reports=reports,
                    sessions=sessions, deleted=request.query_params.get("deleted", ""))


async def history_delete(request: Request):
    web: Web = request.app.state.web
    form = await web.form(request)
    item = str(form.get("id") or "")
    try:
        kind = await web.with_store(lambda s: s.delete(item))
    except UserError:
        kind = ""
    web.practice.sessions.pop(item, None)
    return RedirectResponse(f"/history?deleted={kind or 'nothing'}", status_code=303)


async def history_export(request: Request):
    web: Web = request.app.state.web
    data = await web.with_store(lambda s: s.export_all())
    return Response(json.dumps(data, indent=2, ensure_ascii=False), media_type="application/json",
                    headers={"content-disposition": 'attachment; filename="interviewer-history.json"'})


async def report_css(request: Request):
    from interviewer.reports.html import style

    return Response(style(), media_type="text/css", headers={"cache-control": "max-age=3600"})


# --- the app ---------------------------------------------------------------------------------


async def _errors(request: Request, exc: Exception):
    web: Web = request.app.state.web
    if isinstance(exc, security.Refusal):
        return HTMLResponse(web.refusal(exc.status, exc.message), status_code=exc.status)
    if getattr(exc, "status_code", None) in (404, 405):
        return HTMLResponse(web.refusal(404, "There is no such page here."), status_code=404)
    return HTMLResponse(web.refusal(500, "Something went wrong on this page. Everything you saved is kept; go back and try again."),
                        status_code=500)


def create_app(settings: Settings, keys: security.Keys | None = None, chat_model=None, seed: int | None = None):
    keys = keys or security.Keys()
    web = Web(settings, keys, chat_model, seed)
    routes = [
        Route("/", home),
        Route("/review", review_page, methods=["GET"]),
        Route("/review", review_post, methods=["POST"]),
        Route("/report/{rid}", report_page),
        Route("/report/{rid}/download.{fmt}", report_download),
        Route("/practice", practice_page, methods=["GET"]),
        Route("/practice", practice_start, methods=["POST"]),
        Route("/practice/{sid}", chat_page),
        Route("/practice/{sid}/say", chat_say, methods=["POST"]),
        Route("/practice/{sid}/next", chat_next, methods=["POST"]),
        Route("/practice/{sid}/stream", chat_stream),
        Route("/practice/{sid}/drafted-role", drafted_role_file),
        Route("/practice/{sid}/{action:str}", chat_action, methods=["POST"]),
        Route("/prep", worksheet_page, methods=["GET"]),
        Route("/prep", prep_post, methods=["POST"]),
        Route("/brief/{bid}", brief_page),
        Route("/brief/{bid}/download.{fmt}", brief_page),
        Route("/debrief", worksheet_page, methods=["GET"]),
        Route("/debrief", debrief_post, methods=["POST"]),
        Route("/debrief/{did}", debrief_page),
        Route("/debrief/{did}/download.{fmt}", debrief_page),
        Route("/worksheet/{name}/draft", worksheet_draft, methods=["POST"]),
        Route("/history", history_page),
        Route("/history/delete", history_delete, methods=["POST"]),
        Route("/history/export.json", history_export),
        Route("/static/report.css", report_css),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={security.Refusal: _errors, 404: _errors, 405: _errors, 500: _errors})
    app.state.web = web
    return security.Guard(app, keys, web.refusal), web
