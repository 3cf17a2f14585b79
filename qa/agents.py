"""Who did it: the agent of a passive verb ("fondée en 2021 par d'anciens employés d'OpenAI",
"Les sanctions sont prononcées par la formation restreinte") for "Qui a fondé… ?", "Qui prononce… ?"."""
from __future__ import annotations

import re
from collections.abc import Iterable

from .roles import PERSON
from .text import STOP_WORDS, fold, stem, unlabelled, words

# The agent ends at the next comma, full stop or relative pronoun: what follows is about it, not it.
# "par voie électronique", "par exemple" say how, not who.
_AGENT = re.compile(r"\bpar (?!voie\b|exemple\b|ailleurs\b|courrier\b|mail\b|e-mail\b|telephone\b|téléphone\b|"
                    r"internet\b|an\b|mois\b|jour\b|personne\b|defaut\b|défaut\b)"
                    r"((?:d'|des |les |le |la |l'|un |une )?[^,;:.()]{2,80}?)(?=\s*(?:[,;:.()]|$| qui | et (?:a|ont|se|s')\b))")
# An agent named by its role ("sa gérante", "le maire") that a name follows.
_ROLE_ONLY = re.compile(r"(?:son|sa|ses|leur|leurs|le|la|les|l'|un|une)\s*[a-zà-ÿ' -]+$")
_NAMED_AFTER = re.compile(rf"\s*,\s*({PERSON})")
# "Qui …", "Par qui …", "By whom …": the question asks who did it ("À qui …" asks someone else).
_BY_WHOM = re.compile(r"\W*(?:(?:par|by) )?(?:qui|who|whom)\b")


def agent(sentence: str, query: str, names: Iterable[str] = ()) -> str | None:
    """For "Qui a <verbe> … ?": who did it, when the sentence says "<verbe>… par <quelqu'un>"
    with the question's verb (same stem) shortly before "par"."""
    if not _BY_WHOM.match(fold(unlabelled(query))):  # "Préventel : qui peut le consulter ?"
        return None
    verbs = {stem(w) for w in words(query) if len(w) >= 4} - {stem(n) for n in names}
    # "Qui a fondé OpenAI ?" is not answered by "d'anciens employés d'OpenAI": the agent belongs to
    # the name asked about (but "le GIE Préventel" is Préventel's own)
    of_asked = [re.compile(rf"\b(?:de|d'|du|des)\s*{re.escape(fold(n))}\b") for n in names]
    found = list(_AGENT.finditer(sentence))
    asked = {stem(w) for w in words(query) if len(w) >= 4 and w not in STOP_WORDS}  # names too
    for i, m in enumerate(found):
        if any(p.search(fold(m.group(1))) for p in of_asked):
            continue
        before = words(sentence[max(0, m.start() - 60):m.start()])[-6:]
        used = {v for v in verbs if any(stem(w) == v or (len(w) >= 6 and v[:5] == w[:5]) for w in before)}
        if used and _acts_on_another(sentence, m.start(), asked - used, used):
            continue
        if used:
            groups = _groups(sentence, found[i:])
            chosen = _for_group(sentence, groups, query)
            if chosen is None and sum(g is not None for _, g in groups) >= 2:
                return None  # one agent per group, and the question names none: the quote shows them all
            m = chosen or m
            # "représentée par sa gérante, Mme Claire Fontaine": the role, then who holds it
            named = _NAMED_AFTER.match(sentence, m.end()) if _ROLE_ONLY.match(m.group(1)) else None
            return f"{m.group(1).strip()}, {named.group(1)}" if named else m.group(1).strip()
    return None


_PRONOUN = re.compile(r"\W*(?:il|elle|ils|elles|ce|cet|cette|ces|celui|celle|it|they|he|she)\b", re.I)


def _acts_on_another(sentence: str, at: int, things: set[str], verb: set[str]) -> bool:
    """The agent at ``at`` acts on another thing than the question's (``things``, the stems of its
    words but the ``verb`` the sentence uses): the clause before it names things the question
    does not ("L'orchestre junior, dirigé par Thomas Girardin" for "Qui dirige l'école de musique
    Arpège ?"), and the sentence names none of the question's things. A pronoun subject ("Il est
    organisé par…") may stand for them."""
    clause = sentence[max(sentence.rfind(c, 0, at) for c in ".;") + 1:at]
    if _PRONOUN.match(clause):
        return False
    own = {stem(w) for w in words(clause) if len(w) >= 4 and w not in STOP_WORDS and not w.isdigit()} - verb
    return bool(own - things) and not things & {stem(w) for w in words(sentence)}


_FOR = re.compile(r"\bpour (?:les |le |la |l'|un |une |des )?([^,;:.()]{2,60})")


def _groups(sentence: str, agents: list[re.Match]) -> list[tuple[re.Match, re.Match | None]]:
    """Each agent with the "pour <groupe>" it acts for, up to the next agent ("par le chef d'équipe
    pour les compagnons…, et par Mme Isabelle Durand… pour le personnel de bureau")."""
    ends = [a.start() for a in agents[1:]] + [len(sentence)]
    return [(m, _FOR.search(sentence, m.start(), end)) for m, end in zip(agents, ends, strict=True)]


def _for_group(sentence: str, groups: list[tuple[re.Match, re.Match | None]], query: str) -> re.Match | None:
    """Of agents that act each for a group, the one whose group the question names."""
    # the question's words that name a group, not the action and things the sentence opens with
    said = {stem(w) for w in words(sentence[:groups[0][0].start()])}
    asked = {stem(w) for w in words(query) if len(w) >= 4} - said
    return next((m for m, group in groups
                 if group and {stem(w) for w in words(group.group(1)) if len(w) >= 4} & asked), None)
