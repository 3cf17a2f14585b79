"""Where in a sentence the answer of the kind asked sits: the span of that kind nearest what the
question names, a count that counts the noun asked about, a period read whole, a price in money."""
from __future__ import annotations

import math
import re

from .answer_types import AMOUNT, COUNT, DATE, DURATION, PERCENT, PLACE_AT, find_spans, names_a_day, past_event
from .asked import subject_terms
from .bounds import bounded, other_bound
from .followup import entities
from .hours import by_day, days_undecided
from .rates import period, same_period
from .text import STOP_WORDS, fold, stem, words
from .values import MONEY, asked_group, continued, dates_undecided, paired, per_group, ungrouped, value_ranges

_DIGITS = re.compile(r"\d")
_ORDINAL_END = re.compile(r"(?:er|re|ère|e|è|ème|eme|nd|nde|st|th|rd)\b", re.I)


_COUNTED = re.compile(r"\b(?:combien (?:de |d')|how many |nombre (?:de |d')|number of )([a-z][a-z-]+)")


_QUALIFIED = re.compile(r"\b(?:combien (?:de |d')|how many )[a-z-]+ ([^?]*)")
# Words after the counted noun that start the rest of the question, not a kind of the noun.
_NOT_QUALIFIER = frozenset("le la les l un une des du de d y a en dans sur au aux par pour ont sont est sera seront "
                           "etaient etait avaient avait furent seraient serait compte comptent the an in on at of "
                           "for does do did are is were was have has had will would can could il ils elle elles on t "
                           "ce se sa son ses leur leurs they it its their there".split())

# Verbs after the counted noun whose subject holds the things counted, and narrows nothing.
_HOLDS = frozenset("compte comptent possede possedent emploie emploient accueille accueillent regroupe regroupent "
                   "rassemble rassemblent has have does do did".split())

_COMPLEMENT = re.compile(r"\b(?:combien (?:de |d')|how many )[a-z-]+ (?:de |d'|du |des |of )(?:la |l')?([a-z][a-z-]+)")


_PRONOUNS = frozenset("them it this that these those eux elles ceux celles cela ceci".split())


def counted_complement(query: str) -> str | None:
    """The noun that says which of the counted things are asked: "télétravail" of "Combien de jours
    de télétravail…", "congé" of "how many days of leave"."""
    m = _COMPLEMENT.search(fold(query))
    return m.group(1) if m and m.group(1) not in STOP_WORDS and m.group(1) not in _PRONOUNS else None


def qualifiers(query: str) -> set[str]:
    """The stem of the word that narrows the counted noun ("voix contre", "places assises",
    "conseillers étaient présents"), if one does."""
    m = _QUALIFIED.search(fold(query))
    after = words(m.group(1)) if m else []
    if after and after[0] in _HOLDS:  # "combien de bénévoles compte le club": the club holds them
        return set()
    narrowing = [w for w in after if w not in _NOT_QUALIFIER]
    return {stem(narrowing[0])} if narrowing else set()


def cut_short(sentence: str, place: str) -> bool:
    """``place`` is one common noun that the sentence goes on describing where it says where:
    "centre" of "au centre communal d'action sociale de votre mairie" names no place alone."""
    if not re.fullmatch(r"[^\W\d_A-ZÀ-Þ][\w-]*", place):  # a name ("centre Pompidou") says where
        return False
    return re.search(rf"{PLACE_AT}{re.escape(place)}\s+[^\W\d_]", sentence) is not None


def mass(query: str) -> bool:
    """The noun after "combien de" is left singular: it names a mass, measured rather than counted
    ("combien d'électricité", "d'eau"); what French counts takes the plural ("combien d'employés").
    English marks this with "how much", not on the noun ("how many people")."""
    noun = counted_noun(query)
    return bool(noun) and re.search(rf"\bcombien (?:de |d'){noun}\b", fold(query)) is not None \
        and not re.search(r"[sx]$", noun)


