#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright with executable_path, never a browser
# download), with fonts for the screenshots. Needs root or sudo once; QA_SKIP_APT=1 skips it.
set -euo pipefail
if [ "${QA_SKIP_APT:-0}" = "1" ] || command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
