"""Acronyms the documents spell out, found without a dictionary (Schwartz & Hearst)."""
from qa.acronyms import definitions, glossed, long_form


def test_the_long_form_before_the_acronym():
    text = "Selon le Règlement européen sur la protection des données (RGPD), le consentement n'est pas requis."
    assert definitions(text) == {"RGPD": "Règlement européen sur la protection des données"}
    assert definitions("la Commission nationale de l'informatique et des libertés (CNIL)") == {
        "CNIL": "Commission nationale de l'informatique et des libertés"}


def test_letters_may_sit_inside_words():
    # "DPO" (data protection officer): d(élégué) … p(rotection) d(o)nnées, as Schwartz & Hearst allow
    assert definitions("le délégué à la protection des données (DPO)") == {"DPO": "délégué à la protection des données"}


def test_the_long_form_after_the_acronym():
    text = "Le TAJ (Traitement d'antécédents judiciaires) est consulté."
    assert definitions(text) == {"TAJ": "Traitement d'antécédents judiciaires"}


def test_brackets_that_do_not_spell_the_acronym_define_nothing():
    assert definitions("Le rapport de la société (IBM) est paru.") == {}
    assert definitions("Le fichier Préventel (impayés de téléphonie) est tenu par les opérateurs.") == {}
    assert definitions("Une amende (jusqu'à 300 000 euros) est possible.") == {}
    assert long_form("RGPD", ["les", "données"]) is None


def test_acronyms_are_mostly_capitals_and_no_stop_words():
    from qa.acronyms import is_acronym, written

    assert all(is_acronym(w) for w in ["RGPD", "PIA", "CNIL", "COVID-19", "AIPD"])
    assert not any(is_acronym(w) for w in ["OpenAI", "McDonald", "YouTube", "SI", "CE", "Rgpd"])
    assert written("Si la caméra filme, l'AIPD et le RGPD s'appliquent.") == {"AIPD", "RGPD"}


def test_an_elided_acronym_is_defined():
    text = "Réalisez l'AIPD (analyse d'impact relative à la protection des données) avant le traitement."
    assert definitions(text) == {"AIPD": "analyse d'impact relative à la protection des données"}


def test_a_question_glosses_its_acronym():
    q = "TAJ (Traitement d'antécédents judiciaires - anciens STIC et JUDEX) : puis-je refuser d'y être inscrit ?"
    assert [q[a:b] for a, b in glossed(q)] == ["Traitement d'antécédents judiciaires - anciens STIC et JUDEX"]
    q = "Préventel (fichier des impayés de la téléphonie mobile) : qui peut le consulter ?"
    assert glossed(q) == []  # "Préventel" is no acronym: the brackets describe it
    assert glossed("ÉTAT (état) : que faire ?") == []  # a long form has two words at least


def test_a_question_for_what_a_word_stands_for():
    from qa.replies.expand import asked

    for q in ["Que signifie CNIL ?", "What does CNIL stand for?", "CNIL, ça veut dire quoi ?",
              "Que veut dire le sigle CNIL ?", "What is CNIL short for?"]:
        assert asked(q) == "CNIL", q
    for q in ["Qu'est-ce que la CNIL ?", "Que signifie cette décision pour Nvidia ?", "What does Nvidia invest?"]:
        assert asked(q) is None, q  # what the thing is, or no meaning asked
