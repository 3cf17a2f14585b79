#!/usr/bin/env bash
# Install what chatting needs (no root, no browser), build the index on first run, and serve the
# chat page on http://127.0.0.1:7860/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
if ! .venv/bin/qa index; then
    # An index built by an earlier version (another chunker), another model, or damaged: the
    # message above says which; the documents are on disk, so read them again.
    echo "chat.sh: rebuilding the index from corpus/ (documents indexed from elsewhere must be added again)" >&2
    .venv/bin/qa index --rebuild
fi
exec .venv/bin/python ui.py "$@"
