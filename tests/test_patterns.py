"""Every named phrase pattern (prompts/patterns/*.toml) against its own example sentences,
as presidio recognisers and spaCy matcher tests do: each must match its positives and none
of its negatives. A pattern edit that breaks its documented intent fails here by name."""

from __future__ import annotations

import pytest

from interviewer.text.phrases import phrase, tables

PATTERNS = {name: t for name, t in tables().items() if "alternatives" in t}
CASES = [(name, s, True) for name, t in PATTERNS.items() for s in t.get("matches", [])] + [
    (name, s, False) for name, t in PATTERNS.items() for s in t.get("does_not_match", [])]


def test_every_pattern_documents_itself_with_examples_both_ways():
    for name, t in PATTERNS.items():
        assert t.get("about"), name
        assert t["alternatives"], name
        assert t.get("matches") and t.get("does_not_match"), f"{name}: needs positive and negative examples"


@pytest.mark.parametrize("name, sentence, should", CASES, ids=[f"{n}:{'+' if w else '-'}{s[:40]}" for n, s, w in CASES])
def test_pattern_example(name, sentence, should):
    rx = phrase(name)  # as the judge uses it: on normalised text
    found = rx.match(sentence) if PATTERNS[name].get("anchored") else rx.search(sentence)
    assert bool(found) == should, f"{name} {'should' if should else 'should not'} match {sentence!r} (got {found})"
