"""Between interviews: the prep brief, practice with it, the debrief, and the history."""

from __future__ import annotations

import json
import sqlite3

import pytest
from test_cli import LABELLED, assert_one_line_error, cli

from interviewer.dialogue import Interview
from interviewer.models import Brief, Transcript, Turn
from interviewer.personas import load_persona
from interviewer.prep import build_brief, check_plan
from interviewer.store import MIGRATIONS, Store

PREP = """role_title = "Sales Analyst"
company = "Cedar Ridge Financial"
interviewer = "Priya Raman"
landscape = "Fast branch growth, and pipeline data in Salesforce that branches define differently."
pitfalls = ["Reports nobody trusts"]
approach = "Meet each branch manager in month one, then automate the Monday pipeline report."
observations = ["Most new business comes from cold calling", "CRM data quality is the real bottleneck"]
goals_questions = ["What are the firm's goals this year, and how does the analyst role support them?"]
pay_range = "$70k to $78k, from two salary guides"
"""


def test_a_brief_turns_observations_into_checks_and_names_its_gaps():
    brief = build_brief({"role_title": "Analyst", "observations": ["The CRM data is messy."], "landscape": "Growing fast."})
    assert brief.ballpark_questions and "the CRM data is messy" in brief.ballpark_questions[0]
    assert brief.ballpark_questions[0].endswith("?")
    assert brief.next_step_questions and brief.boss_questions  # filled from the rubric's guidance
    assert any("pay range" in g for g in brief.gaps) and any("approach" in g for g in brief.gaps)


def test_prep_from_a_file_writes_json_markdown_and_html(tmp_path):
    src = tmp_path / "prep.toml"
    src.write_text(PREP)
    out = tmp_path / "brief.json"
    assert cli("prep", "--from", str(src), "-o", str(out)).returncode == 0
    brief = Brief.model_validate_json(out.read_text())
    assert brief.company == "Cedar Ridge Financial" and len(brief.ballpark_questions) == 2
    md = cli("prep", "--from", str(src), "--format", "md").stdout
    assert "## Observations to check" in md and "cold calling" in md
    html = cli("prep", "--from", str(src), "--format", "html").stdout
    assert html.startswith("<!DOCTYPE html>") and "@media print" in html and "https://" not in html


def test_prep_when_piped_reads_one_line_per_question():
    lines = "\n".join(["Data Analyst", "Acme Water", "Jo Smith", "Leaks are found late.", "Bad sensor data | Field crews ignore the dashboard",
                       "Shadow the crews first."]) + "\n"
    result = cli("prep", "--format", "md", stdin=lines)
    assert result.returncode == 0, result.stderr
    assert "- Bad sensor data" in result.stdout and "- Field crews ignore the dashboard" in result.stdout


def test_bad_brief_and_worksheet_files_are_one_line_errors(tmp_path):
    assert_one_line_error(cli("prep", "--from", str(tmp_path / "none.toml")), "no such file")
    bad = tmp_path / "bad.toml"
    bad.write_text('role_title = "x"\nfavourite_colour = "blue"\n')
    assert_one_line_error(cli("prep", "--from", str(bad)), "unknown field")
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    assert_one_line_error(cli("prep", "--from", str(empty)), "empty")
    brief = tmp_path / "brief.json"
    brief.write_text('{"observations": "not a list"}')
    assert_one_line_error(cli("practice", "--brief", str(brief), stdin=""), "brief.json")
    assert_one_line_error(cli("debrief", "--from", str(empty)), "empty")
    assert_one_line_error(cli("debrief", "--export", "nope"), "no debrief")
    assert_one_line_error(cli("history", "--delete", "nope"), "nothing with id")


def test_the_interviewer_reacts_to_the_briefs_hypotheses_from_the_persona_facts():
    persona = load_persona("sales-manager")
    misread = next(r for r in persona.realities if r.misread_keywords)
    hypothesis = f"the job is mostly {misread.misread_keywords[0]} with {misread.keywords[0]}"
    iv = Interview(persona, None, seed=1, hypotheses=[hypothesis])
    iv.start()
    reply = iv.respond(f"Honestly I expect {misread.misread_keywords[0]} and {misread.keywords[0]} to be most of the job here.")
    assert misread.correct in reply.text


def test_the_report_checks_which_planned_questions_were_asked():
    brief = build_brief({"role_title": "Sales Analyst", "landscape": "x", "observations": ["the CRM data is messy"],
                         "goals_questions": ["What are the team's goals, and how does this role support them?"]})
    t = Transcript(turns=[
        Turn(speaker="interviewer", name="I", text="Questions?"),
        Turn(speaker="candidate", name="C", text="What are the team's main goals this year, and how does the role support them?"),
        Turn(speaker="interviewer", name="I", text="Growth."),
        Turn(speaker="candidate", name="C", text="Thanks, that's all."),
    ])
    planned = {p.criterion: p for p in check_plan(brief, t)}
    assert planned["goals_alignment"].asked and planned["goals_alignment"].turn == 2
    assert not planned["ballpark_check"].asked and not planned["next_steps"].asked


