from qa.chunking import chunk_document, clauses, sections, split_sentences
from qa.corpus import load_document
from qa.types import Document

from conftest import ARTICLE


def doc(text: str, body_start: int = 0) -> Document:
    return Document(id="x", source="x.txt", text=text, title="T", body_start=body_start)


def test_article_offsets_round_trip():
    d = load_document(ARTICLE)
    chunks = chunk_document(d)
    assert len(chunks) == 6
    for c in chunks:
        assert d.text[c.start:c.end] == c.text
        for s in c.sentences:
            assert d.text[s.start:s.end] == s.text
            for cl in clauses(s):
                assert d.text[cl.start:cl.end] == cl.text
    # headings are structure: they title sections and never appear as body text
    assert [c.section for c in chunks][1:3] == ["Montant et valorisation", "Accords commerciaux et techniques"]
    assert all("Montant et valorisation" not in c.text for c in chunks)
    assert not any(c.text.startswith("---") or "title:" in c.text for c in chunks)


def test_abbreviations_and_numbers_do_not_split():
    text = "M. Dupont a vu 1,5 % de hausse, soit 3.2 points. Le Dr. Martin, cf. p. 4, confirme. Fin ?"
    got = [s.text for s in split_sentences(text)]
    assert got == ["M. Dupont a vu 1,5 % de hausse, soit 3.2 points.", "Le Dr. Martin, cf. p. 4, confirme.", "Fin ?"]


def test_initials_and_quotes():
    got = [s.text for s in split_sentences("J. R. R. Tolkien écrit. « Bonjour. » Il part !")]
    assert got == ["J. R. R. Tolkien écrit.", "« Bonjour. »", "Il part !"]


def test_a_unit_after_a_number_ends_its_sentence():
    # a new user's bulletin: the library's hours and its fees were one "sentence", quoted for the
    # price of a pool subscription
    got = [s.text for s in split_sentences("Ouvert le samedi de 10 h à 13 h. L'abonnement coûte 12 euros. "
                                           "Le bassin fait 25 m. Il est chauffé.")]
    assert got == ["Ouvert le samedi de 10 h à 13 h.", "L'abonnement coûte 12 euros.", "Le bassin fait 25 m.",
                   "Il est chauffé."]
    # a page or a time goes on after its abbreviation (a review)
    assert [s.text for s in split_sentences("Voir Tome 2 p. 45. Le train part à 10 h. 30 précises.")] == \
        ["Voir Tome 2 p. 45.", "Le train part à 10 h. 30 précises."]


def test_long_section_splits_with_overlap_and_exact_offsets():
    sentence = "Une phrase assez longue pour remplir le bloc numéro {}. "
    body = "Titre court\n" + "".join(sentence.format(i) for i in range(60))
    d = doc(body)
    chunks = chunk_document(d, max_chars=400)
    assert len(chunks) > 5
    for a, b in zip(chunks, chunks[1:]):
        assert a.sentences[-1] == b.sentences[0]  # one sentence of overlap
    for c in chunks:
        assert d.text[c.start:c.end] == c.text and len(c.text) <= 400 and c.section == "Titre court"


def test_huge_single_line_is_cut_at_spaces():
    d = doc("mot " * 5000)
    chunks = chunk_document(d, max_chars=500)
    assert all(len(c.text) <= 500 and d.text[c.start:c.end] == c.text for c in chunks)
    assert sum(len(c.text.split()) for c in chunks) >= 5000


def test_ids_are_deterministic_and_content_based():
    d = load_document(ARTICLE)
    assert [c.id for c in chunk_document(d)] == [c.id for c in chunk_document(d)]
    changed = Document(**{**d.__dict__, "text": d.text.replace("10 milliards", "11 milliards")})
    ids = {c.id for c in chunk_document(changed)}
    assert len(ids & {c.id for c in chunk_document(d)}) == 5  # only the edited chunk changes


def test_markdown_headings_and_front_matter_offsets():
    text = "---\ntitle: X\n---\n# Partie un\nPhrase un. Phrase deux.\n\n## Partie deux\nPhrase trois.\n"
    d = doc(text, body_start=text.index("# Partie"))
    got = sections(d)
    assert [t for t, _ in got] == ["Partie un", "Partie deux"]
    assert [s.text for s in got[0][1]] == ["Phrase un.", "Phrase deux."]


