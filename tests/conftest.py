"""Shared fixtures: the real model loaded once per session; indexes live under tmp_path."""
from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

import qa  # noqa: F401 - offline environment first
from qa.config import ROOT, Settings

ARTICLE = ROOT / "corpus" / "2025-11-18-nvidia-microsoft-anthropic.txt"
ARTIFACTS = ROOT / "test-artifacts"
# Four short sentences: "Que propose le musée ?" is answered by two of them equally.
MUSEUM = ("Le musée des Lumières\n\nLe musée des Lumières expose des peintures du XIXe siècle. La boutique du "
          "musée vend des cartes postales. Le jardin du musée accueille des concerts en été. Le musée des "
          "Lumières prête aussi des sculptures aux écoles de la ville.\n")

# A second document, of another topic and shape (Markdown, front matter, sections, lines wrapped inside
# sentences), for every kind of reply.
RUCHER = """---
title: Le rucher de Montfleury
date: 2024-10-02
---

# Le rucher de Montfleury

## Histoire

Le rucher de Montfleury a été fondé en 2012 par l'association Abeilles du Vercors. Il compte aujourd'hui
quarante-deux ruches, installées sur une prairie en pente au-dessus du village.

## Récolte 2024

Paul Martin a récolté 680 kilogrammes de miel et Claire Dubois 420 kilogrammes, pour un total de
1 100 kilogrammes. La récolte a baissé de 15 % par rapport à 2023 car le printemps a été pluvieux.

## Flore

Les abeilles butinent surtout le tilleul, le colza, l'acacia et la lavande. Les prairies fleuries sont
fauchées tard afin de nourrir les abeilles jusqu'en juillet.

## Vente

Le miel est vendu au marché de Vals le samedi matin. Un pot de 500 grammes coûte 9 euros.
"""


def corpus_of(tmp_path: Path, settings: Settings, files: dict[str, str]) -> Settings:
    """``settings`` with a corpus folder under ``tmp_path`` holding ``files`` (name -> text)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return replace(settings, corpus_dir=corpus, index_dir=tmp_path / "index")


@pytest.fixture(scope="session")
def base_settings() -> Settings:
    # The model cache is shared with the user's (materialising costs ~10 s); indexes never are.
    return Settings.from_env(threads=int(os.environ.get("QA_THREADS", "1")))


@pytest.fixture(scope="session")
def embedder(base_settings):
    from qa.pipeline import get_embedder

    return get_embedder(base_settings)


@pytest.fixture(scope="session")
def article_settings(tmp_path_factory, base_settings) -> Settings:
    root = tmp_path_factory.mktemp("article")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    return replace(base_settings, corpus_dir=corpus, index_dir=root / "index")


@pytest.fixture(scope="session")
def pipeline(article_settings, embedder):
    from qa.pipeline import get_pipeline

    return get_pipeline(article_settings)


@pytest.fixture()
def fresh_settings(tmp_path, base_settings) -> Settings:
    """A private corpus folder and index for tests that write."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    return replace(base_settings, corpus_dir=corpus, index_dir=tmp_path / "index")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
