"""Values given per a period: "2,5 jours ouvrables de congés payés par mois …, soit 30 jours ouvrables
par an" answers "combien de jours … par an ?" with 30, not with the monthly 2,5 (a new user's trial
led "2.5." for "How many paid leave days do employees get per year?")."""
from __future__ import annotations

import re

from .text import fold

# "par an", "par mois", "per year", "/mois", "annuel(le)s", "mensuel(le)s": the period, in one key
# ("à jour" of "mis à jour" is no "per day", nor "an" an article)
_PERIOD = re.compile(r"\b(?:par|per|each|every|chaque)\s+(jour|day|semaine|week|mois|month|an|annee|year|heure|hour)s?\b"
                     r"|/\s*(jour|semaine|mois|an|annee|heure)\b|\b(annuel|mensuel|hebdomadaire|quotidien|yearly|annual|"
                     r"monthly|weekly|daily)(?:le)?s?\b")
_KEY = {"jour": "d", "day": "d", "semaine": "w", "week": "w", "mois": "m", "month": "m", "an": "y", "annee": "y",
        "year": "y", "heure": "h", "hour": "h", "annuel": "y", "annual": "y", "yearly": "y", "mensuel": "m",
        "monthly": "m", "hebdomadaire": "w", "weekly": "w", "quotidien": "d", "daily": "d"}
# How far after a value its period may be said: "2,5 jours ouvrables de congés payés par mois"
_REACH = 8


def period(text: str) -> str | None:
    """The period a question asks values per ("y" of "par an", "per year"), or None."""
    m = _PERIOD.search(fold(text))
    return _KEY[m.group(1) or m.group(2) or m.group(3)] if m else None


def same_period(sentence: str, spans: list[tuple[int, int]], query: str) -> list[tuple[int, int]]:
    """Of ``spans``, those not given per another period than the one ``query`` asks, where some
    value is given per that one (else all of them: a yearly figure may be asked per month)."""
    asked = period(query)
    if asked is None:
        return spans

    def given(sp: tuple[int, int]) -> str | None:
        after = re.split(r"[,;:.]|\bsoit\b", fold(sentence[sp[1]:]), maxsplit=1)[0]
        return period(" ".join(after.split()[:_REACH]))
    kept = [sp for sp in spans if given(sp) in (asked, None)]
    return kept if any(given(sp) == asked for sp in kept) else spans
