"""Wording helpers shared by the report, the coach, prep and history: the role and company as
natural phrases, a candidate's sentence turned into a clause, and light punctuation tidying.
Public and small, so nothing outside the scorer has to import the scorer's feedback module."""

from __future__ import annotations

import re

from interviewer import prompts

_I_WORD = re.compile(r"^(?:I|I'[a-z]+|I’[a-z]+)$")
_FILLER = re.compile(r"^(?:(?:so|and|but|well|honestly|okay|ok|yeah|um|uh)[,]?\s+)+", re.I)
# "So my read is that X" -> "X": the line supplies its own "my read is that".
_READ_OPENER = re.compile(r"^(?:i think|i feel like|my read is|my sense is|my guess is|it seems like|it seems|the way i see it,?|"
                          r"as i see it,?|from what i(?:'ve| have) seen,?)\s+(?:that\s+)?", re.I)
_LOWER_I = re.compile(r"(?<![\w'’])i(?=(?:['’](?:m|d|ll|ve))?(?![\w'’]))")
# "The CRM ..." starts a sentence, not a name.
_DETERMINERS = set("the a an this that these those our my your their its his her every each some most".split())


def _words() -> dict[str, str]:
    return prompts.data("feedback.toml")


def role_values(context: dict[str, str]) -> dict[str, str]:
    """The role and company as phrases that read naturally whether or not the user named them."""
    w = _words()
    title = (context.get("role_title") or "").strip()
    company = (context.get("company") or "").strip()
    return {
        "role_title": title, "company": company,
        "the_role": prompts.fill(w["the_role"], role_title=title) if title else w["this_role"],
        "at_company": prompts.fill(w["at_company"], company=company) if company else "",
        "the_team": prompts.fill(w["the_team"], company=company) if company else w["the_team_default"],
        "roles_like_this": prompts.fill(w["roles_like_this"], role_title=title) if title else w["roles_like_this_default"],
    }


def tidy(text: str) -> str:
    """No doubled punctuation after a quote or an ellipsis, no stray spaces before a stop."""
    t = " ".join(text.split())
    t = re.sub(r"\s+([.,;:!?])", r"\1", t)
    t = re.sub(r"([.!?…])([”\"’']?)\.+", r"\1\2", t)
    t = re.sub(r"([.!?…])([”\"’']?)[,;:]", r"\1\2", t)
    return t


def as_clause(text: str) -> str:
    """The candidate's sentence as a clause inside a longer one: no opening filler or final stop;
    the first word lowercased unless it is "I" (or I'd, I'm ...), an acronym or part of a name."""
    t = _READ_OPENER.sub("", _FILLER.sub("", " ".join(text.split()))).rstrip(" .!?;:…")
    t = _LOWER_I.sub("I", t)
    words = t.split(" ", 2)
    first = words[0] if t else ""
    # Kept as written: "I", acronyms (CRM), inner capitals (PowerBI) and names ("Power BI", "Cedar Ridge").
    keep = (not first or _I_WORD.match(first) or first[:2].isupper() or any(ch.isupper() for ch in first[1:])
            or (len(words) > 1 and words[1][:1].isupper() and not _I_WORD.match(words[1])
                and first.lower() not in _DETERMINERS))
    return t if keep else t[:1].lower() + t[1:]

