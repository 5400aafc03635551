"""Keeping a local web app local: the per-launch key, the Host check, Origin and CSRF checks,
the request-size cap and the security headers. One ASGI middleware in front of every route.

Why each check: any web page the user visits can make their browser send requests to
127.0.0.1 (CSRF), and a hostile domain can re-point its DNS name at 127.0.0.1 to read our
answers (DNS rebinding). The key in the opened URL (as Jupyter does) becomes an HttpOnly,
SameSite=Strict cookie; the Host must be a loopback name; state-changing requests must come
from our own origin and carry the CSRF token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

from interviewer.transcripts import MAX_BYTES

COOKIE = "interviewer_key"
TOKEN_PARAM = "token"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# A transcript may be MAX_BYTES; the form around it adds a little.
MAX_REQUEST = MAX_BYTES + 256 * 1024
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


@dataclass
class Keys:
    """This launch's secrets: the URL token, the cookie it becomes, and the CSRF token."""

    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))

    def _derive(self, purpose: str) -> str:
        return hmac.new(self.token.encode(), purpose.encode(), hashlib.sha256).hexdigest()

    @property
    def cookie(self) -> str:
        return self._derive("cookie")

    @property
    def csrf(self) -> str:
        return self._derive("csrf")

    def csrf_ok(self, value: str | None) -> bool:
        return bool(value) and hmac.compare_digest(value.encode(), self.csrf.encode())


def host_name(host_header: str) -> str:
    """'127.0.0.1:8765' -> '127.0.0.1'; '[::1]:8765' -> '::1'."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def origin_ok(origin: str, host_header: str) -> bool:
    """The Origin must be this very server: http://<loopback name>:<our port>."""
    scheme, _, rest = origin.partition("://")
    return scheme == "http" and rest.rstrip("/").lower() == host_header.strip().lower() and \
        host_name(rest) in LOOPBACK_HOSTS


class Refusal(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def check(scope: dict, keys: Keys) -> str | None:
    """Raise Refusal for a request that must not reach a route. Returns the token when the request
    carries a valid ?token= (the caller then sets the cookie and redirects)."""
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
    host = headers.get("host", "")
    if host_name(host) not in LOOPBACK_HOSTS:
        raise Refusal(403, "This app only answers on 127.0.0.1 or localhost. Open the address that `interviewer serve` printed.")
    length = headers.get("content-length")
    if length and length.isdigit() and int(length) > MAX_REQUEST:
        raise Refusal(413, f"That upload is {int(length) / (1024 * 1024):.1f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB. "
                           "Nothing was saved: go back and choose a smaller file.")
    query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
    cookie = SimpleCookie()
    try:
        cookie.load(headers.get("cookie", ""))
    except Exception:  # noqa: BLE001 - a malformed cookie header is just no cookie
        cookie = SimpleCookie()
    has_cookie = COOKIE in cookie and hmac.compare_digest(cookie[COOKIE].value.encode(), keys.cookie.encode())
    token = query.get(TOKEN_PARAM)
    token_ok = token is not None and hmac.compare_digest(token.encode(), keys.token.encode())
    public = scope["method"] in SAFE_METHODS and scope.get("path", "").startswith("/static/")  # no user data there
    if not has_cookie and not token_ok and not public:
        raise Refusal(403, "This page needs the private address that `interviewer serve` printed in the terminal "
                           "(it carries a one-time key). Open that address, or run `interviewer serve` again.")
    if scope["method"] not in SAFE_METHODS:
        origin = headers.get("origin")
        if origin is None:  # older browsers: fall back to the Referer's origin
            ref = headers.get("referer", "")
            origin = "/".join(ref.split("/")[:3]) if ref else None
        if origin is None or not origin_ok(origin, host):
            raise Refusal(403, "Refused: this request did not come from the interviewer's own pages.")
        if not has_cookie:
            raise Refusal(403, "Refused: open the address that `interviewer serve` printed first.")
    return None if has_cookie or not token_ok else token


def without_token(scope: dict) -> str:
    query = [(k, v) for k, v in parse_qsl(scope.get("query_string", b"").decode("latin-1")) if k != TOKEN_PARAM]
    return scope.get("path", "/") + (f"?{urlencode(query)}" if query else "")


class Guard:
    """ASGI middleware: refuse, or pass on with the security headers added and the body capped."""

    def __init__(self, app, keys: Keys, render_refusal):
        self.app, self.keys, self.render_refusal = app, keys, render_refusal

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        try:
            token = check(scope, self.keys)
        except Refusal as r:
            return await self._send(send, r.status, self.render_refusal(r.status, r.message).encode(), b"text/html; charset=utf-8")
        if token is not None:  # first visit: the key becomes a cookie and leaves the address bar
            cookie = f"{COOKIE}={self.keys.cookie}; Path=/; HttpOnly; SameSite=Strict".encode()
            return await self._send(send, 303, b"", b"text/plain", [(b"location", without_token(scope).encode()), (b"set-cookie", cookie)])

        received = 0

        async def capped_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > MAX_REQUEST:
                    raise Refusal(413, "upload too large")
            return message

        async def secured_send(message):
            if message["type"] == "http.response.start":
                message = dict(message)
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
                if b"cache-control" not in names:
                    message["headers"].append((b"cache-control", b"no-store"))
            await send(message)

        try:
            await self.app(scope, capped_receive, secured_send)
        except Refusal as r:  # a chunked body that grew past the cap
            await self._send(send, r.status, self.render_refusal(r.status, f"That upload is over the {MAX_BYTES // (1024 * 1024)} MB limit. "
                                                                   "Nothing was saved: go back and choose a smaller file.").encode(),
                             b"text/html; charset=utf-8")

    async def _send(self, send, status: int, body: bytes, ctype: bytes, extra: list | None = None):
        headers = [(b"content-type", ctype), (b"content-length", str(len(body)).encode())] + (extra or []) + HEADERS
        headers.append((b"cache-control", b"no-store"))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