def test_debrief_with_a_transcript_then_history_shows_it_and_delete_removes_it(tmp_path):
    src = tmp_path / "debrief.toml"
    src.write_text('role_title = "Sales Analyst"\ncompany = "Harbor"\ntopics = "Pipeline, branches"\n'
                   'boss_impressions = "Direct and warm; I think she gets me."\nahas = ["They care about referrals"]\n'
                   'stated_next_step = "Work sample next week"\nfollow_ups = ["Thank-you note"]\n')
    result = cli("debrief", "--from", str(src), "--transcript", str(LABELLED / "sales_otter.txt"), "--candidate", "Riley Thompson",
                 "--format", "md")
    assert result.returncode == 0, result.stderr
    assert "## The possible boss" in result.stdout and "Transcript review" in result.stdout
    d = Store().debriefs()[0]
    assert d.report_id and d.transcript_path
    exported = tmp_path / "d.md"
    assert cli("debrief", "--export", d.id, "-o", str(exported)).returncode == 0
    assert "They care about referrals" in exported.read_text()
    cli("review", str(LABELLED / "backend_weak_json.json"))
    h = json.loads(cli("history", "--json").stdout)
    kinds = [r["kind"] for r in h["rows"]]
    assert kinds.count("debrief") == 1 and kinds.count("review") == 1
    assert set(h["trends"]) == {"role_vision", "ballpark_check", "next_steps", "goals_alignment", "compensation", "mutual_fit"}
    assert h["next_to_practise"] in h["trends"]
    table = cli("history", "--format", "md").stdout
    assert "| date | kind |" in table and "Practise next" in table
    html = cli("history", "--format", "html").stdout
    assert "<svg" in html and "<polyline" in html
    everything = tmp_path / "all.json"
    assert cli("history", "--export", str(everything)).returncode == 0
    assert len(json.loads(everything.read_text())["debriefs"]) == 1
    assert cli("history", "--delete", d.id, "--yes").returncode == 0
    assert [r["kind"] for r in json.loads(cli("history", "--json").stdout)["rows"]] == ["review"]


def test_a_database_written_by_the_previous_schema_opens_with_its_history(tmp_path):
    path = tmp_path / "v2.db"
    db = sqlite3.connect(path)
    for step in MIGRATIONS[:2]:
        step(db)
    db.execute("PRAGMA user_version=2")
    report = {"candidate": "A", "format": "zoom_vtt", "turns": 4, "criteria": [
        {"id": c, "verdict": "missed", "evidence": [], "feedback": ""} for c in
        ("role_vision", "ballpark_check", "next_steps", "goals_alignment", "compensation", "mutual_fit")]}
    db.execute("INSERT INTO reports (id, created_at, kind, report) VALUES ('r1', '2026-01-02T10:00:00', 'review', ?)",
               (json.dumps(report),))
    db.commit()
    db.close()
    from interviewer.history import load

    store = Store(path)
    assert store.version == len(MIGRATIONS) and store.debriefs() == []
    h = load(store)
    assert [r.id for r in h.rows] == ["r1"] and h.most_missed[0][1] == 1


@pytest.mark.embedded
def test_prep_then_practice_with_the_brief_reports_the_planned_questions(tmp_path):
    src = tmp_path / "prep.toml"
    src.write_text(PREP)
    brief = tmp_path / "brief.json"
    assert cli("prep", "--from", str(src), "-o", str(brief)).returncode == 0
    answers = "\n".join(["Thanks for having me back.",
                         "I think most new business comes from cold calling, and I'd map stage definitions first.",
                         "What are the firm's goals this year, and how does the analyst role support them?"]) + "\n"
    result = cli("practice", "--brief", str(brief), "--seed", "3", stdin=answers)
    assert result.returncode == 0, result.stderr
    assert "we do almost no cold outreach" in " ".join(result.stdout.split())  # the hypothesis was corrected from the persona's facts
    assert "planned questions" in result.stdout and "(turn 6)" in result.stdout.replace("\n", " ")


def test_an_interrupted_worksheet_keeps_what_was_typed(tmp_path):
    from interviewer import worksheet

    qs = worksheet.questions("prep")
    typed = iter(["Sales Analyst", "Cedar Ridge"])

    def ask(_prompt):
        try:
            return next(typed)
        except StopIteration:
            raise KeyboardInterrupt from None

    draft = worksheet.Draft("prep")
    with pytest.raises(KeyboardInterrupt):
        worksheet.interactive(qs, ask=ask, say=lambda _m: None, draft=draft, confirm=lambda _q: True)
    assert draft.load() == {"role_title": "Sales Analyst", "company": "Cedar Ridge"}
    rest = iter(["Priya", "Growing fast.", "", "Meet the branches.", "", "", "", "$70k", ""])
    answers = worksheet.interactive(qs, ask=lambda _p: next(rest), say=lambda _m: None, draft=draft, confirm=lambda _q: True)
    assert answers["role_title"] == "Sales Analyst" and answers["approach"] == "Meet the branches."
    assert answers["pitfalls"] == [] and answers["pay_range"] == "$70k"
