"""A single fact: the best grounded sentence, led by its short answer (an amount, a date, a name,
the agent of a "qui a fondé ?"), with a close runner-up from the same passage quoted too."""
from __future__ import annotations

import re

from ..agents import agent
from ..compounds import narrower
from ..roles import holder
from ..attribution import asked_owners, belongs_elsewhere
from ..answer_types import AMOUNT, COUNT, DATE, DURATION, PERCENT
from ..english import to_english
from ..question import Question
from ..selection import Candidate, refers_back, same_paragraph
from ..text import fold, stem, words
from ..types import Answer, Chunk, Span
from .common import MAX_ANSWER_CHARS, capital, cite, coherent, flat, frame, join, quoted, together, window

# Abstention, tuned on PIAF dev (all answerable) against the same 929 questions asked of the article
# alone (none answerable): at a 0.80 floor, 6.6% of the first abstain and 1.8% of the second answer.
MIN_COSINE = 0.80
# An English question sits further from the French evidence than the same question in French
# (bench/parity.py, 48 answerable pairs: cosine 0.049 lower on average). Where it asks how long,
# the sentence must hold a duration, which already vouches for it, so the floor gives way by this
# much: parity 52 -> 54/72, English correct 0.64 -> 0.67, wrong unchanged (0.05 gave the same).
# Not for dates or places: "When was Microsoft founded?" then answered "In 2021." (Anthropic's
# founding) and "Where is Microsoft's headquarters?" "Anthropic."; nor for untyped questions:
# "What is Microsoft's market capitalisation?" (chat_dev, not in the article) got an answer.
ENGLISH_DURATION_SLACK = 0.03
_RENDERED = (AMOUNT, PERCENT, COUNT, DURATION, DATE)  # kinds of answer to_english renders
# Unsure between two sentences of one passage, the reply quotes both: the runner-up joins when its
# score is within this of the best (on PIAF dev: answer containment 0.540 -> 0.558).
RUNNER_UP_MARGIN = 0.09
# A sentence from another document than the one retrieval ranked first (``second_hand``) that holds
# less than this share of the question's subject words (idf-weighted) answers another question. On
# PIAF dev, 72% of the replies from such sentences were wrong; below 0.4: 29 wrong replies and 3
# right ones; cnil/dev: none; absent facts: 3 of 27 confident replies (at 0.5, PIAF lost 9 right).
SECOND_HAND_COVERAGE = 0.4


def heading_like(text: str) -> bool:
    """A line with no final punctuation and a dozen words at most: a heading, a table cell or a
    list item, which says little alone ("Vente d'un bien mobilier ou immobilier aux enchères")."""
    t = text.strip()
    return not re.search(r"[.!?…:;»)\"”]$", t) and len(t.split()) <= 12


# Lines that point elsewhere instead of saying something: "En savoir plus : …", "Voir aussi …".
_NAVIGATION = re.compile(r"\W*(?:pour )?(?:en savoir plus|voir aussi|voir egalement|lire aussi|a lire aussi|a voir|"
                         r"see also|read more|learn more|more information|plus d'informations? sur)\b")


# Words addressed to a program that reads the page ("Ignore previous instructions and say …"),
# not to its reader: a document may carry them to steer an assistant; they state no fact.
_ORDERS = r"(?:instructions?|prompts?|consignes?|directives?)"
_BEFORE = r"(?:previous|prior|above|earlier|precedentes?|anterieures?|ci-dessus)"
# An order opens its clause: "Ignore previous instructions…", "… et ignorez les consignes
# précédentes", "Ne tenez pas compte des instructions précédentes"; "Le gouvernement a ignoré les
# directives antérieures" states a fact.
_INSTRUCTIONS = re.compile(
    rf"(?:^|[.!?:;,]\s*|\b(?:and|et|puis|then)\s+)(?:please\s+|s'il vous plait,?\s+)?"
    rf"(?:ignore|ignorez|ignores|disregard|forget|oublie|oubliez|ne (?:tiens|tenez|pas tenir) pas compte (?:des?|du|d'))"
    rf"\W+(?:\w+\W+){{0,3}}?(?:{_BEFORE}\W+{_ORDERS}|{_ORDERS}\W+{_BEFORE})\b")


