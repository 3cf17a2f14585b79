"""Small talk: a greeting back, "de rien", a goodbye, or, for help, what can be asked about which
documents, with example questions drawn from the documents. No citation: ``kind="chat"``."""
from __future__ import annotations

from ..question import GOODBYE, GREETING, HELP, THANKS, Question
from ..suggestions import short_title
from ..types import Answer

MAX_CHAT_CHARS = 400  # a chat reply is read at a glance, like a fact answer
_FR = {GREETING: "Bonjour ! Posez-moi une question sur {docs} : je réponds en citant les passages.",
       THANKS: "De rien ! N'hésitez pas si vous avez d'autres questions sur {docs}.",
       GOODBYE: "Au revoir, et à bientôt !"}
_EN = {GREETING: "Hello! Ask me a question about {docs}: I answer by quoting the passages.",
       THANKS: "You're welcome! Feel free to ask more questions about {docs}.",
       GOODBYE: "Goodbye, see you soon!"}


def documents(titles: list[str], lang: str) -> str:
    """"« Titre »", or "les 3 documents (« A », « B », « C »)", shortened past three."""
    a, b = ("“", "”") if lang == "en" else ("« ", " »")
    shown = ", ".join(f"{a}{short_title(t)}{b}" for t in titles[:3]) + (", …" if len(titles) > 3 else "")
    if len(titles) == 1:
        return ("the document " if lang == "en" else "le document ") + shown
    if not titles:
        return "the documents" if lang == "en" else "les documents"
    return (f"the {len(titles)} documents ({shown})" if lang == "en"
            else f"les {len(titles)} documents ({shown})")


def reply(q: Question, titles: list[str], examples: list[str]) -> Answer:
    docs = documents(titles, q.lang)
    if q.chat != HELP:
        return Answer((_EN if q.lang == "en" else _FR)[q.chat or GREETING].format(docs=docs), q.lang, False, kind="chat")
    if q.lang == "en":
        text = (f"Ask me about {docs}, in French or English: facts, summaries, lists, comparisons, yes/no, why. "
                "I quote the passages, or say when the answer is not there.")
        more = "For example:"
    else:
        text = (f"Posez-moi vos questions sur {docs}, en français ou en anglais : faits, résumés, listes, "
                "comparaisons, oui/non, pourquoi. Je cite les passages, ou je dis quand la réponse n'y est pas.")
        more = "Par exemple :"
    shown: list[str] = []
    for e in examples[:3]:  # as many examples as the reply's length allows
        if len(text) + len(more) + sum(len(x) + 3 for x in [*shown, e]) <= MAX_CHAT_CHARS:
            shown.append(e)
    if shown:
        text += f"\n{more}\n" + "\n".join(f"- {e}" for e in shown)
    return Answer(text, q.lang, False, kind="chat")
