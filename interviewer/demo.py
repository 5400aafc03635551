"""`interviewer demo`: a simulated candidate, scripted in personas/candidates/*.toml, answers
a whole interview against the configured model (the embedded one by default)."""

from __future__ import annotations

from interviewer import prompts
from interviewer.models import CandidateScript


class SimulatedCandidate:
    """Says the next unused line for the interviewer's current stage; once a stage's lines have run
    out, what a person says then (prompts/candidate.toml), never its last line again."""

    def __init__(self, script: CandidateScript):
        self.script = script
        self.said: dict[str, int] = {}

    def answer(self, stage: str) -> str:
        lines = self.script.answers.get(stage) or self.script.answers.get("react") or ["I see."]
        i = self.said.get(stage, 0)
        self.said[stage] = i + 1
        if i < len(lines):
            return lines[i]
        spare = prompts.data("candidate.toml")["out_of_lines"]
        after = spare.get(stage) or spare["default"]
        return after[min(i - len(lines), len(after) - 1)]


class ScriptedInput:
    """A file-like stdin for the terminal loop: each readline() is the candidate's next turn."""

    def __init__(self, candidate: SimulatedCandidate, session, limit: int = 40):
        self.candidate, self.session, self.left = candidate, session, limit

    def isatty(self) -> bool:
        return False

    def readline(self) -> str:
        if self.session.finished or self.left <= 0:
            return ""
        self.left -= 1
        return self.candidate.answer(self.session.interview.state.stage) + "\n"
