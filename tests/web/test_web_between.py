"""Prep → practice with the brief → report; the debrief worksheet with autosaved drafts; history
with its table, trend, delete and export. No model needed: the opening line is the plan's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browsing import shoot

from interviewer.criteria import TITLE

pytestmark = pytest.mark.browser

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


def test_prep_brief_then_practice_with_it_then_report(page, server):
    page.goto(server.base + "/prep")
    page.fill("#q-role_title", "Sales Analyst")
    page.fill("#q-company", "Northwind <Traders>")
    page.fill("#q-observations", "the Monday pipeline report is built by hand\nbranch managers don't trust the numbers")
    page.fill("#q-landscape", "Renewals lag in the north; the data lives in two systems.")
    # autosaved as typed: into the same draft file the terminal worksheet continues from
    draft = server.home / "drafts" / "prep.json"
    page.wait_for_function("() => document.querySelector('[data-saved]').textContent.includes('saved')")
    assert json.loads(draft.read_text(encoding="utf-8"))["role_title"] == "Sales Analyst"
    page.reload()
    assert page.input_value("#q-company") == "Northwind <Traders>"
    page.fill("#q-interviewer", "Priya, the hiring manager")  # the draft, read back, is saved over again
    page.wait_for_function("() => document.querySelector('[data-saved]').textContent.includes('saved')")
    assert json.loads(draft.read_text(encoding="utf-8"))["interviewer"] == "Priya, the hiring manager"
    shoot(page, "prep")
    page.click("button:has-text('Make my brief')")
    page.wait_for_url("**/brief/*")
    main = page.locator("main").inner_text()
    assert "Preparation brief: Sales Analyst" in main and "Northwind <Traders>" in main
    assert "am I in the ballpark" in main.lower() or "ballpark" in main.lower()
    assert not draft.exists()  # the finished brief replaces the draft
    shoot(page, "brief")
    with page.expect_download() as d:
        page.click("a:has-text('JSON')")
    assert json.loads(Path(d.value.path()).read_text(encoding="utf-8"))["observations"][0].startswith("the Monday pipeline")

    page.click("a:has-text('Practise with this brief')")
    assert page.locator("#brief option:checked").inner_text().startswith("Sales Analyst")
    page.click("button:has-text('Start the interview')")
    page.wait_for_url("**/practice/2*")
    page.wait_for_selector("#turns li.turn-interviewer")
    assert "with your prep brief" in page.locator(".chat-head").inner_text()
    page.click("button:has-text('End and see my report')")
    page.wait_for_url("**/report/*")
    report = page.locator("main").inner_text()
    assert "Interview feedback" in report
    # the brief's planned questions are checked in the report (none were asked here)
    assert "the Monday pipeline report is built by hand" in report


def test_debrief_with_transcript(page, server):
    page.goto(server.base + "/debrief")
    page.fill("#q-role_title", "Account Manager")
    page.fill("#q-company", "Contoso")
    page.fill("#q-ahas", "They want someone to own renewals\nThe boss runs weekly one-to-ones")
    page.set_input_files("#transcript", str(FORMATS / "zoom_basic.vtt"))
    shoot(page, "debrief")
    page.click("button:has-text('Save my debrief')")
    page.wait_for_url("**/debrief/*")
    main = page.locator("main").inner_text()
    assert "Debrief: Account Manager at Contoso" in main and "They want someone to own renewals" in main
    assert "Transcript review" in main
    assert "\r" not in page.locator("main li").first.text_content()  # a textarea's CRLF is one line break
    shoot(page, "debrief-page")


def test_history_lists_deletes_and_exports(page, server):
    # something to show: a review
    page.goto(server.base + "/review")
    page.set_input_files("#transcript", str(FORMATS / "teams_basic.vtt"))
    page.click("button[type=submit]")
    page.wait_for_url("**/report/*")
    rid = page.url.rsplit("/", 1)[1]

    page.goto(server.base + "/history")
    rows = page.locator("table.history tbody tr")
    n = rows.count()
    assert n >= 2  # the review, and whatever the other tests of this module left
    assert page.locator(f"table.history a[href='/report/{rid}']").count() == 1
    assert page.locator("svg.trend").count() == 1
    main = page.locator("main").inner_text()
    # the criterion to practise next is named with the registry's title (prompts/rubric.toml)
    assert any(f"Practise next: {title}" in main for title in TITLE.values())
    shoot(page, "history")

    with page.expect_download() as d:
        page.click("a:has-text('Export everything')")
    exported = json.loads(Path(d.value.path()).read_text(encoding="utf-8"))
    assert rid in [r["id"] for r in exported["reports"]]

    page.on("dialog", lambda dialog: dialog.accept())
    row = page.locator("tr", has=page.locator(f"a[href='/report/{rid}']"))
    row.locator("button:has-text('Delete')").click()
    page.wait_for_url("**/history?deleted=review")
    assert page.locator(f"table.history a[href='/report/{rid}']").count() == 0
    assert page.locator("table.history tbody tr").count() == n - 1
    assert "Deleted the review." in page.locator("main").inner_text()
    assert page.goto(f"{server.base}/report/{rid}").status == 404


def test_home_and_keyboard_only(page, server):
    page.goto(server.base + "/")
    shoot(page, "home")
    # keyboard: the first Tab reaches the skip link, and it moves focus into the page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    for _ in range(12):  # Tab along to the Review card and open it with Enter
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "/review":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/review")
    # every form control on every page has a label
    for path in ("/review", "/practice", "/prep", "/debrief", "/history"):
        page.goto(server.base + path)
        unlabelled = page.evaluate("""() => Array.from(document.querySelectorAll('input:not([type=hidden]), textarea, select'))
            .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).map(el => el.name || el.id)""")
        assert unlabelled == [], (path, unlabelled)
