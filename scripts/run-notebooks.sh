#!/usr/bin/env bash
# Executes every notebook in notebooks/ headlessly with the project kernel its metadata names
# (jupyter/kernels/, via JUPYTER_PATH: deno for the TypeScript notebooks, vdpascale-python for
# the pandas one) and fails if any cell throws.
#
#   scripts/run-notebooks.sh                 execute in place (outputs saved in the notebooks)
#   scripts/run-notebooks.sh --out DIR       write executed copies to DIR, leave notebooks/ as is
#
# VDPASCALE_RESULTS picks the results folder the notebooks read (default: results/ of the project;
# a relative path is taken from the current directory). Needs jupyter-nbconvert
# with Debian's python3-pandas, -matplotlib and -ipykernel (scripts/install-jupyter.sh) and
# node_modules (the npm package `deno` ships the Deno kernel binary).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT_DIR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT_DIR="${2:?--out needs a directory}"; shift 2 ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "run-notebooks.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done

if ! command -v jupyter-nbconvert >/dev/null 2>&1; then
  echo "run-notebooks.sh: jupyter-nbconvert not found; run scripts/install-jupyter.sh" >&2
  exit 3
fi
if [ ! -x "$ROOT/node_modules/.bin/deno" ]; then
  echo "run-notebooks.sh: $ROOT/node_modules/.bin/deno not found; run npm ci" >&2
  exit 3
fi

export JUPYTER_PATH="$ROOT/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
export VDPASCALE_RESULTS="$(realpath -m "${VDPASCALE_RESULTS:-$ROOT/results}")"
# Deno may check for updates and prints a banner about it; neither belongs in a batch run.
export DENO_NO_UPDATE_CHECK=1 DENO_NO_PROMPT=1 NO_COLOR=1

# record_timing=False keeps wall-clock timestamps out of committed notebooks (clean diffs).
ARGS=(--to notebook --execute
  --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.record_timing=False)
if [ -n "$OUT_DIR" ]; then
  mkdir -p "$OUT_DIR"
  ARGS+=(--output-dir "$(realpath "$OUT_DIR")")
else
  ARGS+=(--inplace)
fi

failed=()
shopt -s nullglob
notebooks=("$ROOT"/notebooks/*.ipynb)
if [ ${#notebooks[@]} -eq 0 ]; then
  echo "run-notebooks.sh: no notebooks in $ROOT/notebooks" >&2
  exit 3
fi
for nb in "${notebooks[@]}"; do
  echo "== $(basename "$nb") (results: $VDPASCALE_RESULTS)"
  # From the notebook's folder: the kernel's working directory anchors its relative imports.
  if ! (cd "$ROOT/notebooks" && jupyter-nbconvert "${ARGS[@]}" "$nb"); then
    failed+=("$(basename "$nb")")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "run-notebooks.sh: failed: ${failed[*]}" >&2
  exit 1
fi
echo "run-notebooks.sh: ${#notebooks[@]} notebook(s) executed"
