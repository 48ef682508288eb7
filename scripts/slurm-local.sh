#!/usr/bin/env bash
# A private single-node Slurm on 127.0.0.1, to try `vdpascale slurm --submit` on one machine
# (the same setup as test/slurm/local-slurm.ts; design/toolchain.md "Slurm on one machine").
#
#   scripts/slurm-local.sh start [DIR]   # config, state, logs and PIDs in DIR (default: a new temp dir)
#   export SLURM_CONF=DIR/slurm.conf     # printed by start; then sbatch, squeue, vdpascale slurm --submit
#   scripts/slurm-local.sh stop DIR      # stops the three daemons by their recorded PIDs
#
# Needs root (slurmd runs jobs as their user) and slurm-wlm + munge (scripts/install-slurm.sh).
# Uses its own munge key and socket and two free ports, so it leaves any system Slurm alone.
set -euo pipefail

usage() { echo "usage: $0 start [DIR] | stop DIR" >&2; exit 2; }

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

start() {
  [ "$(id -u)" -eq 0 ] || { echo "$0: needs root" >&2; exit 1; }
  command -v slurmctld >/dev/null || { echo "$0: Slurm missing; run scripts/install-slurm.sh" >&2; exit 1; }
  local dir=${1:-$(mktemp -d /tmp/vdpascale-slurm-XXXXXX)}
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool"
  dir=$(cd "$dir" && pwd)
  chmod 755 "$dir" "$dir/munge"
  dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
  chmod 600 "$dir/munge/munge.key"
  chown -R munge:munge "$dir/munge"
  local node cpus
  node=$(hostname -s)
  cpus=$(slurmd -C | sed -n 's/.*CPUs=\([0-9]*\).*/\1/p')
  cat >"$dir/slurm.conf" <<EOF
ClusterName=vdpascale-local
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket,cred_expire=5
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SchedulerParameters=sched_interval=1,batch_sched_delay=0
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF=$dir/slurm.conf
  setpriv --reuid=munge --regid=munge --init-groups "$(command -v munged)" --foreground \
    --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" \
    --seed-file="$dir/munge/munged.seed" >"$dir/munged.out" 2>&1 &
  echo $! >"$dir/munged.daemon-pid"
  for _ in $(seq 50); do [ -S "$dir/munge/munge.socket" ] && break; sleep 0.1; done
  setsid slurmctld -D -i >"$dir/slurmctld.out" 2>&1 &
  echo $! >"$dir/slurmctld.daemon-pid"
  setsid slurmd -D -N "$node" >"$dir/slurmd.out" 2>&1 &
  echo $! >"$dir/slurmd.daemon-pid"
  for _ in $(seq 100); do
    [ "$(sinfo -h -N -o %T 2>/dev/null)" = idle ] && break
    sleep 0.2
  done
  sinfo
  echo "export SLURM_CONF=$dir/slurm.conf"
  echo "stop with: $0 stop $dir"
}

stop() {
  local dir=${1:?$(usage)}
  for name in slurmd slurmctld munged; do
    local f="$dir/$name.daemon-pid"
    [ -f "$f" ] || continue
    local pid
    pid=$(cat "$f")
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$f"
    echo "stopped $name ($pid)"
  done
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) usage ;;
esac
