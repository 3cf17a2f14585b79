"""Hybrid retrieval: dense chunks + dense sentences + French BM25 (bm25s), fused."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .encoders import QueryEncoder
from .fusion import convex, rrf
from .indexing import passage_text
from .store import Store
from .text import analyze
from .types import Chunk

CANDIDATES = 50           # chunks per retriever, before fusion
SENTENCE_CANDIDATES = 100
# Convex fusion weights (chunk cosine, best sentence cosine, BM25 / its max), tuned on PIAF dev:
# R@1 0.788 / R@5 0.941, against 0.738 / 0.919 for RRF of chunk dense and BM25.
WEIGHTS = (0.6, 0.4, 0.03)
# Up to this many vectors, dense search runs exactly in memory (one matrix product: faster than a
# Chroma query and exact); beyond it, Chroma's HNSW index answers.
EXACT_LIMIT = 200_000


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float          # fused score
    dense: float          # cosine of question and chunk (0 when dense did not return it)
    lexical: float        # BM25 score


class HybridIndex:
    """The store's chunks, with an in-memory BM25 index rebuilt from them when opened."""

    def __init__(self, store: Store, embedder: QueryEncoder, fusion: str = "convex"):
        import bm25s

        self.store, self.embedder, self.fusion = store, embedder, fusion
        self.chunks = store.all_chunks()
        self.by_id = {c.id: i for i, c in enumerate(self.chunks)}
        self.bm25 = bm25s.BM25()
        corpus = [analyze(passage_text(c)) or ["\x00"] for c in self.chunks]
        if corpus:
            self.bm25.index(corpus, show_progress=False)
        self.df = Counter(t for terms in corpus for t in set(terms))
        self._prefix_df: dict[str, int] | None = None  # first six letters -> highest df, built on first need
        self.spans: dict[str, list[tuple[int, int, int]]] = {}  # source -> (start, end, chunk index)
        for i, c in enumerate(self.chunks):
            self.spans.setdefault(c.source, []).append((c.start, c.end, i))
        self.exact = len(self.chunks) + store.sentences.count() <= EXACT_LIMIT
        if self.exact:
            ids, _, vecs = store.all_vectors("chunks")
            row = {cid: n for n, cid in enumerate(ids)}
            self.chunk_vecs = vecs[[row[c.id] for c in self.chunks]] if self.chunks else vecs
            ids, metas, self.unit_vecs = store.all_vectors("sentences")
            self.unit_row = {uid: n for n, uid in enumerate(ids)}
            self.unit_meta = [(m["source"], int(m["start"]), int(m["end"])) for m in metas]
            self.unit_source = np.array([m[0] for m in self.unit_meta], dtype=object)

    def sentence_vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        if not self.exact:
            return self.store.sentence_vectors(ids)
        return {i: self.unit_vecs[self.unit_row[i]] for i in ids if i in self.unit_row}

    def _dense(self, vector: np.ndarray, sources: list[str] | None) -> tuple[dict[int, float], list[tuple[str, int, int, float]]]:
        """(chunk index -> cosine) of the best chunks, and (source, start, end, cosine) of the best units."""
        if not self.exact:
            where = {"source": {"$in": list(sources)}} if sources else None
            dense = {self.by_id[cid]: s for cid, s in self.store.dense(vector, CANDIDATES, where) if cid in self.by_id}
            return dense, self.store.sentence_matches(vector, SENTENCE_CANDIDATES, where)
        chunk_sims, unit_sims = self.chunk_vecs @ vector, self.unit_vecs @ vector
        if sources:
            keep = set(sources)
            chunk_sims = np.where([c.source in keep for c in self.chunks], chunk_sims, -np.inf)
            unit_sims = np.where(np.isin(self.unit_source, list(keep)), unit_sims, -np.inf)
        dense = {int(i): float(chunk_sims[i]) for i in _top(chunk_sims, CANDIDATES)}
        units = [(*self.unit_meta[i], float(unit_sims[i])) for i in _top(unit_sims, SENTENCE_CANDIDATES)]
        return dense, units

    def document(self, source: str) -> list[Chunk]:
        """The chunks of one document, in index order."""
        return [self.chunks[i] for _, _, i in self.spans.get(source, ())]

    def _chunks_of(self, source: str, start: int, end: int) -> list[int]:
        return [i for s, e, i in self.spans.get(source, ()) if s <= start and end <= e]

    def idf(self, term: str) -> float:
        """BM25's idf. A term no chunk has is weighed as the commonest indexed word that shares its
        first six letters, the words sentence coverage matches it with ("investments" /
        "investissement", "atteindre" / "atteint"); with none, it gets the highest weight."""
        n, df = len(self.chunks), self.df.get(term, 0)
        if not df and len(term) >= 6:
            if self._prefix_df is None:  # built whole, then published: questions run in threads
                prefixes: dict[str, int] = {}
                for t, d in self.df.items():
                    if len(t) >= 6:
                        prefixes[t[:6]] = max(d, prefixes.get(t[:6], 0))
                self._prefix_df = prefixes
            df = self._prefix_df.get(term[:6], 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def lexical(self, query: str) -> np.ndarray:
        terms = analyze(query)
        if not terms or not self.chunks:
            return np.zeros(len(self.chunks), dtype=np.float32)
        return np.asarray(self.bm25.get_scores(terms), dtype=np.float32)

    def search(self, query: str, k: int = 4, vector: np.ndarray | None = None,
               sources: list[str] | None = None) -> list[Hit]:
        """The ``k`` best chunks for ``query``; ``sources`` restricts to some documents."""
        if not self.chunks:
            return []
        if vector is None:
            vector = self.embedder.encode_queries([query])[0]
        allowed = None if not sources else {i for i, c in enumerate(self.chunks) if c.source in set(sources)}
        dense, units = self._dense(vector, sources)
        # A chunk is also as good as its best sentence or clause: a fact in one line of a long
        # passage is found even when the passage as a whole is about something else.
        best_sentence: dict[int, float] = {}
        for source, start, end, s in units:
            for i in self._chunks_of(source, start, end):
                best_sentence[i] = max(best_sentence.get(i, -1.0), s)
        lex = self.lexical(query)
        top = [int(i) for i in np.argsort(-lex, kind="stable")[:CANDIDATES * 4] if lex[i] > 0]
        top = [i for i in top if allowed is None or i in allowed][:CANDIDATES]
        peak = float(lex[top[0]]) if top else 1.0
        lexical = {i: float(lex[i]) / peak for i in top}
        if self.fusion == "rrf":
            fused = rrf([sorted(m, key=m.get, reverse=True) for m in (dense, best_sentence, lexical)])
        else:
            fused = convex([dense, best_sentence, lexical], WEIGHTS)
        return [Hit(self.chunks[i], s, dense.get(i, 0.0), float(lex[i])) for i, s in fused[:k]]


def _top(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` highest finite scores, best first."""
    k = min(k, int(np.isfinite(scores).sum()))
    if k <= 0:
        return np.zeros(0, dtype=int)
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.argsort(-scores[part], kind="stable")]
