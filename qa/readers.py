"""File formats -> plain text with metadata: .txt, .md (front matter), .html (main text), .pdf (pages).

Every reader is deterministic, so a citation's offsets can be checked by reading the file again.
For .txt/.md the text is the file itself, but for its pipe tables, read row by row as an HTML
table is; for .html/.pdf it is the extracted text."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from .tables import pipe_tables, table_rows

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
# Boilerplate, not content: never part of a page's text.
_HTML_DROP = ["script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe",
              "svg", "button", "select", "dialog", "menu"]
_HTML_BLOCKS = ["p", "div", "section", "article", "main", "li", "ul", "ol", "blockquote", "pre", "figcaption",
                "table", "tr", "dt", "dd", "br", "hr"]
_HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


class ReadError(ValueError):
    """The content cannot be turned into text (the caller adds the file name)."""


@dataclass
class Extracted:
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    body_start: int = 0
    pages: tuple[int, ...] = ()  # offset where each page starts (PDF only)


def sniff(data: bytes) -> str:
    """What the bytes are, whatever the file is called: "pdf", "html", "text" or "binary"."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if b"\x00" in data:
        return "binary"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<") and b"<body" in data[:65536].lower()):
        return "html"
    return "text"


def read(data: bytes, suffix: str) -> Extracted:
    """Text and metadata of a file's bytes; the content must agree with the suffix."""
    kind, suffix = sniff(data), suffix.lower()
    if suffix in PDF_SUFFIXES:
        if kind != "pdf":
            raise ReadError("not a PDF (the content does not start with %PDF-)")
        return read_pdf(data)
    if kind == "pdf":
        raise ReadError(f"the content is a PDF, not {suffix} text: rename it .pdf")
    if kind == "binary":
        raise ReadError("looks like a binary file (NUL bytes), not text")
    if suffix in HTML_SUFFIXES:
        return read_html(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"not valid UTF-8 (byte {exc.start}); convert it to UTF-8 first") from None
    meta, body_start = front_matter(text)
    if not meta.get("title") and (title := title_line(text[body_start:])):
        meta["title"] = title
    return Extracted(text[:body_start] + pipe_tables(text[body_start:]), meta, body_start)


_TITLE_LINE = re.compile(r"\A\s*(?:#{1,2}[ \t]+)?([^\n]{3,120}?)[ \t]*(?:\r?\n[ \t]*([^\n]{1,80}?)[ \t]*)?"
                         r"(?:\r?\n[ \t]*\r?\n|\r?\n?\Z)")


def title_line(body: str) -> str:
    """The title a text file opens with, as a writer sets it apart: a ``#`` heading, or a short
    line with no final full stop followed by a blank line ("Les Sentiers du Vercors - Nouvelles du
    club"), or by a subtitle line and then a blank line ("Numéro 47, printemps 2025"); empty when
    the file opens with its text (a file name then stands for the title)."""
    m = _TITLE_LINE.match(body)
    sub = m.group(2) if m else None  # a subtitle, not the first line's sentence wrapped on
    if not m or re.search(r"[.:;,]$", m.group(1)) or sub and (re.search(r"[.:;,!?]$", sub) or sub[:1].islower()):
        return ""
    return m.group(1).strip()


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """YAML between two ``---`` lines at the top -> (metadata as strings, offset of the body).
    Parsed with python-frontmatter's YAML handler; a block that is not valid YAML is read as
    plain ``key: value`` lines rather than refused."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    try:
        from frontmatter.default_handlers import YAMLHandler

        loaded = YAMLHandler().load(m.group(1))
    except Exception:  # noqa: BLE001 - yaml raises several types; the fallback below is safe
        loaded = None
    if not isinstance(loaded, dict):
        loaded = {}
        for line in m.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip():
                loaded[key.strip()] = value.strip().strip("\"'")
    meta = {str(k).strip().lower(): str(v).strip() for k, v in loaded.items()
            if v is not None and not isinstance(v, (dict, list))}
    return meta, m.end()


def read_html(data: bytes) -> Extracted:
    """The main text of a page: scripts, styles, navigation, banners, footers and forms dropped;
    ``<main>``/``<article>`` preferred to the whole body; headings kept as ``#`` lines."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(data, "html.parser")
    meta = _html_meta(soup)
    for tag in soup.find_all(_HTML_DROP):
        tag.decompose()
    for tag in soup.find_all(attrs={"role": ["navigation", "banner", "contentinfo", "search"]}):
        tag.decompose()
    # A page's banner is no text, but a <header> that opens the content with a paragraph is: "La
    # piscine est située 22 boulevard des Sports…" (a new user's trial lost it); its link lists are not
    for tag in soup.find_all("header"):
        if tag.decomposed:
            continue
        if any(len(p.get_text().split()) >= 12 for p in tag.find_all("p")):
            for links in tag.find_all(["ul", "ol"]):
                links.decompose()
        else:
            tag.decompose()
    # What the page does not show its reader is not its text: a hidden block may say anything.
    for tag in soup.find_all(_hidden):
        if not tag.decomposed:
            tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    for node in root.find_all(string=True):  # line breaks in the source are spaces on the page
        if node.parent is not None and node.parent.name != "pre" and not isinstance(node, Comment):
            node.replace_with(re.sub(r"\s+", " ", str(node)))
        elif isinstance(node, Comment):
            node.extract()
    for h in root.find_all(_HEADINGS):
        h.replace_with(f"\n\n# {' '.join(h.get_text(' ').split())}\n\n")
    for table in root.find_all("table"):
        _flatten(table)
    for tag in root.find_all(_HTML_BLOCKS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    lines = (" ".join(line.split()) for line in root.get_text().splitlines())
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
    if not meta.get("title"):
        first = re.search(r"^# (.+)$", text, re.M)
        meta["title"] = first.group(1) if first else ""
    return Extracted(text, {k: v for k, v in meta.items() if v})


def _flatten(table: Any) -> None:
    """Each row of a plain data table as one line that reads as it is meant: "Visite à domicile :
    40 €" (the cells ran together: "Visite à domicile40 €"), and under a header row "Éveil musical :
    120 € (Habitants) ; 165 € (Extérieurs)", the header's names going with the values. A table that
    lays out a page (blocks in its cells), nests another, spans cells or has rows of different
    lengths is left as it reads."""
    rows = [[c for c in row.find_all(["td", "th"], recursive=False)] for row in table.find_all("tr")]
    rows = [r for r in rows if r]
    if not rows or table.find("table") or len({len(r) for r in rows}) != 1 or len(rows[0]) < 2 or \
            any(c.has_attr("colspan") or c.has_attr("rowspan") or c.find(_BLOCKS_IN_CELLS) for r in rows for c in r):
        return
    texts = [[" ".join(c.get_text(" ").split()) for c in r] for r in rows]
    header = texts[0] if all(c.name == "th" for c in rows[0]) else None
    table.replace_with("\n\n" + "\n".join(table_rows(texts[1:] if header else texts, header)) + "\n\n")


_BLOCKS_IN_CELLS = ["p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article"]


_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)


