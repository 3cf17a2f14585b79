"""Chroma's vector files in a local index folder: checked against its catalogue when the index is
opened, and removed once no collection uses them.

A local Chroma folder holds ``chroma.sqlite3`` (the catalogue: collections, their segments, ids,
metadata) and one folder per vector segment, named by the segment's id, with the HNSW files
``header.bin``, ``data_level0.bin``, ``length.bin`` and ``link_lists.bin``. Chroma itself reports
neither a missing folder nor a damaged file: below its flush threshold it searches the vectors of
its log and answers look right, until the index grows. Format read here: chromadb 1.5.9.
"""
from __future__ import annotations

import shutil
import sqlite3
import struct
import uuid
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

import numpy as np

# version u32, offsetLevel0, max_elements, cur_element_count, size_data_per_element, label_offset,
# offsetData (u64 each), maxlevel i32, enterpoint i32, maxM, maxM0, M (u64), mult f64, ef_construction u64
_HEADER = struct.Struct("<I6Qii3QdQ")
SAMPLE = 1000  # vectors whose norm is checked (cosine space stores them normalised); a memory-mapped read


class SegmentError(RuntimeError):
    """A vector segment's files are missing or do not match what the catalogue says."""


def _catalogue(index_dir: Path) -> sqlite3.Connection:
    # Read-only, so that checking can never write; the path quoted, as a URI needs ("#", "?", "%").
    return sqlite3.connect(f"file:{quote(str(Path(index_dir).resolve() / 'chroma.sqlite3'))}?mode=ro", uri=True,
                           timeout=30)


def catalogue(index_dir: Path) -> dict[str, tuple[str, int, int | None]]:
    """Collection name -> (id of its vector segment, number of vectors, their dimension or None
    before the first), as the catalogue says."""
    with closing(_catalogue(index_dir)) as db:
        segments = db.execute("SELECT c.name, s.id, c.dimension FROM segments s JOIN collections c "
                              "ON s.collection = c.id WHERE s.scope = 'VECTOR'").fetchall()
        counts = dict(db.execute("SELECT c.name, COUNT(*) FROM embeddings e JOIN segments s ON e.segment_id = s.id "
                                 "JOIN collections c ON s.collection = c.id GROUP BY c.name").fetchall())
    return {name: (segment, counts.get(name, 0), dim) for name, segment, dim in segments}


def check_index(index_dir: Path, names: tuple[str, ...]) -> None:
    """Check the vector files of the collections ``names`` that exist. To run before Chroma opens
    them: on its first use of a collection it rewrites files it has not flushed, hiding the damage.
    (Vectors of another size than the settings ask for are not damage: ``Store.open`` says so.)"""
    known = catalogue(index_dir)
    for name in names:
        if name in known:
            check(index_dir, name, *known[name])


def check(index_dir: Path, collection: str, segment: str, count: int, dim: int | None) -> None:
    """Raise ``SegmentError`` when the vector files of ``collection`` (``count`` vectors of ``dim``,
    None: as the header says) are missing or inconsistent: header, file sizes, and a sample of
    vectors (unit length)."""
    folder = Path(index_dir) / segment
    if not folder.is_dir():
        if count:
            raise SegmentError(f"the vector folder {folder.name} of {collection!r} ({count} vectors) is missing")
        return
    try:
        raw = (folder / "header.bin").read_bytes()
        if len(raw) != _HEADER.size:
            raise SegmentError(f"{collection!r}: header.bin has {len(raw)} bytes, not {_HEADER.size}")
        version, _, max_elements, current, size, label_at, data_at, *_ = _HEADER.unpack(raw)
        dim = dim or (label_at - data_at) // 4
        if version != 1 or dim < 1 or data_at + 4 * dim != label_at or label_at + 8 != size or current > max_elements:
            raise SegmentError(f"{collection!r}: header.bin does not describe {dim}-dimensional vectors")
        data = folder / "data_level0.bin"
        stored, rest = divmod(data.stat().st_size, size)
        if rest or not current <= stored <= max(current, max_elements):
            raise SegmentError(f"{collection!r}: data_level0.bin has {data.stat().st_size} bytes, "
                               f"not {current} records of {size}")
        if (folder / "length.bin").stat().st_size != 4 * stored:
            raise SegmentError(f"{collection!r}: length.bin does not match data_level0.bin")
        if current:
            records = np.memmap(data, dtype=np.uint8, mode="r", shape=(stored, size))
            rows = np.unique(np.linspace(0, current - 1, min(current, SAMPLE)).astype(np.int64))
            vectors = np.ascontiguousarray(records[rows, data_at:label_at]).view(np.float32)
            with np.errstate(all="ignore"):  # garbage bytes read as floats: NaN and overflow fail below
                norms = np.linalg.norm(vectors.astype(np.float64), axis=1)
            if not np.all(np.abs(norms - 1.0) < 1e-3):
                raise SegmentError(f"{collection!r}: data_level0.bin holds vectors that are not unit length")
    except OSError as exc:
        raise SegmentError(f"{collection!r}: {folder.name}/{Path(exc.filename or '').name} cannot be read "
                           f"({exc.strerror})") from None


def orphans(index_dir: Path) -> list[Path]:
    """Vector folders that no segment of the catalogue names (left by dropped collections)."""
    folder = Path(index_dir)
    if not (folder / "chroma.sqlite3").is_file():
        return []
    with closing(_catalogue(folder)) as db:
        used = {row[0] for row in db.execute("SELECT id FROM segments")}
    out = []
    for child in folder.iterdir():
        try:
            uuid.UUID(child.name)
        except ValueError:
            continue  # not a segment folder: never ours to delete
        if child.is_dir() and child.name not in used:
            out.append(child)
    return sorted(out)


def remove_orphans(index_dir: Path) -> int:
    """Delete the vector folders no collection uses; bytes freed."""
    freed = 0
    for child in orphans(index_dir):
        freed += sum(f.stat().st_size for f in child.rglob("*") if f.is_file())
        shutil.rmtree(child, ignore_errors=True)
    return freed
