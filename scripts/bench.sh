#!/usr/bin/env bash
# Every speed target of the project, as benchmarks (never timed tests). `npm run bench`.
#   engine   PHOLD events/s of the scheduler (`vdpascale bench`); the ratio against a C binary
#            heap comes from ../shared/bench/phold-ratio.sh when that baseline is present
#   model    data path (100K instances at 10^8 pkt/s against PHOLD at the same pending count,
#            10K-instance event rate, bytes per idle and per saturated instance at 1M), batch
#            against per-packet fidelity on 100K saturated instances, the event rate over a run
#            with 1 ms timers, the control plane (100K-instance burst, 10K-tenant QoS), and the
#            cost of an IOTLB miss (64 and 2048 entries)
#   runner   --jobs 2 against --jobs 1 on a CPU-bound sweep, and worker start-up
#   cli      --help and a trivial run (median of 9 processes), and `| head -1` exit status
#   sensitivity  Morris, 10 trajectories over the mlx5 profile's estimates on a shrunk quickstart
#            (target < 5 min on 2 cores), with its runs, CPU time and events per run
# Pass names to run a subset: `npm run bench -- engine runner`.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
parts=("${@:-engine model runner cli sensitivity}")
want() { [[ " ${parts[*]} " == *" $1 "* ]]; }
tsx=node_modules/.bin/tsx
if want engine; then
  node bin/vdpascale.js bench --lps 1000 --epl 10 --until 1000
  node bin/vdpascale.js bench --lps 100000 --epl 10 --until 50
  if [ -x ../shared/bench/phold-ratio.sh ] || [ -f ../shared/bench/phold-ratio.sh ]; then
    bash ../shared/bench/phold-ratio.sh 1000 10 1000 3
    bash ../shared/bench/phold-ratio.sh 100000 10 50 3
  fi
fi
if want model; then
  node --expose-gc --import tsx bench/data-path-bench.ts
  "$tsx" bench/batch-fidelity.ts
  "$tsx" bench/timer-horizon.ts
  "$tsx" bench/iotlb-miss.ts
  "$tsx" bench/iotlb-miss.ts 2048
  "$tsx" bench/control-bench.ts
fi
if want runner; then
  "$tsx" bench/jobs-bench.ts --compiled
fi
if want cli; then
  "$tsx" bench/cli-bench.ts
fi
if want sensitivity; then
  "$tsx" bench/sensitivity-bench.ts
fi
