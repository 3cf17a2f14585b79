"""What the documents' words are, read once per opened index: the words they use (and their stems
and first letters), the acronyms they spell out, and which words they write as common words rather
than names."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .acronyms import definitions
from .compounds import compounds, key
from .text import fold, stem, words
from .types import Chunk

_CAPITAL = re.compile(r"(?<![\w-])[A-ZÀ-Þ][\w-]*")
_LOWER = re.compile(r"(?<![\w-])[a-zà-ÿ][\w-]*")
# What may open a sentence or an item, where a capital says nothing: ". ", "! ", ": ", a line start,
# a bullet ("- ", "• ", "* ") at a line start.
_OPENING = re.compile(r"(?:^|[.!?…:;»]|\n\s*(?:[-•*]|\d+[.)])?)\s*$")


def _inside(text: str) -> set[str]:
    """The folded words ``text`` capitalises inside a sentence: after a word, a quote (“Orange”),
    a bracket, a slash or markup, not where a sentence, a clause after a colon or an item opens."""
    return {fold(m.group()) for m in _CAPITAL.finditer(text) if not _OPENING.search(text[max(0, m.start() - 8):m.start()])}


def _pairs(stems: list[str]) -> Iterator[tuple[str, str]]:
    return zip(stems, stems[1:])


class Lexicon:
    """The words of an opened index's documents, read once when the index is opened."""

    def __init__(self, chunks: Iterable[Chunk]) -> None:
        chunks = list(chunks)
        # Folded words of all documents: a French question none of whose subject words the
        # documents ever use ("chiffre d'affaires") asks about something they do not cover.
        self.vocabulary = {w for c in chunks for w in words(f"{c.title} {c.section} {c.text}")}
        # their compound words ("vide-greniers"), by the stems of their parts, and the stems of
        # their words that follow one another ("place forte")
        texts = [f"{c.title}\n{c.section}\n{c.text}" for c in chunks]
        self.compounds = {key(w) for t in texts for w in compounds(t, any_case=True)}
        self.pairs = {pair for t in texts for pair in _pairs([stem(w) for w in words(t)])}
        self.stems = {stem(w) for w in self.vocabulary}
        self.prefixes = {w[:5] for w in self.vocabulary if len(w) >= 6}
        # The acronyms the documents spell out ("… protection des données (RGPD)"), for the passages
        # that use them alone (the first definition kept). cnil/dev: "Règlement européen : …"
        # questions answered from fiches that write "RGPD", and "TAJ (Traitement d'antécédents
        # judiciaires - anciens STIC et JUDEX) : …" from fiches that never write the old names:
        # correct 25 -> 29/39, wrong 6 -> 6; absent facts 25 -> 27/39 confident (both TAJ
        # questions, answered from the other TAJ fiches); spf, article, chat, PIAF unchanged.
        # acronym -> (passage, long form) of each passage that spells it out
        self.defined: dict[str, list[tuple[Chunk, str]]] = {}
        for c in chunks:
            for acronym, long in definitions(c.text).items():
                self.defined.setdefault(acronym, []).append((c, long))
        self.aliases = {acronym: found[0][1] for acronym, found in self.defined.items()}
        # Words written in lower case and never capitalised inside a sentence: common words, which
        # a question capitalises only to open it ("Dire que je porte une arme… ?").
        lower = {fold(m.group()) for c in chunks for m in _LOWER.finditer(c.text)}
        named = set().union(*(_inside(c.text) for c in chunks))
        self.common = frozenset(lower - named)

    def writes(self, word: str) -> bool:
        """The documents use the word or a word of the same stem (not merely its first letters)."""
        return all(w in self.vocabulary or stem(w) in self.stems for w in words(word))

    def known(self, word: str) -> bool:
        """The documents use the word, a word of the same stem or of the same first five letters."""
        return all(w in self.vocabulary or stem(w) in self.stems or (len(w) >= 6 and w[:5] in self.prefixes)
                   for w in words(word))
