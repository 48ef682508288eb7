#!/usr/bin/env bash
# Regenerates the committed reference results of every study in scenarios/: results/<name>/
# (runs/groups/summary CSV, manifest, scenario.yaml, charts, report.html, all reports sharing
# one results/assets/), then re-executes the notebooks that read them so that their committed
# outputs match. `npm run studies` runs this; pass study names to regenerate only those.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
all=(quickstart scale-transports provisioning adminq-qos software-cvq dma-isolation interrupts parents blk-parents blk-mixed
  sensitivity-provisioning)
# Sensitivity studies run through `vdpascale sensitivity`, with the question each one asks.
declare -A sensitivity=(
  [sensitivity-provisioning]="--metric provision_makespan_ms --metric ctrl_latency_p99_us --compare strategy.transport"
)
studies=("${@:-${all[@]}}")
for name in "${studies[@]}"; do
  start=$(date +%s)
  # A finished folder is never overwritten (`run` refuses it): the study runs into a fresh
  # folder beside it, which replaces the committed one only once every run has finished.
  fresh="results/.$name.new"
  rm -rf "$fresh"
  if [[ -n "${sensitivity[$name]:-}" ]]; then
    # shellcheck disable=SC2086 # the question is a list of flags
    node bin/vdpascale.js sensitivity "scenarios/$name.yaml" ${sensitivity[$name]} --out "$fresh" --no-report
  else
    node bin/vdpascale.js run "scenarios/$name.yaml" --out "$fresh" --no-report --quiet
  fi
  rm -rf "results/$name"
  mv "$fresh" "results/$name"
  node bin/vdpascale.js report "results/$name" --assets results/assets
  echo "study $name: $(( $(date +%s) - start )) s"
done
if [ "$#" -eq 0 ]; then bash scripts/run-notebooks.sh; fi
