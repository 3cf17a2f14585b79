"""What a question typed by a person becomes before it is analysed: text, one line, no control
characters or pasted markup, within the length limit; or a ``QuestionError`` whose message can be
shown to that person."""
from __future__ import annotations

import re
import unicodedata

from .types import QuestionError


def clean_question(question: object, max_chars: int) -> str:
    """Normalise a question or raise ``QuestionError`` with a message fit for the user."""
    if not isinstance(question, str):
        raise QuestionError("not_text", "the question must be text")
    text = unicodedata.normalize("NFC", question)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co") else ch for ch in text)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise QuestionError("empty", "the question is empty")
    # Markup pasted into a question is not part of it ("<b>Qui</b> a fondé..." asks "Qui a fondé...").
    text = re.sub(r"\s+", " ", re.sub(r"<[^<>]{0,200}>", " ", text)).strip() or text
    if len(text) > max_chars:
        raise QuestionError("too_long", f"the question is too long ({len(text)} characters; at most {max_chars})",
                            length=len(text), limit=max_chars)
    return text


def cleaned(turn: object, max_chars: int) -> str | None:
    """An earlier turn, cleaned, or None: a bad turn of the history must not refuse the question."""
    try:
        return clean_question(turn, max_chars)
    except QuestionError:
        return None
