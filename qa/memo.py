"""Passage vectors already computed in one indexing run, by text: a text met again in another
document (a shared notice, an "En savoir plus" line, legal boilerplate) is not embedded again.
spf/docs (64 service-public fiches): 3,493 sentences but 2,426 distinct, 63k of 84k tokens; chunks
88k of 96k tokens; clauses 21k of 26k."""
from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .embeddings import Embedder

MEMO_BYTES = 64 << 20  # the oldest vectors are forgotten past this: a run's memory stays bounded


class PassageMemo:
    """An embedder's ``encode_passages``, each distinct text embedded once per run."""

    def __init__(self, embedder: Embedder, budget: int = MEMO_BYTES):
        self.embedder, self.budget = embedder, budget
        self.vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self.size = 0

    def _known(self, key: str) -> bool:
        if key in self.vectors:
            self.vectors.move_to_end(key)
            return True
        return False

    def _keep(self, key: str, vec: np.ndarray) -> None:
        if key not in self.vectors:
            self.size += vec.nbytes + len(key)
        self.vectors[key] = vec
        while self.size > self.budget and len(self.vectors) > 1:
            old, v = self.vectors.popitem(last=False)
            self.size -= v.nbytes + len(old)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if not self._known(t)]
        fresh = dict(zip(todo, self.embedder.encode_passages(todo))) if todo else {}
        out = [fresh[t] if t in fresh else self.vectors[t] for t in texts]  # before any is forgotten
        for t, v in fresh.items():
            self._keep(t, v)
        return np.stack(out) if out else np.zeros((0, 0), dtype=np.float32)
