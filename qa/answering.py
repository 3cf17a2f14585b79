"""Question -> Answer: rewrite follow-ups, retrieve, pick the supporting sentence, then answer
with citations or abstain. Extractive: every word of substance comes from the documents."""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from .answer_types import AMOUNT, COUNT, DATE, PERCENT, find_spans, question_type, to_english
from .chunking import clauses
from .followup import entities, rewrite
from .indexing import sentence_id
from .language import detect_language
from .retrieval import Hit, HybridIndex
from .text import STOP_WORDS, analyze, fold, stem, term_set, word_set, words
from .types import Answer, Chunk, Citation, QuestionError, Span

MAX_ANSWER_CHARS = 380  # the whole of most sentences; under the 400 that a short answer allows
# Abstention, tuned on PIAF dev (all answerable) against the same 929 questions asked of the article
# alone (none answerable): at a 0.80 floor, 6.8% of the first abstain and 1.7% of the second answer.
MIN_COSINE = 0.80
# Sentence choice: cosine of its best clause, plus these weights (tuned on PIAF answer containment).
W_COVERAGE = 0.2
W_NEAR = 0.08
W_RANK = 0.01
MAX_UNKNOWN_SHARE = 0.5
# Words that name the kind of answer rather than its subject: they need not appear in the text.
TYPE_WORDS = frozenset(words(
    "montant montants somme sommes date dates nom noms année années jour jours mois pays ville villes lieu "
    "lieux nombre nombres total part pourcentage combien appelle appelé appelée nommé nommée name names "
    "called amount year years number"))


@dataclass
class Candidate:
    hit: Hit
    rank: int
    sentence: Span
    focus: Span                   # the sentence, or its clause closest to the question
    cosine: float
    coverage: float | None        # idf-weighted share of the question's subject words in the sentence
    grounded: bool                # every name of the question is in the passage or its headings
    grounded_here: bool           # ... in the sentence itself
    typed: bool                   # the sentence holds the kind of answer asked for
    answer: str | None            # that answer ("10 milliards de dollars"), when a kind was asked for
    near: float                   # how close that answer sits to the question's cues
    precise: bool                 # ... and whether it is a figure
    score: float


def clean_question(question: object, max_chars: int) -> str:
    """Normalise a question or raise ``QuestionError`` with a message fit for the user."""
    if not isinstance(question, str):
        raise QuestionError("not_text", "the question must be text")
    text = unicodedata.normalize("NFC", question)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co") else ch for ch in text)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise QuestionError("empty", "the question is empty")
    # Markup pasted into a question is not part of it ("<b>Qui</b> a fondé..." asks "Qui a fondé...").
    text = re.sub(r"\s+", " ", re.sub(r"<[^<>]{0,200}>", " ", text)).strip() or text
    if len(text) > max_chars:
        raise QuestionError("too_long", f"the question is too long ({len(text)} characters; at most {max_chars})",
                            length=len(text), limit=max_chars)
    return text


def _messages(lang: str, n_docs: int) -> dict[str, str]:
    one = n_docs <= 1
    if lang == "en":
        return {"absent": "The document does not say." if one else "The documents do not say.",
                "unclear": "I did not understand the question: please ask it in words."}
    return {"absent": "Je ne trouve pas cette information dans le document." if one
            else "Je ne trouve pas cette information dans les documents.",
            "unclear": "Je n'ai pas compris la question : posez-la avec des mots."}


