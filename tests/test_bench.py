"""The benchmark runs end to end at tiny sizes (a smoke test: no timing is asserted)."""
import json
import subprocess
import sys

import pytest

from qa.config import ROOT


@pytest.mark.slow
def test_bench_quick_runs(tmp_path):
    """With ../shared/eval when it is beside the clone, else with the corpus's own passages."""
    out = tmp_path / "bench.json"
    run = subprocess.run([sys.executable, "bench/run.py", "--quick", "--out", str(out)], cwd=ROOT,
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    data = json.loads(out.read_text())
    assert set(data) >= {"latency", "indexing", "cold_start", "cli", "scale", "folder", "load_before", "load_after"}
    assert data["cli"]["ask_s"] > 0 and data["cli"]["sources_vs_floor"] > 0
    assert data["latency"]["answer_p50_ms"] > 0 and data["indexing"]["chunks"] > 0
    assert data["indexing"]["ours_vs_naive"] > 0 and data["indexing"]["naive_chunks"] > 0
    assert data["indexing"]["ours_tokens"] > 0 and data["indexing"]["naive_tokens"] > 0
    assert 0.0 <= data["scale"]["recall_at_10"] <= 1.0
    assert 0 < data["folder"]["documents"] <= 10
    assert data["folder"]["unchanged_skipped"] == data["folder"]["documents"]
    assert "| answer() p50 vs floor" in run.stdout and "vs naive LangChain indexer" in run.stdout