def _hidden(tag) -> bool:
    # (not aria-hidden: it hides from screen readers what the page still shows)
    return tag.has_attr("hidden") or bool(_HIDDEN_STYLE.search(str(tag.get("style", ""))))


def _html_meta(soup) -> dict[str, str]:
    def content(**attrs) -> str:
        tag = soup.find("meta", attrs=attrs)
        return " ".join(str(tag.get("content", "")).split()) if tag else ""

    title = content(property="og:title") or (" ".join(soup.title.get_text().split()) if soup.title else "")
    date = content(property="article:published_time") or content(name="date")
    if not date and (t := soup.find("time", attrs={"datetime": True})):
        date = str(t["datetime"])
    canonical = soup.find("link", rel="canonical")
    html_tag = soup.find("html")
    return {"title": title, "date": date[:10], "url": content(property="og:url") or (canonical.get("href", "") if canonical else ""),
            "lang": str(html_tag.get("lang", ""))[:2].lower() if html_tag else ""}


def read_pdf(data: bytes) -> Extracted:
    """The text of each page, lines re-joined into paragraphs (a PDF breaks lines at the margin),
    pages separated by a blank line; ``pages`` records where each page starts."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ReadError("the PDF is encrypted")
        raw = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
        meta = {"title": str(info.get("/Title") or "").strip()}
    except ReadError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ReadError(f"unreadable PDF ({type(exc).__name__}: {exc})") from None
    words = set(re.findall(r"\w+", " ".join(raw).lower()))
    parts, starts, pos = [], [], 0
    for page in raw:
        starts.append(pos)
        body = _paragraphs(page, words)
        parts.append(body)
        pos += len(body) + 2
    text = "\n\n".join(parts)
    if not text.strip():
        raise ReadError("no text in this PDF (scanned pages? run OCR first)")
    return Extracted(text, {k: v for k, v in meta.items() if v}, 0, tuple(starts))


_END = re.compile(r"[.!?…:;»\"”)]$")
HYPHEN_WINDOW = 64  # longer than any French word cut at a margin ("anticonstitutionnellement" is 25)


def _paragraphs(page: str, words: set[str]) -> str:
    """Join the lines of a page into paragraphs: a line continues the previous one unless that one
    stopped well short of the margin (a paragraph's last line, or a heading) or this one is a
    heading after a finished sentence. Words hyphenated at the margin are re-joined when the whole
    word occurs elsewhere in the document ("mil-/liards" -> "milliards", "porte-/parole" stays)."""
    lines = [" ".join(line.split()) for line in page.splitlines()]
    filled = sorted(len(x) for x in lines if x)
    width = filled[len(filled) * 3 // 4] if filled else 0
    paras: list[str] = []
    prev_line = ""
    for line in lines:
        if not line:
            prev_line = ""
            continue
        heading = len(line) < 0.7 * width and not _END.search(line) and line[:1].isupper() and len(line.split()) <= 12
        # Only the line's end is searched: a regex search of a whole very long "word" is quadratic.
        hyphen = re.search(r"(\w+)-$", prev_line[-HYPHEN_WINDOW:])
        if not prev_line or (not hyphen and len(prev_line) < 0.7 * width) or (heading and _END.search(prev_line)):
            paras.append(line)
        elif m := hyphen:
            tail = re.match(r"\w+", line)
            whole = (m.group(1) + tail.group()).lower() if tail and line[:1].islower() else ""
            paras[-1] = paras[-1][:-1] + line if whole in words else paras[-1] + line
        else:
            paras[-1] += " " + line
        prev_line = line
    return "\n\n".join(paras)
