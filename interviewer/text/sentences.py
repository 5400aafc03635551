"""One sentence splitter and one question test, for the judge and the interviewer alike.

Sentences are verbatim spans of the input (quotes shown to the user must be the candidate's
words). Cost is linear in the input: one pass of simple patterns, and a run-on "sentence" is cut
into bounded pieces so nothing downstream ever sees an unbounded string.
"""

from __future__ import annotations

import re

from interviewer.text.normalize import fluent, normalize

# A sentence ends at . ! ? … but not inside "1.2" or "e.g" (a full stop followed by a letter or digit).
_SENT = re.compile(r"(?:[^.!?…\n]|\.(?=\w))+(?:[.!?…]+[\"'”’)\]]*|$)|(?:[^.!?…\n]|\.(?=\w))*\n", re.M)
_ABBREVIATION = re.compile(r"(?:\b(?:St|Dr|Mr|Mrs|Ms|Mx|Jr|Sr|Prof|vs|etc|approx|Inc|Ltd|Co|No|Mt|Ave|Dept|e\.g|i\.e)|\b[A-Z])\.$")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.$k%]*", re.I)

# Speech-to-text often never ends a sentence; past this many characters a run-on is cut at a
# comma or a space, so every later pattern runs on bounded text (linear time overall).
MAX_SENTENCE = 400

_INTERROGATIVE_START = re.compile(
# Spoken acknowledgements before an unpunctuated question ("ok great so what's the timeline").
    r"^(?:(?:so|and|but|okay|ok|also|well|um+|uh+|er|like|yeah|yes|right|oh|sorry|and then|one more thing|last thing|actually|just|please|"
    r"great|cool|alright|all right|perfect|thanks|thank you|ha|haha|hmm+|mm+|m-?hm+|uh-?huh|aye|ah|och|sure|got it|good|nice|awesome|wow|fair enough|makes sense|"
    r"that helps|that makes sense|that's (?:helpful|clear)|understood)[,.!]?\s+)*"
    # "so what I'd do is ...", "how we run it is ...": a wh-word with the speaker as its subject is a statement.
    r"(?:(?:what|what's|how|how's|when|who|whom|where|why|which)\b(?!,? (?:i|i'd|i'm|i'll|i've|we|we'd|we're|we'll)\b)|"
    r"(?:is|are|am|do|does|did|could|can|would|will|should|have|has|may|might|was|were|isn't|aren't|don't|doesn't)\b)",
    re.I,
)
# Requests phrased as statements still ask something of the interviewer.
_INDIRECT_QUESTION = re.compile(
    r"\b(?:i was wondering|i'?m wondering|i wonder|i'?d (?:love|like) to (?:know|hear(?! back| from)|understand|ask)|"
    r"^\W*(?:(?:so|and|um+|just|also)\W+)*wondering (?:if|whether|what|when|how|who)|i (?:just )?want(?:ed)? to (?:ask|check) (?:about|if|whether|what|when|how|who)|"
    r"i'?m curious|i am curious|curious (?:about|what|how|whether|if)|can you (?:tell|walk|share|talk|say)|"
    r"could you (?:tell|walk|share|talk|say)|tell me (?:about|more|how|what|where|if|whether)|"
    r"please (?:tell|correct|let me know)|let me know (?:if|whether|where)|correct me if|help me understand|"
    r"i'?d be curious|i'?d be interested to (?:know|hear)|walk me through)\b",
    re.I,
)


# Unpunctuated speech often asks after a lead-in ("Um, so first, what are the goals ...",
# "one thing I wanted to check, I'm assuming X, is that right"): a clause after a comma that
# opens with a question word or an inverted "is that / do you / am I" asks something. Relative
# "which" and bare auxiliaries ("..., is where") are left out: mid-sentence they are statements.
_CLAUSE_QUESTION = re.compile(
    r",\s+(?:(?:and|so|but|or|like|um+|uh+|just|then)[,]?\s+)*"
    r"(?:what's|how's|(?:what|how|when|who|where|why) (?:is|are|was|were|do|does|did|would|will|can|could|should|happens|"
    r"kind|long|many|much|often|else)|"
    r"(?:is|was|does|did|do|are|am|have|can|could|would|will) (?:that|this|it|you|i|there|we|my|any of that|all of that))\b"
    # "... the lunch spike am I reading that right or is": a checking inversion needs no comma.
    r"|\bam i (?:reading|seeing|understanding|right|wrong|off|missing|close|on (?:track|the right track))\b"
    r"|\b(?:would|is|does) (?:that|this) (?:be )?(?:fair|accurate|correct|right(?! now| away| here| there)|match|sound right|line up)\b"
    # "and um after today what's the next bit on your side": a short lead-in, then the question.
    r"|^(?:\W*(?:and|so|um+|uh+|ok|okay)\W+)*(?:after|for|on|about|from|in|with|regarding|before) (?:[\w']+ ){0,3}?"
    r"(?:what's|what (?:is|are|happens)|how (?:does|do|is|long|soon)|when (?:will|would|do|does|is|are)|who (?:will|would|do|does|is))\b",
    re.I,
)
# A full stop after "Is this what you're seeing, or am I off." is transcription, not a statement.
_INVERTED_CHECK = re.compile(
    r"^(?:(?:so|and|but|okay|ok|yes|yeah|um+|uh+|just)[,.]?\s+)*"
    r"(?:is|are|am|does|did|do|have|has) (?:this|that|it|i|any of (?:this|that)|my \w+) ", re.I)


