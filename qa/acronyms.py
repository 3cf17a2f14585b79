"""Acronyms and the words they stand for, where a text defines them: "Règlement européen sur la
protection des données (RGPD)", "TAJ (Traitement d'antécédents judiciaires)". The long form is
found as Schwartz & Hearst do ("A simple algorithm for identifying abbreviation definitions in
biomedical text", 2003): every letter of the acronym, right to left, in the words before it, the
first one opening a word; no dictionary of acronyms is needed."""
from __future__ import annotations

import re
from functools import lru_cache

from .text import STOP_WORDS, fold

# Brackets of at most 160 characters: a long form runs a dozen words at most; longer brackets are
# asides. Schwartz & Hearst look back min(n + 5, 2n) words for an acronym of n letters.
_PAREN = re.compile(r"\(([^()]{1,160})\)")
_SHAPE = re.compile(r"[A-ZÀ-Þ0-9][\wÀ-ÿ-]{1,9}")
_WORD = re.compile(r"[^\W_][\w'’-]*")
_ELIDED = re.compile(r"^\w{1,5}['’]")  # "l'AIPD", "d'ANSSI"


def is_acronym(word: str) -> bool:
    """Two to ten letters or digits, mostly capitals ("RGPD", "TAJ", "CNIL", "PIA"; not "OpenAI",
    "McDonald"), and not a stop word written in capitals ("SI", "CE", "SA")."""
    if not _SHAPE.fullmatch(word):
        return False
    letters = [c for c in word if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 and 3 * upper >= 2 * len(letters) and fold(word) not in STOP_WORDS


def _bare(word: str) -> str:
    return _ELIDED.sub("", word)


@lru_cache(maxsize=65536)
def written(text: str) -> frozenset[str]:
    """The acronyms ``text`` writes, as written ("RGPD", "AIPD" of "l'AIPD"): not "si" for "SI"."""
    return frozenset(w for w in (_bare(t) for t in _WORD.findall(text)) if is_acronym(w))


def long_form(acronym: str, words: list[str]) -> list[str] | None:
    """The shortest tail of ``words`` that spells ``acronym`` (Schwartz & Hearst), or None."""
    letters = [c.lower() for c in acronym if c.isalnum()]
    text = " ".join(words).lower()
    i, j = len(letters) - 1, len(text) - 1
    while i >= 0:
        # the acronym's first letter must open a word; the others may sit anywhere in one
        while j >= 0 and (text[j] != letters[i] or (i == 0 and j > 0 and text[j - 1].isalnum())):
            j -= 1
        if j < 0:
            return None
        i, j = i - 1, j - 1
    start = text.rfind(" ", 0, j + 1) + 1
    tail = text[start:].split()
    return words[len(words) - len(tail):]


def definitions(text: str) -> dict[str, str]:
    """Each acronym the text defines, with its long form: "long form (ACR)" or "ACR (long form)"."""
    out: dict[str, str] = {}
    for m in _PAREN.finditer(text):
        inside = m.group(1).strip()
        # 200 characters hold the 20 words an acronym of 10 letters may look back
        before = _WORD.findall(text[max(0, m.start() - 200):m.start()])
        if before:
            before[-1] = _bare(before[-1])
        if is_acronym(inside):  # the long form before it, at most min(n + 5, 2n) words back
            n = len([c for c in inside if c.isalnum()])
            got = long_form(inside, before[-min(n + 5, 2 * n):])
            if got and len(got) >= 2:
                out[inside] = " ".join(got)
        elif before and is_acronym(before[-1]):  # "TAJ (Traitement d'antécédents judiciaires)"
            words = _WORD.findall(inside)
            got = long_form(before[-1], words)
            if got and len(got) >= 2:
                # from the first word that opens the acronym to the end of the brackets: what follows
                # in them glosses the same thing ("- anciens STIC et JUDEX")
                start = len(words) - len(got)
                first = next((k for k in range(start + 1) if words[k][:1].lower() == before[-1][:1].lower()), start)
                out[before[-1]] = " ".join(words[first:])
    return out


def glossed(query: str) -> list[tuple[int, int]]:
    """The spans of ``query`` inside brackets that define the acronym before them ("SIS (Système
    d'information Schengen ou Fichier Schengen)"): the names written there restate the acronym."""
    spans = []
    for m in _PAREN.finditer(query):
        before = [_bare(w) for w in _WORD.findall(query[max(0, m.start() - 40):m.start()])[-1:]]  # the word before
        got = long_form(before[-1], _WORD.findall(m.group(1))) if before and is_acronym(before[-1]) else None
        if got and len(got) >= 2:
            spans.append((m.start(1), m.end(1)))
    return spans


def unglossed(query: str) -> str:
    """``query`` without what its brackets spell out: the acronym stands for it."""
    for a, b in reversed(glossed(query)):
        query = query[:a] + query[b:]
    return query
