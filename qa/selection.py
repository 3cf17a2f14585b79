"""Which sentence of the retrieved passages answers the question: every sentence gets a few
features (closeness to the question, shared words, the kind of answer it holds, the rank of its
passage) and a score, their weighted sum."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .acronyms import unglossed, written
from .agents import agent
from .answer_types import AMOUNT, COUNT, DATE, DURATION, PERCENT, PLACE, numeric, question_type
from .asked import subject_terms
from .bounds import asked_bound, bound_of
from .bridge import not_subject_fr
from .capitals import new_name, opening_word
from .chunking import clauses
from .definitions import defined_terms, defines, presents
from .english import calendar_french
from .followup import entities
from .indexing import sentence_id
from .locate import answers, counted_noun, counts_other, cut_short, locate, undecided
from .priced import priced_noun
from .retrieval import Hit, HybridIndex
from .roles import holder
from .text import LABEL, analyze, fold, has_term, stem, term_set, unlabelled, word_set, words
from .values import another_item, other_label
from .types import Chunk, Span

if TYPE_CHECKING:
    from .lexicon import Lexicon

# Score = sum of weight * feature, on the scale of a cosine. Set by hand against PIAF dev answer
# containment and the article's dev set (on an index built fresh); ``who_name`` was fitted by
# ``bench/tune_selection.py``; ``defines`` (a sentence that says what the asked term is) on
# cnil/dev: right document 24/39 -> 25/39 at any weight from 0.05 to 0.2, PIAF and spf unchanged;
# ``agent`` (a "qui ?" answered by "<verbe> par X") 25 -> 26 from 0.1 (PIAF 0.606 -> 0.604; 0.2: 0.602);
# ``bound`` (its date is the end of the period asked): 0.05 passes the sentence that says "jusqu'au 30
# juin 2032" over one 0.024 ahead (a new-user trial's lease); the eval sets and PIAF unchanged;
# ``holder`` (the name next to the role asked) as ``agent``: "Syndic : Cabinet Moreau Gestion" passes
# the residence's opening, 0.016 ahead for the residence's name (a new-user trial's co-ownership rules);
# ``precise`` (the answer is a number, in digits or in words): words count since parity's access-delay
# pair lost "dans un délai d'un mois" to "8 jours", 0.003 ahead (PIAF containment 0.610 -> 0.609).
# A free refit of all of them (with the features ``explore`` adds) scores no better on PIAF in
# cross-validation (0.579 against 0.581) and loses article cases.
WEIGHTS = {"cosine": 1.0, "coverage": 0.2, "grounded_here": 0.03, "near": 0.08, "precise": 0.02,
           "rank": -0.01, "fused": 0.25, "other_document": 4.0, "who_name": 0.075,
           "defines": 0.1, "agent": 0.1, "holder": 0.1, "bound": 0.05}
# A sentence opening with one of these leans on the one before it ("Elle a été fondée en 2021.").
CONTINUES = re.compile(
    r"(?:Il|Elle|Ils|Elles|Ce|Cet|Cette|Ces|Celui|Celle|Ceux|Celles|Son|Sa|Ses|Leur|Leurs|Cela|Ceci|Lui|Là|Ainsi|"
    r"En effet|De plus|Par ailleurs|Parallèlement|En outre|De même|Également|Toutefois|Cependant|Mais|Or|It|They|"
    r"This|These|He|She|His|Her|Its|Their|However|Thus|Meanwhile|Moreover)\b")
# A sentence whose subject is a personal pronoun is about what the one before it names ("Il est
# organisé par…" after "Le vide-greniers se tiendra…"); a connective ("Parallèlement") only links
# two facts, and a demonstrative brings its own noun ("Ces engagements … la valorisation").
# ("Il est interdit de…", "Il y a…", "Il faut…" name nothing: impersonal; "Il est chargé de la
# comptabilité", "It was founded in 2021" name what came before)
IMPERSONAL = re.compile(
    r"(?:Il|It)\s+(?:y a|y avait|faut|fallait|s'agit|s'agissait|suffit|convient|importe|semble|"
    r"(?:est|était|sera|serait|is|was|will be|would be)\s+(?:(?:très|plus|particulièrement|strictement|formellement|"
    r"vivement|fortement|also|very|strongly)\s+)?(?:interdit|obligatoire|possible|impossible|nécessaire|recommandé|"
    r"conseillé|déconseillé|permis|important|utile|inutile|préférable|indispensable|défendu|prévu|demandé|rappelé|"
    r"précisé|difficile|facile|essentiel|souhaitable|probable|vrai|clair|normal|temps|forbidden|prohibited|"
    r"mandatory|compulsory|necessary|important|recommended|advisable|likely|unlikely|clear|true|"
    r"expected|required)\b)")
REFERS_BACK = re.compile(r"(?:Il|Elle|Ils|Elles|It|They|He|She)\b(?!\s*$)")


def refers_back(text: str) -> bool:
    """The sentence's subject is a personal pronoun that stands for what came before it."""
    return bool(REFERS_BACK.match(text)) and not IMPERSONAL.match(text)
