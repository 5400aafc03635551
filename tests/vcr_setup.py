"""The one vcrpy configuration, shared by the tests and the re-recording script.

Recordings are decoded (readable YAML) and scrubbed: no Authorization or API-key header is
ever written, in either direction. Requests are matched on method, path and the JSON body (as
langchain's partner packages do): a cassette recorded against llama.cpp's server on any port, or
against OpenAI, replays the same, but a changed prompt, schema or sampling setting no longer
replays an old answer: it fails, and the cassette must be re-recorded.
"""

from __future__ import annotations

import json
from pathlib import Path

import vcr

CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"
SECRET_HEADERS = ["authorization", "api-key", "x-api-key", "openai-organization", "openai-project", "cookie", "set-cookie"]


def _scrub_response(response):
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_HEADERS:
            del headers[name]
    return response


def _json_body(r1, r2) -> None:
    """Equal JSON bodies, whatever the key order or whitespace; raises AssertionError otherwise."""
    def parsed(r):
        body = r.body or b""
        if isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        try:
            return json.loads(body) if body else None
        except ValueError:
            return body

    assert parsed(r1) == parsed(r2), "request bodies differ"


def make_vcr(record_mode: str = "none") -> vcr.VCR:
    recorder = vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode=record_mode,
        match_on=("method", "path", "json_body"),
        filter_headers=SECRET_HEADERS,
        decode_compressed_response=True,
        before_record_response=_scrub_response,
        serializer="yaml",
    )
    recorder.register_matcher("json_body", _json_body)
    return recorder
