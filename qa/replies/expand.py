"""What an acronym stands for, where the documents spell it out: "Que signifie CNIL ?" ->
"CNIL : Commission nationale de l'informatique et des libertés.", quoted from the sentence that
defines it (qa/acronyms.py found it when the index was opened)."""
from __future__ import annotations

import re

from ..question import Question
from ..types import Answer, Chunk
from .common import MAX_ANSWER_CHARS, cite, flat, frame, quoted, window

# Questions for the meaning of a word, not for what the thing is ("Qu'est-ce que la CNIL ?" asks
# that: its definition, which fact replies quote).
_MEANING = re.compile(
    r"^\W*(?:que\s+(?:signifie|veut\s+dire)|qu['’]est-ce\s+que\s+(?:signifie|veut\s+dire)|what\s+(?:does|do))\s+"
    r"(?:le\s+sigle\s+|l['’]acronyme\s+|the\s+(?:acronym|abbreviation)\s+)?(?:l['’]|le\s+|la\s+|les\s+|the\s+)?"
    r"(?P<a>[^\W_][\w-]*)\s*(?:stand\s+for|mean)?\s*\??\s*$", re.I)
_MEANS_WHAT = re.compile(r"^\W*(?:l['’]|le\s+|la\s+|les\s+)?(?P<a>[^\W_][\w-]*)\s*,?\s+(?:ça\s+|ca\s+|cela\s+)?"
                         r"(?:signifie|veut\s+dire)\s+quoi\s*\??\s*$"
                         r"|^\W*what\s+is\s+(?:the\s+)?(?P<b>[^\W_][\w-]*)\s+short\s+for\s*\??\s*$", re.I)


def asked(text: str) -> str | None:
    """The word whose meaning ``text`` asks for, if it asks that."""
    m = _MEANING.match(text) or _MEANS_WHAT.match(text)
    return (m.group("a") or m.groupdict().get("b")) if m else None


def reply(q: Question, word: str, defined: list[tuple[Chunk, str]]) -> Answer | None:
    """``word`` spelt out as the first of the passages that ``defined`` it does (passage, long form),
    or None when none does."""
    for chunk, long in defined:
        at = chunk.text.find(long)
        sentence = next((s for s in chunk.sentences if s.start <= chunk.start + at < s.end), None)
        if sentence is None:
            continue
        head = f"{word} : {long}. " if q.lang == "fr" else f"{word}: {long}. "
        intro = frame(q.lang, True)
        text = window(flat(sentence), MAX_ANSWER_CHARS - len(head) - len(intro) - 8, focus=long)
        return Answer(f"{head}{intro}{quoted(text, q.lang)} [1]", q.lang, True, [cite(1, chunk, [sentence], 1.0)],
                      kind="fact")
    return None
