"""Indexing against a real Chroma folder under tmp_path, with the real model."""
from dataclasses import replace

import pytest

from qa.corpus import CorpusError, load_corpus
from qa.indexing import build_index
from qa.store import IndexMismatchError, Store


def _expected_units(settings):
    from qa.chunking import chunk_document, clauses

    return len({(d.source, u.start, u.end) for d in load_corpus(settings.corpus_dir) for c in chunk_document(d)
                for s in c.sentences for u in (s, *clauses(s))})


def _count(settings, embedder):
    return Store(settings, embedder.name, embedder.dim).open().count()


def test_reindex_is_a_no_op_and_changes_replace_chunks(fresh_settings, embedder):
    first = build_index(fresh_settings, embedder, load_corpus(fresh_settings.corpus_dir))
    assert first.chunks_added == first.chunks_total == 6
    again = build_index(fresh_settings, embedder, load_corpus(fresh_settings.corpus_dir))
    assert (again.unchanged, again.chunks_added, again.chunks_removed, again.chunks_total) == (1, 0, 0, 6)

    path = next(fresh_settings.corpus_dir.iterdir())
    path.write_text(path.read_text(encoding="utf-8").replace("10 milliards", "11 milliards"), encoding="utf-8")
    changed = build_index(fresh_settings, embedder, load_corpus(fresh_settings.corpus_dir))
    assert (changed.chunks_added, changed.chunks_removed, changed.chunks_total) == (1, 1, 6)
    store = Store(fresh_settings, embedder.name, embedder.dim).open()
    texts = " ".join(c.text for c in store.all_chunks())
    assert "11 milliards" in texts and "10 milliards" not in texts
    assert store.sentences.count() == _expected_units(fresh_settings)  # stale sentences went too

    (fresh_settings.corpus_dir / "autre.txt").write_text("Un autre document. Il parle de Paris.", encoding="utf-8")
    assert build_index(fresh_settings, embedder, load_corpus(fresh_settings.corpus_dir)).chunks_total == 7
    (fresh_settings.corpus_dir / "autre.txt").unlink()
    pruned = build_index(fresh_settings, embedder, load_corpus(fresh_settings.corpus_dir))
    assert (pruned.sources_removed, pruned.chunks_total) == (1, 6)


def test_bad_document_leaves_index_untouched(fresh_settings, embedder):
    build_index(fresh_settings, embedder, load_corpus(fresh_settings.corpus_dir))
    (fresh_settings.corpus_dir / "cassé.txt").write_bytes("Société".encode("latin-1"))
    with pytest.raises(CorpusError, match="cassé.txt"):
        build_index(fresh_settings, embedder, load_corpus(fresh_settings.corpus_dir))
    assert _count(fresh_settings, embedder) == 6


def test_model_mismatch_is_refused_then_rebuilt(fresh_settings, embedder):
    build_index(fresh_settings, embedder, load_corpus(fresh_settings.corpus_dir))
    # The same weights under another name stand for "another model": vectors must not mix.
    with pytest.raises(IndexMismatchError, match="qa index --rebuild"):
        Store(fresh_settings, "another/model", embedder.dim).open()
    with pytest.raises(IndexMismatchError):
        Store(fresh_settings, embedder.name, embedder.dim + 1).open()
    other = replace(fresh_settings, model="another/model")
    store = Store(other, "another/model", embedder.dim)
    store.drop()
    store.open(create=True)
    assert store.count() == 0
    with pytest.raises(IndexMismatchError):
        Store(fresh_settings, embedder.name, embedder.dim).open()


def test_collection_is_cosine_and_records_the_model(fresh_settings, embedder):
    build_index(fresh_settings, embedder, load_corpus(fresh_settings.corpus_dir))
    store = Store(fresh_settings, embedder.name, embedder.dim).open()
    assert store.chunks.metadata["qa_model"] == embedder.name and store.chunks.metadata["qa_dim"] == "384"
    assert store.chunks.configuration_json["hnsw"]["space"] == "cosine"
    vec = embedder.encode_queries(["Combien Nvidia investit-il ?"])[0]
    best_id, cosine = store.dense(vec, 1)[0]
    assert 0.5 < cosine <= 1.0
    assert "10 milliards" in store.chunks.get(ids=[best_id])["documents"][0]


def test_another_sentence_transformers_model_by_configuration(fresh_settings, embedder):
    from qa.models import FOLDER
    from qa.pipeline import Pipeline

    folder = fresh_settings.model_cache / FOLDER  # a plain sentence-transformers folder, named by path
    pipe = Pipeline(replace(fresh_settings, model=str(folder)))
    assert pipe.embedder.name == str(folder) and pipe.embedder.query_prefix == "query: "
    assert pipe.store.chunks.metadata["qa_model"] == str(folder)
    assert "10 milliards" in pipe.answer("Combien Nvidia va-t-il investir ?").text


def test_unavailable_model_is_a_clear_error(fresh_settings):
    from qa.embeddings import Embedder
    from qa.models import ModelError

    with pytest.raises(ModelError, match="no-such/model"):
        Embedder(replace(fresh_settings, model="no-such/model"))


def test_huge_single_line_document_is_indexed(fresh_settings, embedder):
    (fresh_settings.corpus_dir / "ligne.txt").write_text("donnée " * 4000, encoding="utf-8")  # 28 kB, no full stop
    report = build_index(fresh_settings, embedder, load_corpus(fresh_settings.corpus_dir))
    chunks = [c for c in Store(fresh_settings, embedder.name, embedder.dim).open().all_chunks() if c.source == "ligne.txt"]
    text = (fresh_settings.corpus_dir / "ligne.txt").read_text(encoding="utf-8")
    assert len(chunks) >= 28 and report.chunks_total == 6 + len(chunks)
    assert all(text[c.start:c.end] == c.text and len(c.text) <= 1000 for c in chunks)


def test_file_vanishing_during_indexing_is_named(fresh_settings, monkeypatch):
    from pathlib import Path

    victim = fresh_settings.corpus_dir / "bientot-parti.txt"
    victim.write_text("Un document éphémère.", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == victim.name:
            victim.unlink()  # gone between the folder listing and the read
        return real(self)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(CorpusError, match="bientot-parti.txt: no such file"):
        load_corpus(fresh_settings.corpus_dir)


def test_store_as_a_langchain_vector_store(fresh_settings, embedder):
    build_index(fresh_settings, embedder, load_corpus(fresh_settings.corpus_dir))
    vs = Store(fresh_settings, embedder.name, embedder.dim).open().langchain(embedder)
    docs = vs.similarity_search("Quel est le nom de la plateforme cloud de Microsoft ?", k=2)
    assert len(docs) == 2 and any("Azure, la plateforme cloud de Microsoft" in d.page_content for d in docs)
    assert docs[0].metadata["source"] == "2025-11-18-nvidia-microsoft-anthropic.txt"
