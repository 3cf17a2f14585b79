"""Question answering over French documents, with cited passages, offline."""
from __future__ import annotations

import os

# Before anything imports huggingface_hub or gradio: both reach for the network at start otherwise.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from .config import Settings  # noqa: E402
from .types import Answer, Citation, QuestionError  # noqa: E402


def answer(question: str, history: list[str] | None = None, sources: list[str] | None = None) -> Answer:
    """Answer ``question`` (French or English) from the indexed documents.

    ``history`` holds the earlier questions of the same chat, oldest first, so that
    follow-ups such as "Et Microsoft ?" are understood. ``sources`` restricts the answer to some
    documents (names as ``qa sources`` lists them, or file paths). Raises ``QuestionError`` (a
    ``ValueError``) for an empty or oversized question or an unknown source. The index is built
    on first use when missing.
    """
    from .pipeline import get_pipeline

    return get_pipeline().answer(question, history=history, sources=sources)


__all__ = ["Answer", "Citation", "QuestionError", "Settings", "answer"]
