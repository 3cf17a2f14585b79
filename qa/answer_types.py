"""What kind of answer a question wants (amount, percentage, date, place), where such answers
sit in a sentence, and how French amounts and dates read in English."""
from __future__ import annotations

import re

from .text import STOP_WORDS, fold

AMOUNT, COUNT, PERCENT, DATE, PLACE, NAME, DURATION = "amount", "count", "percent", "date", "place", "name", "duration"

_QUESTION = [  # checked in order, on folded text: the first that matches wins
    (PERCENT, r"\bquel(?:le)?s? (?:part|pourcentage|proportion)\b|\bwhat (?:share|percentage|proportion|percent)\b"
              r"|\bcombien de pour ?cent|\bwhat per ?cent"),
    # "When can my employer open my files?", "Quand peut-on refuser ?": a modal of permission asks
    # in which cases, not for a date ("When must…", "Quand faut-il…" ask by when: a date)
    (DATE, r"\bquand\b(?! (?:peut|peuvent|pourrait|pourraient)[\s-])|\b(?:quel(?:le)?|a quel(?:le)?|en quel(?:le)?) "
           r"(?:date|annee|jour|mois|epoque|heure)\b|\bquel(?:le)?s? (?:sont |est )?(?:les |l')?(?:horaires?|heures? d'ouverture)\b|\b(?:what|which) (?:are |is )?(?:the )?(?:\w+(?:'s|s') )?opening (?:hours|times)\b|\bdepuis quand\b|\bwhen\b(?! (?:can|could|may|might)\b)"
           r"|(?<!within )\b(?:what|which) (?:date|year|day|month|time)\b|\bin what year\b"),
    (NAME, r"\bcomment (?:s'appelle|se nomme|se nommait|s'appelait)\b|\bquel(?:le)? (?:est|etait) (?:le|son|sa) nom\b"
           r"|\bsous quel nom\b|\bwhat(?: is|'s| was) (?:the |its |his |her |their )?name\b|\bwhat is (?:it|\w+) called\b"),
    # "combien de temps", "how long", "quel délai": a number of days, months or years, not any number
    # "tous les combien" asks the lapse between two times: "tous les quatre ans" (was read as a
    # price); not "à quelle fréquence" nor "how often", answered "une à deux fois par semaine" (PIAF)
    (DURATION, r"\bcombien de temps\b|\bhow long\b|\b(?:tous les|chaque) combien\b|\bquelle (?:est la )?duree\b|\bquel (?:est le )?delai\b|"
               r"\bdans quel delai\b|\bpendant combien\b|\bau bout de combien\b|\bquel (?:est le )?preavis\b|"
               # how soon or how far ahead asks for a lapse of time ("au moins 1 mois et 10 jours avant")
               r"\bhow (?:soon|far ahead|far in advance|much time)\b|\bhow quickly (?:must|should|will|can|has to|have "
               r"to|is|are)\b|\bwithin (?:what|which|how much) "
               r"(?:time|period|timeframe|time frame)\b|\bfor how (?:long|many (?:days|weeks|"
               r"months|years))\b|\bhow many (?:days|weeks|months|years|hours)\b|\bcombien (?:de |d')(?:jours|semaines|"
               r"mois|annees|ans|heures)\b|\bduree (?:maximale|minimale|de conservation)\b|\b(?:maximum|minimum) "
               r"(?:length|duration|period|time)\b"),
    (COUNT, r"\bcombien (?:de|d')\s*(?!dollars|euros|argent)\w|\bhow many\b|\bnombre (?:de|d')"),
    # A valuation is an amount too ("What valuation is Anthropic expected to reach?").
    # a price by any name: "Quel est le tarif annuel ?", "What is the monthly rent?"
    # A fine is a sum of money, whatever it punishes ("Quelle est l'amende pour l'envoi de SMS… ?"
    # quoted a sentence about consent, with no sum in it).
    (AMOUNT, r"\bcombien\b|\bquel(?:le)?s? (?:est |sont |etait |sera |a ete )?(?:le |la |les |l')?(?:montant|somme|prix|cout|total|nombre|"
             r"valorisation|tarif|cotisation|loyer|salaire|amendes?)\b|\bhow (?:much|many)\b"
             r"|\bwhat (?:is |was |will be |are )?(?:the )?(?:\w+(?:'s|s') )?(?:annual |monthly |yearly |weekly |daily |maximum )?"
             r"(?:amount|sum|price|cost|total|number|size|valuation|fee|rent|salary|fines?)\b"),
    (PLACE, r"^\W*ou\s|\b(?:dans|en) quel(?:le)? (?:pays|ville|region|lieu|continent)\b|\bquel(?:le)? (?:pays|ville|lieu)\b"
            r"|\bsiege\b|\bwhere\b|\bin (?:which|what) (?:country|city|region|place)\b|\bheadquarter"),
]
_QUESTION = [(t, re.compile(p)) for t, p in _QUESTION]

