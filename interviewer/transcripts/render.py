"""A transcript written out as Markdown (for `interviewer export --format md`)."""

from __future__ import annotations

from interviewer.models import Transcript
from interviewer.sanitize import md, md_lines


def transcript_markdown(t: Transcript) -> str:
    # names, roles and every turn (model replies included) are escaped: no raw HTML or markup
    lines = [f"# Second interview: {md(t.role or 'practice')}", ""]
    meta = [("Session", t.id), ("Persona", t.persona), ("Model", t.model), ("Backend", t.backend)]
    lines += [f"- **{k}:** {md(v)}" for k, v in meta if v]
    lines.append("")
    for turn in t.turns:
        when = f" _{turn.at:%H:%M:%S}_" if turn.at else ""
        label = "Interviewer" if turn.speaker == "interviewer" else "Candidate"
        lines.append(f"**{md(turn.name)}** ({label}){when}")
        lines.append("")
        lines += [f"> {line}" if line else ">" for line in md_lines(turn.text)]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
