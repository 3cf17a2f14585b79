"""Which of several values in one sentence a question asks for: a range or a change read whole
("de 3,40 euros à 3,60 euros"), one value per group ("12 euros pour les adultes et 6 euros pour
les moins de 18 ans", "800 euros au Comité des fêtes", "118 adhérents en 2023"), and when none can
be told ("Combien coûte l'abonnement pour un non-résident ?" of a price for residents only)."""
from __future__ import annotations

import re
from collections.abc import Callable

from .asked import subject_terms
from .text import STOP_WORDS, analyze, fold, has_term, stem, term_set, words

Offsets = tuple[int, int]  # start and end of a value in its sentence
MONEY = re.compile(r"[$€£]|\b(?:euros?|dollars?|livres?|francs?|centimes?|cents?)\b")


# A range or a change opens and joins with words that go together: "de … à", "entre … et".
_VALUE_PAIRS = ((re.compile(r"\b(?:de|d'|from)\s*$", re.I), re.compile(r"\s+(?:à|a|jusqu'à|to)\s+", re.I)),
                (re.compile(r"\b(?:entre|between)\s*$", re.I), re.compile(r"\s+(?:et|and)\s+", re.I)))
# "entre 500 et 700 euros": the first value is written without its unit
_BARE_FIRST = re.compile(r"\b(?:(?:de|from)\s+\d[\d\s.,]*?\s+(?:à|to)|(?:entre|between)\s+\d[\d\s.,]*?\s+(?:et|and))\s+$",
                         re.I)


def _unit(value: str) -> str:
    """What a value measures, to tell a range ("de 3,40 euros à 3,60 euros") from two values of
    different kinds side by side ("un prêt de 10 000 euros à 2 %"): money, a percentage, the stem
    of its last word ("ans", "kilogrammes"), or nothing for a bare number."""
    folded = fold(value)
    if re.search(r"%|pour ?cent", folded):
        return "%"
    if MONEY.search(folded):
        return "money"
    last = re.findall(r"[^\W\d_]+", folded)
    return stem(last[-1]) if last else ""


def paired(spans: list[Offsets], opens: Callable[[Offsets, Offsets], int | None],
           alone: Callable[[Offsets], int]) -> list[Offsets]:
    """Spans with each two that ``opens`` pairs (it returns where the pair starts) read as one,
    and each other span from where ``alone`` says it starts: ranges of values, periods of dates."""
    out, i = [], 0
    while i < len(spans):
        start = opens(spans[i], spans[i + 1]) if i + 1 < len(spans) else None
        if start is not None:
            out.append((start, spans[i + 1][1]))
            i += 2
            continue
        out.append((alone(spans[i]), spans[i][1]))
        i += 1
    return out


def value_ranges(sentence: str, spans: list[Offsets]) -> list[Offsets]:
    """Two values of one kind that bound a range or a change ("de 3,40 euros à 3,60 euros", "entre
    500 et 700 euros", "de 1 an à 3 ans") as one span, from the word that opens it: either value
    alone would answer wrong ("Combien coûte le repas ?" is not "3,40 euros" once it has risen)."""
    def opens(first: Offsets, second: Offsets) -> int | None:
        (a, b), (c, d) = first, second
        opened = next((m for opener, joiner in _VALUE_PAIRS if (m := opener.search(sentence[:a]))
                       and joiner.fullmatch(sentence[b:c])), None)
        return opened.start() if opened and _unit(sentence[a:b]) in ("", _unit(sentence[c:d])) else None

    def alone(span: Offsets) -> int:
        bare = _BARE_FIRST.search(sentence[:span[0]])
        return bare.start() if bare else span[0]
    return paired(spans, opens, alone)


