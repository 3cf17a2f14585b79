"""Totals and comparisons from the amounts the evidence states: the total the text gives (or the
sum of the amounts, said to be computed), the name with the larger or smaller amount, and a
yes/no verdict when a comparison is asked as a closed question."""
from __future__ import annotations

import re

from ..english import to_english
from ..question import Question, full_names
from ..selection import Candidate
from ..text import fold
from ..types import Answer
from . import fact
from .amounts import Amount, amounts, attributed, stated_total
from .fact import usable

_LESS = re.compile(r"\b(?:moins|less|fewer|least|smaller|smallest|lower|lowest|inferieure?s?|cheaper|petit)\b")
_NOT_ADDED = re.compile(r"\b(?:passe|passee|passes|contre|versus|vs|au lieu de|from|compared|against|rather than)\b|"
                        r"\bde \d[^,;.]*\ba \d")
# How far below the best sentence one that states the figures may score and still be used: the
# figures of a comparison often sit in the passage's second-best sentence (article, chat_dev).
MARGIN = 0.1


def _shown(a: Amount, lang: str) -> str:
    return to_english(a.text, "amount") if lang == "en" else a.text


def _near(ranked: list[Candidate]) -> list[Candidate]:
    best = next((c for c in ranked if usable(c)), None)
    return [] if best is None else [c for c in ranked if c.grounded and c.cosine >= fact.MIN_COSINE
                                      and c.score >= best.score - MARGIN]


def total(q: Question, ranked: list[Candidate]) -> Answer | None:
    near = _near(ranked)
    for c in near:
        stated = stated_total(c.sentence.text)
        if stated:
            return fact.reply(q, [fact.with_answer(c, stated.text)])
    for c in near:  # no total stated: add up the amounts of one sentence, saying so
        found = amounts(c.sentence.text)
        units = {a.unit for a in found}
        if _NOT_ADDED.search(fold(c.sentence.text)) or len(set(re.findall(r"\b(?:19|20)\d{2}\b", c.sentence.text))) > 1:
            continue  # "passé de 10 à 12 milliards", "contre 5 l'an dernier": figures that do not add up
        if len(found) >= 2 and len(units) == 1 and "%" not in units:
            summed = _sum(found)
            parts = " + ".join(_shown(x, q.lang) for x in found)
            shown = to_english(summed, "amount") if q.lang == "en" else summed
            prefix = (f"{shown} in total (my sum: {parts}). " if q.lang == "en"
                      else f"{shown} au total (somme calculée : {parts}). ")
            return fact.reply(q, [fact.with_answer(c, "")], prefix=prefix[0].upper() + prefix[1:])
    return None


def _sum(found: list[Amount]) -> str:
    """The sum of ``found`` written like the largest of them ("10 milliards de dollars" + "5 milliards
    de dollars" -> "15 milliards de dollars")."""
    ref = max(found, key=lambda a: a.value)
    number = re.search(r"\d+(?:[  .]\d{3})*(?:,\d+)?", ref.text)
    written = float(re.sub(r"[  .]", "", number.group()).replace(",", "."))
    total = sum(a.value for a in found) / (ref.value / written)
    text = f"{total:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return ref.text[:number.start()] + text + ref.text[number.end():]


def _figures(q: Question, ranked: list[Candidate]) -> tuple[dict[str, Amount], list[Candidate]] | None:
    """The amount of each name asked about, and the sentences that state them."""
    names = full_names(q)
    if len(names) < 2:
        return None
    # Every figure from one sentence: figures gathered from several could be of other years or measures.
    for c in _near(ranked):
        got = attributed(c.sentence.text, names)
        if len(got) == len(names) and len({a.unit for a in got.values()}) == 1:
            return got, [c]
    return None


def compare(q: Question, ranked: list[Candidate]) -> Answer | None:
    """"Qui investit le plus, Nvidia ou Microsoft ?" -> "Nvidia : 10 milliards…, contre 5 … pour Microsoft"."""
    figures = _figures(q, ranked)
    if figures is None:
        return None
    got, where = figures
    less = bool(_LESS.search(fold(q.query)))
    order = sorted(got, key=lambda n: got[n].value, reverse=not less)
    if got[order[0]].value == got[order[1]].value:
        return None  # a tie decides nothing
    winner, others = order[0], order[1:]
    if q.lang == "en":
        rest = ", ".join(f"{_shown(got[n], 'en')} for {n}" for n in others)
        lead = f"{winner}: {_shown(got[winner], 'en')}, against {rest}. "
    else:
        rest = ", ".join(f"{got[n].text} pour {n}" for n in others)
        lead = f"{winner} : {got[winner].text}, contre {rest}. "
    return fact.reply(q, [fact.with_answer(where[0], "")], prefix=lead)


def verdict(q: Question, ranked: list[Candidate]) -> Answer | None:
    """"Est-ce que Microsoft investit plus que Nvidia ?" -> "Non : Microsoft 5 milliards…, Nvidia 10…"."""
    figures = _figures(q, ranked)
    if figures is None or not re.search(r"\b(?:plus|moins|davantage|more|less|fewer|bigger|larger|smaller|greater|"
                                         r"higher|lower|superieure?|inferieure?)\b", fold(q.query)):
        return None
    got, where = figures
    subject, other = [n for n in full_names(q) if n in got][:2]
    if got[subject].value == got[other].value:
        return None
    less = bool(_LESS.search(fold(q.query)))
    yes = (got[subject].value < got[other].value) if less else (got[subject].value > got[other].value)
    word = ("Yes" if yes else "No") if q.lang == "en" else ("Oui" if yes else "Non")
    lead = f"{word}: {subject} {_shown(got[subject], q.lang)}, {other} {_shown(got[other], q.lang)}. " \
        if q.lang == "en" else f"{word} : {subject} {got[subject].text}, {other} {got[other].text}. "
    answer = fact.reply(q, [fact.with_answer(where[0], "")], prefix=lead)
    return Answer(answer.text, answer.language, True, answer.citations, kind="yesno")
