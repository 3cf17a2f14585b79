"""Whose figure: in "Nvidia a prévu d'investir 10 milliards de dollars et Microsoft 5 milliards",
the 5 billion are Microsoft's, the name written nearest before them. A short answer that belongs
to a name the question does not ask about must not lead the reply as if it were the answer."""
from __future__ import annotations

import re
from collections.abc import Iterable

from .text import STOP_WORDS, fold, words

# A capitalised word inside a sentence (not the one that opens it): what the sentence names.
_NAME = re.compile(r"(?<!^)(?<![.!?] )(?<![\n#] )(?<!\n)\b[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)*")
_FIRST = re.compile(r"\W*([A-ZÀ-Ý][\w-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)*)")


def _similar(word: str, found: set[str]) -> bool:
    return word in found or (len(word) >= 5 and any(f[:5] == word[:5] for f in found))


def owner(sentence: str, at: int, text: str = "") -> str | None:
    """The name written nearest before offset ``at``. The word that opens the sentence counts when
    ``text`` (the passage) writes it with a capital inside a sentence too ("Nvidia a prévu…")."""
    names = [m.group() for m in _NAME.finditer(sentence[:at])
             if not all(w in STOP_WORDS for w in fold(m.group()).split("'")[-1].split())]
    if names:
        return names[-1]
    first = _FIRST.match(sentence)
    if not first or first.end(1) > at or fold(first.group(1)).split()[0] in STOP_WORDS:
        return None
    proper = {w for m in _NAME.finditer(text or sentence) for w in fold(m.group()).split()}
    return first.group(1) if fold(first.group(1)).split()[0] in proper else None


_GIVEN_FOR = re.compile(r"\s*(?:pour|for)\s+(?:les |le |la |l'|l’|the )?([^\s,;.]+(?:\s+[^\s,;.]+)?)")


def whose(sentence: str, answer: str, asked: Iterable[str], text: str = "") -> bool | None:
    """Whether ``answer`` (a span of ``sentence``) follows, nearest, one of the names ``asked``
    (True), another name (False: "la valorisation d'Anthropic à environ 350 milliards" is no
    valuation of Nvidia), or no name at all (None)."""
    asked_words = {w for n in asked if not n[:1].isdigit() for w in words(n)}
    at = sentence.find(answer)
    if not asked_words or at < 0:
        return None
    # "deux semaines pour les DVD": the name the value is given for, right after it
    given = _GIVEN_FOR.match(sentence, at + len(answer))
    if given and any(_similar(w, set(words(given.group(1)))) for w in asked_words):
        return True
    who = owner(sentence, at, text)
    if who is None:
        return None
    return any(_similar(w, set(words(who))) for w in asked_words)


# A name right after one of these is where the thing asked goes, not whose it is: "How much is
# Microsoft putting into Anthropic?" asks for Microsoft's figure. Not "de" ("la valorisation
# d'Anthropic": whose), nor "pour", "en", "sur", "for", "on", "with", which as often say whose
# ("Quelle valorisation pour Anthropic ?"), nor "a" (the verb "avoir" as often as "à" unaccented).
_TOWARD = re.compile(r"(?:\b(?:dans|chez|vers|aupr[eè]s d[eu']?|into|in|to|at|towards)|(?<!\w)(?:à|au|aux))\s*"
                     r"(?:(?:l'|la |le |les |the )?(?:[a-zà-ÿ-]+ )?)$", re.I)


def asked_owners(question: str, names: Iterable[str]) -> tuple[str, ...]:
    """The names of ``question`` whose figure it asks for: all of them but those it names, every
    time, as where the thing goes; all of them when every one is."""
    names = tuple(names)
    question = question.replace("’", "'")

    def toward(name: str) -> bool:
        found = list(re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", question))
        return bool(found) and all(_TOWARD.search(question[:m.start()]) for m in found)
    own = tuple(n for n in names if not toward(n))
    return own or names


def belongs_elsewhere(sentence: str, answer: str, asked: Iterable[str], text: str = "") -> bool:
    """``answer`` follows, nearest, a name that is none of ``asked``."""
    return whose(sentence, answer, asked, text) is False
