"""The chat page (Gradio): answers with their [n] markers, the cited passages beside them with the
supporting sentence highlighted, example questions, and a JSON endpoint ``/answer``."""
from __future__ import annotations

import html
import os
import re
import sys

import qa  # noqa: F401 - offline environment before gradio is imported
from qa.config import Settings
from qa.types import QuestionError

EXAMPLES = [
    "Combien Nvidia va-t-il investir dans Anthropic ?",
    "Quelle valorisation Anthropic pourrait-elle atteindre ?",
    "Quand Anthropic a-t-elle été fondée ?",
    "How much will Microsoft invest in Anthropic?",
    "What were investors waiting for?",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
MAX_TURNS = 20

CSS = """
.sources { font-size: 0.95rem; }
.source-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px; margin-bottom: 10px; }
.source-head { font-weight: 600; margin-bottom: 4px; }
.source-meta { color: var(--body-text-color-subdued); font-size: 0.85rem; margin-bottom: 6px; }
.source-card mark { background: #fde68a; color: inherit; padding: 0 2px; border-radius: 3px; }
.abstain { color: var(--body-text-color-subdued); font-style: italic; }
"""
SYSTEM_FONTS = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"]
MONO_FONTS = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"]


def sources_html(res) -> str:
    """The cited passages as HTML; every piece of document text is escaped."""
    if res is None:
        return "<div class='sources abstain'>Les passages cités apparaîtront ici.</div>"
    if not res.found:
        return ("<div class='sources abstain'>Aucun passage cité : les documents ne contiennent pas "
                "cette information.</div>")
    cards = []
    for c in res.citations:
        lo, hi = c.highlight or (0, 0)
        body = (html.escape(c.text[:lo]) + "<mark>" + html.escape(c.text[lo:hi]) + "</mark>"
                + html.escape(c.text[hi:])) if hi > lo else html.escape(c.text)
        section = html.escape(c.section or "Introduction")
        cards.append(
            f"<div class='source-card'><div class='source-head'>[{c.n}] {section}</div>"
            f"<div class='source-meta'>{html.escape(c.title)} · {html.escape(c.source)} · "
            f"caractères {c.start}–{c.end}</div><div>{body}</div></div>")
    return "<div class='sources'>" + "".join(cards) + "</div>"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def shown(text: str) -> str:
    """Text for the chat bubbles, which render Markdown: markdown punctuation backslashed ("2021."
    must not become a list item) and HTML escaped, so that markup is shown, never run."""
    return html.escape(_MD_SPECIAL.sub(r"\\\1", text), quote=False)


def refusal(exc) -> str:
    """The page speaks French: why a question was refused."""
    if exc.code == "too_long":
        return (f"Question trop longue ({exc.details['length']} caractères ; au plus {exc.details['limit']}). "
                "Raccourcissez-la.")
    if exc.code == "empty":
        return "La question est vide : écrivez une question."
    return "Cette question ne peut pas être traitée."


def _text(content) -> str:
    """A message's text: Gradio hands content back as a string or as a list of typed parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or content.get("value") or "")
    if isinstance(content, (list, tuple)):
        return " ".join(_text(part) for part in content)
    return ""


def _questions(history: list) -> list[str]:
    """The user's earlier questions, oldest first (they were stored escaped)."""
    out = []
    for m in history or []:
        role = m.get("role") if isinstance(m, dict) else getattr(m, "role", None)
        content = m.get("content") if isinstance(m, dict) else getattr(m, "content", None)
        if role == "user" and _text(content).strip():
            out.append(re.sub(r"\\(.)", r"\1", html.unescape(_text(content))))
    return out[-MAX_TURNS:]


def _asker(respond, question: str):
    def ask_example(history: list):
        return respond(question, history)
    return ask_example


def build_app(settings: Settings):
    import gradio as gr

    from qa.pipeline import get_pipeline

    pipeline = get_pipeline(settings)

    def respond(message: str, history: list):
        history = list(history or [])
        question = message or ""
        try:
            res = pipeline.answer(question, history=_questions(history))
            reply, panel = shown(res.text), sources_html(res)
            if not res.found:  # set apart from answers: italic, no citation markers
                reply = f"_{reply}_"
        except QuestionError as exc:
            reply, panel = shown("⚠️ " + refusal(exc)), sources_html(None)
        history.append({"role": "user", "content": shown(question)})
        history.append({"role": "assistant", "content": reply})
        return "", history[-2 * MAX_TURNS:], panel

    def api_answer(question: str, history: list[str] | None = None) -> dict:
        """Answer one question; the same JSON as ``Answer.to_dict()``."""
        try:
            return pipeline.answer(question, history=history).to_dict()
        except ValueError as exc:
            return {"error": str(exc), "text": "", "found": False, "citations": [], "language": ""}

    n_docs = len({c.source for c in pipeline.hybrid.chunks})
    with gr.Blocks(title="Questions sur l'article") as app:
        gr.Markdown("## Questions sur l'article\nPosez une question en français ou en anglais : la réponse "
                    f"cite les passages sur lesquels elle s'appuie ({n_docs} document(s) indexé(s)).")
        with gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(label="Conversation", height=460, elem_id="chat", buttons=["copy"],
                                  feedback_options=None, sanitize_html=True,
                                  placeholder="Posez votre première question ci-dessous.")
                with gr.Row():
                    box = gr.Textbox(placeholder="Votre question…", show_label=False, scale=5, autofocus=True,
                                     max_length=settings.max_question_chars, elem_id="question", submit_btn="Envoyer")
                clear = gr.Button("Effacer la conversation", variant="secondary", size="sm", elem_id="clear")
                gr.Markdown("Exemples :")
                with gr.Row():
                    examples = [gr.Button(q, size="sm", variant="secondary", elem_classes=["example"],
                                          min_width=220) for q in EXAMPLES]
            with gr.Column(scale=2):
                gr.Markdown("### Passages cités")
                panel = gr.HTML(sources_html(None), elem_id="sources")
        box.submit(respond, [box, chat], [box, chat, panel], api_visibility="private", concurrency_limit=4)
        for i, (button, q) in enumerate(zip(examples, EXAMPLES)):
            button.click(_asker(respond, q), [chat], [box, chat, panel], api_name=f"example_{i}",
                         api_visibility="private")
        clear.click(lambda: ("", [], sources_html(None)), None, [box, chat, panel], api_visibility="private")
        gr.api(api_answer, api_name="answer", concurrency_limit=4)
    return app


def _check_exposure(host: str) -> tuple | None:
    """Only loopback is open without credentials; anything else needs QA_AUTH=user:password."""
    auth = os.environ.get("QA_AUTH", "")
    if host in LOCAL_HOSTS:
        return tuple(auth.split(":", 1)) if ":" in auth else None
    if ":" not in auth:
        raise SystemExit(f"qa: refusing to serve on {host} without credentials: set QA_AUTH=user:password "
                         "(the page would be open to anyone on the network)")
    print(f"Serving on {host}, protected by QA_AUTH credentials.", file=sys.stderr)
    return tuple(auth.split(":", 1))


def serve(settings: Settings | None = None, host: str | None = None, port: int | None = None,
          block: bool = True):
    import gradio as gr

    settings = settings or Settings.from_env()
    host = host or os.environ.get("QA_HOST", "127.0.0.1")
    port = int(port or os.environ.get("QA_PORT", "7860"))
    auth = _check_exposure(host)
    app = build_app(settings)
    theme = gr.themes.Default(font=SYSTEM_FONTS, font_mono=MONO_FONTS)
    app.queue(default_concurrency_limit=4)
    print(f"Chat page: http://{host}:{port}/", file=sys.stderr, flush=True)
    app.launch(server_name=host, server_port=port, share=False, auth=auth, theme=theme, css=CSS,
               footer_links=["api"], prevent_thread_lock=not block, quiet=True, show_error=False)
    return app


if __name__ == "__main__":
    serve()
