"""English question words to the French words of the retrieved passages that translate them, by
word alignment on the model's own contextual token vectors (SimAlign: Jalili Sabet et al. 2020,
"mutual argmax" on a middle layer of a multilingual encoder, no parallel data): "fallen" finds
"baissé", "months" finds "mois", "postpone" finds "repousser", where the words' vectors taken alone
do not tell a translation from an unrelated word (months/mois 0.884, months/date 0.897)."""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from typing import Protocol

import numpy as np

from .text import STOP_WORDS, words

# Hidden layer whose token vectors are aligned. Layers 6, 8 and 10 of multilingual-e5-small on the
# English/French questions of bench/parity.jsonl: 8 aligned the most translations (fallen/baissé,
# CEO/PDG, months/mois), 6 more pairs at lower similarity, 10 dropped verbs (pay/coûtera,
# headquartered). LAYER and FLOOR were measured on that model only; another configured model keeps
# them (one with fewer layers gives its last).
LAYER = 8
# Floor of an aligned pair's cosine. English questions of bench/parity.jsonl against the passages
# retrieved for them, layer 8: translations mostly 0.60-0.88 (mois 0.84, annulée 0.80, repousser
# 0.73, rembourser 0.69, valorisation 0.63), wrong pairs mostly 0.40-0.60 (revenue/investissement
# 0.56, deductible/valide 0.56, headquartered/fondée 0.56), a few neighbours above (buyer/vendeur
# 0.77, landlord/locataire 0.73). A word that no pair clears is left to the words' own vectors.
FLOOR = 0.6
# Passages whose word vectors are kept: ~150 words of 384 float16 each, about 60 MB at most.
CACHE_PASSAGES = 512
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?")


class TokenModel(Protocol):
    """An encoder that gives its token vectors (``qa.embeddings.Embedder``)."""

    def token_states(self, texts: list[str], layer: int,
                     query: bool = False) -> list[tuple[list[tuple[int, int]], np.ndarray]]: ...


def _words(text: str, spans: list[tuple[int, int]], states: np.ndarray,
           skip: frozenset[str] = frozenset()) -> tuple[list[str], np.ndarray]:
    """Each word of ``text`` (folded, as ``words`` gives it) but those in ``skip``, and the mean
    of its tokens' vectors, normalised. Words and tokens both run left to right: one walk."""
    names, rows = [], []
    k = 0
    for m in _WORD.finditer(text):
        while k < len(spans) and spans[k][1] <= m.start():
            k += 1
        end = k
        while end < len(spans) and spans[end][0] < m.end():
            end += 1
        folded = words(m.group())
        if end > k and folded and not set(folded) <= skip:
            names.append(max(folded, key=len))  # "l'action" -> "action", "Nvidia's" -> "nvidia"
            rows.append(states[k:end].mean(axis=0))
    if not rows:
        return [], np.zeros((0, states.shape[-1]), dtype=np.float32)
    matrix = np.stack(rows)
    return names, matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)


class Aligner:
    """Aligns a question's words with passages' words, on ``model``'s token vectors (a lazy
    encoder loads on first use: only English questions need it)."""

    def __init__(self, model: TokenModel, layer: int = LAYER, floor: float = FLOOR) -> None:
        self.model, self.layer, self.floor = model, layer, floor
        self._passages: OrderedDict[str, tuple[list[str], np.ndarray]] = OrderedDict()
        self._lock = threading.Lock()

    def _passage_words(self, passages: list[str]) -> list[tuple[list[str], np.ndarray]]:
        """Each passage's words and their vectors, computed once and kept (least recently used
        dropped first): the next English question on the same passages costs no pass."""
        with self._lock:
            got = {t: self._passages[t] for t in passages if t in self._passages}
            for t in got:
                self._passages.move_to_end(t)
        new = list(dict.fromkeys(t for t in passages if t not in got))
        if new:
            states = self.model.token_states(new, self.layer)
            for text, (spans, hidden) in zip(new, states, strict=True):
                # "pas", "sans", "plus": no subject for an English word to mean
                names, vecs = _words(text, spans, hidden, skip=STOP_WORDS)
                got[text] = (names, vecs.astype(np.float16))
            with self._lock:
                for text in new:
                    self._passages[text] = got[text]
                while len(self._passages) > CACHE_PASSAGES:
                    self._passages.popitem(last=False)
        return [got[t] for t in passages]

    def align(self, question: str, asked: list[str], passages: list[str]) -> dict[str, list[str]]:
        """For each word of ``asked`` (folded words of ``question``), the passage words it aligns
        with (mutual best match at or above the floor in some passage), most similar first."""
        scored = self.scores(question, asked, passages)
        return {w: sorted(got, key=got.get, reverse=True) for w, got in scored.items()}

    def scores(self, question: str, asked: list[str], passages: list[str]) -> dict[str, dict[str, float]]:
        """``align``'s pairs with their cosines."""
        if not asked or not passages:
            return {w: {} for w in asked}
        try:
            (q_spans, q_states), = self.model.token_states([question], self.layer, query=True)
        except NotImplementedError:  # a configured model without token vectors: the bridge alone
            return {w: {} for w in asked}
        passage_words = self._passage_words(passages)
        q_words, q_vecs = _words(question, q_spans, q_states)
        found: dict[str, dict[str, float]] = {w: {} for w in asked}
        for p_words, p_vecs in passage_words:
            if not p_words or not q_words:
                continue
            sims = q_vecs @ p_vecs.T.astype(np.float32)
            best_p, best_q = sims.argmax(axis=1), sims.argmax(axis=0)
            for i, w in enumerate(q_words):
                j = int(best_p[i])
                if w in found and best_q[j] == i and sims[i, j] >= self.floor:
                    found[w][p_words[j]] = max(found[w].get(p_words[j], 0.0), float(sims[i, j]))
        return found
