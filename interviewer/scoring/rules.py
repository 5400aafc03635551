"""The offline judge: one function per criterion, from candidate sentences to a verdict.

Each returns a RuleFinding: the verdict and the sentences that justify it. Patterns are broad
on purpose (real people rarely use the textbook phrase); exclusions encode the rubric's
hard negatives (salary "ballpark", "next steps for the product", generic strengths).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interviewer.scoring.signals import Reading, Sentence


@dataclass
class RuleFinding:
    verdict: str
    evidence: list[Sentence] = field(default_factory=list)
    detail: str = ""  # which half was missing, for partial feedback
    observation: str = ""  # the candidate's own read, for the try-saying line
    topic: str = ""


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), re.I)


# --- next_steps ----------------------------------------------------------------------------

PROCESS = _rx(
    r"\bnext steps?\b", r"\bwhat happens next\b", r"\bwhat(?:'s| is| comes) next\b", r"\bfrom here\b",
    r"\b(?:hiring|interview|interviewing|selection|recruitment|remaining) process\b", r"\brest of the process\b",
    r"\bthe process (?:from (?:here|now|your end|your side)|look like|going forward|after (?:this|today))\b", r"\bprocess from (?:here|your end|your side)\b", r"\btime ?(?:line|frame)\b",
    r"\bhear (?:back|from you)\b", r"\bexpect to hear\b", r"\bdecision\b", r"\bdecide\b",
    r"\b(?:anything|something)(?: else)?(?: more)? (?:you|that you)(?:'d)? (?:need|want|would need)\b",
    r"\bneed (?:anything|something)(?: else| more)? from me\b", r"\bneed from me\b",
    r"\b(?:anything|something)(?: else)? (?:i|that i) (?:can|could|should) (?:send|provide|share|prepare|get)\b",
    r"\bwho else (?:would|will|should|do|might) i\b", r"\b(?:next|final|another|third) (?:round|interview|stage|conversation)\b",
    r"\breferences?\b", r"\bwhere (?:do|does) (?:we|things|this) go\b", r"\bmove forward\b", r"\bmoving forward\b",
    r"\bwhen (?:would|will|could|should|might) (?:i|you|we) (?:know|hear|find out|start|be)\b",
    r"\b(?:follow[- ]up|get back to)\b", r"\bwrap(?:ping)? up (?:the|your) (?:search|process)\b",
    r"\bhow many (?:more )?(?:rounds|interviews|candidates)\b", r"\b(?:still )?interviewing other\b",
    r"\bstart date\b", r"\bone more round\b", r"\b(?:more|another|other) rounds?\b",
    r"\b(?:know|hear|get) (?:about )?(?:the )?(?:result|outcome|decision)\b", r"\bmak(?:e|ing) a (?:call|decision) on\b", r"\bmaking a call\b", r"\bfill (?:the|this) (?:role|position)\b", r"\bwhat else (?:do|would) you need\b",
)
NOT_PROCESS = _rx(
    r"next steps? (?:for|of|in|on|with) (?:the|your|our|my|this|that|those|these) (?!hiring|interview|process|search|selection|role|position|job|end\b|side\b)",
    r"next step in my career", r"next steps? (?:for|of) (?:the )?(?:product|platform|project|roadmap|company|business|team's)",
    r"decision[- ]makers?\b(?!.*\b(?:hire|hiring)\b)", r"decisions? (?:about|on) (?:the )?(?:data|pricing|product|strategy|stock)",
    r"moving forward,? (?:i|we|the)\b", r"\bdata[- ]driven decision",
)
STATED_INTEREST = _rx(r"\bhear back\b", r"\bwhat(?:ever)? comes next\b", r"\b(?:keep|be|keep on) moving (?:forward|ahead)\b", r"\bmov(?:e|ing) ahead\b", r"\b(?:keen|eager|happy|glad) to (?:keep (?:this|it|things) going|take (?:this|it|things) (?:further|forward))\b", 
    r"\b(?:keen|eager|excited|happy) to (?:continue|carry on|move forward|proceed|keep going)\b", r"\b(?:continue|proceed|carry on) (?:with|in) the process\b",
    r"\b(?:wait|waiting) to hear\b", r"\bhope to hear\b", r"\bhear (?:back )?(?:from you )?soon\b",
    r"look(?:ing)? forward to (?:hearing|the next|next|moving|talking)", r"\bnext steps?\b", r"\bhear(?:ing)? from you\b",
    r"\bmove forward\b", r"\bmoving forward in the process\b", r"\bnext (?:round|stage)\b",
)


def next_steps(r: Reading) -> RuleFinding:
    asked, stated = [], []
    for s in r.sentences:
        if not PROCESS.search(s.text) or NOT_PROCESS.search(s.text):
            if STATED_INTEREST.search(s.text) and not NOT_PROCESS.search(s.text):
                stated.append(s)
            continue
        (asked if s.is_question or _asks_process(s.text) else stated).append(s)
    if asked:
        return RuleFinding("covered", asked[:2])
    stated = [s for s in stated if STATED_INTEREST.search(s.text)]
    if stated:
        return RuleFinding("partial", stated[:1])
    return RuleFinding("missed")


def _asks_process(text: str) -> bool:
    if re.match(r"^(?:just |only |and |so |um,? )*(?:what|when|how|who|whether|if)\b", text, re.I):
        return True  # "Just what the next step is from here." asks, whatever its punctuation
    return bool(re.search(r"\b(?:let me know|please (?:send|tell)|happy to (?:send|provide))\b.*\b(?:need|anything)\b", text, re.I))


# --- ballpark_check --------------------------------------------------------------------------

CHECK = _rx(
    r"\bballpark\b", r"\bam i (?:off|wrong|right|close|on track|on the right track|reading|missing|way off|warm|getting)",
    r"\b(?:does|did|do) (?:that|this|it|my|any of that|all that|what i) .{0,30}?(?:match|line up|align|sound right|sound accurate|"
    r"ring true|track|square|resonate|fit with|hold up|jibe|gel|reflect)",
    r"\b(?:is|was|are) (?:that|this|those|my|these|it|any of that|all that) .{0,25}?(?:right|accurate|fair|correct|close|on target|"
    r"on the mark|off the mark|off base|how you see|how it looks|what you see|consistent|true|the case|in line|roughly)",
    r"\bhow (?:close|far off|accurate|off) (?:is|am|are|was)\b", r"\bwould you agree\b", r"\bdo you agree\b",
    r"\bcorrect me (?:if|where|on)\b", r"\btell me (?:if|where|what) (?:i'?m|i am|i'?ve|i have|i got|i'?d|i)\b.{0,20}?(?:off|wrong|missing|got)",
    r"\bhave i (?:got|gotten|read|understood) (?:that|this|it|the)\b", r"\bdid i (?:get|read|understand) (?:that|this|it|the)\b",
    r"\bis that how (?:it|things|you)\b", r"\b(?:is|does) my (?:read|understanding|sense|take|assumption|picture|impression)\b",
    r"\bam i (?:reading|understanding|seeing) (?:that|this|it|the)\b", r"\bwhat am i (?:missing|getting wrong)\b",
    r"\bwhere (?:am i|i'?m) (?:off|wrong)\b", r"\bpush back (?:on (?:me|that|this|any of (?:that|this))|if)\b", r"\bset me straight\b", r"\bsanity[- ]check\b",
    r"\bvalidate (?:my|that|this|those)\b", r"\bconfirm (?:or correct|whether|if) (?:my|that|this|i)\b",
    r"\bhow (?:does|do) (?:that|this|those) (?:compare|match) (?:to|with) (?:what|how|reality|your)\b",
    r"\bfar off\b", r"\bon the right track\b", r"\bmissing something\b", r"\bstop me if\b",
    r"\bwould you say (?:that'?s|that is|it'?s|it is|this is) (?:accurate|right|fair|true|correct|about right)\b",
    r"\b(?:that'?s|that is|is that|is this|this is) (?:a )?(?:accurate|about right|roughly right|fair (?:picture|read|reading|summary|assessment|description))\b",
    r"\bright (?:ballpark|track)\b", r"\bway off\b", r"\b(?:i might|i could|i may) be (?:totally |completely |way |a bit |a little |a long way )?(?:off|wrong)\b.{0,15}\?",
)
NOT_CHECK = _rx(
    r"\b(?:salary|salaries|pay|paid|compensation|comp|offer|budget|thousand|bonus|pay range|hourly|wage|wages)\b", r"\$\s?\d", r"\b\d+k\b",
    r"\bmake sense\b", r"\bdoes that answer\b",
)
INVITE = _rx(
    r"\b(?:curious|love|like|interested|keen|appreciate|welcome|open)\b.{0,20}?\b(?:your|what you|how you)\b.{0,12}?\b(?:take|thoughts|reaction|think|feedback|read|(?<!point of )view|opinion|see (?:it|that|things))\b",
    r"\bwhat(?:'s| is| are) your (?:take|thoughts|read|reaction) on (?:that|this|my|what|it|those|where|how|whether)\b", r"\bwhat do you think\b",
    r"\bwhat you make of (?:that|this|it|those)\b", r"\bhow (?:that|this|it) lands\b",
    r"\bhow do you see (?:it|that|this)\b", r"\byour (?:take|thoughts|perspective|reaction) on (?:that|this|my|what|it|those)\b",
)
OBSERVATION = _rx(r"\bi (?:got|get) the (?:sense|impression|feeling)\b", 
    r"\b(?:i think|i suspect|i imagine|i expect|i'?d guess|i guess|i get the (?:sense|impression)|my sense|my read|my guess|"
    r"my impression|my understanding|my assumption|i noticed|i'?ve noticed|i gather|it seems|it sounds like|it looks like|"
    r"from what i|i'?m assuming|i assume|i see|the way i see|as i see|i believe|i'?d bet|i'?m guessing|"
    r"biggest (?:challenge|risk|issue|problem|opportunity|gap)|pitfall|bottleneck|landscape|my hypothesis|i read that|i saw that)"
)


def ballpark_check(r: Reading, vision: RuleFinding | None = None) -> RuleFinding:
    checks, invites = [], []
    reads, approaches = vision_sentences(r)
    own_view = {s.turn for s in reads + approaches}
    observed_before = False
    for t in r.candidate_turns:
        if not t.usable:
            continue
        turn_observes = observed_before or t.turn in own_view or any(OBSERVATION.search(s.text) for s in t.sentences) or len(t.text.split()) > 60
        for s in t.sentences:
            if not (CHECK.search(s.text) or INVITE.search(s.text)) or NOT_CHECK.search(s.text) or _salary_context(t, s):
                continue
            if CHECK.search(s.text) and not (INVITE.search(s.text) and re.search(r"\b(?:i might|i could|i may) be\b", s.lower)) and (
                    s.is_question or re.search(r"correct me|tell me (?:if|where)|push back|set me straight|stop me", s.lower)):
                # "Correct me if I'm wrong, but <their situation>?" carries its own observation.
                if turn_observes or OBSERVATION.search(s.text) or len(s.text.split()) >= 15:
                    checks.append(s)
            elif INVITE.search(s.text) and turn_observes:
                invites.append(s)
        observed_before = observed_before or turn_observes
    if checks:
        return RuleFinding("covered", checks[:2])
    if invites:
        return RuleFinding("partial", invites[:1])
    return RuleFinding("missed")


def _salary_context(turn, s: Sentence) -> bool:
    """A 'ballpark' next to pay talk is about money, not about the candidate's observations."""
    if "ballpark" not in s.lower:
        return False
    i = turn.sentences.index(s)
    near = " ".join(x.text for x in turn.sentences[: i + 1]) + " " + turn.prompt[-300:]
    money_near = PAY.search(near) or re.search(r"\$|\b\d+k\b|\bthousand\b|\bbase\b", near, re.I)
    number_here = re.search(r"\d", s.text) or re.search(WORD_NUMBER, s.text, re.I)
    return "ballpark" in s.lower and bool(money_near or number_here)


