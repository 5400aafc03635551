"""A transcript written out as Markdown (for `interviewer export --format md`)."""

from __future__ import annotations

from interviewer.models import Transcript


def transcript_markdown(t: Transcript) -> str:
    lines = [f"# Second interview: {t.role or 'practice'}", ""]
    meta = [("Session", t.id), ("Persona", t.persona), ("Model", t.model), ("Backend", t.backend)]
    lines += [f"- **{k}:** {v}" for k, v in meta if v]
    lines.append("")
    for turn in t.turns:
        when = f" _{turn.at:%H:%M:%S}_" if turn.at else ""
        label = "Interviewer" if turn.speaker == "interviewer" else "Candidate"
        lines.append(f"**{turn.name}** ({label}){when}")
        lines.append("")
        lines += [f"> {line}" if line else ">" for line in turn.text.splitlines()]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
