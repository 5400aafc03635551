"""A whole practice session in the browser on the embedded model: streamed replies, multi-line
answers, hint, undo, a reload mid-reply, a draft kept over a reload, resuming in the terminal,
and a terminal session continued in the browser."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from browsing import REPO, shoot

from interviewer.criteria import COACH_LABEL, COACH_MARK

pytestmark = [pytest.mark.browser, pytest.mark.embedded]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from browsing import Server

    s = Server(tmp_path_factory.mktemp("web-home"), args=("--seed", "5"))
    yield s
    s.stop()

WATCH = """() => {
  window.__seen = [];
  const last = () => { const ps = document.querySelectorAll('#turns li.turn-interviewer p');
                       return ps.length ? ps[ps.length - 1].textContent : ''; };
  const n0 = document.querySelectorAll('#turns li.turn-interviewer').length;
  if (window.__ob) window.__ob.disconnect();
  window.__ob = new MutationObserver(() => {
    if (document.querySelectorAll('#turns li.turn-interviewer').length > n0) window.__seen.push([performance.now(), last()]);
  });
  window.__ob.observe(document.querySelector('#turns'), {childList: true, subtree: true, characterData: true});
}"""


def interviewer_lines(page) -> list[str]:
    return page.locator("#turns li.turn-interviewer p").all_inner_texts()


def wait_idle(page, timeout=90_000):
    page.wait_for_function("() => !document.querySelector('#send').disabled && document.querySelector('#chat').getAttribute('aria-busy') !== 'true'",
                           timeout=timeout)


def say(page, text: str) -> list[tuple[float, str]]:
    """Send an answer with the keyboard; return the interviewer text as it appeared, over time."""
    before = len(interviewer_lines(page))
    page.evaluate(WATCH)
    page.fill("#text", text)
    page.press("#text", "Control+Enter")
    page.wait_for_function(f"() => document.querySelectorAll('#turns li.turn-interviewer').length > {before}", timeout=90_000)
    wait_idle(page)
    return page.evaluate("window.__seen")


def test_whole_practice_session_streams_saves_and_resumes(page, server):
    page.goto(server.base + "/practice")
    shoot(page, "practice-start")
    page.click("button:has-text('Start the interview')")
    page.wait_for_url("**/practice/2*")
    sid = page.url.rsplit("/", 1)[1]
    page.wait_for_selector("#turns li.turn-interviewer")
    wait_idle(page)
    opening = interviewer_lines(page)
    assert len(opening) == 1 and len(opening[0]) > 20

    # multi-line answers, sent with Ctrl+Enter; the replies stream in
    answers = [
        "Thanks for having me back.\nSince our first talk I've been reading up on your regional accounts: renewals seem to lag in the north.",
        "My first step would be to sit with two branch managers and map how they define each stage.",
        "I'd start by mapping the biggest renewal risks, then build a simple weekly report for the team. Am I in the ballpark?",
    ]
    held = []
    for a in answers:
        seen = say(page, a)
        final = interviewer_lines(page)[-1].strip()
        assert final, "the interviewer replied"
        # how long the page showed a strict, non-empty beginning of the reply before it grew
        for (t, text), (t_next, _) in zip(seen, seen[1:] + [(seen[-1][0], "")]):
            if 0 < len(text.strip()) < len(final) and final.startswith(text.strip()):
                held.append(t_next - t)
    # streamed: at least once, the page showed the first words of a reply before the rest came
    assert held, "no reply was seen growing"
    cands = page.locator("#turns li.turn-candidate p").all_inner_texts()
    assert cands[0] == answers[0]  # multi-line kept, names shown as text
    assert page.locator("#turns li.turn-candidate .who").first.inner_text() == "Candidate"
    check = page.locator("#coverage li[data-criterion=ballpark_check]")
    verdict = check.get_attribute("class").removeprefix("c-")
    assert verdict != "missed"
    # the live coach's mark and word, updated by the page's script, are the registry's (prompts/rubric.toml)
    assert check.locator(".mark").inner_text() == COACH_MARK[verdict] and check.locator(".cverdict").inner_text() == COACH_LABEL[verdict]
    shoot(page, "practice-chat")

    # hint and undo: the taken-back answer comes back into the box to edit
    page.click("button:has-text('Hint')")
    assert page.locator(".hint p").inner_text().strip()
    n = len(interviewer_lines(page))
    page.click("button:has-text('Undo last answer')")
    assert page.input_value("#text") == answers[2]
    assert len(interviewer_lines(page)) == n - 1
    shoot(page, "practice-undo-hint")

    # a draft survives a reload (it lives in this browser until the server has the answer)
    page.fill("#text", "A draft I have not sent yet,\nover two lines.")
    page.reload()
    assert page.input_value("#text") == "A draft I have not sent yet,\nover two lines."

    # a reload while the interviewer is replying: the answer is saved and the reply still arrives
    mid = "In my first month I would sit with each branch manager and learn how they use the pipeline report."
    page.fill("#text", mid)
    page.press("#text", "Control+Enter")
    page.wait_for_selector("#status:has-text('replying')")
    page.reload()
    page.wait_for_function("() => document.querySelectorAll('#turns li').length > 0")
    wait_idle(page)
    page.wait_for_function("() => { const li = document.querySelectorAll('#turns li'); return li.length && li[li.length - 1].classList.contains('turn-interviewer'); }",
                           timeout=90_000)
    texts = page.locator("#turns li p").all_inner_texts()
    assert texts[-2] == mid
    assert texts.count(texts[-2]) == 1  # asked once, not twice
    assert page.input_value("#text") == ""

    # the terminal continues the same session and ends it; the browser then shows its report
    env = dict(os.environ, PYTHONPATH=str(REPO), INTERVIEWER_HOME=str(server.home))
    out = subprocess.run([sys.executable, "-m", "interviewer", "practice", "--resume", sid],
                         input="What would the next steps be after today?\n", capture_output=True, text=True, env=env,
                         timeout=180, cwd=REPO)
    assert out.returncode == 0, out.stderr
    assert "Resuming session" in out.stdout and "next steps" in out.stdout.lower()
    page.goto(f"{server.base}/practice/{sid}")
    page.wait_for_url("**/report/*")
    body = page.locator("main").inner_text()
    assert "Asked about next steps" in body and "What would the next steps be after today?" in body
    assert not page.console_errors, page.console_errors


def test_terminal_session_continues_in_the_browser(page, server):
    """A session the terminal left with an answer saved but no reply (closed mid-turn)."""
    from interviewer.backends import resolve
    from interviewer.models import Turn, now
    from interviewer.personas import load_persona
    from interviewer.session import Session
    from interviewer.store import Store

    os.environ["INTERVIEWER_HOME"] = str(server.home)  # the test's own isolation is per test: point it at the server's
    store = Store()
    s = Session(load_persona("sales-director"), resolve(env={}), store, chat_model=None, candidate_name="Sam <b>")
    s.start()
    store.add_turn(s.id, 1, Turn(speaker="candidate", name="Sam <b>", text="I see the role as fixing the forecast first.", at=now()))
    store.close()

    page.goto(f"{server.base}/practice/{s.id}")
    page.wait_for_selector("#turns li.turn-interviewer >> nth=1", timeout=90_000)
    wait_idle(page)
    texts = page.locator("#turns li p").all_inner_texts()
    assert texts[1] == "I see the role as fixing the forecast first." and len(texts) == 3
    assert page.locator("#turns li.turn-candidate .who").inner_text() == "Sam <b>"
    page.click("button:has-text('End and see my report')")
    page.wait_for_url("**/report/*")
    assert "Sam <b>" in page.locator("main").inner_text()  # a name is text, never markup
    store = Store()
    assert [t.speaker for t in store.turns(s.id)] == ["interviewer", "candidate", "interviewer"]
    assert store.find_session(s.id).status == "ended"
