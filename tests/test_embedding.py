"""Sentence embeddings from the embedded engine (interviewer/text/embedding.py), against the real
SmolLM2 GGUF in llama.cpp's server in embedding mode."""

from __future__ import annotations

import math
import socket

import pytest

from interviewer.errors import UserError
from interviewer.text import embedding

SMOLLM2_135M_WIDTH = 576  # the model's hidden size: mean pooling keeps it


@pytest.fixture(scope="module")
def url():
    try:
        yield embedding.embedding_url()
    finally:
        embedding.stop()  # the engine holds the model and threads only while this module runs


def _cos(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b))  # the engine returns unit vectors


@pytest.mark.embedded
def test_unit_vectors_of_the_model_width_whatever_the_batching(url):
    sentences = ["What happens after today?", "Could you tell me the salary range for this role?",
                 "My dog likes to chase squirrels in the park."]
    together = embedding.embed(sentences, url, batch=2)
    alone = [embedding.embed([s], url)[0] for s in sentences]
    assert [len(v) for v in together] == [SMOLLM2_135M_WIDTH] * 3
    assert all(abs(math.sqrt(_cos(v, v)) - 1) < 1e-4 for v in together)
    # Same sentence, same vector: batching and order change nothing (deterministic features).
    assert max(abs(x - y) for a, b in zip(together, alone) for x, y in zip(a, b)) < 1e-4
    assert _cos(together[0], together[1]) < 0.99  # and different sentences are not one vector


@pytest.mark.embedded
def test_paraphrases_are_nearer_than_unrelated_sentences(url):
    pay, pay2, dog, nurse, pay_late = embedding.embed([
        "Could you tell me the salary range for this role?",
        "What does the pay look like for this position?",
        "My dog likes to chase squirrels in the park.",
        "I spent five years as an ICU nurse.",
        "The incentive for advisors is to log activity late."], url)
    near = _cos(pay, pay2)
    assert near > _cos(pay, dog) + 0.1
    assert near > _cos(pay, nurse) + 0.05
    assert near > _cos(pay, pay_late)


@pytest.mark.embedded
def test_empty_and_overlong_sentences_still_embed(url):
    vectors = embedding.embed(["", "   ", "word " * 2000, "日本語のテキスト"], url)
    assert [len(v) for v in vectors] == [SMOLLM2_135M_WIDTH] * 4


def test_no_model_file_is_a_one_line_error(tmp_path):
    with pytest.raises(UserError, match="no such model file"):
        embedding.embedding_url(tmp_path / "missing.gguf")
    fake = tmp_path / "fake.gguf"
    fake.write_bytes(b"not a model")
    with pytest.raises(UserError, match="not a GGUF"):
        embedding.embedding_url(fake)


def test_an_engine_that_is_not_there_is_a_one_line_error():
    with socket.socket() as s:  # a port on 127.0.0.1 that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(UserError, match="embedding engine failed") as e:
        embedding.embed(["hello"], f"http://127.0.0.1:{port}/v1", seconds=5)
    assert "\n" not in str(e.value)
    assert embedding.embed([], f"http://127.0.0.1:{port}/v1") == []
