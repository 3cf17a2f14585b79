"""Sections -> sentences -> chunks, each with exact character offsets into its document."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from .types import Chunk, Document, Span

CHUNKER_VERSION = "9"  # 2: wrapped lines read as one paragraph, list items after ":" kept as body;
# 3: punctuation alone is no sentence; 4: numbered headings ("3. DURÉE") open sections;
# 5: numbered steps ("1. Remplir…") are items, one sentence each; 6: a short line with no body
# under it (a table cell, "Référente RH : Isabelle Durand") is an item, not a heading; 7: a
# sentence ends after a unit ("de 10 h à 13 h. L'abonnement…", not "p. 45"); the rows of
# an HTML table are read as lines (qa/readers.py), which the documents' signature does not see;
# 8: so are a Markdown table's; 9: the last line of a block of "label : value" lines is one of
# them, not the heading of the paragraph below
MAX_CHARS = 1000      # about 250 e5 tokens: whole PIAF-sized paragraphs stay one chunk
OVERLAP_SENTENCES = 1  # a split section repeats one sentence so no fact loses its context

# Words after which a period does not end a sentence (French and English).
_ABBREVIATIONS = {
    "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "sts", "vol",
    "cf", "etc", "ex", "p", "pp", "n", "no", "av", "apr", "env", "art", "chap", "fig", "éd", "ed",
    "mr", "mrs", "ms", "prof", "inc", "ltd", "co", "corp", "jr", "sr", "vs", "e.g", "i.e", "approx",
    "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "jan", "feb", "mar", "jun",
    "jul", "aug", "sep", "dec", "gén", "col", "cap", "lt", "sgt", "j.-c", "ap. j.-c", "av. j.-c",
}
# A boundary starts at the first mark of a run ("...", "?!"), never inside it, and takes the run
# whole (possessive): otherwise a long run of dots is tried from every position, quadratic.
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++(?:[\"'”)\]]|\s?»)*(?=\s+[\"'«“(\[]?\s?[A-ZÀ-ÖØ-Þ0-9])")
_WORD_BEFORE = re.compile(r"[\w.\-]+$")
# How far back from a full stop the word before it is looked for: the longest abbreviation is
# 8 characters, so a word that fills the whole window is no abbreviation. Searching the whole text
# before every full stop instead made splitting quadratic (a 200 kB line took 13.7 s; now 0.02 s).
WORD_WINDOW = 32


# A label and its value on one line ("Référence du bail : BC-2023-0417"): a line of its own. A label
# is short (40 characters: a few words), the value opens with a digit or a code.
_FIELD = re.compile(r"\s*[A-ZÀ-ÖØ-Þ][^:\n]{1,40}\s:\s*(?:\d|[A-Z][A-Z0-9-]*\d)")
# A heading may be numbered: "3. DURÉE", "2.1 Tarifs", "IV) Sanctions", "B. Horaires".
_NUMBERED = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|[IVXLC]{1,5}[.)]|[A-Z][.)])\s+(?=\S)")


def _is_heading(line: str, has_next: bool, steps: bool = False) -> bool:
    """``steps``: the line before or after is numbered too, so a numbered line is a step of a list
    ("1. Remplir le formulaire", "2. Envoyer les pièces"), not a heading."""
    s = line.strip()
    if s.startswith("#"):
        return True
    if _FIELD.match(s) and re.match(r":\s*(?:\d|[A-Z][A-Z0-9-]*\d)", s[s.index(":"):]):
        return False  # "Date de signature : 12 mai 2023" states a value; "Règlement : se préparer en 6 étapes" heads
    numbered = _NUMBERED.match(s)
    if numbered and steps:
        return False
    first = s[numbered.end():] if numbered else s
    return (has_next and 0 < len(s) <= 80 and len(s.split()) <= 12
            and not re.search(r"[.!?:;,…»\"”)]$", s) and first[:1].isupper())


_LINKS = re.compile(r"(?:en savoir plus|voir aussi|voir également|lire aussi|à lire aussi|pour aller plus loin|"
                    r"see also|read more|learn more)\s*:", re.I)
_LABELLED = re.compile(r"\s*[^:#\n]{2,40}?\s:\s*\S")


def split_sentences(text: str, offset: int = 0) -> list[Span]:
    """Sentence spans of one paragraph. Abbreviations ("M.", "cf.") and initials ("J. Smith")
    do not end a sentence; numbers like "1,5 %" or "3.2" never contain a boundary."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if text[m.start()] == ".":
            before = _WORD_BEFORE.search(text, max(0, m.start() - WORD_WINDOW), m.start())
            word = before.group().lower() if before else ""
            # "de 10 h à 13 h. L'abonnement…": a unit after a number ends its sentence, where an
            # initial ("J. Smith") or an abbreviation ("M.", "p. 45", "10 h. 30") does not
            unit = len(word) == 1 and before.group().islower() and re.search(r"\d\s?$", text[:before.start()]) \
                and not text[m.end():].lstrip()[:1].isdigit()
            if (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())) and not unit:
                continue
            # "1. Remplir le formulaire": the number of a step opens its line, it ends nothing
            if before and word.isdigit() and len(word) <= 2 and not text[start:before.start()].strip():
                continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if re.search(r"[^\W_]", piece):  # a "." left alone on its line after a link says nothing
            out.append(Span(offset + s + lead, offset + s + lead + len(piece), piece))
    return out


