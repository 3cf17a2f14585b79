"""Why and how: the sentence that states a cause or a purpose (car, parce que, afin de, en raison
de, conduisant à, because, so that…), or, when none does, what the document says, said as such."""
from __future__ import annotations

import re

from ..question import Question
from ..selection import Candidate
from ..text import STOP_WORDS, fold, words
from ..types import Answer
from . import fact

_CAUSE = re.compile(
    r"\b(?:car|parce qu|puisqu|afin d|afin qu|pour que|en raison d|pour (?:des )?raisons? d|grace a|a cause d|du a|"
    r"due a|dus a|dues a|conduisant|conduit a|conduire a|entrain\w*|provoqu\w*|permet\w*|ce qui|c'est pourquoi|d'ou|de sorte|si bien|"
    r"en effet|vise a|visant a|destinee?s? a \w+(?:er|ir|re)\b|susceptible d|pour (?:\w+(?:er|ir|re|oir))\b|en cas d|lorsqu|si |"
    r"liee?s? a|s'expliquen?t? par|expliquee?s? par|suite a|a la suite d|faute d|compte tenu d|motivee?s? par|"
    r"justifiee?s? par|resulte d|caused by|explained by|linked to|because of|"
    r"because|since|so that|in order to|due to|as a result|leading to|led to|owing to|thanks to|therefore|"
    r"aims? to|designed to|so as to|which (?:means|allows|leads))", re.I)
# A cause or a purpose said outright, not a condition ("si les travaux sont terminés") nor an
# effect ("permet", "ce qui"): what a sentence that does not point back must say to give the reason.
# ("pour des raisons d'hygiène": a trial's pool closes in September for them)
_BECAUSE = re.compile(r"\b(?:car|parce qu|puisqu|afin d|afin qu|pour que|en raison d|pour (?:des )?raisons? d|a cause d|"
                      r"grace a|du a|due a|"
                      r"because|since|so that|in order to|due to|owing to)")
# A sentence that states a reason may score a little below the best one and still be the answer:
# measured on the article's why-questions (chat_dev c17, c18) and spf "comment" questions.
WHY_MARGIN = 0.05


# A sentence that points back to the one before it within its first words: "Selon Mme Bouzid, ce
# changement vise à…", "Au-delà de ce délai, aucun remboursement n'est possible, sauf en cas de…".
_LEANS = re.compile(r"^(?:\W*\w+){0,5}?\W*\b(?:ce|cet|cette|ces|cela|this|these|that)\b")


_ASKS_WHY = re.compile(r"\b(?:pourquoi|why|raisons?|reasons?)\b")
# How far after the fact a sentence that points back to it may give its reason: a paragraph.
FOLLOWING = 4


def _next_reason(best: Candidate, ranked: list[Candidate], asked: str = "") -> Candidate | None:
    """A sentence shortly after ``best`` in its passage that leans on what comes before it and
    states a cause or a purpose: the reason of what ``best`` says, however it scores alone (a
    new-user trial: "ce changement vise à…" four sentences after the vote it explains, 0.085 below
    it, and "Au-delà de ce délai, aucun remboursement…, sauf en cas de…", 0.078 below: both beyond
    WHY_MARGIN)."""
    sentences = best.hit.chunk.sentences
    at = next((i for i, s in enumerate(sentences) if s.start == best.sentence.start), None)
    said = {w[:6] for w in words(best.sentence.text) if len(w) >= 6}
    question = {w[:6] for w in words(asked) if len(w) >= 6 and w not in STOP_WORDS}
    for n, after in enumerate(sentences[at + 1:at + 1 + FOLLOWING] if at is not None else []):
        text = fold(after.text)
        # or goes on about the same thing: the very next sentence ("Il est interdit d'installer
        # soi-même des logiciels. Toute installation passe par le support, afin de limiter les
        # risques…"), or one that adds what the question asks and the fact left out ("Un atelier …
        # comprend six séances. … L'atelier est gratuit, car il est financé par…")
        own = {w[:6] for w in words(after.text) if len(w) >= 6}
        goes_on = bool(said & own) and (n == 0 or bool((question - said) & own)) and bool(_BECAUSE.search(text))
        if _CAUSE.search(text) and (_LEANS.search(text) or goes_on) and not fact.says_nothing(after.text):
            return next((c for c in ranked if c.hit is best.hit and c.sentence.start == after.start and c.grounded),
                        None)
    return None


def reply(q: Question, ranked: list[Candidate]) -> Answer | None:
    best = next((c for c in ranked if fact.usable(c)), None)
    if best is None:
        return None
    reason = next((c for c in ranked if fact.usable(c) and c.score >= best.score - WHY_MARGIN
                   and _CAUSE.search(fold(c.sentence.text))), None)
    if reason is not None:
        return fact.reply(q, fact.choose([reason] + [c for c in ranked if c is not reason]))
    why = bool(_ASKS_WHY.search(fold(q.text)))
    then = _next_reason(best, ranked, q.query) if why else None
    if then is not None:  # "Il a voté le passage à la semaine de quatre jours. … ce changement vise à …"
        return fact.reply(q, [then, best])  # the reason first: the fact it explains only if room remains
    if not why:
        return fact.reply(q, fact.choose(ranked))  # "how" questions: the best sentence is the answer
    intro = "The document does not say why; it says: " if q.lang == "en" else "Le document ne dit pas pourquoi ; il dit : "
    return fact.reply(q, fact.choose(ranked), intro=intro)
