"""Definition questions ("Qu'est-ce que l'AME ?", "SIS : c'est quoi ?", "What is a PIA?") and the
sentences that answer them: those that say what the term is ("Le SIS est un fichier européen…"),
rather than any sentence that merely names it."""
from __future__ import annotations

import re
from functools import lru_cache

from .text import fold

_DET = r"(?:(?:un|une|le|la|les|des|du|a|an|the) |l')?"
_ASKS = [re.compile(p) for p in (
    rf"^qu'est[- ]ce qu(?:e |')(?:c'est (?:qu'|que )?)?{_DET}(?P<t>[^?]+?)\s*\?*$",
    rf"^(?:c'est quoi|que (?:signifie|veut dire|designe)|definition d[eu']|define|what does) ?{_DET}(?P<t>[^?]+?)(?: mean)?\s*\?*$",
    rf"^(?:[^:?]+: )?{_DET}(?P<t>[^?:,]+?)\s*[:,]\s*(?:c'est quoi|qu'est[- ]ce que c'est|de quoi s'agit[- ]il|what is it)\s*\?*$",
    rf"^what (?:is|are) (?:a|an) (?P<t>[^?]+?)\s*\?*$",
)]
_COPULA = re.compile(r"[\s,]*(?:(?:n'|ne )?(?:est|sont|etait|designe|designent|consiste|consistent|correspond|"
                     r"correspondent|represente|representent|constitue|constituent)|is|are|means|refers)\b")


@lru_cache(maxsize=4096)
def defined_terms(question: str) -> tuple[str, ...]:
    """The folded term a definition question asks about, and the acronym or name in its
    parentheses ("sis (système d'information schengen…)" -> "sis", "systeme d'information
    schengen…"); empty for other questions."""
    q = re.sub(r"\s+", " ", fold(question)).strip()
    for pattern in _ASKS:
        m = pattern.match(q)
        if m:
            term = m.group("t").strip(" '\"«»")
            inside = re.findall(r"\(([^()]{1,80})\)", term)
            main = re.sub(r"\s*\([^()]*\)", "", term).strip()
            return tuple(t for t in dict.fromkeys([main, *inside]) if 1 < len(t) <= 80)
    return ()


def defines(sentence: str, terms: tuple[str, ...]) -> bool:
    """The sentence says what one of ``terms`` is: the term near its start, then "est", "désigne"…
    (a parenthesis between them allowed: "L'aide médicale de l'État (AME) est un dispositif")."""
    s = fold(sentence)
    for t in terms:
        m = re.search(rf"(?<!\w){re.escape(t)}(?!\w)", s[:60 + len(t)])
        if m and m.start() <= 40:
            rest = re.sub(r"^\s*\([^()]*\)", "", s[m.end():m.end() + 120])
            if _COPULA.match(rest):
                return True
    return False
