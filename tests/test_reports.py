"""Report renderers: every format shows real content, escapes it, and orders core criteria first."""

from __future__ import annotations

import json
import re

import pytest

from interviewer.models import CORE_CRITERIA, CriterionResult, Evidence, Report
from interviewer.reports import FORMATS, format_for_path, print_report, render, write_report

SCRIPT_QUOTE = 'We could <script>alert("x")</script> & grow "R&D" clients'
PIPE_QUOTE = "Pipeline | forecast is the bottleneck, right?"


def make_report() -> Report:
    # Deliberately out of order: a non-core criterion first, core ones later and shuffled.
    return Report(
        candidate="Alex O'Neil",
        format="zoom_vtt",
        turns=24,
        interviewer="Dana <Reyes>",
        role="Sales Analyst",
        scorer="rules",
        source="interview.vtt",
        notes=["Transcript had 2 unlabelled turns & one overlap."],
        criteria=[
            CriterionResult(
                id="goals_alignment",
                title="Goals | alignment",
                verdict="partial",
                evidence=[Evidence(turn=15, quote="What are the team's goals this year?")],
                feedback="Asked about goals but not how the role serves them.",
                did="Asked about goals.",
                why="Shows you think about the business, not just the tasks.",
                try_saying="How does this role move those goals forward?",
            ),
            CriterionResult(
                id="next_steps",
                title="Next steps",
                verdict="missed",
                feedback="Never asked what happens next or whether they need anything.",
            ),
            CriterionResult(
                id="compensation",
                title="",
                verdict="not_applicable",
                feedback="Pay did not come up and was already covered in the first interview.",
            ),
            CriterionResult(
                id="role_vision",
                title="Vision of the role",
                verdict="covered",
                evidence=[Evidence(turn=7, quote=SCRIPT_QUOTE), Evidence(turn=9, quote="I'd start with the top 20 accounts.")],
                feedback="Clear read of the landscape and an approach.",
                did="Laid out a read of the pipeline and a 90-day plan.",
                why="A second interview is about talking shop.",
                try_saying="",
            ),
            CriterionResult(
                id="ballpark_check",
                title="Ballpark check",
                verdict="partial",
                evidence=[Evidence(turn=12, quote=PIPE_QUOTE)],
                did="Hinted at a check but did not ask directly.",
                why="The answer is information you need.",
                try_saying="Am I in the ballpark on my observations?",
            ),
        ],
    )


@pytest.fixture
def report() -> Report:
    return make_report()


def core_before_others(text: str, report: Report, key=lambda c: c.title or c.id) -> None:
    core = [text.index(key(c)) for c in report.criteria if c.id in CORE_CRITERIA]
    other = [text.index(key(c)) for c in report.criteria if c.id not in CORE_CRITERIA]
    assert max(core) < min(other)


# --- JSON ------------------------------------------------------------------------------------


def test_json_round_trips_and_keeps_shape(report: Report) -> None:
    text = render(report, "json")
    assert text.startswith('{\n  "candidate": ')  # pretty, indent=2, model key order
    data = json.loads(text)
    assert list(data) == list(Report.model_fields)
    assert data["format"] == "zoom_vtt"  # the transcript's format, not the output format
    assert data["candidate"] == "Alex O'Neil" and data["turns"] == 24
    for c in data["criteria"]:
        assert list(c) == list(CriterionResult.model_fields)
        assert {"id", "verdict", "evidence", "feedback"} <= set(c)
        for e in c["evidence"]:
            assert list(e) == ["turn", "quote"]
    back = Report.model_validate_json(text)
    assert {c.id: c for c in back.criteria} == {c.id: c for c in report.criteria}
    assert back.model_dump(exclude={"criteria"}) == report.model_dump(exclude={"criteria"})
    assert [c["id"] for c in data["criteria"]][:3] == list(CORE_CRITERIA)
    assert SCRIPT_QUOTE in [e["quote"] for c in data["criteria"] for e in c["evidence"]]


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_content(report: Report) -> None:
    md = render(report, "md")
    for label in ("Alex O", "Sales Analyst", "24", "zoom_vtt", "rules", "Core: 1 of 3 covered, 1 partial"):
        assert label in md
    assert "Dana \\<Reyes\\>" in md
    assert "| Criterion | Verdict |" in md and "|---|---|" in md
    assert "| Vision of the role (core) | ✓ covered |" in md
    assert "| Next steps (core) | ✗ missed |" in md
    assert "| Goals \\| alignment | ◐ partial |" in md
    assert "| compensation | – not applicable |" in md  # empty title falls back to the id
    assert "> **Turn 9:** “I'd start with the top 20 accounts.”" in md
    assert "> **Turn 12:** “Pipeline \\| forecast is the bottleneck, right?”" in md
    assert "**Turn 7:**" in md and "\\<script\\>" in md and "<script>" not in md
    assert "**Try saying:** “Am I in the ballpark on my observations?”" in md
    assert "**What you did:** Laid out a read of the pipeline" in md
    assert "**Why it matters:** The answer is information you need." in md
    # feedback shown when the structured fields are empty
    assert "Never asked what happens next" in md
    assert "## Notes" in md and "one overlap" in md
    # no unescaped pipe inside a table row: every row has exactly 3 unescaped pipes
    for line in md.splitlines():
        if line.startswith("| ") and "---" not in line:
            assert len(re.findall(r"(?<!\\)\|", line)) == 3, line
    headings = [l for l in md.splitlines() if l.startswith("## ") and l != "## Notes"]
    assert [h.endswith("(core)") for h in headings] == [True, True, True, False, False]
    assert "Vision of the role" in headings[0] and "Ballpark check" in headings[1] and "Next steps" in headings[2]


