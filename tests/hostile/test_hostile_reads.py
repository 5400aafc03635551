"""Every file read is bounded and never blocks: a FIFO, a device or a symlink to one is refused
before it is opened (transcript, --role, --brief, prep --from, debrief --transcript); absurdly
nested JSON or TOML is one line, not a RecursionError."""

from __future__ import annotations

import json
import os

import pytest

from hostile_tools import digest, one_line_error, run, run_process


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


@pytest.fixture
def notes(tmp_path):
    p = tmp_path / "notes.toml"
    p.write_text('topics = "Pipeline reviews"\nlandscape = "Deals stall."\n')
    return p


# A real process: if a FIFO were opened for reading, it would block until the timeout kills it.
@pytest.mark.parametrize("args", [
    ["review", "{fifo}"],
    ["practice", "--role", "{fifo}"],
    ["practice", "--brief", "{fifo}"],
    ["prep", "--offline", "--from", "{fifo}"],
    ["debrief", "--transcript", "{fifo}", "--from", "{notes}"],
    ["debrief", "--from", "{fifo}"],
    ["practice", "--persona", "{fifo}"],
], ids=["review", "role", "brief", "prep-from", "debrief-transcript", "debrief-from", "persona-file"])
def test_a_fifo_is_refused_without_blocking(args, fifo, notes):
    r = run_process(*(a.format(fifo=fifo, notes=notes) for a in args), input=b"", timeout=30)
    one_line_error(r, "pipe", within=25)


def test_a_symlink_to_a_fifo_is_refused_without_blocking(tmp_path, fifo):
    link = tmp_path / "interview.vtt"
    link.symlink_to(fifo)
    one_line_error(run_process("review", str(link), timeout=30), "pipe", within=25)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_refused(device):
    one_line_error(run("review", device, "--offline"), "device")


def test_a_device_as_role_file_is_refused():
    one_line_error(run("practice", "--role", "/dev/zero"), "device")


def _nested_json(depth: int) -> str:
    return '{"turns": ' + "[" * depth + "]" * depth + "}"


def test_deeply_nested_json_transcript(tmp_path):
    p = tmp_path / "deep.json"
    p.write_text(_nested_json(200_000))
    before = digest(p)
    one_line_error(run("review", str(p), "--offline"))
    assert digest(p) == before


def test_deeply_nested_json_role(tmp_path):
    p = tmp_path / "role.json"
    p.write_text('{"title": ' + "[" * 200_000 + "]" * 200_000 + "}")
    one_line_error(run("practice", "--role", str(p)), "role.json")


def test_deeply_nested_json_prep_notes(tmp_path):
    p = tmp_path / "notes.json"
    p.write_text('{"landscape": ' + "[" * 200_000 + "]" * 200_000 + "}")
    one_line_error(run("prep", "--offline", "--from", str(p)), "notes.json")


def test_deeply_nested_toml_brief(tmp_path):
    p = tmp_path / "brief.toml"
    p.write_text("landscape = " + "[" * 50_000 + "]" * 50_000 + "\n")
    one_line_error(run("practice", "--brief", str(p)), "brief.toml")


def test_a_big_role_file_is_refused_by_size(tmp_path):
    p = tmp_path / "role.toml"
    p.write_bytes(b'title = "x"\n' + b"#" * (2 * 1024 * 1024))
    one_line_error(run("practice", "--role", str(p)), "limit")


def test_a_symlink_loop_is_one_line(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    one_line_error(run("review", str(a), "--offline"))
