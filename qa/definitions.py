"""Definition questions ("Qu'est-ce que l'AME ?", "SIS : c'est quoi ?", "What is a PIA?") and the
sentences that answer them: those that say what the term is ("Le SIS est un fichier européen…"),
rather than any sentence that merely names it."""
from __future__ import annotations

import re
from functools import lru_cache

from .text import STOP_WORDS, fold, stem, words

_DET = r"(?:(?:un|une|le|la|les|des|du|a|an|the) |l')?"
_ASKS = [re.compile(p) for p in (
    rf"^qu'est[- ]ce qu(?:e |')(?:c'est (?:qu'|que )?)?{_DET}(?P<t>[^?]+?)\s*\?*$",
    rf"^(?:c'est quoi,?|que (?:signifie|veut dire|designe)|definition d[eu']|define|what does) ?{_DET}"
    rf"(?P<t>[^?]+?)(?: mean)?\s*\?*$",
    rf"^(?:[^:?]+: )?{_DET}(?P<t>[^?:,]+?)\s*[:,]\s*"
    rf"(?:c'est quoi|qu'est[- ]ce que c'est|de quoi s'agit[- ]il|what is it)\s*\?*$",
    rf"^what (?:is|are) (?:a|an) (?P<t>[^?]+?)\s*\?*$",
)]
_WHAT_NAME = re.compile(r"^(?i:what(?:'s| is| are) (?:the |a |an )?)(?P<t>[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})\s*\?*$")
# "… appelé droit des neutres", "des émissions populaires, comme The Tonight Show": a name given,
# or a kind and its examples (Hearst's patterns), say what the term is too.
_NAMED = r"(?:appele|appelee|appeles|appelees|nomme|nommee|denomme|denommee|surnomme|surnommee|" \
         r"(?:connu|connue|designe|designee) sous le nom d[e']|called|known as|named)"
_SUCH_AS = r"(?:comme|tel que|telle que|tels que|telles que|notamment|such as|including)"
# A term whose head asks for a value asks a fact ("C'est quoi le montant de l'investissement ?"),
# and one that holds a verb is a clause ("Qu'est-ce que les investisseurs attendaient ?").
_VALUE_NOUNS = frozenset("montant valorisation part prix cout total nombre somme date duree delai taux pourcentage "
                         "chiffre niveau age taille".split())
_AUXILIARIES = frozenset("a ont est sont était étaient avait avaient fait font peut peuvent doit doivent va vont "
                         "sera seront".split())
_COPULA = re.compile(r"[\s,]*(?:(?:n'|ne )?(?:est|sont|etait|designe|designent|consiste|consistent|correspond|"
                     r"correspondent|represente|representent|constitue|constituent)|is|are|means|refers)\b")


@lru_cache(maxsize=4096)
def defined_terms(question: str) -> tuple[str, ...]:
    """The folded term a definition question asks about, and the acronym or name in its
    parentheses ("sis (système d'information schengen…)" -> "sis", "systeme d'information
    schengen…"); empty for other questions."""
    named = _WHAT_NAME.match(question.strip())
    if named:  # "What is Azure?": the name itself, which "What is the total amount?" is not
        return (fold(named.group("t")),)
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


def _stems(text: str) -> list[str]:
    return [stem(w) for w in words(text) if len(w) >= 3 and w not in STOP_WORDS]


def _mentions(text: str, term: list[str]) -> bool:
    """``text`` names the term: its head word and two thirds of its words ("Les logements soumis à
    la loi de 1948" for "logement soumis au régime de la loi de 1948")."""
    have = set(_stems(text))
    return bool(term) and term[0] in have and 3 * sum(t in have for t in term) >= 2 * len(term)


def presents(sentence: str, before: str, section: str, terms: tuple[str, ...], continues: bool) -> bool:
    """The sentence is about one of ``terms``, as a definition must be: it says what it is
    (``defines``), opens on it ("L'audition libre est…", "Les logements soumis à la loi de 1948
    sont…"), puts a description beside it ("sur Azure, la plateforme cloud de Microsoft", "un
    Terminator (un cyborg tueur)"), names it ("appelé récépissé") or gives it as an example
    ("des émissions populaires, comme The Tonight Show"), stands under a heading that names it, or
    goes on (``continues``: "Ce document vous permet…") from a sentence that presents it (``before``)."""
    if defines(sentence, terms) or (continues and presents(before, "", "", terms, False)):
        return True
    s = fold(sentence)
    for t in terms:
        term = _stems(t)
        # "… du RGPD : les traitements à grande échelle sont des traitements qui …"
        plural = r"\W+".join(rf"{re.escape(w)}(?:s|x)?" for w in t.split())
        if re.search(rf"(?<!\w){plural}(?!\w){_COPULA.pattern}", s):
            return True
        if _mentions(section, term):
            return True
        if not _mentions(sentence, term):
            continue
        opening = _stems(sentence)[:len(term) + 2]  # "Les logements soumis à la loi de 1948 sont…"
        if opening[:1] == term[:1] and 3 * sum(w in opening for w in term) >= 2 * len(term):
            return True
        e, head = re.escape(t), re.escape(t.split()[0])
        if re.search(rf"(?<!\w){e}\s*(?:\([^()]*\)\s*)?,\s*(?:un|une|le|la|les|l'|the|a|an)\b", s) or \
                re.search(rf"(?<!\w){e}\s*\(|\(\s*{_DET}{e}\s*\)", s) or \
                re.search(rf"\b{_NAMED}\s+{_DET}{head}(?!\w)", s) or \
                re.search(rf"\b{_SUCH_AS}\s+{_DET}{plural}(?!\w)", s):
            return True
        # "sur Azure, la plateforme cloud de Microsoft": the description after a name
        if any(re.match(r".*\b[A-Z][\w-]*$", sentence[:m.start()])
               for m in re.finditer(rf",\s*{_DET}{plural}(?!\w)", s)):
            return True
    return False


def asks_definition(question: str) -> tuple[str, ...]:
    """The terms of a question that asks what something is ("Qu'est-ce qu'un récépissé ?", "Le
    droit d'accès, c'est quoi ?", "What is Azure?"), which only a sentence that ``presents`` them
    answers; empty for a question about a word's meaning ("Que signifie rex ?": the text explains
    it many ways), for a value ("C'est quoi la valorisation d'Anthropic ?") or a clause
    ("Qu'est-ce que les dirigeants ont indiqué ?")."""
    terms = tuple(t for t in defined_terms(question) if len(t.split()) <= 8)
    q = fold(question)
    if not terms or re.search(r"\b(?:signifie|veut dire|designe|definition|define|mean)\b", q):
        return ()
    first = terms[0].split()
    if first[0] in _VALUE_NOUNS:
        return ()
    later = set(first[1:])  # as written: "à" of "traitement à grande échelle" is no "a"
    if any((fold(w) in first and w in _AUXILIARIES) or (fold(w) in later and re.search(r"(?:ait|aient)$", w))
           for w in re.findall(r"[^\W\d_]+", question.lower())):
        return ()
    return terms
