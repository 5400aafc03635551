"""Generation speed of the embedded engine (xllamacpp, prebuilt portable) side by side with a
compiled llama-cpp-python build, in one run, on the same prompt and token budget.

    pip install llama-cpp-python     # compiles with this machine's native flags (the old engine)
    python benchmarks/engine_speed.py [--rounds 5] [--tokens 96]

Rounds alternate between the engines so a change in machine load hits both. Reports prompt
and generation tokens per second (the engine's own timings) and the ratio. Quiet machine only:
llama.cpp's threads busy-wait. Without llama-cpp-python installed, only the new engine is shown.
"""

from __future__ import annotations

import argparse
import json
import statistics

import httpx

from interviewer.backends.embedded import EmbeddedServer, default_model_path

MESSAGES = [
    {"role": "system", "content": "You are Dana Whitfield, a hiring manager, in a second interview. Reply in two or three sentences."},
    {"role": "user", "content": "I think the pipeline data in the CRM is inconsistent between branches, so nobody trusts the "
                                "forecast. My first step would be to map how each branch defines its stages. Am I in the ballpark?"},
]


def xllamacpp_round(server: EmbeddedServer, tokens: int) -> tuple[float, float]:
    body = {"messages": MESSAGES, "max_tokens": tokens, "temperature": 0.7, "seed": 7, "cache_prompt": False,
            "ignore_eos": True}
    t = httpx.post(server.base_url + "/chat/completions", json=body, timeout=300).json()["timings"]
    return t["prompt_per_second"], t["predicted_per_second"]


def llama_cpp_round(llm, tokens: int) -> tuple[float, float]:
    import time

    llm.reset()  # no prefix reuse, as cache_prompt=False on the other side
    started = time.perf_counter()
    first = None
    n = 0
    for part in llm.create_chat_completion(messages=MESSAGES, max_tokens=tokens, temperature=0.7, stream=True):
        if part["choices"][0].get("delta", {}).get("content"):
            n += 1
            if first is None:
                first = time.perf_counter()
    end = time.perf_counter()
    gen = (n - 1) / (end - first) if first and n > 1 else 0.0
    return float("nan"), gen


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--tokens", type=int, default=96)
    args = ap.parse_args()
    server = EmbeddedServer(default_model_path())
    try:
        from llama_cpp import Llama

        llm = Llama(model_path=str(default_model_path()), n_ctx=2048, verbose=False)
    except ImportError:
        llm = None
    new, old = [], []
    for _ in range(args.rounds):
        new.append(xllamacpp_round(server, args.tokens))
        if llm is not None:
            old.append(llama_cpp_round(llm, args.tokens))
    gen_new = statistics.median(g for _, g in new)
    result = {"rounds": args.rounds, "tokens": args.tokens,
              "xllamacpp_prompt_tps": round(statistics.median(p for p, _ in new), 1),
              "xllamacpp_gen_tps": round(gen_new, 1)}
    if old:
        gen_old = statistics.median(g for _, g in old)
        result |= {"llama_cpp_python_gen_tps": round(gen_old, 1), "gen_ratio_new_over_old": round(gen_new / gen_old, 3)}
    print(f"xllamacpp: prompt {result['xllamacpp_prompt_tps']} tok/s, generation {result['xllamacpp_gen_tps']} tok/s")
    if old:
        print(f"llama-cpp-python (compiled here): generation {result['llama_cpp_python_gen_tps']} tok/s; "
              f"ratio {result['gen_ratio_new_over_old']}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
