"""Closed questions: "Oui" / "Non" only when the evidence decides it (a comparison of stated
amounts, a direction word that agrees or contradicts, the very date or figure asked about);
otherwise the evidence is quoted without a verdict."""
from __future__ import annotations

import re

from ..question import Question
from ..selection import Candidate, subject_terms
from ..text import analyze, fold, words
from ..types import Answer
from . import compare, fact

_UP = re.compile(r"\b(?:progress\w*|augment\w*|hausse\w*|croissance|croit|croiss\w*|monte\w*|grimp\w*|rise[sn]?|rose|"
                 r"risen|increas\w*|grow\w*|grew|gain\w*|up)\b")
_DOWN = re.compile(r"\b(?:recul\w*|baiss\w*|diminu\w*|chut\w*|fall\w*|fell|drop\w*|declin\w*|decreas\w*|perdu|perte\w*|"
                   r"down|lost|shrank|shrunk)\b")
_NEGATED = re.compile(r"\b(?:ne|n'|pas|not|no|never|jamais|aucun\w*)\b")


_NUMBER = re.compile(r"(?<![\d,.])\d+(?:[.,]\d+)?(?![\d])")


def _tied(sentence: str, figure: str, q: Question) -> bool:
    """``figure`` is the number the sentence gives for what the question names: the first number
    after one of its names (the last before it, when none follows), or, when the sentence has none
    of its names, after one of its subject words. "Microsoft investit-il 15 milliards ?" is not
    answered by "… 10 milliards de dollars et Microsoft 5 milliards de dollars, pour un total de
    15 milliards": the 15 is the total's. The words that follow the figure in the question are its
    unit ("milliards de dollars"), not what it is a figure of."""
    f, asked = fold(sentence), fold(q.query)
    numbers = [(m.start(), m.group().replace(",", ".")) for m in _NUMBER.finditer(f)]
    unit = {w for m in re.finditer(rf"(?<![\d,.]){re.escape(figure)}(?![\d])", asked)
            for w in words(asked[m.end():])[:3]}
    gone = set(analyze(" ".join(unit)))

    def places(cues: set[str]) -> list[re.Match]:
        return [m for cue in cues for m in re.finditer(rf"\b{re.escape(cue)}", f)]
    found = places({fold(n) for n in q.names if not n[0].isdigit()}) or \
        places({t for t in subject_terms(q.query) if t not in gone})
    want = figure.replace(",", ".")
    for m in found:
        after = next((n for at, n in numbers if at >= m.end()), None)
        before = next((n for at, n in reversed(numbers) if at < m.start()), None)
        if (after or before) == want:
            return True
    return False


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
    # The figure or date asked about is the one the sentence states for what the question names;
    # a figure the sentence gives for something else decides nothing.
    figures = [n for n in q.names if re.fullmatch(r"\d+(?:[.,]\d+)?", n)]
    stated = [n for n in figures if re.search(rf"(?<![\d,.]){re.escape(n)}(?![\d])", sentence)]
    if not all(_tied(sentence, n, q) for n in stated):
        return fact.reply(q, chosen)
    if not no and figures and len(stated) == len(figures) and best.features.get("coverage", 0) >= 0.5 \
            and best.features.get("grounded_here"):
        yes = True
    if not (yes or no):
        return fact.reply(q, chosen)
    word = ("Yes" if yes else "No") if q.lang == "en" else ("Oui" if yes else "Non")
    answer = fact.reply(q, [fact.with_answer(best, "")], prefix=f"{word}. ")
    return Answer(answer.text, answer.language, True, answer.citations, kind="yesno")
