"""One loaded model and one opened index per process, shared by the API, the CLI and the page."""
from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from . import generation
from .answering import Answerer
from .config import Settings
from .corpus import source_name
from .encoders import LazyEmbedder, QueryEncoder, one_shot_queries, one_shot_tokens
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
        self._reopening = threading.Lock()
        self.embedder = get_embedder(settings)
        self.queries: QueryEncoder = one_shot_queries(settings, self.embedder) if one_shot else self.embedder
        self.tokens = one_shot_tokens(settings, self.embedder) if one_shot else self.embedder
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
        """Read the index into a new store, BM25 and answerer, then swap them in: a question already
        being answered keeps the ones it started with."""
        self._generation = generation.current(self.settings)  # first: a write during the read shows next time
        store = Store(self.settings, self.embedder.name, self.embedder.dim).open()
        hybrid = HybridIndex(store, self.queries, self.settings.fusion)
        self.store, self.hybrid = store, hybrid
        self.answerer = Answerer(hybrid, self.settings.top_k, self.settings.max_question_chars, tokens=self.tokens,
                                 passages=self.embedder)

    def _refresh(self) -> None:
        """Reopen the index when another process (``qa index``) has written it since: one small file
        read per question. One thread reopens; the others answer from the index as it was."""
        if generation.current(self.settings) == self._generation or not self._reopening.acquire(blocking=False):
            return
        try:
            stamp = generation.current(self.settings)
            if stamp != self._generation:
                with _lock:
                    self._open()
        except Exception as exc:  # noqa: BLE001 - a page keeps answering from what it has
            self._generation = stamp  # not retried on every question; the next write tries again
            print(f"qa: the index changed but could not be reopened; answering from the previous one ({exc})",
                  file=sys.stderr, flush=True)
        finally:
            self._reopening.release()

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
        self._refresh()
        return catalogue(self.hybrid.chunks)

    def answer(self, question: str, history: list[str] | None = None, sources: list[str] | None = None) -> Answer:
        self._refresh()
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
