"""What a role file's own prose says, as the interviewer's facts (`--role FILE`).

The user's `description`, `first_interview_notes` and `company_summary` are split into clauses, each
clause sorted by what it is about (the team, pay, why the seat is open, a problem and its stated
cause...) with the patterns in prompts/role_reading.toml, and said in the interviewer's voice.
Nothing is invented: a fact the file doesn't state is left out, and the role family's neutral
default answers instead (interviewer/roles.py)."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from functools import cache

from interviewer import prompts
from interviewer.models import Reality, Role

DATA = "role_reading.toml"


@cache
def data() -> dict:
    return prompts.data(DATA)


@cache
def _rx(name: str) -> re.Pattern[str]:
    d = data()
    src = d["kinds"][name] if name in d["kinds"] else d[name]
    return re.compile(src.replace("{num}", d["num"]), re.I)


_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT.split(" ".join(text.split())) if s.strip()]


def _has_verb(text: str) -> bool:
    return bool(_rx("verb").search(text))


# A piece after a comma that leans on what came before is not a clause of its own.
_LEANS = re.compile(r"^(?:because|mostly|largely|partly|since|which|who|whom|whose|when|where|so|as|sometimes|although|though|while|"
                    r"after|before|until|due|with|without|including|especially|often|usually|but not|not|then|than|or|plus|"
                    r"leaving|making|meaning|giving|working|running|teaching|and (?:is|are|was|were|has|have)\b)\b", re.I)


def _clauses(sentence: str) -> list[str]:
    """A reported sentence's separate facts: 'X grew, that Y is high, and that Z goes live'."""
    pieces = [p.strip(" ,;") for p in re.split(data()["clause_split"], sentence) if p and p.strip(" ,;")]
    out: list[str] = []
    for p in pieces:
        if out and (not _has_verb(p) or _LEANS.match(p) or not _has_verb(out[-1])):
            out[-1] = f"{out[-1]}, {p}"
        else:
            out.append(p)
    return out


def _spoken(clause: str) -> str:
    """A clause of the notes as the interviewer says it: about 'you', capitalised, one full stop."""
    c = clause.strip().rstrip(".;:,")
    c = re.sub(r"\bthe candidate's\b", "your", c, flags=re.I)
    c = re.sub(r"\bthe candidate\b", "you", c, flags=re.I)
    return c[:1].upper() + c[1:] + "."


def _inline(sentence: str, original: str = "") -> str:
    """A spoken sentence to go inside another ('The headline is that ...'): no capital, no stop.
    A clause that was in lower case in the file goes back to it ('snagging callbacks have...')."""
    s = sentence.rstrip(".")
    first = s.split(" ", 1)[0]
    if first.lower() in _STARTERS or (original.strip()[:1].islower() and first[1:].islower()):
        s = s[:1].lower() + s[1:]
    return s


# Sentence openers that are not names: lowercased when the sentence is said inside another.
_STARTERS = {"the", "a", "an", "we", "our", "many", "most", "some", "average", "online", "its", "their", "this", "that",
             "these", "those", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "roughly", "about",
             "around", "nearly", "over", "general", "batch", "release", "turnover", "turnaround", "you", "your", "it", "they", "there", "you'd"}


_BASE_VERB = re.compile(
    r"^(?:supervise|lead|manage|run|own|coordinate|oversee|deliver|support|plan|teach|build|develop|design|head|care|provide|"
    r"work|handle|maintain|ensure|drive|organi[sz]e|schedule|keep|take|set|help|serve|prepare|cook|install|repair|inspect|"
    r"review|process|answer|train|recruit|raise|write|analy[sz]e|test|operate|monitor|look after|deal with|report|do|cover|"
    r"respond|liaise|assess|fix|clean|serve|sell|visit|book|order|check|make|join|act|chair|attend|represent|mentor|be)\b", re.I)


def _base_verbs(s: str) -> str:
    """'You'd run X, does Y and covers Z' -> 'You'd run X, do Y and cover Z'."""
    def fix(m: re.Match) -> str:
        base = _third_to_base(m.group(2))
        return m.group(1) + base if base != m.group(2).lower() and _BASE_VERB.fullmatch(base) else m.group(0)
    return re.sub(r"(,\s+(?:and\s+)?|\band\s+)([a-z]+s)\b", fix, s)


def _gerund_base(word: str) -> str:
    stem = word.lower()[:-3]
    for base in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
        if base and _BASE_VERB.fullmatch(base):
            return base
    return ""


