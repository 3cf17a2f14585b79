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

# Padded tokens per indexing batch. PIAF's chunks, sentences and clauses here: 2,048 -> 17.4 s,
# 1,024 -> 17.8 s, 4,096 -> 18.6 s, encode(batch_size=32) -> 21.3 s.
TOKEN_BUDGET = 2048


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

    def token_states(self, texts: list[str], layer: int, query: bool = False) -> list[tuple[list[tuple[int, int]], np.ndarray]]:
        """For each text (a question with ``query``, else a passage: each gets the model's own
        prefix), its tokens' character spans in the text and their vectors after hidden ``layer``
        (a deeper layer than the model has: its last), one batch for all. The layers above it are
        not run where the model's layers can be reached (BERT-like encoders: a third less time at
        8 of 12). Raises NotImplementedError for a model with no transformer to read."""
        import torch

        if not texts:
            return []
        model = getattr(self.model[0], "auto_model", None)
        if model is None:
            raise NotImplementedError(f"{self.name}: no token vectors to read")
        tok = self.model.tokenizer
        prefix = self.query_prefix if query else self.passage_prefix
        layers = getattr(getattr(model, "encoder", None), "layer", None)
        shift = len(prefix)
        with self._lock, torch.inference_mode(), self._precision():
            enc = tok([prefix + t for t in texts], return_offsets_mapping=True, return_tensors="pt", padding=True,
                      truncation=True, max_length=self.model.max_seq_length)
            offsets = enc.pop("offset_mapping").tolist()
            mask = enc["attention_mask"].tolist()
            if layers is not None and 0 < layer <= len(layers):
                hidden = _run_to(model, layers[layer - 1], enc)
            else:
                states = model(**enc, output_hidden_states=True).hidden_states
                hidden = states[min(layer, len(states) - 1)]
            hidden = hidden.float().numpy()
        out = []
        for i in range(len(texts)):
            keep = [k for k, (a, b) in enumerate(offsets[i]) if mask[i][k] and b > a and b > shift]
            out.append(([(max(0, offsets[i][k][0] - shift), offsets[i][k][1] - shift) for k in keep], hidden[i, keep]))
        return out

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        """Vectors of ``texts`` (same order). Each distinct text is embedded once."""
        import torch

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        unique = list(dict.fromkeys(texts))
        with self._lock:
            if len(unique) > 8:
                torch.set_num_threads(self.index_threads)
            try:
                vecs = self._encode_batches(unique)
            finally:
                torch.set_num_threads(self.threads)
        if len(unique) == len(texts):
            return vecs
        row = {t: i for i, t in enumerate(unique)}
        return vecs[[row[t] for t in texts]]

    def _encode_batches(self, texts: list[str]) -> np.ndarray:
        """Batches of similar token length, at most ``TOKEN_BUDGET`` padded tokens each. encode()
        sorts by characters, which left 15-30% of every batch padding here; a fixed batch size also
        gives long passages batches too large for the cache and short ones too small to fill it."""
        import torch

        full = [self.passage_prefix + t for t in texts]
        try:
            lengths = [len(ids) for ids in self.model.tokenizer(full, truncation=True,
                                                                max_length=self.model.max_seq_length)["input_ids"]]
        except (TypeError, KeyError, AttributeError):  # no tokenizer, or another kind (a static model's)
            lengths = [len(t) // 4 + 2 for t in full]  # characters are a fair proxy for ordering
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        batch: list[int] = []
        with torch.inference_mode(), self._precision():
            for i in [*np.argsort(lengths, kind="stable")[::-1], None]:  # longest first; None flushes
                if batch and (i is None or (len(batch) + 1) * lengths[batch[0]] > TOKEN_BUDGET):
                    features = self.model.preprocess([full[j] for j in batch])
                    out[batch] = self.model.forward(features)["sentence_embedding"].float().numpy()
                    batch = []
                if i is not None:
                    batch.append(int(i))
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)

    # LangChain's Embeddings interface
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode_passages(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode_queries([text])[0].tolist()


class _Reached(Exception):
    """Raised by a forward hook once the wanted layer has run: the rest of the pass is skipped."""


def _run_to(model, last, inputs):
    """The output of module ``last`` when ``model`` runs on ``inputs``, without running what follows."""
    got = []

    def stop(_module, _args, output):
        got.append(output[0] if isinstance(output, tuple) else output)
        raise _Reached

    handle = last.register_forward_hook(stop)
    try:
        model(**inputs)
    except _Reached:
        pass
    finally:
        handle.remove()
    if not got:
        raise RuntimeError(f"the model's pass never reached {type(last).__name__}")
    return got[0]
