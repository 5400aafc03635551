"""Report renderers: terminal (rich), Markdown, HTML and JSON.

`render(report, fmt)` returns the text; `write_report` saves it atomically;
`print_report` prints the rich version to a console.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from interviewer.files import write_text_atomic
from interviewer.models import Report

from .html import render_html
from .json_format import render_json
from .markdown import render_markdown
from .terminal import print_report, render_terminal

__all__ = ["FORMATS", "render", "print_report", "write_report", "format_for_path"]

FORMATS = ("terminal", "md", "html", "json")

_RENDERERS: dict[str, Callable[[Report], str]] = {
    "terminal": render_terminal,
    "md": render_markdown,
    "html": render_html,
    "json": render_json,
}

_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json", ".txt": "terminal"}


def render(report: Report, fmt: str) -> str:
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return renderer(report)


def format_for_path(path: str | os.PathLike[str], default: str = "md") -> str:
    """Guess the output format from a file name (`.md`, `.html`, `.json`, `.txt`)."""
    return _SUFFIXES.get(Path(path).suffix.lower(), default)


def write_report(report: Report, fmt: str, path: str | os.PathLike[str]) -> Path:
    """Render and write atomically (UTF-8)."""
    return write_text_atomic(path, render(report, fmt))