# "12 euros pour les adultes", "800 euros au Comité des fêtes", "118 adhérents en 2023": a value
# (and the noun it counts), then whom or which year it is for, up to the next value's "et", a comma
# or the end of the sentence. Before a verb, "pour" or "à" says what for, not whom: "1 an pour
# réagir", "à compter du 1er septembre".
def _group_pattern(prepositions: str) -> re.Pattern:
    # a lower-case word ending like an infinitive is a verb ("pour réagir"); "au Centre social",
    # "pour Pierre" name someone
    return re.compile(rf"(?:\s+[^\W\d_]+)?\s*(?:(?:{prepositions})\s+"
                      r"(?P<who>(?!(?:et|ou|and|or)\b|(?-i:[a-zà-ÿ])[^\W\d_]*(?:er|ir|re|oir|ing)\b)[^,;.:)?]+?)"
                      r"(?=\s+(?:et|and|ou|or)\s|[,;.:)?]|$)|(?:en|in)\s+(?P<year>\d{4})\b)", re.I)


_GROUP = _group_pattern("pour|for|per|par|à|au|aux|to")
# In a question, "pour" names the group before "à" does: "l'accès à la piscine pour un enfant"
_GROUP_FOR = _group_pattern("pour|for|per")
# Between one group and the next value of the same list: "… pour les adultes et 6 euros …"
_NEXT = re.compile(r"\s*[,;]?\s*(?:et|ou|à|and|or|to|contre)?\s*(?:de\s+|d')?", re.I)


_PLACE_AFTER = re.compile(r"\s+(?:à|a|au|aux|dans|chez|at|in)\s+(?:la\s+|le\s+|les\s+|l'|the\s+)", re.I)


def _group(m: re.Match) -> set[str]:
    return set(analyze(m.group("who") or m.group("year")))


# A value per unit of time ("210 € par an ou 24 € par mois") is a rate, which the question names
# by the unit or by its adjective ("l'abonnement mensuel", "the annual fee"): a closed set of words.
_PER = {"an": "an", "ans": "an", "annee": "an", "year": "an", "mois": "mois", "month": "mois", "semaine": "semaine",
        "week": "semaine", "jour": "jour", "day": "jour", "heure": "heure", "hour": "heure", "trimestre": "trimestre"}
_RATE_WORDS = {"annuel": "an", "annuelle": "an", "annual": "an", "yearly": "an", "mensuel": "mois",
               "mensuelle": "mois", "monthly": "mois", "hebdomadaire": "semaine", "weekly": "semaine",
               "journalier": "jour", "journaliere": "jour", "quotidien": "jour", "daily": "jour",
               "horaire": "heure", "hourly": "heure", "trimestriel": "trimestre", "quarterly": "trimestre"}
_ASKED_PER = re.compile(r"\b(?:par|per|a|an|each|chaque)\s+(an|annee|year|mois|month|semaine|week|jour|day|heure|hour|"
                        r"trimestre)\b")


def _rate(m: re.Match) -> str | None:
    """The unit of time the group opens with ("par mois", "par mois pour les particuliers" ->
    mois), if it opens with one."""
    who = fold(m.group("who") or "").split()
    return _PER.get(who[0]) if who else None


def _unit_only(m: re.Match) -> bool:
    """The group is a unit of time alone ("par mois"), for whoever the sentence is about."""
    return len(fold(m.group("who") or "").split()) == 1


# "3,50 euros de l'heure", "le prix d'une heure": an hourly rate written without "par"
_HOURLY = re.compile(r"\b(?:de l'|d'une |a l'|l')heure\b|/\s?h\b")


def asked_rate(query: str) -> str | None:
    """The unit of time the question asks a value for: "mensuel", "par mois", "monthly"."""
    q = fold(query)
    said = _ASKED_PER.search(q)
    if said:
        return _PER[said.group(1)]
    return "heure" if _HOURLY.search(q) else next((_RATE_WORDS[w] for w in words(q) if w in _RATE_WORDS), None)


def _hourly(sentence: str, span: Offsets) -> bool:
    return bool(_HOURLY.match(fold(sentence[span[1]:span[1] + 12]).lstrip()))


def _of_kind(m: re.Match, year: bool) -> bool:
    """The group is a year, or whom a value is for (not a rate), as ``year`` says."""
    return bool(m.group("year")) == year and (year or _rate(m) is None)


