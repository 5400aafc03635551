"""What leaves the program is made safe here, once: secrets scrubbed, control characters and
bidi overrides made visible, text escaped for Markdown and HTML.

Every string from a user, a file or a model may hold an API key (a server's 401 body echoes
it), a terminal escape sequence (ESC, CSI, OSC, C1), a right-to-left override or a lone
surrogate. The output boundaries call these functions: the terminal console (`SafeConsole`),
every file write (`files.write_text_atomic`), every database row (`store`), every error line.
"""

from __future__ import annotations

import html as _html
import os
import re

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment

# --- secrets -------------------------------------------------------------------------------

REDACTED = "[redacted]"

# Shapes of credentials worth hiding even when they are not the configured key.
_SECRET_SHAPES = re.compile(
    r"""
      \bsk-[A-Za-z0-9_\-]{12,}                                  # OpenAI and look-alikes (sk-proj-..., sk-ant-...)
    | \b(?:gh[pousr]_|github_pat_)[A-Za-z0-9_]{20,}             # GitHub tokens
    | \bhf_[A-Za-z0-9]{20,}                                     # Hugging Face
    | \bxox[abprs]-[A-Za-z0-9\-]{10,}                           # Slack
    | \bAKIA[0-9A-Z]{16}\b                                      # AWS access key id
    | \beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]*   # a JWT
    """,
    re.VERBOSE,
)
# A label, then the secret: the label stays, the value goes (Bearer x, api_key=x, "api_key": "x").
_LABELLED_SECRET = re.compile(
    r"""(?ix)
    ( \b(?:bearer|basic)\s+(?=[A-Za-z._~+/\-]*[0-9])      # a token has a digit; "the bearer of" is prose
    | \b(?:api[_\-]?key|access[_\-]?token|auth[_\-]?token|secret|password|passwd)["']?\s*[:=]\s*["']?
    )
    ([A-Za-z0-9._~+/\-]{8,}=*)
    """
)

_SECRET_ENV = ("OPENAI_API_KEY", "INTERVIEWER_API_KEY", "OPENAI_KEY")
_known: set[str] = set()


def register_secret(value: str | None) -> None:
    """Remember a secret in use (a key from a flag or a settings object) so it is always scrubbed."""
    if value and len(value) >= 4:
        _known.add(value)


def _secrets() -> list[str]:
    found = set(_known)
    for var in _SECRET_ENV:
        value = os.environ.get(var, "")
        if len(value) >= 4:
            found.add(value)
    return sorted(found, key=len, reverse=True)


def scrub(text: str) -> str:
    """The text with the configured key, and anything shaped like a credential, replaced."""
    if not text:
        return text
    for secret in _secrets():
        if secret in text:
            text = text.replace(secret, REDACTED)
    text = _SECRET_SHAPES.sub(REDACTED, text)
    return _LABELLED_SECRET.sub(lambda m: m.group(1) + REDACTED, text)


# --- text that can be stored and encoded ------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """Lone surrogates (from JSON escapes or undecodable bytes) become U+FFFD, so UTF-8 never fails."""
    return _SURROGATE.sub("\ufffd", text)


def clean(text: str) -> str:
    """For files and database rows: no secrets, always encodable. Control characters are kept
    (a document escapes them by format; a transcript keeps the words as written)."""
    return encodable(scrub(text))


# --- visible control characters ---------------------------------------------------------------

# C0 (but tab and newline), DEL, C1, bidi embeddings/overrides/isolates and marks, and the
# line/paragraph separators: shown, never interpreted.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _show(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL: the Unicode control pictures
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"⟨U+{code:04X}⟩"  # brackets no Markdown or HTML escaping touches


def visible(text: str) -> str:
    """Control characters and bidi overrides as visible symbols; tab and newline kept."""
    return _CONTROL.sub(_show, text)


def for_terminal(text: str) -> str:
    return visible(scrub(text))


def one_line(text: str) -> str:
    """An error message as one safe line: scrubbed, visible, newlines folded."""
    return " ".join(for_terminal(str(text)).split())


# --- Markdown and HTML ----------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*\[\]<>|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_LINE_START = re.compile(r"^(\s*)(#{1,6}(?:\s|$)|[-+*=]\s|\d+[.)]\s|~~~|```|>)")


def md(text: object) -> str:
    """Escape text for inline Markdown: one line, no markup or raw HTML, `|` safe in tables."""
    t = " ".join(visible(str(text)).split())
    t = _MD_SPECIAL.sub(r"\\\1", t)
    t = _MD_ENTITY.sub(r"\\&", t)
    return _MD_LINE_START.sub(r"\1\\\2", t)


def md_lines(text: object) -> list[str]:
    """Escape multi-line text for Markdown: each line escaped on its own, line breaks kept."""
    return [md(line) for line in str(text).splitlines()]


def html(text: object) -> str:
    """Escape text for HTML element content or a quoted attribute."""
    return _html.escape(visible(str(text)), quote=True)


# --- the terminal boundary --------------------------------------------------------------------


class _Visible:
    """A renderable whose text segments go through `for_terminal` after layout."""

    def __init__(self, renderable):
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for seg in console.render(self.renderable, options):
            if seg.control or not seg.text:
                yield seg
            else:
                yield Segment(for_terminal(seg.text), seg.style, None)


class _VisibleHook:
    def process_renderables(self, renderables):
        return [_Visible(r) for r in renderables]


class SafeConsole(Console):
    """A rich Console that never lets a control character, a bidi override or a secret out.

    Markup written by this program still works; strings from users, files and models must
    still be passed as `Text` (never interpolated into markup) so `[/]` is shown as typed."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("highlight", False)
        super().__init__(*args, **kwargs)
        self._visible = _VisibleHook()
        super().push_render_hook(self._visible)

    # The visibility hook stays last, so it also sees what later hooks add (Live's display).
    def push_render_hook(self, hook) -> None:
        with self._lock:
            self._render_hooks.insert(len(self._render_hooks) - 1, hook)

    def pop_render_hook(self) -> None:
        with self._lock:
            if len(self._render_hooks) > 1:
                self._render_hooks.pop(-2)