_NUM = r"\d+(?:[  .,]\d{3})*(?:[.,]\d+)?"
_SCALE = r"(?:milliards?|millions?|milliers?|mille|billions?|trillions?)"
_UNIT = r"(?:dollars?|euros?|livres?|francs?|yens?|\$|€|£|%|pour ?cents?|pourcents?)"
# Measures: "combien mesure / pèse ..." wants "4,5 mètres", "600 kilogrammes" (matched on folded text).
# (folded: "m²" reads "m2"; "ml", never a bare "l", which follows numbers as "2 l. 121-1")
_MEASURE = (r"(?:(?:kilo|centi|milli)?(?:metres?|grammes?)(?: carres?| cubes?)?|km[23]?|cm|mm|kg|m[23]?|g|tonnes?|"
            r"(?:centi|milli)?litres?|[mcd]l|hectares?|ha|"
            r"degres?|°c?|heures?|minutes?|secondes?)\b")
_LEAD = r"(?:(?:environ|pres de|plus de|moins de|superieure? a|inferieure? a|de l'ordre de|quelque) )?"
_STREET = r"(?i:rue|route|avenue|boulevard|bd|chemin|place|allée|impasse|quai|square)"
_PLACE_NOUN = (r"(?:centre|nord|sud|est|ouest|rez-de-chaussée|sous-sol|étage|stade|université|hôpital|hôpitaux|"
               r"musée|église|temple|château|palais|salle|région|ville|village|quartier|port|île|province|"
               r"département|capitale|gare|école|lycée|siège|bâtiment|parc|forêt|rue|avenue|cathédrale|"
               r"basilique|abbaye|monastère|prison|usine|frontière|côte|banlieue|plaine|bassin|sommet|vallée)s?\b")
_NUMWORD = (r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|"
            r"quarante|cinquante|soixante|cents?|mille|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?")
# A number of a duration: digits (not an ordinal: "à partir du 15e jour", "au 3ème mois"; \b: no
# word begun inside "15e", "troisième"), or words read whole ("vingt et un").
_DNUM = (rf"(?:{_NUM}(?!\s*(?:e|er|ere|eme|re|nd|nde|th|st|rd)\b)|\b(?:{_NUMWORD}|un|une|one)"
         rf"(?:[- ](?:et[- ]|and[- ])?(?:{_NUMWORD}|un|une|one))*)")
