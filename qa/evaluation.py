"""Measure the product: answers on a question set, retrieval on PIAF-style data, language detection."""
from __future__ import annotations

import hashlib
import json
import re
import sys
import tempfile
import time
import unicodedata
from dataclasses import replace
from pathlib import Path

import numpy as np

from .config import Settings
from .types import Document


# metrics: small pure functions
def first_hit_rank(ranked_sources: list[str], gold: str) -> int | None:
    """1-based rank of the first retrieved chunk from the gold source; None when absent."""
    return next((i for i, s in enumerate(ranked_sources, 1) if s == gold), None)


def recall_at(ranks: list[int | None], k: int) -> float:
    return sum(r is not None and r <= k for r in ranks) / len(ranks) if ranks else 0.0


def mrr_at(ranks: list[int | None], k: int) -> float:
    return sum(1.0 / r for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def normalize(text: str) -> str:
    """Case, accents, apostrophes and spacing folded, for answer containment."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " "))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"\s+", " ", text).strip()


def contains_answer(text: str, answers: list[str]) -> bool:
    t = normalize(text)
    return any(normalize(a) and normalize(a) in t for a in answers)


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


# answers, with the rules of ../shared/eval/score.py (its docstring is the contract)
def _norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s).replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", s).strip().lower()


def check_case(case: dict, res) -> list[str]:
    """What is wrong with ``res`` for ``case`` (empty: fully correct). Fields: found, answer,
    answer_all, forbid, evidence, evidence_all, source, min_citations, max_chars."""
    problems = []
    if res.language != case["lang"]:
        problems.append(f"language {res.language!r} != {case['lang']!r}")
    if bool(res.found) != case["found"]:
        problems.append(f"found={res.found} expected {case['found']}")
    text = _norm(res.text or "")
    if not text:
        problems.append("empty answer text")
    limit = case.get("max_chars", 400)
    if len(text) > limit:
        problems.append(f"answer text too long ({len(text)} chars > {limit})")
    pats = case.get("answer")
    if pats and not any(re.search(p, text, re.I) for p in pats):
        problems.append(f"answer text lacks any of {pats}")
    missing = [p for p in case.get("answer_all", []) if not re.search(p, text, re.I)]
    if missing:
        problems.append(f"answer text lacks {missing}")
    bad = [p for p in case.get("forbid", []) if re.search(p, text, re.I)]
    if bad:
        problems.append(f"answer text has forbidden {bad}")
    cited = [_norm(c.text or "") for c in res.citations or []]
    if case["found"]:
        wanted = ([case["evidence"]] if case.get("evidence") else []) + case.get("evidence_all", [])
        for ev in wanted:
            if not any(_norm(ev) in c for c in cited):
                problems.append(f"no citation contains evidence {ev!r}")
        if case.get("source") and not any(str(c.source).endswith(case["source"]) for c in res.citations or []):
            problems.append(f"no citation from source {case['source']!r}")
        if len(set(cited)) < case.get("min_citations", 0):
            problems.append(f"citations: {len(set(cited))} distinct passages cited, expected >= {case['min_citations']}")
    return problems


def outcome(case: dict, res, problems: list[str]) -> str:
    """correct; abstained (the answer was there, the reply said it was not); wrong (a confident reply
    to an unanswerable question, or one whose citations miss the evidence or the document);
    imprecise (the right passage, but the reply's text misses what it should say)."""
    if not problems:
        return "correct"
    if not res.found:
        return "abstained" if case["found"] else "imprecise"  # abstained where it should: the text is off
    if not case["found"] or any(p.startswith("no citation") for p in problems):
        return "wrong"
    return "imprecise"


def eval_answers(path: Path, answer=None, out=sys.stdout, corpus: Path | None = None) -> dict:
    """Score ``answer()`` on the cases of ``path``; with ``corpus``, on a fresh index of that folder."""
    tmp = None
    if corpus is not None:
        from .pipeline import get_pipeline

        tmp = tempfile.TemporaryDirectory(prefix="qa-eval-")
        settings = replace(Settings.from_env(), corpus_dir=Path(corpus), index_dir=Path(tmp.name), chroma_url=None)
        answer = get_pipeline(settings).answer
    if answer is None:
        from . import answer
    cases = _read_jsonl(path)
    tally = {"correct": 0, "abstained": 0, "wrong": 0, "imprecise": 0}
    times = []
    for case in cases:
        t0 = time.perf_counter()
        try:
            res = answer(case["question"], history=case.get("history") or None)
            problems = check_case(case, res)
            kind = outcome(case, res, problems)
        except Exception as exc:  # noqa: BLE001 - a crash is a failed case, reported as such
            res, problems, kind = None, [f"raised {exc!r}"], "wrong"
        times.append(time.perf_counter() - t0)
        tally[kind] += 1
        if problems:
            print(f"{kind.upper():9} {case['id']} {case['question']!r}: " + "; ".join(problems), file=out)
            if res is not None:
                print(f"          -> {res.text!r}", file=out)
    n = len(cases) or 1
    summary = {"cases": len(cases), **tally, **{f"{k}_rate": round(v / n, 3) for k, v in tally.items()},
               "p50_ms": round(float(np.median(times)) * 1000, 1) if times else 0}
    print(f"correct {tally['correct']}/{len(cases)} = {summary['correct_rate']:.2f}, abstained "
          f"{summary['abstained_rate']:.2f}, wrong {summary['wrong_rate']:.2f}, imprecise {summary['imprecise_rate']:.2f} "
          f"(median {summary['p50_ms']} ms per answer)", file=out)
    print(f"score: {tally['correct']}/{len(cases)} cases fully correct", file=out)
    if tmp is not None:
        tmp.cleanup()
    return summary


# retrieval on a set of contexts
def contexts_to_documents(path: Path) -> list[Document]:
    docs = []
    for row in _read_jsonl(path):
        text = row["context"]
        docs.append(Document(id=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16], source=row["context_id"],
                             text=text, title=row.get("title", "")))
    return docs


def eval_retrieval(contexts: Path, questions: Path, settings: Settings | None = None,
                   index_dir: Path | None = None, k: int = 10) -> dict:
    """Index every context into a fresh index, then R@1, R@5, MRR@10 for dense, BM25 and hybrid,
    and answer containment / abstention rate of ``answer()``."""
    from .indexing import build_index
    from .pipeline import Pipeline, get_embedder

    settings = settings or Settings.from_env()
    tmp = None
    if index_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="qa-eval-")
        index_dir = Path(tmp.name)
    settings = replace(settings, index_dir=Path(index_dir), chroma_url=None, collection="eval")
    docs = contexts_to_documents(contexts)
    rows = _read_jsonl(questions)
    t0 = time.perf_counter()
    print(f"indexing {len(docs)} contexts into {index_dir} ...", file=sys.stderr, flush=True)
    report = build_index(settings, get_embedder(settings), docs)
    pipe = Pipeline(settings)
    index = pipe.hybrid
    ranks = {"dense": [], "bm25": [], "hybrid": []}
    contained = abstained = 0
    t1 = time.perf_counter()
    for row in rows:
        vec = pipe.embedder.encode_queries([row["question"]])[0]
        dense = [index.chunks[index.by_id[i]].source for i, _ in index.store.dense(vec, k) if i in index.by_id]
        lex = index.lexical(row["question"])
        bm25 = [index.chunks[i].source for i in np.argsort(-lex, kind="stable")[:k] if lex[i] > 0]
        hybrid = [h.chunk.source for h in index.search(row["question"], k=k, vector=vec)]
        for name, ranked in (("dense", dense), ("bm25", bm25), ("hybrid", hybrid)):
            ranks[name].append(first_hit_rank(ranked, row["context_id"]))
        res = pipe.answer(row["question"])
        abstained += not res.found
        contained += res.found and contains_answer(res.text, row.get("answers", []))
    n = len(rows)
    result = {name: {"R@1": round(recall_at(r, 1), 3), "R@5": round(recall_at(r, 5), 3),
                     "MRR@10": round(mrr_at(r, 10), 3)} for name, r in ranks.items()}
    result["answers"] = {"containment": round(contained / n, 3) if n else 0.0,
                         "not_found": round(abstained / n, 3) if n else 0.0}
    result["sizes"] = {"contexts": len(docs), "questions": n, "chunks": report.chunks_total,
                       "index_s": round(t1 - t0, 1), "questions_s": round(time.perf_counter() - t1, 1)}
    if tmp is not None:
        tmp.cleanup()
    return result


def format_retrieval(result: dict) -> str:
    lines = ["| retriever | R@1 | R@5 | MRR@10 |", "|---|---|---|---|"]
    for name in ("dense", "bm25", "hybrid"):
        r = result[name]
        lines.append(f"| {name} | {r['R@1']:.3f} | {r['R@5']:.3f} | {r['MRR@10']:.3f} |")
    a, s = result["answers"], result["sizes"]
    lines.append(f"\nanswer containment {a['containment']:.3f}, found=False on {a['not_found']:.3f} "
                 f"({s['questions']} questions, {s['contexts']} contexts, {s['chunks']} chunks; "
                 f"indexing {s['index_s']} s, questions {s['questions_s']} s)")
    return "\n".join(lines)


def eval_language(path: Path) -> dict:
    from .language import detect_language

    rows = _read_jsonl(path)
    out = {}
    for lang in ("fr", "en"):
        texts = [r[lang] for r in rows if r.get(lang)]
        wrong = [t for t in texts if detect_language(t) != lang]
        out[lang] = {"accuracy": round(1 - len(wrong) / len(texts), 4) if texts else 0.0,
                     "n": len(texts), "wrong": wrong[:10]}
    return out
