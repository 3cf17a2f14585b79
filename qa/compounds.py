"""Compound words a question asks about: a "vice-président" is not the "président" a text names,
nor a "grand-parent" the "parent" of a list of family leave. Each part is a word the documents
know, so the checks on single words let the question through, and the answer is about the other
thing: documents that never write the compound hold no answer (``unwritten``), and a sentence that
names only its last part gives no short answer (``narrower``)."""
from __future__ import annotations

import re

from .text import fold, stem

# A word made of words joined by hyphens, in lower case in a question (a capital names someone or
# somewhere: "Jules-Ferry", "Saint-Aubin"), in any case in the documents ("Afro-américains").
_COMPOUND = re.compile(r"(?<![\w-])[a-zà-ÿ]+(?:-[a-zà-ÿ]+)+(?![\w-])")
_ANY_CASE = re.compile(_COMPOUND.pattern, re.I)
# The pronoun a question inverts after its verb ("peut-il", "a-t-elle", "est-ce"): no compound.
_INVERTED = re.compile(r"-(?:t-)?(?:il|elle|ils|elles|on|ce|je|tu|nous|vous|moi|toi|lui|en|y|la|le|les|leur)(?![\w-])")
# What a first part makes of the person the rest names: another relative or another role
# ("vice-président", "grand-parent", "demi-frère", "belle-mère", "ex-mari", "sous-directeur").
# Not "non-", "mi-", "anti-"…: "non-résident" may be the "extérieurs" of a price list, "mi-temps" its
# "temps partiel".
_MODIFIERS = frozenset("vice grand grands grande grandes arriere demi beau beaux belle belles ex co sous".split())


def compounds(text: str, any_case: bool = False) -> set[str]:
    """The folded compound words of ``text`` (a question's; ``any_case``: a document's)."""
    return {fold(m.group()) for m in (_ANY_CASE if any_case else _COMPOUND).finditer(_INVERTED.sub(" ", text))}


def key(compound: str) -> tuple[str, ...]:
    """A compound's parts by stem: "e-mails" is the "e-mail" of the documents."""
    return tuple(stem(p) for p in compound.split("-"))


def unwritten(query: str, written: set[tuple[str, ...]], stems: set[str],
              pairs: set[tuple[str, str]]) -> list[str]:
    """The compounds of ``query`` made of a modifier and a thing the documents name ("vice-" and
    "président") that they never write: hyphenated (``written``: their compounds' keys), joined
    (``stems``: the stems of their words, "grandparent") or apart (``pairs``: the stems of their
    words that follow one another, "grand parent"). Another compound the documents never write
    ("place-forte" of a text that says "château") may be a paraphrase, like any unknown word."""
    out = []
    modified = {k[0] for k in written}
    for c in compounds(query):
        parts = c.split("-")
        # nor where the documents write the modifier with another word: "grand-parent" may stand
        # for the "grand-mère" asked
        if parts[0] not in _MODIFIERS or stem(parts[-1]) not in stems or stem(parts[0]) in modified:
            continue
        k = key(c)
        if k in written or stem("".join(parts)) in stems or all(pair in pairs for pair in zip(k, k[1:])):
            continue
        out.append(c)
    return out


def narrower(query: str, sentence: str) -> bool:
    """The question asks about a compound whose first part narrows the last ("vice-président",
    "grand-parent", "demi-pension") and the sentence names only the last: "présidé par…" does
    not say who the vice-president is, "décès d'un parent" not what a grandparent's death gives."""
    said = fold(sentence)
    for c in compounds(query):  # lower case: no name
        first, last = c.rsplit("-", 1)
        if len(first) < 2 or len(last) < 3 or c in said or f"{first.replace('-', ' ')} {last}" in said:
            continue
        if re.search(rf"(?<![\w-]){re.escape(last[:5])}", said):
            return True
    return False