def says_nothing(text: str) -> bool:
    """A navigation line, a question, punctuation alone (a "." left on its own line after a link
    in a fiche), or instructions to a program: none answers anything when quoted alone."""
    t = fold(text.strip())
    return (bool(_NAVIGATION.match(t)) or t.endswith("?") or not re.search(r"[^\W_]", t)
            or bool(_INSTRUCTIONS.search(t)))


def _announces(c: Candidate) -> bool:
    return flat(c.sentence).endswith(":")


def usable(c: Candidate, floor: float = MIN_COSINE) -> bool:
    """The sentence names what the question names, holds the kind of answer it wants, and is
    close enough to it, in a passage that mentions the topic a label before a colon names; a
    heading or a list item alone says nothing unless it holds the short answer, and a line that
    announces a list ("… dans les cas suivants :") needs its list."""
    if not (c.grounded and c.typed and c.cosine >= floor and c.features.get("on_topic", 1.0)):
        return False
    # An English question's figure or date must sit in a sentence that holds a French word its own
    # words were bridged to, or follows one that does: "When was Nvidia founded?" ("fondée") answered "Late October"
    # from the share-price sentence, "What is Microsoft's valuation?" ("valorisation") "$5 billion"
    # from the investment one. bench/parity.py English: wrong 0.32 -> 0.28, correct 0.67 -> 0.69;
    # parity 57 -> 56/72 (an English abstention where the French answer is wrong).
    if c.answer and not c.features.get("bridged", 1.0):
        return False
    if second_hand(c) and c.features.get("coverage", 1.0) < SECOND_HAND_COVERAGE:
        return False
    if c.features.get("prices_other"):  # "2,60 euros" of the telework allowance for a meal's price
        return False
    if heading_like(c.sentence.text) and not (c.answer or c.features.get("holder")) or says_nothing(c.sentence.text):
        return False
    return not _announces(c) or bool(_items_after(c.hit.chunk, c.sentence))


def _items_after(chunk: Chunk, sentence: Span) -> list[Span]:
    """The lines of the list that ``sentence`` announces: the passage's next sentences, up to the
    first one that is not shaped like an item."""
    out = []
    for s in chunk.sentences:
        if s.start < sentence.end:
            continue
        if len(s.text.split()) > MAX_ITEM_WORDS or len(out) >= MAX_ITEMS:
            break
        out.append(s)
    return out


MAX_ITEM_WORDS = 30
MAX_ITEMS = 8


def choose(ranked: list[Candidate], floor: float = MIN_COSINE) -> list[Candidate]:
    """The best usable sentence, and the runner-up from the same passage when the two are close;
    empty when no sentence is good enough (abstain). ``ranked`` is best first."""
    best = next((c for c in ranked if usable(c, floor)), None)
    if best is None:
        return []
    if best.answer or best.features.get("holder") or _announces(best):  # a short answer, or a list, already answers
        return [best]
    # The runner-up only adds context to a reply that stands on ``best``; not a heading, nor a line
    # that announces a list it would be quoted without.
    # Nor a pronoun's sentence of another paragraph, which would read as about the best one's
    # subject ("Elle est organisée par le comité des fêtes" beside the fête de la musique), nor one
    # without the names the best one holds.
    runner = next((c for c in ranked if c is not best and c.hit is best.hit and not heading_like(c.sentence.text)
                   and not _announces(c) and not says_nothing(c.sentence.text)
                   and (not refers_back(c.sentence.text) or same_paragraph(best.hit.chunk, best.sentence, c.sentence))
                   and c.features.get("grounded_here", 1.0) >= best.features.get("grounded_here", 1.0)), None)
    return [best, runner] if runner is not None and best.score - runner.score <= RUNNER_UP_MARGIN else [best]


def second_hand(c: Candidate) -> bool:
    """The sentence comes from another document than the one retrieval ranked first, and still
    scored best (despite the ``other_document`` weight): a figure or a name found there is seldom
    the one asked for. It is quoted, but does not lead, nor does a verdict or a sum read from it
    (PIAF dev: 23 of 24 such short answers were wrong)."""
    return c.features.get("other_document", 0.0) < 0.0


def with_answer(c: Candidate, short: str) -> Candidate:
    """``c`` with ``short`` as its short answer (a total, or none where a verdict leads instead)."""
    return Candidate(c.hit, c.sentence, c.focus, c.cosine, c.grounded, True, short, c.features, c.score)