def _hard_split(span: Span, max_chars: int) -> list[Span]:
    """A "sentence" longer than a chunk (a huge single line): cut at spaces."""
    out, s, text = [], 0, span.text
    while s < len(text):
        e = min(len(text), s + max_chars)
        if e < len(text):
            cut = text.rfind(" ", s + max_chars // 2, e)
            e = cut if cut > s else e
        piece = text[s:e].strip()
        if piece:
            lead = len(text[s:e]) - len(text[s:e].lstrip())
            out.append(Span(span.start + s + lead, span.start + s + lead + len(piece), piece))
        s = e
    return out


_BULLET = re.compile(r"\s*(?:[-*•–]|\d{1,2}[.)])\s+")
_ENDS_SENTENCE = re.compile(r"[.!?…»\"”)]\s*$")


def sections(doc: Document) -> list[tuple[str, list[Span]]]:
    """(section title, sentence spans) in document order; headings are structure, not body.
    Lines of one paragraph are read together (a sentence wrapped over two lines stays one), a
    bullet is its own line, and the short lines after one that ends with ":" are the items of the
    list it announces, not headings."""
    out: list[tuple[str, list[Span]]] = []
    current, sents = "", []
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\r\n]+", doc.text[doc.body_start:])]
    body = doc.text[doc.body_start:]
    para: tuple[int, int] | None = None  # the paragraph being read: (start, end) in ``body``
    listing = False                       # the lines read now are the items of an announced list
    in_bullet = False                     # the paragraph being read opened with a bullet
    links = False                         # the short lines read now list links ("En savoir plus :")

    def flush() -> None:
        nonlocal para
        if para is not None:
            sents.extend(split_sentences(body[para[0]:para[1]], doc.body_start + para[0]))
            para = None

    def heads(i: int) -> bool:  # line ``i`` reads as a heading, if no list is announced above it
        pos, line = lines[i]
        wrapped_on = i + 1 < len(lines) and body[pos + len(line):lines[i + 1][0]].count("\n") == 1 \
            and lines[i + 1][1][:1].islower()  # "Il compte aujourd'hui" / "quarante-deux ruches"
        steps = any(0 <= j < len(lines) and _NUMBERED.match(lines[j][1].strip()) for j in (i - 1, i + 1))
        return not wrapped_on and _is_heading(line, has_next=i + 1 < len(lines), steps=steps)

    def bodiless(i: int) -> bool:  # the last line, or the next non-blank one is a heading too, or
        # both are "label : value" lines ("Présidente : Marie Dupont" over "Téléphone : 02 41 …")
        j = next((j for j in range(i + 1, len(lines)) if lines[j][1].strip()), None)
        return j is None or lines[j][1].strip().startswith("#") or heads(j) or \
            bool(_LABELLED.match(lines[i][1]) and _LABELLED.match(lines[j][1]))

    previous_end = -1
    labelled = False  # the line before was a "label : value" line
    for i, (pos, line) in enumerate(lines):
        if not line.strip():
            continue
        blank_before = previous_end < 0 or bool(body[previous_end:pos].count("\n") > 1)
        previous_end = pos + len(line)
        stripped = line.strip()
        if listing and (stripped.startswith("#") or _ENDS_SENTENCE.search(stripped) and not _BULLET.match(line)):
            listing = False
        heading = not listing and heads(i)
        # the last of a block of "label : value" lines ("Gardienne : Josiane Lefèvre" over a
        # paragraph) is one of them, not the paragraph's heading
        in_block = bool(labelled and not blank_before and _LABELLED.match(line))
        labelled_before, labelled = labelled, bool(_LABELLED.match(line))
        if heading and not stripped.startswith("#") and (bodiless(i) or in_block):
            # A short line with nothing under it heads nothing: the cell of a flattened table
            # ("Demandeur", "Oui"), a "Référente RH : Isabelle Durand" line. Taken as a heading, the
            # next one replaced it and its text reached no sentence (330 lines of the 64 fiches).
            # Links stay headings, as before: "En savoir plus : …" and the titles of the pages
            # listed after it; so do the title lines above the first paragraph ("Numéro 47,
            # printemps 2025"), unless they give a value ("Référence : BC-2023").
            links = links or bool(_LINKS.match(stripped))
            masthead = not out and not sents and not current and " : " not in stripped
            if not links and not masthead:
                flush()
                para = (pos, pos + len(line))
                flush()
                continue
        else:
            links = False
        if heading:
            flush()
            if sents:
                out.append((current, sents))
            current, sents = stripped.lstrip("#").strip(), []
            continue
        # (a "label : value" line under another is a row of its own, lower case or not: "mardi :
        # 10 h (Ouverture)" under "lundi : fermé (Ouverture)", a table's rows read as lines)
        if listing or _BULLET.match(line) or blank_before or para is None or (in_bullet and not line[:1].isspace()) \
                or _FIELD.match(line) or _FIELD.match(body, para[0]) and not stripped[:1].islower() \
                or labelled_before and _LABELLED.match(line):
            flush()  # an item, or a new paragraph
            para = (pos, pos + len(line))
            in_bullet = bool(_BULLET.match(line))  # kept, not re-read: a paragraph can be megabytes long
        else:  # the same paragraph, wrapped
            para = (para[0], pos + len(line))
        if stripped.endswith(":"):
            flush()
            listing = True
    flush()
    if sents:
        out.append((current, sents))
    return out


