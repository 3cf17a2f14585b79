"""Chroma, on disk under ``index/`` or on a server: chunk vectors and sentence vectors, with our
own embeddings (never Chroma's), cosine space, ids from content, and the model recorded."""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from .chunking import CHUNKER_VERSION
from . import generation
from .config import Settings
from .segments import SegmentError, check_index
from .types import Chunk, Span

SCHEMA = "1"
# ef_search chosen from bench/run.py at 100,000 vectors: 200 gave recall@10 0.91 (1.7 ms), 800 gave 1.0 (5.1 ms).
HNSW = {"space": "cosine", "ef_construction": 200, "ef_search": 800, "max_neighbors": 32}
WRITE_BATCH = 4000  # below Chroma's largest accepted batch (about 5,400 on SQLite)
_clients: dict[str, tuple[object, str]] = {}  # key -> (client, generation it has seen)
_clients_lock = threading.Lock()


class IndexMismatchError(RuntimeError):
    """The index was built with another model or chunker; vectors must never be mixed."""


class IndexCorruptError(RuntimeError):
    """The index folder is damaged (a file deleted or overwritten); ``qa index --rebuild`` fixes it."""


def _damaged(where: str, exc: Exception) -> IndexCorruptError:
    return IndexCorruptError(f"the index at {where} is damaged or unreadable ({type(exc).__name__}: {exc}). "
                             "Run `qa index --rebuild` to rebuild it from the documents.")


