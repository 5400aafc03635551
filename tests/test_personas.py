"""Personas and roles are data, validated with errors that name the file and the field."""

from __future__ import annotations

import pytest

from interviewer.errors import UserError
from interviewer.guards import GuardContext, problems
from interviewer.personas import adapt, all_personas, load_candidate_script, load_persona, load_role


def test_the_shipped_personas_cover_the_seed_scenario_and_more():
    personas = {p.id: p for p in all_personas()}
    assert len(personas) >= 4
    manager, boss = personas["sales-manager"], personas["sales-director"]
    assert manager.level == "hiring_manager" and boss.level == "skip_level"
    assert manager.company == boss.company and "Sales Analyst" in manager.role_title


@pytest.mark.parametrize("persona", [p.id for p in all_personas()])
def test_persona_lines_never_volunteer_next_steps_or_misname(persona):
    p = load_persona(persona)
    ctx = GuardContext(interviewer_name=p.name)
    lines = p.lines
    for key in ("opening", "vision", "probe", "react", "questions", "compensation", "close", "acknowledgements", "nudges"):
        for line in getattr(lines, key):
            assert problems(line, ctx) == [], (key, line)
    assert p.realities and all(r.keywords for r in p.realities)


def test_a_bad_persona_file_names_the_file_and_the_field(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text(load_persona("sales-manager").model_dump_json() and 'id = "b"\nname = "B"\nlevel = "intern"\n')
    with pytest.raises(UserError) as e:
        load_persona(str(path))
    assert "broken.toml" in str(e.value) and "\n" not in str(e.value)
    path.write_text("id = [unclosed")
    with pytest.raises(UserError, match="not valid TOML"):
        load_persona(str(path))


def test_a_role_file_adapts_a_persona_to_the_users_interview(tmp_path):
    role_file = tmp_path / "role.toml"
    role_file.write_text('title = "Data Analyst"\ncompany = "Acme Water"\ndescription = "Own the leak dashboard."\n'
                         'first_interview_notes = "They worried about my SQL depth."\n')
    p = adapt(load_persona("sales-manager"), load_role(role_file))
    assert p.role_title == "Data Analyst" and p.company == "Acme Water"
    assert p.role_reality == "You'd own the leak dashboard."  # the description, in the interviewer's voice
    assert any("SQL depth" in w for w in p.wants_answered)


def test_demo_candidates_load_and_unknown_ones_are_refused():
    assert load_candidate_script("strong").answers["questions"][-1].count("?") == 0
    with pytest.raises(UserError, match="unknown demo candidate"):
        load_candidate_script("nobody")
