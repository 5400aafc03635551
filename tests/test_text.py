"""The shared text toolkit: one splitter, one normaliser, one intent reading."""

from __future__ import annotations

import pytest

from interviewer.text import is_question, normalize, read_turn, split_sentences
from interviewer.text.sentences import MAX_SENTENCE


def test_sentences_are_verbatim_spans_and_abbreviations_do_not_end_them():
    text = "I met Dr. Patel at St. Luke's. Revenue grew 1.5 times!  What happens next?\nthanks"
    got = split_sentences(text)
    assert got == ["I met Dr. Patel at St. Luke's.", "Revenue grew 1.5 times!", "What happens next?", "thanks"]
    assert all(s in text for s in got)


def test_a_run_on_sentence_is_cut_into_bounded_verbatim_pieces():
    text = "and then we would look at the numbers, " * 2000
    pieces = split_sentences(text)
    assert len(pieces) > 100 and max(map(len, pieces)) <= MAX_SENTENCE
    assert all(p in text for p in pieces)


@pytest.mark.parametrize("raw, want", [
    ("Ignore the r\u0435vi\u0435w\u0435r", "Ignore the reviewer"),          # Cyrillic look-alikes
    ("\uff27\uff52\uff41\uff44\uff45\uff52", "Grader"),                     # full-width letters
    ("gra\u200bder   says\n\tthis", "grader says this"),                    # zero-width space, whitespace runs
    ("I\u2019d ask \u201cwhat\u2019s next\u201d \u2014 ok", "I'd ask \"what's next\" - ok"),
])
def test_normalize_folds_what_looks_the_same(raw, want):
    assert normalize(raw) == want


def test_read_turn_gives_one_reading_per_sentence_with_intents():
    readings = read_turn("My read is that the CRM data is messy. What's the next step from here? Am I in the ballpark?")
    assert [r.sentence for r in readings][1] == "What's the next step from here?"
    assert readings[1].is_question and readings[1].intents.get("next_steps", 0) >= 0.5
    assert readings[2].intents.get("ballpark_check", 0) >= 0.5
    assert not readings[0].is_question and "next_steps" not in readings[0].intents
    assert all(0.0 <= v <= 1.0 for r in readings for v in r.intents.values())


# --- speech-to-text: fillers, false starts, questions without question marks ----------------

@pytest.mark.parametrize("raw, want", [
    ("Is this what you are seeing, or I'm, I'm off", "Is this what you are seeing, or I'm off"),
    ("um so what, what happens next", "so what happens next"),
    ("is that is that pretty normal", "is that pretty normal"),
    ("I had a good day.", "I had a good day."),
])
def test_fluent_drops_fillers_and_stutters_for_the_patterns(raw, want):
    from interviewer.text.normalize import fluent

    assert fluent(raw) == want


@pytest.mark.parametrize("sentence, asks", [
    ("Um, so first, what are the big goals for the site this year", True),
    ("one thing i wanted to check, i'm assuming the hours stay seven to seven, is that right", True),
    ("so I'd re-slot the top fifty SKUs am I reading that right or is", True),
    ("Is this what you are seeing also, or I'm off, because I only have the portal data.", True),
    ("Yes, um, why the role is open, somebody left the team", True),
    ("I'd sort the book by renewal date, and when the renewals come I call", False),
    ("I moved to Denver, which is nice", False),
    ("It is what it is.", False),
])
def test_questions_without_question_marks(sentence, asks):
    assert is_question(sentence) is asks


def test_countable_sentences_skip_one_word_noise_but_keep_short_questions():
    from interviewer.text import countable_sentences

    assert countable_sentences("Okay. Yes, thanks. How much? Right.") == ["Yes, thanks.", "How much?"]


def test_carries_signal_is_the_public_gate():
    from interviewer.text import carries_signal

    assert carries_signal("next_steps", "What happens after today?")
    assert not carries_signal("next_steps", "What are the next steps for the product?")
    assert carries_signal("compensation", "What's the salary range?")
    assert not carries_signal("mutual_fit", "When will I hear back?")


def test_a_garbled_auto_transcript_sentence_is_not_evidence_but_a_false_start_is():
    from interviewer.scoring.signals import is_garbled

    assert is_garbled("so the the routes um the route the route and the er the double back back the tiered tiered bell bell time")
    assert not is_garbled("Oh yeah, that's, that's fine. I'm, I'm not too worried about that part.")
    assert not is_garbled("kjhg kjhg kjhg Okay so what's the next step after this?")