# --- role_vision -----------------------------------------------------------------------------

READ = _rx(r"\bi (?:got|get) the (?:sense|impression|feeling)\b", 
    r"\bi'?d (?:guess|bet|imagine|say) (?:that |the |your |you\b|there |it |a |most |some )", r"\bwhat (?:struck|stood out to|jumped out at|surprised) (?:me|us)\b",
    r"\bwhat (?:stood out|jumped out|struck me)\b", r"\bmy (?:working )?(?:assumption|hunch|guess|hypothesis) is\b",
    r"\bthe way i see\b", r"\bhow i see\b", r"\bas i see it\b", r"\bi see (?:the|this|a|your|it as)\b", r"\bmy (?:read|sense|take|impression|understanding|hypothesis)\b",
    r"\bit (?:seems|sounds|looks) (?:like|as if|to me)\b", r"\bseems (?:like|to be)\b",
    r"\bi (?:think|suspect|imagine|expect|'?d guess|get the sense|noticed|gather|believe|'?m guessing|assume|sense) (?:that )?(?:the|your|there(?:'s| is| are)|you|this (?!is)|reps|clients|customers|teams?|data|kids|students|patients|nurses)\b",
    r"\bbiggest (?:challenge|risk|pitfall|opportunity|gap|issue|problem|hurdle|headache|lever|win)\b",
    r"\b(?:main|real|key|core|first|obvious|hardest|tricky) (?:challenge|risk|pitfall|issue|problem|hurdle|gap|constraint|bottleneck|tension)\b",
    r"\bchallenges? (?:will|would|is|are|seems?|looks?)\b", r"\bpitfalls?\b", r"\blandscape\b", r"\bbottlenecks?\b", r"\bpain points?\b",
    r"\bfrom what i(?:'ve| have)? (?:seen|read|heard|gathered|understand|learned|can tell)\b", r"\bwhat i(?:'m| am) (?:seeing|hearing)\b",
    r"\bthe (?:risk|danger|trap) (?:is|would be)\b", r"\bwhere (?:things|it|the team) (?:break|falls? down|gets? stuck)\b",
    r"\b(?:struggl|strain|stretched|bottleneck|backlog|inconsisten|silo|manual|spreadsheet|churn|turnover|messy|fragmented|outdated)\w*\b.*\b(?:is|are|seems?|looks?|has|have)\b",
)
# An approach: the candidate in the first person, future or conditional, followed by an action
# (any verb but the ones that only hedge or talk: "I'd love", "I'd need to see", "I'd say").
_MODAL = re.compile(
    r"\b(?:i'?d|i would|i will|i'?ll|i'?m going to|i plan to|i want to|i aim to|i intend to|"
    r"my (?:approach|plan|first (?:step|move|priority|goal)|priority|instinct|focus|goal) (?:would be|is|will be)(?: to)?)\s+",
    re.I,
)
_SKIP = set("probably also first then really definitely likely actually want to like start begin try by aim look honestly "
            "immediately quickly still just want would definitely personally".split())
