#!/usr/bin/env bash
# Install what chatting needs (no root, no browser), build the index on first run, and serve the
# chat page on http://127.0.0.1:7860/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/qa index
exec .venv/bin/python ui.py "$@"
