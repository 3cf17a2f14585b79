"""English words to the documents' French words, through the embedding model's own word vectors:
"employees" finds "employés", "agreement" finds "accord", "revenue" finds nothing in an article
that never speaks of revenue. English questions then get the same unknown-subject check and the
same account of what is missing as French ones.

Only the words of the passages retrieved for a question are compared (a few hundred at most, their
vectors kept between questions): embedding a whole corpus' vocabulary would cost as much as
indexing it again."""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from .text import STOP_WORDS, english_stop_words, fold, word_set

if TYPE_CHECKING:
    from .encoders import QueryEncoder

# A word and its translation: cosine of their "query: " vectors with multilingual-e5-small. On the
# article's vocabulary, translations scored 0.91-0.98 (employees/employés 0.967, agreement/accord
# 0.941, market/marchés 0.915, founded/fondée 0.912) and the nearest unrelated word 0.87-0.90
# (revenue 0.892, annual 0.879, weather 0.880, headquarters 0.864).
MATCH = 0.905
CACHE_WORDS = 50_000  # ~77 MB of 384-dim float32 vectors at most
# English verbs too common to name a subject ("Did the stock go down?"): NLTK's list has none.
LIGHT_VERBS = frozenset("go goes going went gone get gets got getting make makes made take takes took taken give "
                        "gives gave given say says said come comes came put puts keep keeps kept let lets "
                        "bring brings brought bringing "
                        "become becomes became becoming".split())


class WordBridge:
    """Which document words an asked word means, by cosine of the model's word vectors."""

    def __init__(self, encoder: QueryEncoder, match: float = MATCH) -> None:
        self.encoder, self.match = encoder, match
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def vectors(self, items: Iterable[str]) -> dict[str, np.ndarray]:
        """The vector of each word, embedded once and kept (least recently used dropped first)."""
        wanted = list(dict.fromkeys(items))
        out: dict[str, np.ndarray] = {}
        with self._lock:
            for w in wanted:
                if w in self._vectors:
                    self._vectors.move_to_end(w)
                    out[w] = self._vectors[w]
        new = [w for w in wanted if w not in out]
        if new:
            got = self.encoder.encode_queries(new)
            with self._lock:
                for w, v in zip(new, got, strict=True):
                    out[w] = self._vectors[w] = v
                while len(self._vectors) > CACHE_WORDS:
                    self._vectors.popitem(last=False)
        return out

    def means(self, asked: list[str], pool: Iterable[str]) -> dict[str, list[str]]:
        """For each asked word, the words of ``pool`` it means (best first; empty when none)."""
        candidates = sorted({w for w in pool if len(w) >= 3 and w not in STOP_WORDS and not w.isdigit()})
        if not asked or not candidates:
            return {w: [] for w in asked}
        vecs = self.vectors([*asked, *candidates])
        matrix = np.stack([vecs[w] for w in candidates])
        out = {}
        for w in asked:
            sims = matrix @ vecs[w]
            order = np.argsort(-sims)
            out[w] = [candidates[i] for i in order[:3] if sims[i] >= self.match]
        return out


def pool_words(texts: Iterable[str]) -> set[str]:
    """The folded words of some passages (each passage's set cached by ``word_set``)."""
    return set().union(*(word_set(t) for t in texts))


# "How long", "how far": the word after "how" asks for a measure, like "combien de temps"; it names
# no subject the documents must hold.
_HOW = re.compile(r"\bhow (?:long|far|often|old|soon|big|large|tall|high|early|late)\b", re.I)


# French verbs and nouns that carry no subject of their own: "faut-il", "pour devenir", "où se trouve",
# "en cas de". bench/parity.py 54 -> 55/72 ("la franchise en cas de bris de glace" is no longer
# answered with the natural-disaster franchise); cnil, absent facts, spf, article, chat, PIAF unchanged.
FRENCH_LIGHT = frozenset("faut falloir faudra faudrait fallait devenir devient deviennent devenu devenue devenus "
                         "devenues trouve trouvent trouver cas".split())


@lru_cache(maxsize=1)
def not_subject_fr() -> frozenset[str]:
    """Words of a French question that name no subject: the stop words, NLTK's French ones (the
    forms of "être" and "avoir": "je suis", "vous avez") and the light words above."""
    from bm25s.stopwords import STOPWORDS_FRENCH

    return STOP_WORDS | {fold(w) for w in STOPWORDS_FRENCH} | FRENCH_LIGHT


# Prepositions NLTK's list leaves out: "cost per year" named "per" as what the documents lack.
PREPOSITIONS = frozenset("per via within without among amongst upon towards toward onto".split())


@lru_cache(maxsize=1)
def not_subject() -> frozenset[str]:
    """Words of an English question that name no subject: both languages' stop words, NLTK's
    English ones, the light verbs and a few prepositions."""
    return STOP_WORDS | english_stop_words() | LIGHT_VERBS | PREPOSITIONS


# Verbs that, with their particle, say only that something comes about: "end up holding", "turn
# out to be": "end" may mean the "fin" of "fin octobre" (a bridge through a bilingual dictionary
# made p019 of bench/parity.py quote a stock price for "What stake … will Nvidia end up holding?").
_PHRASAL = re.compile(r"\b(?:end(?:s|ed|ing)? up|turn(?:s|ed|ing)? out)\b", re.I)


def english_subject(query: str) -> str:
    """The question without its "how long"-like measure words and "end up"-like phrasal verbs."""
    return _PHRASAL.sub(" ", _HOW.sub("how", query))

