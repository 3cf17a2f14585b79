"""Who holds a role: "Qui est le trésorier du club ?" of "Le trésorier est M. Karim Benali et la
secrétaire générale est Mme Sophie Delorme", "sous la présidence de la directrice, Mme Nadia
Bouzid", "Mme Élodie Garnier, enseignante de CM2, a été nommée directrice adjointe". The name
next to the role asked leads; the other names of the sentence hold other roles (and no one holds
a "vice-président" the sentence does not name: qa/compounds.py)."""
from __future__ import annotations

import re
from collections.abc import Callable, Collection

from .text import STOP_WORDS, fold, words

# "Qui est le trésorier du club ?", "Qui a été nommée directrice adjointe ?", "Who is the president?"
_ASKS = re.compile(r"^\W*(?:qui|who)\s+(?:est|sont|etait|sera|is|was|will be|"
                   r"a ete (?:nomme|elu|designe|choisi|recrute)e?s?|has been (?:appointed|elected|named))\s+"
                   r"(?:(?:les|le|la|the|son|sa|leur)\s+|l')?([a-z][a-z' -]{1,40}?)"
                   r"(?:\s+(?:du|de la|de l'|des|de|d'|of|at|in|au|a|pour)\s.*)?\s*\?*$")
# A person's name, with the title French texts put before it: "M. Karim Benali", "Maître Antoine Roussel".
_TITLE = r"(?:M\.|Mme|Mlle|Me|Maître|Dr|Pr|Mr\.?|Mrs\.?|Ms\.?)"
# (on one line: "Président : Bernard Coulon" over "Trésorier : …" names no "Bernard Coulon Trésorier")
PERSON = rf"(?:{_TITLE}[ \t]+)?[A-ZÀ-ÖØ-Þ][\w'-]+(?:[ \t]+(?:de[ \t]+|du[ \t]+)?[A-ZÀ-ÖØ-Þ][\w'-]+){{0,3}}"
_TITLED = re.compile(rf"{_TITLE}\s")


# A role named after what its holder does: "fondateur" of "fondée", "présidente" of "présidé",
# "créateur" of "créée", "gérant" of "gère"; the deed's forms (folded) that say so.
_AGENT_SUFFIX = re.compile(r"(?:atrices?|ateurs?|eurs?|euses?|rices?|entes?|ents?|antes?|ants?)$")
_DEED_ENDINGS = ("er", "e", "es", "ee", "ees", "a", "ait", "ent", "ant", "ation")


# Adjectives French puts before a role's noun ("l'actuel président", "la nouvelle directrice"):
# the noun after them is the role.
_BEFORE_NOUN = frozenset({"actuel", "actuelle", "nouveau", "nouvel", "nouvelle", "ancien", "ancienne",
                          "futur", "future", "premier", "premiere", "prochain", "prochaine", "seul", "seule",
                          "current", "new", "former", "next", "first"})


def role_written(role: str, known: Callable[[str], bool], vocabulary: Collection[str]) -> bool:
    """The documents name the role asked, or the deed it is named after: "fondateur" is written
    where a text says "fondée par", "président" where it says "présidé"; "trésorier" nowhere in a
    school's rules. The role's noun must be written: "général" does not make a "trésorier général"
    of a text that names a "directeur général"; "l'actuel président" is a "président"."""
    content = [w for w in words(role) if w not in STOP_WORDS and len(w) >= 3]
    noun = next((w for w in content if w not in _BEFORE_NOUN), None)
    if noun is None:
        return True
    root = _AGENT_SUFFIX.sub("", noun)
    return known(noun) or root != noun and len(root) >= 3 and any(root + end in vocabulary for end in _DEED_ENDINGS)


def asked_role(query: str) -> str | None:
    """The role a question asks the holder of, folded ("tresorier", "directrice adjointe")."""
    m = _ASKS.match(fold(query).strip())
    return m.group(1).strip() if m else None


# "Qui préside le conseil syndical ?": the role is named after the deed ("président")
_DOES = re.compile(r"^\W*qui\s+([a-z]{5,})\s+(?:le|la|les|l'|un|une|son|sa)\b")


