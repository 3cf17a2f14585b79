#!/usr/bin/env bash
# Install (test tools and Chromium included), then run the whole test suite (real model, real
# Chroma, real server, real browser).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test
exec .venv/bin/python -m pytest "$@"