# --- HTML ------------------------------------------------------------------------------------


def test_html_escaped_self_contained_printable(report: Report) -> None:
    html = render(report, "html")
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; grow &quot;R&amp;D&quot;" in html
    assert "Dana &lt;Reyes&gt;" in html and "Alex O&#x27;Neil" in html
    assert "@media print" in html and "break-inside: avoid" in html
    assert "http://" not in html and "https://" not in html
    assert not re.search(r"<link|@import|url\(|<img|<iframe", html)
    assert not re.search(r"\$\{?[a-z_]+", html)  # every template placeholder was filled
    for title in ("Vision of the role", "Ballpark check", "Next steps", "Goals | alignment", "compensation"):
        assert title in html
    for verdict in ("covered", "partial", "missed", "not applicable"):
        assert f"</span> {verdict}</span>" in html
    assert '<span class="turn">Turn 12:</span>' in html and "Pipeline | forecast" in html
    assert "Am I in the ballpark on my observations?" in html
    assert html.count('<span class="core">core</span>') == 6  # table + section, 3 core criteria
    core_before_others(html, report, key=lambda c: f"<h2>{c.title or c.id}")


# --- terminal --------------------------------------------------------------------------------


def test_terminal_text(report: Report) -> None:
    text = render(report, "terminal")
    for verdict in ("covered", "partial", "missed", "not applicable"):
        assert verdict in text
    for mark in "✓◐✗–":
        assert mark in text
    assert "Turn 7:" in text and "<script>" in text  # plain text: shown as written
    assert "Core: 1 of 3 covered, 1 partial" in text and "Dana <Reyes>" in text
    assert all(len(line) <= 100 for line in text.splitlines())
    core_before_others(text, report)


def test_print_report_to_console(report: Report) -> None:
    from rich.console import Console

    console = Console(record=True, width=100, file=__import__("io").StringIO(), color_system="truecolor")
    print_report(report, console)
    styled = console.export_text(styles=True, clear=False)
    assert "\x1b[" in styled  # coloured verdicts
    assert "Vision of the role" in console.export_text(clear=False)


# --- all formats -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_write_report_matches_render(report: Report, fmt: str, tmp_path) -> None:
    path = tmp_path / "out" / f"report.{fmt}"
    write_report(report, fmt, path)
    assert path.read_bytes().decode("utf-8") == render(report, fmt)
    write_report(report, fmt, path)  # overwrite in place
    assert path.read_text(encoding="utf-8") == render(report, fmt)
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp files left


@pytest.mark.parametrize("fmt", FORMATS)
def test_core_first_in_every_format(report: Report, fmt: str) -> None:
    text = render(report, fmt)
    core_before_others(text, report, key=lambda c: c.id if fmt == "json" else (c.title or c.id).split(" |")[0])


def test_unknown_format_and_path_guess(report: Report) -> None:
    with pytest.raises(ValueError, match="terminal, md, html, json"):
        render(report, "pdf")
    assert format_for_path("a/b.HTML") == "html" and format_for_path("x.json") == "json"
    assert format_for_path("x.txt") == "terminal" and format_for_path("x") == "md"
