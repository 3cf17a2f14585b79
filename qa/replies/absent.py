"""An abstention that says what was missing, from what the checks found: the names of the question
that the documents do hold, and the subject words that nothing supports ("Le document parle de
Nvidia, mais je n'y trouve rien sur : salariés."). No anchor system explains its refusals; this one can, because
its refusals come from checks, not from a prompt."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..question import Question, full_names
from ..text import fold, words
from ..types import Answer

MAX_MISSING = 3
# Per language: (subject, verb, plain abstention) for one and for several documents, then the frames.
_TEXTS = {
    "en": {"one": ("The document", "mentions", "The document does not say."),
           "many": ("The documents", "mention", "The documents do not say."),
           "both": "{where} {verb} {names}, but I found nothing about: {missing}.",
           "missing": "I found nothing about: {missing} in {where}.", "and": "and", "or": "or", "de": str,
           "undefined": "{where} {verb} “{term}”, but {says} not say what it is.", "names": ("mentions", "mention")},
    "fr": {"one": ("Le document", "parle", "Je ne trouve pas cette information dans le document."),
           "many": ("Les documents", "parlent", "Je ne trouve pas cette information dans les documents."),
           "both": "{where} {verb} {names}, mais je n'y trouve rien sur : {missing}.",
           "missing": "Je ne trouve rien sur : {missing} dans {where}.", "and": "et", "or": "ni",
           "de": lambda text: _de(text), "undefined": "{where} {verb} « {term} », mais sans dire ce que c'est.",
           "names": ("mentionne", "mentionnent")},
}


def reply(q: Question, n_docs: int, known: Callable[[str], bool], subject: list[str]) -> Answer:
    """``known(word)`` tells whether the documents use a word; ``subject`` holds the question's
    subject words as asked."""
    one = n_docs <= 1
    names = [n for n in full_names(q) if known(n)]
    unknown_names = [n for n in full_names(q) if not known(n)]
    words_missing = [w for w in subject if not known(w)]
    missing = list(dict.fromkeys(unknown_names + words_missing))[:MAX_MISSING]
    t = _TEXTS[q.lang if q.lang in _TEXTS else "fr"]
    where = t["one" if one else "many"]
    if names and missing:
        text = t["both"].format(where=where[0], verb=where[1], names=t["de"](_and(names, t["and"])),
                                missing=_and(missing, t["or"]))
    elif missing:
        text = t["missing"].format(where=where[0].lower(), missing=_and(missing, t["or"]))
    else:
        text = where[2]
    return Answer(text, q.lang, False, kind="none")


def undefined(q: Question, n_docs: int, term: str) -> Answer:
    """The abstention for a definition the documents do not give: "Les documents parlent du droit
    d'accès, mais sans dire ce que c'est." (``term`` folded, given back as the question wrote it)."""
    t = _TEXTS[q.lang if q.lang in _TEXTS else "fr"]
    where = t["one" if n_docs <= 1 else "many"]
    folded = fold(q.text)
    at = folded.find(term) if len(folded) == len(q.text) else -1
    asked = q.text[at:at + len(term)] if at >= 0 else term
    text = t["undefined"].format(where=where[0], verb=t["names"][n_docs > 1], term=asked,
                                 says="does" if n_docs <= 1 else "do")
    return Answer(text, q.lang, False, kind="none")


def plain(lang: str, n_docs: int) -> Answer:
    """The abstention that names nothing: "Je ne trouve pas cette information dans le document."."""
    t = _TEXTS[lang if lang in _TEXTS else "fr"]
    return Answer(t["one" if n_docs <= 1 else "many"][2], lang, False, kind="none")


def _de(text: str) -> str:
    """"de Nvidia", "d'Anthropic"."""
    return f"d'{text}" if text[:1].lower() in "aeiouyhéèêàâîôû" else f"de {text}"


def _and(items: list[str], word: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


# Words that ask rather than name: never reported as missing from the documents.
_QUESTION_WORD = re.compile(r"(?:combien|comment|pourquoi|quand|quel\w*|lequel\w*|est-ce|how|what|when|where|why|"
                            r"which|who\w*|does|did|have|has|many|much|\w+-t-\w+|\w+-(?:il|elle|ils|elles|on)|"
                            r"y a-t-il|a-t-il|a-t-elle)")


def missing_phrases(text: str, known: Callable[[str], bool], stop: frozenset[str]) -> list[str]:
    """The words of question ``text`` that the documents never use (``known``), but ``stop`` words
    and question words, kept together as asked: "chiffre d'affaires", "date of birth"."""
    phrases: list[str] = []
    last_end, gap_ok = 0, False
    for m in re.finditer(r"[^\W\d_][\w-]*", text):
        w = m.group()
        f = words(w)
        content = len(w) >= 3 and f and not set(f) & stop and not _QUESTION_WORD.fullmatch(w.lower())
        if content and not known(w):
            if gap_ok:  # right after a missing word, through link words only: one phrase
                phrases[-1] += text[last_end:m.end()]
            else:
                phrases.append(w)
            last_end, gap_ok = m.end(), True
        else:
            # "chiffre d'affaires", "date of birth": a short link word keeps the phrase open
            gap_ok = gap_ok and fold(w) in {"de", "d", "du", "des", "of", "the"}
    return phrases
