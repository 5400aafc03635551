"""`--role FILE` yields a whole persona for the user's job from the file and its family's neutral
defaults; nothing of another persona (names, places, figures) leaks in. `role init` writes a
starter file with every field explained."""

from __future__ import annotations

import re
import tomllib

import pytest
from click.testing import CliRunner

from interviewer import bank, guards, simulator
from interviewer.cli import cli
from interviewer.dialogue import Interview
from interviewer.models import Role
from interviewer.personas import all_personas, load_candidate_script
from interviewer.roles import families, guess_family, persona_for_role

FAMILIES = ["healthcare", "engineering", "operations", "sales", "education", "finance", "public_sector"]
ROLES = {
    "healthcare": Role(title="Nurse Manager", company="Lakeside Clinic"),
    "engineering": Role(title="Platform Engineer", company="Quillworks"),
    "operations": Role(title="Warehouse Supervisor", company="Ferncrest Logistics"),
    "sales": Role(title="Account Executive", company="Brightpath Media"),
    "education": Role(title="Year 4 Teacher", company="Oakfield Primary"),
    "finance": Role(title="Payroll Accountant", company="Tidewell Group"),
    "public_sector": Role(title="Data Analyst", company="Acme Water", family="public_sector",
                          description="Own the leak-detection dashboard and the monthly board pack."),
}
_COMMON = set("""The This That These Those What How Who Where When Why Which There Here Our We You Your They Their It Its I
A An And But Or If In On At For From To Of By With As After Before About Since During Monday Tuesday Wednesday Thursday
Friday Saturday Sunday Before Yes No Not Most Some Each Every All Both Once Then So Just Also Only Even Still First Second
Director Manager Head Senior Sales Nurse Operations Program Programs Engineering Engineer Analyst Finance Human Resources
Talent Acquisition Excel Power BI SQL Salesforce CRM Python Go AWS Postgres Kafka Epic Canvas Desmos NetSuite HR VP CEO
CFO Great Good Thanks Thank Sorry Okay Fine Fair Right Exactly Actually Honestly Correct Let Say Tell Put Picture Take Give
Nursing Shift School Public Schools Care Patient Think Go One Two Three Four Five Six Seven Eight Nine Ten Q4 ED ICU RN Magnet Level II Grade Year Team Teams Office""".split())


def proper_nouns_and_figures(text: str) -> set[str]:
    # capitalised words that don't start a sentence or a JSON string
    names = {w for w in re.findall(r"(?<=[\w,;:)] )[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b", text) if w not in _COMMON}
    figures = set(re.findall(r"\$?\d[\d,.]*%?", text))
    return names | figures


def foreign_tokens(own_text: str) -> set[str]:
    """Names, places and figures that belong to shipped personas and not to this role file."""
    out: set[str] = set()
    for p in all_personas():
        out |= proper_nouns_and_figures(p.model_dump_json())
    return out - proper_nouns_and_figures(own_text)


@pytest.mark.parametrize("family", FAMILIES)
def test_a_role_file_yields_a_complete_persona_with_nothing_from_another_persona(family):
    role = ROLES[family]
    p = persona_for_role(role)
    assert p.family == family and p.company == role.company and p.role_title == role.title
    for q in bank.questions():
        assert bank.answer_for(p, q)[1], q.id
    own = role.model_dump_json()
    text = p.model_dump_json()
    leaked = {w for w in foreign_tokens(own) if re.search(rf"(?<![\w$]){re.escape(w)}(?![\w%])", text)}
    assert not leaked, leaked


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("candidate", ["strong", "multipart", "awkward"])
def test_a_custom_role_session_never_names_another_personas_people_places_or_figures(family, candidate):
    role = ROLES[family]
    script = load_candidate_script(candidate)
    iv = simulator.run(script, persona_for_role(role), seed=7).interview  # the simulator's own loop
    said = " ".join(t.text for t in iv.turns if t.speaker == "interviewer")
    candidate_words = " ".join(t.text for t in iv.turns if t.speaker == "candidate")
    foreign = foreign_tokens(role.model_dump_json() + " " + candidate_words)
    leaked = {w for w in foreign if re.search(rf"(?<![\w$]){re.escape(w)}(?![\w%])", said)}
    assert not leaked, leaked
    assert all(len(t.text.split()) <= guards.MAX_WORDS for t in iv.turns if t.speaker == "interviewer")


def test_what_the_role_file_says_wins_over_the_defaults():
    role = Role(title="Data Analyst", company="Acme Water", pay_range="$60,000-$70,000", process="A data exercise, then a panel.",
                team="Four analysts and a data engineer.", goals=["Cut leaks by a fifth."], facts={"tools": "SQL Server and Power BI."})
    p = persona_for_role(role)
    assert "$60,000-$70,000" in p.answers.compensation and p.answers.next_steps == role.process
    assert p.answers.team == role.team and "Cut leaks by a fifth" in p.answers.goals and p.facts["tools"] == role.facts["tools"]
    iv = Interview(p, None, seed=1)
    iv.start()
    while iv.state.stage != "questions":
        iv.respond("I think the leak data is messy and I'd start by checking it with the field crews before building anything.")
    assert "SQL Server and Power BI." in iv.respond("What tools does the team use?").text


def test_the_family_is_guessed_from_the_title():
    assert guess_family("Charge Nurse") == "healthcare" and guess_family("Senior Accountant") == "finance"
    assert guess_family("Backend Engineer") == "engineering" and guess_family("Grade 7 Math Teacher") == "education"
    assert guess_family("City Policy Officer") == "public_sector" and guess_family("Warehouse Lead") == "operations"
    assert set(FAMILIES) <= set(families())


def test_at_least_8_personas_across_5_families_at_both_levels():
    ps = all_personas()
    assert len(ps) >= 8
    assert len({p.family for p in ps}) >= 5 and {p.level for p in ps} == {"hiring_manager", "skip_level"}
    assert {p.tone for p in ps} >= {"warm", "neutral", "skeptical"}


def test_role_init_writes_a_starter_file_that_loads_and_never_overwrites(tmp_path):
    path = tmp_path / "role.toml"
    runner = CliRunner()
    result = runner.invoke(cli, ["role", "init", str(path)])
    assert result.exit_code == 0, result.output
    text = path.read_text()
    role = Role.model_validate(tomllib.loads(text))
    # every field the Role model has is explained in the file
    for name in Role.model_fields:
        if name != "candidate_name":
            assert re.search(rf"^#?\s*{name}\b|\b{name}\b", text, re.M), name
    assert persona_for_role(role).company == role.company
    again = runner.invoke(cli, ["role", "init", str(path)])
    assert again.exit_code == 2 and "already exists" in again.output and path.read_text() == text


def test_practice_with_a_role_file_uses_the_role_persona(tmp_path):
    path = tmp_path / "role.toml"
    path.write_text('title = "Nurse Manager"\ncompany = "Lakeside Clinic"\n')
    result = CliRunner().invoke(cli, ["practice", "--role", str(path), "--seed", "2", "--backend", "openai", "--base-url",
                                      "http://127.0.0.1:9/v1", "--timeout", "0.5"],
                                input="What does a typical week look like?\n", env={"OPENAI_API_KEY": "x"})
    assert "Lakeside Clinic" in result.output
    assert "Priya" not in result.output and "Cedar Ridge" not in result.output