def asked_group(query: str) -> tuple[set[str], bool]:
    """The group a question names ("pour un non-résident" -> non, resident; "en 2025"), if it
    names one, and whether it is a year: "Combien d'habitants à Tirana ?" asks no year."""
    m = _GROUP_FOR.search(query) or _GROUP.search(query)
    if not m:
        return set(), False
    # the place after the group is where, not whom: "pour un m³ de gravats à la déchetterie"
    who = _PLACE_AFTER.split(m.group("who") or "", maxsplit=1)[0]
    return (set(analyze(who or m.group("year"))) - set(_PER), bool(m.group("year")))


# A line of a list that gives one value to what its label names: "- Jeunes (11 à 17 ans) : 190 €".
_BULLET = re.compile(r"\s*[-*•–]\s")
_LABELLED_ITEM = re.compile(r"\s*(?:[-*•–]\s*)?(?P<label>[^:]{2,80}?)\s:\s*\S")


def other_label(sentence: str, query: str) -> bool:
    """The sentence is a "label : value" line whose label does not name the group the question
    asks about: "- École de natation (4 à 10 ans) : 165 €" gives no price "pour les seniors"."""
    m = _GROUP_FOR.search(query)
    if not m or not m.group("who") or not list_line(sentence):
        return False
    head = next(iter(analyze(_PLACE_AFTER.split(m.group("who"), maxsplit=1)[0])), None)
    line = set(analyze(sentence))  # the group may follow the value: "Tarif réduit : 100 € pour les seniors"
    if head is None or head.isdigit() or any(t == head or t[:5] == head[:5] for t in line):
        return False
    # a place's people are named after it: "un habitant de Rezé" is a "Rezéen" (a new user's trial);
    # the whole name ("Saint-Herblain" is no "Saint-Nazairien")
    places = [fold(n) for n in re.findall(r"\b[A-ZÀ-Þ][\w'’-]{3,}", m.group("who"))]
    return not any(t.startswith(n) for n in places for t in re.findall(r"[\w'’-]+", fold(sentence)))


def list_line(sentence: str) -> bool:
    """A "label : value" line of a list: a bullet, or a short label and value with no full stop
    ("Séance avec la psychologue (dispositif Mon soutien psy) : 50 € (Tarif)", a table's row;
    "Remarque : les seniors paient 100 €." is a sentence)."""
    item = _LABELLED_ITEM.match(sentence)
    if not item:
        return False
    value = sentence[item.end("label"):].lstrip(" :")
    # a table's row gives one value per column: "390 € (Habitants de la commune) ; 520 € (Extérieurs)"
    return bool(_BULLET.match(sentence)) or (len(item.group("label").split()) <= 10 and
                                             all(len(v.split()) <= 8 for v in value.split(" ; "))
                                             and not re.search(r"[.!?]\s*$", sentence))


def per_group(sentence: str, spans: list[Offsets],
               query: str) -> tuple[list[Offsets], Offsets | None]:
    """Where the sentence gives one value per group ("12 euros pour les adultes et 6 euros pour
    les moins de 18 ans"): the values of the group the question names, or, where it names none
    ("Combien coûte le concert pour un enfant ?") and the groups are listed one after the other,
    the whole run of values with their groups, which no single value answers."""
    rate = asked_rate(query)
    hourly = [sp for sp in spans if _hourly(sentence, sp)]
    if rate and hourly and len(hourly) < len(spans):  # "0 euro par mois, 3,50 euros de l'heure"
        return (hourly, None) if rate == "heure" else ([sp for sp in spans if sp not in hourly], None)
    groups = [(sp, m) for sp in spans if (m := _GROUP.match(sentence, sp[1]))]
    terms = [_group(m) for _, m in groups]
    if len(groups) < 2 or len({frozenset(t) for t in terms}) < 2:
        return spans, None
    wanted, year = asked_group(query)
    # "210 € par an ou 24 € par mois" for "l'abonnement mensuel"
    if rate and all(_rate(m) for _, m in groups):
        # and for the group asked, if the rates are given by group: "30 € par mois pour les
        # particuliers et 300 € par an pour les entreprises"
        named = [sp for (sp, m), own in zip(groups, terms, strict=True)
                 if _rate(m) == rate and (not wanted or year or _unit_only(m) or wanted <= own)]
        return (named, None) if named else (spans, None)
    if wanted and all(_of_kind(m, year) for _, m in groups):  # all the words of the group asked: "résidents" is not "non-résidents"
        exact = [sp for (sp, _), own in zip(groups, terms, strict=True) if wanted == own]
        # a group asked that fits several ("un enfant" of "les enfants de moins de 6 ans" and "les
        # enfants de plus de 6 ans") tells none apart: the whole run answers
        within = [sp for (sp, _), own in zip(groups, terms, strict=True) if wanted <= own]
        named = exact or (within if len(within) == 1 else [])
    else:  # "familles" of "familles valmontaises" and "familles extérieures" tells neither apart
        shared, asked = set.intersection(*terms), set(subject_terms(query))
        named = [sp for (sp, _), own in zip(groups, terms, strict=True) if asked & (own - shared)]
    if named:
        return named, None
    listed = all(_NEXT.fullmatch(sentence, m.end(), nxt[0]) for (_, m), (nxt, _) in zip(groups, groups[1:]))
    return spans, (groups[0][0][0], groups[-1][1].end()) if listed else None


