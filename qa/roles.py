"""Who holds a role: "Qui est le trésorier du club ?" of "Le trésorier est M. Karim Benali et la
secrétaire générale est Mme Sophie Delorme", "sous la présidence de la directrice, Mme Nadia
Bouzid", "Mme Élodie Garnier, enseignante de CM2, a été nommée directrice adjointe". The name
next to the role asked leads; the other names of the sentence hold other roles (and no one holds
a "vice-président" the sentence does not name: qa/compounds.py)."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .text import fold, words

# "Qui est le trésorier du club ?", "Qui a été nommée directrice adjointe ?", "Who is the president?"
_ASKS = re.compile(r"^\W*(?:qui|who)\s+(?:est|sont|etait|sera|is|was|will be|"
                   r"a ete (?:nomme|elu|designe|choisi|recrute)e?s?|has been (?:appointed|elected|named))\s+"
                   r"(?:(?:le|la|les|l'|the|son|sa|leur)\s*)?([a-z][a-z' -]{1,40}?)"
                   r"(?:\s+(?:du|de la|de l'|des|de|d'|of|at|in|au|a|pour)\s.*)?\s*\?*$")
# A person's name, with the title French texts put before it: "M. Karim Benali", "Maître Antoine Roussel".
_TITLE = r"(?:M\.|Mme|Mlle|Me|Maître|Dr|Pr|Mr\.?|Mrs\.?|Ms\.?)"
PERSON = rf"(?:{_TITLE}\s+)?[A-ZÀ-ÖØ-Þ][\w'-]+(?:\s+(?:de\s+|du\s+)?[A-ZÀ-ÖØ-Þ][\w'-]+){{0,3}}"
_TITLED = re.compile(rf"{_TITLE}\s")


# A role named after what its holder does: "fondateur" of "fondée par", "présidente" of "présidé".
_AGENT_SUFFIX = re.compile(r"(?:ateur|atrice|eur|euse|rice|ente?s?|ante?s?|eurs|rices)$")


def role_written(role: str, known: Callable[[str], bool], vocabulary: Iterable[str]) -> bool:
    """The documents name the role asked, or the deed it is named after: "fondateur" is written
    where a text says "fondée par", "président" where it says "présidé"; "trésorier" nowhere in a
    school's rules."""
    head = role.split()[0]
    if known(head):
        return True
    root = _AGENT_SUFFIX.sub("", head)
    return len(root) >= 4 and root != head and any(w.startswith(root) for w in vocabulary)


def asked_role(query: str) -> str | None:
    """The role a question asks the holder of, folded ("tresorier", "directrice adjointe")."""
    m = _ASKS.match(fold(query).strip())
    return m.group(1).strip() if m else None


def holder(sentence: str, query: str) -> str | None:
    """The person the sentence names for the role asked: right after it ("Le trésorier est M.
    Karim Benali", "la directrice, Mme Nadia Bouzid") or right before it ("Mme Élodie Garnier,
    enseignante de CM2, a été nommée directrice adjointe"). Only a titled or two-word name."""
    role = asked_role(query)
    if not role:
        return None
    folded = fold(sentence)  # same offsets as ``sentence``
    asked = set(words(query))
    for m in re.finditer(rf"(?<![\w-]){re.escape(role)}(?![\w-])", folded):
        # "Président de l'association : Bernard Coulon": what the role is of, as the question says it
        after = re.match(rf"(\s+(?:du|de la|de l'|des|de|d')\s*[\w' -]{{1,40}}?)?\s*(?:est|sont|etait|sera|:|,)\s*({PERSON})",
                         sentence[m.end():])
        if after and _named(after.group(2)) and set(words(after.group(1) or "")) <= asked:
            return after.group(2)
        before = re.search(rf"({PERSON})(?:\s*,[^,.;]{{0,60}},)?\s*(?:,|est|a ete|a été|ont été|sont)?\s*"
                           rf"(?:(?:nommée?s?|élue?s?|désignée?s?|devenue?s?|choisie?s?)\s+)?(?:le |la |l')?$",
                           sentence[max(0, m.start() - 120):m.start()])
        if before and _named(before.group(1)):
            return before.group(1)
    return None


def _named(name: str) -> bool:
    """A person's name rather than a capitalised word: a title, or two capitalised words."""
    return bool(_TITLED.match(name)) or len(name.split()) >= 2
