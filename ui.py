"""The chat page (Gradio): answers with their [n] markers, the cited passages beside them with the
supporting sentence highlighted, example questions, and a JSON endpoint ``/answer``."""
from __future__ import annotations

import html
import os
import re
import sys
from pathlib import Path

import qa  # noqa: F401 - offline environment before gradio is imported
from qa.config import Settings
from qa.readers import SUFFIXES
from qa.suggestions import example_questions, welcome
from qa.types import QuestionError

N_EXAMPLES = 4  # two rows of two buttons under the chat
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
MAX_TURNS = 20
MAX_UPLOAD = "10mb"

CSS = """
.sources { font-size: 0.95rem; }
.source-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px; margin-bottom: 10px; }
.source-head { font-weight: 600; margin-bottom: 4px; }
.source-meta { color: var(--body-text-color-subdued); font-size: 0.85rem; margin-bottom: 6px; }
.source-card mark { background: #fde68a; color: inherit; padding: 0 2px; border-radius: 3px; }
.abstain { color: var(--body-text-color-subdued); font-style: italic; }
.doc-list { font-size: 0.9rem; margin: 0; padding-left: 1.1rem; }
.upload-ok { color: #166534; }
.upload-error { color: #b91c1c; font-weight: 600; }
.doc-list .doc-meta { color: var(--body-text-color-subdued); font-size: 0.8rem; }
.example { text-wrap: balance; }
#chat .placeholder { padding: 0 2.5rem; text-align: center; color: var(--body-text-color-subdued); }
"""
SYSTEM_FONTS = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"]
MONO_FONTS = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"]


def sources_html(res) -> str:
    """The cited passages as HTML; every piece of document text is escaped."""
    if res is None:
        return "<div class='sources abstain'>Les passages cités apparaîtront ici.</div>"
    if res.kind == "chat":
        return "<div class='sources abstain'>Pas de passage cité pour cette réponse.</div>"
    if not res.found:
        return ("<div class='sources abstain'>Aucun passage cité : les documents ne contiennent pas "
                "cette information.</div>")
    cards = []
    for c in res.citations:
        body = marked(c.text, c.highlights or ([c.highlight] if c.highlight else []))
        section = html.escape(c.section or "Introduction")
        page = f"page {c.page} · " if c.page else ""
        cards.append(
            f"<div class='source-card'><div class='source-head'>[{c.n}] {section}</div>"
            f"<div class='source-meta'>{html.escape(c.title)} · {html.escape(c.source)} · {page}"
            f"caractères {c.start}–{c.end}</div><div>{body}</div></div>")
    return "<div class='sources'>" + "".join(cards) + "</div>"


def marked(text: str, ranges) -> str:
    """``text`` escaped, with each (lo, hi) range of it in <mark>."""
    out, at = [], 0
    for lo, hi in sorted(r for r in ranges if r[1] > r[0]):
        if hi <= at:
            continue
        lo = max(lo, at)
        out += [html.escape(text[at:lo]), "<mark>", html.escape(text[lo:hi]), "</mark>"]
        at = max(at, hi)
    return "".join(out) + html.escape(text[at:])


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


def count(n: int, noun: str, adjective: str = "") -> str:
    """"1 passage", "6 passages", "2 passages indexés": French plurals in -s."""
    s = "s" if n > 1 else ""  # French: 0 and 1 are singular
    return f"{n} {noun}{s}" + (f" {adjective}{s}" if adjective else "")


def documents_html(rows: list[dict]) -> str:
    """The indexed documents, escaped like everything that comes from a document."""
    items = "".join(
        f"<li>{html.escape(d['title'])} <span class='doc-meta'>{html.escape(d['source'])} · {count(d['chunks'], 'passage')}"
        + (f" · {count(d['pages'], 'page')}" if d["pages"] else "") + "</span></li>" for d in rows)
    return f"<ul class='doc-list'>{items}</ul>"


def button_label(question: str) -> str:
    """A question as a button shows it: the space before "?", ":" or "!" does not break (French
    typography), so the mark never wraps onto a line of its own; nor do hyphens ("ont-ils")."""
    return re.sub(r" ([?:!;])", "\u00a0\\1", question).replace("-", "\u2011")  # nor at "ont-ils"


