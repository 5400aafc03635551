"""The embedded engine's contract, without running a model: model files are checked before the
engine sees them, bounds are settings, and nothing heavy is imported to read the settings."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from interviewer.backends import capabilities, resolve
from interviewer.cli import cli
from interviewer.errors import UserError


@pytest.mark.parametrize("content", [b"", b"not a model", b"\x89PNG\r\n\x1a\n" + b"0" * 64, b"GGU"])
def test_a_file_that_is_not_gguf_is_refused_up_front(tmp_path, content):
    bad = tmp_path / "model.gguf"
    bad.write_bytes(content)
    with pytest.raises(UserError, match="not a GGUF model file"):
        resolve("embedded", model_path=str(bad), env={})


def test_a_non_gguf_model_path_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "weights.bin"
    bad.write_bytes(b"PK\x03\x04 zip file")
    r = CliRunner().invoke(cli, ["practice", "--model-path", str(bad)], input="")
    assert r.exit_code == 2
    assert "not a GGUF model file" in r.output and len(r.output.strip().splitlines()) == 1


def test_a_gguf_header_is_accepted(tmp_path):
    ok = tmp_path / "tiny.gguf"
    ok.write_bytes(b"GGUF" + b"\x03\x00\x00\x00" + b"\x00" * 16)
    assert resolve("embedded", model_path=str(ok), env={}).model_path == str(ok)


@pytest.mark.parametrize("raw", ["abc", "-1", "0", "1e9"])
def test_a_bad_timeout_is_a_clear_error(raw):
    with pytest.raises(UserError, match="INTERVIEWER_TIMEOUT|timeout"):
        resolve(env={"INTERVIEWER_TIMEOUT": raw})


def test_every_backend_gets_a_turn_budget_from_its_timeout():
    for settings in (resolve(env={}, timeout=12), resolve("compatible", "m", "http://127.0.0.1:9/v1", timeout=12),
                     resolve("openai", env={"OPENAI_API_KEY": "sk-test"}, timeout=12)):
        assert capabilities(settings).turn_budget == 24


def test_the_embedded_default_is_guided_and_does_not_judge_but_a_users_own_gguf_may(tmp_path):
    own = tmp_path / "big.gguf"
    own.write_bytes(b"GGUF" + b"\x00" * 20)
    assert not capabilities(resolve(env={})).capable_judge
    assert capabilities(resolve(model_path=str(own), env={})).capable_judge
