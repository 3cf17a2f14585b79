"""What a price question prices: "repas" of "Combien coûte un repas à la cantine ?", "adhésion" of
"Quel est le montant de l'adhésion ?". A sentence that gives an amount without naming it, where the
documents do name it, prices something else: "L'entreprise verse une indemnité de télétravail de
2,60 euros par jour" says nothing of a meal (a new user's trial: "2,60 euros." led that reply)."""
from __future__ import annotations

import re

from .text import STOP_WORDS, english_stop_words, fold

_PRICED = re.compile(
    r"\b(?:combien (?:coute|coutent|coutera|couteront|coutait|coutaient|vaut|valent)(?:[\s-]+t)?(?:[\s-]+(?:il|elle|ils|elles))?\s+"
    r"|quel(?:le)?s? (?:est|sont|sera|seront|etait) (?:le |la |les |l')?(?:prix|cout|tarif|montant)s? (?:de la |de l'|du |des |de |d'))"
    r"(?:(?:le|la|les|un|une|des|du|mon|ma|mes|son|sa|ses|leur|leurs)\s+|l'|d')?([a-z][a-z-]{2,})")


_NOT_NOUNS = frozenset("environ desormais revient maintenant aujourd actuellement encore vraiment".split())


# "How much does the sauna cost?", "What is the price of a ticket?" ("How much is each lesson / left /
# spent…?" name no priced thing after "is": a review)
_PRICED_EN = re.compile(r"\bhow much (?:does|do|did|will|would) (?:the |a |an |one |each |every )?([a-z][a-z-]{2,}) cost\b"
                        r"|\bwhat(?: is|'s| are) the (?:price|cost|fee)s? (?:of|for) (?:the |a |an |one |each )?([a-z][a-z-]{2,})")


def priced_noun(query: str) -> str | None:
    """The noun a question asks the price of, folded; None when it names none (English: only
    the noun right before "cost", or after "the price of")."""
    folded = fold(query)
    m = _PRICED.search(folded)
    e = None if m else _PRICED_EN.search(folded)
    noun = m.group(1) if m else next((g for g in e.groups() if g), None) if e else None
    # "Combien coûte environ une séance ?", "le prix de revient": no noun there
    if not noun or noun in STOP_WORDS or noun in english_stop_words() or noun in _NOT_NOUNS or noun.endswith("ment"):
        return None
    return noun

