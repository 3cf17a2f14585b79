"""When, on the day asked: "Quand les travaux bruyants sont-ils autorisés le samedi ?" of "du lundi au
vendredi de 9 h à 12 h…, et le samedi de 10 h à 12 h" is "le samedi de 10 h à 12 h", not the
weekdays before it; "À quelle heure ouvre la médiathèque le jeudi ?" of "du mardi au samedi de 10 h
à 18 h" is that range's hours; "le lundi et le jeudi de 9 h à 12 h" gives both days the same hours.
A day asked whose hours the sentence gives in a way not read here is quoted without leading: the
day alone would only restate the question. A day is asked as a time ("le samedi", "on Saturdays"),
not as part of a name ("la réunion du lundi", "the Monday meeting")."""
from __future__ import annotations

import re

from .answer_types import WEEKDAY
from .english import calendar_french
from .text import fold, words

_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_DAY = rf"(?:{'|'.join(_DAYS)})s?"
# A time of day: "9 h", "18 h 30", "14h", "9h00", "midi", "minuit"; "9 heures" only after "à", "de"…
# ("10 heures après la fin des travaux", "2 heures maximum" say how long, not when)
_HOUR_NUMBER = r"(?<!\d)(?:[01]?\d|2[0-4])"
_CLOCK = rf"(?:{_HOUR_NUMBER}\s?h(?:\s?\d{{2}})?(?![\w])|midi|minuit)"
_SAID_CLOCK = rf"(?:{_CLOCK}|{_HOUR_NUMBER}\s?heures?(?:\s?\d{{2}})?(?!\s+(?:après|apres|avant|de|d'|maximum|minimum|par|plus|au)\b))"
_FROM = r"(?:de|à|a|entre|dès|des|jusqu'à|jusqu'a|jusqu’à)\s+"
_SPAN = rf"(?:{_FROM}{_SAID_CLOCK}|{_CLOCK})(?:\s*(?:à|a|et|-|–)\s*{_SAID_CLOCK})?"
# Hours after a day or a date: "de 10 h à 12 h", "à 10 h 30", "14h-18h", "dès 8 h", "de 9 h à 12 h et
# de 14 h à 18 h 30", "entre 8 h et 10 h"; and the part of the day that says when ("le samedi matin")
_HOURS = re.compile(rf"(?:,?\s+(?:et\s+)?{_SPAN})+|\s+(?:le\s+|l'|en\s+)?(?:matin|après-midi|apres-midi|soir|soirée|"
                    rf"soiree|matinée|matinee)\b", re.I)
# Hours written before the days they are for: "de 8 h à 12 h du lundi au samedi"
_HOURS_BEFORE = re.compile(rf"({_FROM}{_SAID_CLOCK}(?:\s*(?:à|a|et|-|–)\s*{_SAID_CLOCK})?)\s+$", re.I)
# More days sharing the hours that follow them: "le lundi[ et le jeudi] de 9 h à 12 h"
_MORE_DAYS = re.compile(rf"(?:\s+(?:et|ou)\s+(?:le\s+|les\s+)?{_DAY})+", re.I)
_RANGE = re.compile(rf"\b(?:du|de)\s+({_DAY})\s+(?:au|à|a)\s+({_DAY})\b|\b({_DAY})\s*[-–]\s*({_DAY})\b")
_ASKS_HOUR = re.compile(r"\b(?:a quelle heure|quelle heure|what time|quel(?:le)?s? (?:sont |est )?(?:les |l')?horaires?|"
                        r"opening (?:hours|times)|plage horaire)\b")
# A day asked as a time: "le samedi", "les samedis", "on Saturdays", "chaque mardi", "every Tuesday"
_WHEN_DAY = re.compile(rf"\b(?:le|les|chaque|tous les|on|every)\s+({WEEKDAY}s?)\b")


def asks_hour(query: str) -> bool:
    """The question asks for a time of day ("À quelle heure…", "Quels sont les horaires…")."""
    return bool(_ASKS_HOUR.search(fold(query)))


# Words that ask for the time of day and name no subject: "Quels sont les horaires de la piscine ?"
# and "What time does the swimming pool open?" are about a pool, which a library's hours do not
# answer; nor do opening ("ferme" may be a farm) or starting, nor the day asked, which anything with
# hours has.
_HOUR_WORDS = re.compile(r"\b(?:[àa] quelle heure|quelle heure|(?:les |l['’])?horaires?(?: d['’]ouverture)?|"
                         r"(?:les |l['’])?heures? d['’]ouverture|what time|opening (?:hours|times))\b", re.I)