def _lower(s: str) -> str:
    return s[:1].lower() + s[1:] if s[1:2].islower() else s


def _fragment(s: str) -> bool:
    """'Licensed operator at the plant, working shifts': no verb but an adjective at the start."""
    return not any(m.start() > 0 for m in _rx("verb").finditer(s))


def _third_to_base(word: str) -> str:
    w = word.lower()
    if w == "is":
        return "are"
    if w == "has":
        return "have"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if re.search(r"(?:ss|sh|ch|x|z|o)es$", w):
        return w[:-2]
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def _role_sentence(s: str, role: Role, opening: bool = True) -> str:
    """A sentence of the description in the interviewer's voice ('Supervise a team...' -> 'You'd
    supervise a team...'), or '' for a fragment no manager would say as it stands."""
    s = s.strip().rstrip(".")
    if re.match(r"^you will\b", s, re.I):
        return "You'd" + s[8:] + "."
    if re.match(r"^you(?:'ll|'d| would| are| will be)\b", s, re.I):
        return s + "."
    if _BASE_VERB.match(s):
        return _base_verbs("You'd " + _lower(s)) + "."
    first_word = s.split(" ", 1)[0]
    if first_word[:1].isupper() and first_word.endswith("ing") and (base := _gerund_base(first_word)):
        # a job-ad fragment 'Supervising X: doing Y, doing Z' -> 'You'd supervise X - doing Y, doing Z.'
        return "You'd " + base + s[len(first_word):].replace(": ", " - ") + "."
    first = s.split(" ", 1)[0]
    if re.fullmatch(r"[A-Z][a-z]+s", first) and _BASE_VERB.fullmatch(_third_to_base(first)):
        return _base_verbs("You'd " + _third_to_base(first) + s[len(first):]) + "."
    if m := re.match(r"^(?:an?|the) .+? (?:is|are) (?:looking for|hiring|seeking|recruiting) (?:an?|the) .+? to (.+)$", s, re.I):
        return prompts.fill(data()["say"]["need_someone"], rest=m.group(1))
    title_words = role.title.split()
    for t in (role.title, title_words[-1] if title_words else ""):
        if t and (m := re.match(rf"^(?:the|our|this|a|an) {re.escape(t)}\s+(?:role\s+|post\s+)?(.+)$", s, re.I)):
            return prompts.fill(data()["say"]["the_one_who"], rest=m.group(1))
    if role.company and role.company != "the organisation" and s.lower().startswith(role.company.lower() + " "):
        rest = s[len(role.company) + 1:]
        verb, _, tail = rest.partition(" ")
        if re.fullmatch(r"[a-z]+s", verb):
            tail = re.sub(r"\band is\b", "and are", tail)
            tail = re.sub(r"\band has\b", "and have", tail)
            return f"We {_third_to_base(verb)} {tail}."
    if not _fragment(s):
        return _spoken(s)
    if not opening:
        return _spoken(s)  # "Evening and weekend service, four shifts a week." is said as it stands
    if ";" in s or len(s.split()) < 4:
        return ""
    article = "an" if re.match(r"[aeiou]|(?:RN|LPN|MRI|HR|NHS|FM)\b", s, re.I) and not re.match(r"(?:uni|one|eu)", s, re.I) else "a"
    if re.match(r"^(?:an?|the)\b", s, re.I):
        return prompts.fill(data()["say"]["job_of"], what=_lower(s))
    return prompts.fill(data()["say"]["job_of"], what=f"{article} {_lower(s)}")


@dataclass
class RoleReading:
    """What the file says, sorted and in the interviewer's voice. Empty fields: the file is silent."""

    facts: dict[str, str] = field(default_factory=dict)
    answers: dict[str, str] = field(default_factory=dict)
    goals: list[str] = field(default_factory=list)
    realities: list[Reality] = field(default_factory=list)
    interviewer_name: str = ""
    interviewer_title: str = ""
    level: str = ""
    hiring_manager: str = ""
    refer_to: str = ""
    pay_range: str = ""
    role_serves_goals: str = ""


def _pick(options: list[str] | str, key: str) -> str:
    """A stable choice for this role (the same file reads the same way every session)."""
    if isinstance(options, str):
        return options
    return options[zlib.crc32(key.encode()) % len(options)]


# --- people ----------------------------------------------------------------------------------

