"""Transcript import: reading files safely, format detection, parsing, and finding the candidate."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from interviewer.models import Transcript
from interviewer.transcripts import (
    FORMATS,
    MAX_BYTES,
    CandidateChoice,
    Dialogue,
    TranscriptError,
    Utterance,
    detect,
    identify_candidate,
    load,
    parse,
    read_text,
    to_transcript,
)

HERE = Path(__file__).parent
FIX = HERE / "fixtures" / "formats"

# file, detected format, speakers in order, number of turns, candidate, stated outright (certain)
CASES = [
    ("json_basic.json", "json", ["Dana Whitfield", "Sam Patel"], 5, "Sam Patel", True),
    ("json_minimal.json", "json", ["Interviewer", "Candidate"], 4, "Candidate", True),
    ("plain_header.txt", "plain", ["Dana Whitfield", "Sam Patel"], 5, "Sam Patel", False),
    ("plain_names.txt", "plain", ["Mary-Jo O'Neil", "J. Smith"], 7, "J. Smith", False),
    ("plain_qa.txt", "plain", ["Q", "A"], 5, "A", True),
    ("plain_panel.txt", "plain", ["PRIYA", "TOM", "JORDAN"], 11, "JORDAN", False),
    ("plain_speakers.txt", "plain", ["Speaker 1", "Speaker 2"], 5, "Speaker 2", False),
    ("zoom_basic.vtt", "zoom_vtt", ["Dana Whitfield", "Sam Patel"], 4, "Sam Patel", False),
    ("zoom_srtish.vtt", "zoom_vtt", ["Speaker A", "Speaker B"], 4, "Speaker B", False),
    ("teams_basic.vtt", "teams_vtt", ["Caroline Webb", "Marcus Reid"], 4, "Marcus Reid", False),
    ("teams_panel.vtt", "teams_vtt", ["Lee Park", "Ana de la Cruz", "Jo Bright"], 8, "Jo Bright", False),
    ("otter_names.txt", "otter", ["Dana Whitfield", "Sam Patel"], 5, "Sam Patel", False),
    ("otter_speakers.txt", "otter", ["Speaker 1", "Speaker 2"], 5, "Speaker 2", False),
    ("ts_brackets.txt", "timestamped", ["Omar Haddad", "Lucy Fairbanks"], 7, "Lucy Fairbanks", False),
    ("ts_short.txt", "timestamped", ["Speaker 1", "Speaker 2"], 5, "Speaker 2", False),
]
IDS = [c[0] for c in CASES]


def fixture(name: str) -> str:
    return read_text(FIX / name)


def texts(d: Dialogue) -> list[str]:
    return [u.text for u in d.utterances]


# --- detection and parsing of every fixture ------------------------------------------------


@pytest.mark.parametrize("name,fmt,speakers,turns,candidate,certain", CASES, ids=IDS)
def test_detect(name, fmt, speakers, turns, candidate, certain):
    assert detect(fixture(name)) == fmt


@pytest.mark.parametrize("name,fmt,speakers,turns,candidate,certain", CASES, ids=IDS)
def test_parse_speakers_and_turns(name, fmt, speakers, turns, candidate, certain):
    d = parse(fixture(name))
    assert d.format == fmt
    assert d.speakers == speakers
    assert len(d.utterances) == turns
    # merged: no two consecutive turns by one speaker, and nothing empty
    assert all(a.name != b.name for a, b in zip(d.utterances, d.utterances[1:]))
    assert all(u.text.strip() for u in d.utterances)


@pytest.mark.parametrize("name,fmt,speakers,turns,candidate,certain", CASES, ids=IDS)
def test_identify_candidate(name, fmt, speakers, turns, candidate, certain):
    choice = identify_candidate(parse(fixture(name)))
    assert choice.name == candidate
    assert sorted(choice.alternatives) == sorted(s for s in speakers if s != candidate)
    if certain:
        assert choice.confidence == 1.0
    else:
        assert 0.8 <= choice.confidence < 1.0
    assert choice.reason and "\n" not in choice.reason


@pytest.mark.parametrize("name,fmt,speakers,turns,candidate,certain", CASES, ids=IDS)
def test_detection_ignores_the_file_name(tmp_path, name, fmt, speakers, turns, candidate, certain):
    misleading = tmp_path / ("transcript.json" if fmt != "json" else "transcript.vtt")
    shutil.copyfile(FIX / name, misleading)
    transcript, choice, dialogue = load(misleading)
    assert dialogue.format == fmt
    assert choice.name == candidate


def test_every_format_has_two_fixtures():
    counts = {f: sum(1 for c in CASES if c[1] == f) for f in FORMATS}
    assert all(n >= 2 for n in counts.values()), counts


# --- format details ------------------------------------------------------------------------


def test_plain_header_lines_are_not_speakers():
    d = parse(fixture("plain_header.txt"))
    assert d.header == [
        "Second interview - Sales Analyst",
        "Date: 3 March 2026",
        "Role: Sales Analyst",
        "Location: Zoom",
        "Participants: Dana Whitfield, Sam Patel",
        "Interviewer: Dana Whitfield",
    ]
    # a colon inside a turn is not a new speaker; a blank line starts a paragraph
    assert d.utterances[1].text == (
        "Thanks for having me. Here's the thing: we grew 40% at my last company and the reporting never kept up.\n"
        "So my approach would be to automate the weekly report first."
    )
    # two labelled lines in a row by one speaker are one turn
    assert d.utterances[3].text == "What are the next steps from here?\nAnd is there anything else you need from me?"
    assert all(u.start is None for u in d.utterances)


def test_plain_names_with_punctuation_and_a_one_off_colon_line():
    d = parse(fixture("plain_names.txt"))
    assert d.utterances[1].text == (
        "Thanks for having me. In my first month I'd meet every account owner. Note: this part was hard to hear.\n"
        "Then I'd build the renewal calendar."
    )
    assert d.utterances[3].text.startswith("Two things: what does success look like")


def test_plain_role_labels_and_continuation():
    d = parse(fixture("plain_qa.txt"))
    assert d.utterances[3].text == "Because I want to work closer to sales. I also like the product."


def test_plain_parenthetical_roles_are_stated():
    text = (
        "Dana Whitfield (Hiring Manager): Thanks for coming in.\n"
        "Sam Patel (Candidate): Thanks for having me.\n"
        "Dana Whitfield (Hiring Manager): Tell me about your last role.\n"
        "Sam Patel (Candidate): I ran reporting.\n"
    )
    d = parse(text)
    assert d.speakers == ["Dana Whitfield", "Sam Patel"]
    choice = identify_candidate(d)
    assert (choice.name, choice.confidence) == ("Sam Patel", 1.0)


def test_plain_header_with_role_labels_used_in_the_dialogue():
    text = (
        "Interviewer: Dana Whitfield\n"
        "Candidate: Sam Patel\n"
        "Date: 3 March 2026\n"
        "\n"
        "Interviewer: Thanks for coming in.\n"
        "Candidate: Thanks for having me.\n"
    )
    d = parse(text)
    assert d.header == ["Interviewer: Dana Whitfield", "Candidate: Sam Patel", "Date: 3 March 2026"]
    assert texts(d) == ["Thanks for coming in.", "Thanks for having me."]


def test_plain_markdown_bold_labels():
    d = parse("**Dana:** Welcome back.\n**Sam:** Thanks for having me.\n**Dana**: Any questions?\n**Sam**: What's next?\n")
    assert d.speakers == ["Dana", "Sam"]
    assert texts(d) == ["Welcome back.", "Thanks for having me.", "Any questions?", "What's next?"]


def test_non_role_parenthetical_stays_in_the_name():
    d = parse("Dana Whitfield: Welcome back.\nSam Patel (Guest): Thanks.\nDana Whitfield: Questions?\nSam Patel (Guest): None.\n")
    assert d.speakers == ["Dana Whitfield", "Sam Patel (Guest)"]


def test_timestamped_one_remark_from_a_third_person():
    d = parse(
        "[00:01] Dana: Welcome back. Walk me through it.\n"
        "[00:05] Sam: Thanks for having me. I'd start with the data.\n"
        "[00:09] Lee: Sorry I'm late.\n"
        "[00:12] Dana: No problem. Any questions for me?\n"
        "[00:15] Sam: What's the team like?\n"
    )
    assert d.speakers == ["Dana", "Sam", "Lee"]
    assert identify_candidate(d).name == "Sam"


def test_zoom_cue_continuation_and_merging():
    d = parse(fixture("zoom_basic.vtt"))
    sam = d.utterances[1]
    assert sam.text == (
        "Thanks for having me. My read is that the weekly report is built by hand every Monday. "
        "So my approach would be to automate it first. Am I in the ballpark?"
    )
    assert [u.start for u in d.utterances] == [1.0, 10.0, 62.0, 67.25]


def test_zoom_short_timings_and_colon_in_unlabelled_cue():
    d = parse(fixture("zoom_srtish.vtt"))
    assert [u.start for u in d.utterances] == [1.0, 4.5, 12.5, 15.5]
    assert d.utterances[1].text == (
        "I'd start by meeting the team in my first month. "
        "Here's the thing: we grew 40% last year and the reports never kept up."
    )


def test_teams_voice_tags():
    d = parse(fixture("teams_basic.vtt"))
    assert texts(d) == [
        "Morning Marcus, thanks for making the time again. You'd be on my team. How are you thinking about the job?",
        "Sure. My read is that each channel measures success differently & nobody compares them. Is that roughly right?",
        "It's roughly right. What would you like to ask me?",
        "What are the next steps?",
    ]
    assert d.utterances[1].start == 17.01


def test_otter_header_footer_and_paragraphs():
    d = parse(fixture("otter_names.txt"))
    assert d.header == ["Transcript", "Second interview - Sales Analyst"]
    assert d.utterances[1].text == (
        "Thanks for having me. My read is that the weekly report is built by hand, and nobody trusts the numbers.\n"
        "So my approach would be to automate it first. Am I in the ballpark?"
    )
    assert d.utterances[3].text == "What are the next steps from here?\nAnd is there anything else you need from me?"
    assert d.utterances[3].start == 80.0
    assert "otter.ai" not in d.utterances[-1].text


def test_otter_hour_timestamps():
    d = parse(fixture("otter_speakers.txt"))
    assert [u.start for u in d.utterances] == [2.0, 15.0, 70.0, 80.0, 3723.0]


def test_timestamped_continuations():
    d = parse(fixture("ts_brackets.txt"))
    assert d.header == ["Interview recording - Customer Success Manager"]
    assert d.utterances[0].text == "Lucy, welcome back. You'd be reporting to me directly. How would you approach this role?"
    assert d.utterances[1].text == (
        "Thanks for having me. In my first month I'd call the top twenty accounts. Then I'd build a simple health "
        "score. Here's the thing: most accounts only log in at review time."
    )
    assert d.utterances[1].start == 10.0


def test_timestamped_short_and_round_brackets():
    d = parse(fixture("ts_short.txt"))
    assert [u.start for u in d.utterances] == [2.0, 9.0, 90.0, 100.0, 112.0]
    assert d.utterances[1].text.endswith("So I'd start by staging the morning loads earlier. Am I reading that right?")


def test_json_keeps_roles_times_and_metadata():
    d = parse(fixture("json_basic.json"))
    assert d.roles == {"Dana Whitfield": "interviewer", "Sam Patel": "candidate"}
    assert d.utterances[1].text == "Thanks for having me. My read is that the weekly report is built by hand.\nAm I in the ballpark?"
    assert [u.start for u in d.utterances] == [0.0, 20.0, 60.0, 90.0, 120.0]
    t = to_transcript(d, "Sam Patel")
    assert (t.id, t.persona, t.role, t.backend, t.model) == (
        "practice-2026-03-03-1", "dana_sales", "Sales Analyst", "embedded", "smollm2-135m")
    assert t.turns[0].at is not None and t.turns[0].at.isoformat() == "2026-03-03T10:00:00+00:00"


def test_explicit_format_overrides_detection():
    text = fixture("plain_qa.txt")
    assert parse(text, "plain").format == "plain"
    with pytest.raises(TranscriptError, match="no speaker labels found"):
        parse(text, "timestamped")
    with pytest.raises(TranscriptError, match="unknown transcript format 'docx'"):
        parse(text, "docx")


def test_detect_vtt_by_content():
    assert detect("WEBVTT\n\n00:01.000 --> 00:02.000\nA: hi\n") == "zoom_vtt"
    assert detect("WEBVTT\n\nx/1-0\n00:00:01.000 --> 00:00:02.000\n<v A B>hi</v>\n") == "teams_vtt"
    assert detect('{"turns": []}') == "json"
    assert detect("Dana: hi\nSam: hello\nDana: bye\n") == "plain"


# --- candidate identification ---------------------------------------------------------------


def _dialogue(*pairs: tuple[str, str]) -> Dialogue:
    return Dialogue(format="plain", utterances=[Utterance(name=n, text=t) for n, t in pairs])


def test_candidate_by_name():
    d = parse(fixture("plain_header.txt"))
    for given in ("Sam Patel", "sam patel", "  SAM   PATEL ", "sam", "Sa"):
        choice = identify_candidate(d, given)
        assert (choice.name, choice.confidence) == ("Sam Patel", 1.0)
        assert choice.alternatives == ["Dana Whitfield"]
    d2 = _dialogue(("Michael Tran", "Hi"), ("Alex Chen", "Hello"))
    assert identify_candidate(d2, "alex").name == "Alex Chen"


def test_candidate_name_not_in_transcript():
    d = parse(fixture("plain_header.txt"))
    with pytest.raises(TranscriptError) as e:
        identify_candidate(d, "Zed")
    assert str(e.value) == "candidate 'Zed' is not in the transcript; speakers: Dana Whitfield, Sam Patel"


def test_candidate_name_ambiguous():
    d = _dialogue(("Alex Chen", "Hi"), ("Alex Park", "Hello"), ("Dana", "Welcome"))
    with pytest.raises(TranscriptError, match="more than one speaker: Alex Chen, Alex Park"):
        identify_candidate(d, "alex")


def test_candidate_from_role_labels():
    d = _dialogue(("Interviewer", "Hi"), ("Sam", "Hello"), ("Interviewer", "Bye"))
    choice = identify_candidate(d)
    assert choice.name == "Sam" and choice.confidence >= 0.9
    d = _dialogue(("Dana", "Hi"), ("Me", "Hello"))
    assert identify_candidate(d) == CandidateChoice(name="Me", confidence=1.0, reason="labelled 'Me'",
                                                    alternatives=["Dana"])


def test_candidate_from_content_alone_with_generic_names():
    # no greeting from the interviewer and the candidate speaks first: the words still decide
    d = _dialogue(
        ("Speaker 2", "Hi, thanks for having me."),
        ("Speaker 1", "Of course. Walk me through your last role."),
        ("Speaker 2", "I led a team of five analysts and I built our forecasting model from scratch."),
        ("Speaker 1", "How would you approach our reporting backlog?"),
        ("Speaker 2", "I'd start with the reports the sales managers use every week, then automate them."),
        ("Speaker 1", "What questions do you have for me?"),
        ("Speaker 2", "What are the next steps?"),
    )
    choice = identify_candidate(d)
    assert choice.name == "Speaker 2"
    assert choice.confidence >= 0.8
    assert choice.alternatives == ["Speaker 1"]


def test_panel_confidence_reflects_margin():
    clear = identify_candidate(parse(fixture("plain_panel.txt")))
    assert clear.name == "JORDAN"
    assert "the other 2 speakers" in clear.reason
    close = identify_candidate(_dialogue(("A1", "Hello there."), ("B1", "Hello."), ("C1", "Hi.")))
    assert close.confidence < clear.confidence
    assert close.confidence <= 0.7


def test_confidence_is_lower_when_evidence_is_thin():
    thin = identify_candidate(_dialogue(("Kim", "Hello."), ("Lee", "Hi, nice day.")))
    assert thin.confidence < 0.7


# --- into the tool's Transcript --------------------------------------------------------------


def test_to_transcript_roles_and_header():
    d = parse(fixture("plain_header.txt"))
    t = to_transcript(d, "Sam Patel")
    assert isinstance(t, Transcript)
    assert [x.speaker for x in t.turns] == ["interviewer", "candidate", "interviewer", "candidate", "interviewer"]
    assert t.candidate_name == "Sam Patel"
    assert t.role == "Sales Analyst"
    assert all(x.at is None for x in t.turns)
    assert t.id is None


def test_to_transcript_panel_everyone_else_is_interviewer():
    t = to_transcript(parse(fixture("teams_panel.vtt")), "Jo Bright")
    assert {x.name for x in t.turns if x.speaker == "interviewer"} == {"Lee Park", "Ana de la Cruz"}
    assert {x.name for x in t.turns if x.speaker == "candidate"} == {"Jo Bright"}
    assert t.role is None


def test_to_transcript_unknown_name():
    with pytest.raises(TranscriptError, match="is not in the transcript"):
        to_transcript(parse(fixture("plain_qa.txt")), "Nobody")


def test_load_end_to_end_with_candidate(tmp_path):
    transcript, choice, dialogue = load(FIX / "otter_names.txt", candidate="sam")
    assert choice.name == "Sam Patel" and choice.reason == "named with --candidate"
    assert dialogue.format == "otter"
    assert transcript.turns[1].speaker == "candidate"
    with pytest.raises(TranscriptError, match="candidate 'Zed' is not in the transcript; speakers: Dana Whitfield, Sam Patel"):
        load(FIX / "otter_names.txt", candidate="Zed")


# --- reading files ---------------------------------------------------------------------------


def _one_line(e: pytest.ExceptionInfo) -> str:
    msg = str(e.value)
    assert "\n" not in msg
    return msg


def test_missing_file(tmp_path):
    p = tmp_path / "nope.txt"
    with pytest.raises(TranscriptError) as e:
        read_text(p)
    assert _one_line(e) == f"no such file: {p}"


def test_directory(tmp_path):
    with pytest.raises(TranscriptError) as e:
        read_text(tmp_path)
    assert "directory" in _one_line(e)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n"], ids=["empty", "whitespace"])
def test_empty_file(tmp_path, content):
    p = tmp_path / "t.txt"
    p.write_bytes(content)
    with pytest.raises(TranscriptError) as e:
        read_text(p)
    assert _one_line(e) == f"{p} is empty"


def test_too_big(tmp_path):
    p = tmp_path / "big.txt"
    line = b"Dana: hello there, this is a line of a very long transcript.\n"
    with p.open("wb") as f:
        f.write(line * (MAX_BYTES // len(line) + 2))
    with pytest.raises(TranscriptError) as e:
        read_text(p)
    assert _one_line(e) == f"{p} is 10.0 MB; the limit is 10 MB"


@pytest.mark.parametrize(
    "content",
    [b"Dana: hi\x00\x01\x02\x03 binary\x00\x00", bytes(range(1, 32)) * 50, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"],
    ids=["nul", "controls", "png"],
)
def test_binary(tmp_path, content):
    p = tmp_path / "t.txt"
    p.write_bytes(content)
    with pytest.raises(TranscriptError) as e:
        read_text(p)
    assert _one_line(e) == f"{p} looks like a binary file, not a transcript"


PLAIN = "Dana: Thanks for coming in – café?\nSam: “Thanks” for having me.\nDana: Great.\nSam: Déjà vu.\n"


@pytest.mark.parametrize(
    "encoding,prefix",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""), ("utf-16-le", b"\xff\xfe"),
     ("utf-16-be", b"\xfe\xff")],
    ids=["utf8", "utf8-bom", "cp1252", "utf16le", "utf16be"],
)
def test_encodings(tmp_path, encoding, prefix):
    p = tmp_path / "t.txt"
    p.write_bytes(prefix + PLAIN.encode(encoding))
    text = read_text(p)
    assert text == PLAIN
    d = parse(text)
    assert d.utterances[0].text == "Thanks for coming in – café?"
    assert d.utterances[1].text == "“Thanks” for having me."


def test_latin1_fallback_and_crlf(tmp_path):
    p = tmp_path / "t.txt"
    p.write_bytes(b"Dana: ol\xe9 \x81\r\nSam: hi\r\nDana: bye\r\n")  # 0x81 is not cp1252
    assert read_text(p) == "Dana: olé \x81\nSam: hi\nDana: bye\n"


def test_utf16_without_bom(tmp_path):
    p = tmp_path / "t.txt"
    p.write_bytes(PLAIN.encode("utf-16-le"))
    assert read_text(p) == PLAIN


def test_reading_never_changes_the_file(tmp_path):
    p = tmp_path / "t.txt"
    raw = "\ufeffDana: Thanks for coming in.\r\nSam: Thanks for having me.\r\n".encode("utf-8")
    p.write_bytes(raw)
    old = os.stat(p)
    os.utime(p, ns=(old.st_atime_ns, old.st_mtime_ns - 5_000_000_000))  # an mtime in the past
    before = os.stat(p)
    read_text(p)
    load(p)
    after = os.stat(p)
    assert p.read_bytes() == raw
    assert after.st_mtime_ns == before.st_mtime_ns
    assert after.st_size == before.st_size


# --- parse errors ----------------------------------------------------------------------------


def test_no_speaker_labels():
    with pytest.raises(TranscriptError) as e:
        parse("We talked about the role for an hour.\nIt went well, I think.\n")
    assert _one_line(e).startswith("no speaker labels found")


def test_one_speaker():
    with pytest.raises(TranscriptError) as e:
        parse("Dana: Hello.\nDana: Anyone there?\n")
    assert _one_line(e) == "only one speaker (Dana) found; a review needs the interviewer and the candidate"


def test_one_speaker_in_vtt():
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nDana Whitfield: Hello?\n\n00:00:03.000 --> 00:00:04.000\nStill here.\n"
    with pytest.raises(TranscriptError, match=r"only one speaker \(Dana Whitfield\) found"):
        parse(text)


def test_unlabelled_vtt():
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello?\n\n00:00:03.000 --> 00:00:04.000\nStill here.\n"
    with pytest.raises(TranscriptError, match="no speaker labels found"):
        parse(text)


def test_bad_json_turns():
    with pytest.raises(TranscriptError, match="no speaker labels found"):
        parse('{"id": "x", "turns": []}')
    with pytest.raises(TranscriptError, match='no "turns" list'):
        parse('{"id": "x"}', "json")


def test_error_messages_are_one_line():
    assert str(TranscriptError("a\nb\n  c")) == "a b c"


# --- the hand-labelled transcripts -----------------------------------------------------------


def _labelled(folder: str) -> list:
    root = HERE / folder
    if not root.is_dir():
        return []
    out = []
    for side in sorted(root.glob("*.labels.json")):
        stem = side.name[: -len(".labels.json")]
        files = [f for f in root.glob(stem + ".*") if not f.name.endswith(".labels.json")]
        out.append(pytest.param(side, files, id=f"{folder}/{stem}"))
    return out


def _check_labelled(side: Path, files: list[Path]) -> None:
    labels = json.loads(side.read_text(encoding="utf-8"))
    assert len(files) == 1, f"expected one transcript beside {side.name}, found {files}"
    text = read_text(files[0])
    assert detect(text) == labels["format"]
    transcript, choice, dialogue = load(files[0])
    assert dialogue.format == labels["format"]
    assert len(dialogue.speakers) >= 2
    assert choice.name == labels["candidate"], choice
    assert transcript.candidate_name == labels["candidate"]


@pytest.mark.parametrize("side,files", _labelled("labelled"))
def test_labelled_transcripts(side, files):
    _check_labelled(side, files)


@pytest.mark.parametrize("side,files", _labelled("labelled_dev1") + _labelled("labelled_dev2"))
def test_labelled_dev_transcripts(side, files):
    # written separately from tests/labelled (once held out; development data since issue 7)
    _check_labelled(side, files)


# --- quirks of real exported files (tests/fixtures/formats/quirks/) ----------------------------

QUIRKS = FIX / "quirks"

# file, detected format, speakers in order, merged turn texts, turn start times (None: untimed), candidate
QUIRK_CASES = [
    (
        # UTF-8 BOM, CRLF, a header with "Kind:"/"Language:", NOTE and STYLE blocks, cue settings,
        # no cue ids, hour-less timings
        "zoom_bom_crlf_settings.vtt", "zoom_vtt", ["Dana Whitfield", "Sam Patel"],
        [
            "Sam, thanks for coming back in. How do you see the role?",
            "Thanks for having me. My read is that the weekly report is built by hand every Monday. "
            "Am I in the ballpark?",
            "You're in the ballpark. What would you like to ask me?",
            "What are the next steps from here?",
        ],
        [1.0, 8.5, 62.5, 66.0], "Sam Patel",
    ),
    (
        # cues without a "Name:" prefix continue the speaker; accents and apostrophes in a name;
        # colons inside the spoken text
        "zoom_unprefixed_accents.vtt", "zoom_vtt", ["José O'Neill", "Priya"],
        [
            "Priya, welcome back. Thanks for making the time again. How are you thinking about the analytics role?",
            "Two things: pipeline and data. The pipeline reviews happen in spreadsheets, so nobody trusts the "
            "forecast. Is that a fair read?",
            "It is. Here's the catch: the data team is two people. What would you like to ask me?",
            "What are the next steps?",
            "We'll call you on Friday.",
        ],
        [2.1, 11.8, 27.6, 33.8, 37.5], "Priya",
    ),
    (
        # <v Name> without </v>, <v Name> with the text on the next line, <v.loud Name> classes,
        # two speakers' spans in one cue (on two lines, and on one line)
        "teams_voice_quirks.vtt", "teams_vtt", ["Caroline Webb", "Marcus Reid"],
        [
            "Morning Marcus, thanks for making the time again. How are you thinking about the job?",
            "Honestly, my read is that each channel measures success differently. Is that roughly right?",
            "It's roughly right. What would you like to ask me?",
            "What are the next steps?",
            "We'll be in touch by Friday.",
        ],
        [3.12, 12.5, 25.0, 31.5, 34.5], "Marcus Reid",
    ),
    (
        # "Name 0:00:03" with one space and h:mm:ss; a title/date/"Keywords:" header; the otter.ai footer
        "otter_one_space_header.txt", "otter", ["Dana Whitfield", "Sam Patel"],
        [
            "Sam, thanks for coming back in. Today I'd like to hear how you see the role.",
            "Thanks for having me. My read is that the weekly report is built by hand, and nobody trusts the "
            "numbers.\nSo I'd automate it first. Am I in the ballpark?",
            "You're in the ballpark. What would you like to ask me?",
            "What are the next steps from here?",
            "HR will call you by Friday.",
        ],
        [3.0, 12.0, 65.0, 80.0, 3723.0], "Sam Patel",
    ),
    (
        # names with dots ("Dr. Patel  1:02"); "Keywords:" and "Speakers:" blocks in the header
        "otter_titles.txt", "otter", ["Dr. Patel", "Ms. Okafor"],
        [
            "Thanks for coming back in. I'd like to hear how you'd run the night shift.",
            "Thank you. My read is that the unit is short on experienced nurses. I'd start by pairing new grads "
            "with a preceptor in my first month.",
            "That's accurate. What questions do you have for me?",
            "How would you describe your management style? And when would I hear back?",
            "I'm hands-on. You'll hear from us by Monday.",
        ],
        [2.0, 15.0, 62.0, 80.0, 101.0], "Ms. Okafor",
    ),
    (
        # "00:00:01 Name: text" without brackets; a timed line without a name continues the turn
        "ts_bare_times.txt", "timestamped", ["Omar Haddad", "Lucy Fairbanks"],
        [
            "Lucy, welcome back. You'd be reporting to me directly. How would you approach this role?",
            "Thanks for having me. In my first month I'd call the top twenty accounts. "
            "Here's the thing: most accounts only log in at review time.",
            "That's organized. What questions do you have for me?",
            "What are the company's goals for next year?",
            "Net revenue retention over 110 percent.",
        ],
        [1.0, 10.0, 41.0, 45.0, 52.0], "Lucy Fairbanks",
    ),
    (
        # "[1:23:45] Name: text": one-digit hours
        "ts_hours_brackets.txt", "timestamped", ["Speaker 1", "Speaker 2"],
        [
            "We're nearly at time. What questions do you have for me?",
            "Thanks. How would you describe the team culture?",
            "Small and friendly. Everyone sits together on Tuesdays.",
            "And what are the next steps from here?",
            "You'll hear from us this week.",
        ],
        [3598.0, 3604.0, 3620.0, 5025.0, 5041.0], "Speaker 2",
    ),
    (
        # "(00:01:23) Name: text"
        "ts_round_brackets.txt", "timestamped", ["Dana", "Sam"],
        [
            "Good to see you again. Thanks for coming in. Walk me through how you'd run the night shift.",
            "Thanks for having me. From the tour, I noticed the dock gets clogged around ten. "
            "So I'd stage the morning loads earlier. Am I reading that right?",
            "You're reading it right. What would you like to ask me?",
            "What's the team like on nights?",
            "They're a good crew.",
        ],
        [2.0, 9.0, 90.0, 100.0, 112.0], "Sam",
    ),
    (
        # "Name [00:01:23]: text"
        "ts_name_then_time.txt", "timestamped", ["Dana Whitfield", "Sam Patel"],
        [
            "Sam, thanks for coming back in. How do you see the role?",
            "Thanks for having me. My read is that the weekly report is built by hand. Am I in the ballpark?",
            "You're in the ballpark. What would you like to ask me?",
            "What are the next steps from here?",
            "HR will call you by Friday.",
        ],
        [3.0, 12.0, 65.0, 80.0, 100.0], "Sam Patel",
    ),
    (
        # "- [00:00:03] Name: text": a bulleted list pasted from notes
        "ts_bullets.txt", "timestamped", ["Dana Whitfield", "Sam Patel"],
        [
            "Sam, thanks for coming back in. How do you see the role?",
            "Thanks for having me. My read is that the weekly report is built by hand. Am I in the ballpark?",
            "You're in the ballpark. What would you like to ask me?",
            "What are the next steps from here?",
            "HR will call you by Friday.",
        ],
        [3.0, 12.0, 65.0, 80.0, 100.0], "Sam Patel",
    ),
    (
        # "Name (00:12): text" (Google Meet / Otter-like): read as timestamped, keeping the times
        "meet_name_paren_time.txt", "timestamped", ["Dana Whitfield", "Sam Patel"],
        [
            "Sam, thanks for coming back in. How do you see the role?",
            "Thanks for having me. My read is that the weekly report is built by hand. Am I in the ballpark?",
            "You're in the ballpark. What would you like to ask me?",
            "What are the next steps from here?",
            "HR will call you by Friday.",
        ],
        [12.0, 21.0, 65.0, 80.0, 100.0], "Sam Patel",
    ),
    (
        # Google Meet's transcript document: "00:05:00" lines between turns, "Meeting ended after ..."
        "meet_doc_timestamps.txt", "plain", ["Dana Whitfield", "Sam Patel"],
        [
            "Sam, thanks for coming back in. How do you see the role?",
            "Thanks for having me. My read is that the weekly report is built by hand. Am I in the ballpark?",
            "You're in the ballpark.\nWhat would you like to ask me?",
            "What are the next steps from here?",
            "HR will call you by Friday.",
        ],
        None, "Sam Patel",
    ),
    (
        # "NAME: text" labels; "Word - text" in the prose is not a label
        "plain_hyphens_caps.txt", "plain", ["DANA WHITFIELD", "SAM PATEL"],
        [
            "Sam, thanks for coming back in. How do you see the role?",
            "Thanks for having me. My read is that the weekly report is built by hand. Pipeline - that's where "
            "the time goes: every Monday, three people, one spreadsheet. Am I in the ballpark?",
            "You're in the ballpark. Sam - what would you like to ask me?",
            "Two things - what's the team like, and what are the next steps?",
            "Small team - six people. HR will call you by Friday.",
        ],
        None, "SAM PATEL",
    ),
    (
        # "**Name:** text" with a title line that has a colon in it
        "plain_bold_title.md", "plain", ["Dana Whitfield", "Sam Patel"],
        [
            "Sam, thanks for coming back in. How do you see the role?",
            "Thanks for having me. My read is that the weekly report is built by hand.\nAm I in the ballpark?",
            "You're in the ballpark. What would you like to ask me?",
            "What are the next steps from here?",
            "HR will call you by Friday.",
        ],
        None, "Sam Patel",
    ),
    (
        # "Interviewer (Dana):" and "Me (Alex):" - the role outside, the name in brackets
        "plain_role_then_name.txt", "plain", ["Dana", "Alex"],
        [
            "Alex, thanks for coming back in. How do you see the role?",
            "Thanks for having me. My read is that the weekly report is built by hand. Am I in the ballpark?",
            "You're in the ballpark. What would you like to ask me?",
            "What are the next steps from here?",
            "HR will call you by Friday.",
        ],
        None, "Alex",
    ),
    (
        # cp1252 with curly quotes, an en dash, an ellipsis and "é"; CRLF
        "cp1252_curly.txt", "plain", ["Dana Whitfield", "Sam Patel"],
        [
            "\u201cWelcome back,\u201d Sam \u2013 coffee from the caf\u00e9 downstairs?",
            "Thanks for having me. My read is that the \u2018weekly report\u2019 is built by hand.",
            "You\u2019re in the ballpark. What would you like to ask me?",
            "What are the next steps \u2026 and when would I hear back?",
        ],
        None, "Sam Patel",
    ),
    (
        # UTF-16 LE with a BOM and CRLF
        "utf16le_bom_crlf.txt", "plain", ["Dana Whitfield", "Sam Patel"],
        [
            "Sam, thanks for coming back in. Caf\u00e9 first?",
            "Thanks for having me \u2013 I\u2019d love one.",
            "How do you see the role?",
            "My read is that the weekly report is built by hand.",
        ],
        None, "Sam Patel",
    ),
    (
        # a Zoom file cut off inside the next cue's timing line
        "zoom_truncated.vtt", "zoom_vtt", ["Dana Whitfield", "Sam Patel"],
        ["Sam, thanks for coming back in.", "Thanks for having me. My read is that the weekly"],
        [1.0, 4.5], "Sam Patel",
    ),
    (
        # a Teams file cut off inside a voice tag
        "teams_truncated.vtt", "teams_vtt", ["Caroline Webb", "Marcus Reid"],
        ["Morning Marcus, thanks for coming in.", "Thanks for having me. My read is"],
        [1.0, 4.5], "Marcus Reid",
    ),
]
QUIRK_IDS = [c[0] for c in QUIRK_CASES]


@pytest.mark.parametrize("name,fmt,speakers,said,starts,candidate", QUIRK_CASES, ids=QUIRK_IDS)
def test_quirk_detect(name, fmt, speakers, said, starts, candidate):
    assert detect(read_text(QUIRKS / name)) == fmt


@pytest.mark.parametrize("name,fmt,speakers,said,starts,candidate", QUIRK_CASES, ids=QUIRK_IDS)
def test_quirk_parse(name, fmt, speakers, said, starts, candidate):
    d = parse(read_text(QUIRKS / name))
    assert d.format == fmt
    assert d.speakers == speakers
    assert len(d.utterances) == len(said)
    assert texts(d) == said
    assert [u.start for u in d.utterances] == (starts or [None] * len(said))


@pytest.mark.parametrize("name,fmt,speakers,said,starts,candidate", QUIRK_CASES, ids=QUIRK_IDS)
def test_quirk_load_ignores_the_file_name(tmp_path, name, fmt, speakers, said, starts, candidate):
    misleading = tmp_path / "transcript.json"
    shutil.copyfile(QUIRKS / name, misleading)
    transcript, choice, dialogue = load(misleading)
    assert dialogue.format == fmt
    assert choice.name == candidate
    assert transcript.candidate_name == candidate


@pytest.mark.parametrize("name,enc", [("zoom_bom_crlf_settings.vtt", "utf-8"), ("utf16le_bom_crlf.txt", "utf-16-le"),
                                      ("cp1252_curly.txt", "cp1252")])
def test_quirk_parse_normalises_text_given_directly(name, enc):
    # parse() and detect() on text that did not come through read_text: a BOM and CRLF left in
    text = (QUIRKS / name).read_bytes().decode(enc)
    assert "\r\n" in text
    if enc != "cp1252":
        assert text.startswith("\ufeff")
    expected = parse(read_text(QUIRKS / name))
    assert detect(text) == expected.format
    assert parse(text) == expected


def test_quirk_header_lines():
    assert parse(read_text(QUIRKS / "otter_one_space_header.txt")).header == [
        "Sales Analyst - second interview",
        "Tue, Mar 03, 2026 10:02AM \u2022 24:15",
        "Keywords: weekly report, pipeline, forecast, next steps, team",
    ]
    assert parse(read_text(QUIRKS / "otter_titles.txt")).header[-2:] == ["Speakers:", "Dr. Patel, Ms. Okafor"]
    assert parse(read_text(QUIRKS / "plain_bold_title.md")).header == ["Interview notes: Sales Analyst role"]
    assert parse(read_text(QUIRKS / "plain_hyphens_caps.txt")).header == ["SECOND INTERVIEW - SALES ANALYST"]
    assert parse(read_text(QUIRKS / "meet_doc_timestamps.txt")).header[-1] == "00:00:00"


def test_quirk_role_label_with_the_name_in_brackets():
    d = parse(read_text(QUIRKS / "plain_role_then_name.txt"))
    assert d.roles == {"Dana": "interviewer", "Alex": "candidate"}
    choice = identify_candidate(d)
    assert (choice.name, choice.confidence, choice.alternatives) == ("Alex", 1.0, ["Dana"])
    transcript, choice, _ = load(QUIRKS / "plain_role_then_name.txt", candidate="alex")
    assert choice.name == "Alex"
    assert [t.speaker for t in transcript.turns] == ["interviewer", "candidate"] * 2 + ["interviewer"]


def test_quirk_decoding():
    assert read_text(QUIRKS / "cp1252_curly.txt").startswith("Dana Whitfield: \u201cWelcome back,\u201d Sam \u2013 coffee from the caf\u00e9 ")
    u16 = read_text(QUIRKS / "utf16le_bom_crlf.txt")
    assert "\r" not in u16 and "\ufeff" not in u16
    assert u16.splitlines()[1] == "Sam Patel: Thanks for having me \u2013 I\u2019d love one."


def test_hyphen_after_a_name_is_not_a_label():
    with pytest.raises(TranscriptError) as e:
        parse("Dana - Welcome back.\nSam - Thanks for having me.\nDana - Any questions?\nSam - What's next?\n")
    assert _one_line(e).startswith("no speaker labels found")


def test_bare_time_before_prose_is_not_a_speaker_line():
    d = parse(
        "[00:01] Dana: When could you start?\n"
        "[00:05] Sam: Monday.\n"
        "10:30 works for me: I can come in then.\n"
        "10:45 Monday: also fine.\n"
        "[00:09] Dana: Great.\n"
    )
    assert d.format == "timestamped"
    assert d.speakers == ["Dana", "Sam"]
    assert d.utterances[1].text == "Monday. 10:30 works for me: I can come in then. 10:45 Monday: also fine."


def test_zoom_one_word_label_before_lower_case_is_prose():
    text = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nDana Whitfield: Welcome back.\n\n"
        "2\n00:00:03.000 --> 00:00:04.000\nSam Patel: Thanks. I'd fix the pipeline.\n\n"
        "3\n00:00:05.000 --> 00:00:06.000\nOwnership: that's the real gap.\n\n"
        "4\n00:00:07.000 --> 00:00:08.000\nDana Whitfield: Agreed.\n"
    )
    d = parse(text)
    assert d.speakers == ["Dana Whitfield", "Sam Patel"]
    assert d.utterances[1].text == "Thanks. I'd fix the pipeline. Ownership: that's the real gap."


def test_teams_dash_before_a_voice_span():
    text = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n- <v Dana>Hi.</v>\n- <v Sam>Hello.</v>\n\n"
        "2\n00:00:03.000 --> 00:00:04.000\n<v Dana>Bye.</v>\n"
    )
    assert texts(parse(text)) == ["Hi.", "Hello.", "Bye."]


@pytest.mark.parametrize("content", [b"WEBVTT\r\n", b"\xef\xbb\xbfWEBVTT\n\nNOTE nothing was said\n",
                                     b"WEBVTT\n\n00:00:01.000 --> 00:00:0"],
                         ids=["header-only", "header-and-note", "cut-in-first-timing"])
def test_vtt_without_cues_is_one_line_error(tmp_path, content):
    p = tmp_path / "t.vtt"
    p.write_bytes(content)
    with pytest.raises(TranscriptError) as e:
        load(p)
    assert _one_line(e).startswith("no speaker labels found")


def test_vtt_that_is_only_a_header_file():
    assert (QUIRKS / "only_header.vtt").read_bytes() == b"WEBVTT\r\n"
    assert detect(read_text(QUIRKS / "only_header.vtt")) == "zoom_vtt"
    with pytest.raises(TranscriptError) as e:
        load(QUIRKS / "only_header.vtt")
    assert _one_line(e) == "no speaker labels found (read as zoom_vtt; expected cue lines like 'Name: text')"


def test_quirk_files_cut_anywhere_raise_only_transcript_errors():
    # a file cut off at any point (a failed download, a partial copy) parses or fails with one line
    for path in sorted(QUIRKS.iterdir()):
        try:
            text = read_text(path)
        except TranscriptError:
            continue
        for n in range(1, len(text) + 1):
            try:
                d = parse(text[:n])
            except TranscriptError as e:
                assert "\n" not in str(e), (path.name, n)
                continue
            for u in d.utterances:
                assert "-->" not in u.text and "<v" not in u.text and "\r" not in u.text, (path.name, n, u.text)
