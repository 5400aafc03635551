"""Microsoft Teams' WebVTT: cues with `<v Speaker Name>text</v>` voice tags.

The voice text may span lines and its closing tag may be missing. Other tags are dropped.
Text outside any voice tag continues the speaker before it. Consecutive cues of one speaker
become one turn.
"""

from __future__ import annotations

import html
import re

from .base import Dialogue, TurnBuilder, drop_cut_tag, has_webvtt_header, speaker_name, timing_lines, vtt_cues

FORMAT = "teams_vtt"

_VOICE_OPEN = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]*)>", re.I)
_VOICE_ANY = re.compile(r"<v[ .]", re.I)
# "- <v Dana>Hi</v>": a dash that marks a change of speaker inside one cue
_DASH_BEFORE_VOICE = re.compile(r"(^|\n|>)[ \t]*[-–—][ \t]*(?=<v[ \t.])", re.I)
_TAG = re.compile(r"</?[A-Za-z][^>]*>|<\d[^>]*>")


def sniff(text: str) -> float:
    cues = vtt_cues(text)
    voiced = sum(1 for c in cues if any(_VOICE_ANY.search(ln) for ln in c.lines))
    if not voiced:
        return 0.0
    dominant = voiced * 2 >= len(cues)
    if has_webvtt_header(text):
        return 0.95 if dominant else 0.3
    if timing_lines(text) >= 1:
        return 0.7 if dominant else 0.2
    return 0.0


def _clean(s: str) -> str:
    return html.unescape(_TAG.sub("", s))


def parse(text: str) -> Dialogue:
    b = TurnBuilder()
    cues = vtt_cues(text)
    for k, cue in enumerate(cues):
        body = "\n".join(cue.lines)
        if k == len(cues) - 1:
            body = drop_cut_tag(body.rstrip())
        body = _DASH_BEFORE_VOICE.sub(r"\1", body)
        pieces = _VOICE_OPEN.split(body)
        # pieces: [before, name1, text1, name2, text2, ...]
        before = _clean(pieces[0])
        for ln in before.split("\n"):
            b.add(ln)
        for name_raw, chunk in zip(pieces[1::2], pieces[2::2]):
            name = speaker_name(_clean(name_raw))
            said = _clean(chunk)
            lines = [ln for ln in said.split("\n")]
            if not name:
                for ln in lines:
                    b.add(ln)
                continue
            if b.current == name:
                for ln in lines:
                    b.add(ln)
            else:
                b.start(name, lines[0] if lines else "", start=cue.start)
                for ln in lines[1:]:
                    b.add(ln)
    return Dialogue(format=FORMAT, utterances=b.utterances)