def client_for(settings: Settings):
    """One chromadb client per folder or URL per process (Chroma refuses two on one folder), made
    afresh when another process has written the folder since: an older client's view is stale
    (new ids end in "Error finding id")."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    key = settings.chroma_url or str(Path(settings.index_dir).resolve())
    seen = generation.current(settings)
    with _clients_lock:
        if key in _clients and _clients[key][1] != seen and not settings.chroma_url:
            _forget(settings)
        if key not in _clients:
            cs = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
            if settings.chroma_url:
                url = urlparse(settings.chroma_url)
                _clients[key] = (chromadb.HttpClient(host=url.hostname or "127.0.0.1", port=url.port or 8000,
                                                     ssl=url.scheme == "https", settings=cs), seen)
            else:
                Path(settings.index_dir).mkdir(parents=True, exist_ok=True)
                try:
                    _clients[key] = (chromadb.PersistentClient(path=str(settings.index_dir), settings=cs), seen)
                except Exception as exc:  # noqa: BLE001 - sqlite, rust and pydantic errors alike
                    raise _damaged(str(settings.index_dir), exc) from exc
        return _clients[key][0]


def _forget(settings: Settings) -> None:
    """Drop this process's client of a local folder without stopping it: a request still using it
    finishes; the next ``client_for`` opens a new one. Caller holds ``_clients_lock``."""
    from chromadb.api.client import SharedSystemClient

    folder = Path(settings.index_dir)
    _clients.pop(str(folder.resolve()), None)
    systems = getattr(SharedSystemClient, "_identifier_to_system", {})
    for key in (str(settings.index_dir), str(folder.resolve())):
        systems.pop(key, None)


def wrote(settings: Settings) -> None:
    """After a completed write by this process: a new generation for the others; this process's
    client saw its own writes and stays."""
    stamp = generation.bump(settings)
    key = settings.chroma_url or str(Path(settings.index_dir).resolve())
    with _clients_lock:
        if key in _clients:
            _clients[key] = (_clients[key][0], stamp)


def wipe(settings: Settings) -> None:
    """Delete a local index folder's contents (derived data: the documents are the source) and
    forget its client, so the next open starts clean. Only for ``--rebuild``."""
    import shutil

    from chromadb.api.client import SharedSystemClient

    folder = Path(settings.index_dir)
    with _clients_lock:
        _clients.pop(str(folder.resolve()), None)
        SharedSystemClient.clear_system_cache()
    for child in folder.iterdir() if folder.is_dir() else ():
        if child.name in (".gitkeep", ".qa-index.lock"):
            continue
        shutil.rmtree(child) if child.is_dir() else child.unlink()


def _spans(value: str) -> list[tuple[int, int]]:
    return [tuple(int(x) for x in part.split(":")) for part in value.split(";") if part]


class Store:
    """Two collections: ``NAME-chunks`` holds chunks, ``NAME-sentences`` the sentences inside them."""

    def __init__(self, settings: Settings, model: str, dim: int):
        self.settings, self.client = settings, client_for(settings)
        self.signature = {"qa_model": model, "qa_dim": str(dim), "qa_chunker": CHUNKER_VERSION, "qa_schema": SCHEMA}
        self.names = (settings.collection + "-chunks", settings.collection + "-sentences")
        self.chunks = self.sentences = None

    @property
    def where(self) -> str:
        return self.settings.chroma_url or str(self.settings.index_dir)

    def exists(self) -> bool:
        try:
            existing = {getattr(c, "name", c) for c in self.client.list_collections()}
        except Exception as exc:  # noqa: BLE001
            raise _damaged(self.where, exc) from exc
        return all(n in existing for n in self.names)

    def open(self, create: bool = False) -> "Store":
        """Open both collections; refuse an index built with another model or chunker."""
        if not create and not self.exists():
            raise FileNotFoundError(f"no index at {self.where}: run `qa index`")
        if not self.settings.chroma_url:
            self._check_vectors()
        try:
            cols = [self.client.get_or_create_collection(n, metadata=dict(self.signature), embedding_function=None,
                                                         configuration={"hnsw": HNSW}) for n in self.names]
            for col in cols:  # touch the vector files too: a deleted segment shows only on query
                if col.count():
                    col.query(query_embeddings=[[0.0] * int(self.signature["qa_dim"])], n_results=1, include=[])
        except IndexMismatchError:
            raise
        except Exception as exc:  # noqa: BLE001
            if "dimension" in str(exc).lower():
                raise IndexMismatchError(f"the index at {self.where} holds vectors of another size: "
                                         "run `qa index --rebuild`") from exc
            raise _damaged(self.where, exc) from exc
        for col in cols:
            meta = {k: str(v) for k, v in (col.metadata or {}).items() if k.startswith("qa_")}
            if meta != self.signature:
                raise IndexMismatchError(
                    f"the index at {self.where} was built with model {meta.get('qa_model')!r} "
                    f"(dim {meta.get('qa_dim')}, chunker {meta.get('qa_chunker')}), but the settings ask for "
                    f"{self.signature['qa_model']!r} (dim {self.signature['qa_dim']}, chunker {CHUNKER_VERSION}). "
                    "Run `qa index --rebuild` to rebuild it with the current model.")
        self.chunks, self.sentences = cols
        return self

    def _check_vectors(self) -> None:
        """The vector files against the catalogue, before Chroma touches them: it reports neither a
        deleted vector folder nor an overwritten file (answers stay right only while its log holds
        the vectors, that is until the index grows)."""
        try:
            check_index(self.settings.index_dir, self.names)
        except (SegmentError, sqlite3.Error) as exc:
            raise IndexCorruptError(f"the index at {self.where} is damaged ({exc}). "
                                    "Run `qa index --rebuild` to rebuild it from the documents.") from exc

    def drop(self) -> None:
        existing = {getattr(c, "name", c) for c in self.client.list_collections()}
        for n in self.names:
            if n in existing:
                self.client.delete_collection(n)
        self.chunks = self.sentences = None

    def langchain(self, embeddings):
        """The chunk collection as a LangChain vector store (same client, same vectors)."""
        from langchain_chroma import Chroma

        return Chroma(collection_name=self.names[0], embedding_function=embeddings, client=self.client,
                      create_collection_if_not_exists=False)

    # writing
    def upsert_chunks(self, chunks: list[Chunk], vectors: np.ndarray, doc_hashes: list[str]) -> None:
        """Chunks with their vectors and the hash of the document each comes from."""
        for i in range(0, len(chunks), WRITE_BATCH):
            part = chunks[i:i + WRITE_BATCH]
            self.chunks.upsert(ids=[c.id for c in part], embeddings=vectors[i:i + WRITE_BATCH],
                               documents=[c.text for c in part],
                               metadatas=[self.chunk_metadata(c, h) for c, h in zip(part, doc_hashes[i:i + WRITE_BATCH])])

    def upsert_sentences(self, units: list[tuple[str, str, Span]], vectors: np.ndarray) -> None:
        """(id, source, span) of sentences and clauses, with their vectors. Not their text: it is a
        slice of its chunk's, and Chroma's full-text index of it was half the write time here."""
        for i in range(0, len(units), WRITE_BATCH):
            part = units[i:i + WRITE_BATCH]
            self.sentences.upsert(ids=[u for u, _, _ in part], embeddings=vectors[i:i + WRITE_BATCH],
                                  metadatas=[{"source": src, "start": s.start, "end": s.end} for _, src, s in part])

    @staticmethod
    def chunk_metadata(c: Chunk, doc_hash: str) -> dict:
        meta = {"doc_id": c.doc_id, "doc_hash": doc_hash, "source": c.source, "title": c.title,
                "section": c.section, "index": c.index, "start": c.start, "end": c.end,
                "sentences": ";".join(f"{s.start}:{s.end}" for s in c.sentences)}
        if c.page is not None:  # Chroma metadata holds no None
            meta["page"] = c.page
        return meta

    def delete(self, chunk_ids: list[str], sentence_ids: list[str]) -> None:
        for col, ids in ((self.chunks, chunk_ids), (self.sentences, sentence_ids)):
            for i in range(0, len(ids), WRITE_BATCH):
                col.delete(ids=ids[i:i + WRITE_BATCH])

    # reading
    def ids_by_source(self) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, str]]:
        """(chunk ids, sentence ids, document hash) for each indexed source."""
        chunks: dict[str, set[str]] = {}
        hashes: dict[str, str] = {}
        sents: dict[str, set[str]] = {}
        got = self.chunks.get(include=["metadatas"])
        for cid, meta in zip(got["ids"], got["metadatas"]):
            chunks.setdefault(meta["source"], set()).add(cid)
            hashes[meta["source"]] = meta.get("doc_hash", "")
        got = self.sentences.get(include=["metadatas"])
        for sid, meta in zip(got["ids"], got["metadatas"]):
            sents.setdefault(meta["source"], set()).add(sid)
        return chunks, sents, hashes

    def all_chunks(self) -> list[Chunk]:
        got = self.chunks.get(include=["documents", "metadatas"])
        out = []
        for cid, text, m in zip(got["ids"], got["documents"], got["metadatas"]):
            spans = tuple(Span(s, e, text[s - m["start"]:e - m["start"]]) for s, e in _spans(m.get("sentences", "")))
            out.append(Chunk(id=cid, doc_id=m["doc_id"], source=m["source"], title=m.get("title", ""),
                             section=m.get("section", ""), index=int(m["index"]), start=int(m["start"]),
                             end=int(m["end"]), text=text, sentences=spans,
                             page=int(m["page"]) if "page" in m else None))
        out.sort(key=lambda c: (c.source, c.index))
        return out

    def count(self) -> int:
        return self.chunks.count()

    def dense(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """Chunk ids by cosine similarity (Chroma returns cosine distance)."""
        n = min(k, self.chunks.count())
        if n == 0:
            return []
        res = self.chunks.query(query_embeddings=[vector.tolist()], n_results=n, where=where, include=["distances"])
        return [(i, 1.0 - d) for i, d in zip(res["ids"][0], res["distances"][0])]

    def sentence_matches(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[tuple[str, int, int, float]]:
        """(source, start, end, cosine) of the sentences and clauses closest to ``vector``."""
        n = min(k, self.sentences.count())
        if n == 0:
            return []
        res = self.sentences.query(query_embeddings=[vector.tolist()], n_results=n, where=where,
                                   include=["metadatas", "distances"])
        return [(m["source"], int(m["start"]), int(m["end"]), 1.0 - d)
                for m, d in zip(res["metadatas"][0], res["distances"][0])]

    def all_vectors(self, which: str) -> tuple[list[str], list[dict], np.ndarray]:
        """Every id, metadata and vector of the ``"chunks"`` or ``"sentences"`` collection."""
        col = self.chunks if which == "chunks" else self.sentences
        got = col.get(include=["metadatas", "embeddings"])
        dim = int(self.signature["qa_dim"])
        vecs = np.asarray(got["embeddings"], dtype=np.float32).reshape(-1, dim) if got["ids"] else np.zeros((0, dim), np.float32)
        return got["ids"], got["metadatas"], vecs

    def sentence_vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        if not ids:
            return {}
        got = self.sentences.get(ids=ids, include=["embeddings"])
        return {i: np.asarray(v, dtype=np.float32) for i, v in zip(got["ids"], got["embeddings"])}
