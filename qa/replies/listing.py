"""Lists: the enumeration that answers ("OpenAI, Google, Amazon, Meta et xAI"), led by its items,
from a sentence ("…, dont A, B, C et D.") or from the lines that follow a sentence ending in ":"."""
from __future__ import annotations

import re

from ..question import Question
from ..selection import CONTINUES, Candidate
from ..text import STOP_WORDS, fold, word_set, words
from ..types import Answer, Chunk, Span
from .common import capital, cite, flat, frame, quoted, window
from . import fact
from .fact import usable

# A list sentence may score a little below the best sentence and still answer better: measured on
# the article's list questions (the enumeration sits 0.02-0.05 below a sentence that only names the topic).
LIST_MARGIN = 0.08
LIST_COSINE_SLACK = 0.03
MAX_ITEM_WORDS = 6
MAX_LEAD_CHARS = 300
_INTRO = re.compile(r"(?:\bdont|\bcomme|\bnotamment|\btel(?:le)?s? que|\bà savoir|\ba savoir|\bincluding|\bsuch as|"
                    r"\bnamely|\blike|\bparmi lesquel(?:le)?s|:)\s+", re.I)
_LAST = re.compile(r"\s+(?:et|and|ou|or)\s+")
_EXCEPT = re.compile(r"\b(?:sauf|hors|excepte|en dehors|except|other than|apart from|besides)\b")
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+(.+?)\s*$", re.M)


def inline(sentence: str) -> tuple[list[str], tuple[int, int]] | None:
    """The items of an enumeration written in the sentence, and where it stands in it."""
    for m in re.finditer(r"[^,;()]+(?:,\s*[^,;()]+){1,}", sentence):
        parts = re.split(r",\s*", m.group())
        last = _LAST.split(parts[-1].rstrip(" .!?"), maxsplit=1)
        if len(last) != 2:
            continue
        parts = parts[:-1] + last
        # The list starts after its introducer ("…, dont OpenAI, Google…"), in whichever part it is.
        at = next((k for k in range(len(parts) - 2, -1, -1) if list(_INTRO.finditer(parts[k]))), None)
        offset = m.start()
        if at is not None:
            cut = list(_INTRO.finditer(parts[at]))[-1].end()
            offset = m.start() + m.group().index(parts[at]) + cut
            parts = [parts[at][cut:]] + parts[at + 1:]
        items = [i.strip() for i in parts]
        if at is None and len(items) >= 3:  # no introducer: the first item is shaped like the others
            cut = _first_item(items[0], items[1:])
            offset += m.group().index(items[0]) + cut
            items[0] = items[0][cut:]
        if len(items) < 3 or any(not i or len(i.split()) > MAX_ITEM_WORDS for i in items):
            continue
        sizes = [len(i.split()) for i in items]
        if _mixed_openings(items):
            continue
        if max(sizes) > 2 * min(sizes) + 2:  # items of a list look alike; clauses of a sentence do not
            continue
        return items, (offset, m.start() + len(m.group().rstrip(" .!?")))
    return None


# Items of one list open alike: "en France, en Italie et en Espagne", "par carte, par chèque ou en
# espèces". When some items open on a preposition and others do not, they are a clause's
# complements: "mis à disposition des clients d'Azure, avec un choix de modèles étendu et de
# nouvelles capacités" lists no customers.
_PREPOSITION = frozenset("à au aux avec sans pour par dans sur sous en chez vers selon contre depuis pendant "
                         "with without for by in on at to from into under over".split())


def _mixed_openings(items: list[str]) -> bool:
    firsts = [re.split(r"[\s'’]", i.strip().lower(), maxsplit=1)[0] for i in items]
    opens = [f in _PREPOSITION for f in firsts]
    return any(opens) and not all(opens)


_DETERMINER = re.compile(r"\b(?:le|la|les|l'|l’|un|une|des|du|the|a|an|son|sa|ses|leur|leurs)(?=\s|(?<=['’]))",
                         re.I)


def _first_item(text: str, others: list[str]) -> int:
    """Where the first item of a list starts in ``text``, the words before the list included:
    at its last determiner when the other items open on one ("…butinent surtout le tilleul, le
    colza…"), otherwise as many words from its end as the longest other item has."""
    if sum(bool(_DETERMINER.match(o)) for o in others) * 2 > len(others):
        found = list(_DETERMINER.finditer(text))
        if found:
            return found[-1].start()
    n = max(len(o.split()) for o in others)
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    return starts[-n] if len(starts) > n else 0


