"""Measure the sentence-selection weights (``qa.selection.WEIGHTS``) and the runner-up margin
(``qa.replies.fact.RUNNER_UP_MARGIN``) on a question set with gold answers (PIAF dev by default),
and refit the weights of every feature for comparison.

    python bench/tune_selection.py [--index-dir DIR]

Every question is asked; each sentence the answerer could rest on (``qa.replies.fact.usable``) is
labelled by whether the reply built on it contains a gold answer. Printed: the answer containment
of the weights in the code, alone and with runner-up margins; then a conditional logit (one
choice per question) fitted on all the features, cross-validated in 5 folds split by context, and
its weights on the features' own scale. Nothing in the product changes; the article's dev set
(``../shared/eval/score.py``) must be checked before any weight is adopted.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval" / "piaf"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from qa import cleaning, selection  # noqa: E402
from qa.question import analyse  # noqa: E402
from qa.replies import fact  # noqa: E402
from qa.config import Settings  # noqa: E402
from qa.evaluation import contains_answer, contexts_to_documents  # noqa: E402


def collect(settings: Settings, questions: list[dict]) -> list[dict]:
    """Per question: its context, and the usable candidates' features, labels and runner-up labels."""
    from qa.followup import rewrite
    from qa.language import detect_language
    from qa.pipeline import Pipeline

    ans = Pipeline(settings).answerer
    out = []
    for q in questions:
        query = rewrite(cleaning.clean_question(q["question"], 2000), [])
        lang = detect_language(query)
        vector = ans.index.embedder.encode_queries([query])[0]
        hits = ans.index.search(query, k=ans.top_k, vector=vector)
        every = [] if lang == "fr" and ans.unknown_subject(query) else selection.candidates(ans.index, query, vector, hits, explore=True)
        cands = [c for c in every if fact.usable(c)]

        def label(chosen):
            return contains_answer(fact.reply(analyse(q["question"]), chosen).text, q["answers"])
        others = [c for c in every if not fact.usable(c)]
        rows = [{"features": c.features, "label": label([c]), "short": c.answer is not None,
                 # the reply quoting this one and another sentence of its passage, by label
                 "pair": {j: label([c, d]) for j, d in enumerate(cands + others) if d is not c and d.hit is c.hit}}
                for c in cands]
        rows += [{"features": c.features, "label": False, "pair": {}, "other": True} for c in others]
        out.append({"context": q["context_id"], "candidates": rows})
    return out


def fit(items: list[dict], names: list[str], l2: float = 0.05) -> np.ndarray:
    from scipy.optimize import minimize

    data = [(np.array([[c["features"][n] for n in names] for c in it["candidates"] if "other" not in c]),
             np.array([c["label"] for c in it["candidates"] if "other" not in c], float)) for it in items]
    data = [(x, y) for x, y in data if 0 < y.sum() < len(y)]  # only choices that can go wrong teach

    def loss(w):
        total, grad = 0.0, np.zeros_like(w)
        for x, y in data:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            pos = p[y > 0].sum()
            total -= np.log(pos + 1e-12)
            grad -= (p[y > 0] @ x[y > 0]) / pos - p @ x
        return total + l2 * w @ w, grad + 2 * l2 * w

    return minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B").x


def contained(items: list[dict], scores: list[np.ndarray], margin: float | None) -> float:
    """Answer containment of choosing the best-scored candidate (and the runner-up within ``margin``)."""
    hits = 0
    for it, s in zip(items, scores):
        usable = [j for j, c in enumerate(it["candidates"]) if "other" not in c]
        if not usable:
            continue
        order = np.argsort(-s, kind="stable")
        best = it["candidates"][next(j for j in order if j in usable)]
        runner = next((j for j in order if j in best["pair"]), None)
        if margin is not None and runner is not None and not best["short"] and s[usable].max() - s[runner] <= margin:
            hits += best["pair"][runner]
        else:
            hits += best["label"]
    return hits / len(items)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--contexts", type=Path, default=SHARED / "contexts.jsonl")
    ap.add_argument("--questions", type=Path, default=SHARED / "dev.jsonl")
    ap.add_argument("--index-dir", type=Path, default=Path("/tmp/qa-tune-index"))
    args = ap.parse_args()
    from qa.indexing import build_index
    from qa.pipeline import get_embedder

    settings = replace(Settings.from_env(), index_dir=args.index_dir, chroma_url=None, collection="eval")
    t0 = time.perf_counter()
    build_index(settings, get_embedder(settings), contexts_to_documents(args.contexts))
    questions = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = collect(settings, questions)
    current = [np.array([sum(w * c["features"][n] for n, w in selection.WEIGHTS.items()) for c in it["candidates"]])
               for it in items]
    print(f"{len(items)} questions, {sum(len(it['candidates']) for it in items)} candidates, "
          f"{time.perf_counter() - t0:.0f} s")
    print(f"answer containment, weights in the code: {contained(items, current, None):.4f} alone")
    for m in sorted({0.03, 0.06, 0.09, 0.12, fact.RUNNER_UP_MARGIN}):
        print(f"  with the runner-up within {m}: {contained(items, current, m):.4f}")
    names = sorted({n for it in items for c in it["candidates"] for n in c["features"]})
    feats = np.array([[c["features"][n] for n in names] for it in items for c in it["candidates"]])
    mu, sd = feats.mean(0), feats.std(0) + 1e-9
    for it in items:
        for c in it["candidates"]:
            c["features"] = {n: (c["features"][n] - mu[i]) / sd[i] for i, n in enumerate(names)}

    def scores(w, subset):
        return [np.array([[c["features"][n] for n in names] for c in it["candidates"]]).reshape(-1, len(names)) @ w
                for it in subset]
    contexts = sorted({it["context"] for it in items})
    random.Random(0).shuffle(contexts)
    fold = {c: i % 5 for i, c in enumerate(contexts)}
    held = {}  # question index -> its scores under weights fitted without its fold
    for f in range(5):
        w = fit([it for it in items if fold[it["context"]] != f], names)
        for i, it in enumerate(items):
            if fold[it["context"]] == f:
                held[i] = scores(w, [it])[0]
    cv = [held[i] for i in range(len(items))]
    print(f"answer containment, all features refitted (5-fold CV): {contained(items, cv, None):.3f} alone")
    w = fit(items, names) / sd  # back to the features' own scale (constant shifts do not change a choice)
    print("WEIGHTS = {" + ", ".join(f'"{n}": {x:.2f}' for n, x in zip(names, w)) + "}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
