"""The practice page without the model: starting with your own role file, bad role files, the
voice controls (shown only where the browser has speech), and printing a report."""

from __future__ import annotations

import pytest
from browsing import shoot

pytestmark = pytest.mark.browser

ROLE = """title = "Customer Success Lead"
company = "Fabrikam & Sons"
description = "Own renewals for 40 mid-size accounts; the renewal data lives in two systems."
"""


def start(page, server, role_path=None, name=""):
    page.goto(server.base + "/practice")
    if name:
        page.fill("#name", name)
    if role_path:
        page.click("summary")
        page.set_input_files("#role", str(role_path))
    page.click("button:has-text('Start the interview')")


def test_own_role_file_and_voice_controls(page, server, tmp_path):
    role = tmp_path / "role.toml"
    role.write_text(ROLE, encoding="utf-8")
    start(page, server, role, "Jo")
    page.wait_for_url("**/practice/2*")
    page.wait_for_selector("#turns li.turn-interviewer")
    head = page.locator(".chat-head").inner_text()
    assert "Customer Success Lead" in head and "Fabrikam & Sons" in head and "you are Jo" in head
    # the embedded model never drafts: the page says where the missing facts come from instead
    note = page.locator("#draft-note").inner_text()
    assert note.startswith("9 facts about this role come from neutral sales defaults; with a capable model") and "role.toml" in note
    assert page.locator("details.drafted").count() == 0 and role.read_text(encoding="utf-8") == ROLE
    # this Chromium has speech synthesis and recognition: both controls are offered
    assert page.locator("#speak-wrap").is_visible() and page.locator("#dictate").is_visible()
    page.check("#speak")
    page.reload()
    assert page.is_checked("#speak")  # the choice is remembered
    shoot(page, "practice-opening")


def test_voice_controls_hide_where_unsupported(browser, server):
    context = browser.new_context()
    context.add_init_script("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance; "
                            "delete window.webkitSpeechRecognition; delete window.SpeechRecognition;")
    try:
        page = context.new_page()
        page.goto(server.url)
        start(page, server)
        page.wait_for_selector("#turns li.turn-interviewer")
        assert not page.locator("#speak-wrap").is_visible() and not page.locator("#dictate").is_visible()
        assert page.locator("#text").is_visible() and page.locator("#send").is_visible()  # typing always works
    finally:
        context.close()


def test_bad_role_file_is_one_clear_line_and_keeps_the_form(page, server, tmp_path):
    bad = tmp_path / "role.toml"
    bad.write_text('company = "Only a company"\n', encoding="utf-8")
    start(page, server, bad, "Jo <script>")
    error = page.locator("p.error[role=alert]")
    assert "role.toml" in error.inner_text() and "title" in error.inner_text()
    assert page.input_value("#name") == "Jo <script>"


def test_report_prints_without_the_page_chrome(page, server):
    start(page, server)
    page.wait_for_selector("#turns li.turn-interviewer")
    page.click("button:has-text('End and see my report')")
    page.wait_for_url("**/report/*")
    page.emulate_media(media="print")
    assert not page.locator("header.top").is_visible() and not page.locator("nav.downloads").is_visible()
    assert page.locator("table.verdicts").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type/Page") <= 4
