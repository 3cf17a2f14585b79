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


def test_a_question_glosses_its_acronym():
    q = "TAJ (Traitement d'antécédents judiciaires - anciens STIC et JUDEX) : puis-je refuser d'y être inscrit ?"
    assert [q[a:b] for a, b in glossed(q)] == ["Traitement d'antécédents judiciaires - anciens STIC et JUDEX"]
    q = "Préventel (fichier des impayés de la téléphonie mobile) : qui peut le consulter ?"
    assert glossed(q) == []  # "Préventel" is no acronym: its brackets say more than its name
