"""The one vcrpy configuration, shared by the tests and the re-recording script.

Recordings are decoded (readable YAML) and scrubbed: no Authorization or API-key header is
ever written, in either direction. Requests are matched on method and path only, so a
cassette recorded against llama.cpp's server on any port, or against OpenAI, replays the same.
"""

from __future__ import annotations

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


def make_vcr(record_mode: str = "none") -> vcr.VCR:
    return vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode=record_mode,
        match_on=("method", "path"),
        filter_headers=SECRET_HEADERS,
        decode_compressed_response=True,
        before_record_response=_scrub_response,
        serializer="yaml",
    )
