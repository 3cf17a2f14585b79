"""When, on the day asked: "Quand les travaux bruyants sont-ils autorisés le samedi ?" of "du lundi au
vendredi de 9 h à 12 h…, et le samedi de 10 h à 12 h" is "le samedi de 10 h à 12 h", not the
weekdays before it; "À quelle heure ouvre la médiathèque le samedi ?" wants the samedi's hours. A
question that names a day already knows it: the day alone answers nothing."""
from __future__ import annotations

import re

from .english import calendar_french
from .text import fold, words

_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
# Hours after a day: "de 10 h à 12 h", "à 10 h 30", "de 9 h à 12 h et de 14 h à 18 h 30", "dès 8 h"
_HOUR = r"\d{1,2}\s?h(?:\s?\d{2})?"
_HOURS = re.compile(rf"(?:\s*,?\s*(?:et\s+)?(?:de|à|a|entre|dès|des|jusqu'à|jusqu'a)\s+{_HOUR}"
                    rf"(?:\s+(?:à|a|et)\s+{_HOUR})?)+")
_ASKS_HOUR = re.compile(r"\b(?:a quelle heure|quelle heure|what time|quel(?:le)?s? (?:sont |est )?(?:les |l')?horaires?|"
                        r"opening (?:hours|times)|plage horaire)\b")


def asked_days(query: str) -> set[str]:
    """The days of the week a question names, in French ("samedi" of "on Saturdays")."""
    out = set()
    for w in words(query):
        fr = w if w.rstrip("s") in _DAYS else calendar_french(w)
        if fr and fr.rstrip("s") in _DAYS:
            out.add(fr.rstrip("s"))
    return out


def by_day(sentence: str, spans: list[tuple[int, int]], query: str) -> list[tuple[int, int]]:
    """Of the date ``spans``, those of the day ``query`` names, each with the hours that follow it
    (the day alone is dropped: the question says it); the others name other days. A question for
    the hour keeps only spans with hours. Where the question names no day, every day keeps its
    hours: "du lundi au vendredi de 9 h à 12 h"."""
    days = asked_days(query)
    hour = bool(_ASKS_HOUR.search(fold(query)))
    if hour:  # hours with no day before them answer too: "de 5 h à 1 h du matin"
        taken = [range(a, b) for a, b in spans]
        spans = sorted(spans + [m.span() for m in _HOURS.finditer(sentence)
                                if not any(m.start() in r for r in taken) and not _follows_day(sentence, m.start())])
    out = []
    for a, b in spans:
        text = fold(sentence[a:b])
        named = {d for d in _DAYS if re.search(rf"\b{d}s?\b", text)}
        if days and named and not named & days:
            continue  # "du lundi au vendredi" for the samedi
        after = _HOURS.match(sentence, b)
        if after:
            out.append((a, after.end()))
        elif not (days and named) and not hour:
            out.append((a, b))  # a date that is no day of the week ("le 14 juillet")
    return out


def _follows_day(sentence: str, at: int) -> bool:
    return bool(re.search(rf"\b(?:{'|'.join(_DAYS)})s?\s*$", fold(sentence[:at])))


def days_undecided(sentence: str, spans: list[tuple[int, int]], query: str) -> bool:
    """The sentence gives hours for several days and the question names none ("Quels sont les
    horaires de la médiathèque ?"): no one day's hours lead, the quote shows the week."""
    with_hours = [sp for sp in spans if _HOURS.search(sentence, sp[0], sp[1])]
    return not asked_days(query) and len(with_hours) >= 2
