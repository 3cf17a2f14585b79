"""An abstention that says what was missing, from what the checks found: the names of the question
that the documents do hold, and the subject words that nothing supports ("Le document parle de
Nvidia, mais je n'y trouve rien sur : salariés."). No anchor system explains its refusals; this one can, because
its refusals come from checks, not from a prompt."""
from __future__ import annotations

from collections.abc import Callable

from ..question import Question, full_names
from ..types import Answer

MAX_MISSING = 3


def reply(q: Question, n_docs: int, known: Callable[[str], bool], subject: list[str]) -> Answer:
    """``known(word)`` tells whether the documents use a word; ``subject`` holds the question's
    subject words as asked."""
    one = n_docs <= 1
    names = [n for n in full_names(q) if known(n)]
    unknown_names = [n for n in full_names(q) if not known(n)]
    # English words seldom match the French text letter for letter: only names are reported missing.
    words_missing = [w for w in subject if not known(w)] if q.lang == "fr" else []
    missing = list(dict.fromkeys(unknown_names + words_missing))[:MAX_MISSING]
    if q.lang == "en":
        where = "The document" if one else "The documents"
        if names and missing:
            text = (f"{where} {'mentions' if one else 'mention'} {_and(names, 'and')}, but I found nothing about: "
                    f"{_and(missing, 'or')}.")
        elif missing:
            text = f"I found nothing about: {_and(missing, 'or')} in {where.lower()}."
        else:
            text = f"{where} {'does' if one else 'do'} not say."
    else:
        where = "Le document" if one else "Les documents"
        if names and missing:
            text = (f"{where} {'parle' if one else 'parlent'} {_de(_and(names, 'et'))}, mais je n'y trouve rien sur : "
                    f"{_and(missing, 'ni')}.")
        elif missing:
            text = f"Je ne trouve rien sur : {_and(missing, 'ni')} dans {where.lower()}."
        else:
            text = ("Je ne trouve pas cette information dans le document." if one
                    else "Je ne trouve pas cette information dans les documents.")
    return Answer(text, q.lang, False, kind="none")


def _de(text: str) -> str:
    """"de Nvidia", "d'Anthropic"."""
    return f"d'{text}" if text[:1].lower() in "aeiouyhéèêàâîôû" else f"de {text}"


def _and(items: list[str], word: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]
