"""Question -> Answer: rewrite follow-ups, retrieve, pick the supporting sentence, then answer
with citations or abstain. Extractive: every word of substance comes from the documents."""
from __future__ import annotations

import re
import unicodedata

import numpy as np

from .answer_types import DATE, question_type, to_english
from .followup import entities, rewrite
from .language import detect_language
from .retrieval import Hit, HybridIndex
from .selection import CONTINUES, TYPE_WORDS, Candidate, candidates
from .text import STOP_WORDS, stem, words
from .types import Answer, Chunk, Citation, QuestionError, Span

MAX_ANSWER_CHARS = 380  # the whole of most sentences; under the 400 that a short answer allows
# Abstention, tuned on PIAF dev (all answerable) against the same 929 questions asked of the article
# alone (none answerable): at a 0.80 floor, 6.6% of the first abstain and 1.8% of the second answer.
MIN_COSINE = 0.80
# Unsure between two sentences of one passage, the reply quotes both: the runner-up joins when its
# score is within this of the best (on PIAF dev: answer containment 0.540 -> 0.558).
RUNNER_UP_MARGIN = 0.09
MAX_UNKNOWN_SHARE = 0.5


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
        chosen = self.choose(query, vector, hits, lang)
        if not chosen:
            return Answer(msg["absent"], lang, False, question=question, query=query)
        return self._compose(question, query, lang, chosen)

    # choosing the sentence
    def choose(self, query: str, vector: np.ndarray, hits: list[Hit], lang: str) -> list[Candidate]:
        """The best sentence the reply can rest on, and the runner-up from the same passage when the
        two are close; empty when no sentence is good enough (abstain)."""
        if lang == "fr" and self.unknown_subject(query):
            return []
        every = sorted(candidates(self.index, query, vector, hits), key=lambda c: c.score, reverse=True)
        best = next((c for c in every if self.usable(c)), None)
        if best is None:
            return []
        if best.answer:  # a short answer leads the reply: it already answers
            return [best]
        # The runner-up only adds context to a reply that stands on ``best``: any sentence will do.
        runner = next((c for c in every if c is not best and c.hit is best.hit), None)
        return [best, runner] if runner is not None and best.score - runner.score <= RUNNER_UP_MARGIN else [best]

    @staticmethod
    def usable(c: Candidate) -> bool:
        """The sentence names what the question names, holds the kind of answer it wants, and is
        close enough to it."""
        return c.grounded and c.typed and c.cosine >= MIN_COSINE

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
    def _compose(self, question: str, query: str, lang: str, chosen: list[Candidate]) -> Answer:
        c = chosen[0]
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
        spans = [_coherent(chunk, c.sentence, budget, follow=not short)]
        if len(chosen) > 1:
            spans = _with(chunk, spans[0], _coherent(chunk, chosen[1].sentence, budget), budget)
        if len(spans) == 1:
            quote = _quote(_flat(spans[0]), budget, focus=short or c.focus.text)
        else:
            quote = " … ".join(_flat(sp) for sp in spans)
        text = f"{head}{frame}{quote_marks[0]}{quote}{quote_marks[1]} [1]"
        main = next(sp for sp in spans if sp.start <= c.sentence.start < sp.end)
        cite = Citation(n=1, text=chunk.text, source=chunk.source, section=chunk.section, start=chunk.start,
                        end=chunk.end, score=round(c.cosine, 4), title=chunk.title,
                        highlight=(main.start - chunk.start, main.end - chunk.start), page=chunk.page,
                        highlights=tuple((sp.start - chunk.start, sp.end - chunk.start) for sp in spans))
        return Answer(text, lang, True, [cite], question=question, query=query)


def _with(chunk: Chunk, main: Span, other: Span, budget: int) -> list[Span]:
    """``main`` and ``other`` in document order, merged when they touch or overlap (one quote), or
    ``main`` alone when both do not fit in ``budget``."""
    a, b = sorted((main, other), key=lambda sp: sp.start)
    between = [s for s in chunk.sentences if a.end <= s.start and s.end <= b.start]
    if not between:  # adjacent or overlapping: one stretch of text
        end = max(a.end, b.end)
        merged = Span(a.start, end, chunk.text[a.start - chunk.start:end - chunk.start])
        return [merged] if len(_flat(merged)) <= budget else [main]
    return [a, b] if len(_flat(a)) + len(" … ") + len(_flat(b)) <= budget else [main]


def _flat(span: Span) -> str:
    """The span's text as quoted: line breaks and runs of spaces made single spaces."""
    return " ".join(span.text.split())


def _coherent(chunk: Chunk, sentence: Span, budget: int, follow: bool = True) -> Span:
    """The sentence to quote, joined by the previous one when it opens on a reference to it, and
    (with ``follow``: when no short answer leads the reply) by the next one when that one continues
    it, as far as ``budget`` allows. No quote opens on an unexplained "Elle ..."."""
    def join(a: Span, b: Span) -> Span:
        return Span(a.start, b.end, chunk.text[a.start - chunk.start:b.end - chunk.start])

    after = next((s for s in chunk.sentences if s.start >= sentence.end), None)
    if follow and after is not None and CONTINUES.match(after.text) and after.end - sentence.start <= budget:
        sentence = join(sentence, after)
    before = next((s for s in reversed(chunk.sentences) if s.end <= sentence.start), None)
    if before is not None and CONTINUES.match(sentence.text) and sentence.end - before.start <= budget:
        sentence = join(before, sentence)
    return sentence


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
