"""QA_CHROMA_URL: the same pipeline against a real `chroma run` server, which keeps data across a restart."""
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from qa.config import ROOT

from test_ui import free_port


def start_server(path: Path, port: int) -> subprocess.Popen:
    chroma = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    proc = subprocess.Popen([chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("chroma run did not start")


@pytest.mark.slow
def test_index_and_answer_through_a_chroma_server_across_restart(fresh_settings, tmp_path):
    port = free_port()
    env = {**os.environ, "QA_CORPUS_DIR": str(fresh_settings.corpus_dir), "QA_CHROMA_URL": f"http://127.0.0.1:{port}",
           "QA_INDEX_DIR": str(tmp_path / "no-local-index")}

    def ask():
        return subprocess.run([sys.executable, "-m", "qa", "ask", "Combien Nvidia va-t-il investir ?"], env=env,
                              cwd=ROOT, capture_output=True, text=True, timeout=300)

    server = start_server(tmp_path / "chroma-data", port)
    try:
        assert subprocess.run([sys.executable, "-m", "qa", "index"], env=env, cwd=ROOT, capture_output=True,
                              text=True, timeout=300).returncode == 0
        assert "10 milliards" in ask().stdout
    finally:
        server.terminate()
        server.wait(timeout=30)
    server = start_server(tmp_path / "chroma-data", port)
    try:
        out = ask()
        assert out.returncode == 0 and "10 milliards" in out.stdout and "No index" not in out.stderr
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert not (tmp_path / "no-local-index").exists()  # nothing was written locally
