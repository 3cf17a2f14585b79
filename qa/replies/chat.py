"""Small talk: a greeting back, "de rien", a goodbye, or, for help, what can be asked about which
documents, with example questions drawn from the documents. No citation: ``kind="chat"``."""
from __future__ import annotations

from ..question import GOODBYE, GREETING, HELP, THANKS, Question
from ..types import Answer

_FR = {GREETING: "Bonjour ! Posez-moi une question sur {docs} : je réponds en citant les passages.",
       THANKS: "De rien ! N'hésitez pas si vous avez d'autres questions sur {docs}.",
       GOODBYE: "Au revoir, et à bientôt !"}
_EN = {GREETING: "Hello! Ask me a question about {docs}: I answer by quoting the passages.",
       THANKS: "You're welcome! Feel free to ask more questions about {docs}.",
       GOODBYE: "Goodbye, see you soon!"}


def documents(titles: list[str], lang: str) -> str:
    """"« Titre »", or "les 3 documents (« A », « B », « C »)", shortened past five."""
    a, b = ("“", "”") if lang == "en" else ("« ", " »")
    shown = ", ".join(f"{a}{t}{b}" for t in titles[:5]) + (", …" if len(titles) > 5 else "")
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
        text = (f"I answer questions about {docs}, in French or English: facts, summaries, lists, comparisons, "
                "yes/no questions, reasons. Each answer quotes and cites the passages it rests on; when the answer is "
                "not in the documents, I tell you so.")
        more = "For example:"
    else:
        text = (f"Je réponds aux questions sur {docs}, en français ou en anglais : faits, résumés, listes, "
                "comparaisons, questions fermées, explications. Chaque réponse cite les passages sur lesquels elle "
                "s'appuie ; quand la réponse n'y est pas, je vous le dis.")
        more = "Par exemple :"
    if examples:
        text += f"\n{more}\n" + "\n".join(f"- {e}" for e in examples[:3])
    return Answer(text, q.lang, False, kind="chat")
