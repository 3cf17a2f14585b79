"""A "Non" read from what the documents forbid or do not require, and a "Oui" from what they allow
or require in the question's own terms: "Le mandataire peut-il clôturer
le compte ?" of "Le mandataire ne peut pas clôturer le compte du titulaire". Only a "Non", and only
when the denial bears on the same actor, the same verb and the same things as the question, with
nothing that narrows it ("sauf", "mais", "plus de", "sans"): a denial of something else, or for
someone else, decides nothing (a review found "Non" for "Le locataire peut-il résilier le bail ?"
of "Le bailleur ne peut pas résilier le bail" under a looser rule)."""
from __future__ import annotations

import re

from ..text import STOP_WORDS, fold, stem, words

# The modal the question asks with, and the verb right after it (pronouns between):
# "peut-elle le clôturer", "est-il obligé d'accepter", "doit-il me prévenir".
_ASKED = re.compile(r"\b(?P<modal>peut|peuvent|puis|peux|pouvez|pourra|pourrait|pourront|doit|doivent|dois|devez|"
                    r"faut|est|sont|a|ont)(?:-t)?(?:-(?:il|elle|ils|elles|on|je|vous|nous|tu))?\s+"
                    r"(?:(?:oblige|obligee|obliges|obligees|tenu|tenue|tenus|tenues|autorise|autorisee|autorises|"
                    r"le droit)\s+(?:de\s+|d'))?(?:(?:le|la|les|l'|se|s'|y|en|me|m'|te|t'|nous|vous|lui|leur)\s*)*"
                    r"(?P<verb>[a-z]{3,}(?:er|ir|re|oir))\b")
_MUST_WORDS = frozenset("doit doivent dois devez faut".split())
# The same modal, denied; the verb follows within a few words.
_MAY_NOT = re.compile(r"\b(?:ne|n') ?(?:peut|peuvent|pouvez|peux|pourra|pourront|pourrait) (?:pas|jamais|plus)\b|"
                      r"\bil est (?:strictement |formellement )?interdit (?:de|d')|"
                      r"\bn'(?:est|sont) pas (?:autorise|autorisee|autorises|permis) (?:a|de|d')")
_MUST_NOT = re.compile(r"\bn'(?:a|ont) (?:pas|aucune) (?:l'|d')?obligation(?: legale)? (?:de|d')|"
                       r"\bn'(?:est|sont) pas (?:oblige|obligee|obliges|tenu|tenue|tenus) (?:de|d')|"
                       r"\bn'(?:est|sont) pas oblige\w* (?:de|d')|\bne (?:doit|doivent) pas\b")
# What narrows a denial to some cases: then it answers no flat "Non".
_NARROWS = re.compile(r"\b(?:sauf|mais|sans|seulement|uniquement|excepte|hormis|plus de|moins de|au-dela|au dela|"
                      r"que|qu'|si|lorsque|lorsqu'|avant|apres|pendant|tant)\b")
# (and the "eux-mêmes", "soi-même" that only stress who acts)
_PRONOUN_SUBJECTS = frozenset("on je tu il elle ils elles nous vous eux soi moi toi lui meme memes".split())
# A thing refused in the passive: "Les espèces ne sont pas acceptées", "Le brûlage des déchets verts
# est interdit". What is refused is the subject before it.
_REFUSED = re.compile(r"\b(?:ne |n')?(?:est|sont) (?:pas )?(?:strictement |formellement |expressement )?"
                      r"(?:interdit|accepte|admis|autorise|permis|tolere)\w*")
SCOPE_WORDS = 8  # a clause: the verb and its object follow the denial closely ("ne peut pas clôturer le compte")


def _same(a: str, b: str) -> bool:
    return stem(a) == stem(b) or (len(a) >= 6 and len(b) >= 6 and a[:6] == b[:6])


def _content(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOP_WORDS and len(w) > 2 and w not in _PRONOUN_SUBJECTS]


