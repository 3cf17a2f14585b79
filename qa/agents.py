"""Who did it: the agent of a passive verb ("fondée en 2021 par d'anciens employés d'OpenAI",
"Les sanctions sont prononcées par la formation restreinte") for "Qui a fondé… ?", "Qui prononce… ?"."""
from __future__ import annotations

import re
from collections.abc import Iterable

from .text import fold, stem, words

# The agent, up to the next comma, full stop or relative pronoun.
_AGENT = re.compile(r"\bpar ((?:d'|des |les |le |la |l'|un |une )?[^,;:.()]{2,80}?)(?=\s*(?:[,;:.()]|$| qui | et (?:a|ont|se|s')\b))")
_WHO = re.compile(r"^\W*(?:qui|who)\b")


def agent(sentence: str, query: str, names: Iterable[str] = ()) -> str | None:
    """For "Qui a <verbe> … ?": who did it, when the sentence says "<verbe>… par <quelqu'un>"
    with the question's verb (same stem) shortly before "par"."""
    if not _WHO.match(fold(query)):
        return None
    verbs = {stem(w) for w in words(query) if len(w) >= 4} - {stem(n) for n in names}
    for m in _AGENT.finditer(sentence):
        before = words(sentence[max(0, m.start() - 60):m.start()])[-6:]
        if any(stem(w) in verbs or (len(w) >= 6 and any(v[:5] == w[:5] for v in verbs)) for w in before):
            return m.group(1).strip()
    return None