_NAME = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.? )?[A-Z][a-z'’]+(?:[ -][A-Z][a-zA-Z'’-]+){1,3}$")


def _who(segment: str) -> tuple[str, str, str]:
    """('Ingrid Solberg', 'General Manager', 'Callum's boss') from 'Callum's boss, the General Manager, Ingrid Solberg'."""
    name = title = relation = ""
    parts = [p.strip() for p in re.split(r",\s*|\s+who\s+|\s+and\s+(?=the\b)", segment) if p.strip()]
    for p in parts:
        p2 = re.sub(r"^(?:and|or)\s+", "", p)
        if not name and _NAME.match(p2) and not re.match(r"^(?:The|Our|Their|His|Her)\b", p2):
            name = p2
        elif re.search(r"\b(?:boss|manager|supervisor)\b", p2) and re.search(r"'s\b|\bwould be\b|\bwill be\b", p2):
            relation = relation or p2
        elif not title and re.match(r"^(?:the|our|a|an)\s+\S", p2, re.I):
            title = re.sub(r"^(?:the|our|a|an)\s+", "", p2, flags=re.I)
            title = re.split(r"\s+(?:who|whom|and)\b", title)[0]
            if (m := re.match(r"^(.*?)\s+([A-Z][a-z'’]+(?:[ -][A-Z][a-zA-Z'’-]+){1,3})$", title)) and not name:
                title, name = m.group(1), m.group(2)  # "the QC Manager Helen Achterberg"
        elif not name and (m := re.match(r"^([A-Z][a-z'’]+(?:[ -][A-Z][a-zA-Z'’-]+){1,3})\b", p2)) and not re.match(r"^(?:The|Our)\b", p2):
            name = m.group(1)
    return name, title, relation


def _people(notes: str, out: RoleReading) -> None:
    d = data()
    if m := re.search(d["interviewer_sentence"], notes, re.I):
        who = m.group("who").strip()
        name, title, _ = _who(who)
        if not name and (first := re.match(r"^([A-Z][a-z'’]+)\b(?!'s)", who)) and first.group(1) not in ("The", "Our", "A", "An"):
            full = re.search(rf"\b{first.group(1)}(?: [A-Z][\w'’-]+)+", notes)  # "Claire" met before as "Claire Dobson"
            name = full.group(0) if full else ""
        out.interviewer_name = name
        out.interviewer_title = title.title() if title.islower() else title[:1].upper() + title[1:]
        if any(re.search(p, who) for p in d["skip_level"]):
            out.level = "skip_level"
            if b := re.search(r"(?:^|\bwho(?:'s| is) )([A-Z][\w'’-]+)'s (?:boss|manager|line manager|supervisor)\b", who):
                first = b.group(1)
                full = re.search(rf"\b{re.escape(first)}(?: [A-Z][\w'’-]+)+", notes)
                out.hiring_manager = full.group(0) if full else first
        elif any(re.search(p, who, re.I) for p in d["hiring_manager"]):
            out.level = "hiring_manager"
    if m := re.search(d["first_sentence"], notes, re.I):
        first = m.group("who")
        for pattern, said in d["refer_from_first"]:
            if re.search(pattern, first):
                out.refer_to = said
                break
        if not out.level and out.interviewer_name and re.search(d["boss_of_candidate"], first, re.I) \
                and not any(w in first for w in out.interviewer_name.split() if len(w) > 2):
            out.level = "skip_level"  # the candidate's boss was met at the first interview, and this is someone else
        if out.level == "skip_level" and not out.hiring_manager and re.search(d["boss_of_candidate"], first, re.I):
            # "Helen Achterberg, the QC Manager who would be the candidate's boss"
            for seg in re.split(r"\band\b", first):
                if re.search(d["boss_of_candidate"], seg, re.I):
                    name, title, _ = _who(seg)
                    out.hiring_manager = name or (f"the {title}" if title else "")
                    break


# --- the team --------------------------------------------------------------------------------


@cache
def _people_words() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    d = data()
    return frozenset(d["people"]), tuple(d["people_suffixes"]), frozenset(d["not_people"])


def _is_people(word: str) -> bool:
    nouns, suffixes, not_people = _people_words()
    w = word.lower()
    return w in nouns or (w.endswith(suffixes) and w not in not_people and len(w) > 5)


