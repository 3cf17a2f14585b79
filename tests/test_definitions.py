"""Definition questions and the sentences that say what the asked term is."""
from __future__ import annotations

import pytest

from qa.definitions import asks_definition, defined_terms, defines, presents


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


@pytest.mark.parametrize("question, terms", [
    ("Le droit d'accès, c'est quoi ?", ("droit d'acces",)),
    ("Qu'est-ce qu'un récépissé de demande de titre de séjour ?", ("recepisse de demande de titre de sejour",)),
    ("C'est quoi, Azure ?", ("azure",)),
    ("What is Azure?", ("azure",)),  # a name: "What is the total amount?" is a fact
    ("What is the total amount?", ()),
    ("Que signifie étymologiquement rex ?", ()),  # a word's meaning: the text explains it many ways
    ("Qu'est-ce que Lucifer accepte de mettre de côté pour être libéré ?", ()),  # a clause, not a term
    ("Qu'est-ce qu'était l'ANVAR pour l'aide à l'innovation ?", ()),
    ("C'est quoi la valorisation d'Anthropic ?", ()),  # a value, not a definition
    ("Qu'est-ce que les dirigeants ont indiqué ?", ()),  # clauses
    ("Qu'est-ce que les investisseurs attendaient ?", ()),
    ("Qu'est-ce que la médiation familiale ?", ("mediation familiale",)),
    ("Qu'est-ce qu'un centre de données ?", ("centre de donnees",)),  # "données" is no participle
])
def test_a_question_asks_what_a_term_is(question, terms):
    assert asks_definition(question) == terms


TERM = ("droit d'acces",)


@pytest.mark.parametrize("sentence, before, section, expected", [
    # says what it is, opens on it, or stands under its heading
    ("Le droit d'accès permet à toute personne de savoir si des données la concernant sont traitées.", "", "", True),
    ("Les droits d'accès sont des droits attachés à la personne.", "", "", True),
    ("Vous pouvez l'exercer auprès de tout organisme.", "", "Le droit d'accès", True),
    # goes on from a sentence that presents it
    ("Il permet de savoir quelles données sont traitées.", "Le droit d'accès est un droit de la personne.", "", True),
    # only names it on the way to something else
    ("Pour exercer votre droit d'accès auprès de Facebook, vous pouvez faire votre demande en ligne.", "", "", False),
    ("Il permet de savoir quelles données sont traitées.", "Pour exercer votre droit d'accès, écrivez-nous.", "", False),
    ("La CNIL reçoit de nombreuses plaintes.", "", "", False),
])
def test_a_sentence_presents_the_term_or_only_names_it(sentence, before, section, expected):
    continues = sentence.startswith("Il ")
    assert presents(sentence, before, section, TERM, continues) is expected


def test_other_ways_of_saying_what_a_term_is():
    assert presents("Skynet avait envoyé un Terminator (un cyborg tueur) en 1984.", "", "", ("terminator",), False)
    assert presents("Pour soutenir ce principe, appelé droit des neutres, elle proposa un plan.", "", "",
                    ("droit des neutres",), False)
    assert presents("Il est invité de diverses émissions populaires, comme The Tonight Show, Larry King Live.", "", "",
                    ("tonight show",), False)
    assert presents("Le 30 janvier 1946, il crée le Service de sécurité militaire (SSM), dirigé par Bonnefous.", "",
                    "", ("ssm",), False)
    assert presents("Ce que disent les textes : les traitements à grande échelle sont des traitements qui visent…",
                    "", "", ("traitement a grande echelle",), False)
    assert not presents("La consommation associée aux centres de données a progressé.", "", "",
                        ("centre de donnees",), False)
    assert presents("Anthropic achètera des capacités sur Azure, la plateforme cloud de Microsoft.", "", "",
                    ("plateforme cloud de microsoft",), False)
    # opening on the head word of another term, "dit" as a verb, an example of something else
    assert not presents("Le droit de rectification complète le droit d'accès.", "", "", TERM, False)
    assert not presents("La CNIL a dit le droit d'accès applicable aux fichiers.", "", "", TERM, False)
    assert not presents("Des droits, comme le droit de rectification, complètent le droit d'accès.", "", "",
                        TERM, False)
    assert not presents("Claude sera proposé par la plateforme cloud de Microsoft.", "", "",
                        ("plateforme cloud de microsoft",), False)
