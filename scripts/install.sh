#!/usr/bin/env bash
# Install everything the product and its tests need, idempotently: Debian's Chromium (browser
# tests), a virtual environment in .venv with the CPU build of torch, then the project.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

if [ "${QA_SKIP_APT:-0}" != "1" ] && ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
# torch first and pinned: the CPU wheel; any other spec would pull several GB of CUDA builds.
.venv/bin/pip install -q --disable-pip-version-check torch==2.13.0 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/pip install -q --disable-pip-version-check -e ".[test]" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import qa, torch, chromadb, gradio, sentence_transformers, bm25s, Stemmer, lingua, playwright, pypdf, bs4, frontmatter, fpdf" \
    || { echo "install: the environment is incomplete" >&2; exit 1; }
