"""A question that restates a document's title-question is answered from that document's opening
lines (FAQ entries, help pages, administrative fiches); other questions are not affected."""
from __future__ import annotations

import pytest

from qa.retrieval import Hit
from qa.titled import restated
from qa.types import Chunk

# An FAQ page of our own: its opening answers the title; a later section shares more of the
# question's words ("colis", "livré", "transporteur") without answering it.
FAQ = """---
title: "Que faire si mon colis n'est pas livré ?"
---

Vous devez d'abord attendre 7 jours ouvrés après la date prévue, puis ouvrir une réclamation depuis votre espace client. Le vendeur est responsable de la livraison jusqu'à la remise du colis.

Suivi du colis

Le colis livré par le transporteur est suivi en ligne. Le transporteur indique la date de livraison prévue du colis dans le message de confirmation.

Retours

Un colis livré peut être retourné sous 14 jours. Les frais de retour du colis sont à la charge du client, sauf si le colis livré est défectueux.
"""

OTHER = """---
title: "Horaires du service client"
---

Le service client répond du lundi au vendredi, de 9 heures à 18 heures. Les réclamations écrites sont traitées sous 5 jours.
"""


def _chunk(source: str, title: str) -> Chunk:
    return Chunk(id=source, doc_id=source, source=source, title=title, section="", index=0, start=0, end=1,
                 text="x", sentences=())


def test_the_title_question_is_recognised_only_when_restated():
    titles = {"faq.md": "Que faire si mon colis n'est pas livré ?", "horaires.md": "Horaires du service client"}
    hits = [Hit(_chunk(s, t), 1.0, 0.9, 1.0) for s, t in titles.items()]
    assert restated("Que faire si mon colis n'est pas livré ?", titles, hits) == "faq.md"
    assert restated("Que faire quand le colis n'est pas livré ?", titles, hits) == "faq.md"  # reworded
    assert restated("Combien coûte le retour d'un colis ?", titles, hits) is None  # same subject, other question
    assert restated("Horaires du service client", titles, hits) is None  # a title that is no question
    assert restated("Que faire si mon colis n'est pas livré ?", titles, hits[1:]) is None  # not retrieved


@pytest.fixture(scope="module")
def shop(tmp_path_factory, base_settings, embedder):
    from conftest import corpus_of

    from qa.pipeline import get_pipeline

    return get_pipeline(corpus_of(tmp_path_factory.mktemp("faq"), base_settings, {"faq.md": FAQ, "horaires.md": OTHER}))


def test_the_title_question_gets_the_opening_answer(shop):
    res = shop.answer("Que faire si mon colis n'est pas livré ?")
    assert res.found and res.citations[0].source.endswith("faq.md")
    assert "attendre 7 jours ouvrés" in res.text and "réclamation" in res.text, res.text


def test_other_questions_on_the_same_document_are_answered_as_before(shop):
    res = shop.answer("Sous combien de jours peut-on retourner un colis ?")
    assert res.found and "14 jours" in res.text, res.text
