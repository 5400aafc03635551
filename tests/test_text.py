"""The shared text toolkit: one splitter, one normaliser, one intent reading."""

from __future__ import annotations

import pytest

from interviewer.text import normalize, read_turn, split_sentences
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