def _team(description: str, notes: str) -> str:
    d, say = data(), data()["say"]
    num = d["num"]
    text = f"{description} {notes}"
    if m := re.search(rf"\b(?:team|crew|brigade|staff|department|unit|group|squad) of ({num}) ((?:[\w-]+ ){{0,3}}?[\w-]+?(?: and {num}(?: [\w-]+){{1,3}}?)?)(?=\s+(?:who|that|which|to|in|at|on|across|covering)\b|[,.;(]|$)", text, re.I):
        if _is_people(m.group(2).split()[-1]) or _is_people(re.split(r" and ", m.group(2))[0].split()[-1]):
            tail = ""
            rest = text[m.end():]
            if t := re.match(r"\s+(who|that)\s+([^.;(]+)", rest):
                what = re.split(r",\s+(?:at|in|on|through|across|and through|both)\b", t.group(2))[0].strip().rstrip(",")
                tail = f" {t.group(1)} {what}"
            return prompts.fill(say["team_of"], n=m.group(1), who=m.group(2) + tail)
    if m := re.search(rf"\b(?:lead|leads|leading|run|runs|manage|manages|supervise|supervises|oversee|oversees)\s+([^.;()]+?)\s*\(({num}) (?:staff|people|employees|team members)\)", text, re.I):
        return prompts.fill(say["team_lead"], what=m.group(1).strip(), n=m.group(2))
    for m in re.finditer(rf"(?<!from )(?<!to )\b({num})((?: [A-Za-z-]+){{1,3}})", description):
        words = m.group(2).split()
        for i, w in enumerate(words):
            if _is_people(w):
                return prompts.fill(say["team_count"], n=m.group(1), who=" ".join(words[: i + 1]))
            if not re.fullmatch(r"[a-z-]+", w):
                break
    return ""


# --- the reading -----------------------------------------------------------------------------


def _own_voice(text: str) -> str:
    """The notes' third person in the interviewer's voice: 'They are halfway through' -> 'We are...'."""
    for pattern, replacement in data()["voice"]:
        text = re.sub(pattern, replacement, text)
    return text


def _said(clause: str, role: Role) -> str:
    """A clause of the description or the notes, said by the interviewer."""
    return _role_sentence(clause, role, opening=False)


def _focus(piece: str, key: str) -> str:
    """From a long fragment, the part about the thing asked: 'RN coordinator for a unit running
    three shifts a day, six days a week' -> 'It's three shifts a day, six days a week'."""
    if not _fragment(piece) or len(piece.split()) <= 10:
        return piece
    chunks = piece.split(", ")
    first = next((i for i, c in enumerate(chunks) if _rx(key).search(c)), None)
    if first is None:
        return piece
    rest = ", ".join(chunks[first:])
    if m := re.search(r"\b(?:running|operating|open|opening)\s+(.*)$", rest, re.I):
        return f"It's {m.group(1)}"
    if m := re.search(r"\b(working|on|doing)\s+(.*)$", rest, re.I):
        return f"You'd be {m.group(1).lower()} {m.group(2)}"
    return rest


_CAUSE = re.compile(r"\b(?:because|due to|caused by|the (?:main |real |root )?(?:cause|reason)|(?:it|this|that|the (?:drop|problem|rise)) (?:started|began) (?:when|after))\b", re.I)


def _kind(clause: str, name: str) -> bool:
    return bool(_rx(name).search(clause))


def _subject(clause: str) -> str:
    """'average permit turnaround' from 'average permit turnaround has grown from 10 to 31 days...'."""
    m = _rx("verb").search(clause)
    subject = clause[: m.start()].strip(" ,") if m else ""
    return subject if 1 <= len(subject.split()) <= 7 else ""


def _cause_keywords(basis: list[str], main: str, common: str = "") -> list[str]:
    """Words that show a read names the stated cause: the cause clauses' words, not the problem's
    own (restating '9% leave late' is not a read of why)."""
    causes = [c for c in basis if c != main]
    if not causes:
        return _keywords(main)
    problem_words = set(_keywords(main))
    words = [w for w in _keywords(*causes) if w not in {"cause", "causes", "reason", "manager"}]
    # the job's everyday words (the description's "pickers") don't show a read names the cause
    words = [w for w in words if w not in problem_words] or words
    rare = [w for w in words if w not in common.lower()]
    return rare if len(rare) >= 3 else words


