"""A "Non" read from what the documents forbid or do not require: "La personne qui a une procuration
sur mon compte peut-elle le clôturer ?" of "Le mandataire ne peut pas clôturer le compte", "Mon
employeur est-il obligé d'accepter… ?" of "L'employeur n'a pas l'obligation légale d'accorder ce
congé". Only a "Non": a sentence that allows something seldom says that whoever is asked about may."""
from __future__ import annotations

import re

from ..text import analyze, fold, words

# What the question asks: may it be done, or must it be done.
_MAY = re.compile(r"\b(?:peut|peuvent|puis|peux|pouvez|pourra|pourrait|pourront|can|could|may)(?:-[a-z]+)*\b|"
                  r"\b(?:le|the) (?:droit|right)\b|\b(?:autorise|permis|allowed|permitted|possible)\b")
_MUST = re.compile(r"\b(?:doit|doivent|dois|devez|faut|must|have to|has to|need to|needs to)(?:-[a-z]+)*\b|"
                   r"\b(?:oblige|obligee|obliges|obligees|tenu|tenue|tenus|obligatoire|required|obliged|compulsory)\b")
# The same, denied by the sentence; the words after it say what is denied.
_MAY_NOT = re.compile(r"\b(?:ne|n') ?(?:peut|peuvent|pouvez|pourra|pourront|pourrait)(?: \w+)? (?:pas|jamais|plus)\b|"
                      r"\b(?:est|sont) (?:strictement |expressement |formellement )?interdit|\binterdit(?:e|s|es)? de\b|"
                      r"\bn'(?:est|sont) pas (?:autorise|permis|possible)\w*|\b(?:cannot|can't|may not|not allowed|"
                      r"forbidden|prohibited)\b")
_MUST_NOT = re.compile(r"\bn'(?:a|ont|est|sont) (?:pas|aucune?) (?:l'|d')?(?:obligation|oblige|tenu|obligatoire)\w*|"
                       r"\b(?:aucune|pas d') ?obligation\b|\bn'(?:est|sont) pas (?:necessaire|requis|exige)\w*|"
                       r"\bpas obligatoire\b|\b(?:not required|not obliged|no obligation|does not have to|"
                       r"do not have to|need not)\b")
SCOPE_WORDS = 8  # what a denial bears on: the words right after it


def denied(question: str, sentence: str, asked: set[str]) -> bool:
    """The question asks whether something may (or must) be done, and the sentence denies that it
    may (or must), on words of the question (``asked``: its subject terms) right after the denial."""
    q, s = fold(question), fold(sentence)
    denials = [_MAY_NOT] if _MAY.search(q) else []
    denials += [_MUST_NOT] if _MUST.search(q) else []
    for pattern in denials:
        for m in pattern.finditer(s):
            scope = set(analyze(" ".join(words(s[m.end():])[:SCOPE_WORDS])))
            before = set(analyze(" ".join(words(s[:m.start()])[-SCOPE_WORDS:])))
            # "clôturer le compte" after "ne peut pas"; "La vente de boissons est interdite" before it
            if asked & scope or pattern is _MAY_NOT and m.group().startswith(("est", "sont")) and asked & before:
                return True
    return False
