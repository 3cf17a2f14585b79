"""The index's generation: a stamp that every completed ``qa index`` run changes, so that a process
reading the index (the page) notices another one's writes with one small file read per question."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

from .config import Settings

FILE = ".qa-generation"


def path(settings: Settings) -> Path:
    """Beside the index lock: the index folder, or the model cache for a Chroma server."""
    return (Path(settings.model_cache) if settings.chroma_url else Path(settings.index_dir)) / FILE


def current(settings: Settings) -> str:
    """The stamp of the last completed write ("" before the first)."""
    try:
        return path(settings).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def bump(settings: Settings) -> str:
    """A new stamp, written atomically (a reader sees the old one or the new one, never half)."""
    stamp = uuid.uuid4().hex
    target = path(settings)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{FILE}.{os.getpid()}.tmp")
    tmp.write_text(stamp, encoding="ascii")
    os.replace(tmp, target)
    return stamp