def _keywords(*clauses: str) -> list[str]:
    words: list[str] = []
    stop = {"that", "this", "with", "have", "been", "from", "since", "they", "there", "their", "about", "into", "more", "than",
            "because", "after", "before", "also", "still", "only", "many", "most", "mostly", "some", "sometimes", "once", "half",
            "days", "working", "months", "years", "year", "month", "ago", "last", "first", "second", "time", "times",
            "roughly", "nearly", "almost", "around", "three", "seven", "eight", "eleven", "twelve", "fifteen", "twenty",
            "thirty", "forty", "fifty", "sixty", "problem", "problems", "mainly", "between", "fully", "never", "properly", "always", "which", "where", "while", "their", "these", "those"}
    for c in clauses:
        for w in _WORD.findall(c.lower()):
            w = w.strip("'’")
            w = re.sub(r"'s$", "", w)
            if len(w) > 4 and w not in stop and not _rx("verb").fullmatch(w) and w not in words:
                words.append(w)
    return words[:10]


def read_role(role: Role, default_level: str = "hiring_manager") -> RoleReading:
    """The role file's prose as the interviewer's facts; fields the file is silent on stay empty."""
    d, say = data(), data()["say"]
    out = RoleReading()
    notes, description = role.first_interview_notes, role.description
    _people(notes, out)
    meta = [re.compile(p, re.I) for p in d["meta"] + [r"^(?:they|she|he|the panel|it) asked\b"]]
    frame = re.compile(d["frame"], re.I)
    note_clauses: list[str] = []
    for s in _sentences(notes):
        if any(p.search(s) for p in meta):
            continue
        s = _own_voice(frame.sub("", s, count=1))
        note_clauses += [_own_voice(c) for c in _clauses(s.rstrip(".")) if _has_verb(c)]
    desc_sentences = _sentences(description)
    desc_pieces = [p.strip() for s in desc_sentences for p in s.rstrip(".").split(";") if p.strip()]
    every = note_clauses + desc_pieces

    said = [x for i, s in enumerate(desc_sentences) if (x := _role_sentence(s, role, opening=i == 0))]
    if said:
        out.facts["role"] = " ".join(said)
    if role.company_summary:
        pass
    elif desc_sentences and (m := re.match(r"^(an? .+?) (?:is|are) (?:looking for|hiring|seeking|recruiting)\b", desc_sentences[0], re.I)):
        out.facts["company"] = f"We're {m.group(1)[:1].lower() + m.group(1)[1:]}."
    elif desc_sentences and (c := _role_sentence(desc_sentences[0], role)).startswith("We "):
        out.facts["company"] = c

    # Pay: a grade and/or a figure the file names - the job ad before the notes, never money the place
    # loses, spends or earns.
    pay_clauses = [c for c in desc_pieces + note_clauses if not _rx("not_pay_money").search(c)]
    money = next((m.group(0).strip(" ,.") for c in pay_clauses if (m := re.search(r"[$£€]\s?\d[\d,.]*k?(?:\s?(?:to|-|–)\s?[$£€]?\d[\d,.]*k?)?(?: (?:a year|per year|per annum|an hour|per hour))?", c))), "")
    grade_m = next((m for c in pay_clauses if (m := _rx("pay").search(c)) and re.search(r"grade|band|scale|step|point", m.group(0), re.I)
                    and re.search(r"\d|[ivx]\b", m.group(0), re.I)), None)
    if money and grade_m:
        g = grade_m.group(0).strip()
        g = g[:1].lower() + g[1:] if not g[:2].isupper() else g
        out.pay_range = money
        out.answers["compensation"] = prompts.fill(say["pay_grade_figures"], grade=g, pay=money)
    for c in pay_clauses if not (money and grade_m) else []:
        if m := _rx("pay").search(c):
            figure = m.group(0)
            if re.search(r"\d|[ivx]\b", figure, re.I) and re.search(r"grade|band|scale|step|point", figure, re.I):
                grade = figure.strip()
                grade = grade[:1].lower() + grade[1:] if not grade[:2].isupper() else grade
                short = re.sub(r"^(?:civil[- ]service|pay|salary|union) ", "", grade, flags=re.I)
                out.answers["compensation"] = _pick(say["pay_grade"], role.title).replace("{grade}", grade).replace("{short}", short)
                break
            if re.search(r"[$£€]\s?\d", c):
                out.pay_range = re.search(r"[$£€][^.;]*", c).group(0).strip(" ,")
                out.answers["compensation"] = prompts.fill(say["pay_figures"], pay=out.pay_range)
                break

    team = _team(description, notes)
    team_notes = [_spoken(c) for c in note_clauses if _kind(c, "team_change") and not _kind(c, "why_open")
                  and not _CAUSE.search(c) and not re.match(r"(?:at|with|in|on|by|for|from|to)\b", c, re.I)]
    team_desc = [f"It's a {p.strip()}." for p in desc_pieces if re.search(r"\bteam\b", p) and not _has_verb(p)
                 and len(p.split()) <= 5 and _kind(p, "team_change")]
    if team or team_notes or team_desc or out.level:
        report = say["report_me"] if (role.level or out.level or default_level) == "hiring_manager" else (
            prompts.fill(say["report_to"], boss=out.hiring_manager, boss_first=out.hiring_manager.split()[0])
            if out.hiring_manager and not out.hiring_manager.startswith("the ") else say["report_unknown"])
        pieces = [x for x in [team, *team_desc[:1], *team_notes[:1]] if x]
        if pieces:
            out.answers["team"] = " ".join(pieces + [report])

    # Why the seat is open, and what happened to the last person.
    why = next((c for c in note_clauses + desc_pieces if _kind(c, "why_open")), "")
    projects = [c for c in note_clauses + desc_pieces if _kind(c, "project") and not _kind(c, "problem") and not _kind(c, "mechanism")]
    if why and (m := re.search(r"\b(?:the |our )?(?:previous|last|former|outgoing|old) [\w' -]{2,40}? (?:retired|left|moved on|resigned|quit|stepped down|was promoted)(?: in (?:the )?\w+)?", why, re.I)) \
            and _CAUSE.search(why):
        out.facts["why_open"] = out.facts["last_person"] = _spoken(m.group(0))  # only the leaving, not the cause read around it
    elif why:
        out.facts["why_open"] = out.facts["last_person"] = _spoken(why)
    elif grow := next((p for p in projects if re.search(r"\b(?:scal|expan|grow|new (?:line|site|wing|store|branch))", p, re.I)), ""):
        out.facts["why_open"] = prompts.fill(say["why_open_growth"], project=_inline(_said(grow, role)))

    for key, pattern in d["practical"].items():
        if found := [c for c in desc_pieces + note_clauses if re.search(pattern, c, re.I)]:
            out.facts[key] = _said(found[0], role)
    for key in ("schedule", "tools", "training"):
        found = [c for c in note_clauses + desc_pieces if _kind(c, key) and not _kind(c, "problem") and not _CAUSE.search(c)
                 and not _kind(c, "why_open") and len(c.split()) <= 25]
        # the clauses that say most about it first ("Evening and weekend shifts" before "night audit")
        found.sort(key=lambda c: -len(_rx(key).findall(c)))
        found = [c for i, c in enumerate(found[:2]) if i == 0 or len(_rx(key).findall(c)) >= 2]
        if found:
            out.facts[key] = " ".join(dict.fromkeys(_said(_focus(c, key), role) for c in found))
    if projects:
        out.facts["strategy"] = " ".join(_said(p, role) for p in projects[:2])

    # Problems, their stated causes, and the wrong reads the file rules out.
    problems = [c for c in note_clauses if _kind(c, "problem")]
    mechanisms = [c for c in note_clauses if (_kind(c, "mechanism") or _CAUSE.search(c))
                  and c not in problems[:1] and (not _kind(c, "why_open") or _CAUSE.search(c))]
    mechanisms.sort(key=lambda c: not _CAUSE.search(c))  # the clause that names the cause first
    if problems:
        main = problems[0]
        cause_in = _kind(main, "cause") or _kind(main, "mechanism")
        support = [m for m in mechanisms if m != main][: 1 if cause_in else 2]
        truth = " ".join(_spoken(c) for c in [main, *support])
        out.facts["challenges"] = prompts.fill(say["challenges"], problem=truth)
        subj = _subject(main)
        out.facts["team_mood"] = prompts.fill(say["team_mood"], subject=_inline(subj, subj)) if subj and not re.search(
            r"\b(?:problem|issue|challenge|thing)s?\b", subj, re.I) else say["team_mood_plain"]
        measured = re.search(r"\b(?:from .+ to|grown|grew|slipped|fell|fallen|dropped|climbed|rose|risen|doubled|tripled|rates?|scores?|times?|cost)\b", main)
        # a sentence-initial common noun ('Reprints have...') goes to lower case inside the template
        low = _lower(subj) if not re.search(r"[A-Z]", subj[1:]) else _inline(subj, subj)
        out.facts["success"] = prompts.fill(say["success"], subject=low) if subj and measured and not re.search(
            r"\b(?:problem|issue|challenge|thing|cause|reason)s?\b|:", subj, re.I) and not re.search(r" [A-Z][a-z]", subj) else say["success_plain"]
        out.answers["goals"] = prompts.fill(_pick(say["goals_problem"], role.title), problem=_spoken(main))
        out.goals = [_spoken(main)]
        if projects:
            out.answers["goals"] += " " + prompts.fill(say["goals_project"], project=_inline(_said(projects[0], role)) + ".")
            out.goals.append(_spoken(projects[0]))
        text = " ".join(every)
        subject = re.sub(r"^(?:the|our|its|their)\s+", "", _subject(main), flags=re.I) or "this"
        basis_main = [main, *support]
        found_any = False
        for i, mis in enumerate(d["misreads"]):
            when = mis["when"]
            applies = (bool(support) or cause_in) if when == "mechanism" else bool(re.search(when, text, re.I))
            if not applies:
                continue
            found_any = True
            basis = [main, *support] if when == "mechanism" else [next(c for c in every if re.search(when, c, re.I)), main]
            t = " ".join(_spoken(c) for c in dict.fromkeys(basis))
            out.realities.append(Reality(
                topic=prompts.fill(say["reality_topic"], subject=subject) + ("" if i == 0 else f" ({i + 1})"),
                keywords=_cause_keywords(basis, main, description) or [subject],
                misread_keywords=list(mis["keywords"]),
                truth=t,
                confirm=prompts.fill(_pick(say["reality_confirm"], role.title), truth=t),
                correct=prompts.fill(_pick(mis["correct"], role.title), truth=t),
            ))
        if not found_any:  # no wrong read the file rules out: the problem still gets confirmed when read right
            t = " ".join(_spoken(c) for c in basis_main)
            out.realities.append(Reality(topic=prompts.fill(say["reality_topic"], subject=subject), keywords=_cause_keywords(basis_main, main, description) or [subject],
                                         truth=t, confirm=prompts.fill(_pick(say["reality_confirm"], role.title), truth=t),
                                         correct=t))
        # a read that blames what the file rules out by name ("the drivers are not the main cause")
        for c in note_clauses:
            if m := re.search(d["kinds"]["ruled_out"], _lower(c), re.I):
                who = m.group("who").strip()
                t = " ".join(_spoken(x) for x in dict.fromkeys([main, c, *support]))
                words = [w for w in _WORD.findall(who.lower()) if len(w) > 3 and w not in {"main", "real", "they", "them"}]
                words += [w.rstrip("s") for w in words if w.endswith("s")]
                out.realities.insert(0, Reality(
                    topic=prompts.fill(say["reality_topic"], subject=subject) + " (ruled out)",
                    keywords=_cause_keywords([c, *support], main) or [subject],
                    misread_keywords=words + list(d["kinds"]["ruled_out_words"]),
                    truth=t, confirm=prompts.fill(_pick(say["reality_confirm"], role.title), truth=t),
                    correct=prompts.fill(_pick(d["kinds"]["ruled_out_correct"], role.title), who=who, truth=t)))
                break
        out.answers["ballpark_general"] = prompts.fill(say["ballpark"], truth=out.realities[0].truth if out.realities else _spoken(main))
    elif projects:
        out.answers["goals"] = prompts.fill(_pick(say["goals_problem"], role.title), problem=_spoken(projects[0]))
        out.goals = [_spoken(projects[0])]
    if out.level == "skip_level" and out.hiring_manager and not out.hiring_manager.startswith("the "):
        first = out.hiring_manager.split()[0]
        out.facts["hiring_manager_first"] = first
        out.facts["hiring_manager_style"] = prompts.fill(say["hiring_manager_style"], first=first)
    if targets := next((c for c in desc_pieces + note_clauses if re.search(d["targets"], c, re.I)), ""):
        said_t = _said(targets, role)
        out.answers["goals"] = f"{said_t} {out.answers['goals']}" if out.answers.get("goals") else said_t
        out.goals = [said_t] + out.goals
    duty = next((x for x in said if x.startswith("You'd")), "") or next((x for x in said if x.startswith("We need")), "")
    if duty and out.goals:
        out.role_serves_goals = prompts.fill(say["serves"], duty=_inline(duty) + ".")
    return out