class Answerer:
    def __init__(self, index: HybridIndex, top_k: int = 4, max_question_chars: int = 2000):
        self.index, self.top_k, self.max_chars = index, top_k, max_question_chars
        self.n_docs = len({c.source for c in index.chunks})
        # Folded words of all documents: a French question none of whose subject words the
        # documents ever use ("chiffre d'affaires") asks about something they do not cover.
        self.vocabulary = {w for c in index.chunks for w in words(f"{c.title} {c.section} {c.text}")}
        self.stems = {stem(w) for w in self.vocabulary}
        self.prefixes = {w[:5] for w in self.vocabulary if len(w) >= 6}

    def answer(self, question: str, history: list[str] | None = None, sources: list[str] | None = None) -> Answer:
        question = clean_question(question, self.max_chars)
        history = [clean_question(h, self.max_chars) for h in (history or [])
                   if isinstance(h, str) and h.strip()][-20:]
        lang = detect_language(question, default=detect_language(history[-1]) if history else "fr")
        msg = _messages(lang, self.n_docs)
        if not re.search(r"[^\W_]", question):
            return Answer(msg["unclear"], lang, False, question=question, query=question)
        query = rewrite(question, history)
        if not any(w in self.vocabulary or w in STOP_WORDS for w in words(query)):
            # Not one word that the documents or either language knows ("xxxx", a stray paste).
            return Answer(msg["absent"], lang, False, question=question, query=query)
        vector = self.index.embedder.encode_queries([query])[0]
        hits = self.index.search(query, k=self.top_k, vector=vector, sources=sources)
        best = self.best(query, vector, hits)
        if best is None or not self.confident(best, lang, query):
            return Answer(msg["absent"], lang, False, question=question, query=query)
        return self._compose(question, query, lang, best)

    # choosing the sentence
    def candidates(self, query: str, vector: np.ndarray, hits: list[Hit]) -> list[Candidate]:
        units = [(rank, hit, s, (s, *clauses(s))) for rank, hit in enumerate(hits) for s in hit.chunk.sentences]
        vecs = self.index.sentence_vectors(list({sentence_id(h.chunk.source, u) for _, h, _, us in units for u in us}))
        kind = question_type(query)
        weights = {t: self.index.idf(t) for t in dict.fromkeys(_subject_terms(query))}
        names = entities(query)
        out = []
        for rank, hit, s, us in units:
            c = hit.chunk
            # A long sentence scores as its best clause: one fact is not diluted by its neighbours.
            sims = [(float(vecs[i] @ vector), u) for u in us if (i := sentence_id(c.source, u)) in vecs]
            cosine, focus = max(sims, key=lambda x: x[0]) if sims else (hit.dense, s)
            coverage = _coverage(weights, term_set(s.text))
            heads = word_set(f"{c.title} {c.section}")
            grounded = all(_grounded(n, word_set(c.text) | heads) for n in names)
            grounded_here = all(_grounded(n, word_set(s.text) | heads) for n in names)
            typed, span, near, precise = True, None, 0.0, False
            if kind:  # answers sit next to their cues; "how much" wants a figure, not "quelques"
                span, near = locate(s.text, kind, query)
                typed, precise = span is not None, bool(span and re.search(r"\d", span))
            score = (cosine + W_COVERAGE * (coverage or 0.0) + 0.02 * typed + 0.03 * grounded_here
                     + W_NEAR * near + 0.02 * precise - W_RANK * rank)
            out.append(Candidate(hit, rank, s, focus, cosine, coverage, grounded, grounded_here,
                                 typed, span, near, precise, score))
        return out

    def best(self, query: str, vector: np.ndarray, hits: list[Hit]) -> Candidate | None:
        cands = self.candidates(query, vector, hits)
        if not cands:
            return None
        # A sentence that names what the question names and holds the kind of answer it wants
        # beats a closer paraphrase that does not; the closest decides when none does.
        usable = [c for c in cands if c.grounded and c.typed]
        return max(usable or cands, key=lambda c: c.score)

    def confident(self, c: Candidate, lang: str, query: str) -> bool:
        if not (c.grounded and c.typed) or c.cosine < MIN_COSINE:
            return False
        return lang != "fr" or not self.unknown_subject(query)

    def unknown_subject(self, query: str) -> bool:
        """True when most subject words of the question are words the documents never use, nor a
        word of the same stem or first five letters ("atteindre" finds "atteint")."""
        names = {w for n in entities(query) for w in words(n)}
        subject = [w for w in words(query) if len(w) >= 2 and w not in STOP_WORDS and w not in names
                   and w not in TYPE_WORDS and not w.isdigit()]
        missing = [w for w in subject if w not in self.vocabulary and stem(w) not in self.stems
                   and not (len(w) >= 6 and w[:5] in self.prefixes)]
        # One unknown word next to a known name is likely a paraphrase ("altitude" of a mountain
        # that "culmine à 4 806 m"); with no name to hold on to, it is all the question has.
        if len(subject) < 2 and names:
            return False
        return bool(subject) and len(missing) / len(subject) > MAX_UNKNOWN_SHARE

    # writing the answer
    def _compose(self, question: str, query: str, lang: str, c: Candidate) -> Answer:
        chunk = c.hit.chunk
        kind = question_type(query)
        short = c.answer
        if lang == "en":
            head = f"{to_english(short, kind)}. " if short else ""
            head = head[0].upper() + head[1:] if head else head
            frame, quote_marks = ("The document says: " if short else "According to the document: "), ("“", "”")
        else:
            if short and kind == DATE and re.fullmatch(r"\d{4}", short):
                short = f"en {short}"  # "En 2021." reads as an answer; "2021." alone does not
            head = f"{short[0].upper() + short[1:]}. " if short else ""
            frame, quote_marks = "Selon le document : ", ("« ", " »")
        budget = MAX_ANSWER_CHARS - len(head) - len(frame) - 8
        focus = short or c.focus.text
        span = _coherent(chunk, c.sentence, budget, follow=not short)
        quote = _quote(" ".join(span.text.split()), budget, focus=focus)
        text = f"{head}{frame}{quote_marks[0]}{quote}{quote_marks[1]} [1]"
        highlight = (span.start - chunk.start, span.end - chunk.start)
        cite = Citation(n=1, text=chunk.text, source=chunk.source, section=chunk.section, start=chunk.start,
                        end=chunk.end, score=round(c.cosine, 4), title=chunk.title, highlight=highlight, page=chunk.page)
        return Answer(text, lang, True, [cite], question=question, query=query)


