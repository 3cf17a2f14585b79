"""Overviews, extractive: a whole document in 3-5 of its sentences (central, diverse, from
different sections, in document order, the lead favoured), or what the documents say on one topic
(the sentences of the section that covers it). Each sentence keeps its own citation."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..question import Question
from ..retrieval import Hit
from ..selection import CONTINUES
from ..text import STOP_WORDS, fold, stem, term_set, words
from ..types import Answer, Chunk, Citation, Span
from .common import cite, flat, quoted
from .fact import says_nothing

Vectors = Callable[[Chunk, list[Span]], list["np.ndarray | None"]]

MAX_SUMMARY_CHARS = 1200   # what a chat bubble shows without scrolling away from the question
MAX_TOPIC_CHARS = 900
MAX_NAMED_TOPIC_CHARS = 400  # a topic that is a name ("Et Google ?") is answered like a fact
MAX_SENTENCES = 5
# MMR trade-off between centrality and novelty, and the lead's bonus (news put the gist first);
# set on the article and two spf fiches so that summaries span their sections (tests/test_replies.py).
MMR_LAMBDA = 0.7
LEAD_BONUS = 0.05
SAME_SECTION_PENALTY = 0.1
ANAPHOR_PENALTY = 0.1
TITLE_WEIGHT = 0.05
MIN_SENTENCE_CHARS = 40    # shorter lines are captions, list stubs and headings run into text
MAX_SENTENCE_CHARS = 450
# A topic whose words the section does not use must be this close to be covered (cosine of the
# question and the section's best sentence; e5-small, measured on the article's sections).
MIN_TOPIC_COSINE = 0.82


def _units(chunks: list[Chunk], vectors: Vectors) -> list[tuple[Chunk, Span, np.ndarray]]:
    """Every sentence of ``chunks`` once (overlapping chunks repeat one), with its vector."""
    out, seen = [], set()
    for c in sorted(chunks, key=lambda c: (c.source, c.start)):
        spans = [s for s in c.sentences if (c.source, s.start) not in seen
                 and MIN_SENTENCE_CHARS <= len(flat(s)) <= MAX_SENTENCE_CHARS and not says_nothing(s.text)]
        for s, v in zip(spans, vectors(c, spans), strict=True):
            seen.add((c.source, s.start))
            if v is not None:
                out.append((c, s, v))
    return out


def _numbered(picked: list[tuple[Chunk, Span, float]]) -> tuple[list[str], list[Citation]]:
    """Each picked sentence with its marker; sentences of one passage share its citation."""
    lines, cites, number = [], [], {}
    for c, s, score in sorted(picked, key=lambda x: (x[0].source, x[1].start)):
        if c.id not in number:
            number[c.id] = len(number) + 1
        lines.append(f"{flat(s)} [{number[c.id]}]")
    for c_id, n in number.items():
        spans = [(c, s, score) for c, s, score in picked if c.id == c_id]
        chunk = spans[0][0]
        cites.append(cite(n, chunk, sorted((s for _, s, _ in spans), key=lambda s: s.start), max(x[2] for x in spans)))
    return lines, sorted(cites, key=lambda c: c.n)


def whole(q: Question, title: str, chunks: list[Chunk], vectors: Vectors) -> Answer | None:
    """A summary of one document (its ``chunks``), or None when it has no sentence to quote."""
    units = _units(chunks, vectors)
    if not units:
        return None
    mat = np.stack([v for _, _, v in units])
    centroid = mat.mean(axis=0)
    central = mat @ (centroid / (np.linalg.norm(centroid) or 1.0))
    central[0] += LEAD_BONUS
    # Sentences that use the title's words carry the document's subject (a classic extractive cue).
    heading = term_set(title)
    if heading:
        central += TITLE_WEIGHT * np.array([len(heading & term_set(s.text)) / len(heading) for _, s, _ in units])
    # "Ces engagements…" leans on the sentence before it: out of its context it says little.
    central -= ANAPHOR_PENALTY * np.array([bool(CONTINUES.match(s.text)) for _, s, _ in units])
    head = (f"Summary of “{title}” (its own sentences):" if q.lang == "en" else f"Résumé de « {title} » (ses propres phrases) :")
    budget = MAX_SUMMARY_CHARS - len(head) - 10
    picked: list[int] = []
    while len(picked) < MAX_SENTENCES:
        sections = {units[i][0].section for i in picked}
        best, best_score = None, -np.inf
        for i, (c, s, _) in enumerate(units):
            if i in picked or len(flat(s)) + 6 > budget:
                continue
            novelty = max((float(mat[i] @ mat[j]) for j in picked), default=0.0)
            score = MMR_LAMBDA * central[i] - (1 - MMR_LAMBDA) * novelty - SAME_SECTION_PENALTY * (c.section in sections)
            if score > best_score:
                best, best_score = i, score
        if best is None:
            break
        picked.append(best)
        budget -= len(flat(units[best][1])) + 6
    lines, cites = _numbered([(units[i][0], units[i][1], float(central[i])) for i in picked])
    return Answer(head + "\n" + "\n".join(f"- {line}" for line in lines), q.lang, True, cites, kind="summary")


def _topic_terms(topic: str) -> set[str]:
    return {w for w in words(topic) if w not in STOP_WORDS and len(w) >= 3}


def _mentions(terms: set[str], text: str) -> bool:
    have = set(words(text))
    stems = {stem(w) for w in have}
    return any(t in have or stem(t) in stems or (len(t) >= 5 and any(w[:5] == t[:5] for w in have)) for t in terms)


def topic(q: Question, hits: list[Hit], vectors: Vectors, query_vector: np.ndarray) -> Answer | None:
    """What the documents say on ``q.topic``: the best section among ``hits`` (a heading that
    names the topic wins), up to three of its sentences closest to the topic, in order."""
    if not hits:
        return None
    terms = _topic_terms(q.topic)
    # A heading that names the topic points to its section ("Réactions des marchés" for "market reaction").
    sections: dict[tuple[str, str], list[Hit]] = {}
    for h in hits:
        sections.setdefault((h.chunk.source, h.chunk.section), []).append(h)

    def rank(key: tuple[str, str]) -> float:
        return max(h.score for h in sections[key]) + 0.2 * _mentions(terms, key[1])
    chosen = max(sections, key=rank)
    units = _units([h.chunk for h in sections[chosen]], vectors)
    if not units:
        return None
    names = {fold(n) for n in q.names}
    scored = sorted(((float(v @ query_vector) + 0.05 * any(n in fold(s.text) for n in names), c, s)
                     for c, s, v in units), key=lambda x: -x[0])
    grounded = _mentions(terms, chosen[1] + " " + " ".join(s.text for _, _, s in scored[:3]))
    if not grounded and scored[0][0] < MIN_TOPIC_COSINE:
        return None
    head = (f"Here is what the document says about {q.topic}:" if q.lang == "en"
            else f"Voici ce que dit le document sur {q.topic} :")
    limit = MAX_TOPIC_CHARS
    named = [x for x in scored if any(n in fold(x[2].text) for n in names)]
    if named:  # "Et Google ?": what the document says of Google, as short as a fact
        scored, limit = named, MAX_NAMED_TOPIC_CHARS
    budget, picked = limit - len(head) - 10, []
    for score, c, s in scored[:3]:
        if len(flat(s)) + 10 <= budget:
            picked.append((c, s, score))
            budget -= len(flat(s)) + 10
    if not picked:
        return None
    lines, cites = _numbered(picked)
    body = "\n".join(quoted(line.rsplit(" [", 1)[0], q.lang) + " [" + line.rsplit(" [", 1)[1] for line in lines)
    return Answer(f"{head}\n{body}", q.lang, True, cites, kind="summary")