SCOPE = 8  # the words after a part that say which it is (a clause)
_PART = re.compile(r"\b(?:dont|parmi lesquel(?:le)?s|of which|of whom|including)\s+(?:environ\s+|plus de\s+|pres de\s+)?$", re.I)


def event_verb(query: str) -> str | None:
    """What a French question for a date asks happened ("agrandie" of "Quand la maison de santé
    a-t-elle été agrandie ?"), when it asks "quand" with a past participle."""
    return past_event(query) if re.search(r"\bquand\b", fold(query)) else None


def counted_noun(query: str) -> str | None:
    """The noun a "how many" question counts ("Combien de ruches…" -> "ruches")."""
    m = _COUNTED.search(fold(query))
    return m.group(1) if m and m.group(1) not in STOP_WORDS and m.group(1) not in _PRONOUNS else None


# What follows a number that measures rather than counts: money, percentages, units, durations.
# Measured on PIAF dev: requiring instead the counted noun right after the number (or anywhere in
# the sentence) lost 0.013 (0.011) answer containment: texts paraphrase what they count.
_MEASURED = re.compile(r"\s*(?:(?:de |d')?(?:milliards?|millions?|milliers?|mille)\s+(?:de |d')?(?:dollars?|euros?|livres?)|"
                       r"(?:de |d')?(?:dollars?|euros?)\b|%|pour ?cents?|pourcents?|\$|€|£|dollars?|euros?|livres? sterling|francs?|"
                       r"(?:kilo|centi|milli)?(?:metres?|grammes?)\b|km2?\b|kg\b|tonnes?|litres?|hectares?|degres?|°)")


def counts_other(sentence: str, span: str, query: str) -> bool:
    """The word right after the number ``span`` of ``sentence``, or after the range it opens,
    names something else than the noun ``query`` counts ("trois cent douze adhérents" for
    "combien de bénévoles", the "ans" of "4 à 10 ans"); not one a verb or another word parts from
    it ("trois étaient des immigrés hongrois" may count the physicists asked)."""
    noun = counted_noun(query)
    ends = [m.end() for m in re.finditer(re.escape(span), sentence)] if noun else []

    def other(end: int) -> bool:  # its first word, or the one after an adjective ("40 nouveaux bénévoles")
        m = _NEXT.match(fold(sentence[end:]))
        return bool(m) and m.group(1) not in STOP_WORDS and not _counts(" ".join(m.groups("")), noun)
    return bool(ends) and all(other(end) for end in ends)  # each time the number is written


# The first words after a number, past "de", "d'" or the other end of a range ("à 10").
_NEXT = re.compile(r"\s*(?:(?:a|au|ou|-)\s*\d+\s*)?(?:de |d')?([^\W\d_]{3,})(?:\s+([^\W\d_]{3,}))?")


# "Combien de fois" counts occurrences: "à 11 reprises", not the "neuf jours" one of them lasted.
_TIMES = frozenset({"fois", "times"})
_OCCURRENCES = frozenset("fois reprises reprise occasions occasion times".split())


def _counts(after: str, noun: str) -> bool:
    """The first words of ``after`` name ``noun``: same stem, or a shared five-letter start, which
    also pairs English and French cognates (employees / employés)."""
    following = words(after)[:3]
    if noun in _TIMES:
        return bool(following) and following[0] in _OCCURRENCES
    return any(stem(w) == stem(noun) or (len(w) >= 5 and len(noun) >= 5 and w[:5] == noun[:5]) for w in following)


# A determiner that points back to things already named, right before a number.
_ANAPHORIC = re.compile(r"(?:^|\s)(?:les|ces|nos|vos|leurs|ses|the|these|those|its|their)\s+$", re.I)


_RANGE_OPEN = re.compile(r"(?:\bentre|\bdu|\bfrom|\bbetween)\s+(?:le\s+)?$", re.I)
_RANGE_JOIN = re.compile(r"\s+(?:et|au|and|to|until)\s+(?:le\s+)?$", re.I)
# "du 5 au 7 juillet 2024": the first day of the period is written without its month
_DAY_RANGE = re.compile(r"\b(?:du|entre le|entre|from|between)\s+\d{1,2}(?:er)?\s+(?:au|et le|et|to|and)\s+$", re.I)


