"""The benchmark runs end to end at tiny sizes (a smoke test: no timing is asserted)."""
import json
import subprocess
import sys

import pytest

from qa.config import ROOT


@pytest.mark.slow
def test_bench_quick_runs(tmp_path):
    if not (ROOT.parent / "shared" / "eval" / "piaf" / "contexts.jsonl").is_file():
        pytest.skip("needs ../shared/eval/piaf (the indexing benchmark's data)")
    out = tmp_path / "bench.json"
    run = subprocess.run([sys.executable, "bench/run.py", "--quick", "--out", str(out)], cwd=ROOT,
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    data = json.loads(out.read_text())
    assert set(data) >= {"latency", "indexing", "cold_start", "scale", "folder", "load_before", "load_after"}
    assert data["latency"]["answer_p50_ms"] > 0 and data["indexing"]["chunks"] > 0
    assert 0.0 <= data["scale"]["recall_at_10"] <= 1.0
    assert data["folder"]["documents"] == 10 and data["folder"]["unchanged_skipped"] == 10
    assert "| answer() p50 vs floor" in run.stdout
