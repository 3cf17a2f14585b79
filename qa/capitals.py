"""Which capitalised words are names: a question's first word is capitalised only because it opens
the question ("Démarchage par courriel : faut-il mon accord ?"), and a sentence names someone new
where a capitalised word does not open it (what "qui … ?" wants)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .text import LABEL, fold

if TYPE_CHECKING:
    from .retrieval import Hit

_WORD = re.compile(r"(?<!^)(?<![.!?] )\b[^\W\d_][\w-]+")
_ITEM = re.compile(r"[:;•]\s*$")


def opening_word(name: str, query: str, hits: list[Hit], common: frozenset[str] = frozenset()) -> bool:
    """``name`` is the question's first word, capitalised only because it opens the question
    ("Démarchage par courriel : faut-il mon accord ?"): the passages write it in lower case, and
    never with a capital inside a sentence, or all the documents do (``common``: "Dire que…"),
    unless it heads a label: "Démarchage par fax : que faire ?" is about "démarchage", which the
    passage must name (cnil/dev: "Démarchage", "Cours", "Hébergeur" read as common words gave 1
    wrong answer more, and 2 on absent facts)."""
    if " " in name or name.isupper() or not re.match(rf"[\s\"«'(]*{re.escape(name)}(?![\w-])", query):
        return False
    if fold(name) in common and not LABEL.match(query):
        return True
    lower = re.compile(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])")
    inside = re.compile(rf"(?<![.!?:»\n]\s)(?<![\w-]){re.escape(name)}(?![\w-])")
    texts = [h.chunk.text for h in hits]
    return any(lower.search(t) for t in texts) and not any(
        m.start() > 0 for t in texts for m in inside.finditer(t))


def new_name(sentence: str, asked: set[str], common: frozenset[str] = frozenset()) -> bool:
    """The sentence names someone or something the question does not (a capitalised word that
    does not open the sentence): what a "qui ...?" question wants. After a colon, a capital may open
    an item ("… suivantes : Identité des personnes"): a word the documents write as a common word
    is no name there."""
    return any(m.group()[0].isupper() and fold(m.group()) not in asked
               and not (_ITEM.search(sentence[:m.start()]) and fold(m.group()) in common)
               for m in _WORD.finditer(sentence))