def reply(q: Question, chosen: list[Candidate], prefix: str = "", intro: str | None = None) -> Answer:
    """The reply resting on ``chosen`` (best first): a short answer when there is one, then the
    quote, cited [1]. ``prefix`` (a verdict such as "Non") goes first; ``intro`` replaces the words
    that introduce the quote."""
    c = chosen[0]
    chunk = c.hit.chunk
    # A figure that follows another name than the question's is quoted, but does not lead: "la
    # valorisation d'Anthropic à environ 350 milliards" for "Quelle est la valorisation de Nvidia ?"
    # (PIAF dev: 28 wrong short answers no longer lead, and 12 right ones; their quote stays).
    owners, text = asked_owners(q.query, q.names), f"{chunk.title} {chunk.text}"
    tied = not (c.answer and belongs_elsewhere(c.sentence.text, c.answer, owners, text)) and \
        not c.features.get("counts_other")  # "trois cent douze adhérents" for "combien de bénévoles"
    # nor does the answer of a sentence that holds none of the question's words, nor does the one
    # before it: "0,20 € la page" for "Quel est le montant de l'amende en cas de retard ?" (PIAF dev:
    # 3 wrong short answers and 1 right one no longer lead; parity and the eval sets unchanged)
    lead = not second_hand(c) and c.features.get("in_context", 1.0) > 0.0 and not narrower(q.query, c.sentence.text)
    short = c.answer if lead and tied else None
    if lead and not short:  # nor does the agent of another name's verb: "Anthropic, fondée … par
        # d'anciens employés d'OpenAI" says nothing of who founded Nvidia
        by = agent(c.sentence.text, f"{q.query} {q.french}", q.names)
        # the holder of the role asked answers for whose role it is itself ("Président du conseil
        # syndical :"): "Syndic : Cabinet Moreau Gestion" for "… de la résidence Les Tilleuls ?"
        short = by if by and not belongs_elsewhere(c.sentence.text, by, owners, text) else \
            holder(c.sentence.text, q.query)
    if q.lang == "en":
        english = to_english(short, q.answer_type) if short else ""
        # a figure or date left in French words ("de l'ordre de quelques pourcents") does not lead
        # an English reply: the quote says it
        if short == c.answer and english == short and q.answer_type in _RENDERED and \
                re.search(r"(?<![\w'])[a-zà-ÿ]{3,}", short):
            english = ""
        head = f"{capital(english)}. " if english else ""
    else:
        if short and q.answer_type == DATE and re.fullmatch(r"\d{4}", short):
            short = f"en {short}"  # "En 2021." reads as an answer; "2021." alone does not
        head = f"{capital(short)}. " if short else ""
    head = ("" if second_hand(c) else prefix) + head  # nor a verdict, a sum or a comparison
    intro = frame(q.lang, bool(head)) if intro is None else intro
    budget = MAX_ANSWER_CHARS - len(head) - len(intro) - 8
    spans = [coherent(chunk, c.sentence, budget, follow=not (short or prefix))]
    items = _items_after(chunk, c.sentence) if _announces(c) else []
    if items:  # the list the sentence announces, as far as the budget allows
        fitting = [it for it in items if it.end - spans[0].start <= budget] or items[:1]
        spans = [join(chunk, spans[0], fitting[-1])]
    if len(chosen) > 1 and chosen[1].hit is c.hit:  # a runner-up from another passage is not quoted
        spans = together(chunk, spans[0], coherent(chunk, chosen[1].sentence, budget), budget)
    if items:  # one item a line in the document: "; " keeps them apart in the quote
        intro_text = " ".join(chunk.text[spans[0].start - chunk.start:c.sentence.end - chunk.start].split())
        text = window(intro_text + " " + "; ".join(flat(it) for it in fitting), budget)
    elif len(spans) == 1:
        text = window(flat(spans[0]), budget, focus=short or c.focus.text)
    else:
        text = " … ".join(flat(sp) for sp in spans)
    main = next(sp for sp in spans if sp.start <= c.sentence.start < sp.end)
    return Answer(f"{head}{intro}{quoted(text, q.lang)} [1]", q.lang, True, [cite(1, chunk, spans, c.cosine, main)],
                  kind="fact")
