"""Zoom's WebVTT: cues whose text starts "Speaker Name: text".

A cue line without a prefix continues the speaker before it (in the same cue, or the
previous cue). Consecutive cues of one speaker become one turn, starting at the first cue.
Also reads SRT files with the same "Name: text" cue lines.
"""

from __future__ import annotations

import re

from .base import (
    Dialogue,
    TurnBuilder,
    drop_cut_tag,
    has_webvtt_header,
    roles_from_labels,
    speaker_labels,
    speaker_name,
    split_label,
    timing_lines,
    vtt_cues,
)

FORMAT = "zoom_vtt"

_VOICE = re.compile(r"<v[ .]", re.I)


def sniff(text: str) -> float:
    if has_webvtt_header(text):
        cues = vtt_cues(text)
        voiced = sum(1 for c in cues if any(_VOICE.search(ln) for ln in c.lines))
        if cues and voiced * 2 >= len(cues):
            return 0.4
        return 0.9
    if timing_lines(text) >= 2:
        return 0.6
    return 0.0


_TAG = re.compile(r"<[^>]*>")


def parse(text: str) -> Dialogue:
    cues = vtt_cues(text)
    if cues and cues[-1].lines:
        cues[-1].lines[-1] = drop_cut_tag(cues[-1].lines[-1])
    for c in cues:
        c.lines = [_TAG.sub("", ln).strip() for ln in c.lines]
    # a label that opens a cue counts even when used once (a panel member's one remark), unless
    # it is one word before lower-case words: "Ownership: that's the real gap." is prose
    first_labels = [p[0] for c in cues if c.lines and (p := split_label(c.lines[0]))
                    and not (len(p[0].split()) == 1 and p[1][:1].islower())]
    all_labels = [p[0] for c in cues for ln in c.lines if (p := split_label(ln))]
    speakers = speaker_labels(all_labels, once_ok=first_labels)
    b = TurnBuilder()
    for c in cues:
        for k, line in enumerate(c.lines):
            p = split_label(line)
            if p and p[0] in speakers:
                name = speaker_name(p[0])
                if b.current == name:
                    b.add(p[1])
                else:
                    b.start(name, p[1], start=c.start)
            else:
                b.add(line)
    used = [lab for lab in all_labels if lab in speakers]
    return Dialogue(format=FORMAT, utterances=b.utterances, roles=roles_from_labels(used))
