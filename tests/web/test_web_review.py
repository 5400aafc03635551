"""Review in the browser: upload (or drop) a transcript, answer the candidate question, read
the report, download it in three formats. The same review_file as the CLI does the work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browsing import shoot

from interviewer import transcripts

pytestmark = pytest.mark.browser

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"

# Two speakers who only exchange statements: the content alone can't say who the candidate is.
UNSURE_VTT = """WEBVTT

1
00:00:01.000 --> 00:00:04.000
Robin Hale: Good to see you again.

2
00:00:04.500 --> 00:00:08.000
Casey Moore: Likewise, it has been a busy month.

3
00:00:08.500 --> 00:00:14.000
Robin Hale: The renewals backlog has been on my mind since last time. <script>alert(1)</script>

4
00:00:14.500 --> 00:00:20.000
Casey Moore: The region moved two people onto it in March.

5
00:00:20.500 --> 00:00:26.000
Robin Hale: That makes sense, the tooling is the other half of it.

6
00:00:26.500 --> 00:00:31.000
Casey Moore: Agreed. Thanks for coming in today.
"""


def test_vtt_review_asks_for_the_candidate_then_reports(page, server, tmp_path):
    path = tmp_path / "second interview.vtt"
    path.write_text(UNSURE_VTT, encoding="utf-8")
    choice = transcripts.identify_candidate(transcripts.parse(UNSURE_VTT))
    assert choice.confidence < 0.75  # the premise: the page has to ask

    page.goto(server.base + "/review")
    shoot(page, "review")
    page.set_input_files("#transcript", str(path))
    page.fill("#company", "Northwind <b>Ltd</b>")
    page.click("button[type=submit]")
    page.wait_for_selector("text=Who is the candidate?")
    shoot(page, "review-candidate")
    options = page.locator("input[name=candidate]")
    assert sorted(options.nth(i).get_attribute("value") for i in range(options.count())) == ["Casey Moore", "Robin Hale"]
    assert page.locator("input[name=candidate]:checked").get_attribute("value") == choice.name
    page.check("label:has-text('Robin Hale')")
    page.click("button[type=submit]")
    page.wait_for_url("**/report/*")
    main = page.locator("main").inner_text()
    assert "Robin Hale" in main and "Interview feedback" in main
    # a quote of the candidate's own words, with the script in it shown as text, not run
    assert "renewals backlog" in main
    assert page.locator("main script").count() == 0 and page.locator("main b").count() == 0
    assert not page.console_errors, page.console_errors
    shoot(page, "report")

    # downloads: the same renderers as `interviewer review -o`
    rid = page.url.rsplit("/", 1)[1]
    with page.expect_download() as d:
        page.click("text=JSON")
    data = json.loads(Path(d.value.path()).read_text(encoding="utf-8"))
    assert data["candidate"] == "Robin Hale" and {c["id"] for c in data["criteria"]} >= {"role_vision", "next_steps"}
    with page.expect_download() as d:
        page.click("a:has-text('Markdown')")
    assert d.value.suggested_filename == f"interview-report-{rid}.md"
    assert "Robin Hale" in Path(d.value.path()).read_text(encoding="utf-8")
    with page.expect_download() as d:
        page.click("a:has-text('HTML')")
    html = Path(d.value.path()).read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html and "Robin Hale" in html


def test_drag_and_drop_a_sure_transcript_goes_straight_to_the_report(page, server):
    page.goto(server.base + "/review")
    text = (FORMATS / "teams_basic.vtt").read_text(encoding="utf-8")
    # drop the file onto the box, as a person would from their file manager
    handle = page.evaluate_handle(
        """(text) => { const dt = new DataTransfer();
                       dt.items.add(new File([text], 'teams_basic.vtt', {type: 'text/vtt'})); return dt; }""", text)
    page.dispatch_event("[data-drop]", "drop", {"dataTransfer": handle})
    assert page.evaluate("document.querySelector('#transcript').files[0].name") == "teams_basic.vtt"
    page.click("button[type=submit]")
    page.wait_for_url("**/report/*")
    assert "Marcus Reid" in page.locator("main").inner_text()


def test_bad_files_get_a_clear_message_and_keep_what_was_typed(page, server, tmp_path):
    page.goto(server.base + "/review")
    for name, content, expected in [
        ("empty.vtt", b"", "is empty"),
        ("photo.vtt", bytes(range(256)) * 50, "binary file"),
        ("one.txt", b"Sam: hello there\nSam: anyone?\n", "only one speaker"),
    ]:
        (tmp_path / name).write_bytes(content)
        page.fill("#candidate", "Sam <i>Patel</i>")
        page.set_input_files("#transcript", str(tmp_path / name))
        page.click("button[type=submit]")
        error = page.locator("p.error[role=alert]").first
        assert expected in error.inner_text()
        assert page.input_value("#candidate") == "Sam <i>Patel</i>"  # nothing typed is lost, shown as text
    shoot(page, "review-error")


def test_oversized_file_is_stopped_in_the_page(page, server, tmp_path):
    page.goto(server.base + "/review")
    big = tmp_path / "huge.vtt"
    with big.open("wb") as f:
        f.truncate(11 * 1024 * 1024)
    page.set_input_files("#transcript", str(big))
    msg = page.locator("[data-file-error]")
    assert "the limit is 10 MB" in msg.inner_text()
    page.click("button[type=submit]")
    assert page.url.endswith("/review")  # not sent


def test_reviewing_the_same_transcript_twice_keeps_one_history_entry_and_owner(page, server, tmp_path):
    """As `interviewer review` does: one entry per transcript and candidate, marked whose it is."""
    from interviewer.store import Store

    src = FORMATS / "zoom_basic.vtt"
    dialogue = transcripts.parse(src.read_text(encoding="utf-8"))
    name = transcripts.identify_candidate(dialogue).name
    copy = tmp_path / "again.vtt"  # same content, another file name and CRLF line ends
    copy.write_bytes(src.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))

    def review(path: Path, not_mine: bool) -> str:
        page.goto(server.base + "/review")
        page.set_input_files("#transcript", str(path))
        page.fill("#candidate", name)
        if not_mine:
            page.check("#not_mine")
        page.click("button[type=submit]")
        page.wait_for_url("**/report/*")
        return page.url.rsplit("/", 1)[1]

    before = {r["id"] for r in _home_rows(server)}
    first = review(src, not_mine=False)
    second = review(copy, not_mine=True)
    assert first == second  # the same entry, updated in place
    new = [r for r in _home_rows(server) if r["id"] not in before or r["id"] == first]
    assert len(new) == 1 and new[0]["owner"] == "other" and new[0]["content_key"]


def _home_rows(server) -> list[dict]:
    import sqlite3

    dbs = list(server.home.rglob("*.db"))
    assert dbs, "the server keeps a database in its home"
    con = sqlite3.connect(dbs[0])
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute("SELECT id, owner, content_key FROM reports WHERE kind='review'")]
    finally:
        con.close()
