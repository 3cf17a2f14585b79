"""Closed questions: "Oui" / "Non" only when the evidence decides it (a comparison of stated
amounts, a direction word that agrees or contradicts, the very date or figure asked about);
otherwise the evidence is quoted without a verdict."""
from __future__ import annotations

import re

from ..question import Question
from ..selection import Candidate
from ..text import fold
from ..types import Answer
from . import compare, fact

_UP = re.compile(r"\b(?:progress\w*|augment\w*|hausse\w*|croissance|croit|croiss\w*|monte\w*|grimp\w*|rise[sn]?|rose|"
                 r"risen|increas\w*|grow\w*|grew|gain\w*|up)\b")
_DOWN = re.compile(r"\b(?:recul\w*|baiss\w*|diminu\w*|chut\w*|fall\w*|fell|drop\w*|declin\w*|decreas\w*|perdu|perte\w*|"
                   r"down|lost|shrank|shrunk)\b")
_NEGATED = re.compile(r"\b(?:ne|n'|pas|not|no|never|jamais|aucun\w*)\b")


def _direction(text: str) -> int:
    f = fold(text)
    up, down = bool(_UP.search(f)), bool(_DOWN.search(f))
    return 0 if up == down else (1 if up else -1)


def reply(q: Question, ranked: list[Candidate]) -> Answer | None:
    decided = compare.verdict(q, ranked)
    if decided is not None:
        return decided
    chosen = fact.choose(ranked)
    if not chosen:
        return None
    best = chosen[0]
    sentence = best.sentence.text
    yes = no = False
    asked, said = _direction(q.query), _direction(sentence)
    if _NEGATED.search(fold(sentence)) or _NEGATED.search(fold(q.query)):
        return fact.reply(q, chosen)  # "n'a pas augmenté": no verdict read from a negated sentence
    if asked and said:
        yes, no = asked == said, asked != said
    # The figure or date asked about is the one the sentence states, next to what the question names.
    figures = [n for n in q.names if re.fullmatch(r"\d+(?:[.,]\d+)?", n)]
    if not no and figures and all(re.search(rf"(?<![\d,.]){re.escape(n)}(?![\d])", sentence) for n in figures) \
            and best.features.get("coverage", 0) >= 0.5 and best.features.get("grounded_here"):
        yes = True
    if not (yes or no):
        return fact.reply(q, chosen)
    word = ("Yes" if yes else "No") if q.lang == "en" else ("Oui" if yes else "Non")
    answer = fact.reply(q, [fact.with_answer(best, "")], prefix=f"{word}. ")
    return Answer(answer.text, answer.language, True, answer.citations, kind="yesno")
