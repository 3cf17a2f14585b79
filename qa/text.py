"""French-aware text analysis shared by BM25 and the answerer: folding, elisions, stop words, stems."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_STOP = """
a à ai aie ait as au aux avec avoir avait avaient ayant c ça ce ceci cela celle celles celui ces cet cette
ceux chez ci comme comment contre d dans de des du donc dont elle elles en encore est et été étaient était
être eu eux fait faire fut il ils j je jusqu l la le les leur leurs lors lorsqu lui m ma mais me même mes
moi mon n ne ni nos notre nous on ont ou où par pas peu peut peuvent plus pour pourquoi pu puis qu quand
que quel quelle quelles quels qui quoi s sa sans se ses si sien son sont sous sur t ta te tes toi ton tous
tout toute toutes très tu un une unes uns vos votre vous y été est-ce sera seront serait seraient aurait
ont-ils a-t-il a-t-elle t-il t-elle va vont pourrait pourraient doit doivent selon entre après avant aussi
quelqu autre autres cette ceux leur chaque
the a an of in on at to for from by with about as is are was were be been being do does did has have had
what which who whom whose when where why how much many this that these those it its their his her they he
she we you i me my our your and or not no will would can could should shall may might must into than then
there here according did does
""".split()

ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’]", re.I)
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.U)


def strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


STOP_WORDS = frozenset(strip_accents(w) for w in _STOP)


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """NLTK's English stop words, as bm25s ships them (a dependency already, for BM25): the short
    list above keeps only what BM25 must drop in both languages."""
    from bm25s.stopwords import STOPWORDS_EN_PLUS

    return frozenset(STOPWORDS_EN_PLUS)


# The answerer folds and splits the same passages for every question: both are cached.
@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, typographic apostrophes made plain, accents removed."""
    return strip_accents(text.replace("’", "'").replace("\u02bc", "'").lower())


def words(text: str, accents: bool = False) -> list[str]:
    """Lower-case word tokens with French elisions split off (l'accord -> accord); "1,5" -> "1.5".
    Accents are removed unless ``accents`` (the stemmer needs them)."""
    return list(_words(text, accents))


@lru_cache(maxsize=65536)
def _words(text: str, accents: bool) -> tuple[str, ...]:
    text = unicodedata.normalize("NFC", text.replace("’", "'").replace("\u02bc", "'").lower())
    text = ELISION.sub(" ", text if accents else strip_accents(text))
    return tuple(t.replace(",", ".") for t in _TOKEN.findall(text))


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("french")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    s = _stemmer().stemWord(word)
    # Unaccented participles keep an "e" the stemmer would drop with its accent (fondee -> fond).
    t = s.rstrip("e")
    return t if len(t) >= 2 else s


def stem(word: str) -> str:
    return _stem(fold(word))


def analyze(text: str) -> list[str]:
    """BM25 terms: folded words, stop words dropped, French Snowball stems. Accents go before
    stemming, so a question typed without accents finds the accented text."""
    return [_stem(w) for w in words(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]


@lru_cache(maxsize=65536)
def term_set(text: str) -> frozenset[str]:
    """``analyze`` as a set, cached: passages are analysed again for every question."""
    return frozenset(analyze(text))


@lru_cache(maxsize=65536)
def word_set(text: str) -> frozenset[str]:
    return frozenset(words(text))


# An FAQ question often opens on a label: "Contrôle des horaires : que faire ?".
LABEL = re.compile(r"\s*([^:?!.]{3,80}?)\s+:\s+(?=\S)")


def unlabelled(question: str) -> str:
    """The question after its label ("Préventel : qui peut le consulter ?" -> "qui peut le consulter ?")."""
    m = LABEL.match(question)
    return question[m.end():] if m else question


def has_term(term: str, terms: set[str] | frozenset[str]) -> bool:
    """Same stem, or a shared 6-letter prefix (atteindre/atteint, investor/investisseur)."""
    return term in terms or (len(term) >= 6 and any(t[:6] == term[:6] for t in terms))
