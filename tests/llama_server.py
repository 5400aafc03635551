"""Start llama.cpp's own OpenAI-compatible server (xllamacpp, the embedded engine) in a separate
process on 127.0.0.1 for a test or a recording, and stop it afterwards. It serves the embedded
SmolLM2 model under an alias: a real OpenAI-protocol peer reached as a "compatible" backend."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time

import httpx

from interviewer.backends.embedded import default_model_path

# The child serves until its stdin closes, so it can never outlive the test that started it.
_SERVE = """
import os, sys
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
import xllamacpp
p = xllamacpp.CommonParams()
p.cpuparams.poll = p.cpuparams_batch.poll = 0
p.model.path, p.model_alias, p.n_ctx, p.n_parallel = sys.argv[1], {sys.argv[2]}, 4096, 1
p.hostnames, p.port, p.verbosity, p.warmup = ["127.0.0.1"], 0, -1, False
server = xllamacpp.Server(p)
print(server.listening_address, flush=True)
sys.stdin.read()
"""


@contextlib.contextmanager
def llama_server(alias: str = "smollm2"):
    proc = subprocess.Popen([sys.executable, "-c", _SERVE, str(default_model_path()), alias],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        address = proc.stdout.readline().strip()
        if not address:
            raise RuntimeError("llama.cpp's server exited at start-up")
        url = address.rstrip("/") + "/v1"
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if httpx.get(address + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise RuntimeError("llama.cpp's server did not come up in 60 s")
        yield url
    finally:
        proc.stdin.close()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