# Ordinals and small numbers ("2ème", "1er", "3") are not names: texts write them many ways.
_ORDINAL = re.compile(r"\d{1,2}(?:er|re|e|è|ème|eme|nd|nde|th|st|rd)?", re.I)
_WHO = re.compile(r"\W*(?:(?:par|a|de|pour|avec|to|by|for|with) )?(?:qui|who|whom|whose)\b")


@dataclass
class Candidate:
    hit: Hit
    sentence: Span
    focus: Span                   # the sentence, or its clause closest to the question
    cosine: float                 # of the question and that clause
    grounded: bool                # every name of the question is in the passage or its headings
    typed: bool                   # the sentence holds the kind of answer asked for
    answer: str | None            # that answer ("10 milliards de dollars"), when a kind was asked for
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0


def candidates(index: HybridIndex, query: str, vector: np.ndarray, hits: list[Hit],
               explore: bool = False, also: str = "", instead: frozenset[str] = frozenset(),
               lexicon: Lexicon | None = None, kind: str | None = "", french: bool = True) -> list[Candidate]:
    """Every sentence of ``hits``, scored; ``explore`` adds the features tried but not weighted
    (for ``bench/tune_selection.py``; answers do not compute them). ``also``: more words the
    sentences may share with the question (the French words of an English one), standing
    ``instead`` of some of its words; ``lexicon``: the documents' own words, with the acronyms they
    spell out, which a passage that writes the acronym also says; ``kind``: the answer type asked
    for, when the analysed question knows it (none for "why"), else read from ``query``; ``french``:
    the question's words are the documents' own, so a list line's label must name its group."""
    aliases = lexicon.aliases if lexicon else {}
    common = lexicon.common if lexicon else frozenset()

    def said(text: str) -> frozenset[str]:  # "RGPD" says "Règlement européen sur la protection des données"
        return word_set(text).union(*(word_set(aliases[a]) for a in written(text) if a in aliases))
    # Passages are ranked by document: retrieval tells documents apart better than the sections of
    # one document, whose sentences compete on their own merits (all of the article's do).
    documents = list(dict.fromkeys(h.chunk.source for h in hits))
    vecs = index.sentence_vectors(list({sentence_id(h.chunk.source, u) for h in hits for s in h.chunk.sentences
                                        for u in (s, *clauses(s))}))
    kind = question_type(query) if kind == "" else kind
    ends = asked_bound(query) if kind == DATE else None  # "Quand le bail prend-il fin ?"
    # A bridged English word counts once, as its French word: left in, a word no passage uses gets
    # the highest idf and outweighs what the passages do share ("valuation" beside "valorisation").
    # The words inside brackets that spell out the acronym before them restate it: "TAJ (Traitement
    # d'antécédents judiciaires - anciens STIC et JUDEX)" asks about the TAJ, which its document need
    # not define again, nor name by its old names.
    plain = unglossed(query)
    gone = set(analyze(" ".join(instead)))
    bridged = frozenset(analyze(also))
    weights = {t: index.idf(t) for t in dict.fromkeys(subject_terms(f"{plain} {also}")) if t not in gone}
    # an English day or month is no name: its French word is among ``also``
    names = [n for n in entities(plain) if not _ORDINAL.fullmatch(n) and not opening_word(n, query, hits, common)
             and (french or not calendar_french(n))]
    # what a list line's label is compared with: the question's subject terms, but its names
    # (an English question's: the French words its words were bridged to)
    itemised = set(subject_terms(" ".join(w for w in words(plain if french else also) if w not in not_subject_fr()))) - \
        {t for n in names for t in analyze(n)}
    terms = defined_terms(query)
    who = bool(_WHO.match(fold(unlabelled(query))))  # "Préventel : qui peut le consulter ?"
    # "Transports en commun : combien de temps conserver les données ?": the label before the colon
    # names the topic; a passage that never mentions it answers another question.
    label = LABEL.match(query)
    topic = set(analyze(label.group(1))) if label else set()
    asked = set(words(query))
    top = max((h.score for h in hits), default=0.0)
    counted = counted_noun(query) if kind == COUNT else None
    named_here = bool(counted) and any(stem(counted) in {stem(w) for w in word_set(h.chunk.text)} for h in hits)
    # the thing a price is asked of, where the passages name it ("repas" of "Combien coûte un repas ?")
    priced = next(iter(analyze(priced_noun(query) or "")), None) if kind == AMOUNT and french else None
    priced = priced if priced and any(has_term(priced, term_set(h.chunk.text)) for h in hits) else None
    out = []
    for hit in hits:
        c = hit.chunk
        rank = documents.index(c.source)
        heads = word_set(f"{c.title} {c.section}")
        passage = term_set(f"{c.title} {c.section} {c.text}") if topic else frozenset()
        if topic and aliases:
            passage = passage.union(*(term_set(aliases[a]) for a in written(c.text) if a in aliases))
        on_topic = not topic or any(has_term(t, passage) for t in topic)
        grounded = all(_grounded(n, said(c.text) | heads, typos=True) for n in names)

        def cos(u: Span, source: str = c.source) -> float | None:
            i = sentence_id(source, u)
            return float(vecs[i] @ vector) if i in vecs else None

        previous = None
        before: frozenset[str] = frozenset()
        opening: frozenset[str] = frozenset()  # the words of its paragraph's first sentence
        last: Span | None = None
        for s in c.sentences:
            if last is None or not same_paragraph(c, last, s):
                opening = term_set(s.text)
            last = s
            # A long sentence scores as its best clause: one fact is not diluted by its neighbours.
            sims = [(x, u) for u in (s, *clauses(s)) if (x := cos(u)) is not None]
            cosine, focus = max(sims, key=lambda x: x[0]) if sims else (hit.dense, s)
            own = cosine
            # "Cette durée ne doit pas dépasser 1 mois." says what its previous sentence is about:
            # it is also as close as the mean of both (the max instead: PIAF dev one gained, one lost;
            # the mean: one gained and parity's camera pair answered in both languages, none lost).
            if previous is not None and CONTINUES.match(s.text):
                cosine = max(cosine, (cosine + previous) / 2)
            previous = own
            typed, span, near = True, None, 0.0
            if kind:  # answers sit next to their cues; "how much" wants a figure, not "quelques"
                span, near = locate(s.text, kind, query, also)
                # "- École de natation (4 à 10 ans) : 165 €" is no price "pour les seniors", nor is
                # "Séance de kinésithérapie : 18 €" for "chez l'orthophoniste": a list line's label is
                # all it says of what its value is for
                if span and kind in (AMOUNT, COUNT, DURATION, PERCENT) and \
                        (french and other_label(s.text, query) or another_item(s.text, itemised, f"{c.title} {c.section}")):
                    span = None
                typed = span is not None
                # the sentence says where, but "Centre." alone would not; or which of its values is asked
                if kind == PLACE and span and cut_short(s.text, span) or \
                        span and undecided(s.text, kind, f"{query} {also}"):
                    span = None
            # "Il réalise dix blanchissages" shares the words of the sentence that names "il"
            # (PIAF dev answer containment 0.609 -> 0.616, 8 gained and 2 lost; spf/dev lost one
            # "comment fonctionne…?" to the definition that "Elle n'est donc pas remboursée" follows)
            # with the sentence before it, which "Cette durée ne doit pas dépasser 1 mois." continues
            in_context = coverage(weights, term_set(s.text) | before) or 0.0
            # "Il est organisé par…" three sentences after "Le vide-greniers se tiendra…": a pronoun
            # subject may name what its paragraph's first sentence is about, less surely (half; PIAF
            # dev containment: all the paragraph's words at full weight 0.603, the opening at half 0.616)
            if refers_back(s.text):
                covered = in_context + (max(in_context, coverage(weights, term_set(s.text) | before | opening) or 0.0)
                                        - in_context) / 2
            else:
                covered = coverage(weights, term_set(s.text)) or 0.0
            f = {"cosine": cosine,
                 "coverage": covered,
                 "in_context": in_context,
                 "grounded_here": all(_grounded(n, said(s.text) | heads) for n in names),
                 "named": all(_grounded(n, word_set(s.text)) for n in names),  # by the sentence itself
                 "near": near, "precise": bool(span and numeric(span)),
                 "rank": rank,  # of its document
                 # how far its passage's fused score falls below the best passage's (in another document)
                 "fused": hit.score - top,
                 "other_document": (hit.score - top) if c.source != hits[0].chunk.source else 0.0,
                 "who_name": who and new_name(s.text, asked, common),
                 "defines": bool(terms) and defines(s.text, terms),
                 "agent": who and agent(s.text, f"{query} {also}", names) is not None,
                 # "Directrice : Hélène Marchetti" names who holds the role asked
                 "holder": who and holder(s.text, query) is not None,
                 # its date is said to be the end asked for ("jusqu'au 30 juin 2032")
                 "bound": bool(span and ends) and any(bound_of(s.text, sp) == ends for sp in answers(s.text, kind, query)),
                 # the passages name the noun counted, and the number counts another: it does not
                 # lead (PIAF dev: 8 wrong short answers and 3 right ones no longer lead, containment
                 # unchanged; dropping the number instead lost 4 answers to paraphrase, "en cinq
                 # rencontres" for "combien de matchs", for 2 wrong ones abstained)
                 "counts_other": bool(span and named_here and counts_other(s.text, span, query)),
                 # an amount in a sentence that never names the thing priced, nor does the sentence
                 # before it or its heading: another thing's price
                 "prices_other": bool(span and priced) and
                 not has_term(priced, term_set(s.text) | before | term_set(f"{c.title} {c.section}")),
                 "on_topic": on_topic,
                 # an answer of the kind asked sits by words the asked ones were bridged to, in its
                 # sentence or the one before; not in the heading ("Montant et valorisation" heads
                 # the investment sentence too)
                 "bridged": not (kind and bridged) or any(has_term(t, term_set(s.text) | before) for t in bridged)}
            if explore:  # the sentence's place and length, the sentence before it, a pronoun opening
                pos = c.sentences.index(s)
                f |= {"whole": cos(s) or cosine, "first": pos == 0,
                      "previous": (cos(c.sentences[pos - 1]) or 0.0) if pos else 0.0,
                      "anaphor": bool(CONTINUES.match(s.text)), "log_length": math.log(max(1, len(s.text)))}
            f = {k: float(v) for k, v in f.items()}
            out.append(Candidate(hit, s, focus, cosine, grounded, typed, span, f,
                                 sum(w * f[k] for k, w in WEIGHTS.items())))
            before = term_set(s.text)
    return out


