"""Find and load documents: files or folders of .txt, .md, .html and .pdf, each validated and
named by a stable ``source`` (relative to the corpus folder when inside it, absolute otherwise)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .readers import SUFFIXES, ReadError, read
from .readers import front_matter as parse_front_matter  # noqa: F401 - part of this module's API
from .types import Document

MAX_BYTES = 50_000_000  # a single document larger than this is almost surely not prose


class CorpusError(ValueError):
    """A document cannot be used; the message names the file."""


def source_name(path: Path, corpus_dir: Path | None) -> str:
    """How the index names a file: its path inside the corpus folder, else its absolute path."""
    path = Path(path).resolve()
    if corpus_dir is not None:
        try:
            return path.relative_to(Path(corpus_dir).resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def source_path(source: str, corpus_dir: Path) -> Path:
    """The file an indexed ``source`` came from (inverse of ``source_name``)."""
    p = Path(source)
    return p if p.is_absolute() else Path(corpus_dir) / p


def load_document(path: Path, root: Path | None = None, *, data: bytes | None = None) -> Document:
    """Read one file (or its ``data``, already read); raise ``CorpusError`` naming it when it is
    missing, empty, binary, not UTF-8, of another type than its name says, or unreadable."""
    path = Path(path)
    name = str(path)
    if path.suffix.lower() not in SUFFIXES:
        raise CorpusError(f"{name}: unsupported file type {path.suffix or '(none)'!r}; "
                          f"use one of {', '.join(SUFFIXES)}")
    if data is None:
        try:
            if path.stat().st_size > MAX_BYTES:
                raise CorpusError(f"{name}: too large ({path.stat().st_size:,} bytes > {MAX_BYTES:,})")
            data = path.read_bytes()
        except FileNotFoundError:
            raise CorpusError(f"{name}: no such file (deleted or moved while indexing?)") from None
        except (IsADirectoryError, PermissionError) as exc:
            raise CorpusError(f"{name}: cannot be read ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise CorpusError(f"{name}: too large ({len(data):,} bytes > {MAX_BYTES:,})")
    try:
        got = read(data, path.suffix)
    except ReadError as exc:
        raise CorpusError(f"{name}: {exc}") from None
    if not got.text[got.body_start:].strip():
        raise CorpusError(f"{name}: empty document")
    meta = got.meta
    return Document(
        id=hashlib.sha256(data).hexdigest()[:16],
        source=path.name if root is None else source_name(path, root),
        text=got.text,
        title=meta.get("title") or path.stem.replace("-", " ").replace("_", " "),
        date=meta.get("date", ""),
        lang=meta.get("lang") or "fr",
        url=meta.get("url") or meta.get("source", ""),
        body_start=got.body_start,
        pages=got.pages,
    )


def find_files(paths: list[Path]) -> list[Path]:
    """The files named by ``paths``: files as given, folders searched recursively for supported
    types (hidden files and folders skipped). A missing path is an error."""
    out: dict[Path, None] = {}
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if (f.suffix.lower() in SUFFIXES and f.is_file()
                        and not any(part.startswith(".") for part in f.relative_to(p).parts)):
                    out[f] = None
        elif p.is_file():  # named explicitly: an unsupported type is refused when it is loaded
            out[p] = None
        else:
            raise CorpusError(f"{p}: no such file or folder")
    return list(out)


def load_paths(paths: list[Path], corpus_dir: Path) -> list[Document]:
    """Every document under ``paths``, all validated before any is used."""
    return [load_document(f, root=corpus_dir) for f in find_files(paths)]


def load_corpus(directory: Path) -> list[Document]:
    """Every supported file under ``directory`` (recursively), all validated before any is used."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CorpusError(f"{directory}: corpus folder not found")
    docs = load_paths([directory], directory)
    if not docs:
        raise CorpusError(f"{directory}: no documents ({', '.join(SUFFIXES)})")
    return docs
