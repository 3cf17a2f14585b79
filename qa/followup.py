"""Turn an elliptical follow-up ("Et Microsoft ?") into a full question using the chat history."""
from __future__ import annotations

import re

from .text import ELISION, STOP_WORDS, english_stop_words, fold

_LEAD = re.compile(r"^\s*(?:et\s+(?:pour|concernant|qu'en est-il (?:de|du|des|d')|de|du|des|d')?|and\s+(?:for|about)?|"
                   r"what about|how about|quid de|qu'en est-il (?:de|du|des|d'))\s*", re.I)
_PRONOUN = re.compile(r"\b(?:il|elle|ils|elles|lui|leur|leurs|sa|son|ses|celle-ci|celui-ci|it|its|they|them|their|"
                      r"he|she|his|her|this company|cette entreprise|cette société)\b", re.I)
# An English possessive or contraction ending a word: "Anthropic's" names Anthropic, "I'm" is "I".
CONTRACTION = re.compile(r"['’](?:s|m|re|ve|ll|d)$")
_ENTITY = re.compile(r"\b(?:\d+(?:[.,]\d+)*|[A-ZÀ-Ö][\w'-]*[A-Za-z0-9]|[A-Z]|\w*[A-Z]\w*[A-Z]\w*|\w*\d\w*)\b")
_QUESTION_WORDS = {"combien", "comment", "quand", "quel", "quelle", "quels", "quelles", "qui", "que", "quoi",
                   "pourquoi", "ou", "est-ce", "how", "what", "when", "where", "who", "which", "why", "whom",
                   "is", "are", "was", "did", "does", "do", "and", "et", "according", "selon", "dans", "in",
                   "depuis", "pres", "apres", "avant", "pendant", "durant", "parmi", "chez", "contre", "sous",
                   "vers", "outre", "malgre", "lors", "from", "since", "after", "before", "during", "for", "on",
                   "at", "by", "with", "to", "of", "about", "name", "list", "donne", "donnez", "cite", "citez",
                   "explique", "expliquez", "tell", "give", "describe", "non", "oui", "yes", "no", "est", "sont"}


def entities(question: str) -> list[str]:
    """Capitalised words, acronyms and numbers, minus question words (which are capitalised first)."""
    out = []
    for m in _ENTITY.finditer(question):
        word = CONTRACTION.sub("", m.group().strip("'"))
        f = fold(word)
        # "Qu'est-ce", "Depuis", "Près" open questions with a capital; so do inverted verbs, and
        # English function words ("If the sale...", "Above what...", "I").
        if f in _QUESTION_WORDS or f in STOP_WORDS or f.startswith("qu'") or "-t-" in f or \
                (m.start() == 0 and re.search(r"-(?:je|tu|ce|on|il|elle|nous|vous|ils|elles)$", f)) or \
                ((m.start() == 0 or f == "i") and f in english_stop_words() and (f == "i" or not word.isupper())):
            continue
        # An elided word opening the question ("J'ai payé…", "L'accord prévoit…", "S'il…") is a
        # pronoun or a common noun; "D'Anthropic", "L'Oréal" name something.
        elided = ELISION.match(word)
        rest = word[elided.end():] if elided else word
        if elided and (not rest[:1].isupper() or fold(rest) in STOP_WORDS):
            continue
        if word and word not in out:
            out.append(word)
    return out


def is_follow_up(question: str) -> bool:
    q = question.strip()
    if _LEAD.match(q) and _LEAD.match(q).end() > 0:
        return True
    content = [w for w in re.findall(r"[\w'-]+", fold(q)) if w not in STOP_WORDS and w not in _QUESTION_WORDS]
    return len(content) <= 1 or bool(_PRONOUN.search(q))


def rewrite(question: str, history: list[str] | None) -> str:
    """The question to retrieve with: unchanged unless it is a follow-up of the last turn."""
    if not history or not is_follow_up(question):
        return question
    previous = rewrite(history[-1], history[:-1])
    new = entities(question)
    old = entities(previous)
    lead = _LEAD.match(question)
    if new and old and lead and lead.end() > 0:
        # "Et Microsoft ?" after "Combien Nvidia investit-il ?": same question, the new subject.
        target = next((o for o in old if o not in new), None)
        if target:
            return re.sub(rf"\b{re.escape(target)}\b", new[0], previous, count=1)
    if not new and old:
        # "Quand a-t-elle été fondée ?": the pronoun stands for what the last question named.
        return f"{question} ({', '.join(old)})"
    return f"{previous} {question}"
