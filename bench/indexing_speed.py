"""Indexing throughput, measured in one run: ``qa index`` (``build_index`` from scratch) against a
naive LangChain indexer of the same documents, against ``Chroma.from_documents`` of our own chunks,
and against raw ``SentenceTransformer.encode`` of those chunks (the model's floor, plain fp32)."""
from __future__ import annotations

import statistics
import time
from dataclasses import replace
from pathlib import Path

from qa.config import Settings
from qa.types import Document

NAIVE_CHUNK, NAIVE_OVERLAP = 1000, 200  # what LangChain's tutorials use


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def naive_embeddings(model_path: str):
    """LangChain's own wrapper of the same model folder: fp32, its default batching."""
    from langchain_huggingface import HuggingFaceEmbeddings

    return HuggingFaceEmbeddings(model=model_path, encode_kwargs={"normalize_embeddings": True})


def naive_store(texts: list[str], folder: Path, emb):
    """What a user would write with LangChain alone: HuggingFaceEmbeddings + Chroma.from_documents."""
    from langchain_chroma import Chroma
    from langchain_core.documents import Document as LCDocument

    return Chroma.from_documents([LCDocument(page_content=t) for t in texts], emb, persist_directory=str(folder),
                                 collection_metadata={"hnsw:space": "cosine"})


def naive_indexer(docs: list[Document], folder: Path, emb) -> int:
    """The naive LangChain indexer: 1,000-character chunks with 200 of overlap, by
    ``RecursiveCharacterTextSplitter``, embedded and stored by ``Chroma.from_texts``. Returns chunks."""
    from langchain_chroma import Chroma

    texts = naive_texts(docs)
    Chroma.from_texts(texts, emb, persist_directory=str(folder), collection_metadata={"hnsw:space": "cosine"})
    return len(texts)


def tokens(emb, texts: list[str]) -> int:
    """Tokens the model reads for ``texts`` as passages (prefix and special tokens included, each
    distinct text once, as both indexers embed them)."""
    unique = list(dict.fromkeys(texts))
    if not unique:
        return 0
    ids = emb.model.tokenizer([emb.passage_prefix + t for t in unique], truncation=True,
                              max_length=emb.model.max_seq_length)["input_ids"]
    return sum(len(i) for i in ids)


def our_texts(docs: list[Document]) -> list[str]:
    """What ``qa index`` embeds into an empty index: each chunk (led by its headings), each
    sentence, each clause, as its own indexing plan lists them."""
    from qa.indexing import _plan, passage_text

    plans = [_plan(d, set(), set(), None) for d in docs]
    return [passage_text(c) for p in plans for c in p.new_chunks] + [u.text for p in plans for _, _, u in p.new_sents]


def naive_texts(docs: list[Document]) -> list[str]:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=NAIVE_CHUNK, chunk_overlap=NAIVE_OVERLAP)
    return [t for d in docs for t in splitter.split_text(d.text)]


def load_docs(settings: Settings, docs_dir: Path | None, contexts: Path, n_contexts: int) -> tuple[str, list[Document]]:
    """The documents of a folder (``--docs``), or the first ``n_contexts`` PIAF paragraphs."""
    if docs_dir is not None:
        from qa.corpus import load_corpus

        return str(docs_dir), load_corpus(docs_dir)
    from qa.evaluation import contexts_to_documents

    return contexts.name, contexts_to_documents(contexts)[:n_contexts]