# A sentence opening with one of these leans on the one before it ("Elle a été fondée en 2021.").
_CONTINUES = re.compile(
    r"(?:Il|Elle|Ils|Elles|Ce|Cet|Cette|Ces|Celui|Celle|Ceux|Celles|Son|Sa|Ses|Leur|Leurs|Cela|Ceci|Lui|Là|Ainsi|"
    r"En effet|De plus|Par ailleurs|Toutefois|Cependant|Mais|Or|It|They|This|These|He|She|His|Her|Its|Their|"
    r"However|Thus)\b")


def _coherent(chunk: Chunk, sentence: Span, budget: int, follow: bool = True) -> Span:
    """The sentence to quote, joined by the previous one when it opens on a reference to it, and
    (with ``follow``: when no short answer leads the reply) by the next one when that one continues
    it, as far as ``budget`` allows. No quote opens on an unexplained "Elle ..."."""
    def join(a: Span, b: Span) -> Span:
        return Span(a.start, b.end, chunk.text[a.start - chunk.start:b.end - chunk.start])

    after = next((s for s in chunk.sentences if s.start >= sentence.end), None)
    if follow and after is not None and _CONTINUES.match(after.text) and after.end - sentence.start <= budget:
        sentence = join(sentence, after)
    before = next((s for s in reversed(chunk.sentences) if s.end <= sentence.start), None)
    if before is not None and _CONTINUES.match(sentence.text) and sentence.end - before.start <= budget:
        sentence = join(before, sentence)
    return sentence


def _subject_terms(query: str) -> list[str]:
    """BM25 terms of the question, without the words that only name the kind of answer."""
    return analyze(" ".join(w for w in words(query) if w not in TYPE_WORDS))


def _has(term: str, terms: set[str]) -> bool:
    """Same stem, or a shared 6-letter prefix (atteindre/atteint, investor/investisseur)."""
    return term in terms or (len(term) >= 6 and any(t[:6] == term[:6] for t in terms))


def _coverage(weights: dict[str, float], terms: set[str]) -> float | None:
    total = sum(weights.values())
    return None if not total else sum(w for t, w in weights.items() if _has(t, terms)) / total


def _grounded(name: str, context: set[str]) -> bool:
    """A name from the question appears in the sentence's context; cognate prefixes count, so
    "Agency" finds "Agence" and "November" finds "novembre"."""
    return all(p in context or (len(p) >= 5 and any(w[:5] == p[:5] for w in context)) for p in words(name))


def locate(sentence: str, kind: str, query: str) -> tuple[str | None, float]:
    """The answer of ``kind`` in ``sentence`` best placed after what the question names, and how
    close it sits to those cues: the sum over cues of exp(-words between / 4), a cue after the
    answer counting three times as far ("Microsoft 5 milliards" scores 1 for "Microsoft")."""
    names = entities(query)
    spans = find_spans(sentence, kind, exclude=names)
    if not spans:
        return None, 0.0
    if kind in (AMOUNT, PERCENT, COUNT):  # "10 milliards de dollars" beats a bare "18" of a date
        with_unit = [sp for sp in spans if re.search(r"[^\d\s.,]", sentence[sp[0]:sp[1]])]
        spans = with_unit or spans
    folded = fold(sentence)
    cues = {fold(n) for n in names} | set(_subject_terms(query))
    positions = [[m.end() for m in re.finditer(rf"\b{re.escape(cue)}", folded)] for cue in cues]

    def nearness(sp):
        total = 0.0
        for ends in positions:
            gaps = [len(folded[a:sp[0]].split()) if a <= sp[0] else 3 * len(folded[sp[0]:a].split()) for a in ends]
            total += math.exp(-min(gaps) / 4) if gaps else 0.0
        return total
    best = max(spans, key=nearness)
    return sentence[best[0]:best[1]].strip(), nearness(best)


def _quote(sentence: str, budget: int, focus: str | None = None) -> str:
    """The sentence, or a window of it around ``focus`` cut at word boundaries, within ``budget``."""
    if len(sentence) <= budget:
        return sentence
    at = max(0, sentence.find(focus)) if focus else 0
    start = max(0, min(at - 20, len(sentence) - budget + 2))
    piece = sentence[start:start + budget - 2]
    if start > 0:
        piece = "… " + piece[piece.find(" ") + 1:]
    if start + budget - 2 < len(sentence):
        piece = piece[:piece.rfind(" ")] + " …"
    return piece
