"""`interviewer serve` latency: first streamed words in the browser against the terminal path,
and page load times.

Turn latency: the same persona, seed and candidate answers, in a fresh process each way (so the
embedded model starts from the same state and writes the same words):
  terminal: Session.answer() with an on_text callback, as terminal.run drives it; time from the
            call to the first piece of text;
  browser:  `interviewer serve` in a subprocess, Debian's Chromium through Playwright; time from
            the answer's submit event to the first interviewer words in the page (in-page clock).
The first answer of each run also loads the model (lazily, on both paths); it is reported but
the ratio uses the answers after it. Target: browser within 1.2x of the terminal.

Page loads: each page's Navigation Timing (request start to load event end), median of
--loads visits, after one warm-up visit. Target: < 200 ms locally.

    python benchmarks/web_latency.py [--answers 4] [--loads 5] [--seed 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "web"))

from browsing import CHROMIUM_ARGS, Server  # noqa: E402

ANSWERS = [
    "Thanks for having me back.\nSince our first talk I've been reading up on your regional accounts: renewals seem to lag in the north.",
    "My first step would be to sit with two branch managers and map how they define each stage.",
    "A pitfall I see is publishing numbers that branch managers can prove wrong in the first week.",
    "I'd validate every scorecard with one friendly branch manager before it goes wider.",
    "I would automate the Monday export first, because it frees a day a week for real analysis.",
]


def terminal_ttft(answers: list[str], seed: int) -> list[float]:
    from interviewer.backends import build_chat_model, resolve
    from interviewer.personas import load_persona
    from interviewer.session import Session
    from interviewer.store import Store

    settings = resolve(env={})
    s = Session(load_persona("sales-manager"), settings, Store(), chat_model=build_chat_model(settings), seed=seed)
    s.start()
    out = []
    for a in answers:
        first: list[float] = []
        t0 = time.perf_counter()
        s.answer(a, lambda piece: first.append(time.perf_counter() - t0) if not first else None)
        out.append(first[0] if first else float("nan"))
    return out


WATCH = """() => {
  window.__t = null;
  const turns = document.querySelector('#turns');
  const n0 = turns.querySelectorAll('li.turn-interviewer').length;
  document.querySelector('#answer').addEventListener('submit', () => { window.__t0 = performance.now(); }, {capture: true, once: true});
  const ob = new MutationObserver(() => {
    const li = turns.querySelectorAll('li.turn-interviewer');
    if (li.length > n0 && li[li.length - 1].textContent.trim().length > li[li.length - 1].querySelector('.who').textContent.length) {
      window.__t = performance.now() - window.__t0; ob.disconnect();
    }
  });
  ob.observe(turns, {childList: true, subtree: true, characterData: true});
}"""


def browser_run(browser, answers: list[str], seed: int, loads: int) -> tuple[list[float], dict[str, float]]:
    home = Path(tempfile.mkdtemp(prefix="web-bench-"))
    server = Server(home, args=("--seed", str(seed)))
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(300_000)
        page.goto(server.url)
        page.goto(server.base + "/practice")
        page.click("button:has-text('Start the interview')")
        page.wait_for_selector("#turns li.turn-interviewer")
        idle = "() => !document.querySelector('#send').disabled && document.querySelector('#chat').getAttribute('aria-busy') !== 'true'"
        page.wait_for_function(idle)
        out = []
        for a in answers:
            page.evaluate(WATCH)
            page.fill("#text", a)
            page.press("#text", "Control+Enter")
            page.wait_for_function("() => window.__t !== null")
            out.append(page.evaluate("window.__t") / 1000)
            page.wait_for_function(idle)
        sid = page.url.rsplit("/", 1)[1]
        page.click("button:has-text('End and see my report')")
        page.wait_for_url("**/report/*")
        report = page.url.split(server.base, 1)[1]
        times = {}
        for path in ("/", "/practice", "/review", "/prep", "/debrief", "/history", report):
            page.goto(server.base + path)  # warm-up
            samples = []
            for _ in range(loads):
                page.goto(server.base + path)
                samples.append(page.evaluate(
                    "() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; }"))
            times["report" if path == report else path] = statistics.median(samples)
        page.close()
        del sid
        return out, times
    finally:
        server.stop()
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--answers", type=int, default=4)
    ap.add_argument("--loads", type=int, default=5)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    answers = [ANSWERS[i % len(ANSWERS)] for i in range(args.answers)]

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        web, pages = browser_run(browser, answers, args.seed, args.loads)
        browser.close()
    os.environ["INTERVIEWER_HOME"] = tempfile.mkdtemp(prefix="term-bench-")
    term = terminal_ttft(answers, args.seed)

    print(f"{'answer':>6}  {'terminal s':>10}  {'browser s':>9}  ratio")
    for i, (t, w) in enumerate(zip(term, web), 1):
        print(f"{i:>6}  {t:>10.2f}  {w:>9.2f}  {w / t:.2f}" + ("  (includes model load)" if i == 1 else ""))
    warm = list(zip(term, web))[1:] or list(zip(term, web))
    ratio = statistics.median(w / t for t, w in warm)
    print(f"median ratio after the first answer: {ratio:.2f} (target <= 1.2)")
    print(f"{'page':<12} load ms (median of {args.loads})")
    for path, ms in pages.items():
        print(f"{path:<12} {ms:7.1f}" + ("" if ms < 200 else "  over the 200 ms target"))
    print(json.dumps({"ttft_terminal_s": [round(x, 3) for x in term], "ttft_browser_s": [round(x, 3) for x in web],
                      "ttft_ratio_median_warm": round(ratio, 3),
                      "page_load_ms": {k: round(v, 1) for k, v in pages.items()},
                      "page_load_ms_max": round(max(pages.values()), 1)}))


if __name__ == "__main__":
    main()
