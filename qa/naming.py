"""Which document "le document sur le mariage" means: the one whose title and sentences, taken
together, sit closest to the subject in the model's space, clearly ahead of the next one. Words
alone cannot tell: "wedding" shares no letter with "se marier", and a short subject put a
two-line table cell first among the passages."""
from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from .text import STOP_WORDS, words
from .types import Chunk

# Measured with multilingual-e5-small on the 64 service-public.fr fiches of ../shared/eval/spf:
# French subjects of one fiche ("le congé sans solde", "l'adoption") put it ahead by 0.054-0.098,
# English ones by 0.011-0.057 ("medical state aid" 0.057, "driving licence abroad" 0.033); subjects
# no fiche is about by 0.000-0.021 ("quantum physics" 0.021, "cooking recipes" 0.002). The passage
# retrieval ranks first must come from the same document too: a second vote, from other evidence.
MARGIN = 0.03


def profiles(title_vectors: dict[str, np.ndarray], sentence_sources: list[str],
             sentence_vectors: np.ndarray) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """For each document: its title's vector and the normalised mean of its sentences' vectors."""
    rows: dict[str, list[int]] = defaultdict(list)
    for i, source in enumerate(sentence_sources):
        rows[source].append(i)
    out = {}
    for source, title in title_vectors.items():
        if not rows.get(source):
            continue
        mean = sentence_vectors[rows[source]].mean(axis=0)
        out[source] = (title, mean / (np.linalg.norm(mean) or 1.0))
    return out


def closest(vector: np.ndarray, docs: dict[str, tuple[np.ndarray, np.ndarray]], pool: list[str],
            first: str | None = None, margin: float = MARGIN) -> str | None:
    """The document of ``pool`` the subject ``vector`` is about, or None when no one leads by
    ``margin``, or when it is not ``first``, the document of the passage retrieval ranks first."""
    scored = sorted(((float(vector @ t) + float(vector @ c), s) for s, (t, c) in docs.items() if s in pool),
                    reverse=True)
    if not scored:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < margin:
        return None
    return scored[0][1] if first is None or scored[0][1] == first else None


# The document a summary request names without "sur": "Résume le bulletin municipal", "Summarize the
# employee handbook", "What are the key points of the club's rules?" (a new user's trial: both asked
# which document was meant, though one was plainly named).
_OBJECT = re.compile(r"\b(?:r[ée]sum[ée]z?(?:[- ]moi| me)?|synth[ée]tise(?:z)?|summari[sz]e|sum up|recap|"
                     r"(?:key|main|important) (?:points|ideas) of|l'essentiel d[eu]|points? (?:cl[ée]s|principaux) d[eu])"
                     r"\s+(?:les|le|la|l'|du|des|the|this|that)\s*(?P<object>[^?.!,;:]+?)\s*[?.!]?\s*$", re.I)


def summary_object(text: str) -> str | None:
    """What a summary request names as its document ("bulletin municipal"), or None."""
    m = _OBJECT.search(text)
    obj = m.group("object").strip() if m else ""
    # a name of a few words, not a clause ("le bulletin est-il disponible")
    return obj if obj and len(obj.split()) <= 5 and not re.search(r"-(?:t-)?(?:il|elle|ils|elles|on)\b|\best\b", obj) \
        else None


def headlines(titles: dict[str, str], chunks: list[Chunk]) -> dict[str, str]:
    """Each document's title with its first heading, which names it too ("Compte rendu de
    l'assemblée générale" under an association's name, a new user's trial)."""
    first: dict[str, Chunk] = {}
    for c in chunks:
        if c.source not in first or c.start < first[c.source].start:
            first[c.source] = c
    return {s: f"{t} {first[s].section}" if s in first else t for s, t in titles.items()}


# Words that name any document ("Résume le document") and tell none apart.
_ANY_DOCUMENT = frozenset("document documents texte textes fichier fichiers article articles page pages fiche fiches "
                          "file files text texts".split())


def titled(text: str, titles: dict[str, str], pool: list[str]) -> str | None:
    """The document of ``pool`` whose title (or file name) ``text`` names, when exactly one is: half
    the words of the shorter of the two at least ("bulletin municipal" of "bulletin-saint-aubin.txt")."""
    asked = {w for w in words(text) if w not in STOP_WORDS and len(w) >= 3} - _ANY_DOCUMENT

    def share(source: str) -> float:
        title = {w for w in words(f"{titles[source]} {source}") if w not in STOP_WORDS and len(w) >= 3}
        return len(asked & title) / max(1, min(len(title), len(asked), 4))
    scored = sorted(((share(s), s) for s in pool), reverse=True)
    if scored and scored[0][0] >= 0.5 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1]
    return None


def named(text: str, titles: dict[str, str], chunks: list[Chunk], pool: list[str]) -> str | None:
    """The document ``text`` names by its title, or else by its title and first heading (the
    heading alone never outvotes a title: "Résume le document sur la piscine")."""
    return titled(text, titles, pool) or titled(text, headlines(titles, chunks), pool)
