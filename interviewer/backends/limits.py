"""Bounds on every model call, enforced where the bytes arrive.

httpx's timeouts are per read: a server that drips keep-alive comments, or streams tokens for
ever, resets them with every byte and stalls a session indefinitely. This transport gives each
request a total deadline and a byte cap, checked on every chunk of the body — comments and pings
included — and, through `turn_deadline`, an overall deadline shared by all retries of one turn.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Iterator

import httpx

MAX_RESPONSE_BYTES = 4 * 1024 * 1024  # a 900-token judgement streams well under 1 MB

_TURN_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("turn_deadline", default=None)


class TooLong(httpx.ReadError):
    """The response went past its total deadline or its byte cap."""


@contextlib.contextmanager
def turn_deadline(seconds: float | None):
    """Every request made inside this block ends by `seconds` from now, whatever it streams."""
    if seconds is None:
        yield
        return
    token = _TURN_DEADLINE.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _TURN_DEADLINE.reset(token)


def remaining() -> float | None:
    deadline = _TURN_DEADLINE.get()
    return None if deadline is None else deadline - time.monotonic()


class _BoundedStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream, deadline: float, max_bytes: int, total: float):
        self._inner, self._deadline, self._max_bytes, self._total = inner, deadline, max_bytes, total

    def __iter__(self) -> Iterator[bytes]:
        seen = 0
        for chunk in self._inner:
            seen += len(chunk)
            if time.monotonic() > self._deadline:
                raise TooLong(f"the model's reply took longer than {self._total:.0f} s in all")
            if seen > self._max_bytes:
                raise TooLong(f"the model's reply went past {self._max_bytes:,} bytes")
            yield chunk

    def close(self) -> None:
        self._inner.close()


class BoundedTransport(httpx.BaseTransport):
    def __init__(self, total: float, max_bytes: int = MAX_RESPONSE_BYTES):
        self._inner = httpx.HTTPTransport()
        self.total, self.max_bytes = total, max_bytes

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        deadline = time.monotonic() + self.total
        turn = _TURN_DEADLINE.get()
        if turn is not None:
            deadline = min(deadline, turn)
        if deadline <= time.monotonic():
            raise TooLong("no time left for this turn")
        response = self._inner.handle_request(request)
        response.stream = _BoundedStream(response.stream, deadline, self.max_bytes, self.total)  # type: ignore[arg-type]
        return response

    def close(self) -> None:
        self._inner.close()


def bounded_client(total: float, max_bytes: int = MAX_RESPONSE_BYTES) -> httpx.Client:
    """An httpx client for the openai SDK: per-read timeouts from `total`, plus the total bound."""
    read = max(1.0, total)
    return httpx.Client(transport=BoundedTransport(total, max_bytes),
                        timeout=httpx.Timeout(read, connect=min(10.0, read)))
