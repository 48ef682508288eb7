#!/usr/bin/env bash
# Installs Debian's Jupyter (nbconvert + nbclient) to execute notebooks/, and Debian's pandas,
# matplotlib and ipykernel for the Python notebook (kernelspec jupyter/kernels/vdpascale-python,
# which runs /usr/bin/python3). Idempotent: does nothing when all of them are present. The Deno
# kernel binary comes from the npm package `deno` (devDependency), not from apt; nothing comes
# from PyPI.
set -euo pipefail

PACKAGES=(jupyter-nbconvert python3-nbclient python3-pandas python3-matplotlib python3-ipykernel)
have_all() {
  command -v jupyter-nbconvert >/dev/null 2>&1 &&
    /usr/bin/python3 -c 'import nbclient, pandas, matplotlib, ipykernel' >/dev/null 2>&1
}

if have_all; then
  echo "jupyter-nbconvert, pandas, matplotlib and ipykernel already installed: $(jupyter-nbconvert --version 2>/dev/null || echo present)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-jupyter.sh: Jupyter or the Python notebook's packages are missing; run as root (or: sudo apt-get install -y ${PACKAGES[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when apt does not know the packages yet (a fresh image has
# empty lists); a second script run after the first then skips the network round-trip.
for pkg in "${PACKAGES[@]}"; do
  if ! apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    apt-get update
    break
  fi
done
apt-get install -y "${PACKAGES[@]}"
jupyter-nbconvert --version
