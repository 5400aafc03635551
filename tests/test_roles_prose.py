"""`--role FILE` reads the file's own prose (interviewer/role_text.py, prompts/role_reading.toml):
who the interviewer is and their level, the team, pay, why the seat is open, the problem and its
stated cause as a reality that corrects a wrong read and confirms a right one. Where the file is
silent the family's defaults are honest ("I'd rather not make up a target"), never boilerplate
pretending specifics, and never another persona's names (issue 11, notes_round4 class B).

Role files here are written as prose the way users paste them, in families the shipped personas
don't cover (trades, nonprofit, hospitality, science), so the patterns are tested off the
development data they were built from."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from interviewer import bank
from interviewer.dialogue import Interview
from interviewer.models import Role
from interviewer.personas import all_personas, load_example_role
from interviewer.roles import persona_for_role

ROOT = Path(__file__).resolve().parent.parent

# A science role by another hand: reported speech with "told me", a cause after "due to", a grade.
ECOLOGY = Role(
    title="Field Ecologist", company="Marrowfen Wetland Trust", family="",
    description="Lead the trust's bird and vegetation surveys across four reserves, managing a field team of five seasonal "
                "surveyors. You will write the annual monitoring report for the funder and train volunteers in survey methods. "
                "Pay band 4; fieldwork starts at dawn in spring and summer.",
    first_interview_notes="The first interview was with Tomasz Brenner, the Conservation Manager who would be my boss. "
                          "He told me that survey coverage has dropped from 90% to 60% of planned transects since last year, "
                          "largely due to surveyors quitting mid-season, and that the reserves flooded twice in the winter. "
                          "The second interview is with Tomasz's boss, the Director of Conservation, Helen Marsh.",
)
# A file that states nothing: the family's defaults, said honestly.
BARE = Role(title="Warehouse Shift Lead", company="Northgate Supplies")


def _role(stem: str) -> Role:
    return load_example_role(stem)


def _persona(role: Role, level: str = "hiring_manager"):
    return persona_for_role(role, default_level=level)


def _hear(persona, text: str, turns: list[str] = ()):
    iv = Interview(persona, None, seed=3)
    iv.start()
    for t in turns:
        iv.respond(t)
    return iv._hear(text), iv


MINE = ["electrical-site-supervisor", "food-bank-coordinator", "head-chef"]


def test_the_interviewer_and_their_level_come_from_the_notes():
    p = _persona(_role("electrical-site-supervisor"))  # the base persona's level loses to what the file says
    assert (p.name, p.title, p.level) == ("Sian Cole", "Managing Director", "skip_level")
    assert "You'd report to Gareth Pryce, and Gareth reports to me." in p.answers.team
    assert p.refer_to == "HR"  # HR sat in on the first interview
    p = _persona(_role("food-bank-coordinator"), "skip_level")
    assert (p.name, p.level) == ("Amara Okafor", "hiring_manager")  # "who would be my direct manager"
    assert "You'd report to me." in p.answers.team
    p = _persona(ECOLOGY)
    assert (p.name, p.title, p.level) == ("Helen Marsh", "Director of Conservation", "skip_level")
    assert "Tomasz Brenner" in p.answers.team and "report to the hiring manager" not in p.answers.team


def test_team_pay_schedule_and_why_open_are_the_files_own():
    p = _persona(_role("electrical-site-supervisor"))
    assert p.answers.team.startswith("It's a team of nine electricians and four apprentices.")
    assert "Two experienced electricians left for agency work last year." in p.answers.team
    assert p.facts["vehicle"] == "Van and fuel card provided."
    food = _persona(_role("food-bank-coordinator"))
    assert food.pay_range == "$41,000 to $45,000" and "$41,000 to $45,000" in food.answers.compensation
    assert food.facts["why_open"] == "The old coordinator moved to a paid role at the council."
    assert food.facts["schedule"] == "Some Saturday mornings."
    eco = _persona(ECOLOGY)
    assert "band 4" in eco.answers.compensation.lower() and "$" not in eco.answers.compensation
    assert "five seasonal surveyors" in eco.answers.team
    chef = _persona(_role("head-chef"))
    assert chef.facts["schedule"] == "Evening and weekend service, four shifts a week."
    assert chef.facts["company"] == "We're a busy 90-cover bistro on the harbour."


def test_goals_and_challenges_come_from_the_problem_the_notes_state():
    eco = _persona(ECOLOGY)
    assert "survey coverage has dropped from 90% to 60% of planned transects" in eco.answers.goals.lower()
    assert not re.search(r"invent a target", eco.answers.goals)  # a goals question gets the problem, never a dodge
    assert re.match(r"[A-Z][^.]*\. Survey coverage has dropped", eco.answers.goals)  # the file's problem as a whole sentence
    assert eco.facts["challenges"].startswith("Honestly? Survey coverage has dropped")
    assert "survey coverage" in eco.facts["success"]


@pytest.mark.parametrize("role", [pytest.param(r, id=r) for r in MINE + ["clinic-nurse", "water-analyst"]]
                         + [pytest.param("ecology", id="ecology"), pytest.param("bare", id="bare")])
def test_no_boilerplate_that_pretends_specifics(role):
    r = ECOLOGY if role == "ecology" else BARE if role == "bare" else _role(role)
    for level in ("hiring_manager", "skip_level"):
        p = _persona(r, level)
        said = " ".join([p.answers.goals, p.answers.team, p.answers.compensation, p.role_serves_goals])
        for phrase in ("core plan", "a mix of experienced people and newer ones", "pay bands", "This role sits right in the middle"):
            assert phrase not in said, (role, level, phrase)
        if p.level == "skip_level":
            assert "You'd report to me" not in p.answers.team
        else:
            assert "report to the hiring manager" not in p.answers.team


def _shipped_names() -> set[str]:
    """Capitalised words of the shipped personas that no shared data file uses: their people,
    places and companies."""
    shared = " ".join(f.read_text() for f in (ROOT / "prompts").glob("*.toml"))
    words: set[str] = set()
    for f in (ROOT / "personas").glob("*.toml"):
        words |= set(re.findall(r"(?<=[a-z,;] )[A-Z][a-z]{3,}", f.read_text()))
    return {w for w in words if not re.search(rf"\b{w}\b", shared)}


def test_no_name_place_or_figure_from_another_persona():
    names = _shipped_names()
    assert {"Priya", "Kevin", "Charlotte"} <= names  # the check can fail
    for r in [_role(x) for x in MINE] + [ECOLOGY, BARE]:
        p = _persona(r)
        own = " ".join(str(v) for v in r.model_dump().values())
        text = p.model_dump_json()
        leaked = {w for w in names if re.search(rf"\b{w}\b", text) and w not in own}
        assert not leaked, (r.title, leaked)


def test_a_wrong_read_of_the_cause_is_corrected_and_a_right_read_confirmed():
    p = _persona(_role("electrical-site-supervisor"))
    heard, _ = _hear(p, "Callbacks doubling means the crews got lazy - it's an effort problem, so I'd set individual targets.")
    assert heard.corrected and "revised drawings reach the crews late" in heard.lead
    heard, _ = _hear(p, "So the callbacks come from revised drawings reaching the crews late. Am I in the ballpark?")
    assert not heard.corrected and heard.lead.startswith(("Yes", "You're close"))
    chef = _persona(_role("head-chef"))
    heard, _ = _hear(chef, "Food cost like that is a staffing problem - not enough chefs and burnout. Am I in the ballpark?")
    assert heard.corrected and "fully staffed" in heard.lead and "binned" in heard.lead
    # the same truth isn't said twice: right after the correction, a right read gets a short yes
    heard, iv = _hear(chef, "Then it's the prep getting binned at night, not the people. Am I in the ballpark?",
                      ["Food cost like that is a staffing problem - not enough chefs and burnout. Am I in the ballpark?"])
    assert not heard.corrected and heard.lead in bank.reader_lines("confirm_again")
    eco = _persona(ECOLOGY)
    heard, _ = _hear(eco, "Coverage dropped because the surveyors aren't motivated enough; I'd bring in quotas.")
    assert heard.corrected and "quitting mid-season" in heard.lead


# (persona, question, text that must be in the answer, text that must not)
ROUTED = [
    ("sales-manager", "Where do staff park, and how much does it cost?", "parking", "$68,000"),
    ("sales-manager", "What are the goals this year, is it mainly the new branches, and how much of that sits with this role?",
     "This role builds the numbers", "$68,000"),
    ("sales-manager", "How is the team measured?", "The headline goal", "Kevin Osei"),
    ("sales-manager", "Tell me about you.", "I've been at Cedar Ridge nine years.", "Fair question"),
    ("sales-manager", "How did you end up in this job, what did you do before, and what do you actually enjoy about it day to day?",
     "I like that the work is visible", "Monday is pipeline day"),
    ("sales-manager", "And when you and your own boss disagree, how does that usually play out?", "We argue it out in private",
     "I'm clear on what"),
    ("sales-manager", "Is there flexibility on the starting step?", "$68,000", "It's hybrid: three days"),
    ("sales-manager", "Also what training do you give in the first months?", "training budget", "In the first 90 days"),
    ("ops-vp-skeptical", "How does the owner get involved here, is it hands-off?", "Above me", "I don't know"),
    ("role:head-chef", "How does the owner get involved in the kitchen, is it hands-off?", "Above me", "food situation"),
    ("role:electrical-site-supervisor", "What's Gareth like to work for, honestly?", "You've met Gareth", "I agree priorities"),
    ("role:electrical-site-supervisor", "How does the team feel about the fixed-price contracts, honestly?",
     "complaints about snagging callbacks", "recruiter"),
    ("role:electrical-site-supervisor", "Is the van mine to take home?", "Van and fuel card provided.", "offhand"),
]


@pytest.mark.parametrize("persona_id, question, must, must_not", ROUTED)
def test_each_part_gets_the_answer_for_what_it_asks(persona_id, question, must, must_not):
    from interviewer.personas import load_persona

    p = _persona(_role(persona_id[5:])) if persona_id.startswith("role:") else load_persona(persona_id)
    heard, _ = _hear(p, question)
    said = " ".join(heard.answers)
    assert must in said and must_not not in said, said


def test_a_question_the_candidate_answers_themselves_is_not_deflected():
    p = _persona(_role("electrical-site-supervisor"))
    heard, _ = _hear(p, "Why productivity? Because the volume hasn't tripled, so something changed in how people work.")
    assert heard.answers == [] and heard.questions == 0
    heard, _ = _hear(p, "Why am I leaving? Honestly, the place is a mess.")
    assert heard.answers == []
    heard, _ = _hear(p, "Why is this role open?")  # a real "why" question is still answered
    assert heard.answers


def test_asking_what_we_meant_is_a_request_to_rephrase_not_a_question_for_hr():
    for p in [_persona(_role("head-chef"))] + all_personas()[:2]:
        heard, _ = _hear(p, "What kind of example do you mean?")
        assert heard.clarify and heard.answers == []


def test_the_role_files_in_this_repo_read_without_error_and_say_something_of_their_own():
    for f in sorted((ROOT / "personas" / "roles").glob("*.toml")):
        r = Role.model_validate(tomllib.loads(f.read_text()))
        p = _persona(r)
        if r.description:
            assert p.role_reality and p.role_reality != r.description or p.role_reality.startswith(("You'd", "We", "It's"))


def test_a_real_question_followed_by_the_reason_for_asking_is_still_answered():
    p = _persona(_role("head-chef"))
    heard, _ = _hear(p, "How does the owner get involved here, is it hands-off? Because I can't go through that again.")
    assert heard.questions and any(a.startswith("Above me") for a in heard.answers)
    heard, _ = _hear(p, "How do I get promoted here?")  # asked of us: nothing of theirs follows it
    assert heard.questions == 1


def test_a_statement_that_names_the_real_cause_is_confirmed_unasked_once():
    p = _persona(_role("food-bank-coordinator"))
    said = ("The no-show rate going up since the new scheduling app tells me volunteers never got the reminder messages, "
            "because their contact details didn't come across.")
    heard, iv = _hear(p, said)
    assert heard.lead == p.realities[0].confirm and not heard.corrected
    iv.respond(said)
    heard = iv._hear(said)
    assert heard.lead != p.realities[0].confirm  # not the same block again


def test_the_same_wrong_read_twice_gets_a_short_line_the_second_time():
    p = _persona(_role("electrical-site-supervisor"))
    wrong = "It's an effort and accountability thing, so I'd bring in individual targets. Am I in the ballpark?"
    heard, _ = _hear(p, wrong, ["Callbacks doubling means the crews got lazy - an effort problem."])
    assert heard.lead in bank.reader_lines("correct_again")


def test_a_read_revised_after_the_correction_is_not_corrected_again():
    p = _persona(_role("head-chef"))
    wrong = "Food cost like that is a staffing problem - not enough chefs and burnout. Am I in the ballpark?"
    revised = ("So if the kitchen is fully staffed since the hiring push and it's the prep on the new dishes getting binned "
               "at the end of the night, I'd cost the spring menu again. Does that sound closer?")
    heard, _ = _hear(p, revised, [wrong])
    assert not heard.corrected and heard.lead in bank.reader_lines("confirm_again")


def test_other_ways_of_writing_it_read_the_same():
    """First-person notes, a first name met earlier, a grade with figures, a stated target, a problem
    said as 'twice the chain average', a seat left open by a 'previous RA'."""
    store = _persona(Role(
        title="Store Manager", company="Fernleaf Garden Centres",
        description="Fernleaf is a family-owned chain of six garden centres. The store manager runs the Hexham site: 25 staff "
                    "in peak season, a café, and a plant nursery. Key targets are sales, shrink and staff retention.",
        first_interview_notes="The area manager, Claire Dobson, interviewed me first. She explained that shrink at Hexham is "
                              "twice the chain average, mostly plants written off because stock arrives before the staff can "
                              "water and price it, and that the last manager left after eight months. The next interview is "
                              "with Claire, who would be my line manager, and the operations director."))
    assert store.name == "Claire Dobson" and store.level == "hiring_manager"
    assert store.answers.goals.startswith("Key targets are sales, shrink and staff retention.")
    assert "twice the chain average" in store.facts["challenges"]
    assert store.facts["why_open"] == "The last manager left after eight months."
    ra = _persona(Role(title="Research Assistant", company="University of Eastbury",
                       description="Two-year post on a funded study of river microplastics. Grade 6, £33,966.",
                       first_interview_notes="The project is six months behind schedule because the previous RA left."))
    assert "grade 6" in ra.answers.compensation and "£33,966" in ra.answers.compensation and ra.pay_range == "£33,966"
    assert "previous RA left" in ra.facts["why_open"]


@pytest.mark.parametrize("notes", [
    "The bakery bins about £900 a week of unsold bread, and the ovens are fine.",
    "They lost a £40,000 contract with a café chain last spring over late deliveries.",
    "Overtime spend is running at £3,500 a month because of the gaps on the early shift.",
])
def test_money_the_place_loses_or_spends_is_never_the_pay(notes):
    from interviewer.models import Role
    from interviewer.roles import persona_for_role
    role = Role(title="Production Baker", company="Oakcrust Bakery",
                description="Early-shift baker on the bread line, 5am starts, team of six. £24,000-£26,500 plus overtime.",
                first_interview_notes=notes)
    persona = persona_for_role(role)
    assert persona.pay_range.startswith("£24,000-£26,500"), persona.pay_range
    assert "£24,000" in persona.answers.compensation and not any(x in persona.answers.compensation for x in ("£900", "£40,000", "£3,500"))


def test_pay_said_only_in_the_notes_is_still_read():
    from interviewer.models import Role
    from interviewer.roles import persona_for_role
    role = Role(title="Production Baker", company="Oakcrust Bakery", description="Early-shift baker on the bread line.",
                first_interview_notes="The ovens were replaced last year, which cost them £80,000. The post pays £25,000 a year.")
    assert persona_for_role(role).pay_range.startswith("£25,000"), persona_for_role(role).pay_range
