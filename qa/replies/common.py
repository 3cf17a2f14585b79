"""What every kind of reply shares: the frames around quotes in each language, citations with
their highlighted stretches, and quotes that stay coherent (no opening on an unexplained "Elle")."""
from __future__ import annotations

import re

from ..selection import CONTINUES, IMPERSONAL, preceding, same_paragraph
from ..types import Chunk, Citation, Span

MAX_ANSWER_CHARS = 380  # the whole of most sentences; under the 400 that a short answer allows


def marks(lang: str) -> tuple[str, str]:
    return ("“", "”") if lang == "en" else ("« ", " »")


def frame(lang: str, short: bool) -> str:
    """What introduces the quote: after a short answer it supports it, alone it is the answer."""
    if lang == "en":
        return "The document says: " if short else "According to the document: "
    return "Selon le document : "


def quoted(text: str, lang: str) -> str:
    a, b = marks(lang)
    return f"{a}{text}{b}"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def flat(span: Span) -> str:
    """The span's text as quoted: line breaks and runs of spaces made single spaces."""
    return " ".join(span.text.split())


def cite(n: int, chunk: Chunk, spans: list[Span], score: float, main: Span | None = None) -> Citation:
    """Citation ``n`` of ``chunk``, highlighting ``spans`` (``main``, or the first, is the support)."""
    main = main or spans[0]
    return Citation(n=n, text=chunk.text, source=chunk.source, section=chunk.section, start=chunk.start,
                    end=chunk.end, score=round(float(score), 4), title=chunk.title,
                    highlight=(main.start - chunk.start, main.end - chunk.start), page=chunk.page,
                    highlights=tuple((sp.start - chunk.start, sp.end - chunk.start) for sp in spans))


def join(chunk: Chunk, a: Span, b: Span) -> Span:
    return Span(a.start, b.end, chunk.text[a.start - chunk.start:b.end - chunk.start])


# A sentence whose first words point back to the one before: "En l'absence de réponse dans ce
# délai, la demande est réputée acceptée" goes on "Le manager doit répondre dans un délai de 5 jours".
_POINTS_BACK = re.compile(r"(?:\W*[\w'’-]+){0,6}?\W*\b(?:ce|cet|cette|ces)\s+\w", re.I)


def coherent(chunk: Chunk, sentence: Span, budget: int, follow: bool = True) -> Span:
    """The sentence to quote, joined by the previous one when it opens on a reference to it, and
    (with ``follow``: when no short answer leads the reply) by the next one when that one continues
    it, as far as ``budget`` allows. No quote opens on an unexplained "Elle ..."."""
    after = next((s for s in chunk.sentences if s.start >= sentence.end), None)
    if follow and after is not None and (CONTINUES.match(after.text) or _POINTS_BACK.match(after.text)) \
            and after.end - sentence.start <= budget:
        sentence = join(chunk, sentence, after)
    before = preceding(chunk, sentence)
    # not across a blank line, nor for an impersonal "Il est interdit de…", "Il faut…"
    if before is not None and CONTINUES.match(sentence.text) and sentence.end - before.start <= budget and \
            same_paragraph(chunk, before, sentence) and not IMPERSONAL.match(sentence.text):
        sentence = join(chunk, before, sentence)
    return sentence


def together(chunk: Chunk, main: Span, other: Span, budget: int) -> list[Span]:
    """``main`` and ``other`` in document order, merged when they touch or overlap (one quote), or
    ``main`` alone when both do not fit in ``budget``."""
    a, b = sorted((main, other), key=lambda sp: sp.start)
    between = [s for s in chunk.sentences if a.end <= s.start and s.end <= b.start]
    if not between:  # adjacent or overlapping: one stretch of text
        end = max(a.end, b.end)
        merged = Span(a.start, end, chunk.text[a.start - chunk.start:end - chunk.start])
        return [merged] if len(flat(merged)) <= budget else [main]
    return [a, b] if len(flat(a)) + len(" … ") + len(flat(b)) <= budget else [main]


def window(sentence: str, budget: int, focus: str | None = None) -> str:
    """The sentence, or a window of it around ``focus`` cut at word boundaries, within ``budget``."""
    if len(sentence) <= budget:
        return sentence
    at = max(0, sentence.find(focus)) if focus else 0
    start = max(0, min(at - 20, len(sentence) - budget + 2))
    piece = sentence[start:start + budget - 2]
    if start > 0:
        piece = "… " + piece[piece.find(" ") + 1:]
    if start + budget - 2 < len(sentence):
        piece = piece[:piece.rfind(" ")] + " …"
    return piece
