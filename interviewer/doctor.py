"""`interviewer doctor`: which backends are usable here, and why not.

A backend is "ok" only after it has really generated a short reply to a multi-turn prompt: a
loaded model or an open port is not proof (a native build once loaded fine and then died with
"Illegal instruction" on the first real generation). Every probe has a total deadline.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from interviewer.backends import safe_url
from interviewer.errors import UserError

PROBE_SECONDS = 30.0  # a whole probe (start-up excluded), even against a server that drips bytes
PROBE_TOKENS = 32
# A short multi-turn exchange, like the start of a practice session.
PROBE_MESSAGES = [
    ("system", "You are Dana, a hiring manager, in a second interview. Reply in one short sentence."),
    ("human", "Hi Dana, thanks for having me back."),
    ("ai", "Glad you could make it. How have you been thinking about the role?"),
    ("human", "I think the pipeline data is inconsistent, and I'd start by cleaning it up."),
]


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


def _generate(settings) -> tuple[str, float]:
    """A real short generation through the same client every session uses."""
    from interviewer.backends import build_chat_model
    from interviewer.backends.limits import turn_deadline

    model = build_chat_model(settings, max_tokens=PROBE_TOKENS)
    started = time.perf_counter()
    with turn_deadline(PROBE_SECONDS):
        text = str(model.invoke(PROBE_MESSAGES).content)
    return text, time.perf_counter() - started


def _fault(e: BaseException) -> str:
    from interviewer.backends import describe_fault

    return describe_fault(e)


def check_embedded(model_path: str | None = None) -> Check:
    try:
        import interviewer.backends.embedded  # noqa: F401 - sets the engine's thread policy first
        import xllamacpp  # noqa: F401
    except ImportError:
        return Check("embedded", False, "the xllamacpp engine is not installed; reinstall with `pip install -e .`")
    from interviewer.backends import resolve
    from interviewer.backends.embedded import default_model_path, engine_info

    try:
        path = default_model_path() if not model_path else None
        settings = resolve("embedded", model_path=model_path, env={})
        path = path or settings.model_path
        text, took = _generate(settings)
    except UserError as e:
        return Check("embedded", False, str(e))
    except Exception as e:  # noqa: BLE001 - any engine failure is a finding, not a crash
        return Check("embedded", False, f"the engine could not generate ({_fault(e)})")
    info = engine_info()
    if not text.strip():
        return Check("embedded", False, f"{info.engine} {info.version} loaded {os.path.basename(str(path))} but generated nothing")
    words = len(text.split())
    return Check("embedded", True,
                 f"{info.engine} {info.version}; model {path}; CPU features {info.cpu_features}; "
                 f"generated {words} word(s) on a 4-message prompt in {took:.2f} s")


def check_openai() -> Check:
    if not os.environ.get("OPENAI_API_KEY"):
        return Check("openai", False, "OPENAI_API_KEY is not set")
    return Check("openai", True, "OPENAI_API_KEY is set (not shown); requests go to OpenAI unless a base URL is set")


def check_compatible(base_url: str | None, generate: bool = True) -> Check:
    if not base_url:
        return Check("compatible", False, "no OPENAI_BASE_URL / --base-url set (Ollama, vLLM, LM Studio, llama.cpp server)")
    from interviewer.backends import resolve
    from interviewer.backends.limits import bounded_client

    shown = safe_url(base_url)
    key = os.environ.get("OPENAI_API_KEY") or "not-needed"
    try:
        with bounded_client(5.0, max_bytes=1024 * 1024) as client:
            r = client.get(base_url.rstrip("/") + "/models", headers={"Authorization": f"Bearer {key}"})
            r.read()
    except Exception as e:  # noqa: BLE001
        return Check("compatible", False, f"{shown} is not reachable or too slow ({type(e).__name__})")
    if r.status_code != 200:
        return Check("compatible", False, f"{shown} answered HTTP {r.status_code} for /models")
    names = model_ids(r)
    if names is None:
        return Check("compatible", False, f"{shown} answered /models with something that is not an OpenAI model list")
    model = os.environ.get("INTERVIEWER_MODEL") or (names[0] if names else None)
    listed = ", ".join(names[:10]) or "unknown"
    if not generate:
        return Check("compatible", True, f"{shown} is up; models: {listed}")
    try:
        settings = resolve("compatible", model, base_url, timeout=PROBE_SECONDS)
        text, took = _generate(settings)
    except Exception as e:  # noqa: BLE001
        return Check("compatible", False, f"{shown} lists models ({listed}) but could not generate ({_fault(e)})")
    if not text.strip():
        return Check("compatible", False, f"{shown} lists models ({listed}) but generated nothing")
    return Check("compatible", True, f"{shown} is up; models: {listed}; {model or 'default'} generated "
                                     f"{len(text.split())} word(s) in {took:.2f} s")


def model_ids(response) -> list[str] | None:
    """The model ids in a /models answer, or None when the body isn't {"data": [{"id": ...}]}."""
    try:
        body = response.json()
    except (ValueError, RecursionError):
        return None
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, list):
        return None
    names = [m["id"][:100] for m in data if isinstance(m, dict) and isinstance(m.get("id"), str) and m["id"].strip()]
    return names if names or not data else None


def checks(base_url: str | None = None, model_path: str | None = None) -> list[Check]:
    return [check_embedded(model_path), check_openai(), check_compatible(base_url or os.environ.get("OPENAI_BASE_URL"))]