# Whether a thing is allowed: "Les shorts de bain sont-ils autorisés au club ?"
_ALLOWED = re.compile(r"\b(?:est|sont)-(?:il|elle|ils|elles) (?:autorise|permis|accepte|admis|tolere)\w*")


def denied(question: str, sentence: str) -> bool:
    """The question asks whether its subject may (or must) <verb> <things>, and the sentence says
    that the same subject may not (need not) <verb> the same things, without narrowing it; or
    whether things are allowed, and the sentence refuses those things."""
    q = fold(question)
    allowed = _ALLOWED.search(q)
    things = _content(q[:allowed.start()]) if allowed else []
    if things:  # "Les shorts de bain sont interdits" refuses "shorts de bain", but "interdits sur
        # la plage" says nothing of the park: what follows the refusal must be what the question asks
        s = fold(sentence)
        asked = _content(q)
        return _refused(None, things, s) and all(
            any(_same(w, a) for a in asked) for d in _REFUSED.finditer(s)
            for w in _content(re.split(r"[.;:,]", s[d.end():], maxsplit=1)[0]))
    m = _ASKED.search(q)
    if not m:
        return _not_done(q, fold(sentence))
    pattern = _MUST_NOT if m.group("modal") in _MUST_WORDS or re.search(r"\b(?:oblige|tenu)", m.group()) else _MAY_NOT
    subject = _content(q[:m.start()])
    objects = _content(q[m.end():])
    s = fold(sentence)
    for d in pattern.finditer(s):
        clause_start = max(s.rfind(c, 0, d.start()) for c in ".;:")
        before, after = s[clause_start + 1:d.start()], s[d.end():]
        scope = words(after)[:SCOPE_WORDS]
        if _NARROWS.search(before) or _NARROWS.search(" ".join(scope)):
            continue
        if not any(_same(m.group("verb"), w) for w in scope[:3]):
            continue  # another action
        if not all(any(_same(o, w) for w in scope) for o in objects):
            continue  # other things: "payer par chèque" is not "payer par virement"
        # someone else: "Le bailleur ne peut pas…" for "Le locataire peut-il… ?"; "Il est interdit
        # d'installer soi-même des logiciels" forbids it to anyone, unless it names for whom or what
        # else ("… de vendre de l'alcool aux mineurs", "Pour les mineurs : il est interdit…")
        if d.group().startswith("il est"):
            clause = re.split(r"[.;:,]", s[d.end():], maxsplit=1)[0]
            if _content(s[:d.start()]) or not all(any(_same(w, a) for a in [m.group("verb"), *objects])
                                                   for w in _content(clause)):
                continue
        elif subject and not any(_same(a, w) for a in subject for w in words(before)):
            continue
        return True
    # the things, not where: "payer en espèces à la maison de santé" refuses "espèces"
    things = _content(re.split(r"\b(?:a|au|aux|dans|chez|sur)\b", q[m.end():])[0])
    return pattern is _MAY_NOT and bool(things) and _refused(m.group("verb"), things, s)


# "La médiathèque applique-t-elle des amendes de retard ?": a subject, a verb asked in inversion
_INVERTED = re.compile(r"^\W*(?:est-ce qu(?:e |'))?(?P<subject>.*?)\b(?P<verb>[a-z]{3,})-(?:t-)?(?:il|elle|ils|elles|on)\b"
                       r"(?P<rest>[^?]*)")
_NOT_VERB = re.compile(r"\b(?:ne |n')(?P<verb>[a-z]{3,}) (?:pas|jamais|plus|aucun\w*)\b")


