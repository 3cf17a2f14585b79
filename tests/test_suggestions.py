"""Example questions and the welcome line come from the indexed documents, and are answered."""
from qa.chunking import chunk_document
from qa.corpus import load_document
from qa.suggestions import MAX_CHARS, example_questions, welcome

from conftest import ARTICLE, corpus_of

FONDATION = ("---\ntitle: Rapport de la Fondation Arc-en-Ciel\n---\nLa Fondation Arc-en-Ciel, créée en 1987 à Lyon, "
             "soutient la lecture dans les écoles.\n\nLa Fondation Arc-en-Ciel a distribué 3,2 millions d'euros en 2024 "
             "à quarante associations.\n\nLe mécénat est une aide financière accordée sans contrepartie directe.\n")


def chunks_of(path):
    return chunk_document(load_document(path, root=path.parent))


def test_questions_come_from_the_article(tmp_path):
    qs = example_questions(chunks_of(ARTICLE))
    assert qs == ["Quand Anthropic a-t-elle été fondée ?", "Combien Nvidia a-t-il prévu d'investir ?",
                  "Qu'a présenté Google ?", "Quand Nvidia et Microsoft ont-ils annoncé un investissement ?"]
    assert all(len(q) <= MAX_CHARS and q.endswith(" ?") for q in qs)
    assert example_questions(chunks_of(ARTICLE), n=2) == qs[:2] and example_questions([]) == []


def test_questions_follow_the_documents_added(tmp_path):
    (tmp_path / "fondation.md").write_text(FONDATION, encoding="utf-8")
    added = chunks_of(tmp_path / "fondation.md")
    alone = example_questions(added)
    assert alone == ["Quand la Fondation Arc-en-Ciel a-t-elle été créée ?",
                     "Combien la Fondation Arc-en-Ciel a-t-elle distribué ?", "Qu'est-ce que le mécénat ?"]
    both = example_questions(chunks_of(ARTICLE) + added)
    assert any("Arc-en-Ciel" in q or "mécénat" in q for q in both)  # a new document is offered at once
    assert any("Anthropic" in q or "Nvidia" in q for q in both)


def test_welcome_names_the_documents(tmp_path):
    assert "« Nvidia et Microsoft investissent dans Anthropic »" in welcome(chunks_of(ARTICLE))
    (tmp_path / "fondation.md").write_text(FONDATION, encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: B\n---\nUn texte.\n", encoding="utf-8")
    line = welcome(chunks_of(ARTICLE) + chunks_of(tmp_path / "fondation.md") + chunks_of(tmp_path / "b.md"))
    assert line.startswith("Posez une question") and "vos 3 documents, dont « B » et « Nvidia" in line
    assert "Aucun document" in welcome([])


def test_examples_are_answered_from_their_document(pipeline, tmp_path, base_settings, embedder):
    """Checked with the real answerer: on the article, and on another document."""
    from qa.pipeline import get_pipeline

    for q in example_questions(pipeline.hybrid.chunks):
        res = pipeline.answer(q)
        assert res.found and res.citations, (q, res.text)
    other = get_pipeline(corpus_of(tmp_path, base_settings, {"fondation.md": FONDATION}))
    qs = example_questions(other.hybrid.chunks)
    assert len(qs) >= 3
    for q in qs:
        res = other.answer(q)
        assert res.found and res.citations[0].source == "fondation.md", (q, res.text)
    assert "3,2 millions d'euros" in other.answer("Combien la Fondation Arc-en-Ciel a-t-elle distribué ?").text
