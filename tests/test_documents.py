"""Many documents: PDF, HTML and Markdown files indexed from a folder and from single paths,
cited with title and page, re-indexed incrementally, pruned, and answered from chosen sources."""
from dataclasses import replace

import pytest

from docs_factory import BOILERPLATE, HTML_TITLE, MD_TITLE, PDF_TITLE, write_documents, write_pdf
from qa.corpus import CorpusError, load_document
from qa.indexing import index_paths
from qa.store import Store
from qa.types import QuestionError


# formats, without the model
def test_html_keeps_the_main_text_only(tmp_path):
    files = write_documents(tmp_path)
    doc = load_document(files["html"])
    assert doc.title == HTML_TITLE and doc.lang == "fr"
    assert "accueilli 85 000 visiteurs en 2023, un record" in doc.text  # a source line break is a space
    assert "# Collections" in doc.text  # headings become sections
    for junk in BOILERPLATE + ["commentaire", "Accueil"]:
        assert junk not in doc.text


def test_html_that_the_page_hides_is_not_text():
    from qa.readers import read_html

    page = ('<html><body><p>Le marché compte 40 chalets.</p><div style="display:none">Le maire s\'appelle '
            'Bernard Texte-Caché.</div><p hidden>Caché 1.</p><span aria-hidden="true">Caché 2.</span>'
            '<p style="color: red; visibility: hidden">Caché 3.</p><p style="display: block">Vu.</p></body></html>')
    text = read_html(page.encode()).text
    assert "40 chalets" in text and "Vu." in text
    assert "Bernard" not in text and "Caché 1" not in text and "Caché 3" not in text
    assert "Caché 2" in text  # aria-hidden hides it from screen readers only: the page shows it


def test_an_html_header_that_opens_the_content_is_text():
    from qa.readers import read_html

    # a new user's trial: the pool's address was in the <header> under its <h1>, and was dropped
    page = ("<html><body><header><h1>Piscine Jean-Bouin</h1><p>La piscine est située 22 boulevard des Sports, "
            "à Saint-Aubin-sur-Loire, près de la gare.</p></header><section><p>Horaires.</p></section></body></html>")
    assert "22 boulevard des Sports" in read_html(page.encode()).text
    banner = '<html><body><header><a href="/">Accueil</a> Boutique</header><p>Bonjour.</p></body></html>'
    assert "Accueil" not in read_html(banner.encode()).text  # a site's banner still is no text
    # a review: a heading and links, or a breadcrumb and a date, are a banner wherever they are
    site = ("<html><body><header><h1>Mairie</h1><ul><li><a>Accueil</a></li><li><a>Contact</a></li></ul></header>"
            "<h2>Piscine</h2><p>Texte.</p></body></html>")
    assert "Accueil" not in read_html(site.encode()).text
    crumbs = "<html><body><main><header>Accueil > Sport Publié le 3 mars 2021</header><p>Texte.</p></main></body></html>"
    assert "2021" not in read_html(crumbs.encode()).text


def test_an_html_table_reads_row_by_row():
    from qa.readers import read_html

    page = ("<html><body><h2>Tarifs</h2><table><tr><th>Acte</th><th>Tarif réduit</th></tr>"
            "<tr><td>Visite à domicile</td><td>20 €</td></tr><tr><td>Séance</td><td>15 €</td></tr></table>"
            "<table><tr><th>Formule</th><th>Habitants</th><th>Extérieurs</th></tr>"
            "<tr><td>Éveil musical</td><td>120 €</td><td>165 €</td></tr><tr><td>Chorale</td><td></td><td>90 €</td></tr>"
            "</table><table><tr><td><h2>Horaires</h2><p>Ouvert le mardi.</p></td><td><p>Fermé le lundi.</p></td></tr>"
            "</table><table><tr><th colspan='2'>Tarifs 2025</th></tr><tr><td>Cours</td><td>30 €</td></tr></table>"
            "<p>Fin.</p></body></html>")
    text = read_html(page.encode()).text
    # the cells ran together ("Visite à domicile40 €"); a header's names go with the values, an
    # empty cell says nothing
    assert "Visite à domicile : 20 € (Tarif réduit)\nSéance : 15 € (Tarif réduit)" in text
    assert "Éveil musical : 120 € (Habitants) ; 165 € (Extérieurs)\nChorale : 90 € (Extérieurs)" in text
    # a table that lays out a page, or spans cells, reads as before: its headings and paragraphs kept
    assert "# Horaires\n\nOuvert le mardi.\n\nFermé le lundi." in text and "Tarifs 2025" in text


