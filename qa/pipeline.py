"""One loaded model and one opened index per process, shared by the API, the CLI and the page."""
from __future__ import annotations

import sys
import threading

from .answering import Answerer
from .config import Settings
from .corpus import load_corpus
from .embeddings import Embedder
from .indexing import IndexReport, build_index
from .retrieval import HybridIndex, HybridRetriever
from .store import Store
from .types import Answer

_lock = threading.RLock()
_embedders: dict[tuple, Embedder] = {}
_pipelines: dict[Settings, "Pipeline"] = {}


def get_embedder(settings: Settings) -> Embedder:
    key = (settings.model, str(settings.model_cache), settings.prefixes, settings.threads, settings.index_threads)
    with _lock:
        if key not in _embedders:
            _embedders[key] = Embedder(settings)
        return _embedders[key]


class Pipeline:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.embedder = get_embedder(settings)
        self.store = Store(settings, self.embedder.name, self.embedder.dim)
        if not self.store.exists():
            print(f"No index at {self.store.where}: indexing {settings.corpus_dir} (first run only)...",
                  file=sys.stderr, flush=True)
            report = self.index()
            print(f"Indexed: {report.summary()}", file=sys.stderr, flush=True)
        self._open()

    def _open(self) -> None:
        self.store.open()
        self.hybrid = HybridIndex(self.store, self.embedder, self.settings.fusion)
        self.answerer = Answerer(self.hybrid, self.settings.top_k, self.settings.max_question_chars)

    def index(self, rebuild: bool = False) -> IndexReport:
        """Sync the corpus folder into the store; every document is validated before any write."""
        docs = load_corpus(self.settings.corpus_dir)
        report = build_index(self.settings, self.embedder, docs, rebuild=rebuild)
        if self.store.chunks is not None or rebuild:
            self._open()
        return report

    def answer(self, question: str, history: list[str] | None = None, sources: list[str] | None = None) -> Answer:
        return self.answerer.answer(question, history=history, sources=sources)

    def retriever(self, k: int | None = None) -> HybridRetriever:
        return HybridRetriever(index=self.hybrid, k=k or self.settings.top_k)


def get_pipeline(settings: Settings | None = None) -> Pipeline:
    settings = settings or Settings.from_env()
    with _lock:
        if settings not in _pipelines:
            _pipelines[settings] = Pipeline(settings)
        return _pipelines[settings]


def reset() -> None:
    """Forget opened pipelines (the loaded models stay): the next call reopens the index."""
    with _lock:
        _pipelines.clear()