def _named_after(deed: str) -> str:
    """The start of a role named after ``deed`` (folded), all but the verb's ending: "presid" of
    "preside"; a verb in -iger names its doer in -ecteur ("dirige" / "directrice", "corrige" /
    "correcteur")."""
    stem = deed[:max(5, len(deed) - 2)]
    latin = re.sub(r"ig(e\w*)?$", "ect", deed) if re.search(r"ig(e\w*)?$", deed) else None
    return rf"(?:{re.escape(stem)}{'|' + re.escape(latin) if latin else ''})\w*"


def holder(sentence: str, query: str) -> str | None:
    """The person the sentence names for the role asked: right after it ("Le trésorier est M.
    Karim Benali", "la directrice, Mme Nadia Bouzid", "Président du conseil syndical : Hélène
    Garnier" for "Qui préside le conseil syndical ?") or right before it ("Mme Élodie Garnier,
    enseignante de CM2, a été nommée directrice adjointe"). Only a titled or two-word name."""
    role = asked_role(query)
    deed = None if role else _DOES.match(fold(query).strip())
    if not role and not deed:
        return None
    # a role named after the deed shares its first letters, all but the verb's ending; a role
    # asked of either gender ("la présidente") is the same role ("Président :")
    pattern = rf"{re.escape(re.sub(r'(?:es|e|s)$', '', role))}(?:e|es|s)?" if role else _named_after(deed.group(1))
    folded = fold(sentence)  # same offsets as ``sentence``
    asked = set(words(query))
    asked_of = fold(query).split(role, 1)[-1] if role else fold(query)[deed.end():]
    whose = set(words(asked_of)) - STOP_WORDS  # what the question says the role is of: "du club"
    for m in re.finditer(rf"(?<![\w-]){pattern}(?![\w-])", folded):
        if deed and not _AGENT_SUFFIX.search(m.group()):  # "composée" is the deed, not who does it
            continue
        # "Président de l'association : Bernard Coulon": what the role is of, as the question says it
        # (or anything, where the question does not say)
        after = re.match(rf"(\s+(?:du|de la|de l['’]|des|de|d['’])\s*[\w'’ -]{{1,40}}?)?\s*(?:est|sont|etait|sera|:|,)"
                         rf"\s*({PERSON})", sentence[m.end():])
        if after and _named(after.group(2)) and (not whose or set(words(after.group(1) or "")) - STOP_WORDS <= asked) \
                and not _of_another(sentence, after.group(2), query):
            return after.group(2)
        before = re.search(rf"({PERSON})(?:\s*,[^,.;]{{0,60}},)?\s*(?:,|est|a ete|a été|ont été|sont)?\s*"
                           rf"(?:(?:nommée?s?|élue?s?|désignée?s?|devenue?s?|choisie?s?)\s+)?(?:le |la |l')?$",
                           sentence[max(0, m.start() - 120):m.start()])
        if before and _named(before.group(1)) and not _of_another(sentence, before.group(1), query):
            return before.group(1)
    return None


_CAPITALISED = re.compile(r"(?<=[\w,;:)’'] )[A-ZÀ-ÖØ-Þ][\w-]+")
# A name something belongs to: "Chez Microsoft", "directeur général de Microsoft" (not "au Conseil
# municipal", "en Californie")
_OWNER = re.compile(r"\b(?:[Cc]hez|de|du|d['’])\s*([A-ZÀ-ÖØ-Þ][\w-]+)")


def _of_another(sentence: str, person: str, query: str) -> bool:
    """The question asks the role of a name ("directeur général de Nvidia") the sentence does not
    write, while it names another ("Chez Microsoft, le directeur général est Satya Nadella")."""
    asked = {fold(n) for n in _CAPITALISED.findall(query)}
    if not asked or any(a in fold(sentence) for a in asked):  # "Saint-Aubin-sur-Loire" whole
        return False
    others = {fold(n) for n in _OWNER.findall(sentence)} - set(words(person))
    return bool(others)


def _named(name: str) -> bool:
    """A person's name rather than a capitalised word: a title, or two capitalised words, the first
    no word such as "Chez" or "Selon" that opens a sentence."""
    return bool(_TITLED.match(name)) or len(name.split()) >= 2 and fold(name.split()[0]) not in STOP_WORDS
