"""Find and load documents: files or folders of .txt, .md, .html and .pdf, each validated and
named by a stable ``source`` (relative to the corpus folder when inside it, absolute otherwise)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .readers import SUFFIXES, ReadError, read
from .readers import front_matter as parse_front_matter  # noqa: F401 - part of this module's API
from .types import Document

MAX_BYTES = 50_000_000  # a single document larger than this is almost surely not prose


class CorpusError(ValueError):
    """Documents cannot be used; the message names each file and why. ``problems`` holds one
    "file: reason" line per bad file (a run reports them all at once, not the first alone)."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or [message]

    @classmethod
    def of(cls, problems: list[str]) -> "CorpusError":
        if len(problems) == 1:
            return cls(problems[0])
        lines = "".join(f"\n  {p}" for p in problems)
        return cls(f"{len(problems)} files cannot be indexed; nothing was changed:{lines}", problems)


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


def load_all(files: list[Path], corpus_dir: Path | None) -> list[Document]:
    """Every file read and validated; when any is bad, one ``CorpusError`` naming all of them."""
    docs, problems = [], []
    for f in files:
        try:
            docs.append(load_document(f, root=corpus_dir))
        except CorpusError as exc:
            problems += exc.problems
    if problems:
        raise CorpusError.of(problems)
    return docs


@dataclass
class Selection:
    """What one ``qa index`` run covers: the documents, validated, and the folders it mirrors."""

    docs: list[Document]
    folders: list[Path]
    prune: bool
    corpus_dir: Path

    def gone(self, source: str) -> bool:
        """Whether an indexed ``source`` leaves the index: it was in a mirrored folder (and is not in
        ``docs``), or ``prune`` is set and its file no longer exists."""
        path = source_path(source, self.corpus_dir).resolve()
        return any(path.is_relative_to(f) for f in self.folders) or (self.prune and not path.exists())


def select(paths: list[Path] | None, corpus_dir: Path, prune: bool = False) -> Selection:
    """The documents under ``paths`` (default: the corpus folder), every one validated, with no
    model and no index involved; a missing path or any bad file raises one ``CorpusError`` that
    names them all."""
    corpus_dir = Path(corpus_dir)
    paths = [Path(p) for p in paths] if paths else [corpus_dir]
    files, problems = [], []
    for p in paths:
        try:
            files += find_files([p])
        except CorpusError as exc:
            problems += exc.problems
    try:
        docs = load_all(list(dict.fromkeys(files)), corpus_dir)
    except CorpusError as exc:
        problems += exc.problems
    if problems:
        raise CorpusError.of(problems)
    if not docs and not prune:
        raise CorpusError(f"no documents ({', '.join(SUFFIXES)}) in {', '.join(map(str, paths))}")
    return Selection(docs, [p.resolve() for p in paths if p.is_dir()], prune, corpus_dir)


def load_paths(paths: list[Path], corpus_dir: Path) -> list[Document]:
    """Every document under ``paths``, all validated before any is used."""
    return load_all(find_files(paths), corpus_dir)


def load_corpus(directory: Path) -> list[Document]:
    """Every supported file under ``directory`` (recursively), all validated before any is used."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CorpusError(f"{directory}: corpus folder not found")
    docs = load_paths([directory], directory)
    if not docs:
        raise CorpusError(f"{directory}: no documents ({', '.join(SUFFIXES)})")
    return docs
