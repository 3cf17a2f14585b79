"""Hybrid retrieval: dense (Chroma) + French BM25 (bm25s), fused by RRF; also a LangChain retriever."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever

from .embeddings import Embedder
from .fusion import rrf
from .indexing import passage_text
from .store import Store
from .text import analyze
from .types import Chunk

CANDIDATES = 30  # per retriever, before fusion


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float          # fused RRF score
    dense: float          # cosine of question and chunk (0 when dense did not return it)
    lexical: float        # BM25 score


class HybridIndex:
    """The store's chunks, with an in-memory BM25 index rebuilt from them when opened."""

    def __init__(self, store: Store, embedder: Embedder):
        import bm25s

        self.store, self.embedder = store, embedder
        self.chunks = store.all_chunks()
        self.by_id = {c.id: i for i, c in enumerate(self.chunks)}
        self.bm25 = bm25s.BM25()
        corpus = [analyze(passage_text(c)) or ["\x00"] for c in self.chunks]
        if corpus:
            self.bm25.index(corpus, show_progress=False)
        self.df = Counter(t for terms in corpus for t in set(terms))

    def idf(self, term: str) -> float:
        """BM25's idf; a term no chunk has gets the highest weight."""
        n, df = len(self.chunks), self.df.get(term, 0)
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
        want = CANDIDATES if allowed is None else len(self.chunks)
        dense = [(self.by_id[cid], s) for cid, s in self.store.dense(vector, want) if cid in self.by_id]
        dense = [(i, s) for i, s in dense if allowed is None or i in allowed][:CANDIDATES]
        lex = self.lexical(query)
        lex_order = [int(i) for i in np.argsort(-lex, kind="stable") if lex[i] > 0
                     and (allowed is None or int(i) in allowed)][:CANDIDATES]
        dense_score = dict(dense)
        fused = rrf([[i for i, _ in dense], lex_order])
        return [Hit(self.chunks[i], s, dense_score.get(i, 0.0), float(lex[i])) for i, s in fused[:k]]


class HybridRetriever(BaseRetriever):
    """LangChain face of :class:`HybridIndex`: ``retriever.invoke("question")`` -> Documents."""

    index: HybridIndex
    k: int = 4

    model_config = {"arbitrary_types_allowed": True}

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        return [LCDocument(page_content=h.chunk.text, id=h.chunk.id,
                           metadata={"source": h.chunk.source, "title": h.chunk.title, "section": h.chunk.section,
                                     "start": h.chunk.start, "end": h.chunk.end, "score": h.score,
                                     "dense": h.dense, "lexical": h.lexical})
                for h in self.index.search(query, k=self.k)]