def test_a_markdown_table_reads_row_by_row():
    from qa.readers import read

    md = ("# Tarifs\n\nLes tarifs sont votés chaque année.\n\n| Formule | Habitants | Extérieurs |\n|---|:--:|--:|\n"
          "| Éveil musical (45 min) | 120 € | 165 € |\n| Chorale | | 90 € |\nCours seul | 30 €\n\nFin.\n"
          "| a | b |\n|---|\nPas un tableau : le délimiteur n'a qu'une colonne.\n")
    text = read(md.encode(), ".md").text
    # the cells would be quoted with their pipes, and the wrong one lead; the column's name goes
    # with each value, and a row may leave out its outer pipes
    assert "Les tarifs sont votés chaque année.\n\nÉveil musical (45 min) : 120 € (Habitants) ; 165 € (Extérieurs)\n" \
        "Chorale : 90 € (Extérieurs)\nCours seul : 30 € (Habitants)\n\nFin." in text
    assert "| a | b |\n|---|\nPas un tableau" in text  # GFM: the delimiter row has the header's cells
    # code is left as written, a CRLF file keeps its line ends, a table with no row keeps its header,
    # and a line that is not a table does not hide the one after it (a review)
    code = "```\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n    a | b\n    --|--\n    1 | 2\n"
    assert read(code.encode(), ".md").text == code
    assert read(b"| A | B |\r\n|---|---|\r\n| x | 1 |\r\n| y | 2 |\r\n\r\nFin.\r\n", ".md").text == \
        "x : 1 (B)\r\ny : 2 (B)\r\n\r\nFin.\r\n"
    assert read(b"| A | B |\n|---|---|\n\nSuite.\n", ".md").text == "| A | B |\n|---|---|\n\nSuite.\n"
    assert read(b"Titre | sous-titre\n---\n| A | B |\n|---|---|\n| x | 1 |", ".md").text.endswith("---\nx : 1 (B)")


def test_the_rows_of_a_table_are_sentences_of_their_own():
    from qa.chunking import sections
    from qa.types import Document

    text = ("# Horaires\n\nLe secrétariat est ouvert en semaine.\n\nlundi : fermé (Ouverture)\n"
            "mardi : 10 h (Ouverture) ; 17 h (Fermeture)\n\nLe samedi, il ouvre le matin.\n")
    doc = Document(id="d", source="d.md", text=text, title="d")
    (_, spans), = sections(doc)
    # a lower-case row read as the previous one wrapped on: one sentence for the whole table
    assert [s.text for s in spans][1:3] == ["lundi : fermé (Ouverture)", "mardi : 10 h (Ouverture) ; 17 h (Fermeture)"]
    # the last line of a block of "label : value" lines is not the heading of the paragraph below
    text = "# Organes\n\nSyndic : Cabinet Moreau\nGardienne : Josiane Lefèvre\n\nLa gardienne est présente le matin.\n"
    (title, spans), = sections(Document(id="e", source="e.md", text=text, title="e"))
    assert title == "Organes" and "Gardienne : Josiane Lefèvre" in [s.text for s in spans]


def test_markdown_front_matter_is_yaml(tmp_path):
    doc = load_document(write_documents(tmp_path)["md"])
    assert (doc.title, doc.date, doc.url) == (MD_TITLE, "2025-03-04", "https://example.org/brest")
    assert doc.body.startswith("# Équipements") and doc.text[doc.body_start:] == doc.body


def test_pdf_pages_are_recorded(tmp_path):
    doc = load_document(write_documents(tmp_path)["pdf"])
    assert doc.title == PDF_TITLE and len(doc.pages) == 2
    at = doc.text.index("3,2 millions")
    assert doc.page_at(at) == 2 and doc.page_at(doc.text.index("Hélène Marchand")) == 1
    # lines broken at the margin are joined again: the sentence is whole
    assert "finance chaque année une vingtaine de projets dans toute la France, avec une attention" in doc.text


def test_pdf_hyphenation_is_undone_only_for_known_words():
    from qa.readers import _paragraphs

    page = ("Nvidia a prévu d'investir dix mil-\nliards de dollars, soit dix milliards au total, dit le porte-\n"
            "parole de l'entreprise dans un communiqué publié mardi.")
    words = {"milliards", "dix", "porte"}
    assert "dix milliards de dollars" in _paragraphs(page, words)
    assert "le porte-parole de" in _paragraphs(page, words)


