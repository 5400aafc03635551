"""Outputs never destroy inputs or user data: -o, --save, --export and prep/debrief outputs that
resolve to an input, the database (or its -wal/-shm), a device, a FIFO, a folder or a symlink
to any of those are refused with one line and exit 2; the targets are unchanged."""

from __future__ import annotations

import os
import stat

import pytest

from hostile_tools import digest, one_line_error, run, run_process


def _fifo(path):
    os.mkfifo(path)
    return path


def test_review_output_onto_its_own_input(transcript):
    before = digest(transcript)
    one_line_error(run("review", str(transcript), "--offline", "-o", str(transcript)), "input")
    assert digest(transcript) == before


def test_review_output_onto_its_input_by_another_spelling(transcript):
    before = digest(transcript)
    other = transcript.parent / "sub" / ".." / transcript.name
    (transcript.parent / "sub").mkdir()
    one_line_error(run("review", str(transcript), "--offline", "-o", str(other)), "input")
    assert digest(transcript) == before


def test_review_output_onto_a_hard_link_of_its_input(transcript):
    link = transcript.parent / "report.md"
    os.link(transcript, link)
    before = digest(transcript)
    one_line_error(run("review", str(transcript), "--offline", "-o", str(link)), "input")
    assert digest(transcript) == before


def test_review_output_onto_a_symlink_to_its_input(transcript):
    link = transcript.parent / "report.md"
    link.symlink_to(transcript)
    before = digest(transcript)
    one_line_error(run("review", str(transcript), "--offline", "-o", str(link)), "input")
    assert digest(transcript) == before and link.is_symlink()


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_review_output_onto_the_database(populated, transcript, suffix):
    target = populated.parent / (populated.name + suffix)
    before = digest(populated)
    existed = target.exists()
    one_line_error(run("review", str(transcript), "--offline", "-o", str(target)), "database")
    assert digest(populated) == before
    assert target.exists() == existed


def test_review_output_onto_a_symlink_to_the_database(populated, transcript, tmp_path):
    link = tmp_path / "innocent.md"
    link.symlink_to(populated)
    before = digest(populated)
    one_line_error(run("review", str(transcript), "--offline", "-o", str(link)), "database")
    assert digest(populated) == before


def test_practice_save_onto_the_database_is_refused_before_the_session(populated):
    before = digest(populated)
    r = run("practice", "--save", str(populated), input="hello\n")
    one_line_error(r, "database")
    assert digest(populated) == before
    assert r.stdout == ""  # refused before the interviewer said anything


def test_history_export_onto_the_database(populated):
    before = digest(populated)
    one_line_error(run("history", "--export", str(populated)), "database")
    assert digest(populated) == before


def test_export_onto_the_database(populated):
    before = digest(populated)
    one_line_error(run("history", "-o", str(populated)), "database")
    assert digest(populated) == before


def test_prep_output_onto_its_notes(tmp_path):
    notes = tmp_path / "notes.toml"
    notes.write_text('landscape = "Deals stall in pipeline reviews."\n')
    before = digest(notes)
    one_line_error(run("prep", "--offline", "--from", str(notes), "-o", str(notes)), "input")
    assert digest(notes) == before


def test_debrief_output_onto_its_transcript(tmp_path, transcript):
    notes = tmp_path / "debrief.toml"
    notes.write_text('topics = "Pipeline reviews"\n')
    before = digest(transcript)
    one_line_error(run("debrief", "--from", str(notes), "--transcript", str(transcript), "--candidate", "Alex Doe",
                       "-o", str(transcript)), "input")
    assert digest(transcript) == before


def test_practice_save_onto_its_brief(tmp_path):
    brief = tmp_path / "brief.json"
    notes = tmp_path / "notes.toml"
    notes.write_text('landscape = "Deals stall in pipeline reviews."\n')
    r = run("prep", "--offline", "--from", str(notes), "-o", str(brief))
    assert r.code == 0, r.stderr
    before = digest(brief)
    one_line_error(run("practice", "--brief", str(brief), "--save", str(brief), input="hello\n"), "input")
    assert digest(brief) == before


