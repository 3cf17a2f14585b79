"""Load and validate the documents of ``corpus/``: UTF-8 text with optional front matter."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .types import Document

SUFFIXES = (".txt", ".md")
MAX_BYTES = 20_000_000  # a single document larger than this is almost surely not prose

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


class CorpusError(ValueError):
    """A document cannot be used; the message names the file."""


def parse_front_matter(text: str) -> tuple[dict[str, str], int]:
    """``key: value`` lines between two ``---`` lines at the top -> (metadata, body offset)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    meta = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, m.end()


def load_document(path: Path, root: Path | None = None) -> Document:
    """Read one file; raise ``CorpusError`` naming it when it is missing, empty, binary or not UTF-8."""
    path = Path(path)
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(f"{name}: no such file (deleted or moved while indexing?)") from None
    except (IsADirectoryError, PermissionError) as exc:
        raise CorpusError(f"{name}: cannot be read ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise CorpusError(f"{name}: too large ({len(data):,} bytes > {MAX_BYTES:,})")
    if b"\x00" in data:
        raise CorpusError(f"{name}: looks like a binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{name}: not valid UTF-8 (byte {exc.start}); convert it to UTF-8 first") from None
    meta, body_start = parse_front_matter(text)
    if not text[body_start:].strip():
        raise CorpusError(f"{name}: empty document")
    source = path.name if root is None else path.resolve().relative_to(Path(root).resolve()).as_posix()
    return Document(
        id=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
        source=source,
        text=text,
        title=meta.get("title") or path.stem.replace("-", " ").replace("_", " "),
        date=meta.get("date", ""),
        lang=meta.get("lang", "fr"),
        url=meta.get("url") or meta.get("source", ""),
        body_start=body_start,
    )


def load_corpus(directory: Path) -> list[Document]:
    """Every ``.txt``/``.md`` file under ``directory`` (recursively), all validated before any is used."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CorpusError(f"{directory}: corpus folder not found")
    paths = sorted(p for p in directory.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
                   and not any(part.startswith(".") for part in p.relative_to(directory).parts))
    docs = [load_document(p, root=directory) for p in paths]
    if not docs:
        raise CorpusError(f"{directory}: no .txt or .md documents")
    return docs
