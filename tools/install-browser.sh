#!/usr/bin/env bash
# Installs Debian's Chromium, a basic font and a Chinese font for the browser
# tests, if missing. Playwright's own browser download does not work on our
# machines, so the tests drive this system browser instead. Without a Chinese
# font, Chromium draws the Chinese edition as empty boxes, and the print test
# finds no title in the PDF. Needs root or sudo.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
fc-list 2>/dev/null | grep -qi "wqy" || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