def _ranges(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two dates that open and close one period ("du 1er au 15 mai", "entre le 15 janvier et le
    15 mai 2020", "du 5 au 7 juillet 2024") as one span, from the word that opens it."""
    def opens(first: tuple[int, int], second: tuple[int, int]) -> int | None:
        opened = _RANGE_OPEN.search(sentence[:first[0]])
        return opened.start() if opened and _RANGE_JOIN.fullmatch(sentence[first[1]:second[0]]) else None

    def alone(span: tuple[int, int]) -> int:
        days = _DAY_RANGE.search(sentence[:span[0]])
        return days.start() if days else span[0]
    return paired(spans, opens, alone)


_PRICE = re.compile(r"\b(?:cout\w*|prix|tarifs?|payer|paie\w*|montant|loyers?|cotisations?|salaires?|cost\w*|"
                    r"prices?|pay|paid|fees?|frais|rent|salary)\b")


# brackets right after a value, holding no other value: "165 € (Extérieurs)", "165 € (2025)" name
# what it is for; "200 € (les enfants paient 80 €)" gives the other group's (a review)
_QUALIFIER = re.compile(r"\s*\((?:[^()\d]|(?<!\d)(?:19|20)\d\d(?![\d\s]*(?:€|\$|£|euros?|dollars?|%)))*(?:\)|$)")


def locate(sentence: str, kind: str, query: str, also: str = "") -> tuple[str | None, float]:
    """The answer of ``kind`` in ``sentence`` best placed after what the question names, and how
    close it sits to those cues: the sum over cues of exp(-words between / 4), a cue after the
    answer counting three times as far ("Microsoft 5 milliards" scores 1 for "Microsoft").
    ``also``: the French words an English question's words were bridged to, cues as well."""
    names = entities(query)
    spans = answers(sentence, kind, query, names)
    if not spans:
        return None, 0.0
    folded = fold(sentence)
    cues = {fold(n) for n in names} | set(subject_terms(f"{query} {also}"))
    positions = [[m.end() for m in re.finditer(rf"\b{re.escape(cue)}", folded)] for cue in cues]

    def gap(a: int, sp: tuple[int, int]) -> int:
        if a <= sp[0]:
            return len(folded[a:sp[0]].split())
        # "165 € (Extérieurs)": the brackets right after a value say what it is for
        bracket = _QUALIFIER.match(folded, sp[1])
        return 0 if bracket and a <= bracket.end() else 3 * len(folded[sp[0]:a].split())

    def nearness(sp):
        total = 0.0
        for ends in positions:
            gaps = [gap(a, sp) for a in ends]
            total += math.exp(-min(gaps) / 4) if gaps else 0.0
        return total
    if kind in (AMOUNT, PERCENT, COUNT, DURATION):
        spans, run = per_group(sentence, spans, query)
        if run:  # "12 euros pour les adultes et 6 euros pour les moins de 18 ans", no group asked
            return sentence[run[0]:run[1]].strip(), max(map(nearness, spans))
    if kind == COUNT:  # "six courts : quatre courts extérieurs et deux courts couverts": the total, before its
        # parts, unless the question names one of them ("courts en terre battue")
        asked = {w for w in words(f"{query} {also}") if w not in STOP_WORDS and len(w) > 2}
        total = next((sp for sp in spans if (m := _PARTS.match(folded, sp[1])) and
                      sum(o[0] >= m.end() for o in spans) >= 2 and
                      not (asked - set(words(folded[:m.end()]))) & set(words(folded[m.end():]))), None)
        if total is not None:
            return sentence[total[0]:total[1]].strip(), nearness(total)
    best = max(spans, key=nearness)
    return sentence[best[0]:best[1]].strip(), nearness(best)


_RESTATES = re.compile(r"\b(?:soit|c'est-a-dire|i\.e\.)\s*$")
# A count followed by a colon: what comes after it are its parts ("six courts : quatre … et deux …").
_PARTS = re.compile(r"(?:\s+[^\W\d_][\w'-]*){0,3}\s*:\s")


def answers(sentence: str, kind: str, query: str, names: list[str] | None = None) -> list[tuple[int, int]]:
    """Every span of ``sentence`` that could answer ``query``, which asks for ``kind``."""
    names = entities(query) if names is None else names
    spans = find_spans(sentence, kind, exclude=names)
    # What the question itself states is no answer to it: "2021" of "pour l'année 2020-2021".
    asked = fold(query)
    spans = [sp for sp in spans if _DIGITS.search(sentence[sp[0]:sp[1]]) is None
             or fold(sentence[sp[0]:sp[1]]).strip() not in asked]
    if kind == DATE:  # "entre le 15 janvier et le 15 mai 2020" answers as a whole, not its first date;
        # "jusqu'au 30 juin 2032", not "à compter du 1er juillet 2023", says when the lease ends;
        # "quel jour ?" wants a day, not the "2025" of "Numéro 47, printemps 2025"
        spans = [sp for sp in spans if names_a_day(query, sentence[sp[0]:sp[1]])]
        spans = by_day(sentence, bounded(sentence, _ranges(sentence, spans), query), query)
    if kind == COUNT:  # a count counts the noun asked about: "combien de ruches" is not "680 kilogrammes"
        # "1er septembre", "3e étage": an ordinal ranks, it counts nothing
        spans = [sp for sp in spans if not _ORDINAL_END.match(sentence[sp[1]:])]
        noun = counted_noun(query)
        if noun:  # a number of another kind ("10 milliards de dollars", "1,5 %") counts no people;
            # a number right before the noun wins, others stay (texts paraphrase: "en sept rencontres")
            spans = [sp for sp in spans if _counts(sentence[sp[1]:], noun) or not _MEASURED.match(fold(sentence[sp[1]:]))]
            exact = [sp for sp in spans if _counts(sentence[sp[1]:], noun)]
            # "Combien de voix contre le budget ?" of "par 19 voix pour et 4 contre", "Combien de
            # conseillers étaient présents ?" of "19 étaient présents et 2 étaient représentés": the
            # number that the words after the noun follow counts them, the noun left out
            narrow = qualifiers(query)
            exact = [sp for sp in spans if narrow & {stem(w) for w in words(sentence[sp[1]:])[:3]}] or exact
            # After "les", "ces"… a number names again things already counted ("Les trois
            # sociétés annoncent…"): no answer to how many of another noun ("Combien d'employés
            # compte Anthropic ?" answered "Trois."). PIAF dev count questions: one gained, one lost.
            spans = continued(sentence, spans, exact) or [sp for sp in spans if not _ANAPHORIC.search(sentence[:sp[0]])]
            # "vingt-deux places, dont deux places réservées": "dont" counts a part of the number
            # before, unless the question names what the part is ("pour les personnes handicapées")
            asked = {stem(w) for w in words(query) if w not in STOP_WORDS and len(w) > 3} - {stem(noun)}
            spans = [sp for i, sp in enumerate(spans) if not (i and _PART.search(sentence[:sp[0]])) or
                     asked & {stem(w) for w in words(sentence[sp[1]:])[:SCOPE]}] or spans
            if not spans and mass(query):  # "combien d'électricité" asks how much: "1,5 %" of it
                # answers; a count still wins ("Combien de personne…", misspelt, counts "2500 personnes")
                spans = find_spans(sentence, AMOUNT, exclude=names)
    if not spans:
        return []
    if kind in (DURATION, COUNT, AMOUNT) and (per := _PER.search(fold(query))):  # "combien de jours par semaine"
        # is no number of weeks: the unit the rate is given per is not the answer's
        unit = per.group(1) or per.group(2)
        spans = [sp for sp in spans if not re.search(rf"\b{_PER_UNIT.get(unit, unit)}", fold(sentence[sp[0]:sp[1]]))]
        if not spans:
            return []
    if kind == DURATION and re.search(r"\b(?:tous les|chaque) combien\b", fold(query)):  # how often: the
        # lapse that repeats ("tous les quatre ans"), not how long something lasts ("pendant 2 heures")
        spans = [sp for sp in spans if re.search(r"\b(?:(?:tous|toutes) les|chaque)\s*$", fold(sentence[:sp[0]]))]
        if not spans:
            return []
    if kind == DURATION and (narrow := qualifiers(query)):  # "Combien de jours de RTT ?" of "(218 jours
        # travaillés par an) bénéficient de 10 jours de RTT": the days the words after the noun follow
        # (or that restate them: "…, soit 30 jours ouvrables par an")
        kept = [i for i, sp in enumerate(spans) if narrow & {stem(w) for w in words(sentence[sp[1]:])[:3]}]
        # a value that restates the one before it per another period, where the question asks one
        # ("2,5 jours … par mois, soit 30 jours ouvrables par an"; not "10 jours de RTT, soit 228
        # jours au total" for "combien de jours de RTT ?")
        if period(query):
            unit = counted_noun(query)  # and in the unit asked: not "…, soit 21 heures" for "combien de jours"
            kept += [i for i in range(1, len(spans)) if i - 1 in kept and _RESTATES.search(fold(sentence[:spans[i][0]]))
                     and (not unit or stem(unit) in {stem(w) for w in words(sentence[spans[i][0]:spans[i][1]])})]
        spans = [spans[i] for i in sorted(set(kept))] or spans
    if kind in (DURATION, COUNT, AMOUNT):  # "2,5 jours … par mois, soit 30 jours par an" for "par an ?"
        spans = same_period(sentence, spans, query)
    if kind in (AMOUNT, PERCENT, COUNT, DURATION):  # "passe de 3,40 euros à 3,60 euros" answers whole
        spans = value_ranges(sentence, spans)
    if kind in (AMOUNT, PERCENT, COUNT):  # "10 milliards de dollars" beats a bare "18" of a date
        with_unit = [sp for sp in spans if re.search(r"[^\d\s.,]", sentence[sp[0]:sp[1]])]
        spans = with_unit or spans
    if kind == AMOUNT and _PRICE.search(fold(query)):  # a price is money: "9 euros", not "500 grammes"
        money = [sp for sp in spans if MONEY.search(fold(sentence[sp[0]:sp[1]]))]
        # nor a share: "38 % de son montant" is no amount of the insurance asked about
        spans = money or [sp for sp in spans if not re.search(r"%|pour ?cent", fold(sentence[sp[0]:sp[1]]))]
    return spans


_PER = re.compile(r"\bpar (jour|semaine|mois|an|annee|heure)s?\b|\bper (day|week|month|year|hour)\b")
_PER_UNIT = {"an": "(?:an|annee)s?\\b", "annee": "(?:an|annee)s?\\b", "mois": "mois\\b", "day": "days?\\b",
             "week": "weeks?\\b", "month": "months?\\b", "year": "years?\\b", "hour": "hours?\\b",
             "jour": "jours?\\b", "semaine": "semaines?\\b", "heure": "heures?\\b"}


def undecided(sentence: str, kind: str, query: str) -> bool:
    """Which of the sentence's values the question asks for is not known, so none leads; the
    quote shows them all: a group (or purpose) the sentence gives no value for, or dates that follow
    other words than the question's (qa/values.py)."""
    spans = answers(sentence, kind, query)
    if kind == DATE:  # "fermée du 4 août au 22 août pour les congés d'été" is not "pour les fêtes"
        return dates_undecided(sentence, spans, query) or other_bound(sentence, spans, query) or \
            days_undecided(sentence, spans, query) or \
            (not asked_group(query)[1] and ungrouped(sentence, spans, query))
    return kind in (AMOUNT, PERCENT, COUNT, DURATION) and ungrouped(sentence, spans, query)