_WH_ASKS = re.compile(
    r"^(?:(?:so|and|but|okay|ok|also|well|yeah|yes|right|oh|actually|just|great|alright|thanks|thank you)[,.]?\s+)*"
    r"(?:what's|where's|how's|(?:what|where|how|when|who|which) (?:is|are|was|were|do|does|did|would|will|can|could|should)\b)"
    r"(?! (?:interesting|clear|important|striking|funny|hard|tricky|nice|great|key|needed|missing|working)\b)", re.I)
_WH_CLAUSE = re.compile(r",\s+(?:(?:and|so|but|or|like)[,]?\s+)*(?:what|where|how|when|who) (?:is|are|does|do|would|will)\b", re.I)


def _bounded(chunk: str) -> list[str]:
    if len(chunk) <= MAX_SENTENCE:
        return [chunk]
    out, start = [], 0
    while len(chunk) - start > MAX_SENTENCE:
        window = chunk[start : start + MAX_SENTENCE]
        cut = max(window.rfind(", "), window.rfind("; "))
        if cut < MAX_SENTENCE // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut >= MAX_SENTENCE // 4 else MAX_SENTENCE
        out.append(chunk[start : start + cut])
        start += cut
    out.append(chunk[start:])
    return out


def split_sentences(text: str) -> list[str]:
    """Sentences as verbatim, stripped spans of `text`; "St. Luke's" or "Dr. Patel" does not end one."""
    merged: list[str] = []
    for m in _SENT.finditer(text):
        piece = m.group(0)
        if not piece.strip():
            continue
        if merged and not merged[-1].endswith("\n") and _ABBREVIATION.search(merged[-1].rstrip()[-8:]):
            merged[-1] += piece
        else:
            merged.append(piece)
    return [p.strip() for chunk in merged for p in _bounded(chunk) if p.strip()]


def opens_as_question(sentence: str) -> bool:
    """Starts with a question word or an inverted verb ("What ...", "So, do you ..."), not a bare
    phrase ("Your management style?"), which is usually the interviewer's question said back."""
    return bool(_INTERROGATIVE_START.match(normalize(sentence)))


def countable_sentences(text: str) -> list[str]:
    """The sentences that can carry meaning: at least two words, or a question mark."""
    return [c for c in split_sentences(text) if len(WORD.findall(c)) >= 2 or "?" in c]


def words(text: str) -> list[str]:
    return WORD.findall(text)


# A polite address before the question ("sir, what are the targets", "ma'am how do you measure").
_VOCATIVE = re.compile(r"^((?:(?:ok|okay|so|and|well|yes|ah|oh)\W+)*)(?:ma'?am|sir|madam|boss)\b[,.]?\s*", re.I)


# Spoken and non-native questions often put the topic first: "and the front office how it help with
# this", "the other keepers what are they like". Relative clauses ("the part where it breaks") are not this.
_TOPIC_FIRST = re.compile(
    r"^\W*(?:(?:and|so|but|also|ok|okay)\W+)*(?:the|this|my|that|your|our) [\w' -]{1,30}? "
    r"(?:how (?:it|they|he|she|would|will|does|do|is|are|can|did)|what (?:are|is|do|does|would|will|did))\b", re.I)


def topic_first_question(sentence: str) -> bool:
    """A question with its topic said first ("and the QA lead how it help with this")."""
    return bool(_TOPIC_FIRST.match(fluent(sentence)))


def is_question(sentence: str) -> bool:
    """Asks something: a question mark, an indirect question, or (unpunctuated speech) question words."""
    s = fluent(sentence)  # "Am I, am I way off base ..." asks like "Am I way off base ..."
    s = _VOCATIVE.sub(r"\1", s)  # "ma'am what does a good first year look like" asks like "what does ..."
    if s.endswith("?") or s.endswith('?"'):
        return True
    if s.endswith("."):
        # A full stop usually settles it, except for indirect questions ("I'm curious how ..."), and
        # a wh-word with its verb ("What are the goals this year, and how does the role feed into
        # that.") that transcribers and non-native writers close with a full stop.
        return bool(_INDIRECT_QUESTION.search(s) or _INVERTED_CHECK.match(s) or _WH_ASKS.match(s) or _WH_CLAUSE.search(s))
    # No punctuation at all is common in machine transcripts: judge by the opening words, or a
    # question clause after a spoken lead-in.
    return bool(_INTERROGATIVE_START.match(s) or _INDIRECT_QUESTION.search(s) or _CLAUSE_QUESTION.search(s) or _TOPIC_FIRST.match(s))
