"""Example questions and a welcome line drawn from the indexed documents themselves (no model).

Questions come from sentence patterns that the extractive answerer handles well: a founding date
("Anthropic, fondée en 2021" -> "Quand Anthropic a-t-elle été fondée ?"), an amount ("Nvidia a
prévu d'investir 10 milliards" -> "Combien Nvidia a-t-il prévu d'investir ?"), what someone
presented, when a dated event happened, a definition ("La tutelle est ..." -> "Qu'est-ce que la tutelle ?"), and
document titles that already are questions (service-public.fr's pages). Each one was checked with
``qa.answer`` on the article and on service-public.fr pages (tests/test_suggestions.py).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .types import Chunk

# Longest question offered: two lines of a half-width button at the page's width (1300 px).
MAX_CHARS = 64

_NAME = r"[A-Z][\w-]+(?: (?:[A-Z][\w-]+|et [A-Z][\w-]+)){0,2}"
_FOUNDED = re.compile(rf"\b(?P<name>{_NAME}),? (?:a été |avait été )?(?P<verb>fondée?|créée?)s?(?: à [A-Z][\w-]+)? en (?:\d{{1,2}} \w+ )?\d{{4}}")
_AMOUNT = re.compile(
    rf"(?:^|[.;:] )(?P<det>(?:La|Le) )?(?P<name>{_NAME}) a (?P<vp>(?:prévu|décidé|promis|choisi) d(?:e |')\w+(?:er|ir|re)|\w+é) "
    r"(?:\w+ ){0,3}?\d[\d,.\s]*(?:millions?|milliards?|euros|€|dollars|%)")
_ACTION = re.compile(rf"(?:^|[.;:,] )(?P<name>{_NAME}) a (?P<verb>présenté|lancé|publié|racheté|acquis|signé|dévoilé) "
                     r"(?:une?|les?|la|des|son|sa|ses) ")
_WHEN = re.compile(rf"^(?:Le |En )(?:\d{{1,2}}(?:er)? \w+ )?\d{{4}}, (?P<name>{_NAME}) (?P<aux>a|ont) (?P<pp>\w+é) "
                   r"(?P<obj>(?:une?|le|la|les|des) \w+|l'\w+)\b")
_DEFINITION = re.compile(r"^(?P<np>(?:La|Le|Les|L')\s?[a-zà-ÿ][\w'-]*(?: [\w'-]+){0,6}?) (?P<cop>est|sont) "
                         r"(?:une?|la|le|les|des|l') ")
# Words that make a poor subject for "Qu'est-ce que ... ?": too vague to have one answer.
_VAGUE = {"différence", "question", "suite", "plupart", "reste", "objectif", "but", "cas", "principe", "raison"}


def _subject(name: str) -> str:
    """"La Fondation X" inside a question reads "la Fondation X"."""
    return name[0].lower() + name[1:] if re.match(r"(?:La|Le|Les) |L'", name) else name


def _from_sentence(sentence: str) -> Iterator[tuple[int, str]]:
    """(kind, question) for each pattern the sentence matches; kinds keep the examples varied."""
    if m := _FOUNDED.search(sentence):
        verb = m["verb"]
        yield 0, f"Quand {_subject(m['name'])} a-t-{'elle' if verb.endswith('ée') else 'il'} été {verb} ?"
    if m := _AMOUNT.search(sentence):
        det = (m["det"] or "").lower()
        pronoun = "elle" if det == "la " else "il"
        yield 1, f"Combien {det}{m['name']} a-t-{pronoun} {m['vp']} ?"
    if m := _ACTION.search(sentence):
        yield 2, f"Qu'a {m['verb']} {_subject(m['name'])} ?"
    if m := _WHEN.search(sentence):
        aux = "ont-ils" if m["aux"] == "ont" else "a-t-il"
        yield 4, f"Quand {_subject(m['name'])} {aux} {m['pp']} {m['obj']} ?"
    if sentence.rstrip().endswith(":"):  # "Les principales déclarations sont les suivantes :" defines nothing
        return
    if (m := _DEFINITION.search(sentence)) and not set(m["np"].lower().replace("'", " ").split()) & _VAGUE:
        np = m["np"][0].lower() + m["np"][1:]
        yield 3, f"Que sont {np} ?" if m["cop"] == "sont" else f"Qu'est-ce que {np} ?"


def _title_question(title: str) -> str | None:
    title = re.sub(r"\s+", " ", title).strip()
    if title.endswith("?") and len(title) <= MAX_CHARS:
        return re.sub(r"\s*\?$", " ?", title)
    return None


def example_questions(chunks: list[Chunk], n: int = 4) -> list[str]:
    """Up to ``n`` questions that the indexed ``chunks`` answer, spread over their documents and
    over kinds of question, each short enough for a button. Deterministic; no model needed."""
    per_doc: dict[str, list[tuple[int, str]]] = {}
    for c in sorted(chunks, key=lambda c: (c.source, c.index)):
        found = per_doc.setdefault(c.source, [])
        if not found and (q := _title_question(c.title)):
            found.append((5, q))
        for s in c.sentences or ():
            for kind, q in _from_sentence(re.sub(r"\s+", " ", s.text).strip()):
                if len(q) <= MAX_CHARS and all(q != x for _, x in found):
                    found.append((kind, q))
    for options in per_doc.values():
        options.sort(key=lambda kq: kq[0])  # facts first (date, amount, action), then definitions, titles
    out: list[str] = []
    kinds_used: set[int] = set()
    # Round-robin over documents; inside one, a kind not offered yet comes first.
    while len(out) < n and any(per_doc.values()):
        for source in sorted(per_doc):
            options = per_doc[source]
            if not options or len(out) >= n:
                continue
            kind, q = next(((k, q) for k, q in options if k not in kinds_used), options[0])
            options.remove((kind, q))
            kinds_used.add(kind)
            if q not in out:
                out.append(q)
        if len(kinds_used) >= 6:
            kinds_used.clear()
    return out


def short_title(title: str, limit: int = 48) -> str:
    """A title cut at a word boundary to fit a line of the page or of a chat reply."""
    title = re.sub(r"\s+", " ", title).strip()
    return title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0] + "…"


def welcome(chunks: list[Chunk], titles: int = 2) -> str:
    """One line for the empty chat: what can be asked, and about which documents."""
    docs: dict[str, str] = {}
    for c in chunks:
        docs.setdefault(c.source, c.title or c.source)
    if not docs:
        return "Aucun document indexé : ajoutez-en un pour lui poser des questions."
    names = [f"« {short_title(t)} »" for t in sorted(docs.values())[:titles]]
    if len(docs) > len(names):
        about = f"vos {len(docs)} documents, dont {' et '.join(names)}"
    else:
        about = " et ".join(names)
    return (f"Posez une question en français ou en anglais sur {about} : un résumé, un fait, une liste, une "
            "comparaison, une explication. Chaque réponse cite ses passages.")
