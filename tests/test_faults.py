"""Faults with real processes: indexing killed mid-way, a damaged index folder, two writers."""
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace

import pytest

from qa.config import ROOT
from qa.store import Store


def env_for(settings):
    return {**os.environ, "QA_CORPUS_DIR": str(settings.corpus_dir), "QA_INDEX_DIR": str(settings.index_dir)}


def qa(args, settings, **kw):
    return subprocess.run([sys.executable, "-m", "qa", *args], env=env_for(settings), cwd=ROOT, capture_output=True,
                          text=True, timeout=600, **kw)


def ids(settings, embedder):
    store = Store(settings, embedder.name, embedder.dim).open()
    return set(store.chunks.get(include=[])["ids"]), set(store.sentences.get(include=[])["ids"])


@pytest.fixture()
def big_corpus(fresh_settings):
    """40 extra documents, so that indexing lasts long enough to be killed half-way."""
    for i in range(40):
        body = " ".join(f"Le document {i} parle du sujet {j}, qui concerne la ville numéro {i * 100 + j}, "
                        f"ses habitants et son histoire depuis l'an {1500 + j}." for j in range(12))
        (fresh_settings.corpus_dir / f"doc{i:02d}.txt").write_text(f"Titre {i}\n{body}\n", encoding="utf-8")
    return fresh_settings


@pytest.mark.slow
def test_killed_indexing_then_reindex_equals_clean_build(big_corpus, embedder, tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "qa", "index"], env=env_for(big_corpus), cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sqlite = big_corpus.index_dir / "chroma.sqlite3"
    deadline = time.time() + 120
    while not sqlite.exists() and time.time() < deadline:
        time.sleep(0.2)
    time.sleep(2.5)  # well inside the embedding of the 41 documents
    assert proc.poll() is None, "indexing finished before it could be killed: make the corpus bigger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    again = qa(["index"], big_corpus)
    assert again.returncode == 0, again.stderr
    clean = replace(big_corpus, index_dir=tmp_path / "clean")
    assert qa(["index"], clean).returncode == 0
    assert ids(big_corpus, embedder) == ids(clean, embedder)  # nothing missing, nothing twice


@pytest.mark.slow
def test_damaged_index_is_reported_then_rebuilt(fresh_settings):
    assert qa(["index"], fresh_settings).returncode == 0
    (fresh_settings.index_dir / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    out = qa(["ask", "Combien Nvidia va-t-il investir ?"], fresh_settings)
    assert out.returncode == 1 and "damaged" in out.stderr and "qa index --rebuild" in out.stderr
    assert "Traceback" not in out.stderr
    assert qa(["index", "--rebuild"], fresh_settings).returncode == 0
    out = qa(["ask", "Combien Nvidia va-t-il investir ?"], fresh_settings)
    assert out.returncode == 0 and "10 milliards" in out.stdout


@pytest.mark.slow
def test_partially_deleted_index_is_reported_then_rebuilt(fresh_settings):
    assert qa(["index"], fresh_settings).returncode == 0
    for segment in fresh_settings.index_dir.iterdir():  # the vector files: reported, not silently rebuilt
        if segment.is_dir():
            shutil.rmtree(segment)
    out = qa(["ask", "Combien Nvidia va-t-il investir ?"], fresh_settings)
    assert out.returncode == 1 and "is missing" in out.stderr and "qa index --rebuild" in out.stderr
    (fresh_settings.index_dir / "chroma.sqlite3").unlink()  # the catalogue: the index is gone
    out = qa(["ask", "Combien Nvidia va-t-il investir ?"], fresh_settings)
    assert out.returncode == 0 and "No index" in out.stderr and "10 milliards" in out.stdout  # rebuilt


@pytest.mark.slow
def test_two_writers_at_once(fresh_settings, embedder):
    procs = [subprocess.Popen([sys.executable, "-m", "qa", "index", "--rebuild"], env=env_for(fresh_settings),
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-1500:] for o in outs]
    chunks, sentences = ids(fresh_settings, embedder)
    assert len(chunks) == 6 and len(sentences) > 6
