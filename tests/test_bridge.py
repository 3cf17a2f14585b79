"""English words matched to the documents' French words by the model's word vectors, and the
unknown-subject check that this gives English questions (real model, article index)."""
from __future__ import annotations

import numpy as np
import pytest

from qa.bridge import WordBridge


def test_translations_match_and_unrelated_words_do_not(embedder):
    bridge = WordBridge(embedder)
    pool = ["employés", "accord", "marchés", "énergie", "investissement", "dollars", "total", "annonce"]
    got = bridge.means(["employees", "agreement", "energy", "revenue", "weather", "headquarters"], pool)
    assert got["employees"][0] == "employés" and got["agreement"][0] == "accord" and got["energy"][0] == "énergie"
    assert got["revenue"] == [] and got["weather"] == [] and got["headquarters"] == []


def test_word_vectors_are_embedded_once(embedder):
    calls: list[list[str]] = []

    class Counting:
        def encode_queries(self, texts: list[str]) -> np.ndarray:
            calls.append(list(texts))
            return embedder.encode_queries(texts)

    bridge = WordBridge(Counting())
    bridge.means(["employees"], ["employés", "accord"])
    bridge.means(["employees", "agreement"], ["employés", "accord"])
    assert calls == [["employees", "accord", "employés"], ["agreement"]]


@pytest.mark.parametrize("q, missing", [
    ("What is Anthropic's annual revenue?", "annual revenue"),
    ("What is Nvidia's stock price?", "stock price"),
])
def test_english_questions_about_absent_facts_abstain_and_say_what_is_missing(pipeline, q, missing):
    res = pipeline.answer(q)
    assert not res.found and res.kind == "none" and res.language == "en"
    assert res.text.startswith("The document mentions") and missing in res.text, res.text


@pytest.mark.parametrize("q, evidence", [
    ("Who founded Anthropic?", "anciens employés d'OpenAI"),
    ("How much is Microsoft investing in Anthropic?", "Microsoft 5 milliards de dollars"),
    ("When did Nvidia and Microsoft announce their investment?", "18 novembre 2025"),
])
def test_english_questions_whose_words_the_documents_translate_are_answered(pipeline, q, evidence):
    res = pipeline.answer(q)
    assert res.found and any(evidence in c.text for c in res.citations), (res.text, [c.text for c in res.citations])


def test_a_bridged_english_word_counts_once_as_its_french_word(pipeline):
    # "valuation" -> "valorisation": left beside its translation, the English word (in no passage,
    # so of the highest idf) outweighed the sentence that holds the valuation.
    res = pipeline.answer("What valuation is Anthropic expected to reach after these investments?")
    assert res.found and "valorisation d'Anthropic" in res.text, res.text
    assert res.text.startswith("About $350 billion."), res.text  # a valuation is an amount


def test_an_english_who_question_gets_the_agent_of_the_french_verb_its_verb_means(pipeline):
    # "founded" is matched with "fondée … par", as "Qui a fondé Anthropic ?" is
    res = pipeline.answer("Who founded Anthropic?")
    assert res.text.startswith("D'anciens employés d'OpenAI. The document says"), res.text


def test_a_word_no_passage_has_weighs_as_the_word_it_matches(pipeline):
    from qa.text import analyze

    index, term = pipeline.hybrid, analyze("investissement")[0]
    assert index.df[term] > 0 and index.df.get("investments", 0) == 0
    # weighed as the commonest indexed word of the same first six letters, not as a rare word
    assert index.idf("investments") <= index.idf(term) < index.idf("zzzzzzzz")


def test_the_word_cache_keeps_what_it_returns_when_full(embedder, monkeypatch):
    import qa.bridge

    monkeypatch.setattr(qa.bridge, "CACHE_WORDS", 3)
    bridge = WordBridge(embedder)
    bridge.vectors(["a", "b", "c"])
    got = bridge.vectors(["a", "d", "e"])  # "a" is asked again while "d" and "e" push others out
    assert set(got) == {"a", "d", "e"} and len(bridge._vectors) == 3


def test_light_verbs_name_no_subject(pipeline):
    res = pipeline.answer("Did Nvidia's stock go down?")
    assert res.found, res.text  # "go" is not a missing subject; "stock" alone next to a name is a paraphrase


def test_become_names_no_subject_as_devenir_does_not():
    from qa.bridge import not_subject, not_subject_fr

    # "What qualification do you need to become a Data Protection Officer?" said it found nothing about "become"
    assert "become" in not_subject() and "devenir" in not_subject_fr()