def upload_name(name: str) -> str:
    """A safe file name for an uploaded document: no folders, no leading dots, no odd characters."""
    stem, suffix = os.path.splitext(os.path.basename(name.replace("\\", "/")))
    stem = re.sub(r"[^\w.-]+", "_", stem).strip("._")[:100] or "document"
    return stem + suffix.lower()


def add_upload(pipeline, path: str, progress=None) -> str:
    """Validate an uploaded file by its content, store it under ``corpus/uploads/`` and index it.
    Returns a French status line; a refused file leaves the corpus and the index as they were."""
    from qa.corpus import CorpusError, load_document

    step = progress or (lambda *a, **k: None)
    src = Path(path)
    name = upload_name(src.name)
    if os.path.splitext(name)[1] not in SUFFIXES:
        return f"Fichier refusé : type non pris en charge ({', '.join(SUFFIXES)})."
    corpus = Path(pipeline.settings.corpus_dir)
    target = corpus / "uploads" / name
    step(0.1, desc="Lecture du fichier…")
    data = src.read_bytes()
    try:
        doc = load_document(target, root=corpus, data=data)
    except CorpusError as exc:
        return "Fichier refusé : " + str(exc).replace(str(target), name)
    old = target.read_bytes() if target.is_file() else None
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{name}.part")
    tmp.write_bytes(data)
    os.replace(tmp, target)
    step(0.3, desc="Indexation…")
    try:
        report = pipeline.add([doc])  # already read and checked: not parsed a second time
    except Exception:
        # The corpus must not hold a file the index does not: put back what was there.
        target.write_bytes(old) if old is not None else target.unlink(missing_ok=True)
        raise
    n = sum(d["chunks"] for d in pipeline.sources() if d["source"] == doc.source)
    verb = "déjà à jour" if report.unchanged else ("mis à jour" if old is not None else "ajouté")
    return f"« {doc.title} » {verb} : {count(n, 'passage', 'indexé')}. Vous pouvez poser vos questions."


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
            if res.kind == "none":  # set apart from answers: italic, no citation markers
                reply = f"_{reply}_"
        except QuestionError as exc:
            reply, panel = shown("⚠️ " + refusal(exc)), sources_html(None)
        history.append({"role": "user", "content": shown(question)})
        history.append({"role": "assistant", "content": reply})
        return "", history[-2 * MAX_TURNS:], panel

    def api_answer(question: str, history: list[str] | None = None, sources: list[str] | None = None) -> dict:
        """Answer one question, optionally from some documents only; the JSON of ``Answer.to_dict()``."""
        try:
            return pipeline.answer(question, history=history, sources=sources).to_dict()
        except ValueError as exc:
            return {"error": str(exc), "text": "", "found": False, "citations": [], "language": ""}

    def ask_example(label: str, history: list):
        return respond(label.replace("\u00a0", " ").replace("\u2011", "-"), history)

    drawn: dict = {}

    def suggested() -> list:
        """The welcome line, the examples' heading and buttons, from what is indexed now: they
        follow the documents the user adds. Drawn again only when the index was reopened."""
        chunks = pipeline.hybrid.chunks
        if drawn.get("chunks") is not chunks:  # every sentence is read: not on every page load
            drawn.update(chunks=chunks, qs=example_questions(chunks, N_EXAMPLES), line=welcome(chunks))
        qs = drawn["qs"]
        return [gr.update(placeholder=drawn["line"]), gr.update(visible=bool(qs))] + [
            gr.update(value=button_label(qs[i]), visible=True) if i < len(qs) else gr.update(visible=False)
            for i in range(N_EXAMPLES)]

    def refreshed() -> list:
        return [documents_html(pipeline.sources()), *suggested()]

    def upload(path: str | None, progress=gr.Progress()):
        if not path:
            return [gr.update(), *refreshed()]
        try:
            status = add_upload(pipeline, path, progress)
        except Exception as exc:  # noqa: BLE001 - the page must say so, not hang
            status = f"L'indexation a échoué ({type(exc).__name__}) : le fichier n'a pas été ajouté."
        kind = "upload-ok" if status.startswith("«") else "upload-error"
        return [f"<div class='{kind}'>{html.escape(status)}</div>", *refreshed()]

    chunks = pipeline.hybrid.chunks
    first = example_questions(chunks, N_EXAMPLES)

    with gr.Blocks(title="Questions sur vos documents") as app:
        gr.Markdown("## Questions sur vos documents\nPosez une question en français ou en anglais : la réponse "
                    "cite les passages sur lesquels elle s'appuie. Ajoutez vos propres documents à droite.")
        with gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(label="Conversation", height=460, elem_id="chat", buttons=["copy"],
                                  feedback_options=None, sanitize_html=True,
                                  placeholder=welcome(chunks))
                with gr.Row():
                    box = gr.Textbox(placeholder="Votre question…", show_label=False, scale=5, autofocus=True,
                                     max_length=settings.max_question_chars, elem_id="question", submit_btn="Envoyer")
                clear = gr.Button("Effacer la conversation", variant="secondary", size="sm", elem_id="clear")
                heading = gr.Markdown("Exemples :", visible=bool(first))
                with gr.Row():
                    # min_width: two buttons a row in the chat column (740 px at a 1300 px window).
                    examples = [gr.Button(button_label(first[i]) if i < len(first) else "", size="sm",
                                          variant="secondary", elem_classes=["example"], min_width=300,
                                          visible=i < len(first)) for i in range(N_EXAMPLES)]
            with gr.Column(scale=2):
                gr.Markdown("### Passages cités")
                panel = gr.HTML(sources_html(None), elem_id="sources")
                gr.Markdown("### Documents")
                docs = gr.HTML(documents_html(pipeline.sources()), elem_id="documents")
                add = gr.UploadButton("Ajouter un document (.txt, .md, .html, .pdf ; 10 Mo au plus)",
                                      file_types=list(SUFFIXES), file_count="single", size="sm", elem_id="upload")
                status = gr.HTML("", elem_id="upload-status")
        box.submit(respond, [box, chat], [box, chat, panel], api_visibility="private", concurrency_limit=4)
        for i, button in enumerate(examples):
            button.click(ask_example, [button, chat], [box, chat, panel], api_name=f"example_{i}",
                         api_visibility="private")
        clear.click(lambda: ("", [], sources_html(None)), None, [box, chat, panel], api_visibility="private")
        add.upload(upload, [add], [status, docs, chat, heading, *examples], api_visibility="private",
                   concurrency_limit=1)
        app.load(refreshed, None, [docs, chat, heading, *examples], api_visibility="private")
        gr.api(api_answer, api_name="answer", concurrency_limit=4)
        # Documents indexed from the command line since the page started are listed on each visit.
        app.load(lambda: documents_html(pipeline.sources()), None, docs, api_visibility="private")
    return app


