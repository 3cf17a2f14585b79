"""When something starts or ends: a question may ask for either end of a period ("Quand le bail
prend-il fin ?"), and a sentence says which end each of its dates is by the words before it ("à
compter du 1er juillet 2023 et jusqu'au 30 juin 2032")."""
from __future__ import annotations

import re

from .text import fold

START, END = "start", "end"
_ASKS = {END: re.compile(r"\b(?:fin|finit|finira|finiront|termin\w*|achev\w*|expir\w*|echeance|s'arret\w*|"
                         r"jusqu'a quand|until when|ends?|ending|ended|finish\w*)\b"),
         START: re.compile(r"\b(?:debut|debute\w*|commenc\w*|demarr\w*|prend(?:ra)? effet|entre(?:ra)? en vigueur|"
                           r"a partir de quand|starts?|starting|started|begins?|beginning|began|begun)\b")}
# The words right before a date that make it the start or the end of what the sentence describes.
_SAYS = {START: re.compile(r"(?:\ba compter (?:du|de la|de l'|de|d')|\ba partir (?:du|de la|de l'|de|d')|\bdes(?: le)?|"
                           r"\bdepuis(?: le)?|\bdebut\w*(?: le| en)?|\bcommence\w*(?: le| en)?|\bprend effet(?: le| au)?|"
                           r"\bentre en vigueur(?: le)?|\bfrom|\bstarting(?: on)?|\bas of|\bsince|\bbegins?(?: on)?)\s*$"),
         # ("au plus tard", "avant le" set a deadline for something, which need not end anything)
         END: re.compile(r"(?:\bjusqu'(?:au|a|en)|\bprend fin(?: le| en)?|"
                         r"\bse termine\w*(?: le| en)?|\bs'achev\w*(?: le| en)?|\bexpire\w*(?: le| en)?|"
                         r"\buntil|\bends?(?: on)?|\bending(?: on)?)\s*$")}


def asked_bound(query: str) -> str | None:
    """Which end of a period the question asks for, if it asks for one and not both."""
    q = fold(query)
    asked = [b for b, rx in _ASKS.items() if rx.search(q)]
    return asked[0] if len(asked) == 1 else None


def bound_of(sentence: str, span: tuple[int, int]) -> str | None:
    """Which end of a period the date at ``span`` is, by the words right before it."""
    before = fold(sentence[max(0, span[0] - 40):span[0]])
    return next((b for b, rx in _SAYS.items() if rx.search(before)), None)


def _one_clause(sentence: str, spans: list[tuple[int, int]]) -> bool:
    """The dates sit in one clause, so they bound one thing: "à compter du … et jusqu'au …", not
    "La saison de chasse débute le 15 septembre ; la pêche ouvre le 1er mars" (a review)."""
    return bool(spans) and not re.search(r"[.;:]\s", sentence[spans[0][1]:spans[-1][0]])


def bounded(sentence: str, spans: list[tuple[int, int]], query: str) -> list[tuple[int, int]]:
    """The dates of ``spans`` that are the end asked for, when the sentence says which are, in one
    clause; all of them otherwise."""
    asked = asked_bound(query)
    same = [sp for sp in spans if asked and bound_of(sentence, sp) == asked] if _one_clause(sentence, spans) else []
    return same or spans


def other_bound(sentence: str, spans: list[tuple[int, int]], query: str) -> bool:
    """The question asks for one end and each date of the sentence is said to be the other: "à
    compter du 1er juillet 2023" does not say when the lease ends."""
    asked = asked_bound(query)
    said = [bound_of(sentence, sp) for sp in spans]
    return bool(asked and said) and _one_clause(sentence, spans) and all(b is not None and b != asked for b in said)
