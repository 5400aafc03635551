"""What a candidate turn contains (a number, a plan, a story, a read, a vague or one-word answer,
a rude remark), the persona reality it touches, and the listening templates filled with the
candidate's own words (prompts/listening.toml). Also the meaning check a model-written reaction
must pass before it is shown. No model calls, no plan logic."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from interviewer import prompts
from interviewer.bank import keyword_pattern
from interviewer.models import Persona, Reality


@cache
def data() -> dict:
    return prompts.data("listening.toml")


@cache
def _rx(section: str, key: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in data()[section][key]), re.I)


def tone_options(section: dict, tone: str) -> list[str]:
    return list(section.get(tone) or section.get("neutral") or [])


# --- what a turn contains ----------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z0-9'$%]+")
# Spoken numbers read whole: "twenty-five minutes" is 25 minutes, never "five minutes".
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_NUM_WORD = (rf"(?<![\w-])(?:{_TENS}(?:[- ]{_ONES}\b)?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
             rf"|eighteen|nineteen|(?!one\b){_ONES}|a hundred)")
_UNIT = r"(?:an hour|per hour|a year|per year|days?|weeks?|months?|years?|hours?|minutes?|people|percent|branches|sites|clients|customers|patients|students|staff)"
_FIGURE = re.compile(
    rf"(?:\b(?:the first|first|the next|the last)\s+)?"
    rf"(?:(?:(?:\$|£|€)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|K|thousand|million|billion)\b)?|\b\d[\d,]*(?:\.\d+)?(?:\s?(?:k|K)\b|%|\s?percent\b|\s?thousand\b|\s?million\b|\s?billion\b)?)"
    rf"(?:\s+{_UNIT}\b)?(?!\s?\(k\))|\b{_NUM_WORD}(?:\s(?:to|or|and)\s{_NUM_WORD})?\s+{_UNIT}\b)",
    re.I,
)
_TIMEFRAME = re.compile(r"\b(?:days?|weeks?|months?)$", re.I)
_NOT_ACTION = set("be love like say think guess imagine hope need rather appreciate bet assume expect feel enjoy know hear want "
                  "welcome glad happy excited keen thrilled panic worry struggle freak stress".split())
_SWAP = {"i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "i'm": "you're", "i've": "you've",
         "i'll": "you'll", "i'd": "you'd", "your": "our", "yours": "ours", "am": "are",
         "we": "you", "we're": "you're", "we've": "you've", "we'd": "you'd", "our": "your", "us": "you"}
_READ = re.compile(r"^(?:so\s+)?(?:my (?:read|sense|guess|impression|take) is (?:that )?|i think (?:that )?|i imagine (?:that )?|i'?d guess (?:that )?|"
                   r"i suspect (?:that )?|i get the (?:sense|impression) (?:that )?|it seems (?:like |that )?|it looks like )", re.I)


@dataclass
class TurnContent:
    words: int
    figures: list[str] = field(default_factory=list)
    plan: str = ""
    where: str = ""
    read: str = ""
    vague: bool = False
    one_word: bool = False
    rude: bool = False
    story: bool = False
    offtopic: bool = False
    greeting: bool = False
    generic: bool = False  # a stock phrase ("team player", "I'd figure it out"), not just a short answer
    awkward: bool = False  # full of nervous filler ("sorry", "um", "anyway")
    rant: bool = False  # venting about their current employer
    deference: bool = False  # flattery or "you'd know better" instead of an answer
    assent: bool = False  # only "okay, that makes sense" or thanks: nothing of their own to pick up

    @property
    def kind(self) -> str:
        """The reaction template this turn calls for, most telling first."""
        if self.rude:
            return "rude"
        if self.offtopic:
            return "offtopic"
        if self.figures:
            return "timeframe" if all(_TIMEFRAME.search(f) for f in self.figures) else "number"
        if self.one_word:
            return "one_word"
        if self.vague:
            return "vague"
        if self.story and self.where:
            return "story"
        if self.plan:
            return "plan"
        if self.read:
            return "read"
        return "default"

    @property
    def empty(self) -> bool:
        """Nothing in it to praise."""
        return self.vague or self.one_word or self.rude or self.offtopic or self.words < 5


def _second_person(text: str) -> str:
    return " ".join(_SWAP.get(w.lower(), w) for w in text.split())


_ADVERBS = set("much actually really probably just also definitely certainly honestly happily still then first".split())
# "If I am wrong about the backwash, I prefer to know it now": asking to be told, nothing to pick up.
_IF_WRONG = re.compile(r"^\W*(?:and |but |so )?(?:sorry )?if (?:i'?m|i am|i'?ve got (?:that|it)|i have (?:that|it)|i got (?:that|it)|i'?m completely) (?:wrong|off)\b", re.I)

_TRAILING = set("and or the a an to of in on with for at that so if than as by from into "
                "my your our their its is are was be probably maybe perhaps really just actually um uh well "
                "basically honestly obviously".split())


def _clause(text: str, limit: int) -> str:
    """The opening clause of a phrase, at most `limit` words, without trailing filler."""
    text = re.split(r"[,;:.!?()]|\s[-–—]\s|\b(?:because|so that|since|which|but|and then)\b", text, maxsplit=1)[0]
    ws = text.split()
    if len(ws) > limit:  # too long to say back whole: up to its last "and" rather than mid-phrase ("... label against")
        ands = [i for i, w in enumerate(ws[:limit]) if w.lower() == "and" and i >= 4]
        ws = ws[: ands[-1]] if ands else ws[:limit]
    while ws and ws[-1].lower() in _TRAILING:
        ws.pop()
    return " ".join(ws)


def figures(text: str) -> list[str]:
    seen: list[str] = []
    for m in _FIGURE.finditer(text):
        f = m.group(0).strip().rstrip(",")  # "$70,000, depending on the bonus"
        if re.match(r"\d|\s?\(k\)", text[m.end():], re.I):
            continue  # part of a longer token ("401(k)")
        digits = re.sub(r"\D", "", f)
        if digits and len(digits) == 4 and 1900 <= int(digits) <= 2100 and not re.search(r"[$%k]", f, re.I):
            continue  # a year, not a figure
        if digits and int(digits) < 2 and not re.search(r"[$%]", f):
            continue  # "1" and "0" are rarely figures worth repeating
        if re.fullmatch(r"(?:a|one) hundred (?:percent|per cent)|a hundred and ten percent", f, re.I):
            continue  # "Yes, a hundred percent." agrees; it measures nothing
        if re.match(r"first\b", f, re.I):
            f = "the " + f[0].lower() + f[1:]  # "in my first 90 days" is acknowledged as "the first 90 days"
        elif re.match(r"the\b", f, re.I):
            f = "the" + f[3:]  # "The first three months, I'd..." is quoted mid-sentence
        if f.lower() not in (s.lower() for s in seen):
            seen.append(f)
    return seen


def contents(text: str) -> TurnContent:
    ws = _WORD.findall(text)
    c = TurnContent(words=len(ws))
    c.figures = figures(text)
    c.one_word = len(ws) <= 2
    specific = [w for w in ws if len(w) >= 5 and w.lower() not in generic_words()]
    c.awkward = len(_rx("contains", "awkward").findall(text)) >= 3
    c.rant = bool(_rx("contains", "rant").search(text))
    c.rude = _rude(text, c)
    flattery, platitude = (re.compile(p, re.I) for p in data()["contains"]["deference"])
    c.deference = bool(flattery.search(text))
    c.generic = bool(_rx("contains", "vague").search(text)) or (len(ws) < 12 and bool(_rx("contains", "hedge").search(text))) \
        or (c.deference and len(ws) < 40) or (len(ws) < 25 and bool(platitude.search(text)))
    c.vague = c.generic or (3 <= len(ws) < 12 and len(specific) <= 1)
    for m in _rx("contains", "plan").finditer(text):
        if re.search(r"\b(?:what|where|how|which|who|whatever|whoever|the (?:person|people|one|ones))\s*$", text[: m.start()], re.I):
            continue  # "it changes what I'd look at first", "the person I'd be working for": not a plan
        rest = _clause(text[m.end():], 14)
        verbs = [w for w in rest.split() if w.lower() not in _ADVERBS]  # "I'd much rather know": the verb is "rather"
        first = verbs[0].lower() if verbs else ""
        second = rest.split()[1].lower() if len(rest.split()) > 1 else ""
        if second in {"is", "was", "are", "would", "will"}:
            continue  # "the first thing I'd check is how ..." names a plan, it doesn't state one
        if len(rest.split()) >= 3 and first not in _NOT_ACTION and not re.search(r"\b(?:you|we|us)\b", rest, re.I):
            c.plan = _second_person(rest)
            break
    c.story = bool(_rx("contains", "story").search(text))
    if m := _rx("contains", "where").search(text):
        c.where = "your " + m.group(1).lower()
    for s in re.split(r"(?<=[.!?])\s+", text.strip()):
        if re.match(r"(?:so\s+)?i think that(?:'s| is| was| \w+s)\b", s, re.I):
            continue  # "I think that comes through in the classroom": "that" is the subject, not a read
        if m := _READ.match(s):
            read = _clause(s[m.end():], 14)
            # "I think that comes through in the classroom" says nothing about the role: no read to echo
            if len(read.split()) >= 4 and not re.search(r"\b(?:you|we)\b", read, re.I) \
                    and not re.match(r"(?:that|it|this|they|those|these|i|i'd|i'm|i'll|i've|me|my)\b", read, re.I):
                # ("I think I'd be good at it" is about them, not a read of the role)
                c.read = _second_person(read)
                break
    c.assent = c.words <= 25 and not c.figures and all(
        re.match(data()["contains"]["assent"], s, re.I) or _IF_WRONG.search(s) for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s)
    if c.assent:
        c.plan = c.read = ""  # "I'd rather know that now" is not a plan
    c.greeting = bool(_rx("contains", "greeting").search(text))
    c.offtopic = bool(_rx("contains", "offtopic").search(text)) and not (c.plan or c.read or estimate_figures(c.figures))
    return c


# Words that are rude about the interview, but not when a nervous candidate says them of themselves
# or a ranting one of their current boss ("management is useless" is a red flag, not an insult to us).
_MILD_RUDE = re.compile(r"\b(?:obviously|stupid|dumb|ridiculous|useless|idiot|pointless|so slow|this slow|seriously\?|don't care|who cares)", re.I)


def _rude(text: str, c: TurnContent) -> bool:
    found = [m.group(0) for p in data()["contains"]["rude"] for m in re.finditer(p, text, re.I)]
    if not found:
        return False
    nervous = c.awkward or len(_rx("contains", "awkward").findall(text)) >= 2 or bool(re.search(r"\bnervous\b", text, re.I))
    if (nervous or c.rant) and all(_MILD_RUDE.match(f) for f in found):
        return False
    return True


_DANGLING = set("you i we they he she it have has had will would can could do did does am were been being get got "
                "need want you'd you've you're i'd i've i'm".split())
_CLAUSE_CUT = re.compile(r"[,;:()]|\s[-–—]\s|\b(?:because|so that|which|but|and then|whereas|although|tells? (?:me|us)|says to me|means)\b"
                         r"|\bso (?=(?:it|it's|i|i'm|we|they|that|that's|this|you|he|she|there)\b)", re.I)
_LEAD_FILLER = re.compile(r"^(?:(?:so|and|but|then|well|honestly|um+|uh+|oh|like|yeah|okay|ok|sure|i mean|also|plus|now)\b[\s,]*)+", re.I)


def figure_phrase(text: str, fig: str, limit: int = 22) -> str:
    """The candidate's own words around a figure, in the interviewer's voice ("release going from
    five days to nine since line two opened", "you've run kitchens for eighteen years"), so a figure
    is acknowledged in the sense it has in their sentence, never as a bare "five days - noted"."""
    if fig.lower().startswith("the ") and fig.lower() not in text.lower():
        fig = fig[4:]  # "the first 30 days" was said as "my first 30 days"
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        at = sentence.lower().find(fig.lower())
        if at < 0:
            continue
        start = 0
        for m in _CLAUSE_CUT.finditer(sentence):
            if m.end() <= at:
                start = m.end()
        cuts = [m for m in _CLAUSE_CUT.finditer(sentence, at + len(fig))]
        end = cuts[0].start() if cuts else len(sentence)
        if re.match(r"\W*(?:if|when|once)\b", _LEAD_FILLER.sub("", sentence[start:at].strip()), re.I) and cuts \
                and cuts[0].group(0) == "," and len(cuts) > 1 \
                and not re.search(r"\b(?:i|we|i'd|we'd|i'll|we'll)\b", sentence[at:cuts[0].start()], re.I):
            end = cuts[1].start()  # "if two staff call in sick, I call the bank first": the scenario with what they'd do
        clause = sentence[start:end].strip().rstrip(".!?")
        if re.search(r",[^,]{0,25}$", clause) and len(clause.rsplit(",", 1)[1].split()) < 4:
            clause = clause.rsplit(",", 1)[0]  # "..., then I" cut off mid-thought: stop at the comma
        clause = _LEAD_FILLER.sub("", clause).strip()
        words = clause.split()
        if len(words) > limit:  # the clause's opening, or a window around the figure when it comes late
            i = len(clause[: clause.lower().find(fig.lower())].split())
            lo = 0 if i + len(fig.split()) <= limit else max(0, min(i - 5, len(words) - limit))
            starts = [j + 1 for j in range(lo, i) if words[j].lower() in ("and", "but", "so", "then", "because", "which", "while")]
            if lo and starts:
                lo = starts[-1]  # start at the beginning of a thought, not mid-phrase ("of missed treatments...")
            cut_end = lo + limit < len(words)
            full, words = words, words[lo: lo + limit]
            ends = [j for j in range(lo + limit, min(len(full), lo + limit + 4))
                    if full[j].lower() in ("and", "but", "so", "then", "because", "which", "while")]
            if cut_end and ends:  # a few words more reach the end of the thought
                words, cut_end = full[lo: ends[0]], False
            if cut_end:  # cut mid-thought ("... would look like and I have"): back to a word that can end it
                keep = len(" ".join(words)[: " ".join(words).lower().find(fig.lower()) + len(fig)].split())
                while len(words) > keep and (words[-1].lower().strip(",;:-") in _TRAILING | _DANGLING):
                    words.pop()
                conj = [j for j in range(keep, len(words)) if words[j].lower() in ("and", "but", "so", "then", "because")]
                if conj:
                    words = words[: conj[-1]]
        while words and (words[-1].lower().strip(",;:-") in _TRAILING or not words[-1].strip(",;:-")):
            words.pop()
        phrase = " ".join(words).rstrip(",;:- ")
        if fig.lower() not in phrase.lower():
            return ""
        return _second_person(phrase)
    return ""


_VERBISH = re.compile(r"\b(?:you\w*|i|we|they|it|he|she|is|are|was|were|has|have|had|do|did|does|get|got|go|went|take|took|make|made|"
                      r"run|ran|cut|put|set|keep|kept|\w{2,}ed|\w{2,}ing)\b", re.I)
_BROKEN_WORDS = re.compile(r"\b(?:sorry|um+|uh+|er|erm|you know|i mean|thats|ive|im|dont|youre|its a|theres|cant|wont|didnt|id)\b", re.I)
_DANGLING_END = re.compile(r"\b(?:at|on|in|to|for|with|of|from|by|about|into|than|as|like|around|without|between|through|against|across|behind|under|within|towards?|onto|per|via|during|the|a|an|and|or)$", re.I)


def unpunctuated(text: str) -> bool:
    """Speech-to-text run-on ("so um ive been thinking about it a lot actually since i met sue and ..."):
    a clause cut out of it rarely reads as a sentence, so it is not said back."""
    words = len(_WORD.findall(text))
    marks = len(re.findall(r"[.!?]+(?:\s|$)", text.strip()))
    bare = not re.search(r"[,;:'’()]|\s[-–—]\s", text)  # no commas, no apostrophes: dictated, not typed
    lower = text.strip()[:1].islower()
    return words >= 20 and ((bare and marks <= 2 and (lower or words >= 40)) or words / max(marks, 1) > 50)


def echo_ok(phrase: str, text: str, need_verb: bool = False) -> bool:
    """Whether a clause of the candidate's may be said back to them: from a punctuated turn, without
    nervous filler, not ending on a preposition ("you'd look at first"), and (for a figure) with a verb
    in it ("maybe one in two weeks" said back alone is an echo, not a reaction); and a clause the
    interviewer could say (`sayable`)."""
    phrase = phrase.strip()
    if not phrase or unpunctuated(text) or _BROKEN_WORDS.search(phrase) or _DANGLING_END.search(phrase.rstrip(".!?")):
        return False
    if need_verb and not _VERBISH.search(phrase):
        return False
    return sayable(phrase, text, clause=need_verb)


# Said back, a clause must stop where the candidate's did: the words that may follow it in their
# turn without it being cut short ("I'd never run things like that" is not "you'd never run things like").
_MAY_FOLLOW = set("and or but so because which then while when if though although whereas unless until "
                  "um uh really probably maybe perhaps basically honestly actually just anyway".split())
_BACK = {}
for _mine, _yours in _SWAP.items():
    _BACK.setdefault(_yours, {_yours}).add(_mine)
# Opening words that make a clause a fragment said back ("Get that sickness down.", "Was in a home for two
# year.", "Fifty minutes when it should be twenty."): it needs a subject of its own.
_VERB_START = re.compile(r"^(?:was|were|is|are|am|be|been|get|got|go|went|do|did|does|had|has|have|make|made|take|took|run|ran|"
                         r"put|cut|keep|kept|set|bring|brought|start|started|need|want|try|tried|\w{4,}ed)\b", re.I)
_NUMBER_START = re.compile(rf"^(?:[$£€]?\d|{_NUM_WORD}|a (?:hundred|thousand|dozen|couple)\b)", re.I)
# The candidate weighing their own read or speaking hypothetically ("if it's really the re-slot...",
# "if I were in your shoes", "I'd rather know now than..."): never said back as ours or as a fact.
_HYPOTHETICAL = re.compile(r"\bif (?:it'?s|it is|that'?s|that is) (?:really|actually|just|only|not)\b|\bif (?:i|you)'?(?:ve| have)? "
                           r"(?:got|read|misread|understood|misunderstood|were|was)\b|\bif i were\b|\bin (?:your|my) shoes\b|"
                           r"\b(?:i'?d|you'?d|would) (?:much )?rather\b|\bif (?:i'?m|you'?re|i am|you are) (?:wrong|right|off)\b", re.I)


# A bare "that" / "it" with nothing after it but a particle: it points at what we said, not at their content.
# Idioms built on our own words ("I'll take that on board", "I'll bear it in mind"): nothing of theirs to say back.
_ON_BOARD = re.compile(r"\b(?:take|taking|took|taken) (?:that|it|this|those) (?:on board|into|forward|away|in|on)\b|"
                       r"\b(?:bear|keep|kept) (?:that|it|this) in mind\b|\b(?:learn|learnt|learned|learning) from (?:that|it|this)\b", re.I)
_ANAPHORIC = re.compile(r"\b(?:that|this|it)(?:\s+(?:on board|on|in|up|over|out|through|forward|further|back|down|off|around|"
                        r"now|then|first|again|seriously|aboard))?\s*$", re.I)


def _said_as(phrase: str, text: str) -> re.Match[str] | None:
    """Where the candidate said this phrase (in their own person: "you'd" was "I'd")."""
    words = phrase.split()
    if not words:
        return None
    pattern = r"\W+".join("(?:" + "|".join(re.escape(x) for x in _BACK.get(w.lower(), {w.lower()})) + ")" for w in words)
    return re.search(rf"(?<![\w']){pattern}(?![\w'])", text, re.I)


def _cut_short(phrase: str, text: str) -> bool:
    """The phrase stops mid-thought in the candidate's turn: the word after it there is not a new
    clause (a short phrase only; a long one was cut for length and reads whole)."""
    m = _said_as(phrase, text)
    if not m or len(phrase.split()) >= 10:
        return False
    rest = text[m.end():]
    if not rest.strip() or re.match(r"\s*(?:[.,;:!?)]|[-–—]\s)", rest):
        return False
    nxt = re.match(r"\s*([A-Za-z']+)", rest)
    return bool(nxt) and nxt.group(1).lower() not in _MAY_FOLLOW


def sayable(phrase: str, text: str, clause: bool = False) -> bool:
    """Whether the interviewer could say this phrase of the candidate's back as a clean clause of its own:
    it stops where the candidate's thought stopped, never speaks to us as "you" in the candidate's voice
    ("You've got 40 per cent agency on nights"), is not their hypothesis said as a fact, and (with
    `clause`, when it stands alone after "So ...") has a subject of its own."""
    phrase = phrase.strip().rstrip(".!?")
    if not phrase or _cut_short(phrase, text) or _HYPOTHETICAL.search(phrase):
        return False
    if (not clause and _ANAPHORIC.search(phrase)) or _ON_BOARD.search(phrase):
        return False  # "So you'd take that on board": "that" is ours, not something they said
    if (m := _said_as(phrase, text)) and re.search(r"(?<![\w'])(?:you|your|yours|you'\w+)(?![\w'])", m.group(0), re.I):
        return False  # they spoke to us: said back, it would be in their voice
    if clause and (_VERB_START.match(phrase) or _NUMBER_START.match(phrase)):
        return False
    if clause and re.search(r"\b(?:do not|does not|don't|doesn't|haven't|have not|hasn't|can't|cannot|am not|i'm not|you're not) "
                            r"(?:have|hold|got|know|speak|drive|yet)\b|\bnot yet\b|\byet\b", phrase, re.I):
        return False  # "So you do not have the Level 3 yet": a gap they admitted, said back, is a rebuke
    return True


def past_result(phrase: str) -> bool:
    """'empty running went from 22% to 15%', 'we qualified three reviewers over six weeks': what happened."""
    return bool(re.search(r"\b(?:went|fell|dropped|rose|grew|cut|reduced|doubled|halved|was|were|had|did|took|got|came|"
                          r"saved|increased|decreased|improved|\w{3,}ed)\b", phrase, re.I)) and not re.search(
        r"\b(?:you'd|you will|you'll|would|want|plan|aim|target|hope)\b", phrase, re.I)


def own_estimate(phrase: str) -> bool:
    """'you'd aim to get it to 98%', 'maybe 20% of the backlog': their own target or guess, worth asking
    what is behind it - not a fact they read ("it's up about eight percent") or a result they had."""
    return bool(re.search(r"\b(?:you'd|you would|you will|you'll|want|aim|target|goal|hope|could|should|guess|reckon|"
                          r"estimate|maybe|probably|i think|you think|get (?:it|that|them) (?:to|down|up))\b", phrase, re.I))


_WORKPLACE = None


def off_role(text: str, persona: Persona) -> list[str]:
    """Words of another line of work in the answer (breakers to a nurse manager, kitchens to a sales
    analyst's boss) that the persona's whole file never uses: the answer is about a different job."""
    global _WORKPLACE
    if _WORKPLACE is None:
        _WORKPLACE = {w.lower() for w in data()["meaning"]["workplace_words"]}
    ours = {w.lower().rstrip("s") for w in persona_words(persona)}
    theirs = [w for w in dict.fromkeys(_WORD.findall(text.lower())) if w in _WORKPLACE]
    if any(w.rstrip("s") in ours for w in theirs):
        return []  # trucks to a warehouse VP: their world and ours meet
    common = generic_words() | set(data()["meaning"]["common_words"])
    shared = {w.rstrip("s") for w in _WORD.findall(text.lower()) if len(w) >= 5 and w not in common and w.rstrip("s") not in common} & ours
    if theirs and len(shared) >= 3:
        return []  # alarms, filters and operators to a water works: the same kind of work, another workplace
    return theirs


@cache
def generic_words() -> frozenset[str]:
    return frozenset(data()["meaning"]["generic_words"])


def past_experience(text: str) -> bool:
    """'done a bit on a bottling line before like a year': what they did before, not a problem they name."""
    return bool(re.search(r"\b(?:i'?ve (?:done|worked|run|had)|i (?:did|worked|ran|used to)|done a bit|worked (?:on|in|at)|"
                          r"used to|before (?:like|that|this)?\b|back when|at my (?:last|old|previous))", text, re.I))


def names_something(text: str) -> bool:
    """A short answer that names a thing to pick up ("Maybe the workload.", "Temps who don't show up."),
    not one that only says it will do the job, or asks us something: "go on - what would you do about
    that?" needs a "that"."""
    if "?" in text:
        return False
    plain = frozenset(data()["meaning"]["plain_words"])
    return any(len(w) >= 4 and "'" not in w and w.lower() not in generic_words() and w.lower() not in plain
               for w in _WORD.findall(text))  # contractions ("I've", "that's") name nothing


# --- the persona's realities: a read that is right, or the common misread ------------------------

_NEGATOR = re.compile(
    r"\b(?:not|no|never|without|rather than|instead of|less|isn'?t|aren'?t|wasn'?t|don'?t|doesn'?t|won'?t|hardly|nor|"
    r"beyond|away from|other than|move (?:away )?from|moving (?:away )?from|instead)\b[^.!?]{0,30}$",
    re.I,
)
_CONTRAST = re.compile(r"\b(?:but|however|though|although|whereas|yet)\b|;|\bactually\b", re.I)


@cache
def _patterns(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(keyword_pattern(p) for p in phrases)


def _clause_read(r: Reality, clause: str) -> tuple[int, str | None]:
    """(hits, 'right' | 'misread' | None) for one clause."""
    hits, status = 0, None
    for p in _patterns(tuple(r.keywords)):
        if p.search(clause):
            hits, status = hits + 1, status or "right"
    for p in _patterns(tuple(r.misread_keywords)):
        for m in p.finditer(clause):
            hits += 2
            negated = bool(_NEGATOR.search(clause[: m.start()]))
            status = "right" if negated and status != "misread" else "misread" if not negated else status
    return hits, status


def read_reality(persona: Persona, text: str) -> tuple[Reality | None, bool]:
    """The persona reality the candidate's words touch, and whether they voice its common misread.
    Whole words only; a negated misread ("rather than cold calling") is a right read, and after a
    contrast ("I assumed X, but it's really Y") the later clause decides."""
    clauses = [c for c in _CONTRAST.split(text.lower()) if c.strip()]
    best, best_hits, best_misread = None, 0, False
    for r in persona.realities:
        total, last = 0, None
        for clause in clauses:
            hits, status = _clause_read(r, clause)
            total += hits
            last = status or last
        if total > best_hits:
            best, best_hits, best_misread = r, total, last == "misread"
    if best is None:
        best = _blamed(persona, clauses)
        best_misread = best is not None
    return best, best_misread


def _blamed(persona: Persona, clauses: list[str]) -> Reality | None:
    """'Missed bins from 90 to 240 - it's crews rushing the round': the reality's own problem, put down to
    the people doing the work, when the reality's cause is something else (its misreads blame people)."""
    from interviewer.bank import content_words

    blame = re.compile(data()["contains"]["blame"], re.I)
    for r in persona.realities:
        if not any(re.search(data()["contains"]["people_misread"], k, re.I) for k in r.misread_keywords):
            continue  # the reality doesn't rule people out as the cause
        problem = content_words(r.truth) | {x for x in re.findall(r"\d+", r.truth)}
        for clause in clauses:
            said = content_words(clause) | set(re.findall(r"\d+", clause))
            m = blame.search(clause)
            if m and len(said & problem) >= 2 and not _NEGATOR.search(clause[: m.start()]):
                return r
        joined = " ".join(clauses)
        m = blame.search(joined)
        if m and len((content_words(joined) | set(re.findall(r"\d+", joined))) & problem) >= 3 and not _NEGATOR.search(joined[max(0, m.start() - 40): m.start()]):
            return r
    return None


# --- templates ---------------------------------------------------------------------------------


def join_figures(figs: list[str]) -> str:
    figs = figs[:3]
    if not figs:
        return ""
    return figs[0] if len(figs) == 1 else ", ".join(figs[:-1]) + " and " + figs[-1]


def _money(text: str) -> list[float]:
    vals = []
    thousands = bool(re.search(r"\d\s?k\b|thousand", text, re.I))
    for m in re.finditer(r"(\d[\d,]*(?:\.\d+)?)\s?(k\b|thousand)?", text, re.I):
        v = float(m.group(1).replace(",", ""))
        if m.group(2) or (thousands and v < 1000):
            v *= 1000
        vals.append(v)
    return vals


_SPOKEN = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                       "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_SPOKEN.update({w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())})
_SPOKEN_RUN = re.compile(r"\b(?:(?:a\s+(?=hundred))?(?:%s|hundred)(?:(?:[\s-]+(?:and[\s-]+)?|[\s-]+)(?:%s|hundred|oh)\b)*)\b"
                         % ("|".join(_SPOKEN), "|".join(_SPOKEN)), re.I)


def _spoken_value(run: str) -> int | None:
    words = [w for w in re.split(r"[\s-]+", run.lower()) if w and w != "and"]
    if "oh" in words:  # "one-oh-five": said digit by digit
        digits = ["0" if w == "oh" else str(_SPOKEN.get(w, "")) for w in words]
        return int("".join(digits)) if all(d.isdigit() and len(d) == 1 for d in digits) else None
    total = 0
    for w in words:
        if w == "a":
            continue
        if w == "hundred":
            total = max(total, 1) * 100
        elif w in _SPOKEN:
            total += _SPOKEN[w]
    return total or None


def spoken_digits(text: str) -> str:
    """Number words as digits ("ninety-five" -> "95", "one-oh-five" -> "105"), for reading pay."""
    def sub(m: re.Match[str]) -> str:
        v = _spoken_value(m.group(0))
        return str(v) if v is not None else m.group(0)
    return _SPOKEN_RUN.sub(sub, text)


_ASK_CUE = re.compile(r"\b(?:hoping|looking (?:for|at)|ask(?:ing)?|expect(?:ing)?|want(?:ing)?|need|target(?:ing)?|aim(?:ing)?|"
                      r"would take|i'd take|be at|would be|i'd be|somewhere|around|at least|minimum)\b", re.I)
_RANGE_SEP = r"\s*(?:to|-|–|and|or|,)\s*\$?"
# a number that may be pay: not "twenty years", "two days", "10%"
_PAY_NUMBER = re.compile(r"\$?(\d[\d,]*(?:\.\d+)?)\s?(k\b|thousand|grand)?(?!\s?(?:%|percent|years?|days?|weeks?|months?|hours? a|people|minutes?)\b)(?![\d%(]|[.,]\d)", re.I)  # "401(k)" is a plan


_CURRENT_PAY = re.compile(r"\b(?:i'?m (?:currently |now )?on|currently (?:on|at|earning|making|paid)|i (?:currently )?(?:make|earn|get)|my current (?:salary|pay|base|rate) is|paying me)\s+(?:about |around |roughly )?[$£€]?$", re.I)


def _our_pay(pay_range: str) -> list[float]:
    """Our pay figures (both ends of a range; a fixed salary is both ends), never the percentages
    beside them ("£34,000 plus a 15% night allowance" is a fixed £34,000, not "15 to 34,000")."""
    text = re.sub(r"\d[\d,.]*\s?(?:%|per ?cent)", "", pay_range.split(";")[0], flags=re.I)
    ours = [v for v in _money(text) if v >= 1][:2]
    return ours * 2 if len(ours) == 1 and ours[0] >= 1000 else ours


def pay_ask(candidate_text: str, pay_range: str) -> tuple[float, float] | None:
    """The figure the candidate asks for (a range gives both ends), read whole and spoken or not:
    the figures after the last "hoping for / looking at" if any, else the last figure said. Bare
    numbers are thousands when our range is a yearly salary ("fifty-five" -> $55,000)."""
    ours = _our_pay(pay_range)
    if len(ours) < 2:  # no figures of ours ("from the pay bands"): a salary unless they say an hour
        ours = [5.0, 400.0] if re.search(r"\bhour|hourly\b", candidate_text, re.I) else [12500.0, 2e6]
    yearly = min(ours) >= 10000
    text = spoken_digits(candidate_text)
    lo, hi = min(ours), max(ours)
    thousands = bool(re.search(r"\d\s?(?:k\b|thousand|grand)", text, re.I))  # a yearly figure, whatever our range is

    def values(part: str) -> list[tuple[int, int, float]]:
        out = []
        for m in _PAY_NUMBER.finditer(part):
            if _CURRENT_PAY.search(part[max(0, m.start() - 30): m.start()]) and len(list(_PAY_NUMBER.finditer(text))) > 1:
                continue  # "I'm on twenty-four now": what they earn today, not what they ask
            v = float(m.group(1).replace(",", ""))
            if m.group(2) or ((yearly or thousands) and 20 <= v < 1000):
                v *= 1000  # "between 60 and 70 thousand": the 60 is thousands too
            if (yearly and v >= 10000) or (not yearly and (lo * 0.4 <= v <= hi * 3 or (thousands and v >= 10000))):
                out.append((m.start(), m.end(), v))
        return out

    # the figures after the last "hoping for / I'd take" that has any, else all of them
    tail, vals = text, values(text)
    for cue in reversed(list(_ASK_CUE.finditer(text))):
        if found := values(text[cue.start():]):
            tail, vals = text[cue.start():], found
            break
    if not vals:
        return None
    last = vals[-1]
    gap = tail[vals[-2][1]:last[0]] if len(vals) >= 2 else ""
    if len(vals) >= 2 and (re.fullmatch(_RANGE_SEP, gap, re.I) or (not gap.strip() and tail[vals[-2][1] - 1] == ",")):  # "forty, forty-two"
        return vals[-2][2], last[2]
    return last[2], last[2]


def pay_position(candidate_text: str, pay_range: str) -> str | None:
    """'within', 'above' or 'below' the persona's range, or None when the figures don't compare."""
    ask = pay_ask(candidate_text, pay_range)
    ours = _our_pay(pay_range)
    if ask is None or len(ours) < 2:
        return None
    lo, hi = min(ours), max(ours)
    mid = sum(ask) / 2
    if hi < 1000 <= mid:
        mid /= 2080  # a yearly ask against an hourly range: full-time hours in a year
    if mid > hi * 1.02:
        return "above"
    if mid < lo:
        return "below"
    return "within"


def is_the_ask(phrase: str, candidate_text: str, pay_range: str) -> bool:
    """Whether figures said back ("£32,500") are the ask itself, not the pay they are on today beside it."""
    ask = pay_ask(candidate_text, pay_range)
    vals = _money(spoken_digits(phrase))
    return ask is None or any(abs(v - a) < 1 for v in vals for a in ask)


def says_amount(text: str, amounts: tuple[float, float]) -> bool:
    """Whether a reply names one of these amounts, however written ("£35,000", "$35k", "35 thousand")."""
    said = _money(spoken_digits(text))
    return any(abs(v - a) < 1 for v in said for a in amounts)


def pay_ask_said(candidate_text: str, pay_range: str) -> str:
    """The candidate's figure as the interviewer says it back: "$105,000", "$60,000 to $63,000", "$44 an hour"."""
    ask = pay_ask(candidate_text, pay_range)
    if ask is None:
        return ""
    cur = m.group(0) if (m := re.search(r"[£€$]", pay_range or "")) else "$"  # said in the role's own currency
    def money(v: float) -> str:
        return f"{cur}{v:,.0f}" if v >= 1000 or v == int(v) else f"{cur}{v:,.2f}"
    hourly = "" if ask[0] >= 1000 else " an hour"
    return (money(ask[0]) if ask[0] == ask[1] else f"{money(ask[0])} to {money(ask[1])}") + hourly


def fill(template: str, **values: str) -> str:
    """A template filled in, every sentence starting with a capital ("our recruiter will know" -> "Our ...")."""
    text = prompts.fill(template, **values)
    return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)


def money_figures(figs: list[str]) -> list[str]:
    """The figures that are money ("$72,000", "70k", "70 thousand"), not years or percentages; a bare
    number beside one ("between 60 and 70 thousand") is money too."""
    money = [f for f in figs if re.search(r"[$£€]|\d\s?k\b|thousand", f, re.I)]
    if money:
        money = [f for f in figs if f in money or re.fullmatch(r"\d{2,3}(?:,\d{3})?", f)]
    return money


def estimate_figures(figs: list[str]) -> list[str]:
    """Figures worth asking "what's behind it?": money, percentages and amounts, not durations."""
    return [f for f in figs if re.search(r"[$£€%]|\d\s?k\b|thousand|million|percent", f, re.I)]


def clarify(question: str) -> bool:
    """'Can you repeat the question?', 'What do you mean by landscape?'"""
    return bool(re.search(data()["deflections"]["clarify_words"], question, re.I))


def self_directed(question: str) -> bool:
    """'I can email?', 'Is that what you mean?', 'Between people?': a question mark, but nothing
    asked of the interviewer."""
    d = data()["deflections"]
    if re.search(d["asked_later"], question, re.I) and not re.search(d["what_was_meant_words"], question, re.I):
        return False  # "I've done nights for years, so what would the rota be?", "Nights only, or do you rotate?"
    if re.search(d["self_directed_words"], question, re.I):
        return True
    words = [w.lower() for w in _WORD.findall(question)]
    fillers = {"um", "umm", "uh", "uhh", "oh", "okay", "ok", "well", "sorry", "like", "yeah", "right", "hmm"}
    first = next((w for w in words if w not in fillers), "")
    return bool(first) and first not in d["question_openers"]


def names_a_check(sentence: str) -> bool:
    """'Am I in the ballpark?', 'does that sound right?': the words of a check, not just a question."""
    return any(re.search(p, sentence, re.I) for p in data()["intents"]["ballpark_check"])


def asks_us_what(sentence: str) -> bool:
    """'(But first -) what do you think is the biggest problem?': a wh-question, which a check never is."""
    return bool(re.search(r"(?:^|[-–—,:]\s*|\b(?:but|and|so)\s+)(?:what|how|who|where|why|which)\b", sentence, re.I))


def aside(question: str) -> bool:
    """'...this podcast, have you heard it?': a question in passing about something off the job."""
    return bool(re.search(data()["deflections"]["aside_words"], question, re.I))


def asks_repeat(text: str) -> bool:
    """'Can you repeat the question?' (not 'what do you mean?')."""
    return bool(re.search(r"\b(?:repeat|say (?:that|it) again|come again|pardon|what was the question|didn'?t (?:catch|hear))\b", text, re.I))


def rhetorical(question: str, text: str) -> bool:
    """'Why am I leaving? Honestly, ...', 'Why productivity? Because ...': a question the candidate
    asks and answers themselves - nothing asked of the interviewer."""
    d = data()["deflections"]
    if re.search(d["rhetorical_words"], question, re.I):
        return True
    if not re.match(r"\W*(?:so\s+|and\s+|but\s+)?why\b", question, re.I):
        return False  # "Do they micromanage? Because I can't do that again." says why they ask; it still asks
    at = text.find(question)
    after = text[at + len(question):].lstrip() if at >= 0 else ""
    return bool(re.match(d["self_answer_words"], after, re.I))


def about_interview(question: str) -> bool:
    return bool(re.search(data()["deflections"]["about_interview_words"], question, re.I))


def pleasantry(question: str) -> bool:
    return bool(re.search(data()["deflections"]["pleasantry_words"], question, re.I))


def turned_back(question: str) -> bool:
    return bool(re.search(data()["deflections"]["turned_back_words"], question, re.I))


def small_talk(question: str) -> bool:
    """A social question (the weather, the game, a restaurant): a light reply, not a deflection."""
    return bool(re.search(data()["deflections"]["small_talk_words"], question, re.I))


def asks_what_was_meant(sentence: str) -> bool:
    """'Is that what you mean?' after an answer: about the question, not a check of a read."""
    return bool(re.search(data()["deflections"]["what_was_meant_words"], sentence, re.I))


def opens_like_question(part: str) -> bool:
    """Opens like a question asked of someone (after fillers): 'What...', 'Is there...'."""
    fillers = {"um", "umm", "uh", "uhh", "oh", "okay", "ok", "well", "sorry", "like", "yeah", "right", "hmm"}
    words = [w.lower() for w in _WORD.findall(part)]
    first = next((w for w in words if w not in fillers), "")
    return first in data()["deflections"]["question_openers"]


def personal(question: str) -> bool:
    """'What do you do on the weekends?', 'Do you have kids?': about the interviewer's private life."""
    return bool(re.search(data()["deflections"]["personal_words"], question, re.I))


def about_the_job(question: str) -> bool:
    return bool(re.search(data()["deflections"]["job_words"], question, re.I))


# --- the meaning check -------------------------------------------------------------------------

_CONTENT = re.compile(r"[a-z]{5,}")
_CAPITAL = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b")


def meaning_problems(text: str, candidate_text: str, persona: Persona, empty_answer: bool) -> list[str]:
    """Why a model-written reaction may not be shown: it must be the interviewer speaking, refer
    to the candidate's content, and not praise an empty answer."""
    found = []
    m = data()["meaning"]
    if _rx("meaning", "odd").search(text):
        found.append("odd")
    if len(text.split()) > m["max_words"]:
        found.append("long")
    if "?" in text:
        found.append("question")
    said = {w for w in _CONTENT.findall(candidate_text.lower()) if w not in generic_words()}
    mine = {w for w in _CONTENT.findall(text.lower()) if w not in generic_words()}
    if len(said & mine) < 2:  # one shared word is chance ("You're most likely right there in class afterwards.")
        found.append("not_about_their_words")
    if _rx("meaning", "praise").search(text):
        # the small model's praise is its commonest failure (read in simulated sessions): never shown
        found.append("praises_empty_answer" if empty_answer else "praise")
    known = persona_words(persona) | set(_WORD.findall(candidate_text))
    if any(w not in known for w in _CAPITAL.findall(text.strip())):
        found.append("unknown_name")
    if re.search(r"\b(?:i|my|me)\b", text, re.I) and re.search(r"\b(?:my (?:skills|strengths|background|career|last job)|i (?:have|bring) (?:\d|experience|skills))\b", text, re.I):
        found.append("speaks_as_candidate")
    return found


def praises_answer(text: str) -> list[str]:
    """The phrases in an interviewer reply that praise the candidate's answer or the session."""
    return [m.group(0) for m in _rx("meaning", "praise_for_answer").finditer(text)]


def persona_words(persona: Persona) -> set[str]:
    return set(_WORD.findall(persona.model_dump_json()))


_CHALLENGE = re.compile(r"\b(?:challenges?|challenging|pitfalls?|hardest|harder|risks?|difficult|tricky|biggest problem)\b", re.I)
_MASH = re.compile(r"asdf|qwer|zxcv|hjkl|sdfg|fdsa|lorem|ipsum|xyzzy", re.I)
_ASKING = re.compile(r"^(?:so\s+)?(?:what(?:'s| is| are| do| does| did)?|how(?: do| does| did| is| are| much| many| long)?|who|where|when|why|which|is|are|do|does|can|could|will|would)\s+(?:you\s+|the\s+)?", re.I)


def names_challenge(text: str) -> bool:
    return bool(_CHALLENGE.search(text))


def gibberish(text: str) -> bool:
    """Keyboard mash or no real words at all."""
    ws = re.findall(r"[A-Za-z]+", text)
    return bool(_MASH.search(text)) or (bool(ws) and not any(re.search(r"[aeiouy]", w, re.I) for w in ws))


def question_topic(question: str) -> str:
    """The subject of a question in the interviewer's voice ("your favourite restaurant" -> "my ...")."""
    rest = _ASKING.sub("", question.strip().rstrip("?.! "), count=1)
    swap = {"your": "my", "you": "I", "yours": "mine", "my": "your", "i": "you", "me": "you"}
    words = [swap.get(w.lower(), w) for w in rest.split()][:8]
    return " ".join(words) or "that"
