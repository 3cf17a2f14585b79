"""French answers rendered in English where the form is unambiguous: "environ 350 milliards de
dollars" -> "about $350 billion", "quatre-vingt-cinq mille euros" -> "€85,000", "le mardi 4 mars
2025" -> "March 4, 2025", "2 à 3 semaines" -> "2 to 3 weeks". Anything else is left as written:
the quote beside it says it in French."""
from __future__ import annotations

import re

from .answer_types import (AMOUNT, COUNT, DATE, DURATION, PERCENT, NUMBER_WORDS as _WORDS_NUM, NUMERAL as _NUM,
                           SCALE as _SCALE, TIME_UNIT as _TIME_UNIT, WEEKDAY as _WEEKDAY, YEAR as _YEAR)
from .text import fold

_MONTHS = dict(zip("janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre".split(),
                   "January February March April May June July August September October November December".split()))
_DAYS = dict(zip("lundi mardi mercredi jeudi vendredi samedi dimanche".split(),
                 "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()))
_SCALES = {"milliard": "billion", "milliards": "billion", "million": "million", "millions": "million",
           "mille": "thousand", "milliers": "thousand"}
_LEADS = {"environ": "about", "pres de": "nearly", "plus de": "more than", "moins de": "less than",
          "superieure a": "more than", "superieur a": "more than", "inferieure a": "less than",
          "inferieur a": "less than", "de l'ordre de": "about", "quelque": "some", "au moins": "at least",
          "au plus": "at most", "jusqu'a": "up to"}
_UNITS_EN = {"an": "year", "ans": "year", "annee": "year", "annees": "year", "mois": "month", "semaine": "week",
             "semaines": "week", "jour": "day", "jours": "day", "heure": "hour", "heures": "hour", "minute": "minute",
             "minutes": "minute", "seconde": "second", "secondes": "second"}
_CURRENCY = {"dollar": "$", "dollars": "$", "euro": "€", "euros": "€", "livre": "£", "livres": "£", "€": "€", "$": "$",
             "£": "£"}


_CALENDAR_FR = {fold(en): fr for table in (_MONTHS, _DAYS) for fr, en in table.items()}


def calendar_french(word: str) -> str | None:
    """The French word of an English day or month ("Wednesday", "saturdays" -> "mercredi",
    "samedi"): capitalised in English, they are no names, and the model's word vectors confuse
    them (Wednesday came closest to "dimanche")."""
    w = fold(word)
    return _CALENDAR_FR.get(w) or (_CALENDAR_FR.get(w[:-1]) if w.endswith("s") else None)


_CLOCK = r"(?:\d{1,2} ?h(?:eures?)?(?: ?\d{2})?(?!\w)|midi|minuit)"
# hours from one time to another, or from or at one: "de 9 h a 12 h", "14h-18h", "a midi" (folded)
_CLOCK_SPAN = rf"(?:(?:de|a|entre|des|jusqu'a) )?{_CLOCK}(?: ?(?:a|et|-|–) ?{_CLOCK})?"
_CLOCK_WORDS = {"de": "from", "a": "to", "et": "and", "entre": "between", "des": "from", "jusqu'a": "until"}


def _hours(f: str) -> str:
    """Folded French hours in English: "de 9 h a 12 h et de 14 h a 18 h 30" -> "from 9:00 to 12:00
    and from 14:00 to 18:30"; "14h-18h" -> "from 14:00 to 18:00"; "a midi" -> "at noon"."""
    f = re.sub(rf"(?<!de )({_CLOCK}) ?[-–] ?({_CLOCK})", r"de \1 a \2", f)
    f = re.sub(r"(\d{1,2}) ?h(?:eures?)?(?: ?(\d{2}))?(?!\w)", lambda m: f"{m.group(1)}:{m.group(2) or '00'}", f)
    f = f.replace("midi", "noon").replace("minuit", "midnight")
    out = f.split()  # "à" after an hour ends a span ("to"), else it says when ("at 10:30")
    return " ".join("to" if w == "a" and i and out[i - 1][:1].isdigit() else "at" if w == "a" else
                    _CLOCK_WORDS.get(w, w) for i, w in enumerate(out))


def to_english(span: str, kind: str | None = None) -> str:
    """Render a French amount, percentage or date in English when the form is unambiguous
    ("environ 350 milliards de dollars" -> "about $350 billion"); otherwise return it unchanged."""
    f = fold(span).strip()
    if kind == DURATION:  # "Cinq ans." in an English reply read as French
        f = _in_digits(f)
    elif kind in (COUNT, AMOUNT, PERCENT) and not re.search(r"\d", f):  # "Trois.", "douze euros" -> "€12";
        f = _words_to_digits(f)  # "3 millions" is no "3 1000000"
    if kind == DURATION:
        m = re.fullmatch(rf"(entre )?(\d+(?:[.,]\d+)?) (a|ou|to|or|-|et) (\d+(?:[.,]\d+)?) ({_TIME_UNIT[3:-3]})", f)
        if m and m.group(5) in _UNITS_EN:  # "2 à 3 semaines" -> "2 to 3 weeks"
            joiner = {"ou": "or", "or": "or", "et": "and"}.get(m.group(3), "to")
            lead = "between " if m.group(1) else ""
            return f"{lead}{m.group(2)} {joiner} {m.group(4)} {_UNITS_EN[m.group(5)]}s"
        m = re.fullmatch(rf"(quelques|plusieurs) ({_TIME_UNIT[3:-3]})", f)
        if m and m.group(2) in _UNITS_EN:  # "quelques minutes" -> "a few minutes"
            return f"{'a few' if m.group(1) == 'quelques' else 'several'} {_UNITS_EN[m.group(2)]}s"
        m = re.fullmatch(r"(.+?),? et (\d.*)", f)
        if m:  # "1 mois et 10 jours" -> "1 month and 10 days"
            a, b = to_english(m.group(1), DURATION), to_english(m.group(2), DURATION)
            return f"{a} and {b}" if a != m.group(1) and b != m.group(2) else span
        m = re.fullmatch(rf"(?:(\w+(?: \w+)?) )?(\d+(?:[.,]\d+)?|\w+(?:-\w+)*) ({_TIME_UNIT[3:-3]})", f)
        if m and m.group(2)[0].isdigit() and m.group(3) in _UNITS_EN:
            n = m.group(2).replace(",", ".")
            unit = _UNITS_EN[m.group(3)] + ("" if n in ("1", "1.0") else "s")
            lead = _LEADS.get(m.group(1) or "", "")
            return f"{lead + ' ' if lead else ''}{n} {unit}"
        return span
    if kind == DATE:  # "le mardi 4 mars 2025" reads as "March 4, 2025"
        f = re.sub(rf"^(le |en )?{_WEEKDAY} (?=\d{{1,2}}(?:er)? (?:{'|'.join(_MONTHS)})\b)", r"\1", f)
    if kind == DATE and re.fullmatch(_CLOCK_SPAN, f):
        return _hours(f)  # "à 9 h" -> "at 9:00"
    hours = re.fullmatch(rf"(.+?),? ((?:(?:et )?{_CLOCK_SPAN},? ?)+)", f) if kind == DATE else None
    if hours:  # "le samedi de 10 h à 12 h" -> "on Saturday, from 10:00 to 12:00"
        when = to_english(hours.group(1), DATE)
        return f"{when}, {_hours(hours.group(2).strip(' ,'))}" if when != hours.group(1) else span
    first = re.fullmatch(rf"({_CLOCK_SPAN}),? (\D.+)", f) if kind == DATE else None
    if first:  # the hours before their days: "à midi le mercredi" -> "on Wednesday, at noon"
        when = to_english(first.group(2), DATE)
        return f"{when}, {_hours(first.group(1))}" if when != first.group(2) else span
    both = re.fullmatch(rf"(?:le )?({_WEEKDAY[3:-1]}) (et|ou) (?:le )?({_WEEKDAY[3:-1]})", f) if kind == DATE else None
    if both and {both.group(1), both.group(3)} <= _DAYS.keys():  # "le lundi et le jeudi" -> "on Monday and Thursday"
        return f"on {_DAYS[both.group(1)]} {'and' if both.group(2) == 'et' else 'or'} {_DAYS[both.group(3)]}"
    day = re.fullmatch(rf"(le |les |chaque |tous les )?({_WEEKDAY[3:-1]})s?( matin| soir| apres-midi)?", f) \
        if kind == DATE else None
    if day and day.group(2) in _DAYS:  # "le jeudi" -> "on Thursday", "chaque mardi" -> "every Tuesday"
        every = day.group(1) in ("les ", "chaque ", "tous les ")
        part = {" matin": " morning", " soir": " evening", " apres-midi": " afternoon"}.get(day.group(3) or "", "")
        return f"{'every' if every else 'on'} {_DAYS[day.group(2)]}{part}"
    if kind == DATE and _YEAR.match(f):
        return ("since " if f.startswith("depuis") else "in ") + f.split()[-1]
    m = re.fullmatch(r"(entre|du) (.+?) (?:et|au) (.+)", f) if kind == DATE else None
    if m:  # a period: each end alone, then together ("between January 15 and May 15, 2020")
        first = m.group(2)
        day = re.fullmatch(r"(?:le )?(\d{1,2}(?:er)?)", first)
        if day and " " in m.group(3):  # "du 5 au 7 juillet 2024", "entre le 5 et le 7 juillet 2024"
            end = re.sub(r"^le ", "", m.group(3))
            first = f"{day.group(1)} {end.split(' ', 1)[1]}"  # the first day has the last one's month
        a, b = (re.sub(r"^on ", "", to_english(x, DATE)) for x in (first, m.group(3)))  # "from Monday to Friday"
        if a != first and b != m.group(3):
            return f"{'between' if m.group(1) == 'entre' else 'from'} {a} {'and' if m.group(1) == 'entre' else 'to'} {b}"
        return span
    said = _lead(f)
    lead, f = (_LEADS[said] + " ", f[len(said) + 1:]) if said else ("", f)
    m = re.fullmatch(rf"({_NUM}) ?(?:({_SCALE}) ?)?(?:(?:de |d')?(dollars?|euros?|livres?|€|\$|£|%|pour ?cents?|pourcents?))?", f)
    if m:
        num, scale, unit = m.group(1), m.group(2), m.group(3)
        num = num.replace("\u202f", ",").replace("\u00a0", ",").replace(" ", ",") if re.search(r"\d[  ]\d{3}", num) else num
        num = re.sub(r"(\d),(\d{1,2})$", r"\1.\2", num) if "," in num and not re.search(r",\d{3}$", num) else num
        words = (" " + _SCALES.get(scale, scale)) if scale else ""
        if unit in _CURRENCY:
            return f"{lead}{_CURRENCY[unit]}{num}{words}"
        if unit and (unit == "%" or "cent" in unit):
            return f"{lead}{num}%"
        if not unit:
            return f"{lead}{num}{words}"
    m = re.fullmatch(r"(?:le |en )?(\d{1,2})(?:er)? (\w+)(?: (\d{4}))?", f)
    if m and m.group(2) in _MONTHS:
        return f"{_MONTHS[m.group(2)]} {int(m.group(1))}" + (f", {m.group(3)}" if m.group(3) else "")
    m = re.fullmatch(r"(en |fin |debut |mi-)?(\w+)(?: (\d{4}))?", f)
    if m and m.group(2) in _MONTHS:  # "en septembre 2024" -> "in September 2024"
        pre = {"en ": "in ", "fin ": "late ", "debut ": "early ", "mi-": "mid-"}.get(m.group(1) or "", "")
        return f"{pre}{_MONTHS[m.group(2)]}" + (f" {m.group(3)}" if m.group(3) else "")
    m = re.fullmatch(r"(fin|debut|mi-) ?(\d{4})", f)
    if m:  # "début 2025" -> "early 2025"
        return {"fin": "late ", "debut": "early ", "mi-": "mid-"}[m.group(1)] + m.group(2)
    m = re.fullmatch(r"(?:en |depuis )?(\d{4})", f)
    if m:
        return ("since " if f.startswith("depuis") else "in ") + m.group(1)
    return f if kind == COUNT and re.fullmatch(r"\d+", f) else span


def _lead(f: str) -> str | None:
    """The French words that open folded ``f`` and qualify its number ("environ", "plus de")."""
    return next((fr for fr in _LEADS if f.startswith(fr + " ")), None)


def _words_to_digits(f: str) -> str:
    """The number in words that opens folded ``f`` (after a lead such as "environ") in digits,
    a final "millions" or "milliards" kept as a word: "quatre-vingt-cinq mille euros" -> "85 000
    euros", "environ deux millions d'euros" -> "environ 2 millions d'euros"."""
    said = _lead(f)
    lead = f"{said} " if said else ""
    words_num = re.match(_WORDS_NUM, f[len(lead):])
    if not words_num:
        return f
    scale = re.match(r"(.*?)[- ]((?:milliard|million)s?)$", words_num.group())
    number = _in_digits(scale.group(1) if scale else words_num.group())
    if not number.isdigit():
        return f
    rest = f[len(lead) + (len(scale.group(1)) if scale else words_num.end()):]
    return lead + f"{int(number):,}".replace(",", " ") + rest


def _in_digits(text: str) -> str:
    """French numbers in words as digits ("cinq ans" -> "5 ans", "vingt et un" -> "21"), by text2num;
    "un" too, which alone would read as an article: here it is the whole answer's number."""
    from text_to_num import alpha2digit

    digits = alpha2digit(text, "fr", threshold=0)
    # "quinze premiers jours" is no "15 1ers jours": an ordinal keeps its words
    return text if re.search(r"\d(?:ers?|eres?|es?|emes?)\b", digits) else digits