def coverage(weights: dict[str, float], terms: set[str]) -> float | None:
    """The idf-weighted share of the question's subject terms found in ``terms``."""
    total = sum(weights.values())
    return None if not total else sum(w for t, w in weights.items() if has_term(t, terms)) / total


def _grounded(name: str, context: set[str], typos: bool = False) -> bool:
    """A name from the question appears in the sentence's context; cognate prefixes count, so
    "Agency" finds "Agence" and "November" finds "novembre"; with ``typos``, so does a long name
    one letter off ("Exelsior" finds "Excelsior")."""
    def found(p: str) -> bool:
        if p in context or (len(p) >= 5 and any(w[:5] == p[:5] for w in context)):
            return True
        return typos and len(p) >= 6 and any(_one_edit(p, w) for w in context if abs(len(w) - len(p)) <= 1)
    return all(found(p) for p in words(name))


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one substitution, insertion or deletion."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1:]


def same_paragraph(chunk: Chunk, a: Span, b: Span) -> bool:
    """No blank line between the two sentences of ``chunk``."""
    first, second = sorted((a, b), key=lambda s: s.start)
    return "\n\n" not in chunk.text[max(0, first.end - chunk.start):max(0, second.start - chunk.start)]


def preceding(chunk: Chunk, sentence: Span) -> Span | None:
    """The sentence of ``chunk`` just before ``sentence``, if any."""
    return next((s for s in reversed(chunk.sentences) if s.end <= sentence.start), None)


def about(c: Candidate, terms: tuple[str, ...]) -> bool:
    """The candidate's sentence is about one of ``terms`` (``definitions.presents``), read with its
    heading and, when it opens on "Ce document…", the sentence before it."""
    before = preceding(c.hit.chunk, c.sentence)
    return presents(c.sentence.text, before.text if before else "", c.hit.chunk.section, terms,
                    bool(CONTINUES.match(c.sentence.text)))
