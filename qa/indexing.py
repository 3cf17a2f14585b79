"""Bring the store in line with a set of documents: embed only what is new, drop what is stale."""
from __future__ import annotations

import hashlib
import sqlite3
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .chunking import CHUNKER_VERSION, chunk_document, clauses
from .config import Settings
from .corpus import Selection, select
from .segments import remove_orphans
from .store import IndexCorruptError, Store, wipe, wrote
from .types import Chunk, Document, Span

if TYPE_CHECKING:  # a LazyEmbedder is passed: the model loads only if something is embedded
    from .embeddings import Embedder

BATCH_TEXTS = 512  # texts embedded per call: large enough to keep every core busy, small enough for memory


@dataclass
class IndexReport:
    documents: int = 0
    unchanged: int = 0
    chunks_added: int = 0
    chunks_removed: int = 0
    sources_removed: int = 0
    chunks_total: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"{self.documents} documents ({self.unchanged} unchanged), +{self.chunks_added} "
                f"-{self.chunks_removed} chunks, {self.sources_removed} sources removed, "
                f"{self.chunks_total} chunks in the index, {self.seconds:.1f} s")


def passage_text(chunk: Chunk) -> str:
    """What is embedded for a chunk: its text, led by the document title and section heading."""
    head = ". ".join(p for p in (chunk.title, chunk.section) if p)
    return f"{head}.\n{chunk.text}" if head else chunk.text


@lru_cache(maxsize=262144)  # asked again for the same passages on every question
def sentence_id(source: str, span: Span) -> str:
    key = f"{CHUNKER_VERSION}\x1f{source}\x1f{span.start}\x1f{span.end}\x1f{span.text}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def index_lock(settings: Settings):
    """One writer at a time per index (two `qa index` at once must not interleave)."""
    from filelock import FileLock

    folder = Path(settings.index_dir) if not settings.chroma_url else Path(settings.model_cache)
    folder.mkdir(parents=True, exist_ok=True)
    return FileLock(str(folder / ".qa-index.lock"), timeout=3600)


def _progress(total: int, label: str):
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="doc", file=sys.stderr, disable=not sys.stderr.isatty() or total < 20)


def build_index(settings: Settings, embedder: Embedder, docs: list[Document], *, rebuild: bool = False,
                prune: bool | Callable[[str], bool] = True) -> IndexReport:
    """Sync ``docs`` into the store. Unchanged documents cost nothing; a changed one has its new
    chunks embedded and its stale ones deleted. Indexed sources absent from ``docs`` are removed
    when ``prune`` is true, or when ``prune(source)`` is."""
    t0 = time.perf_counter()
    report = IndexReport(documents=len(docs))
    # The lock is taken before Chroma is opened: a client opened earlier could hold a stale view.
    with index_lock(settings):
        store = _open_for_writing(settings, embedder, rebuild)
        have_chunks, have_sents, hashes = store.ids_by_source()
        with _progress(len(docs), "indexing") as bar:
            batch: list[_Plan] = []
            pending = 0  # texts to embed in ``batch``
            for doc in docs:
                plan = _plan(doc, have_chunks.get(doc.source, set()), have_sents.get(doc.source, set()),
                             hashes.get(doc.source))
                if plan is None:
                    report.unchanged += 1
                    bar.update(1)
                    continue
                batch.append(plan)
                pending += plan.size
                if pending >= BATCH_TEXTS:
                    _write(store, embedder, batch, report)
                    bar.update(len(batch))
                    batch, pending = [], 0
            _write(store, embedder, batch, report)
            bar.update(len(batch))
        if prune:
            gone = sorted(s for s in (set(have_chunks) | set(have_sents)) - {d.source for d in docs}
                          if prune is True or prune(s))
            for source in gone:
                store.delete(sorted(have_chunks.get(source, ())), sorted(have_sents.get(source, ())))
                report.chunks_removed += len(have_chunks.get(source, ()))
            report.sources_removed = len(gone)
        report.chunks_total = store.count()
        if not settings.chroma_url:  # the vector folders of collections a rebuild dropped
            try:
                remove_orphans(settings.index_dir)
            except sqlite3.Error as exc:  # only a clean-up: the index itself is written and sound
                print(f"qa: unused vector folders not removed ({exc})", file=sys.stderr)
        if rebuild or report.unchanged < report.documents or report.sources_removed:
            wrote(settings)  # readers in other processes (the page) reopen the index on their next question
    report.seconds = time.perf_counter() - t0
    return report