_NOT_ACTION = set("send bring love be say think guess imagine hope need rather appreciate bet assume expect feel enjoy know hear ask "
                  "wonder fit thank welcome say suspect prefer agree add mention note been".split())
_FIRST_PERSON = re.compile(r"\b(?:i'?d|i'?ll|i will|i would|i'?m going to|i plan|my|we'?d|we'?ll)\b", re.I)
PLAN_PHRASE = _rx(
    r"\b(?:in|during|over|for) (?:my|the) first (?:\d+|thirty|sixty|ninety|two|three|four|six|few|couple of)? ?(?:days|weeks|months|month|week|quarter|year)\b",
    r"\b(?:first|initial) (?:30|60|90|thirty|sixty|ninety)(?:[- ]days?)?\b", r"\b30[-/ ]60[-/ ]90\b", r"\bstep one\b",
    r"\bfirst thing i(?:'d| would| will|'ll)\b", r"\b(?:month|week|day) one\b", r"\bmy approach\b", r"\bhow i(?:'d| would) approach\b",
    r"^(?:first|second|third|then|next),? (?:i(?:'d| would)|month|week|quarter)",
)


class _Approach:
    """Matches a sentence that says what the candidate would do."""

    def search(self, text: str):
        if PAY_ASK.search(text):
            return False
        if PLAN_PHRASE.search(text) and _FIRST_PERSON.search(text):
            return True
        if _IMPERATIVE_STEP.match(text):  # "Then build one model that ..." continues a plan
            return True
        return self.modal_action(text)

    @staticmethod
    def modal_action(text: str) -> bool:
        for m in _MODAL.finditer(text):
            for word in re.findall(r"[a-z'-]+", text[m.end():].lower())[:4]:
                if word in _SKIP:
                    continue
                return word not in _NOT_ACTION
        return False


_IMPERATIVE_STEP = re.compile(
    r"^(?:and )?(?:then|first|second|third|next|after that|finally),? (?:build|set up|set|create|start|run|get|put|move|make|clean|fix|"
    r"automate|map|meet|pull|write|train|roll out|standardi[sz]e|consolidate|introduce|launch|review|audit|add|cut|track)\b", re.I)
APPROACH = _Approach()
PAY_ASK = _rx(r"\bi'?d (?:want|need|expect|look for|be looking (?:for|at)|be hoping for) (?:something|somewhere|around|at least|closer|in the|north of|about)\b")
HEDGE = _rx(
    r"\b(?:not sure|no idea|don'?t know|hard to say|too early to say|wait and see|see what (?:happens|comes)|figure (?:it|things) out)\b",
    r"\b(?:need|have) to (?:see|learn|know|understand|get)\b", r"\bbefore i (?:knew|know|could say|could tell)\b",
    r"\b(?:need|have) to be\b.{0,30}\b(?:while|first|before|longer)\b", r"\b(?:need|have|want) to\b.{0,40}\bfirst\b[.!]?$",
    r"\bfirst before\b", r"\bbefore i (?:say|commit|decide)\b",
    r"\b(?:move forward|hear from you|be part of|join the team|get the (?:job|role))\b", r"\bi'?ve been thinking about\b",
    r"\bbefore i'?d (?:have|form|give|offer) (?:an? )?(?:opinion|view|plan|answer)\b", r"\bwant to learn how\b", r"\brather not guess\b",
    r"\b(?:learn|see|know|understand|get a feel for|get to know|listen)\b.{0,40}\bfirst\b[.!]?$",
)
_PAST_VERB = (r"(?:ran|did|had|took|made|went|built|led|wrote|got|set|began|started|grew|cut|brought|kept|moved|launched|"
              r"created|managed|handled|redid|introduced|worked|helped|spent|hired|trained|tracked|used)")
# Looking at *this* company is observation, not past experience: "I noticed", "I counted".
_PERCEIVED = r"(?:noticed|counted|watched|looked|visited|walked|observed|talked|asked|listened|checked|reviewed|learned|gathered|heard|read|saw|found|took|spotted|realised|realized|gathered|researched|dug|poked|sat|shadowed|spoke)"
PAST_SELF = _rx(
    rf"\b(?:i|we) (?:also |basically |actually |then |just )?{_PAST_VERB}\b",
    rf"\b(?:i|we) (?:also |basically |actually |then |just )?(?!need\b|feed\b|proceed\b|succeed\b|exceed\b|speed\b|{_PERCEIVED}\b)[a-z]+ed\b", r"\bwhere i am now\b", r"\bwhen i (?:took over|started|was|joined)\b",
    r"^(?:so |and |yeah,? |um,? )*(?:i|we) (?:currently |also |usually |always |basically |mostly )?(?:run|manage|supervise|oversee|handle|look after|own|prepare|process|cover|do|help|support|work on|deal with)\b",
    r"\bat my (?:current|present)\b",
    r"\bi'?ve (?:done|been doing|worked|managed|led|had|spent|always|got|run|built)\b", r"\bi know (?:the|how|it|this)\b",
    r"\bi'?ve been (?!thinking|reading|looking|watching|told|listening|following)\w+", r"\b(?:i|we)'d (?:documented|had|done|been|seen|tried|built)\b",
    r"\bi learned (?:a lot|so much|how to)\b", r"\b(?:for|over) (?:the (?:last|past) )?(?:\w+ )?(?:years|months)\b.{0,20}\b(?:i|i'?ve)\b",
    r"\b(?:at|in) my (?:last|current|previous|old|first) (?:job|role|company|team|employer|position|school|year)\b",
    r"\bmy (?:last|current|previous|old) (?:job|role|company|team|employer|manager|boss)\b", r"\bwhen i was\b", r"\bi used to\b",
    r"^(?:so |and )?i (?:worked|managed|led|built|taught|ran|created|started|had|was|did|spent|helped|handled|grew|cut)\b",
    r"\bmy last (?:job|role|place|company|team)\b",
)
# A read of the whole industry is not a read of this role.
INDUSTRY = _rx(r"\bthe industry\b", r"\bin general\b", r"\bindustry[- ]wide\b", r"\bacross the (?:industry|sector|board)\b", r"\beveryone in (?:the|this) (?:industry|field|business)\b")
CHATTER = _rx(r"\blook(?:ing)? forward\b", r"\bnot really a question\b", r"\bwhere i'?m at\b", r"\bcovered (?:everything|it all|most of it)\b", r"\byou covered\b", r"\b(?:were|was|been) answered\b",
              r"\bexplained (?:everything|it all|it well|that well|really well)\b", r"\b(?:any|my|more) questions\b", r"^(?:thanks|thank you|great|sounds good|wonderful|perfect)\b", r"\bglad to (?:meet|be)\b")
