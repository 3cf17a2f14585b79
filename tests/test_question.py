"""The question analysis: its kinds on a labelled set written apart from the rules, and follow-ups."""
import json
from collections import Counter

import pytest

from qa.config import ROOT
from qa.question import CHAT, COMPARE, HELP, LIST, SUMMARY, TOPIC, WHY, YESNO, analyse, classify, full_names

LABELLED = ROOT / "bench" / "question_kinds.jsonl"


def test_kinds_on_the_labelled_set():
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 200 and {r["lang"] for r in rows} == {"fr", "en"}
    wrong = [(r["q"], r["kind"], classify(r["q"])[0]) for r in rows if classify(r["q"])[0] != r["kind"]]
    by_kind = Counter(r["kind"] for r in rows)
    assert set(by_kind) == {"chat", "summary", "topic", "list", "total", "compare", "yesno", "why", "fact"}
    assert 1 - len(wrong) / len(rows) >= 0.95, wrong


def test_small_talk_is_told_from_a_question_that_greets():
    assert classify("Bonjour !")[:2] == (CHAT, "greeting")
    assert classify("Bonjour, qui a fondé Anthropic ?")[0] != CHAT
    assert classify("Que peux-tu faire ?")[:2] == (CHAT, HELP)
    assert classify("Merci, et combien a investi Microsoft ?")[0] != CHAT


def test_an_english_resume_is_a_verb_not_a_summary():
    # a new user's trial: "Which document should I summarise?"
    assert classify("When do music classes resume in September 2025?")[0] not in (SUMMARY, TOPIC)
    assert classify("Résume le document")[0] == SUMMARY
    assert classify("resume le document")[0] == SUMMARY


def test_there_are_asks_how_many():
    # "Combien y a-t-il de places… ?" was read as asking an amount, and its number abstained
    for text in ("Combien y a-t-il de places de stationnement dans la résidence ?", "Combien y a t il de caves ?",
                 "Combien y-a-t-il de caves ?", "Combien y avait-il de caves ?"):
        q = analyse(text)
        assert q.answer_type == "count" and q.query.startswith("Combien de "), q
    assert analyse("Combien y a-t-il ?").answer_type != "count"


def test_topic_keeps_the_words_asked():
    assert classify("Que dit l'article sur l'énergie ?") == (TOPIC, None, "l'énergie")
    assert classify("Tell me about the market reaction.") == (TOPIC, None, "the market reaction")
    assert classify("Résume l'article.")[0] == SUMMARY and classify("Résume la partie sur les marchés")[0] == TOPIC
    # a document named by its subject is summed up whole (the subject picks which one)
    assert classify("Résume le document sur le mariage") == (SUMMARY, None, "le mariage")
    assert classify("Summarize the file about weapons") == (SUMMARY, None, "weapons")
    assert classify("Give me a summary of the unpaid leave document") == (SUMMARY, None, "unpaid leave")
    assert classify("Summarize the whole document") == (SUMMARY, None, "")
    assert classify("Summarize the section about consent")[0] == TOPIC


def test_follow_ups_carry_the_kind_of_the_previous_turn():
    after_summary = analyse("Et qu'en est-il de Google ?", ["Résume l'article."])
    assert after_summary.kind == TOPIC and after_summary.topic == "Google"
    after_compare = analyse("Et pour Amazon ?", ["Qui investit le plus, Nvidia ou Microsoft ?"])
    assert after_compare.kind == COMPARE and "Amazon" in after_compare.query
    why = analyse("Why?", ["How much is Nvidia investing?"])
    assert why.kind == WHY and "Nvidia" in why.query and why.lang == "en"
    assert analyse("Est-ce que Microsoft investit plus que Nvidia ?").kind == YESNO
    assert analyse("Quels sont les concurrents d'Anthropic ?").kind == LIST


@pytest.mark.parametrize("question, names", [
    ("If the sale falls through, what can the bank charge?", []),  # a capital that opens a sentence
    ("What's the minimum time?", []),
    ("When can my employer open my files while I'm away?", []),
    ("What is Anthropic's annual revenue?", ["Anthropic"]),
    ("Are manufacturers considered processors under the GDPR?", ["GDPR"]),
    ("Qu'a dit Satya Nadella ?", ["Satya", "Nadella"]),
    # an elided pronoun or common noun opening the question names nothing
    ("J'ai payé ma facture : qui doit demander ma sortie du fichier Préventel ?", ["Préventel"]),
    ("L'accord prévoit-il une exclusivité ?", []),
    ("S'il pleut, le festival a-t-il lieu ?", []),
    ("L'Oréal a-t-il investi ?", ["L'Oréal"]),
    # an inverted verb opening the question (a new user's trial: "je ne trouve rien sur : Puis-je")
    ("Puis-je louer mon appartement en location meublée ?", []),
    ("Dois-je payer Orange ?", ["Orange"]),
])
def test_names_are_not_english_function_words(question, names):
    q = analyse(question)
    assert list(q.names) == names and full_names(q) == ([" ".join(names)] if names else [])


def test_a_possessive_ends_a_name():
    # "I found nothing about: Anthropic CEO" said the article, which names Anthropic throughout
    assert full_names(analyse("Who is Anthropic's CEO?")) == ["Anthropic", "CEO"]
    assert full_names(analyse("Who is Paul Martin's boss?")) == ["Paul Martin"]


@pytest.mark.parametrize("question, kind", [
    # "qui" after a noun opens a relative clause: the inverted verb still asks yes or no
    ("La personne qui a une procuration sur mon compte peut-elle le clôturer ?", "yesno"),
    ("Le salarié qui démissionne a-t-il droit au chômage ?", "yesno"),
    ("Pour qui Nvidia travaille-t-il ?", "fact"),
    ("Le mariage a-t-il lieu quand ?", "fact"),
    ("Où la fête aura-t-elle lieu ?", "fact"),
    ("Sait-on qui a gagné ?", "fact"),  # an indirect question asks who
    ("Le locataire ou le bailleur peut-il résilier le bail ?", "yesno"),  # "ou" is not "où"
])
def test_a_relative_clause_does_not_make_a_closed_question_open(question, kind):
    from qa.question import classify

    assert classify(question)[0] == kind
