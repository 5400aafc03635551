"""Guessing a role's family from its title (and, when the title is unsure, its description).

The table holds titles a user might type for every family, the ones that used to go wrong ("Data
Analyst" was finance, every "Officer" public sector), and titles that should abstain to `general`
because they don't say the field. The weights live in prompts/role_families.toml."""

from __future__ import annotations

import pytest

from interviewer.roles import families, guess_family

# (title, description, expected family)
TABLE = [
    # healthcare
    ("Charge Nurse", "", "healthcare"),
    ("Registered Nurse, Night Shift", "", "healthcare"),
    ("Physical Therapist", "", "healthcare"),
    ("Clinical Pharmacist", "", "healthcare"),
    ("Medical Receptionist", "", "healthcare"),
    ("Care Assistant", "", "healthcare"),
    ("Nurse Manager, Intensive Care Unit", "", "healthcare"),
    ("Mental Health Counselor", "", "healthcare"),
    # engineering
    ("Backend Engineer", "", "engineering"),
    ("Senior Software Developer", "", "engineering"),
    ("Site Reliability Engineer", "", "engineering"),
    ("Data Engineer", "", "engineering"),
    ("QA Automation Engineer", "", "engineering"),
    ("Information Security Officer", "", "engineering"),
    ("Full-Stack Developer", "", "engineering"),
    # operations
    ("Warehouse Lead", "", "operations"),
    ("Logistics Coordinator", "", "operations"),
    ("Plant Manager", "", "operations"),
    ("Security Officer", "", "operations"),
    ("Maintenance Technician", "", "operations"),
    ("Supply Chain Analyst", "", "operations"),
    ("Shift Supervisor, Distribution Centre", "", "operations"),
    ("Facilities Manager", "", "operations"),
    ("Delivery Driver", "", "operations"),
    ("Operations Analyst", "", "operations"),
    # sales
    ("Account Executive", "", "sales"),
    ("Chief Marketing Officer", "", "sales"),
    ("Business Development Representative", "", "sales"),
    ("Customer Success Manager", "", "sales"),
    ("Retail Store Manager", "", "sales"),
    ("Inside Sales Rep", "", "sales"),
    ("Sales Operations Manager", "", "sales"),
    # education
    ("Grade 7 Math Teacher", "", "education"),
    ("School Principal", "", "education"),
    ("University Lecturer in Chemistry", "", "education"),
    ("Special Education Teaching Assistant", "", "education"),
    ("Curriculum Developer", "", "education"),
    ("School Counselor", "", "education"),
    ("Head of Year", "", "education"),
    # finance
    ("Senior Accountant", "", "finance"),
    ("Loan Officer", "", "finance"),
    ("Financial Analyst", "", "finance"),
    ("Payroll Specialist", "", "finance"),
    ("Internal Auditor", "", "finance"),
    ("Chief Financial Officer", "", "finance"),
    ("Tax Manager", "", "finance"),
    ("Bank Teller", "", "finance"),
    # public sector
    ("City Policy Officer", "", "public_sector"),
    ("Police Officer", "", "public_sector"),
    ("Caseworker", "", "public_sector"),
    ("Social Worker, County Children's Services", "", "public_sector"),
    ("Probation Officer", "", "public_sector"),
    ("Program Manager, Department of Transportation", "", "public_sector"),
    ("Firefighter", "", "public_sector"),
    # unsure: the title doesn't say the field, so the neutral defaults
    ("Data Analyst", "", "general"),
    ("Business Analyst", "", "general"),
    ("Officer", "", "general"),
    ("Project Manager", "", "general"),
    ("Executive Assistant", "", "general"),
    ("Pastry Chef", "", "general"),
    ("Nurse Engineer", "", "general"),  # two fields at once: neither wins
    ("Analyst", "", "general"),
    ("HR Manager", "", "general"),
    ("Chief Operating Officer", "", "general"),
    # the description decides when the title can't
    ("Data Analyst", "Reporting on patient outcomes for the hospital's wards.", "healthcare"),
    ("Data Analyst", "Analysing leak and billing data for the county water utility.", "public_sector"),
    ("Coordinator", "Scheduling deliveries and keeping inventory straight in the warehouse.", "operations"),
    ("Analyst", "Month-end close, variance analysis and the audit file for the finance team.", "finance"),
    # ... but never over a title that is sure
    ("Software Engineer", "Building tools for nurses and doctors at a busy hospital.", "engineering"),
    ("Maths Teacher", "Our school sits in the county's public sector; we budget carefully.", "education"),
    # and a description that says nothing stays unsure
    ("Coordinator", "You will take care of the team and account for the budget.", "general"),
]


def test_the_table_covers_every_family():
    assert len(TABLE) >= 40
    assert {want for _, _, want in TABLE} == set(families())


@pytest.mark.parametrize(("title", "description", "want"), TABLE)
def test_guess_family(title, description, want):
    assert guess_family(title, description) == want


def test_whole_words_only():
    # "care" is not inside "career", "tax" not inside "taxonomy", "sre" not inside "measure"
    assert guess_family("Career Taxonomy Measurer") == "general"
    assert guess_family("Nurses") == "healthcare"  # a plural is its singular


def test_a_long_description_counts_each_phrase_once():
    # 6,000 repeats of one weak hint ("billing", weight 1) stay one weak hint: still unsure
    assert guess_family("Coordinator", "billing questions come in all day. " * 6000) == "general"
    # while two distinct strong phrases decide
    assert guess_family("Coordinator", "billing questions come in all day. " * 6000 + "Payroll and the audit.") == "finance"
