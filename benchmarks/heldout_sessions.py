"""Held-out simulated candidates (benchmarks/heldout_candidates*/) against the interviewer on the
embedded model: each session written as a readable transcript for a blind reader to grade, plus
the simulator's automatic checks (one JSON line a session; a crash is recorded, not fatal).

    python benchmarks/heldout_sessions.py OUTDIR [CANDIDATES_DIR]

CANDIDATES_DIR (default: benchmarks/heldout_candidates) holds `candidates/*.toml` and `roles/*.toml`;
a new blind set is run from wherever its writer put it, outside the repository, until it is graded.

The candidates and roles were written by someone who never saw the dialogue code or its own
scripted candidates; fixes have since been made from graders' notes on them, so they are
development data now (see the folder's README). New blind candidates use the same format.
"""
import json
import sys
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from interviewer.backends import build_chat_model, capabilities, resolve
from interviewer.models import CandidateScript, Role
from interviewer.personas import load_persona
from interviewer.roles import persona_for_role
from interviewer.simulator import check, run

HERE = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent / "heldout_candidates"
ROTATION = ["ops-vp-skeptical", "nurse-manager", "eng-manager-warm", "school-principal", "finance-controller",
            "sales-manager", "city-program-manager", "sales-director", "ops-vp-skeptical"]
out = Path(sys.argv[1]); out.mkdir(parents=True, exist_ok=True)
settings = resolve(env={})
model, caps = build_chat_model(settings), capabilities(settings)
scripts = sorted((HERE / "candidates").glob("*.toml"))
k = 0
summary = []
for i, f in enumerate(scripts):
    data = tomllib.loads(f.read_text())
    role_stem = data.pop("role", "")
    script = CandidateScript.model_validate({**data, "role": ""})
    if role_stem:
        role = Role.model_validate(tomllib.loads((HERE / "roles" / f"{role_stem}.toml").read_text()))
        persona = persona_for_role(role, default_level="skip_level" if i % 2 else "hiring_manager")
        pid = f"role:{role_stem}"
    else:
        pid = ROTATION[k % len(ROTATION)]; k += 1
        persona = load_persona(pid)
    t0 = time.perf_counter()
    if (out / f"session{i+1:02d}.txt").exists():
        continue
    try:
        s = run(script, persona, model, caps, seed=1000 + i)
    except Exception as e:  # a crash is a finding: record it and go on
        print(json.dumps({"session": i + 1, "script": f.stem, "crash": f"{type(e).__name__}: {e}"}), flush=True)
        continue
    lines = [f"# Session {i+1:02d}: interviewer {persona.name} ({persona.title}, {persona.level}) with candidate {script.name}", ""]
    lines.append(f"INTERVIEWER: {s.replies[0].text}")
    for c, r in s.exchanges():
        lines += ["", f"CANDIDATE: {c}", "", f"INTERVIEWER: {r.text}"]
    (out / f"session{i+1:02d}.txt").write_text("\n".join(lines) + "\n")
    meta = {"session": i + 1, "script": f.stem, "persona": pid, "seconds": round(time.perf_counter() - t0, 1),
            "checks": {k2: v for k2, v in check(s).items() if v},
            "sources": [r.source for r in s.replies], "model_text": [r.model_text for r in s.replies]}
    summary.append(meta)
    print(json.dumps(meta), flush=True)
(out / "meta.jsonl").write_text("\n".join(json.dumps(m) for m in summary) + "\n")
