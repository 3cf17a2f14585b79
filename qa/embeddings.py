"""Sentence-transformers embeddings with the model's query/passage prefixes, as a LangChain
``Embeddings`` so the same object serves our code and LangChain's vector stores."""
from __future__ import annotations

import logging
import threading

import numpy as np
from langchain_core.embeddings import Embeddings

from .config import Settings
from .models import ModelError, resolve_model

log = logging.getLogger(__name__)


def native_bf16() -> bool:
    """Whether this CPU computes bfloat16 in hardware (elsewhere torch emulates it, slower than fp32)."""
    try:
        flags = open("/proc/cpuinfo", encoding="ascii", errors="replace").read()
    except OSError:
        return False
    return any(f in flags.split() for f in ("avx512_bf16", "amx_bf16"))


class Embedder(Embeddings):
    """One loaded model. Vectors are L2-normalised float32, so dot product is cosine."""

    def __init__(self, settings: Settings):
        import torch

        # One question is a tiny batch: on a busy 2-core machine torch's default thread pool made it
        # ~20x slower than one thread. Indexing batches, on the other hand, gain from every core.
        self.threads, self.index_threads = max(1, settings.threads), max(1, settings.index_threads)
        torch.set_num_threads(self.threads)
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # "Loading weights" bars on every start are noise

        self.name = settings.model
        self.query_prefix, self.passage_prefix = settings.prefixes
        path = resolve_model(settings)
        try:
            self.model = SentenceTransformer(path, device="cpu")
        except Exception as exc:  # noqa: BLE001 - any loader failure is reported the same way
            raise ModelError(f"cannot load embedding model {settings.model!r} ({path}): {exc}") from exc
        self.dim = int(self.model.get_embedding_dimension())
        # bfloat16 matmuls where the CPU has them: measured here 1.7x faster batches and 1.3x faster
        # questions, every vector within cosine 0.99998 of fp32 (PIAF retrieval unchanged).
        self.bf16 = settings.precision == "bf16" or (settings.precision == "auto" and native_bf16())
        # The tokenizer is not safe to share between threads (gradio serves several users at once).
        self._lock = threading.Lock()

    def _precision(self):
        import torch

        return torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16)

    def _encode_unlocked(self, texts: list[str], prefix: str, batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._precision():
            vecs = self.model.encode([prefix + t for t in texts], batch_size=batch_size,
                                     normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vecs, dtype=np.float32)

    def _encode(self, texts: list[str], prefix: str, batch_size: int = 32) -> np.ndarray:
        with self._lock:
            return self._encode_unlocked(texts, prefix, batch_size)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        if len(texts) != 1:
            return self._encode(texts, self.query_prefix)
        # One question, the hot path of every answer: the model's modules called directly, without
        # encode()'s batching and sorting machinery (~1.8 ms of 26 ms here; same vector to 1e-7).
        import torch

        with self._lock, torch.inference_mode(), self._precision():
            features = self.model.preprocess([self.query_prefix + texts[0]])
            vec = self.model.forward(features)["sentence_embedding"][0].float().numpy()
        return (vec / (np.linalg.norm(vec) or 1.0)).reshape(1, -1).astype(np.float32)

    def encode_passages(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        import torch

        # Sorted by length so each batch pads to similar sizes; the order is restored after.
        order = np.argsort([len(t) for t in texts], kind="stable")
        many = len(texts) > 8
        with self._lock:
            if many:
                torch.set_num_threads(self.index_threads)
            try:
                vecs = self._encode_unlocked([texts[i] for i in order], self.passage_prefix, batch_size)
            finally:
                torch.set_num_threads(self.threads)
        out = np.empty_like(vecs)
        out[order] = vecs
        return out

    # LangChain's Embeddings interface
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode_passages(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode_queries([text])[0].tolist()