def _credentials() -> tuple[str, str] | None:
    """QA_AUTH as (user, password); None when unset. A value without a user or a password would
    start a page nobody can log in to: refused, saying why."""
    auth = os.environ.get("QA_AUTH", "")
    if not auth:
        return None
    user, sep, password = auth.partition(":")
    if not sep or not user.strip() or not password:
        missing = "the ':'" if not sep else " and ".join(w for w, v in (("user", user.strip()), ("password", password))
                                                          if not v)
        raise SystemExit(f"qa: QA_AUTH must be user:password, both non-empty ({missing} missing); "
                         "unset it to serve on loopback without a login")
    return user, password


def _check_exposure(host: str) -> tuple | None:
    """Only loopback is open without credentials; anything else needs QA_AUTH=user:password."""
    auth = _credentials()
    if host in LOCAL_HOSTS:
        return auth
    if auth is None:
        raise SystemExit(f"qa: refusing to serve on {host} without credentials: set QA_AUTH=user:password "
                         "(the page would be open to anyone on the network)")
    print(f"Serving on {host}, protected by QA_AUTH credentials.", file=sys.stderr)
    return auth


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
               # Gradio's footer is English ("Use via API"); the JSON endpoint is in the README.
               footer_links=[], prevent_thread_lock=not block, quiet=True, show_error=False,
               max_file_size=MAX_UPLOAD)
    return app


if __name__ == "__main__":
    serve()