_TIME_UNIT = r"(?:ans?|annees?|mois|semaines?|jours?|heures?|minutes?|secondes?|years?|months?|weeks?|days?|hours?)\b"
# What opens a place: "à Lyon", "au stade", "dans la ville".
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
PLACE_AT = r"\b(?:à|a|au|aux|en|dans|chez|près de|pres de|in|at)\s+(?:la |le |les |l'|l’|son |sa |ses )?"
# A number in words, read whole ("quatre-vingt-cinq mille", "vingt et un"): an amount or a share
# only with its unit after it ("douze euros", "quinze pour cent"), where "un" is no article.
_WORDS_NUM = rf"\b(?:{_NUMWORD}|un|une)(?:[- ](?:et[- ])?(?:{_NUMWORD}|un|une|millions?|milliards?))*"
SPAN_PATTERNS = {
    AMOUNT: re.compile(rf"{_LEAD}(?:{_NUM} ?(?:{_SCALE} ?)?(?:(?:de |d')?(?:{_UNIT}|{_MEASURE}))?|quelques {_UNIT}|"
                       rf"{_WORDS_NUM} (?:de |d')?(?:dollars?|euros?|francs?|yens?)\b)", re.I),
    PERCENT: re.compile(rf"{_LEAD}(?:{_NUM} ?(?:%|pour ?cents?|pourcents?)|quelques pourcents?|"
                        rf"{_WORDS_NUM} (?:pour ?cents?|pourcents?)\b)", re.I),
    # a month is a whole word: "mai" is no date in "mairie", nor "mars" in "marsupial"
    # a day of the week answers when something recurs or opens ("collectés le jeudi", "du lundi au
    # vendredi"), and heads a full date ("le mardi 4 mars 2025")
    DATE: re.compile(rf"(?:(?:le |en |fin |debut |mi-)?(?:{_WEEKDAY} )?(?:\d{{1,2}}(?:er)? )?\b(?:janvier|fevrier|mars|avril|"
                     r"mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b(?: \d{4})?|"
                     rf"(?:(?:le |les |chaque |tous les |on |every )?\b{_WEEKDAY}s?\b(?: (?:matin|soir|apres-midi))?)|"
                     r"(?:en |depuis )?\b1[5-9]\d{2}\b|"
                     r"\b20\d{2}\b)", re.I),
    # numbers in words are read whole: "quarante-deux", "vingt et un", "two hundred"
    COUNT: re.compile(rf"{_LEAD}(?:{_NUM}(?![\d.,])(?: (?:milliards?|millions?)\b)?(?! ?(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|"
                      rf"novembre|decembre)\b)|\b(?:{_NUMWORD})(?:[- ](?:et[- ]|and[- ])?(?:{_NUMWORD}|un|une|one))*\b)", re.I),
    # A range is one answer ("deux à trois ans", "2 à 3 semaines"); "a" is only English's "a year".
    # Two units added up are one answer too ("1 mois et 10 jours"), and a few of a unit answers how
    # long ("quelques minutes au plus").
    DURATION: re.compile(rf"{_LEAD}(?:(?:\bentre\s+{_DNUM}\s+et\s+|\bbetween\s+{_DNUM}\s+and\s+|{_DNUM}\s+(?:à|a|ou|to|or|-)\s+)?"
                         rf"(?:{_DNUM}|\b(?:quelques|plusieurs|several|a few))\s*(?:\b\w+\s+)?|\ba\s+){_TIME_UNIT}"
                         rf"(?:,?\s+(?:et|and)\s+{_DNUM}\s*{_TIME_UNIT})?", re.I),
    # (accented letters too: "Mme Sophie Carré", "Émilie")
    NAME: re.compile(r"(?<=[\s'’(«\"])([A-ZÀ-Þ][\w-]*[^\W_](?:\s+[A-ZÀ-Þ][\w-]*[^\W_])*)"),
    # "à Lyon", "chez Renault", "au stade Amédée-Prouvost", "au rez-de-chaussée": a name, or a word
    # that names a place (not "dans l'intelligence artificielle")
    # a place after "à", "au", "dans"…, or a street address, which says where alone: after its number
    # ("au complexe sportif, 12 avenue de la Vertonne") or set off by commas ("La déchetterie, route
    # de Varades, est ouverte…"); not "met en place France Services", "à la place de Marie Dupont"
    PLACE: re.compile(rf"{PLACE_AT}((?:{_PLACE_NOUN}(?:\s+(?:du|de la|des|de|d'))?\s*)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*|{_PLACE_NOUN})"
                      rf"|((?:(?<![\w,.])\d{{1,4}}(?: ?bis| ?ter)?,? |(?<=, )){_STREET} (?:du |de la |des |de l['’]|de |d['’])?"
                      rf"[A-ZÀ-Þ][\w'’-]+(?:[ -](?:de |du |des )?[A-ZÀ-Þ][\w'’-]+)*)(?=\s*(?:[,.;)]|$))"),
}
_ARTICLES = frozenset({"le", "la", "les", "the"})
_YEAR = re.compile(r"^(?:en |depuis )?(1[5-9]|20)\d{2}$")


# "quand" / "when" after another question word opens a clause of circumstance, not the question:
# "Dans quel délai la CNIL traite-t-elle une réclamation quand l'organisme ne m'a pas répondu ?"
# wants a duration, "What is the monthly cap … when calculating the SJR?" no date. The clause is
# left out of what decides the kind. It still asks when it ends the question ("Le mariage a-t-il
# lieu quand ?"), is asked about ("Comment savoir quand…", "Sait-on quand…", "find out when") or
# joins a second question ("Comment et quand déclarer ?", "… and when should they be sent?").
_ASKING = re.compile(r"\b(?:qui|que|quoi|quel(?:le)?s?|lequel|laquelle|comment|combien|pourquoi|est-ce|\w+-t-\w+|"
                     r"\w+-(?:je|il|elle|ils|elles|on)|what|which|who|whom|whose|how|why|where)\b")
