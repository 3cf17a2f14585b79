"""A question that restates a document's own title-question ("Que devient la vente lorsque le crédit
immobilier est refusé ?" of the fiche so titled): FAQ entries, help pages and administrative fiches
answer their title in their opening lines, so that document's sentences are read, its first ones
favoured. Elsewhere (titles that are names, or questions asked in other words) nothing changes."""
from __future__ import annotations

import math
from dataclasses import replace

from .replies.fact import heading_like, says_nothing
from .retrieval import Hit
from .selection import Candidate
from .text import term_set
from .types import Chunk

# Share of content-word stems that question and title have in common (Jaccard): a restatement, not a
# question on the same subject. On spf/dev (questions that are fiche titles) every pair scores 1.0;
# a question reworded by a user ("Que devient la vente si le prêt est refusé ?") about 0.5.
MIN_OVERLAP = 0.5
# Added to the score of a sentence of the opening section: LEAD_WEIGHT * exp(-position / LEAD_DECAY),
# position counted in sentences of that section. On spf/dev, strict answers 21/34 before; with
# weight / decay 0.15-0.25 / 2-6 from 28 to 30 (0.2 / 6: 30, wrong 0); 0.35 / 4: 25. Below 0.2 an
# opening that shares no word with the question loses to a later sentence that does (tests/test_titled.py).
LEAD_WEIGHT = 0.2
OPENING_CHUNKS = 4
LEAD_DECAY = 6.0


def restated(query: str, titles: dict[str, str], hits: list[Hit]) -> str | None:
    """The retrieved document whose title is a question that ``query`` restates, if one is."""
    asked = term_set(query)
    best, best_overlap = None, 0.0
    for source in dict.fromkeys(h.chunk.source for h in hits):
        title = titles.get(source, "")
        if not title.rstrip().endswith("?"):
            continue
        own = term_set(title)
        overlap = len(asked & own) / max(1, len(asked | own))
        if overlap >= MIN_OVERLAP and overlap > best_overlap:  # on a tie, the better ranked stays
            best, best_overlap = source, overlap
    return best


def whole(chunks: list[Chunk], hits: list[Hit]) -> list[Hit]:
    """The passages of one document to read, in order, as equally ranked hits: its opening section
    (``OPENING_CHUNKS`` passages at most: a long PDF is not scored whole) and those retrieved."""
    ordered = sorted(chunks, key=lambda c: c.start)
    opening = [c for c in ordered if c.section == ordered[0].section][:OPENING_CHUNKS] if ordered else []
    source = ordered[0].source if ordered else None
    keep = {c.id for c in opening} | {h.chunk.id for h in hits if h.chunk.source == source}
    top = hits[0].score if hits else 0.0
    return [Hit(c, top, 0.0, 0.0) for c in ordered if c.id in keep]


def lead_first(ranked: list[Candidate]) -> list[Candidate]:
    """``ranked`` (one document's sentences) rescored with its opening section favoured (the text
    before its first heading, or its first section), first sentences most, best first.
    The document answers its own question in its own terms ("Le nombre de trimestres requis varie
    selon votre année de naissance" to "Combien de trimestres… ?"): a sentence need not hold the
    kind of answer the question's words ask for (its short answer, where it has one, stays)."""
    first = min((c.hit.chunk for c in ranked), key=lambda ch: ch.start, default=None)
    opening = sorted({(c.sentence.start, c.sentence.end) for c in ranked
                      if first is not None and c.hit.chunk.section == first.section})
    order = {k: i for i, k in enumerate(opening)}
    out = []
    for c in ranked:
        at = order.get((c.sentence.start, c.sentence.end))
        lead = math.exp(-at / LEAD_DECAY) if at is not None else 0.0
        out.append(replace(c, typed=True, features={**c.features, "lead": lead}, score=c.score + LEAD_WEIGHT * lead))
    return sorted(out, key=lambda c: c.score, reverse=True)


def with_next(chosen: list[Candidate], ranked: list[Candidate]) -> list[Candidate]:
    """The chosen sentence and the one after it in its passage: a document's answer to its own
    question is a short paragraph ("… d'un certain nombre de trimestres. Le nombre de trimestres
    requis varie selon votre année de naissance…"). A reply led by a short answer stays as it is."""
    if len(chosen) != 1 or chosen[0].answer:
        return chosen
    best = chosen[0]
    after = next((c for c in ranked if c.hit is best.hit and c.sentence.start >= best.sentence.end
                  and not any(o.hit is best.hit and best.sentence.end <= o.sentence.start < c.sentence.start
                              for o in ranked)), None)
    if after is None or heading_like(after.sentence.text) or says_nothing(after.sentence.text):
        return chosen  # a heading or an "En savoir plus" line adds nothing to the answer
    return [best, after]
