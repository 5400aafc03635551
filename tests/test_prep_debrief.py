"""Between interviews, as a new user meets it (issue 12): prep names the file really written,
practice --brief takes a saved brief's id, the --from keys are documented where a user looks,
and debrief --transcript prefills what the transcript already says."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from click.testing import CliRunner

from interviewer.cli import cli
from interviewer.prep import load_brief
from interviewer.store import Store

ROOT = Path(__file__).resolve().parent.parent
HEADER = ROOT / "tests" / "fixtures" / "formats" / "plain_header.txt"  # Role: Sales Analyst; "HR will call you by Friday."
PREP = 'role_title = "Sales Analyst"\ncompany = "Cedar Ridge"\nobservations = ["the CRM data is messy"]\nlandscape = "Growing fast."\n'


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def saved_debrief(result):
    assert result.exit_code == 0, result.output
    return Store().find_debrief(re.search(r"Debrief saved as (\S+)\.", result.stderr).group(1))


def test_prep_names_the_file_it_wrote_or_the_saved_id(tmp_path):
    notes = tmp_path / "notes.toml"
    notes.write_text(PREP)
    out = tmp_path / "my brief.json"
    r = run("prep", "--from", str(notes), "--offline", "-o", str(out))
    assert r.exit_code == 0, r.output
    said = " ".join(r.stderr.split())
    assert f"interviewer practice --brief '{out}'" in said and "brief.json," not in said
    r = run("prep", "--from", str(notes), "--offline", "-o", str(tmp_path / "brief.html"))
    bid = re.search(r"Brief saved \((\S+)\)", r.stderr).group(1)
    assert f"interviewer practice --brief {bid}" in " ".join(r.stderr.split())  # an HTML page can't be practised with
    assert bid in {i for i, _ in Store().briefs()}


def test_practice_brief_takes_a_saved_briefs_id(tmp_path):
    notes = tmp_path / "notes.toml"
    notes.write_text(PREP)
    r = run("prep", "--from", str(notes), "--offline", "--format", "md")
    bid = re.search(r"Brief saved \((\S+)\)", r.stderr).group(1)
    assert load_brief(bid).observations == ["the CRM data is messy"]
    assert load_brief(bid[:-2]).company == "Cedar Ridge"  # a unique start of the id is enough
    r = run("practice", "--brief", "no-such-brief")
    assert r.exit_code == 2 and len(r.stderr.strip().splitlines()) == 1 and "no brief file or saved brief" in r.stderr


def test_the_keys_prep_from_accepts_are_in_its_help_and_the_readme():
    keys = [q["key"] for q in tomllib.loads((ROOT / "prompts" / "prep.toml").read_text())["question"]]
    help_text = run("prep", "--help").output
    readme = (ROOT / "README.md").read_text()
    for key in keys:
        assert re.search(rf"^\s+{key}\b", help_text, re.M), key
        assert re.search(rf"^\s+{key} = ", readme, re.M), key
    assert "interviewer prep --help" in readme
    debrief_keys = [q["key"] for q in tomllib.loads((ROOT / "prompts" / "debrief.toml").read_text())["question"]]
    assert all(k in run("debrief", "--help").output for k in debrief_keys)


def test_debrief_prefills_role_interviewer_and_next_step_from_the_transcript():
    # piped: one line per question; an empty line keeps what the transcript says
    lines = ["2026-03-03", "", "Harbor", ""] + ["Pipeline"] + [""] * 7 + ["Thank-you note"]
    r = run("debrief", "--transcript", str(HEADER), "--format", "md", input="\n".join(lines) + "\n")
    assert "From the transcript" in r.stderr
    d = saved_debrief(r)
    assert d.role_title == "Sales Analyst" and d.interviewer == "Dana Whitfield"
    assert "HR will call you by Friday" in d.stated_next_step
    # what the user types replaces the prefill
    lines = ["2026-03-03", "Senior Sales Analyst", "Harbor", "Dana W."] + [""] * 7 + ["They said two weeks", ""]
    d = saved_debrief(run("debrief", "--transcript", str(HEADER), input="\n".join(lines) + "\n"))
    assert (d.role_title, d.interviewer, d.stated_next_step) == ("Senior Sales Analyst", "Dana W.", "They said two weeks")


def test_debrief_from_a_file_keeps_its_answers_and_fills_the_rest_from_the_transcript(tmp_path):
    src = tmp_path / "d.toml"
    src.write_text('company = "Harbor"\ntopics = "Pipeline"\ninterviewer = "Dana (VP)"\n')
    d = saved_debrief(run("debrief", "--from", str(src), "--transcript", str(HEADER)))
    assert d.interviewer == "Dana (VP)" and d.role_title == "Sales Analyst" and "Friday" in d.stated_next_step
