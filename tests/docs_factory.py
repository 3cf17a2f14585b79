"""Real documents of each supported kind, written by the tests: a two-page PDF (fpdf2), an HTML
page with scripts, navigation and a footer, Markdown with YAML front matter."""
from pathlib import Path

PDF_TITLE = "Rapport annuel de la Fondation Lumière"
HTML_TITLE = "Le musée de la Dentelle de Calais"
MD_TITLE = "Compte rendu du conseil municipal de Brest"
# Only in the page's boilerplate: must never reach the index.
BOILERPLATE = ["zorglub-9931", "pisteur", "Billetterie", "Boutique en ligne", "Mentions légales", "color:red"]


def write_pdf(path: Path, pages: list[str], title: str = PDF_TITLE) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


def write_documents(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    pdf = write_pdf(folder / "rapport.pdf", [
        "Rapport annuel\n\nLa Fondation Lumière a été créée à Lyon en 1987 par Hélène Marchand. Elle soutient la "
        "recherche sur les maladies rares et finance chaque année une vingtaine de projets dans toute la France, "
        "avec une attention particulière pour les jeunes chercheurs.",
        "Finances\n\nEn 2024, la fondation a distribué 3,2 millions d'euros de bourses. Son siège se trouve rue de "
        "la République, à Lyon, depuis l'année 2002, après plusieurs déménagements successifs.",
    ])
    page = folder / "musee.html"
    page.write_text(f"""<!doctype html><html lang="fr"><head><title>{HTML_TITLE}</title>
<script>var tracker = "zorglub-9931"; document.write("pisteur");</script><style>body{{color:red}}</style></head>
<body><header><a href="/">Accueil</a> Boutique en ligne</header>
<nav><ul><li>Expositions</li><li>Billetterie</li></ul></nav>
<main><h1>Le musée de la Dentelle</h1>
<p>Le musée de la Dentelle de Calais a accueilli 85 000 visiteurs en 2023,
un record depuis son ouverture.</p><!-- commentaire -->
<h2>Collections</h2><p>Ses collections comptent plus de 40 000 pièces de dentelle mécanique.</p></main>
<footer>© 2025 Mentions légales</footer></body></html>""", encoding="utf-8")
    md = folder / "brest.md"
    md.write_text(f"""---
title: {MD_TITLE}
date: 2025-03-04
url: https://example.org/brest
tags: [conseil, piscine]
---
# Équipements

Le conseil municipal de Brest a voté la construction d'une piscine olympique pour 24 millions d'euros.
Les travaux commenceront en 2026.
""", encoding="utf-8")
    return {"pdf": pdf, "html": page, "md": md}
