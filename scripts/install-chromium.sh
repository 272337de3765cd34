#!/usr/bin/env bash
# Installs Debian's Chromium (/usr/bin/chromium) for the end-to-end test of the demo page
# (test/node/e2e), with a small CJK font so Chinese screenshots are legible. playwright-core drives it;
# no browser is downloaded by Playwright itself.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
  /usr/bin/chromium --version
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-chromium: run as root (apt-get install chromium)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-wqy-microhei >/dev/null
/usr/bin/chromium --version
