"""French or English? Decided for short questions, typos and missing accents included."""
from __future__ import annotations

import re
from functools import lru_cache

from .text import fold

# Function words that settle most short questions before any model is asked.
_FR = set("""le la les un une des du de d l qu que qui quoi quel quelle quels quelles est sont a ont et ou où
dans pour par avec sur combien comment pourquoi quand ce cette ces son sa ses leur leurs au aux il elle ils
elles on y en ne pas plus été était fait peut va se s c est-ce qu'est-ce""".split())
_EN = set("""the a an of in on at to for from by with is are was were be been do does did has have had what
which who whom whose when where why how much many this that these those it its their his her and or not
will would can could should there""".split())
_FR_OPENERS = set("qui que quel quelle quels quelles quoi comment combien ou quand pourquoi est-ce qu est".split())
_EN_OPENERS = set("who what when where which why how whom whose is are was were do does did can could will would "
                  "should has have had".split())
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.FRENCH, Language.ENGLISH).build()


def detect_language(text: str, default: str = "fr") -> str:
    """``"fr"`` or ``"en"``; ``default`` (French, the corpus language) when nothing tells."""
    folded = fold(text)
    tokens = _WORD.findall(folded.replace("'", "' "))
    fr = sum(t.rstrip("'") in _FR or t.endswith("'") for t in tokens)
    en = sum(t in _EN for t in tokens)
    if not any(ch.isalpha() for ch in text):
        return default
    # Function words and the model vote together; either alone errs on names ("Twilight", "Seahawks").
    score = (fr - en) * 1.0
    if tokens:  # the first word of a question is the surest sign: "Who wrote Les Misérables?"
        first = tokens[0].rstrip("'")
        score += 1.5 * ((first in _FR_OPENERS) - (first in _EN_OPENERS))
    if abs(score) <= 1:  # the model's vote, in [-1, 1], can only change a score this close
        from lingua import Language

        conf = {c.language: c.value for c in _detector().compute_language_confidence_values(text)}
        score += (conf.get(Language.FRENCH, 0.5) - 0.5) * 2
    if score == 0:
        return default
    return "fr" if score > 0 else "en"
