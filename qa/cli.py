"""The ``qa`` command: index, ask, sources, serve, eval. Heavy imports happen per command."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .config import ROOT

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="qa", description="Ask questions about French documents; answers cite their passages.",
        epilog=f"Documents: QA_CORPUS_DIR (default {ROOT / 'corpus'}); index: QA_INDEX_DIR (default "
               f"{ROOT / 'index'}) or QA_CHROMA_URL. README.md lists every setting. "
               "Exit codes: 0 done, 1 error, 2 bad usage or bad question.")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("index", help="add files or folders to the index (only what changed)",
                       description="Index .txt, .md, .html and .pdf files; folders are searched recursively "
                                   "and mirrored (their deleted files leave the index). Default: the corpus folder.")
    s.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: the corpus folder)")
    s.add_argument("--rebuild", action="store_true", help="drop the index and build it again")
    s.add_argument("--prune", action="store_true", help="also remove indexed files that no longer exist")

    s = sub.add_parser("ask", help="answer one question")
    s.add_argument("question")
    s.add_argument("--history", action="append", default=[], metavar="Q",
                   help="an earlier question of the same chat (repeat, oldest first)")
    s.add_argument("--source", action="append", default=None, metavar="NAME",
                   help="answer only from this document (repeatable; names as `qa sources` lists them)")
    s.add_argument("--json", action="store_true", help="print the answer as JSON")

    sub.add_parser("sources", help="list indexed documents with their chunk counts")

    s = sub.add_parser("serve", help="start the chat page")
    s.add_argument("--host", default=None, help="interface to bind (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=None, help="port (default 7860)")

    s = sub.add_parser("eval", help="measure answers, retrieval or language detection")
    ev = s.add_subparsers(dest="what", required=True)
    e = ev.add_parser("answers", help="score answer() on a JSONL question set: correct, abstained, wrong rates")
    e.add_argument("file", type=Path)
    e.add_argument("--corpus", type=Path, default=None, help="answer from a fresh index of this folder instead")
    e.add_argument("--json", action="store_true", help="print the tally as JSON at the end")
    e = ev.add_parser("retrieval", help="R@k / MRR of dense, BM25 and hybrid on contexts + questions")
    e.add_argument("--contexts", type=Path, required=True)
    e.add_argument("--questions", type=Path, required=True)
    e.add_argument("--index-dir", type=Path, default=None, help="keep the evaluation index there")
    e.add_argument("--json", action="store_true")
    e = ev.add_parser("language", help="accuracy of question-language detection")
    e.add_argument("file", type=Path)
    return p


def _print_answer(res) -> None:
    print(res.text)
    for c in res.citations:
        where = " > ".join(x for x in (c.title, c.section) if x)
        page = f"page {c.page}, " if c.page else ""
        print(f"\n[{c.n}] {c.source} ({where}) {page}chars {c.start}-{c.end}, score {c.score:.3f}")
        print("    " + c.text.replace("\n", "\n    "))


def main(argv: list[str] | None = None) -> int:
    import qa  # noqa: F401 - sets the offline environment before any heavy import

    args = _parser().parse_args(argv)
    from .config import Settings

    try:
        settings = Settings.from_env()
    except ValueError as exc:  # a malformed QA_* variable
        print(f"qa: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.command == "ask":
            from .cleaning import clean_question

            try:
                clean_question(args.question, settings.max_question_chars)
            except ValueError as exc:  # refuse bad input before loading any model
                print(f"qa: {exc}", file=sys.stderr)
                return EXIT_USAGE
            from .pipeline import get_pipeline

            # One question, then exit: embedded without torch where the bundled model allows it.
            from .types import QuestionError

            try:
                res = get_pipeline(settings, one_shot=True).answer(args.question, history=args.history or None,
                                                                   sources=args.source)
            except QuestionError as exc:  # a --source that names no indexed document is bad usage
                print(f"qa: {exc}", file=sys.stderr)
                return EXIT_USAGE
            if args.json:
                print(json.dumps(res.to_dict(), ensure_ascii=False, indent=2))
            else:
                _print_answer(res)
            sys.stdout.flush()  # here, where a reader that left is caught, not at exit
            return EXIT_OK
        if args.command == "index":
            from .corpus import select

            # Every file checked, and all the bad ones named, before the model loads or the index opens.
            chosen = select(args.paths, settings.corpus_dir, prune=args.prune)
            from .indexing import index_paths
            from .pipeline import get_embedder

            report = index_paths(settings, get_embedder(settings), rebuild=args.rebuild, selection=chosen)
            what = ", ".join(map(str, args.paths)) or str(settings.corpus_dir)
            print(f"indexed {what} -> {settings.chroma_url or settings.index_dir}: {report.summary()}")
            return EXIT_OK
        if args.command == "sources":
            from .pipeline import list_sources

            rows = list_sources(settings)
            print(f"{'chunks':>6}  {'pages':>5}  source  (title)")
            for d in rows:
                print(f"{d['chunks']:6d}  {d['pages'] or '':>5}  {d['source']}  ({d['title']})")
            n, chunks = len(rows), sum(d["chunks"] for d in rows)
            print(f"{n} document{'s' * (n != 1)}, {chunks} chunk{'s' * (chunks != 1)}")
            return EXIT_OK
        if args.command == "serve":
            sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
            from ui import serve

            serve(settings, host=args.host, port=args.port)
            return EXIT_OK
        if args.command == "eval":
            return _eval(args, settings)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `qa ask … | head`: the reader left; nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (ValueError, FileNotFoundError, RuntimeError) as exc:
        print(f"qa: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_USAGE


def _eval(args, settings) -> int:
    from . import evaluation

    if args.what == "answers":
        if args.corpus is not None and not args.corpus.is_dir():
            print(f"qa: no folder {args.corpus}", file=sys.stderr)
            return EXIT_USAGE
        summary = evaluation.eval_answers(args.file, corpus=args.corpus)
        if args.json:
            print(json.dumps(summary))
        return EXIT_OK if summary["correct"] == summary["cases"] else EXIT_ERROR
    if args.what == "retrieval":
        result = evaluation.eval_retrieval(args.contexts, args.questions, settings, index_dir=args.index_dir)
        print(json.dumps(result) if args.json else evaluation.format_retrieval(result))
        return EXIT_OK
    result = evaluation.eval_language(args.file)
    for lang, r in result.items():
        print(f"{lang}: {r['accuracy']:.4f} of {r['n']}" + (f"  wrong: {r['wrong']}" if r["wrong"] else ""))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
