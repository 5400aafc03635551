"""A role file that says almost nothing (a title, nothing else) still yields a whole persona for
every family and for `general`: every field the dialogue uses is filled, from the family's neutral
defaults, and nothing of a shipped persona (names, places, figures) appears."""

from __future__ import annotations

import re
import tomllib

import pytest

from interviewer import bank, simulator
from interviewer.errors import UserError
from interviewer.models import STAGES, Role
from interviewer.personas import load_candidate_script, load_role
from interviewer.roles import families, persona_for_role
from test_roles import foreign_tokens

# One plain title per family, written as a user would; `general` gets a job no family names.
TITLES = {
    "healthcare": "Ward Nurse", "engineering": "Software Developer", "operations": "Warehouse Lead",
    "sales": "Account Manager", "education": "Maths Teacher", "finance": "Payroll Accountant",
    "public_sector": "Policy Officer", "general": "Pastry Chef",
}
# Titles a user might really type: no family word, odd characters, template and markup syntax.
ODD_TITLES = {
    "Zookeeper": "general",
    "Head of Vibes 🚀": "general",
    "Dev {ops} {company} {0} [bold]lead[/bold]": "general",
    "night-shift NURSE (bank staff)": "healthcare",
    "Senior Nurse / Software Engineer": "engineering",  # two engineering words lead one nurse
    "Nurse Engineer": "general",  # two fields, neither leads: the guess abstains
    "X": "general",
    "Assistant to the Regional Manager of Paper Sales and Distribution, Scranton Branch, Acting": "general",  # sales barely leads
}


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{\w*\}", text))


def assert_complete(role: Role, family: str) -> None:
    p = persona_for_role(role)
    assert p.family == family and p.role_title == role.title
    # every question in the bank has an answer from the file or the family
    for q in bank.questions():
        assert bank.answer_for(p, q)[1].strip(), q.id
    # every field the dialogue reads is filled (pay may stay empty: the recruiter has it)
    for name, value in p.model_dump(exclude={"pay_range", "deflections", "notes"}).items():
        assert value not in ("", [], {}, None), name
    for stage in STAGES:
        assert all(line.strip() for line in getattr(p.lines, stage)), stage
    for k, v in p.answers.model_dump().items():
        assert isinstance(v, str) and v.strip(), k
    for r in p.realities:
        assert r.keywords and r.misread_keywords and r.confirm and r.correct
    text = p.model_dump_json()
    # no template placeholder left unfilled, except what the user's own title says
    assert placeholders(text) <= placeholders(role.title)
    own = role.model_dump_json()
    leaked = {w for w in foreign_tokens(own) - set(re.findall(r"\w+", role.title)) if re.search(rf"(?<![\w$]){re.escape(w)}(?![\w%])", text)}
    assert not leaked, leaked


def test_every_family_has_a_title_here():
    assert set(TITLES) == set(families())


@pytest.mark.parametrize("family", sorted(TITLES))
def test_a_title_only_role_file_gives_a_complete_persona(tmp_path, family):
    path = tmp_path / "role.toml"
    path.write_text(f'title = "{TITLES[family]}"\n', encoding="utf-8")
    role = load_role(path)
    assert role.company == "the organisation"
    assert_complete(role, family)


@pytest.mark.parametrize("title", sorted(ODD_TITLES))
def test_odd_titles_give_a_complete_persona_and_a_whole_session(title):
    role = Role(title=title)
    assert_complete(role, ODD_TITLES[title])
    script = load_candidate_script("multipart")
    iv = simulator.run(script, persona_for_role(role), seed=3).interview  # the simulator's own loop
    said = " ".join(t.text for t in iv.turns if t.speaker == "interviewer")
    assert iv.finished and said
    # the title is said as written: never read as a template or as markup
    assert placeholders(said) <= placeholders(title)


@pytest.mark.parametrize("text", ['title = ""\n', 'title = "   "\ncompany = "Acme"\n', 'company = "Acme"\n'])
def test_a_role_file_without_a_title_is_one_clear_error(tmp_path, text):
    path = tmp_path / "role.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=r"role\.toml: title: "):
        load_role(path)


def test_the_starter_file_and_the_examples_still_load():
    from interviewer.roles import starter_file

    assert Role.model_validate(tomllib.loads(starter_file())).company == "Acme Water"
