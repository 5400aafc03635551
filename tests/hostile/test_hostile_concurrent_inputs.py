"""'Outputs never overwrite inputs' must hold per run even when runs overlap (the web server
serves requests at once): one request starting its run must not forget another's inputs."""

import contextvars
import threading

import pytest

from interviewer import files
from interviewer.errors import UserError


def test_an_input_of_this_run_is_refused_as_output(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("mine")
    files.reset()
    files.remember_input(src)
    with pytest.raises(UserError, match="input of this command"):
        files.check_output(src)


def test_another_run_starting_does_not_clear_this_runs_inputs(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("mine")
    remembered, other_reset, results = threading.Event(), threading.Event(), {}

    def request_a():
        files.reset()
        files.remember_input(src)
        remembered.set()
        other_reset.wait(5)
        try:
            files.check_output(src)
            results["a"] = "allowed"
        except UserError:
            results["a"] = "refused"

    def request_b():
        remembered.wait(5)
        files.reset()  # a second request begins its own run meanwhile
        try:
            files.check_output(src)  # not an input of *this* run
            results["b"] = "allowed"
        except UserError:
            results["b"] = "refused"
        other_reset.set()

    threads = [threading.Thread(target=contextvars.copy_context().run, args=(f,)) for f in (request_a, request_b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert results == {"a": "refused", "b": "allowed"}