ORG_REF = _rx(
    r"\byour\b", r"\byou(?:'re| are| have|'ve)\b", r"\bthe (?:team|role|company|firm|unit|department|school|floor|branch|branches|"
    r"data|reps?|clients?|customers?|pipeline|process|product|platform|site|program|students|patients|nurses|shift|org|organization)\b",
    r"\d", r"\b[A-Z][a-z]+(?:'s)?\b(?<!^)", r"\b(?:it'?s|there'?s|there are|they'?re|that'?s)\b",
    r"\bthe [a-z-]+(?:'s)? (?:is|are|has|have|seems?|looks?|isn'?t|aren'?t|gets?|goes|runs?|sits?|needs?|keeps?|takes?|comes?)\b",
)
GENERIC = _rx(
    r"\bhard[- ]work(?:er|ing)\b", r"\bwork well under pressure\b", r"\b(?:stay(?:ed|s)?|keep (?:them|the team|everyone)) (?:positive|motivated|happy)\b", r"\bresult[- ]oriented\b", r"\bsee (?:where|how) i can help\b", r"\blisten to (?:the|my) team\b", r"\bsupport my team\b", r"\bmake sure everyone\b", r"\bfeels? heard\b", r"\bwork(?:ing)? (?:really )?hard\b", r"\bdo my best\b", r"\bfigure it out\b", r"\bteam player\b", r"\bfast learner\b", r"\bquick learner\b", r"\bdetail[- ]oriented\b",
    r"\bpeople person\b", r"\bself[- ]starter\b", r"\bgo[- ]getter\b", r"\bwork ethic\b", r"\bpassionate\b",
    r"\b(?:strong|great|good|excellent) (?:communicat|interpersonal|people|work|organi[sz]|analytical|attention)",
    r"\bi(?:'m| am) (?:very |really |extremely |super )?(?:organi[sz]ed|motivated|dedicated|reliable|hard-?working|driven|adaptable|flexible|positive)\b",
    r"\bgive (?:it )?(?:110|100|a hundred)\b", r"\bfollow the (?:sops?|procedures?|rules|process|policies)\b", r"\bmake sure everything\b", r"\bpeople are people\b",
    r"\b(?:is|are) (?:really |so |very |just )?(?:the face of|the heart of|the backbone of|key|crucial|so important|really important|critical|everything)\b",
    r"\b(?:great|exciting|amazing|wonderful|good|really good|fantastic) (?:opportunity|company|place|team|fit)\b", r"\bdo a (?:good|great) job\b",
    r"\bi'?m (?:very |really |quite |pretty |super )?(?:good|great|strong|analytical|experienced|skilled|comfortable|confident|proficient|detail)\b",
    r"\bi'?ve been (?:learning|teaching myself|taking a course|doing a course)\b",
    r"\bi'?m (?:a |an )?(?:natural|born|very|really|quite|super|extremely)\b", r"\bi love (?:working|helping|people|customers|guests|patients|kids)\b",
    r"\b(?:looks?|sounds?|seems?) (?:really |very |so )?(?:interesting|exciting|great|good|amazing|fun)\b",
    r"\b(?:it'?s|that'?s|this is) (?:so |really |very |super )?(?:exciting|interesting|amazing|great|cool)\b",
    r"\bthe approach i (?:take|use)\b", r"\bstrengths? of mine\b", r"\bmy (?:biggest |main |key )?strengths?\b", r"\bi'?m the (?:one|person|go-to)\b",
    r"\bstandard (?:\w+ )?stuff\b", r"\bthe usual (?:stuff|things)\b", r"\bwhat any (?:good )?\w+ would do\b", r"\bi (?:usually|always|typically|normally|tend to)\b",
    r"\b(?:communicate|prioriti[sz]e|stay calm|stay organi[sz]ed|listen to (?:them|people|everyone))\b(?!.{0,40}\b(?:by|with the|using|through)\b)",
    r"\b(?:learn and (?:grow|develop)|my (?:qualification|career|development|cima|cpa|certification)|keen to learn)\b",
    r"\b(?:course|qualification|certificate|certification|diploma|exams?|cpd|degree|technician course)\b",
    r"\bi am (?:very |really |quite )?(?:good|great|strong|experienced|skilled|hard-?working|dedicated|organi[sz]ed|reliable)\b",
    r"\bmy (?:customers|clients|colleagues|managers?|team|boss) (?:always |really )?(?:appreciate|love|like|trust|praise) me\b",
    r"\bi can (?:read|write|use|code|speak|program|handle|manage|work with)\b", r"\bmy (?:strengths?|skills?) (?:are|is|include)\b", r"\bbring my (?:skills|experience|energy|strengths)\b",
    r"\bi (?:just )?(?:love|enjoy) (?:working with people|helping|a challenge)\b", r"\bbest of my ability\b", r"\bwhatever it takes\b",
)
BEHAVIOURAL = _rx(
    r"\bhow (?:would|do|did) you (?:handle|deal with|respond|react|approach a|manage a|cope)\b", r"\bwhat (?:would|do|did) you do (?:if|when)\b",
    r"\btell me about a time\b", r"\b(?:describe|give me|walk me through) (?:a|an) (?:time|situation|example|occasion)\b",
    r"\ban example of\b", r"\bwhat if\b", r"\bwalk me through (?:a|an|it)\b", r"\b(?:troubleshoot|diagnose)\b", r"\b(?:tech|technical) question\b", r"\byou'?re on a call\b", r"\bscenario\b", r"\bwhat do you do\?", r"\bhypothetical\b", r"\bsay (?:a|an|someone|one of)\b.{0,80}\bwhat (?:would|do) you\b",
)
PAST_NARRATIVE = _rx(
    r"\b(?:was|were|had|did|didn'?t|wasn'?t|weren'?t|ended up|gave|got|went|came|took|said|told|happened|turned out|cleared)\b",
)
# Words that describe any job, not this one: an approach made only of them is generic.
_VAGUE = set("listen understand help support communicate communication prioritise prioritize stay calm team everyone people yeah closely managers "
             "work hard best good great job learn things stuff try make sure really just well lot able also always".split())


def _concrete(text: str) -> bool:
    words = [w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _VAGUE and w not in _APPROACH_FILLER]
    return len(set(words)) >= 3 or bool(re.search(r"\d", text))


_APPROACH_FILLER = set("would want like start first then that this with what they them their there from into have your "
                       "definitely certainly probably honestly maybe obviously basically actually".split())


def _specific(s: Sentence) -> bool:
    return len(s.text.split()) >= 7 and not GENERIC.search(s.text) and not HEDGE.search(s.text) and not CHATTER.search(s.text)


def _names(text: str) -> set[str]:
    """Capitalised names the interviewer used (people, units, products): what 'their' world is called."""
    return {w for w in re.findall(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-zA-Z]{2,})", text)} - {"The", "And", "But", "So", "We", "You", "I'm", "I've"}


def _about_them(sentence: str, entities: set[str]) -> bool:
    """A past-tense sentence is an observation of *their* organisation when it says you/your or
    names something the interviewer named; otherwise it is the candidate's own story."""
    if re.search(r"\b(?:you|your|you'd|you've|you're)\b", sentence, re.I):
        return True
    return bool(entities & set(re.findall(r"\b[A-Z][a-zA-Z]{2,}\b", sentence)))


def _restates(sentence: str, prompt: str) -> bool:
    """The candidate only giving back what the interviewer just said."""
    mine = set(re.findall(r"[a-z]{4,}", sentence.lower())) - _VAGUE - _APPROACH_FILLER - {"see", "think", "challenge", "really"}
    theirs = set(re.findall(r"[a-z]{4,}", prompt.lower()))
    return len(mine) >= 4 and len(mine & theirs) / len(mine) >= 0.6


def vision_sentences(r: Reading) -> tuple[list[Sentence], list[Sentence]]:
    """The candidate's read of the role (landscape, challenges) and their approach to it."""
    if r.vision is None:
        r.vision = _vision_sentences(r)
    return r.vision


