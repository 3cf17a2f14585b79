"""One loaded model and one opened index per process, shared by the API, the CLI and the page."""
from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from .answering import Answerer
from .config import Settings
from .corpus import source_name
from .encoders import LazyEmbedder, QueryEncoder, one_shot_queries
from .indexing import IndexReport, build_index, index_paths
from .retrieval import HybridIndex
from .store import Store
from .types import Answer, Chunk, Document, QuestionError

if TYPE_CHECKING:
    from .retriever import HybridRetriever

_lock = threading.RLock()
_embedders: dict[tuple, LazyEmbedder] = {}
_pipelines: dict[tuple[Settings, bool], "Pipeline"] = {}


def get_embedder(settings: Settings) -> LazyEmbedder:
    """The index's encoder for ``settings``, shared by the process; it loads on its first embedding."""
    key = (settings.model, str(settings.model_cache), settings.prefixes, settings.threads, settings.index_threads,
           settings.precision)
    with _lock:
        if key not in _embedders:
            _embedders[key] = LazyEmbedder(settings)
        return _embedders[key]


class Pipeline:
    """``one_shot``: for a process that asks a question and exits (``qa ask``): questions are
    embedded by the bundled model's own engine where it applies, and the index's encoder loads only
    if something must be indexed. Otherwise (the page, ``answer()``) the index's encoder loads now,
    so that the first question is as quick as the next."""

    def __init__(self, settings: Settings, one_shot: bool = False):
        self.settings = settings
        self.embedder = get_embedder(settings)
        self.queries: QueryEncoder = one_shot_queries(settings, self.embedder) if one_shot else self.embedder
        if not one_shot:
            self.embedder.load()
        self.store = Store(settings, self.embedder.name, self.embedder.dim)
        if not self.store.exists():
            print(f"No index at {self.store.where}: indexing {settings.corpus_dir} (first run only)...",
                  file=sys.stderr, flush=True)
            report = self.index()
            print(f"Indexed: {report.summary()}", file=sys.stderr, flush=True)
        self._open()

    def _open(self) -> None:
        self.store.open()
        self.hybrid = HybridIndex(self.store, self.queries, self.settings.fusion)
        self.answerer = Answerer(self.hybrid, self.settings.top_k, self.settings.max_question_chars)

    def index(self, paths: list[Path] | None = None, *, rebuild: bool = False, prune: bool = False) -> IndexReport:
        """Add or update ``paths`` (default: the corpus folder), then answer from the new index.
        Every document is validated before any write."""
        return self._reopened(index_paths(self.settings, self.embedder, paths, rebuild=rebuild, prune=prune), rebuild)

    def add(self, docs: list[Document]) -> IndexReport:
        """Add or update documents already loaded (and so validated), leaving every other one indexed."""
        return self._reopened(build_index(self.settings, self.embedder, docs, prune=False))

    def _reopened(self, report: IndexReport, rebuild: bool = False) -> IndexReport:
        with _lock:
            if self.store.chunks is not None or rebuild:
                self._open()
        return report

    def sources(self) -> list[dict]:
        """The indexed documents: source, title, chunk count and pages (0 when not paged)."""
        return catalogue(self.hybrid.chunks)

    def answer(self, question: str, history: list[str] | None = None, sources: list[str] | None = None) -> Answer:
        if sources is not None:
            sources = self._resolve(sources)
        return self.answerer.answer(question, history=history, sources=sources)

    def _resolve(self, sources: list[str]) -> list[str]:
        """Indexed source names for ``sources``, given as listed by ``qa sources`` or as file paths."""
        known = {c.source for c in self.hybrid.chunks}
        out = []
        for s in sources:
            name = s if s in known else source_name(Path(s), self.settings.corpus_dir)
            if name not in known:
                raise QuestionError("unknown_source", f"no indexed document {s!r}; `qa sources` lists them",
                                    source=s)
            out.append(name)
        return out

    def retriever(self, k: int | None = None) -> HybridRetriever:
        # Imported here, not at the top: see qa/retriever.py.
        from .retriever import HybridRetriever

        return HybridRetriever(index=self.hybrid, k=k or self.settings.top_k)


def get_pipeline(settings: Settings | None = None, one_shot: bool = False) -> Pipeline:
    settings = settings or Settings.from_env()
    with _lock:
        if (settings, one_shot) not in _pipelines:
            _pipelines[settings, one_shot] = Pipeline(settings, one_shot=one_shot)
        return _pipelines[settings, one_shot]


def catalogue(chunks: list[Chunk]) -> list[dict]:
    """One row per document of ``chunks``: source, title, chunk count, pages (0 when not paged)."""
    out: dict[str, dict] = {}
    for c in chunks:
        d = out.setdefault(c.source, {"source": c.source, "title": c.title, "chunks": 0, "pages": 0})
        d["chunks"] += 1
        d["pages"] = max(d["pages"], c.page or 0)
    return sorted(out.values(), key=lambda d: d["source"])


def list_sources(settings: Settings) -> list[dict]:
    """``qa sources``: read from the index alone, no model and no search structures; a missing
    index is built first, as ``get_pipeline`` would."""
    embedder = get_embedder(settings)
    store = Store(settings, embedder.name, embedder.dim)
    if not store.exists():
        return get_pipeline(settings, one_shot=True).sources()
    return catalogue(store.open().all_chunks())


def reset() -> None:
    """Forget opened pipelines (the loaded models stay): the next call reopens the index."""
    with _lock:
        _pipelines.clear()
