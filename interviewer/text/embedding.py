"""Sentence embeddings from the embedded engine: llama.cpp's server in embedding mode (mean pooling).

A second in-process server on the same SmolLM2 GGUF (a generating server does not serve
/v1/embeddings), reached like every other model through the OpenAI-compatible client with a
bounded transport. Vectors are mean-pooled over the sentence's tokens and L2-normalised by the
engine. Used by benchmarks/feature_compare.py to compare feature sets for the intent model; the
shipped judge does not need it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from interviewer.backends.embedded import EmbeddedServer, check_gguf, default_model_path, engine_params
from interviewer.backends.limits import bounded_client
from interviewer.errors import UserError

BATCH = 16  # sentences per request: small, so one request never holds the engine for long
MAX_CHARS = 500  # one sentence's cut: <= 2,000 tokens even at 4 byte-tokens a character
N_CTX = 2048  # == the physical batch: a whole (cut) sentence is pooled in one pass
REQUEST_SECONDS = 120.0  # total bound on one batch's request (16 sentences take ~3 s on a busy 2-core box)
POOLING = "mean"


class EmbeddingServer(EmbeddedServer):
    """One in-process llama.cpp server in embedding mode for one model file."""

    what = "embedding engine"

    def __init__(self, model_path: Path):
        import xllamacpp

        params = engine_params(model_path, N_CTX)
        params.embedding = True
        params.pooling_type = xllamacpp.llama_pooling_type.LLAMA_POOLING_TYPE_MEAN
        params.embd_normalize = 2  # Euclidean: unit vectors, so a dot product is the cosine
        params.n_batch = params.n_ubatch = N_CTX  # a whole (cut) sentence is pooled in one pass
        super().__init__(model_path, N_CTX, params)


_SERVERS: dict[str, EmbeddingServer] = {}
_LOCK = threading.Lock()


def embedding_url(model_path: str | Path | None = None) -> str:
    """Base URL of the embedding server for this model, started on first use."""
    path = check_gguf(model_path) if model_path else default_model_path()
    key = str(path.resolve())
    with _LOCK:
        if key not in _SERVERS:
            _SERVERS[key] = EmbeddingServer(path)
        return _SERVERS[key].base_url


def stop() -> None:
    """Stop every embedding server (they busy the CPU only while embedding, but hold the model)."""
    with _LOCK:
        while _SERVERS:
            _SERVERS.popitem()[1].close()


def _clean(sentence: str) -> str:
    # The engine rejects an empty input; a lone space embeds as "nothing said".
    return sentence[:MAX_CHARS].strip() or " "


def embed(sentences: list[str], base_url: str | None = None, batch: int = BATCH,
          seconds: float = REQUEST_SECONDS) -> list[list[float]]:
    """One unit vector per sentence, in order; requests of `batch` sentences, each bounded.

    A failure raises UserError with one line (no traceback for a caller to show)."""
    from openai import OpenAI, OpenAIError

    if not sentences:
        return []
    url = base_url or embedding_url()
    out: list[list[float]] = []
    with bounded_client(seconds) as http:
        client = OpenAI(base_url=url, api_key="embedded", http_client=http, max_retries=0)
        for start in range(0, len(sentences), max(1, batch)):
            chunk = [_clean(s) for s in sentences[start : start + max(1, batch)]]
            try:
                got = client.embeddings.create(model="embedded", input=chunk, encoding_format="float")
            except OpenAIError as e:
                raise UserError(f"the embedding engine failed: {str(e).splitlines()[0][:200] if str(e) else type(e).__name__}") from None
            vectors = [d.embedding for d in sorted(got.data, key=lambda d: d.index)]
            if len(vectors) != len(chunk):
                raise UserError(f"the embedding engine returned {len(vectors)} vectors for {len(chunk)} sentences")
            out += vectors
    return out
