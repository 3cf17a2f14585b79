"""What a question asks about: its subject terms, without the words that only name the kind of
answer it wants ("montant", "combien coûte", "année")."""
from __future__ import annotations

from .text import analyze, words

# Words that name the kind of answer rather than its subject: they need not appear in the text.
TYPE_WORDS = frozenset(words(
    "montant montants somme sommes date dates nom noms année années jour jours mois pays ville villes lieu "
    "lieux nombre nombres total part pourcentage combien appelle appelé appelée nommé nommée name names "
    "called amount year years number "
    # "combien coûte X ?" asks the price of X: X is the subject, "coûte" the kind of answer
    "coute coutent coutera couteront couterait couter cost costs "
    # words about the documents themselves, not their subject ("cités dans l'article")
    "article articles document documents texte textes fiche fiches cite cites citee citees mentionne mentionnes "
    "mentionnee mentionnees evoque evoques indique indiques mentioned cited article text"))


def subject_terms(query: str) -> list[str]:
    """BM25 terms of the question, without the words that only name the kind of answer."""
    return analyze(" ".join(w for w in words(query) if w not in TYPE_WORDS))