_CLAUSE = re.compile(r"\s(?:quand|lorsque|lorsqu'|when|whenever)\s*\w")
_ASKS_WHEN = re.compile(r"(?:\b(?:et|ou|and|or|savoir|sait|sais|savez|savent|know|knows|out|tell|dire|de|a|"
                        r"jusqu'a|depuis|since|until|till)|-(?:vous|tu|on|nous))$")


def _main_clause(q: str) -> int:
    """Where the question's own words end in folded question ``q``: at a clause of circumstance
    that opens after its question word, else at its end."""
    asking = _ASKING.search(q)
    if asking:
        for m in _CLAUSE.finditer(q, asking.end()):
            if not _ASKS_WHEN.search(q[:m.start()]):
                return m.start()
    return len(q)


_DAY_ASKED = re.compile(r"\b(?:quels? jours?|quel est le jour|what day|which days?|on what day)\b")
_MONTH = r"(?:janv|fevr|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec|jan|feb|mar|apr|may|jun|jul|aug|sep)[a-z]*\.?"
_A_DAY = re.compile(rf"\b(?:{_WEEKDAY}|\d{{1,2}}(?:er|st|nd|rd|th)? {_MONTH}|{_MONTH} \d{{1,2}}\b|\d{{1,2}}/\d{{1,2}}|"
                    r"\d{4}-\d{2}-\d{2})")


def names_a_day(question: str, span: str) -> bool:
    """A span that answers "quel jour ?": a weekday or a day of a month ("le mardi", "3 juin"),
    not a month or a year ("Numéro 47, printemps 2025" answered which day glass is collected);
    and no weekday alone, which says when something recurs, for when something happened once
    ("Quand la maison de santé a-t-elle été agrandie ?" answered "Le dimanche." of "fermée le
    dimanche")."""
    f = fold(question)
    if (past_event(question) or _ONCE.search(f)) and _WEEKDAY_ALONE.fullmatch(fold(span).strip()):
        return False
    return not _DAY_ASKED.search(f) or bool(_A_DAY.search(fold(span)))


# A question about what happened once, in the past: "a-t-elle été agrandie", "ont ouvert",
# "s'est-il tenu", "when was it built", "when did it open". Read on the accented text: "à Nantes" is
# no "a" (has); "a lieu", "a droit" say what happens now.
_AUXILIARY = re.compile(r"(?<![\w-])(?:a|ont|avait|avaient)(?:-t)?(?:-(?:il|elle|ils|elles|on))?\s+(?:été\s+)?"
                        r"([a-zà-ÿ]{4,})")
_PARTICIPLE = re.compile(r"[a-z]+(?:e|es|ee|ees|i|ie|is|ies|u|ue|us|t|te|ts)")
_NOT_PARTICIPLE = frozenset("lieu droit besoin peur envie faim soif tort raison".split())
_ONCE = re.compile(r"\bs'(?:est|etait)(?:-(?:il|elle))?\b|\b(?:when|what day) (?:was|were|did)\b")


def past_event(question: str) -> str | None:
    """The past participle a French question asks with ("agrandie" of "Quand la maison de santé
    a-t-elle été agrandie ?"), folded; None when it asks in the present."""
    for m in _AUXILIARY.finditer(question.lower()):
        word = fold(m.group(1))
        if word not in STOP_WORDS and word not in _NOT_PARTICIPLE and _PARTICIPLE.fullmatch(word):
            return word
    return None


_WEEKDAY_ALONE = re.compile(rf"(?:le |les |chaque |tous les |on |every )?{_WEEKDAY}s?(?: (?:matin|soir|apres-midi))?")


_NUMBER = re.compile(rf"\d|\b(?:{_NUMWORD}|un|une|one)\b")


def numeric(span: str) -> bool:
    """The span states a number, in digits or in words ("8 jours", "un mois"), not "quelques jours"."""
    return bool(_NUMBER.search(fold(span)))