def _not_done(q: str, s: str) -> bool:
    """The sentence says that the question's subject does not do the very thing asked: "La
    médiathèque n'applique pas d'amende de retard" for "… applique-t-elle des amendes de retard ?"
    (a new user's trial: the quote, no verdict). The same verb, the same things after it, the
    subject before it, nothing that narrows it."""
    m = _INVERTED.match(q)
    if not m:
        return False
    subject, objects = _content(m.group("subject")), _content(m.group("rest"))
    for d in _NOT_VERB.finditer(s):
        clause_start = max(s.rfind(c, 0, d.start()) for c in ".;:")
        # its clause: ", car elle souhaite que…" gives the reason, it narrows nothing
        before, scope = s[clause_start + 1:d.start()], words(re.split(r"[,;.]", s[d.end():], maxsplit=1)[0])[:SCOPE_WORDS]
        if _same(d.group("verb"), m.group("verb")) and objects and subject and \
                all(any(_same(o, w) for w in scope) for o in objects) and \
                all(any(_same(a, w) for w in words(before)) for a in subject) and \
                not _NARROWS.search(before) and not _NARROWS.search(" ".join(scope)):
            return True
    return False


def _refused(verb: str | None, objects: list[str], s: str) -> bool:
    """The things the question asks about are refused in the passive, whole: "Les espèces ne sont
    pas acceptées" for "Peut-on payer en espèces ?", "Le brûlage des déchets verts est interdit"
    for "Peut-on brûler les déchets verts ?" (the verb's own noun before them)."""
    for d in _REFUSED.finditer(s):
        refused = d.group()
        if ("interdit" not in refused) == (" pas " not in f" {refused} "):
            continue  # "est interdit" or "n'est pas accepté"; not "est accepté" nor "n'est pas interdit"
        clause_start = max(s.rfind(c, 0, d.start()) for c in ".;:,")
        before = _content(s[clause_start + 1:d.start()])
        if _NARROWS.search(s[clause_start + 1:d.start()]) or _NARROWS.search(" ".join(words(s[d.end():])[:SCOPE_WORDS])):
            continue
        if not all(any(_same(o, w) for w in before) for o in objects):
            continue
        if all(any(_same(w, o) for o in objects) for w in before) or verb and any(w[:4] == verb[:4] for w in before):
            return True
    return False


# The same modal, said: "Le patient peut refuser…", "Le locataire doit payer…", "Il est obligé de…".
_MAY_SAID = re.compile(r"\b(?:peut|peuvent|pouvez|peux|pourra|pourront)\b")
_MUST_SAID = re.compile(r"\b(?:doit|doivent|devez|dois|faut)\b|\b(?:est|sont) (?:oblige|tenu)\w*")
# What makes a "may" or a "must" someone else's, or only in part: "Le propriétaire doit payer la
# taxe, et non le locataire", "Seul le médecin peut refuser…".
_OTHERS_ONLY = re.compile(r"\b(?:et non|mais pas|seule?s?|uniquement|seulement|sauf|excepte|hormis|a l'exception)\b")


def affirmed(question: str, sentence: str) -> bool:
    """The question asks whether its subject may (or must) <verb> <things>, and the sentence, with
    no negation, says that the same subject, before the same modal, may (must) <verb> the same
    things, for no one else only: "Le patient peut refuser la présence d'un interne pendant sa
    consultation." for "Est-ce que le patient peut refuser la présence d'un interne ?"."""
    q, s = fold(question), fold(sentence)
    m = _ASKED.search(q)
    if not m or m.group("modal") not in _MODALS or _OTHERS_ONLY.search(s) or re.search(r"\b(?:ne|n'|pas|not|jamais)\b", s):
        return False
    said = _MUST_SAID if m.group("modal") in _MUST_WORDS or re.search(r"\b(?:oblige|tenu)", m.group()) else _MAY_SAID
    subject, objects = _content(q[:m.start()]), _content(q[m.end():])
    for d in said.finditer(s):
        clause_start = max(s.rfind(c, 0, d.start()) for c in ".;:")
        before, scope = s[clause_start + 1:d.start()], words(s[d.end():])[:SCOPE_WORDS]
        if not any(_same(m.group("verb"), w) for w in scope[:3]):
            continue
        if all(any(_same(o, w) for w in scope) for o in objects) and \
                all(any(_same(a, w) for w in words(before)) for a in subject):
            return True
    return False


_MODALS = frozenset("peut peuvent puis peux pouvez pourra pourront doit doivent dois devez faut".split())
