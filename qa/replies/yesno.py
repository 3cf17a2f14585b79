"""Closed questions: "Oui" / "Non" only when the evidence decides it (a comparison of stated
amounts, a direction word that agrees or contradicts, the very date or figure asked about);
otherwise the evidence is quoted without a verdict."""
from __future__ import annotations

import re

from ..attribution import asked_owners, whose
from ..question import Question
from ..selection import Candidate, refers_back
from ..text import fold
from ..types import Answer
from . import compare, fact, modal

_UP = re.compile(r"\b(?:progress\w*|augment\w*|hausse\w*|croissance|croit|croiss\w*|monte\w*|grimp\w*|rise[sn]?|rose|"
                 r"risen|increas\w*|grow\w*|grew|gain\w*|up)\b")
_DOWN = re.compile(r"\b(?:recul\w*|baiss\w*|diminu\w*|chut\w*|fall\w*|fell|drop\w*|declin\w*|decreas\w*|perdu|perte\w*|"
                   r"down|lost|shrank|shrunk)\b")
_NEGATED = re.compile(r"\b(?:ne|n'|pas|not|no|never|jamais|aucun\w*)\b")


def _figure(n: str) -> re.Pattern:
    """The number ``n`` alone, not inside a longer one: "5" is not in "15", "2,5" or "50"."""
    return re.compile(rf"(?<![\d,.]){re.escape(n)}(?![\d])")


def _next_to_name(sentence: str, figure: str, names: tuple[str, ...]) -> bool:
    """No other number stands between the figure and the last of the question's names before it:
    the "1 100" of "… et Claire Dubois 420 kilogrammes, pour un total de 1 100" is not Claire's."""
    f = fold(sentence)
    at = _figure(figure).search(f)
    ends = [m.end() for n in names if not n[:1].isdigit() for w in fold(n).split()
            for m in re.finditer(rf"\b{re.escape(w)}", f[:at.start()] if at else "")]
    return bool(at and ends) and not re.search(r"\d", f[max(ends):at.start()])


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
    # "ne peut pas clôturer le compte" answers "peut-il le clôturer ?": a sentence of the same
    # document that denies what is asked, nearly as close as the best one, decides it
    # (RUNNER_UP_MARGIN: the margin within which two sentences of a passage are both quoted, measured
    # on PIAF; a denial further down the ranking is too far from the question to decide it)
    denial = None if _NEGATED.search(fold(q.query)) or q.lang != "fr" else next(
        (c for c in ranked if best.score - c.score <= fact.RUNNER_UP_MARGIN and c.hit.chunk.source == best.hit.chunk.source
         and fact.usable(c) and not fact.second_hand(c) and modal.denied(q.query, c.sentence.text)), None)
    if denial is not None:
        best, chosen = denial, [denial]
    sentence = best.sentence.text
    yes = no = False
    asked, said = _direction(q.query), _direction(sentence)
    if denial is not None:
        no = True
    elif _NEGATED.search(fold(sentence)) or _NEGATED.search(fold(q.query)):
        return fact.reply(q, chosen)  # "n'a pas augmenté": no verdict read from a negated sentence
    if asked and said:
        yes, no = asked == said, asked != said
    # The figure or date asked about is the one the sentence states for what the question names
    # (the name written nearest before it, qa/attribution.py): "Microsoft investit-il 15 milliards ?"
    # is not confirmed by "… et Microsoft 5 milliards de dollars, pour un total de 15 milliards",
    # nor "OpenAI a-t-elle été fondée en 2021 ?" by "Anthropic, fondée en 2021 par … d'OpenAI".
    figures = [n for n in q.names if re.fullmatch(r"\d+(?:[.,]\d+)?", n)]
    stated = [n for n in figures if _figure(n).search(sentence)]
    text = f"{best.hit.chunk.title} {best.hit.chunk.text}"
    own = asked_owners(q.query, q.names)
    owners = [whose(sentence, n, own, text) and _next_to_name(sentence, n, own) for n in stated]
    if False in owners:  # a figure the sentence gives for something else decides nothing
        return fact.reply(q, chosen)
    if not no and figures and len(stated) == len(figures) and all(owners) and \
            best.features.get("coverage", 0) >= 0.5 and best.features.get("grounded_here"):
        yes = True
    # "Le patient peut refuser la présence d'un interne." says yes to whether the patient may; only
    # from the sentence's own words, all the question's (a new user's trial: no verdict before)
    if not (yes or no) and not figures and q.lang == "fr" and best.features.get("coverage", 0.0) >= 0.99 \
            and not refers_back(sentence) and modal.affirmed(q.query, sentence):
        yes = True
    if not (yes or no):
        return fact.reply(q, chosen)
    word = ("Yes" if yes else "No") if q.lang == "en" else ("Oui" if yes else "Non")
    answer = fact.reply(q, [fact.with_answer(best, "")], prefix=f"{word}. ")
    return Answer(answer.text, answer.language, True, answer.citations, kind="yesno")