def question_type(question: str) -> str | None:
    q = fold(question)
    end = _main_clause(q)  # folding keeps offsets: the same cut applies to the accented text
    # "où" (where) and "ou" (or) fold alike: only the accented word, or "ou" opening the question, asks where.
    where = re.search(r"(?:^|[\s'’])où\b", question.lower()[:end])
    return next((t for t, rx in _QUESTION if rx.search(q[:end])), PLACE if where else None)


_ADDED = re.compile(r",?\s+(?:et|and)\s+")
_UNIT_RANK = {"an": 0, "ans": 0, "annee": 0, "annees": 0, "year": 0, "years": 0, "mois": 1, "month": 1, "months": 1,
              "semaine": 2, "semaines": 2, "week": 2, "weeks": 2, "jour": 3, "jours": 3, "day": 3, "days": 3,
              "heure": 4, "heures": 4, "hour": 4, "hours": 4, "minute": 5, "minutes": 5, "seconde": 6, "secondes": 6,
              "second": 6, "seconds": 6}


def _apart(first: str, second: str) -> bool:
    """Two whole durations joined by "et" that do not add up: "16 semaines et 26 semaines", "25
    jours, et 32 jours en cas de…"; "1 mois et 10 jours" adds up (a smaller unit after a larger),
    "vingt et un jours" and "entre 2 et 3 semaines" are one duration (no unit before "et")."""
    def rank(text: str) -> int:
        units = [_UNIT_RANK[w] for w in re.findall(r"[a-z]+", fold(text)) if w in _UNIT_RANK]
        return units[-1] if units else -1
    return 0 <= rank(first) and not rank(second) > rank(first)


def find_spans(sentence: str, kind: str, exclude: list[str] = ()) -> list[tuple[int, int]]:
    """Character spans of answers of ``kind`` in ``sentence`` (matched on folded text, which
    keeps offsets: folding only drops combining marks of precomposed letters). Names and places
    that are in ``exclude`` (what the question itself names) are not answers."""
    text = fold(sentence) if kind not in (PLACE, NAME) else sentence
    if len(text) != len(sentence):  # a rare character changed length when folded: match as is
        text = sentence
    out = []
    for m in SPAN_PATTERNS[kind].finditer(text):
        s, e = m.span()
        piece = text[s:e].strip()
        if not piece or not re.search(rf"\d|quelques|{_NUMWORD}|\bune?\b", piece) and kind in (AMOUNT, PERCENT):
            continue
        if kind == AMOUNT and (_YEAR.match(piece) or not re.search(r"[^\d\s.,]", re.sub(f"^{_LEAD}", "", piece))):
            continue  # an amount has a unit or a scale: "en 2021" is a date, a bare "18" a day, nor
            # is "moins de 18" of "moins de 18 ans" an amount (a new user's trial: it led a price)
        if kind == DURATION and not re.search(rf"\d|{_NUMWORD}|\bun|\bune|\bone\b|^a\b|quelques|plusieurs|several|few",
                                              piece):
            continue
        if kind == DATE and re.search(r"[A-Z]-$", sentence[:s]):
            continue  # no year inside a code: "BC-2023-0417" (but "mi-2024", "fin-2030" are dates)
        if kind == DURATION and (added := _ADDED.search(piece)) and _apart(piece[:added.start()], piece[added.end():]):
            out.append((s, s + added.start()))  # "25 jours, et 32 jours en cas de…": two answers, not a sum
            s += added.end()
        if kind == COUNT and _YEAR.match(piece):
            continue
        if kind in (PLACE, NAME):
            s, e = m.span(1 if m.group(1) is not None else 2)
            if len(text[s:e]) < 3 or fold(text[s:e]) in {fold(x) for x in exclude}:
                continue
            while True:  # "Selon Marie Curie": "Selon" opens the sentence with a capital, names no one
                first = re.match(r"(\S+)\s+", text[s:e])  # (an article may: "Le Monde", "La Poste")
                if not first or fold(first.group(1)) not in STOP_WORDS or fold(first.group(1)) in _ARTICLES:
                    break
                s += first.end()
            if all(w in STOP_WORDS for w in fold(text[s:e]).split()):
                continue  # "Elle", "Cette" open a sentence with a capital; they name no one
        out.append((s, e))
    return out


# Shared with qa/english.py, which renders these spans in English.
NUMBER_WORDS, NUMERAL, SCALE, TIME_UNIT, WEEKDAY, YEAR = _WORDS_NUM, _NUM, _SCALE, _TIME_UNIT, _WEEKDAY, _YEAR