def index_paths(settings: Settings, embedder: Embedder, paths: list[Path] | None = None, *,
                rebuild: bool = False, prune: bool = False, selection: Selection | None = None) -> IndexReport:
    """``qa index [PATH...]``: add or update the files under ``paths`` (default: the corpus folder).
    A folder is mirrored: its indexed files that are gone from it are removed. ``prune`` also
    removes every indexed file, wherever it was, that no longer exists on disk. ``selection``:
    the same paths already validated by ``corpus.select`` (so that no file is read twice)."""
    chosen = selection or select(paths, Path(settings.corpus_dir), prune=prune)  # all validated first
    return build_index(settings, embedder, chosen.docs, rebuild=rebuild, prune=chosen.gone)


def _open_for_writing(settings: Settings, embedder: Embedder, rebuild: bool) -> Store:
    if not rebuild:
        return Store(settings, embedder.name, embedder.dim).open(create=True)
    try:
        store = Store(settings, embedder.name, embedder.dim)
        store.drop()
    except IndexCorruptError:
        if settings.chroma_url:
            raise
        wipe(settings)  # a damaged folder cannot even be opened to drop its collections
        store = Store(settings, embedder.name, embedder.dim)
    return store.open(create=True)


@dataclass
class _Plan:
    """What one changed document needs: vectors for its new chunks and sentences, deletions."""

    doc: Document
    new_chunks: list[Chunk]
    new_sents: list[tuple[str, str, Span]]
    kept: list[Chunk]
    stale_chunks: list[str]
    stale_sents: list[str]

    @property
    def size(self) -> int:
        return len(self.new_chunks) + len(self.new_sents)


def _plan(doc: Document, have: set[str], have_sents: set[str], old_hash: str | None) -> _Plan | None:
    """None when the document is indexed as it is; else what to embed and delete."""
    chunks = chunk_document(doc)
    for c in chunks:  # an offset bug must never reach the index: citations are slices of the source
        assert doc.text[c.start:c.end] == c.text, (doc.source, c.start, c.end)
    want = {c.id for c in chunks}
    sentences, seen = [], set()  # sentences, and the clauses of long ones, each embedded alone
    for c in chunks:
        for s in c.sentences:
            for unit in (s, *clauses(s)):
                sid = sentence_id(doc.source, unit)
                if sid not in seen:
                    seen.add(sid)
                    sentences.append((sid, doc.source, unit))
    if old_hash == doc.id and have == want and seen == have_sents:
        return None
    return _Plan(doc, [c for c in chunks if c.id not in have], [x for x in sentences if x[0] not in have_sents],
                 [c for c in chunks if c.id in have], sorted(have - want), sorted(have_sents - seen))


def _write(store: Store, embedder: Embedder, plans: list[_Plan], report: IndexReport) -> None:
    """Embed the new texts of several documents in one batch (sorted by length, every core),
    then write. Sentences first, chunks (which carry the document hash) last: a run killed in
    between leaves the documents looking changed, and the next run completes them."""
    if not plans:
        return
    sents = [x for p in plans for x in p.new_sents]
    chunks = [(c, p.doc.id) for p in plans for c in p.new_chunks]
    # One call for both kinds: batches are formed over all of them by token length.
    vectors = embedder.encode_passages([u.text for _, _, u in sents] + [passage_text(c) for c, _ in chunks])
    store.upsert_sentences(sents, vectors[:len(sents)])
    store.upsert_chunks([c for c, _ in chunks], vectors[len(sents):], [h for _, h in chunks])
    kept = [(c, p.doc.id) for p in plans for c in p.kept]
    if kept:  # same text and offsets, but the document around them changed: refresh its hash
        store.chunks.update(ids=[c.id for c, _ in kept], metadatas=[store.chunk_metadata(c, h) for c, h in kept])
    store.delete([i for p in plans for i in p.stale_chunks], [i for p in plans for i in p.stale_sents])
    report.chunks_added += len(chunks)
    report.chunks_removed += sum(len(p.stale_chunks) for p in plans)