def test_output_onto_a_device_node_in_a_temp_dir(tmp_path, transcript):
    """A copy of /dev/full (char 1,7) made in the temp folder: never replaced by a regular file."""
    node = tmp_path / "full"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    one_line_error(run("review", str(transcript), "--offline", "-o", str(node)), "device")
    assert stat.S_ISCHR(os.stat(node).st_mode)


def test_output_onto_a_symlink_to_a_device(tmp_path, transcript):
    node = tmp_path / "full"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    link = tmp_path / "report.md"
    link.symlink_to(node)
    one_line_error(run("review", str(transcript), "--offline", "-o", str(link)), "device")
    assert link.is_symlink() and stat.S_ISCHR(os.stat(node).st_mode)


def test_output_onto_a_fifo(tmp_path, transcript):
    fifo = _fifo(tmp_path / "out.md")
    one_line_error(run("review", str(transcript), "--offline", "-o", str(fifo)), "pipe")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_output_onto_a_symlink_to_a_fifo(tmp_path, transcript):
    fifo = _fifo(tmp_path / "pipe")
    link = tmp_path / "report.md"
    link.symlink_to(fifo)
    one_line_error(run("review", str(transcript), "--offline", "-o", str(link)), "pipe")
    assert link.is_symlink() and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_output_onto_a_directory(tmp_path, transcript):
    folder = tmp_path / "reports"
    folder.mkdir()
    one_line_error(run("review", str(transcript), "--offline", "-o", str(folder)), "directory")
    assert folder.is_dir()


def test_output_onto_a_symlink_to_a_directory(tmp_path, transcript):
    folder = tmp_path / "reports"
    folder.mkdir()
    link = tmp_path / "report.md"
    link.symlink_to(folder)
    one_line_error(run("review", str(transcript), "--offline", "-o", str(link)), "directory")
    assert link.is_symlink() and folder.is_dir() and not any(folder.iterdir())


def test_output_to_stdout_of_a_pipe_is_refused(tmp_path, transcript):
    """A real process whose stdout is a pipe, told to write to a link like /dev/stdout (made in the
    temp folder, so a broken build could only ever replace the link there)."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    r = run_process("review", str(transcript), "--offline", "-o", str(link))
    one_line_error(r, "pipe")
    assert link.is_symlink()


def test_output_whose_parent_is_a_file(tmp_path, transcript):
    one_line_error(run("review", str(transcript), "--offline", "-o", str(transcript) + "/report.md"), "not a directory")


def test_unwritable_output_target(transcript):
    """/sys refuses new files even to root: a real unwritable folder on this machine."""
    one_line_error(run("review", str(transcript), "--offline", "--candidate", "Alex Doe", "-o", "/sys/hostile-report.md"),
                   "cannot write")
    assert not os.path.exists("/sys/hostile-report.md")


def test_symlink_to_a_regular_file_is_written_through_and_kept(tmp_path, transcript):
    real = tmp_path / "real.md"
    real.write_text("old report\n")
    link = tmp_path / "report.md"
    link.symlink_to(real)
    r = run("review", str(transcript), "--offline", "--candidate", "Alex Doe", "-o", str(link))
    assert r.code == 0, r.stderr
    assert link.is_symlink() and "Second interview report" in real.read_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_write_is_atomic_and_keeps_the_old_file_on_failure(tmp_path, monkeypatch):
    """A write that fails midway (here: fsync fails) leaves the old file whole and no temp file."""
    from interviewer import files
    from interviewer.errors import UserError

    target = tmp_path / "report.md"
    target.write_text("the old report\n")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", broken_fsync)
    with pytest.raises(UserError, match="No space left"):
        files.write_text_atomic(target, "the new report\n")
    assert target.read_text() == "the old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]
