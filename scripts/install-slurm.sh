#!/usr/bin/env bash
# Installs Debian's Slurm (slurm-wlm: slurmctld, slurmd, sbatch, squeue …) and munge for the
# single-machine Slurm test (test/slurm/slurm.test.ts); see design/toolchain.md "Slurm on one
# machine". Idempotent: does nothing when every binary is already there. Installs only — it
# starts no daemon (the test starts its own on 127.0.0.1 with a private config).
set -euo pipefail

need=(sbatch squeue scontrol sinfo slurmctld slurmd munged)
missing=0
for b in "${need[@]}"; do
  if ! command -v "$b" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$b" ]; then missing=1; fi
done
if [ "$missing" -eq 0 ]; then
  echo "slurm already installed: $(slurmd -V 2>/dev/null || echo slurmd)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-slurm.sh: Slurm or munge is missing; run as root (or: sudo apt-get install -y slurm-wlm munge)" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-slurm.sh: Slurm or munge is missing and apt-get is not available; install slurm-wlm and munge by hand" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists once, only when apt does not know the packages yet (a fresh image
# has empty lists); a second run after the first skips the network round-trip.
for pkg in slurm-wlm munge; do
  if ! apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    apt-get update
    break
  fi
done
# The Debian packages' postinst scripts try to start the services; there is no init here (or
# we do not want system-wide daemons), so forbid that: the test starts its own daemons.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  created_policy=1
fi
trap 'if [ "$created_policy" -eq 1 ]; then rm -f "$policy"; fi' EXIT
apt-get install -y --no-install-recommends slurm-wlm munge
slurmd -V
