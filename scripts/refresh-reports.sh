#!/usr/bin/env bash
# Re-renders the charts and report.html of every committed result folder from its committed
# CSVs and manifest (no simulation), all sharing results/assets/. `npm run reports` runs this;
# `npm run reports -- NAME...` refreshes only those studies. test/studies/committed-reports.test.ts
# fails when a committed chart or report differs from what this writes.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
shopt -s nullglob
if [ "$#" -gt 0 ]; then names=("$@"); else
  names=()
  for m in results/*/manifest.json; do names+=("$(basename "$(dirname "$m")")"); done
fi
for name in "${names[@]}"; do
  node bin/vdpascale.js report "results/$name" --assets results/assets
done
