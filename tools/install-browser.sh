#!/usr/bin/env bash
# Installs Debian's Chromium (and a basic font) for the browser tests, if missing.
# Playwright's own browser download does not work on our machines, so the
# tests drive this system browser instead. Needs root or sudo.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core
