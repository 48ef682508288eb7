/**
 * Control-plane benchmarks (wall-clock; never run as tests). `npx tsx bench/control-bench.ts`
 *
 * 1. Provision 100,000 instances in one burst over the asynchronous admin-vq (CREATE and the
 *    per-VQ setup on the admin queue): target < 30 s wall.
 * 2. A 10,000-tenant admin-queue QoS scenario: 10,000 groups of 10 instances each issuing
 *    config reads and CVQ commands (software CVQ) over 8 admin queues under DRR, a quarter of
 *    the tenants token-bucket limited: target ≥ 1 M model events per second.
 *
 * The configuration is the control-plane test fixture with round costs (test/model/control/
 * fixture-config.ts) so that the figures measure the simulator, not a profile.
 */
import { Priority } from '../src/engine/priority.js';
import { Simulator } from '../src/engine/simulator.js';
import type { ModelConfig } from '../src/model/config.js';
import { ControlPlane } from '../src/model/control/control-plane.js';
import { HostCpuMeter } from '../src/model/host-cpu.js';
import { InstanceTable } from '../src/model/instance-table.js';
import type { MetricSink, ModelContext } from '../src/model/ports.js';
import { StreamFactory } from '../src/random/stream-factory.js';
import { runPhold } from '../src/runner/phold-bench.js';
import { det, expo, fixtureConfig, group, serviceMap } from '../test/model/control/fixture-config.js';

interface BenchResult {
  name: string;
  wall_s: number;
  /** Process CPU time (user + system): less sensitive than wall time to other load on the machine. */
  cpu_s: number;
  events: number;
  events_per_s: number;
  metrics: Record<string, number | string>;
}

function run(name: string, config: ModelConfig, warmupNs: number, durationNs: number): BenchResult {
  const sim = new Simulator(1 << 16);
  const ctx: ModelContext = {
    sim,
    streams: new StreamFactory(1, 0),
    config,
    instances: new InstanceTable(config.workload.groups.map((g) => g.count)),
    hostCpu: new HostCpuMeter(),
    warn: (m) => console.warn(`  warning: ${m}`),
  };
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const plane = new ControlPlane(ctx, { activate: () => {}, deactivate: () => {} });
  plane.start();
  const reset = sim.handler('bench/warmup-end', () => plane.resetStats(sim.now));
  sim.scheduleAt(warmupNs, reset, 0, Priority.LATE);
  sim.run({ until: warmupNs + durationNs });
  const metrics: Record<string, number | string> = {};
  const sink: MetricSink = {
    set: (m, v) => {
      metrics[m] = v;
    },
    setGroup: () => {},
  };
  plane.collect(sink, durationNs);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const events = sim.eventsProcessed;
  return { name, wall_s: wall, cpu_s: cpuS, events, events_per_s: events / wall, metrics };
}

/**
 * 100,000 creations at t = 0 over the asynchronous admin queue, split into 4 tenants on 4 admin
 * queues of 32,768 entries (the virtio maximum queue size, facts.md §1) so that every command
 * finds room: no EAGAIN. `eagain` instead keeps one 32-deep queue (NVMe practice, facts.md §6):
 * ~100,000 submitters then retry with uncapped exponential backoff.
 */
function provisioning100k(eagain = false): ModelConfig {
  const n = 100_000;
  const config = fixtureConfig(n);
  config.provisioning.start = 'burst';
  config.strategy.transport = 'admin-vq';
  config.strategy.provisioning = 'admin-vq';
  config.adminq = {
    ...config.adminq,
    mode: 'async',
    queues: eagain ? 1 : 4,
    depth: eagain ? 32 : 32_768,
    workers: 16,
    policy: 'drr',
    weights: eagain ? [1] : [1, 1, 1, 1],
    deviceInflightLimit: eagain ? 1024 : 4 * 32_768,
    service: serviceMap(expo(20_000)),
    retryBackoffNs: 10_000,
    retryBackoffFactor: 2,
  };
  const tenants = eagain ? 1 : 4;
  config.workload.groups = Array.from({ length: tenants }, (_, t) =>
    group(`t${t}`, n / tenants, { adminQueue: t }),
  );
  return config;
}

function qos10kTenants(): ModelConfig {
  const tenants = 10_000;
  const perTenant = 10;
  const config = fixtureConfig(tenants * perTenant);
  config.strategy.cvq = 'software';
  config.adminq = {
    ...config.adminq,
    queues: 8,
    depth: 256,
    workers: 16,
    policy: 'drr',
    weights: [8, 4, 4, 2, 2, 1, 1, 1],
    quantum: 1,
    service: serviceMap(expo(20_000)),
    deviceInflightLimit: 2048,
  };
  config.host.swCvqDecode = det(2000);
  config.workload.groups = Array.from({ length: tenants }, (_, t) =>
    group(`t${t}`, perTenant, {
      adminQueue: t % 8,
      control: {
        // 50 ops/s per instance → 5 M ops/s offered in total would swamp 16 workers; 5/s per
        // instance (500 k ops/s ≈ 0.6 M commands/s) keeps the device near 75 % busy.
        rate: 5,
        ops: { 'config-read': 4, 'mac-set': 1, 'mq-set': 1, 'status-read': 2 },
        limit: t % 4 === 0 ? { rate: 40, burst: 8 } : undefined,
      },
    }),
  );
  return config;
}

// The engine alone on the same machine at the same time (PHOLD, as `vdpascale bench`): a yardstick
// for the figures below when the machine is shared.
const phold = runPhold({ lps: 10_000, epl: 1, untilUs: 1000, seed: 1 });
console.log(`engine PHOLD (10k LPs): ${(phold.events_per_s / 1e6).toFixed(2)} M events/s wall`);

const results = [
  run('provision 100k instances, async admin-vq (4 queues x 32768)', provisioning100k(), 0, 60_000_000_000),
  run(
    'provision 100k instances, async admin-vq (1 queue x 32, EAGAIN)',
    provisioning100k(true),
    0,
    60_000_000_000,
  ),
  run('10k-tenant admin-queue QoS (drr + token buckets)', qos10kTenants(), 50_000_000, 1_000_000_000),
];
for (const r of results) {
  const m = r.metrics;
  console.log(
    `${r.name}
  wall ${r.wall_s.toFixed(2)} s (cpu ${r.cpu_s.toFixed(2)} s), ${r.events.toLocaleString('en-US')} events, ` +
      `${(r.events_per_s / 1e6).toFixed(2)} M events/s wall, ${(r.events / r.cpu_s / 1e6).toFixed(2)} M events/cpu-s
  instances_ready ${m.instances_ready}, provision_makespan_ms ${Number(m.provision_makespan_ms).toFixed(1)}, ` +
      `ctrl_ops_per_s ${Number(m.ctrl_ops_per_s).toFixed(0)}, adminq_util ${Number(m.adminq_util).toFixed(3)}, ` +
      `adminq_retries_per_s ${Number(m.adminq_retries_per_s).toFixed(0)}, adminq_fairness_jain ${Number(m.adminq_fairness_jain).toFixed(4)}`,
  );
}
