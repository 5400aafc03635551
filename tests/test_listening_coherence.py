"""What the interviewer says back is a clean clause it could say, and its next question follows from
what the candidate said (issue 11, the classes of the round-6 blind read: mangled echoes, non
sequiturs, conduct). Turns are invented here - a print shop, a kennels, a ferry - not taken from any
candidate file. The real dialogue, templates only (no model)."""

from __future__ import annotations

import re

import pytest

from dialogue_steps import at_stage
from interviewer import guards, listening

# --- mangled echoes: a clause stops where the candidate's did ------------------------------------


@pytest.mark.parametrize("turn", [
    "Honestly I'd never manage a press room like that.",            # "like that" is not "like"
    "Then I'd rebuild the Monday schedule around that, and keep the reprints apart.",  # not "around"
    "I'd put the new starters next to the old hands on the folders and watch the waste figure over the first month with them.",
])
def test_a_plan_said_back_is_never_cut_mid_phrase(turn):
    c = listening.contents(turn)
    if c.plan and listening.echo_ok(c.plan, turn):
        said = c.plan.split()
        assert said[-1].lower() not in {"like", "around", "with", "against", "the", "of", "to", "and"}, c.plan
        assert re.search(r"(?:^|\s)" + re.escape(said[-1]) + r"(?:[.,;!?]|\s+(?:and|but|so|because)\b|$)",
                         turn.replace("I'd", "you'd")), c.plan


def test_a_plan_that_only_points_at_what_we_said_is_not_echoed():
    turn = "Yeah, fair. I'll take that on board. I don't want to sound negative about my current place."
    c = listening.contents(turn)
    assert not listening.echo_ok(c.plan, turn)
    iv = at_stage("probe", "sales-manager")
    reply = iv.respond(turn).text
    assert "take that on board" not in reply, reply


def test_a_figure_clause_spoken_to_us_is_not_said_back_in_their_voice():
    turn = "To me it's a staffing problem. You've got 30 per cent of the kennel hands on zero hours, and they never stay."
    iv = at_stage("vision", "ops-vp-skeptical")
    reply = iv.respond(turn).text
    assert not re.search(r"\bYou've got 30 per cent\b", reply), reply


def test_their_hypothesis_or_wish_is_never_said_back_as_ours():
    for turn, fig in [
        ("If it's really the ticket machines at gate 3 that slow the boarding, that's better news - it's fixable in a week.", "gate 3"),
        ("If I've got the wrong end of it, I'd much rather hear it today than find out six weeks in.", "six weeks"),
        ("If I were in your shoes I'd cut the late sailings to 4 a night.", "4 a night"),
    ]:
        phrase = listening.figure_phrase(turn, fig)
        assert not (phrase and listening.echo_ok(phrase, turn, need_verb=True)), phrase


def test_a_fragment_without_a_subject_is_not_said_back_after_so():
    for turn, fig in [
        ("I'd ride with the drivers. And get that 9% absence down, because short crews cut corners.", "9%"),
        ("worked in a print shop for six year before this", "six year"),
        ("The jams come from the old folder - forty minutes a day when it should be ten.", "forty minutes"),
    ]:
        phrase = listening.figure_phrase(turn, fig)
        assert not (phrase and listening.echo_ok(phrase, turn, need_verb=True)), phrase
    # a clause with its own subject still is
    turn = "At the last shop we cut reprints from 40 a week to 12 by checking proofs at 7am."
    phrase = listening.figure_phrase(turn, "40 a week")
    assert phrase and listening.echo_ok(phrase, turn, need_verb=True), phrase


def test_two_clauses_from_different_sentences_are_never_spliced_with_and():
    iv = at_stage("probe", "finance-controller")
    turn = ("At my last firm I had a ledger of about 300 suppliers. Over about six months the number of invoices "
            "paid late went from 40 to 9.")
    reply = iv.respond(turn).text
    assert not re.search(r"\band [A-Z][a-z]+ about\b", reply), reply
    assert not re.search(r"300 suppliers and", reply), reply
    assert "40 to 9" in reply or "300 suppliers" in reply, reply  # one of their figures, in its own clause


def test_an_opinion_tacked_on_with_so_is_not_said_back():
    iv = at_stage("probe", "sales-manager")
    reply = iv.respond("I've not done sales ops, but I've done admin for four years so it's basically the same thing.").text
    assert "basically the same" not in reply, reply


def test_a_read_about_themselves_is_not_said_back_as_a_read_of_the_role():
    turn = "I think I'd be really good at it because I like people and I love books."
    assert listening.contents(turn).read == ""