def bulleted(chunk: Chunk, sentence: Span) -> tuple[list[str], Span] | None:
    """The items listed on the lines right after a sentence that ends with ":" (and the stretch of
    the passage that holds the sentence and its list)."""
    if not flat(sentence).endswith(":"):
        return None
    rest = chunk.text[sentence.end - chunk.start:]
    items, end = [], sentence.end
    for line in rest.split("\n"):
        m = _BULLET.match(line)
        if m:
            items.append(m.group(1).rstrip(" ;,."))
            end += len(line) + 1
        elif line.strip() or items:  # the list ends at its first other line, or the blank after it
            break
        else:
            end += len(line) + 1
    if len(items) < 2:
        return None
    end = min(end, chunk.end)
    return items, Span(sentence.start, end, chunk.text[sentence.start - chunk.start:end - chunk.start].rstrip())


def picked(query: str, intro: str, items: list[str]) -> list[str]:
    """In a list of "label : value" lines, the lines whose labels the question's words name, words
    that the sentence announcing the list does not use ("Quels sont les horaires du mardi ?" ->
    "Mardi et jeudi : de 12 h 00 à 21 h 30"); empty when a word names several lines or none, or the
    question excludes ("sauf le samedi"): the whole list answers then."""
    if _EXCEPT.search(fold(query)):
        return []
    said = word_set(intro)
    asked = [w for w in words(query) if len(w) >= 3 and w not in STOP_WORDS and w not in said]
    labels = {i: word_set(re.split(r":\s", i, maxsplit=1)[0]) for i in items if re.search(r":\s", i)}
    out: list[str] = []
    for w in asked:
        having = [i for i, label in labels.items() if w in label]
        if len(having) > 1:
            return []
        out += [i for i in having if i not in out]
    return [i for i in items if i in out]


def _joined(items: list[str], lang: str) -> str:
    last = " and " if lang == "en" else " et "
    return ", ".join(items[:-1]) + last + items[-1] if len(items) > 1 else items[0]


def reply(q: Question, ranked: list[Candidate]) -> Answer | None:
    """The best usable sentence holding a list (or introducing one), near the best sentence."""
    best = next((c for c in ranked if usable(c)), None)
    if best is None:
        return None
    for c in ranked:
        if c.score < best.score - LIST_MARGIN:
            break
        # A list sentence is often a little further from the question than the sentence that names
        # its topic (cross-lingual: "competitors" / "concurrents" 0.79 on the article).
        if not (c.grounded and c.typed and c.cosine >= fact.MIN_COSINE - LIST_COSINE_SLACK):
            continue
        if c.hit.chunk.source != best.hit.chunk.source:  # another document's list answers another question
            continue
        found = inline(c.sentence.text)
        # Below a sentence that names what is asked about, a list written in a sentence that names
        # it neither itself nor by a pronoun lists something else: "Quels modèles Anthropic
        # développe-t-elle ?" is not answered by the competitors "dont OpenAI, Google…" of the
        # sentence after "Anthropic … développant des modèles". (A list announced by ":" answers
        # the question its passage is about: its lines name nothing.)
        if (found and c.score < best.score and not c.features.get("named", True)
                and best.features.get("named", True) and not CONTINUES.match(c.sentence.text)):
            continue
        if found:
            items, (a, b) = found
            lead = c.sentence.text[a:b] if q.lang == "fr" else _joined(items, q.lang)
            span = c.sentence
        else:
            block = bulleted(c.hit.chunk, c.sentence)
            if not block:
                continue
            items, span = block
            lines = picked(q.query, c.sentence.text, items)
            at = c.hit.chunk.text.find(lines[0], span.start - c.hit.chunk.start) if len(lines) == 1 else -1
            if at >= 0:  # "Quels sont les horaires du mardi ?": the line for Tuesday, not the week
                start = c.hit.chunk.start + at
                span = Span(start, start + len(lines[0]), lines[0])
            items = lines or items
            lead = _joined(items, q.lang)
        lead = window(" ".join(lead.split()), MAX_LEAD_CHARS)
        head = f"{capital(lead)}. "
        intro = frame(q.lang, True)
        text = window(flat(span), 700 - len(head) - len(intro))
        return Answer(f"{head}{intro}{quoted(text, q.lang)} [1]", q.lang, True,
                      [cite(1, c.hit.chunk, [span], c.cosine)], kind="list")
    return None
