#!/usr/bin/env bash
# Installs Debian's chromium for the report's browser test (test/report/browser.test.ts).
# Idempotent: does nothing when /usr/bin/chromium exists. Never downloads a Playwright browser:
# playwright-core drives the distribution's chromium instead (see design/toolchain.md).
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser.sh: /usr/bin/chromium is missing; run as root (or: sudo apt-get install -y chromium)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when apt does not know the packages yet (a fresh image has
# empty lists); a second script run after the first then skips the network round-trip.
for pkg in chromium; do
  if ! apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    apt-get update
    break
  fi
done
apt-get install -y chromium
/usr/bin/chromium --version
