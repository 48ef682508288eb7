#!/usr/bin/env bash
# Installs Debian's Jupyter (nbconvert + nbclient) to execute notebooks/ with the Deno kernel.
# Idempotent: does nothing when jupyter-nbconvert is already on the PATH. The Deno binary
# itself comes from the npm package `deno` (devDependency), not from apt.
set -euo pipefail

if command -v jupyter-nbconvert >/dev/null 2>&1; then
  echo "jupyter-nbconvert already installed: $(jupyter-nbconvert --version 2>/dev/null || echo present)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-jupyter.sh: jupyter-nbconvert is missing; run as root (or: sudo apt-get install -y jupyter-nbconvert python3-nbclient)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when apt does not know the packages yet (a fresh image has
# empty lists); a second script run after the first then skips the network round-trip.
for pkg in jupyter-nbconvert python3-nbclient; do
  if ! apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    apt-get update
    break
  fi
done
apt-get install -y jupyter-nbconvert python3-nbclient
jupyter-nbconvert --version