def bench_indexing(settings: Settings, data: str, docs: list[Document], repeats: int, tmp: Path) -> dict:
    """Each round runs every indexer once, in turn, so that all see the same machine load."""
    import torch

    from qa.chunking import chunk_document
    from qa.indexing import build_index, passage_text
    from qa.models import resolve_model
    from qa.pipeline import get_embedder

    chunks = [c for d in docs for c in chunk_document(d)]
    texts = [passage_text(c) for c in chunks]
    kb = sum(len(d.text.encode("utf-8")) for d in docs) / 1000
    emb, hf = get_embedder(settings), naive_embeddings(resolve_model(settings))
    emb.encode_passages(["chauffe"] * 9), hf.embed_documents(["chauffe"])  # both loaded and warm
    ours, naive, from_docs, raw, naive_chunks = [], [], [], [], 0
    for r in range(repeats):
        # Baselines get the threads the product uses for indexing batches: same machine, same pool.
        torch.set_num_threads(settings.index_threads)
        s = replace(settings, index_dir=tmp / f"index-{r}", collection="bench")
        ours.append(timed(lambda: build_index(s, emb, docs)))
        t = time.perf_counter()
        naive_chunks = naive_indexer(docs, tmp / f"naive-{r}", hf)
        naive.append(time.perf_counter() - t)
        from_docs.append(timed(lambda: naive_store([c.text for c in chunks], tmp / f"from-docs-{r}", hf)))
        raw.append(timed(lambda: emb.model.encode([emb.passage_prefix + t for t in texts], batch_size=32,
                                                  normalize_embeddings=True)))
        torch.set_num_threads(settings.threads)
    med = {k: statistics.median(v) for k, v in (("ours", ours), ("naive", naive), ("from_docs", from_docs), ("raw", raw))}
    # Why the ratio is what it is: the tokens each side embeds, and how fast it reads them.
    ours_tokens, naive_tokens = tokens(emb, our_texts(docs)), tokens(emb, naive_texts(docs))
    return {"data": data, "documents": len(docs), "kb": round(kb, 1), "chunks": len(chunks),
            "naive_chunks": naive_chunks, "repeats": repeats, "threads": settings.index_threads,
            "precision": "bf16" if emb.bf16 else "fp32",
            "ours_s": round(med["ours"], 2), "naive_s": round(med["naive"], 2),
            "from_documents_s": round(med["from_docs"], 2), "raw_encode_s": round(med["raw"], 2),
            "ours_kb_per_s": round(kb / med["ours"], 1), "naive_kb_per_s": round(kb / med["naive"], 1),
            "ours_chunks_per_s": round(len(chunks) / med["ours"], 1),
            "ours_vs_naive": round(med["naive"] / med["ours"], 2),
            "ours_vs_from_documents": round(med["from_docs"] / med["ours"], 2),
            "ours_vs_raw": round(med["raw"] / med["ours"], 2),
            "ours_tokens": ours_tokens, "naive_tokens": naive_tokens,
            "ours_tokens_per_s": round(ours_tokens / med["ours"]), "naive_tokens_per_s": round(naive_tokens / med["naive"]),
            "rounds": {"ours": [round(x, 2) for x in ours], "naive": [round(x, 2) for x in naive],
                       "from_documents": [round(x, 2) for x in from_docs], "raw": [round(x, 2) for x in raw]}}


def rows(idx: dict) -> list[tuple[str, str, object, str]]:
    """The indexing lines of the benchmark's table."""
    return [
        (f"indexing {idx['data']} ({idx['kb']} KB) vs naive LangChain indexer (s, KB/s)",
         f"{idx['ours_s']} s, {idx['ours_kb_per_s']} KB/s / {idx['naive_s']} s, {idx['naive_kb_per_s']} KB/s",
         idx["ours_vs_naive"], ">= 2.0"),
        ("tokens embedded, ours / naive (tokens/s)",
         f"{idx['ours_tokens']} ({idx['ours_tokens_per_s']}/s) / {idx['naive_tokens']} ({idx['naive_tokens_per_s']}/s)",
         round(idx["naive_tokens"] / idx["ours_tokens"], 2) if idx["ours_tokens"] else "", ""),
        ("indexing vs naive Chroma.from_documents of our chunks", f"{idx['ours_s']} s / {idx['from_documents_s']} s",
         idx["ours_vs_from_documents"], ">= 1.0"),
        (f"indexing vs raw encode of the chunks, fp32 (ours at {idx['precision']})",
         f"{idx['ours_s']} s / {idx['raw_encode_s']} s", idx["ours_vs_raw"], ">= 0.9"),
    ]