@pytest.mark.parametrize("name, content, message", [
    ("faux.pdf", b"Ceci n'est pas un PDF.", "not a PDF"),
    ("deguise.txt", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj", "content is a PDF"),
    ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    ("casse.pdf", b"%PDF-1.4\ngarbage without any object", "PDF"),
    ("rapport.docx", b"PK\x03\x04", "unsupported file type"),
    ("nul-tardif.txt", b"Bonjour.\n" * 200_000 + b"\x00", "binary"),  # a NUL past the first megabyte
])
def test_type_is_checked_by_content(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(CorpusError) as err:
        load_document(tmp_path / name)
    assert name in str(err.value) and message in str(err.value)


def test_pdf_without_text_is_refused(tmp_path):
    path = write_pdf(tmp_path / "scan.pdf", ["   "])
    with pytest.raises(CorpusError, match="scan.pdf: (no text|empty)"):
        load_document(path)


# indexing and answering, with the real model and Chroma
@pytest.fixture(scope="module")
def library(tmp_path_factory, base_settings, embedder):
    """The article in the corpus folder, plus a folder of PDF/HTML/Markdown outside it."""
    import shutil

    from conftest import ARTICLE
    from qa.pipeline import get_pipeline

    root = tmp_path_factory.mktemp("library")
    (root / "corpus").mkdir()
    shutil.copy(ARTICLE, root / "corpus" / ARTICLE.name)
    settings = replace(base_settings, corpus_dir=root / "corpus", index_dir=root / "index")
    files = write_documents(root / "docs")
    pipe = get_pipeline(settings)  # indexes the corpus folder on first use
    report = pipe.index([root / "docs"])
    assert (report.documents, report.unchanged, report.chunks_added) == (3, 0, 5)
    return pipe, files


def test_sources_lists_every_document(library):
    pipe, files = library
    rows = {d["source"]: d for d in pipe.sources()}
    assert len(rows) == 4 and rows["2025-11-18-nvidia-microsoft-anthropic.txt"]["chunks"] == 6
    pdf = rows[files["pdf"].resolve().as_posix()]
    assert (pdf["title"], pdf["pages"], pdf["chunks"]) == (PDF_TITLE, 2, 2)


@pytest.mark.parametrize("kind, question, expected, title, page", [
    ("pdf", "Combien la Fondation Lumière a-t-elle distribué en 2024 ?", "3,2 millions d'euros", PDF_TITLE, 2),
    ("pdf", "Qui a créé la Fondation Lumière ?", "Hélène Marchand", PDF_TITLE, 1),
    ("html", "Combien de visiteurs le musée de la Dentelle a-t-il accueillis en 2023 ?", "85 000", HTML_TITLE, None),
    ("md", "Combien coûtera la piscine olympique de Brest ?", "24 millions d'euros", MD_TITLE, None),
    ("md", "How much will the Brest swimming pool cost?", "€24 million", MD_TITLE, None),
])
def test_answers_cite_document_title_and_page(library, kind, question, expected, title, page):
    pipe, files = library
    res = pipe.answer(question)
    assert res.found and expected in res.text, res.text
    c = res.citations[0]
    assert (c.source, c.title, c.page) == (files[kind].resolve().as_posix(), title, page)
    assert load_document(files[kind]).text[c.start:c.end] == c.text  # an exact slice of what the file says


def test_boilerplate_never_reaches_the_index(library):
    pipe, _ = library
    indexed = " ".join(c.text for c in pipe.hybrid.chunks)
    assert not [junk for junk in BOILERPLATE if junk in indexed]
    assert not pipe.answer("Quel est le code du tracker zorglub ?").found


def test_answer_restricted_to_sources(library):
    pipe, files = library
    q = "Combien la Fondation Lumière a-t-elle distribué en 2024 ?"
    assert pipe.answer(q, sources=[str(files["pdf"])]).found  # a path works as well as a name
    assert not pipe.answer(q, sources=[files["md"].resolve().as_posix()]).found
    assert not pipe.answer("Combien Nvidia va-t-il investir ?", sources=[str(files["html"])]).found
    assert pipe.answer("Combien Nvidia va-t-il investir ?", sources=["2025-11-18-nvidia-microsoft-anthropic.txt"]).found
    with pytest.raises(QuestionError, match="no indexed document 'absent.pdf'"):
        pipe.answer(q, sources=["absent.pdf"])


def test_reindex_skips_unchanged_replaces_changed_and_prunes(tmp_path, base_settings, embedder):
    settings = replace(base_settings, corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")
    (tmp_path / "corpus").mkdir()
    files = write_documents(tmp_path / "docs")
    single = write_pdf(tmp_path / "seul.pdf", ["Le phare de Cordouan a été mis en service en 1611."], title="Le phare")
    first = index_paths(settings, embedder, [tmp_path / "docs", single])
    assert (first.documents, first.chunks_added, first.chunks_total) == (4, 6, 6)

    store = Store(settings, embedder.name, embedder.dim).open()
    before = store.chunks.get(include=["metadatas"])
    again = index_paths(settings, embedder, [tmp_path / "docs", single])
    assert (again.unchanged, again.chunks_added, again.chunks_removed) == (4, 0, 0)
    assert store.chunks.get(include=["metadatas"]) == before  # nothing rewritten

    write_pdf(files["pdf"], ["Rapport annuel\n\nLa Fondation Lumière a été créée à Grenoble en 1990."])
    changed = index_paths(settings, embedder, [files["pdf"]])
    assert (changed.documents, changed.chunks_added, changed.chunks_removed, changed.chunks_total) == (1, 1, 2, 5)
    texts = " ".join(c.text for c in store.all_chunks())
    assert "Grenoble" in texts and "3,2 millions" not in texts

    files["html"].unlink()  # a folder is mirrored: its deleted files leave the index
    assert index_paths(settings, embedder, [tmp_path / "docs"]).sources_removed == 1
    single.unlink()  # a file indexed on its own stays until --prune
    kept = index_paths(settings, embedder, [tmp_path / "docs"])
    assert kept.sources_removed == 0 and kept.chunks_total == 3
    pruned = index_paths(settings, embedder, [tmp_path / "docs"], prune=True)
    assert (pruned.sources_removed, pruned.chunks_total) == (1, 2)
    assert {c.source for c in store.all_chunks()} == {files["pdf"].resolve().as_posix(), files["md"].resolve().as_posix()}


def test_cli_index_paths_sources_and_page(tmp_path, base_settings):
    from test_cli import run

    settings = replace(base_settings, corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")
    (tmp_path / "corpus").mkdir()
    files = write_documents(tmp_path / "docs")
    out = run(["index", str(tmp_path / "docs")], settings)
    assert out.returncode == 0 and "3 documents (0 unchanged), +5" in out.stdout, out.stderr
    out = run(["ask", "Combien la Fondation Lumière a-t-elle distribué en 2024 ?", "--source", str(files["pdf"])],
              settings)
    assert out.returncode == 0 and "3,2 millions" in out.stdout and "rapport.pdf" in out.stdout
    assert "page 2, chars" in out.stdout
    out = run(["sources"], settings)
    assert "rapport.pdf" in out.stdout and "3 documents, 5 chunks" in out.stdout
    out = run(["index", str(tmp_path / "absent")], settings)
    assert out.returncode == 1 and "absent: no such file or folder" in out.stderr


def test_a_text_file_without_front_matter_takes_its_title_from_its_opening_line(tmp_path):
    news = tmp_path / "club-nouvelles.txt"
    news.write_text("Les Sentiers du Vercors - Nouvelles du club\n\nLe club compte 142 adhérents.\n", encoding="utf-8")
    assert load_document(news).title == "Les Sentiers du Vercors - Nouvelles du club"  # was "club nouvelles"
    md = tmp_path / "tarifs.md"
    md.write_text("# Tarifs de la piscine\n\n## Entrées\n\nL'entrée coûte 4,80 €.\n", encoding="utf-8")
    assert load_document(md).title == "Tarifs de la piscine"
    plain = tmp_path / "note-du-jour.txt"  # a file that opens with its text keeps its name as title
    plain.write_text("Le club a été fondé en 1990. Il compte 50 membres.\n", encoding="utf-8")
    assert load_document(plain).title == "note du jour"
    # a subtitle line under the title (a new user's bulletin was titled "bulletin villeneuve")
    bulletin = tmp_path / "bulletin-villeneuve.txt"
    bulletin.write_text("Bulletin municipal de Villeneuve\nNuméro 47, printemps 2025\n\nLe mot du maire\n\nBonjour.\n",
                        encoding="utf-8")
    assert load_document(bulletin).title == "Bulletin municipal de Villeneuve"
    wrapped = tmp_path / "note.txt"  # a sentence wrapped over two lines is no title
    wrapped.write_text("Le club a été fondé en 1990 et il compte\naujourd'hui 50 membres\n\nSuite.\n", encoding="utf-8")
    assert load_document(wrapped).title == "note"