def chunk_id(doc: Document, start: int, end: int, text: str) -> str:
    key = f"{CHUNKER_VERSION}\x1f{doc.source}\x1f{start}\x1f{end}\x1f{text}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def chunk_document(doc: Document, max_chars: int = MAX_CHARS, overlap: int = OVERLAP_SENTENCES) -> list[Chunk]:
    """Pack whole sentences of one section into chunks of at most ``max_chars``."""
    chunks: list[Chunk] = []
    for title, sents in sections(doc):
        units = [p for s in sents for p in (_hard_split(s, max_chars) if len(s.text) > max_chars else [s])]
        group: list[Span] = []
        for unit in units:
            if group and unit.end - group[0].start > max_chars:
                chunks.append(_make(doc, title, group, len(chunks)))
                keep = group[-overlap:] if overlap and len(group) > overlap else []
                group = keep if not keep or unit.end - keep[0].start <= max_chars else []
            group.append(unit)
        if group:
            chunks.append(_make(doc, title, group, len(chunks)))
    return chunks


def _make(doc: Document, section: str, group: list[Span], index: int) -> Chunk:
    start, end = group[0].start, group[-1].end
    text = doc.text[start:end]
    return Chunk(id=chunk_id(doc, start, end, text), doc_id=doc.id, source=doc.source, title=doc.title,
                 section=section, index=index, start=start, end=end, text=text, sentences=tuple(group),
                 page=doc.page_at(start))


MIN_CLAUSE_CHARS = 40
_CLAUSE_BREAK = re.compile(r"\s*[,;:]\s+")


@lru_cache(maxsize=65536)
def clauses(sentence: Span) -> tuple[Span, ...]:
    """The comma/semicolon-separated parts of a long sentence, merged so that none is shorter than
    ``MIN_CLAUSE_CHARS``. One fact buried in a long sentence scores better alone than diluted."""
    text = sentence.text
    cuts = [m for m in _CLAUSE_BREAK.finditer(text)]
    if len(text) < 2 * MIN_CLAUSE_CHARS or not cuts:
        return ()
    parts, start = [], 0
    for m in cuts:
        if m.start() - start >= MIN_CLAUSE_CHARS and len(text) - m.end() >= MIN_CLAUSE_CHARS:
            parts.append((start, m.start()))
            start = m.end()
    parts.append((start, len(text)))
    if len(parts) < 2:
        return ()
    return tuple(Span(sentence.start + s, sentence.start + e, text[s:e]) for s, e in parts)
