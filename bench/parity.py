"""French/English parity: each pair of bench/parity.jsonl asks the same question in both languages;
a pair is at parity when both replies agree on ``found`` and, when found, cite the same passage.
Also reports, per language, correct / abstained / wrong against the pair's own expectation
(answerable: the evidence is in a cited passage; not answerable: an abstention).

    python bench/parity.py [--index-root DIR]   # DIR keeps the three indexes between runs
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVAL = Path(os.environ.get("QA_BENCH_DATA", ROOT.parent / "shared" / "eval"))
CORPORA = {"article": ROOT / "corpus", "spf": EVAL / "spf" / "docs", "cnil": EVAL / "cnil" / "docs"}


def _norm(s: str) -> str:
    return " ".join(s.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ").split()).lower()


def verdict(expect_found: bool, evidence: str, res) -> str:
    if not res.found:
        return "abstained" if expect_found else "correct"
    if not expect_found:
        return "wrong"
    return "correct" if any(_norm(evidence) in _norm(c.text) for c in res.citations) else "wrong"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=Path, default=ROOT / "bench" / "parity.jsonl")
    ap.add_argument("--index-root", type=Path, default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    from qa.config import Settings
    from qa.pipeline import get_pipeline

    pairs = [json.loads(line) for line in args.pairs.read_text(encoding="utf-8").splitlines() if line.strip()]
    tmp = None if args.index_root else tempfile.TemporaryDirectory(prefix="qa-parity-")
    root = args.index_root or Path(tmp.name)
    base = Settings.from_env()
    same = 0
    tally = {lang: {"correct": 0, "abstained": 0, "wrong": 0} for lang in ("fr", "en")}
    by_corpus: dict[str, list[int]] = {}
    for p in pairs:
        settings = replace(base, corpus_dir=CORPORA[p["corpus"]], index_dir=root / p["corpus"], chroma_url=None)
        pipe = get_pipeline(settings)
        fr, en = pipe.answer(p["fr"]), pipe.answer(p["en"])
        key = lambda r: (r.found, (r.citations[0].source, r.citations[0].start) if r.found and r.citations else None)  # noqa: E731
        ok = key(fr) == key(en)
        same += ok
        by_corpus.setdefault(p["corpus"], [0, 0])
        by_corpus[p["corpus"]][0] += ok
        by_corpus[p["corpus"]][1] += 1
        for lang, res in (("fr", fr), ("en", en)):
            tally[lang][verdict(p["answerable"], p.get("evidence", ""), res)] += 1
        if args.verbose or not ok:
            print(f"{'same' if ok else 'DIFF'} {p['id']} {p['corpus']}\n  fr {p['fr']!r} -> {fr.text[:160]!r}\n"
                  f"  en {p['en']!r} -> {en.text[:160]!r}")
    n = len(pairs) or 1
    print(f"\nparity {same}/{len(pairs)} = {same / n:.2f}  " +
          "  ".join(f"{c} {a}/{b}" for c, (a, b) in sorted(by_corpus.items())))
    for lang, t in tally.items():
        print(f"{lang}: " + ", ".join(f"{k} {v / n:.2f}" for k, v in t.items()))
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