_OPENS = re.compile(rf"\b(?:open|opens|close|closes|start|starts|begin|begins|finish|finishes|end|ends|ouvre|ouvrent|"
                    rf"ouvrira|ouvriront|commence|commencent|débute|débutent|"
                    rf"termine|terminent|finit|finissent|{WEEKDAY}s?)\b", re.I)


def without_hour_words(query: str) -> str:
    """The question without the words that ask for a time of day, and without its opening or
    starting verb and its day where it asks one."""
    return _OPENS.sub(" ", _HOUR_WORDS.sub(" ", query)) if asks_hour(query) else query


def asked_days(query: str) -> set[str]:
    """The days of the week a question asks about as a time, in French ("samedi" of "on Saturdays"),
    not those of a name ("la réunion du lundi")."""
    out = set()
    for m in _WHEN_DAY.finditer(fold(query)):
        w = m.group(1)
        fr = w if w.rstrip("s") in _DAYS else calendar_french(w)
        if fr and fr.rstrip("s") in _DAYS:
            out.add(fr.rstrip("s"))
    return out


def days_named(text: str) -> set[str]:
    """The days a piece of text names, a range's days between included ("du mardi au samedi")."""
    folded = fold(text)
    named = {d for d in _DAYS if re.search(rf"\b{d}s?\b", folded)}
    for m in _RANGE.finditer(folded):
        first, last = (g.rstrip("s") for g in (m.group(1) or m.group(3), m.group(2) or m.group(4)))
        i, j = _DAYS.index(first), _DAYS.index(last)
        named |= set(_DAYS[i:j + 1] if i <= j else _DAYS[i:] + _DAYS[:j + 1])
    return named


def by_day(sentence: str, spans: list[tuple[int, int]], query: str) -> list[tuple[int, int]]:
    """Of the date ``spans``, those of the day ``query`` asks about (or every one, where it asks
    none), each with the hours said for it; a date of other days only is dropped. A question for
    the hour keeps spans of days and hours, and hours with no day where it asks no day."""
    days = asked_days(query)
    hour = asks_hour(query)
    bare: list[tuple[int, int]] = []
    if hour and not days:  # hours with no day answer too: "ouverte de 5 h à 1 h du matin"
        taken = [range(a, b) for a, b in spans]
        bare = [m.span() for m in _HOURS.finditer(sentence) if re.search(r"\d|midi|minuit", m.group())
                and not any(m.start() in r for r in taken) and not _follows_date(sentence, m.start(), spans)]
        spans = sorted(spans + bare)
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a < out[-1][1]:
            continue  # within the days and hours already taken ("le lundi et le jeudi de 9 h…")
        if (a, b) in bare:
            out.append((a, b))
            continue
        named = days_named(sentence[a:b])
        if days and named and not named & days:
            continue  # "du lundi au vendredi" for the samedi
        end = b
        more = _MORE_DAYS.match(sentence, b)  # the next days' hours are a bare day's too
        if more and re.fullmatch(rf"(?:le |les )?{_DAY}", fold(sentence[a:b])) and _HOURS.match(sentence, more.end()):
            end = more.end()
        after = _HOURS.match(sentence, end)
        before = _HOURS_BEFORE.search(sentence, 0, a) if named and not after else None
        if before and _follows_date(sentence, before.start(1), spans):
            before = None  # "le lundi de 9 h à 12 h, le mardi sur rendez-vous": the lundi's hours
        if after:
            out.append((a, after.end()))
        elif before:
            out.append((before.start(1), b))
        elif named or not hour:
            out.append((a, b))  # a day whose hours are not read, or a date with none ("le 14 juillet")
    return out


def _follows_date(sentence: str, at: int, spans: list[tuple[int, int]]) -> bool:
    """Some date or day ends right before ``at`` (hours there are its own), or a comma does."""
    before = sentence[:at].rstrip()
    return before.endswith(",") or bool(re.search(rf"\b{_DAY}$", fold(before))) or \
        any(b <= at and not sentence[b:at].strip() for _, b in spans)


def days_undecided(sentence: str, spans: list[tuple[int, int]], query: str) -> bool:
    """No one span answers alone: a question for the hours gets hours for several days where it
    asks none ("Quels sont les horaires de la médiathèque ?": the quote shows the week), or the day
    asked comes alone, without hours read here (its short answer would only restate the question:
    "Le mardi." for "Quand ont lieu les permanences le mardi ?")."""
    days = asked_days(query)
    if days:
        return any(days & days_named(sentence[a:b]) and re.fullmatch(rf"(?:le |les |chaque )?{_DAY}", fold(sentence[a:b]))
                   for a, b in spans)
    clocked = [sp for sp in spans if _HOURS.search(sentence, sp[0], sp[1]) and days_named(sentence[sp[0]:sp[1]])]
    return asks_hour(query) and len(clocked) >= 2