def test_wrapped_lines_and_announced_lists():
    from qa.chunking import sections
    from qa.types import Document

    text = ("Titre\n\nUne phrase coupée\nen deux lignes. Une autre.\n\nVous pouvez demander dans les cas suivants :\n\n"
            "Mariage, conclusion d'un Pacs\n\nNaissance d'un enfant\n\nFin de la liste.\n- un\n- deux\n  suite\nFin.")
    (title, spans), = sections(Document(id="x", source="x", text=text, title="T"))
    assert title == "Titre"  # the list items are body, not headings
    assert [s.text for s in spans] == [
        "Une phrase coupée\nen deux lignes.", "Une autre.", "Vous pouvez demander dans les cas suivants :",
        "Mariage, conclusion d'un Pacs", "Naissance d'un enfant", "Fin de la liste.", "- un", "- deux\n  suite", "Fin."]
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_a_short_line_with_nothing_under_it_is_kept_as_text():
    # A new user's club rules: "Nombre de bénévoles : vingt-trois" and the lines around it were read
    # as headings, each replaced by the next, and never reached the index; so were table cells.
    from qa.chunking import sections
    from qa.types import Document

    text = ("## Informations pratiques\n\nTéléphone : 02 41 55 36 90\nCourriel : contact@club.fr\n"
            "Nombre de bénévoles : vingt-trois\n\n## Ouverture\n\nJour\nAccueil\nLundi\nFermé\nMardi\nOuvert\n\n"
            "## Sanctions\n\nTout manquement peut entraîner une exclusion.\n\nEn savoir plus : Le règlement\n"
            "Le guide du nageur\n\n## Contact\n\nÉcrivez au club.\n")
    got = sections(Document(id="x", source="x.md", text=text, title="T"))
    assert [t for t, _ in got] == ["Informations pratiques", "Ouverture", "Sanctions", "Contact"]
    assert [s.text for s in got[0][1]] == ["Téléphone : 02 41 55 36 90", "Courriel : contact@club.fr",
                                          "Nombre de bénévoles : vingt-trois"]
    assert [s.text for s in got[1][1]] == ["Jour", "Accueil", "Lundi", "Fermé", "Mardi", "Ouvert"]
    # links to other pages state nothing: "En savoir plus" and the titles listed after it stay out
    assert [s.text for s in got[2][1]] == ["Tout manquement peut entraîner une exclusion."]
    # a field over a field whose value opens with a digit: both are text, the section keeps its name
    (title, spans), = sections(Document(id="c", source="c.md", text="## Contact\n\nPrésidente : Marie Dupont\n"
                                        "Téléphone : 02 41 55 36 90\n", title="T"))
    assert title == "Contact" and [s.text for s in spans] == ["Présidente : Marie Dupont", "Téléphone : 02 41 55 36 90"]
    # the title lines above the first paragraph head the document: no text to quote ("Numéro 47")
    (title, spans), = sections(Document(id="z", source="z.txt", text="Bulletin municipal\nNuméro 47, printemps 2025\n\n"
                                        "Le printemps arrive.\n", title="Bulletin municipal"))
    assert [s.text for s in spans] == ["Le printemps arrive."]
    # a heading over a paragraph is still a heading
    (title, spans), = sections(Document(id="y", source="y.txt", text="Horaires d'été\nLa piscine ouvre à 9 h.\n",
                                        title="T"))
    assert title == "Horaires d'été" and [s.text for s in spans] == ["La piscine ouvre à 9 h."]


def test_punctuation_alone_is_no_sentence():
    # service-public.fr fiches leave a "." on its own line after a link: embedded alone it scored
    # cosine ~0.84 against any English question and lifted its passage in the search.
    text = "Titre\n\nVous faites votre demande sur le site de votre rectorat.\n\n.\n\nLa réponse arrive en mai.\n"
    got = [s.text for c in chunk_document(Document(id="d", source="f.md", text=text, title="")) for s in c.sentences]
    assert got == ["Vous faites votre demande sur le site de votre rectorat.", "La réponse arrive en mai."]


def test_numbered_headings_open_sections_and_label_value_lines_are_body():
    # a lease summary in plain text: "3. DURÉE" was read as body, so the whole contract sat under
    # "Date de signature : 12 mai 2023", itself taken for a heading and lost from the index
    text = ("RÉSUMÉ DU CONTRAT\n\nRéférence du bail : BC-2023-0417\nDate de signature : 12 mai 2023\n\n"
            "1. PARTIES\n\nLe bailleur est la SCI Les Marronniers.\n\n3. DURÉE\n\n"
            "Le bail est conclu pour neuf ans.\n\nRèglement européen : se préparer en 6 étapes\n\nUne phrase.\n")
    got = sections(doc(text))
    assert [t for t, _ in got] == ["RÉSUMÉ DU CONTRAT", "1. PARTIES", "3. DURÉE", "Règlement européen : se préparer en 6 étapes"]
    assert [s.text for s in got[0][1]] == ["Référence du bail : BC-2023-0417", "Date de signature : 12 mai 2023"]
    assert all(text[s.start:s.end] == s.text for _, spans in got for s in spans)


def test_a_year_inside_a_reference_code_is_no_date():
    from qa.answer_types import DATE, find_spans

    assert find_spans("Référence du bail : BC-2023-0417", DATE) == []
    s = "La saison 2024-2025 débute en 2024."
    assert [s[a:b] for a, b in find_spans(s, DATE)] == ["2024", "2025", "2024"]


def test_numbered_steps_are_items_not_headings():
    # a review: steps 1 and 2 became headings (lost from the index) once headings could be numbered
    text = "Démarches\n\n1. Remplir le formulaire en ligne\n2. Envoyer les pièces justificatives\n3. Attendre la réponse\n"
    got = sections(doc(text))
    assert [(t, [s.text for s in spans]) for t, spans in got] == [
        ("Démarches", ["1. Remplir le formulaire en ligne", "2. Envoyer les pièces justificatives", "3. Attendre la réponse"])]
    # a number without its dot opens no heading: an address, a count
    assert [t for t, _ in sections(doc("Titre\n\n12 Place de la République\n\nUne phrase.\n"))] == ["Titre"]
