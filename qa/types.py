"""Typed values handed from one step of the pipeline to the next."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Document:
    """One source file. ``text`` is the file as read (``qa/readers.py``: a .txt/.md file itself, but
    for its pipe tables, read row by row; the extracted text of .html/.pdf); the body starts at
    ``body_start`` (after any front matter). Chunk offsets are offsets into ``text``."""

    id: str
    source: str
    text: str
    title: str
    date: str = ""
    lang: str = "fr"
    url: str = ""
    body_start: int = 0
    pages: tuple[int, ...] = ()  # where each page starts in ``text`` (PDFs)

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding ``offset``, or None for a document without pages."""
        from bisect import bisect_right

        return bisect_right(self.pages, offset) if self.pages else None


@dataclass(frozen=True)
class Span:
    """A slice ``[start, end)`` of a document's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage: whole sentences of one section, with offsets into the source."""

    id: str
    doc_id: str
    source: str
    title: str
    section: str
    index: int
    start: int
    end: int
    text: str
    sentences: tuple[Span, ...] = ()
    page: int | None = None


@dataclass(frozen=True)
class Citation:
    """A passage an answer rests on. ``text`` is an exact slice ``[start:end]`` of ``source``;
    ``highlight`` is the supporting sentence, as offsets into ``text``; ``highlights`` every
    stretch of ``text`` the answer quotes (the supporting sentence and, at times, a runner-up)."""

    n: int
    text: str
    source: str
    section: str
    start: int
    end: int
    score: float
    title: str = ""
    highlight: tuple[int, int] | None = None
    page: int | None = None
    highlights: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict:
        d = asdict(self)
        d["highlight"] = list(self.highlight) if self.highlight else None
        d["highlights"] = [list(h) for h in self.highlights]
        return d


@dataclass(frozen=True)
class Answer:
    """The reply to one question. ``kind`` is "fact", "summary", "list" or "yesno" for a reply
    that rests on its ``citations`` (``[1]``, ``[2]``… in ``text`` number them); "chat" for small
    talk (no citation); "none" for an abstention: ``text`` then says what was missing and
    ``citations`` is empty. ``found`` is True exactly when the reply rests on the documents."""

    text: str
    language: str
    found: bool
    citations: list[Citation] = field(default_factory=list)
    question: str = ""
    query: str = ""
    kind: str = ""

    def __post_init__(self):
        if not self.kind:  # frozen: set once, from what the reply is
            object.__setattr__(self, "kind", "fact" if self.found else "none")

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "language": self.language,
            "found": self.found,
            "kind": self.kind,
            "citations": [c.to_dict() for c in self.citations],
            "question": self.question,
            "query": self.query,
        }


class QuestionError(ValueError):
    """A question that cannot be asked; ``code`` is "not_text", "empty", "too_long"
    or "unknown_source" (``sources=`` names no indexed document)."""

    def __init__(self, code: str, message: str, **details):
        super().__init__(message)
        self.code, self.details = code, details
