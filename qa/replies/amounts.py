"""Amounts read from text: value, scale, unit ("10 milliards de dollars" -> 1e10 dollars), and which
amount a sentence gives to which name ("Nvidia … 10 milliards … et Microsoft 5 milliards")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..answer_types import AMOUNT, find_spans
from ..text import fold

_SCALES = {"milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9, "million": 1e6, "millions": 1e6,
           "mille": 1e3, "milliers": 1e3, "thousand": 1e3, "trillion": 1e12, "trillions": 1e12}
_UNITS = {"dollar": "USD", "dollars": "USD", "$": "USD", "euro": "EUR", "euros": "EUR", "€": "EUR", "livre": "GBP",
          "livres": "GBP", "£": "GBP", "%": "%", "pourcent": "%", "pourcents": "%", "pour cent": "%", "pour cents": "%"}
_NUMBER = re.compile(r"\d+\.\d{1,2}(?!\d)|\d+(?:[  .]\d{3})*(?:,\d+)?|\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Amount:
    text: str      # as written ("10 milliards de dollars")
    start: int     # offsets in the sentence
    end: int
    value: float   # 1e10
    unit: str      # "USD", "EUR", "%", or the unit word as written


def parse(text: str, start: int = 0, end: int | None = None) -> Amount | None:
    """The amount written in ``text`` (a span that ``find_spans`` found), or None."""
    f = fold(text)
    m = _NUMBER.search(f)
    if not m:
        return None
    raw = m.group()
    if re.search(r"\d[  .]\d{3}", raw):
        raw = re.sub(r"[  .]", "", raw)
    value = float(raw.replace(",", "."))
    tail = f[m.end():]
    scale = next((v for k, v in _SCALES.items() if re.match(rf"\s*{k}\b", tail)), 1.0)
    unit_m = re.search(r"(dollars?|euros?|livres?|pour ?cents?|pourcents?|%|\$|€|£)", f)
    unit = _UNITS.get(unit_m.group(1).replace("pour cent", "pour cent"), unit_m.group(1)) if unit_m else \
        (tail.split()[-1] if tail.split() else "")
    return Amount(text.strip(), start, end if end is not None else start + len(text), value * scale, unit)


def amounts(sentence: str) -> list[Amount]:
    out = []
    for a, b in find_spans(sentence, AMOUNT):
        parsed = parse(sentence[a:b], a, b)
        if parsed:
            out.append(parsed)
    return out


def attributed(sentence: str, names: list[str]) -> dict[str, Amount]:
    """The amount each name is given in ``sentence``: the first amount after the name, before the
    next name asked about ("Nvidia a prévu d'investir 10 milliards … et Microsoft 5 milliards")."""
    folded = fold(sentence)
    found = amounts(sentence)
    at = {}
    for n in names:
        m = re.search(rf"\b{re.escape(fold(n))}", folded)
        if m:
            at[n] = m.end()
    out = {}
    for n, pos in at.items():
        stop = min([p for p in at.values() if p > pos] + [len(sentence)])
        first = next((a for a in found if pos <= a.start < stop), None)
        if first is not None:
            out[n] = first
    return out


_TOTAL_CUE = re.compile(r"(?:total|au total|en tout|cumule|cumulee|combined|altogether|in all)\W+(?:\w+\W+){0,3}$")


def stated_total(sentence: str) -> Amount | None:
    """The amount the sentence gives as a total ("pour un total de 15 milliards")."""
    folded = fold(sentence)
    return next((a for a in amounts(sentence) if _TOTAL_CUE.search(folded[:a.start])), None)