def _vision_sentences(r: Reading) -> tuple[list[Sentence], list[Sentence]]:
    reads, approaches = [], []
    for t in r.candidate_turns:
        if not t.usable:
            continue
        substantive = len(t.text.split()) >= 35
        generic_turn = sum(bool(GENERIC.search(s.text)) for s in t.sentences) >= max(1, len(t.sentences) // 2)
        if generic_turn or BEHAVIOURAL.search(t.prompt[-250:]):  # stories and hypotheticals are not a vision of the role
            continue
        # An answer about pay is not a vision (but a turn that ignores the pay question may be one).
        pay_turn = bool(PAY.search(t.prompt)) and any(PAY.search(x.text) or FIGURE.search(x.text) for x in t.sentences)
        planning = False  # after an approach sentence, the turn's plain statements are more of the plan
        entities = _names(r.interviewer_text)
        industry = False  # once a turn talks about the industry at large, only sentences about *you* are a read
        for s in t.sentences:
            industry = industry or bool(INDUSTRY.search(s.text))
            if s.text.rstrip().endswith("?") or not _specific(s) or PAST_SELF.search(s.text):
                continue
            if FIT_STATEMENT.search(s.text) or PAY.search(s.text) or pay_turn:
                continue
            if INDUSTRY.search(s.text) or _restates(s.text, t.prompt):
                continue
            if READ.search(s.text) and not APPROACH.modal_action(s.text):
                reads.append(s)  # "my read is ... in the first ninety days" is a read, not a plan
                continue
            if APPROACH.search(s.text):
                if _concrete(s.text):
                    approaches.append(s)
                planning = True
            elif INDUSTRY.search(s.text) or _restates(s.text, t.prompt):
                continue
            elif industry and not re.search(r"\b(?:your|here|this (?:company|team|role|site|office|branch|operation)|"
                                            r"you(?:'ve| have) got|you(?:'re| are) (?:seeing|running|using|doing|dealing|growing))\b", s.lower):
                continue
            elif READ.search(s.text) or (
                not planning and substantive and len(s.text.split()) >= 9 and ORG_REF.search(s.text) and not _MODAL.search(s.text)
                and not (PAST_NARRATIVE.search(s.text) and not _about_them(s.text, entities))
            ):
                reads.append(s)
    return reads, approaches


def role_vision(r: Reading) -> RuleFinding:
    reads, approaches = vision_sentences(r)
    if reads and approaches:
        return RuleFinding("covered", [reads[0], approaches[0]], observation=_short(reads[0].text))
    if reads:
        return RuleFinding("partial", reads[:1], detail="approach", observation=_short(reads[0].text))
    if approaches:
        return RuleFinding("partial", approaches[:1], detail="read")
    return RuleFinding("missed")


def _short(text: str, limit: int = 18) -> str:
    text = re.sub(r"^(?:so|and|but|well|honestly|okay|ok)[, ]+", "", text.strip(), flags=re.I)
    text = re.sub(r"^(?:i think|my read is|my sense is|it seems like|the way i see it,?|as i see it,?)\s+(?:that\s+)?", "", text, flags=re.I)
    ws = text.rstrip(".!?").split()
    out = " ".join(ws[:limit]) + (" ..." if len(ws) > limit else "")
    return out[0].lower() + out[1:] if out else out


# --- goals_alignment -------------------------------------------------------------------------

GOALS = _rx(
    r"\bgoals?\b", r"\bpriorit(?:y|ies)\b", r"\bobjectives?\b", r"\bokrs?\b", r"\btargets?\b", r"\bstrateg(?:y|ic|ies)\b",
    r"\bvision for\b", r"\bfocused on\b", r"\bfocus (?:this|for the|over the) (?:year|quarter)\b", r"\bwhere (?:is|do you see) (?:the|this) (?:company|team|business|department|unit|firm|organi[sz]ation)\b",
    r"\b(?:trying|hoping|aiming|looking) to (?:achieve|accomplish|hit|grow|build)\b", r"\bgrowth plans?\b", r"\broadmap\b",
    r"\b(?:big|biggest|main|top) (?:bets?|focus|push|initiatives?)\b", r"\bmission\b",
    r"\bwhat(?:'s| is) the plan\b", r"\bis the plan\b", r"\bplans? for (?:the|this) (?:business|company|team|group|firm|department|year|unit|organi[sz]ation|site|studio|school)\b",
    r"\bwhere(?:'s| is) (?:the|this|your) (?:[\w-]+ )?(?:going|headed|heading)\b", r"\bwhere (?:do you see|are you taking|is .{1,30} going)\b",
    r"\b(?:trying|hoping|aiming|looking|planning|chasing) (?:to )?(?:do|achieve|accomplish|hit|grow|get|build|reach)\b", r"\bchasing\b",
    r"\bover the next (?:year|two|three|few|couple|\d)", r"\bmilestones?\b", r"\bknown for\b", r"\bin (?:five|three|two|ten|\d+) years'? time\b",
    r"\bwant (?:this|the|our) (?:school|company|business|team|firm|hospital|organi[sz]ation|department|unit|practice|clinic) to\b", r"\baiming (?:for|at)\b", r"\bgoing for\b", r"\btrying to hit\b", r"\bwin look like\b", r"\bby this time next year\b", r"\bachieve(?:d)?\b",
    r"\b(?:need|needs) (?:this|the) (?:operation|team|department|business|unit|site|division|group) to (?:deliver|achieve|do|hit)\b", r"\bnext (?:few|couple of|two|three) years\b", r"\bthis year\b.{0,30}\b(?:number|target|aim)\b", r"\bwhat(?:'s| is) (?:the|your) (?:team|company|department)(?:'s)? focus\b",
)
CONTRIBUTES = _rx(
    r"\bhow (?:does|would|will|can|could|do|might) (?!you\b|people\b)[\w' ,&-]{1,60}? (?:contribut\w*|support\w*|fits?|feeds?|ties?|tied|connects?|helps?|drives?|plays?|serves?|moves?|impacts?|affects?|advances?|plugs?)\b",
    r"\b(?:how|where) do you see [\w' ,&-]{1,60}? (?:contribut\w*|support\w*|fit\w*|help\w*|play\w*|feed\w*|sit\w*)\b",
    r"\bhow (?:this|the|my|that|our|a|an) [\w' ,&-]{1,40}? (?:contributes|supports|fits|feeds|ties|helps|drives|plays|serves|moves|connects)\b",
    r"\bhow [\w' ,&-]{1,40}? (?:contributes|supports|fits|feeds|ties|helps|drives|plays|serves|moves|connects) (?:them|those|that|it|into|in|to|with)\b",
    r"\bdeliver (?:against|on|toward|towards) (?:them|those|that|it|the)\b",
    r"\bhow much of (?:that|those|it|this|the \w+) (?:would|will|do|does|should)\b.{0,50}\b(?:this|the|my) (?:seat|role|position|job|desk|team|person)\b", r"\b(?:want|need|expect)s? [\w&' -]{1,30}? to (?:deliver|contribute|achieve)\b",
    r"\bwhere (?:does|do|would|will|might) [\w' ,&-]{1,60}? (?:fit|plug|come into|come in|sit|land|carry|contribute|help)\b",
    r"\bmove the needle\b", r"\bhow much of (?:that|it|this|those) (?:is|would|will|should)\b.{0,40}\b(?:come from|be down to|rest on|fall on|sit with|be on)\b", r"\bwhere [\w' -]{1,40}? (?:fits?|plugs?|comes? in|sits?) (?:in|into)?\b",
    r"\b(?:measured|judged|evaluated|assessed|measure|judge|evaluate|assess) (?:the |this |a |my )?[\w -]{0,30}?against (?:them|those|that|it|the (?:goals?|targets?|plan|number))\b",
    r"\bfactors? in\b", r"\b(?:piece|part|share|slice|role) (?:of|in) (?:that|those|this|it|them)\b", r"\bneed (?:the|this|my|me|a) [\w -]{0,25}?to (?:move|hit|drive|deliver)\b",
    r"\b(?:feed|feeds|map|maps|tie|ties|plug|plugs|fit|fits|sit|sits|connect|connects|contribute|contributes|link|links)\b (?:in ?to|onto|into|in|with) (?:that|those|this|them|it|the (?:goals?|plan|targets?|strategy|number))\b",
    r"\b(?:this|the|that) (?:role|seat|position|job|hire)\b.{0,80}\b(?:that|those|them|goals?|targets?|numbers?|plan|strategy)\b",
    r"\b(?:role|position|job) (?:plays?|fits?|feeds?|ties?|contribut|supports?|serves?)\b", r"\bwhere (?:does|would|do|will) (?:this|the|that|i|my)(?: \w+)? ?(?:role|position|job|seat|team)? ?(?:fit|plug|come in|sit|land)\b",
    r"\b(?:tie|ties|tied|connect|connects|link) (?:back )?(?:in)?to\b", r"\bpart in (?:that|those|this)\b", r"\bhow i(?:'d| would| could)? (?:help|contribute|support)\b",
)
SUCCESS = _rx(
    r"\b(?:judge|measure|evaluate|assess|review) (?:me|my performance|this role|the role|someone in this role)\b", r"\bwhat numbers\b",
    r"\bhow (?:is|will|would|do|does)\b.{0,30}\b(?:measured|evaluated|judged|assessed)\b",
    r"\bhow (?:you'?d|you would|you will|will you|would you|do you) (?:measure|judge|evaluate|know|define|assess)\b",
    r"\b(?:good|great|successful) first (?:year|six months|90 days|quarter|ninety days|sixty days|thirty days|few months|month)\b", r"\bsucceed(?:ing)?\b", r"\bsuccess\b",
    r"\bwhat (?:does|would|will) success look like\b", r"\bhow (?:is|will|would) (?:success|performance|this role|the role|i|someone) (?:be )?(?:measured|evaluated|judged)\b",
    r"\b(?:kpis?|metrics)\b", r"\bwhat would (?:make|a great|great|an excellent)\b", r"\bgoals? for (?:this|the) (?:role|position|person)|goals? for me\b",
    r"\bexpectations? for (?:the|this) (?:role|first)\b", r"\bsuccessful in (?:this|the) (?:role|position|first)\b",
)
NOT_GOALS = _rx(r"\bbonus\b|\bcommission\b|\bsalary\b|\bpaid\b", r"\bmy (?:own )?(?:career )?goals?\b", r"\b(?:sales|quota) targets? (?:for|of) (?:me|the rep)\b(?!.*team)")


def goals_alignment(r: Reading) -> RuleFinding:
    goals, links, success = [], [], []
    for s in r.sentences:
        if not (s.is_question or re.search(r"\bcurious|wondering|love to (?:hear|know)|tell me\b", s.lower)):
            continue
        if SUCCESS.search(s.text):
            success.append(s)
            if GOALS.search(s.text) and not NOT_GOALS.search(s.text):
                goals.append(s)
            if CONTRIBUTES.search(s.text) and not re.search(r"goals? for (?:this|the) (?:role|position)|goals? for me", s.lower):
                links.append(s)
            continue
        if GOALS.search(s.text) and not NOT_GOALS.search(s.text):
            goals.append(s)
            if CONTRIBUTES.search(s.text):
                links.append(s)
        elif CONTRIBUTES.search(s.text):
            links.append(s)
    if goals and links:
        ev = [links[0]] if links[0] in goals else [goals[0], links[0]]
        return RuleFinding("covered", ev)
    if goals:
        return RuleFinding("partial", goals[:1], detail="goals")
    if success:
        return RuleFinding("partial", success[:1], detail="success")
    return RuleFinding("missed")


# --- compensation ----------------------------------------------------------------------------

PAY = _rx(
    r"\bsalar(?:y|ies)\b", r"\bcompensation\b", r"\bcomp (?:range|band|package|expectations?)\b", r"\bpay (?:range|band|scale|rate|grade|structure|expectations?)\b",
    r"\bwhat (?:it|the role|this role|the job) pays\b", r"\bbase pay\b", r"\bbonus(?:es)?\b", r"\bcommissions?\b", r"\bequity\b", r"\bstock options?\b",
    r"\$\s?\d", r"\b\d{2,3}\s?(?:k|K)\b", r"\b\d{2,3}(?:,\d{3})\b", r"\b\d{2,3} thousand\b", r"\bhourly rate\b", r"\bOTE\b",
    r"\btotal (?:package|comp)\b", r"\bnumbers? (?:in mind|you'?re (?:looking|thinking))\b", r"\bexpectations? (?:on|for|around) (?:pay|salary|comp)",
    r"\bbenefits package\b", r"\bwages?\b", r"\bretirement match\b", r"\b401k\b", r"\b(?:the|your|my|our|their|on|about|of|what|base|starting|take-home|hourly|expected|talk|discuss) pay\b(?! (?:attention|off))",
    r"\bpay (?:is|was|would be|for (?:this|the) (?:role|job|position)|range|band|structure|scale|rate|grade|review|expectations?)\b", r"(?-i:^Pay\b)", r"\bpay[- ]?wise\b",
    r"\bsalary schedule\b", r"\bdifferential\b", r"\b\d{2,3}(?:,\d{3}|k| thousand)? (?:base|salary|a year|per year|an hour|per hour)\b", r"\bmoney[- ]?wise\b", r"\b(?:shift|night|weekend) (?:premium|allowance|differential|rate)\b",
    r"\bcomp plan\b", r"\bincentives?(?: plan| scheme| structure)?\b", r"\bctc\b", r"\blpa\b", r"\b\d+(?:\.\d+)? ?lakhs?\b", r"\bremuneration\b", r"(?-i:\b(?:STI|LTI)\b)",
    r"\bplus super\b", r"\bsuperannuation\b", r"\b(?:the|salary|pay|remuneration|total|compensation|benefits) package\b",
    r"\b(?:work|sort|figure) (?:out )?the money\b", r"\b(?:about|talk|discuss|discussing|talking) (?:the )?money\b",
    r"\bthe base (?:for|is|of|salary|pay)\b", r"\bthousand dollars? (?:position|role|job|salary|a year|per year|base)\b", r"\b(?:dollar|pound|euro|rupee) (?:position|role|job|salary|a year)\b",
    r"\bunion scale\b", r"\bstep scale\b", r"\babout comp\b", r"\b(?:posted|salary|pay) range\b",
    r"\bthe range (?:for (?:this|the) (?:role|position|job)|is \d|is (?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))", r"[£€₹]\s?\d", r"\baccelerators?\b", r"\bquota\b", r"\bper annum\b", r"\bpay ?(?:scale|grade|band)\b",
    r"\b(?:pay|salary|comp|compensation) band\b", r"\bthe band (?:is|for (?:this|the) (?:role|position|job))\b",
    r"\b(?:talk|discuss|talking|discussing) (?:about )?(?:money|pay|salary|numbers|comp)\b",
    r"(?-i:\bpays\b)(?! off)", r"\b(?:dollars|fifty|\d+) (?:an|per) hour\b", r"\bstep (?:one|two|three|four|five|\d) or\b",
)
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
WORD_NUMBER = rf"\b(?:{_TEENS}|{_TENS}(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|a hundred|one hundred|(?:one|two|three|four|five|six|seven|eight|nine) hundred)(?:[- ](?:five|thousand|k|grand|fifty))?\b(?! percent|%)"
FIGURE = _rx(WORD_NUMBER, rf"\b(?:one|two|three|four|five|six|seven|eight|nine) {_TENS}\b(?! percent|%)",r"\$\s?\d", r"\b\d{2,3}\s?(?:k|K)\b", r"\b\d{2,3}(?:,\d{3})\b", r"\b\d{2,3}(?:\.\d)? thousand\b", r"\b(?:low|mid|high|upper|lower)[- ](?:\d0s|sixties|seventies|eighties|nineties|fifties|forties)\b",
             r"\b(?:sixty|seventy|eighty|ninety|fifty|forty|a hundred)[- ]?(?:\w+[- ])?(?:thousand|k)\b", r"\b\d{2,3} to \d{2,3}\b", r"\b\d{2}(?:\.\d+)? (?:an|per) hour\b")
# A number followed by one of these counts something else, not money.
_NOT_A_UNIT = r"(?! (?:minutes?|hours?|days?|weeks?|months?|years?|percent|people|staff|sites?|stores?|branches|beds|calls|tickets|files|accounts|clients|customers|patients|kids|students|units|doors|trucks|routes))"
# A figure right before these nouns is a grant, a budget or a contract, not pay.
OTHER_MONEY = _rx(r"(?:\d|thousand|million|k)\b[\s-]*(?:[\w-]+\s+){0,2}?(?:dollars?\s+)?(?:grants?|budgets?|contracts?|funding|revenue|sales|deals?|"
                  r"portfolio|loans?|fund|donations?|campaign|award|tender|bid)\b")
PAY_WORD = _rx(r"\b(?:salary|pay|compensation|base|bonus|hourly|rate|range|package|ctc|wages?|comp|hoping for|looking for|expect\w*)\b")
FIGURE_MONEY = _rx(r"\$\s?\d", r"[£€₹]\s?\d", r"\b\d{2,3}\s?(?:k|K)\b", r"\b\d{2,3}(?:,\d{3})\b", r"\b\d{2,3} thousand\b",
                   r"\b\d+(?:\.\d+)? ?(?:lakhs?|lpa)\b", r"\b(?:thousand|grand|k)\b")
MONEY_CUE = _rx(
    r"\b(?:base|salary|range|package|expect\w*|hoping|looking (?:for|at)|target\w*|research\w*|based on|asking|current(?:ly)?|make|making|earn\w*|paid|pay|"
    r"comp|band|rate|an hour|a year|per year|annum|thousand|grand|lakhs?|ctc|top of|bottom of|middle of|mid|upper|lower|"
    r"i'?m (?:at|on)|i'?d (?:need|want|be looking)|would (?:make sense|work)|closer to)\b",
)
PAY_QUESTION = _rx(
    r"\b(?:range|band|bonus|commission|equity|benefits|structure|structured|package|raise|review cycle|401k|pto|retirement|base|"
    r"step progression|steps? on the (?:scale|grid)|progression|increments?|grid|scale|variable|allowance|overtime|guaranteed)\b",
)
VAGUE_PAY = _rx(
    r"\bflexible\b", r"\bopen\b", r"\bnegotiable\b", r"\bwhatever (?:is|you think is) fair\b", r"\bfair\b", r"\bcompetitive\b",
    r"\bnot (?:too |that )?(?:worried|concerned|focused)\b", r"\bnot the most important\b", r"\bwork (?:it|something) out\b",
    r"\bmarket rate\b", r"\bdepends\b", r"\bthe money\b", r"\bnot the main thing\b", r"\bhappy to be flexible\b", r"\bwhatever\b", r"\bworks for me\b", r"\bis fine\b", r"\bstandard\b", r"\bhaven'?t (?:really )?thought\b", r"\brather not (?:say|give)\b", r"\bcome back to\b",
)


def compensation(r: Reading) -> RuleFinding:
    if not PAY.search(r.all_text):
        return RuleFinding("not_applicable")
    concrete, vague = [], []
    for t in r.candidate_turns:
        if not t.usable:
            continue
        # Pay is the subject if the interviewer just raised it or the candidate does in this turn.
        on_pay = bool(PAY.search(t.prompt)) or any(PAY.search(s.text) for s in t.sentences)
        if not on_pay:
            continue
        for s in t.sentences:
            # A bare number is a pay figure only beside money words ("I'm at fifty-four now").
            bare = re.search(r"\b\d{2,3}\b" + _NOT_A_UNIT, s.text) or re.search(WORD_NUMBER + _NOT_A_UNIT, s.text, re.I)
            if OTHER_MONEY.search(s.text) and not PAY_WORD.search(s.text):
                continue  # a grant, a budget or a contract is money, but not their pay
            figure = FIGURE_MONEY.search(s.text) or (bare and MONEY_CUE.search(s.text))
            if figure or (s.is_question and (PAY_QUESTION.search(s.text) or PAY.search(s.text))):
                concrete.append(s)
            elif PAY.search(s.text) and re.search(r"\b(?:research|looking (?:at|for)|expect|target|aiming|based on)\b", s.lower):
                concrete.append(s)
            elif PAY.search(s.text) or VAGUE_PAY.search(s.text):
                vague.append(s)
    if concrete:
        return RuleFinding("covered", concrete[:2])
    if vague:
        return RuleFinding("partial", vague[:1])
    return RuleFinding("missed")


# --- mutual_fit ------------------------------------------------------------------------------

FIT = _rx(
    r"\bmanagement style\b", r"\bmanag(?:e|ing|er)(?:'s)? style\b", r"\bleadership style\b", r"\blike to work (?:for|with)\b", r"\bwhat are you like\b",
    r"\bhow (?:do|would) you (?:like to )?(?:manage|lead|give feedback|support|communicate|run|coach|handle|describe yourself|work with)\b",
    r"\bteam(?:'s)? (?:dynamic|culture|like|get along|work together|made up|structured|structure|vibe|morale|personalit)", r"\b(?:tell me|more) about the team\b",
    r"\bwho (?:would|will) i (?:be )?(?:working|work|report|partner|sit)\b", r"\bculture\b", r"\bwhat do you (?:enjoy|like|love|find)\b",
    r"\bwhy (?:is|did|was) (?:the|this) (?:role|position|job|seat) (?:open|become|available|vacant)\b", r"\b(?:last|previous) person\b", r"\bturnover\b",
    r"\bhow long have you been\b", r"\bwork[- ]life balance\b", r"\bwhat kind of (?:person|people|personality)\b", r"\bwhat(?:'s| is) it like (?:to work|working)\b",
    r"\bfrustrat", r"\bfeedback\b", r"\bhow (?:does|do) (?:the|your) team\b", r"\bwhat (?:does|do) (?:the|your) team\b", r"\bwhat keeps you\b",
    r"\bwhy did you (?:join|choose|come)\b", r"\bday[- ]to[- ]day\b.*\b(?:with you|the team|together)\b", r"\bhow (?:do|does) (?:you|the team) (?:handle|deal with|resolve) (?:conflict|disagreement|mistakes)\b",
    r"\bwho (?:thrives|does well|succeeds)\b", r"\bthrives?\b", r"\bone-on-ones?\b", r"\b1[:-]1s?\b", r"\bmentor", r"\bgrowth (?:path|opportunit)", r"\bwhat (?:makes|made) you\b",
    r"\bhow (?:would|do) you describe (?:the|your) (?:team|culture|style|environment)\b", r"\byour style\b",
    r"\bhow (?:much|often) (?:do|would|will) you (?:want|like|expect|be involved|check)\b", r"\bhow (?:involved|hands-on|available)\b",
    r"\bhow do you and (?:[A-Z][\w'-]+|the \w+) (?:split|divide|share|work|handle)\b", r"\bway of working\b", r"\bway you work\b",
    r"\bhow would you describe\b.{0,40}\b(?:style|team|culture|manager|management|leadership|working)\b", r"\bhow is the team\b",
    r"\bwhat(?:'s| is| are) the (?:crew|team|staff|department|group|people|kitchen|office|unit|shop|floor|desk) like\b", r"\bwhat you (?:enjoy|like|love)\b",
    r"\bkept you\b", r"\bhow long ha(?:s|ve) (?:the |your )?[\w -]{0,25}(?:team|group|staff|crew)\b", r"\bstable (?:group|team)\b",
    r"\bhow (?:do )?you run (?:your|the)\b", r"\bare you a\b", r"\bwhy did (?:the )?(?:last|previous|other) [\w ]{1,25}leave\b",
    r"\b(?:independence|autonomy|freedom|latitude)\b", r"\bas a (?:manager|boss|leader)\b",
    r"\bwhy(?:'s| is)? (?:the|this) (?:role|position|job|seat)(?:'s| is)? (?:open|available|vacant)\b", r"\bwhy is it open\b",
    r"\bworking relationship\b", r"\brelationship (?:is )?(?:like )?between\b", r"\bsomeone (?:before|leave|left)\b", r"\bdid (?:someone|they|he|she) leave\b",
    r"\bhow long ha(?:ve|s) (?:[\w-]+ ){0,3}been (?:here|with you|with the|on the|there|in the)\b", r"\bget (?:on|along) with\b", r"\bwho(?:'s| is| are) on the team\b",
    r"\bhow do you like (?:your|to|people)\b", r"\b(?:ask|know|hear|learn) (?:a (?:bit|little) )?(?:more )?about you\b", r"\bhow are you (?:in|as|to work)\b", r"\bworking with you\b", r"\bwork with you\b",
    r"\b(?:team|people|staff|group) (?:like|dynamics?|morale)\b", r"\bleadership\b", r"\bwhat (?:the )?(?:support|culture|team|vibe|atmosphere|environment|management)\b.{0,25}\bis like\b",
    r"\bhow (?:do|does) (?:you|leadership|management) (?:and \w+ )?(?:work together|handle|support|back)\b", r"\bsix separate\b|\bkingdoms\b", r"\bwhat(?:'s| is) (?:\w+ )?like (?:as a|to work)\b", r"\bmicromanag", r"\bautonomy\b", r"\bstay(?:ed)? (?:here|at|with)\b",
)
FIT_WORDS = _rx(r"\b(?:team|culture|fit(?: in)?|manager|boss|people|staff|colleagues|coworkers|environment|department|someone|collegiality|work for)\b")
VALUE_WORDS = _rx(r"\bi'?d (?:just |really |honestly )*(?:like|love|want) (?:to be |to work )?(?:somewhere|a (?:place|team|manager|boss))\b",
                  r"\bfor me,? (?:it )?(?:really )?(?:matters|is important)\b", r"\bit (?:really )?matters (?:to (?:work|be)|that)\b", r"\b(?:important to me|matters?(?: a lot| so much| most)? to me|i value|i care (?:a lot )?about|i (?:just |really |honestly )*want|i'?m (?:really |just )?looking for|i need|means a lot|i hope|hoping|big (?:deal )?for me|click|important)\b")


class _Both:
    def search(self, text: str):
        return FIT_WORDS.search(text) and VALUE_WORDS.search(text)


FIT_STATEMENT = _Both()
NOT_FIT = _rx(r"\bfeedback (?:from|on) (?:the )?(?:clients?|customers?|reps?|users?|surveys?)\b", r"\bcustomer culture\b", r"\bsales culture of (?:the )?clients\b")


# Any question about the people side: who they are, how they work together, how the boss leads,
# why people leave. Goals, pay and process questions belong to other criteria.
_PEOPLE = _rx(r"\b(?:team|crew|colleagues|co-?workers|peers|managers?|boss|supervisors?|leaders?|leadership|staff|people|"
              r"designers|engineers|nurses|officers|physicians|department|predecessor|previous|last person|someone)\b")
# "you" questions count only about how the interviewer leads and works with people.
_YOU_AS_BOSS = _rx(r"\b(?:you|your)\b.{0,40}\b(?:style|lead|leadership|manage|managing|feedback|trust|micromanag\w*|like to work|"
                   r"work with|working with|goes wrong|go wrong|disagree\w*|check in|run (?:the|your))\b")
_RELATION = _rx(r"\b(?:disagree\w*|disagreements?|conflicts?|settled?|decisions? (?:get|are) made|decide|style|lead|leads|leading|"
                r"manage|managing|handle|handled|support|supports|supported|feedback|trust|micromanag\w*|check in|"
                r"get on|get along|together|alongside|work with|working with|work for|working for|like to work|"
                r"left the|leave|leaving|happened (?:with|to)|turnover|stayed|been here|so many|goes wrong|go wrong|"
                r"culture|atmosphere|vibe|environment|values|morale|personalit\w*|enjoy|like about)\b")


def _fit_question(s: Sentence) -> bool:
    if not s.is_question or PROCESS.search(s.text) or PAY.search(s.text) or (GOALS.search(s.text) and not FIT.search(s.text)):
        return False
    if CHECK.search(s.text):
        return False
    return bool(FIT.search(s.text) or (_PEOPLE.search(s.text) and _RELATION.search(s.text)) or _YOU_AS_BOSS.search(s.text))


def mutual_fit(r: Reading) -> RuleFinding:
    asked, stated = [], []
    for s in r.sentences:
        if not NOT_FIT.search(s.text) and (_fit_question(s) or (FIT.search(s.text) and re.search(
                r"\bcurious|wondering|tell me|love to (?:hear|know)\b", s.lower) and not FIT_STATEMENT.search(s.text))):
            asked.append(s)
        elif FIT_STATEMENT.search(s.text):
            stated.append(s)
    if asked:
        return RuleFinding("covered", asked[:2])
    if stated:
        return RuleFinding("partial", stated[:1])
    return RuleFinding("missed")


def judge_all(r: Reading) -> dict[str, RuleFinding]:
    vision = role_vision(r)
    return {
        "role_vision": vision,
        "ballpark_check": ballpark_check(r, vision),
        "next_steps": next_steps(r),
        "goals_alignment": goals_alignment(r),
        "compensation": compensation(r),
        "mutual_fit": mutual_fit(r),
    }


# --- a loose gate for a capable model's opinion ---------------------------------------------

_LOOSE = {
    "role_vision": lambda t: bool(READ.search(t) or APPROACH.search(t) or ORG_REF.search(t)) and len(t.split()) >= 7 and not GENERIC.search(t),
    "ballpark_check": lambda t: bool(CHECK.search(t) or INVITE.search(t)) and not NOT_CHECK.search(t),
    "next_steps": lambda t: bool(PROCESS.search(t) or STATED_INTEREST.search(t)) and not NOT_PROCESS.search(t),
    "goals_alignment": lambda t: bool(GOALS.search(t) or CONTRIBUTES.search(t) or SUCCESS.search(t)),
    "compensation": lambda t: bool(PAY.search(t) or FIGURE.search(t)),
    "mutual_fit": lambda t: bool(FIT.search(t) or FIT_STATEMENT.search(t)),
}


def carries_signal(criterion: str, text: str) -> bool:
    """Does this candidate sentence show any sign of the criterion at all? A model may only
    raise a verdict with a quote that passes this: it can add judgement, not invent evidence."""
    return _LOOSE[criterion](text)