def continued(sentence: str, spans: list[Offsets], kept: list[Offsets]) -> list[Offsets]:
    """``kept`` and the values that go on their list by group with the noun left out: "142" of
    "118 adhérents en 2023 et 142 en 2025" counts adhérents too."""
    out = list(kept)
    for sp in spans:
        m = _GROUP.match(sentence, out[-1][1]) if out and sp[0] > out[-1][1] else None
        if m and _NEXT.fullmatch(sentence, m.end(), sp[0]) and _GROUP.match(sentence, sp[1]):
            out.append(sp)
    return out


def ungrouped(sentence: str, spans: list[Offsets], query: str) -> bool:
    """The question asks for a group ("pour un non-résident") and the sentence gives values for
    other groups only ("29 € pour les résidents"), or for another unit of time ("250 € par an" for
    "le tarif mensuel")."""
    rate = asked_rate(query)
    wanted, year = asked_group(query)
    found = [m for sp in spans if (m := _GROUP.match(sentence, sp[1]))]
    if rate and found and len(found) == len(spans) and all(_rate(m) for m in found):
        return not any(_rate(m) == rate and (not wanted or year or _unit_only(m) or wanted <= _group(m)) for m in found)
    groups = [_group(m) for sp in spans if (m := _GROUP.match(sentence, sp[1])) and _of_kind(m, year)] if wanted else []
    return bool(groups) and not any(wanted <= own for own in groups)


def dates_undecided(sentence: str, spans: list[Offsets], query: str) -> bool:
    """The sentence gives dates that follow different words ("Les travaux débuteront en septembre
    2024 et doivent s'achever en juin 2025"), the question names none of those words, and asks with
    a word the sentence lacks ("Quand les travaux se termineront-ils ?")."""
    if len({fold(sentence[a:b]) for a, b in spans}) < 2:
        return False
    cues, end = [], 0
    for a, b in spans:  # the word right before each date ("débuteront en"), after the date before it
        cues.append(set(analyze(" ".join([w for w in words(sentence[end:a]) if w not in STOP_WORDS][-1:]))))
        end = b
    if not all(cues):
        return False
    asked = set(subject_terms(query))
    said = term_set(sentence)
    return not any(asked & c for c in cues) and any(t not in said for t in asked)


def another_item(line: str, asked: set[str], headings: str) -> bool:
    """A "label : value" list line whose label names something the question does not ("Séance de
    kinésithérapie : 18 €"), while the question names something that neither the line nor its
    headings do ("chez l'orthophoniste"); not "Éveil musical : 120 €" for "Combien coûte
    l'inscription à l'éveil musical ?", whose label the question names whole."""
    if not list_line(line):
        return False
    # what the brackets add is a detail: "Éveil musical (45 min par semaine)" is "éveil musical"
    label = set(analyze(re.sub(r"\([^()]*\)", " ", line.split(":", 1)[0])))
    return any(not has_term(t, asked) for t in label if not t.isdigit()) and \
        any(not has_term(t, term_set(f"{headings} {line}")) for t in asked)
