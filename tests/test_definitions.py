"""Definition questions and the sentences that say what the asked term is."""
from __future__ import annotations

import pytest

from qa.definitions import defined_terms, defines


@pytest.mark.parametrize("question, terms", [
    ("SIS (Système d'information Schengen ou Fichier Schengen) : c'est quoi ?",
     ("sis", "systeme d'information schengen ou fichier schengen")),
    ("Qu'est-ce que l'aide médicale de l'État (AME) ?", ("aide medicale de l'etat", "ame")),
    ("Le droit d'accès, c'est quoi ?", ("droit d'acces",)),
    ("Règlement européen : un \"traitement à grande échelle\", c'est quoi ?", ("traitement a grande echelle",)),
    ("What is a PIA?", ("pia",)),
    ("What is Anthropic's annual revenue?", ()),  # a fact, not a definition
    ("Combien de ruches compte le rucher ?", ()),
])
def test_the_defined_term_is_read_from_the_question(question, terms):
    assert defined_terms(question) == terms


def test_a_sentence_defines_the_term_when_it_says_what_it_is():
    assert defines("Le SIS est un fichier européen dans lequel sont signalés…", ("sis",))
    assert defines("L'aide médicale de l'État (AME) est un dispositif permettant…", ("aide medicale de l'etat", "ame"))
    assert not defines("Attention : depuis le 3 août 2018, vous disposez d'un droit d'accès au SIS.", ("sis",))
    assert not defines("La CNIL contrôle le SIS.", ("sis",))  # names it, says what someone does with it
