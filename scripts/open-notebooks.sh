#!/usr/bin/env bash
# Opens the notebooks in notebooks/ interactively: `jupyter lab` (or `jupyter notebook`) with the
# project's Deno kernelspec (jupyter/kernels/deno, via JUPYTER_PATH). VDPASCALE_RESULTS picks the
# results folder the notebooks read (default: results/ of the project; e.g. results/local for
# your own runs). Extra arguments go to jupyter (e.g. --no-browser --port 8890).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -x "$ROOT/node_modules/.bin/deno" ]; then
  echo "open-notebooks.sh: $ROOT/node_modules/.bin/deno not found; run npm ci" >&2
  exit 3
fi
if command -v jupyter-lab >/dev/null 2>&1; then app=lab
elif command -v jupyter-notebook >/dev/null 2>&1; then app=notebook
else
  echo "open-notebooks.sh: neither jupyter-lab nor jupyter-notebook is installed;" >&2
  echo "  install one, e.g.: pip install jupyterlab   (or: sudo apt-get install -y jupyter-notebook)" >&2
  exit 3
fi
export JUPYTER_PATH="$ROOT/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
export VDPASCALE_RESULTS="$(realpath -m "${VDPASCALE_RESULTS:-$ROOT/results}")"
export DENO_NO_UPDATE_CHECK=1
exec jupyter "$app" --notebook-dir="$ROOT/notebooks" "$@"
