"""Absent facts on the documents' own topic: index the CNIL FAQ without the answers that a question
set needs (the ``doc`` field of each case), ask those questions, and count the confident replies.
Every one of them should abstain.

    python bench/absent_facts.py                      # ../shared/eval/cnil/dev.jsonl on cnil/docs
    python bench/absent_facts.py --questions Q.jsonl --docs DIR
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVAL = Path(os.environ.get("QA_BENCH_DATA", ROOT.parent / "shared" / "eval"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=Path, default=EVAL / "cnil" / "dev.jsonl")
    ap.add_argument("--docs", type=Path, default=EVAL / "cnil" / "docs")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from qa.evaluation import eval_answers

    cases = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    held_out = {c["doc"] for c in cases if c.get("doc")}
    with tempfile.TemporaryDirectory(prefix="qa-absent-") as d:
        corpus, questions = Path(d) / "docs", Path(d) / "absent.jsonl"
        corpus.mkdir()
        kept = 0
        for f in sorted(args.docs.iterdir()):
            if f.is_file() and f.name not in held_out:
                shutil.copy(f, corpus / f.name)
                kept += 1
        # The same questions, now without their answer: each should be an abstention.
        questions.write_text("\n".join(json.dumps({"id": c["id"], "lang": c["lang"], "question": c["question"],
                                                   "found": False}) for c in cases), encoding="utf-8")
        print(f"{kept} documents indexed, {len(held_out)} held out; {len(cases)} questions", file=sys.stderr)
        summary = eval_answers(questions, corpus=corpus)
    confident = summary["wrong"]
    print(f"absent facts: confident answers {confident}/{summary['cases']} = {confident / max(1, summary['cases']):.2f}")
    if args.json:
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
