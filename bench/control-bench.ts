/**
 * Control-plane benchmarks (wall-clock; never run as tests). `npx tsx bench/control-bench.ts`
 *
 * Every configuration is the shipped defaults — platform profile, vp_vdpa parent — resolved as
 * `vdpascale run` resolves a scenario, plus only what the scenario studies:
 * 1. A burst of N creations over the admin queue (admin-vq transport and CREATE; the platform's
 *    one 32-entry ring, 16 workers, 10 orchestrator callers): every instance ready, < 30 s wall
 *    at N = 100,000; events per instance at 1K, 10K, 100K (flat). Then the same bursts with
 *    every creation requested at once (concurrency = N): the ring stays full and up to N
 *    submitters wait for an entry — still O(1) events per command.
 * 2. The saturated two-tenant DRR case (2 workers, deterministic 100 µs, weights 3 : 1, each
 *    tenant offering 5× the device), 0.2 s and 2 s simulated: < 10 s wall at 2 s; the shares,
 *    and events per completed command as the backlog grows 10×.
 * 3. A 10,000-tenant QoS scenario (8 queues under DRR, a quarter of the tenants token-bucket
 *    limited, software CVQ, the device ≈ 75 % busy): ≥ 1 M model events per second.
 */
import { Priority } from '../src/engine/priority.js';
import { Simulator } from '../src/engine/simulator.js';
import type { ModelConfig } from '../src/model/config.js';
import { ControlPlane } from '../src/model/control/control-plane.js';
import { makeModelContext } from '../src/model/model-context.js';
import type { MetricSink } from '../src/model/ports.js';
import { StreamFactory } from '../src/random/stream-factory.js';
import { runPhold } from '../src/runner/phold-bench.js';
import { resolveConfig, scenarioSchema } from '../src/scenario/index.js';
import { chooseStrategies } from '../src/strategies/catalogue.js';

interface BenchResult {
  wall_s: number;
  /** Process CPU time (user + system): less sensitive than wall time to other load on the machine. */
  cpu_s: number;
  events: number;
  metrics: Record<string, number | string>;
  groups: Record<string, Record<string, number>>;
}

/** The shipped defaults plus a scenario fragment, written as in a YAML file. */
function platform(fragment: Record<string, unknown>): ModelConfig {
  return resolveConfig(scenarioSchema.parse({ name: 'bench', duration: '1s', ...fragment }));
}

function run(config: ModelConfig, warmupNs: number, durationNs: number): BenchResult {
  const sim = new Simulator(1 << 16);
  const ctx = makeModelContext(sim, new StreamFactory(1, 0), config, (m) => console.warn(`  warning: ${m}`));
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const plane = new ControlPlane(ctx, { activate: () => {}, deactivate: () => {} }, chooseStrategies(config));
  plane.start();
  const reset = sim.handler('bench/warmup-end', () => plane.resetStats(sim.now));
  sim.scheduleAt(warmupNs, reset, 0, Priority.LATE);
  sim.run({ until: warmupNs + durationNs });
  const metrics: Record<string, number | string> = {};
  const groups: Record<string, Record<string, number>> = {};
  const sink: MetricSink = {
    set: (m, v) => {
      metrics[m] = v;
    },
    setGroup: (g, m, v) => {
      groups[g] ??= {};
      (groups[g] as Record<string, number>)[m] = v;
    },
  };
  plane.collect(sink, durationNs);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { wall_s: wall, cpu_s: (cpu.user + cpu.system) / 1e6, events: sim.eventsProcessed, metrics, groups };
}

const fmt = (x: number, digits = 2) => x.toLocaleString('en-US', { maximumFractionDigits: digits });
const timing = (r: BenchResult) =>
  `wall ${r.wall_s.toFixed(2)} s (cpu ${r.cpu_s.toFixed(2)} s), ${fmt(r.events, 0)} events, ` +
  `${(r.events / r.wall_s / 1e6).toFixed(2)} M events/s wall`;

/** N creations at t = 0 through the platform's admin queue, as in scenarios/scale-transports.yaml. */
function burst(n: number, concurrency?: number): ModelConfig {
  return platform({
    instances: n,
    limits: { hwVqs: 1048576 },
    strategy: {
      transport: 'admin-vq',
      provisioning: 'admin-vq',
      cvq: 'hardware',
      isolation: 'none',
      interrupts: 'shared',
    },
    provisioning: { start: 'burst', ...(concurrency === undefined ? {} : { concurrency }) },
  });
}

function benchBursts(): void {
  for (const everyone of [false, true]) {
    console.log(
      everyone
        ? 'burst over admin-vq, every creation requested at once (provisioning.concurrency = N: the ring stays full)'
        : 'burst over admin-vq, platform defaults (one 32-entry ring, 16 workers, provisioning.concurrency 10)',
    );
    for (const n of [1000, 10_000, 100_000]) {
      const r = run(burst(n, everyone ? n : undefined), 0, 10_000_000_000_000);
      const m = r.metrics;
      console.log(
        `  N = ${fmt(n, 0)}: instances_ready ${m.instances_ready}, makespan ${fmt(Number(m.provision_makespan_ms) / 1000, 1)} s ` +
          `simulated, ${(r.events / n).toFixed(1)} events per instance; ${timing(r)}; adminq_retries ${m.adminq_retries_per_s}`,
      );
    }
  }
}

/** The saturated case: two tenants of 100 instances, 1000 config reads/s each instance. */
function twoTenantDrr(): ModelConfig {
  return platform({
    instances: 200,
    strategy: { transport: 'admin-vq', provisioning: 'admin-vq', isolation: 'none', interrupts: 'shared' },
    adminq: {
      queues: 2,
      workers: 2,
      policy: 'drr',
      weights: [3, 1],
      service: { dist: 'deterministic', value: '100us' },
    },
    workload: {
      groups: ['a', 'b'].map((name, q) => ({
        name,
        count: 100,
        adminQueue: q,
        control: { rate: '1000/s', ops: { 'config-read': 1 } },
      })),
    },
  });
}

function benchDrr(): void {
  console.log('saturated two-tenant DRR 3:1 (2 workers, 100 µs, each tenant offering 5x the device)');
  for (const seconds of [0.2, 2]) {
    const r = run(twoTenantDrr(), 0, seconds * 1e9);
    const a = r.groups.a?.ctrl_ops_per_s ?? Number.NaN;
    const b = r.groups.b?.ctrl_ops_per_s ?? Number.NaN;
    const done = (Number(r.metrics.ctrl_ops_per_s) * seconds) | 0;
    console.log(
      `  ${seconds} s simulated: a ${fmt(a, 1)}/s, b ${fmt(b, 1)}/s (ratio ${(a / b).toFixed(3)}), ` +
        `${(r.events / done).toFixed(2)} events per completed command, backlog max ${fmt(Number(r.metrics.ctrl_backlog_max), 0)}; ${timing(r)}`,
    );
  }
}

/**
 * 10,000 tenants of 10 instances. Scenario files stop at 4096 groups, so one tenant is resolved
 * from the platform defaults and cloned; only names, queues and limits differ.
 */
function qos10kTenants(): ModelConfig {
  const tenants = 10_000;
  const perTenant = 10;
  const config = platform({
    instances: tenants * perTenant,
    // A device sized for 100K instances (as scenarios/scale-transports.yaml): every one admitted.
    limits: { hwVqs: 1048576 },
    strategy: {
      transport: 'admin-vq',
      provisioning: 'admin-vq',
      cvq: 'software',
      isolation: 'none',
      interrupts: 'shared',
    },
    adminq: { queues: 8, policy: 'drr', weights: [8, 4, 4, 2, 2, 1, 1, 1] },
    workload: {
      groups: [
        {
          name: 't',
          count: tenants * perTenant,
          // An op costs the device ≈ 300 µs on average (4 × 20 µs reads, a 20 µs MAC set, two
          // 50 µs status reads and an MQ set of two 1.1 ms VQ enables, per 8 ops): 16 workers
          // serve ≈ 53 k ops/s. 0.4 ops/s per instance (40 k ops/s) keeps them ≈ 75 % busy.
          control: { rate: '0.4/s', ops: { 'config-read': 4, 'mac-set': 1, 'mq-set': 1, 'status-read': 2 } },
        },
      ],
    },
  });
  const template = config.workload.groups[0] as ModelConfig['workload']['groups'][number];
  config.workload.groups = Array.from({ length: tenants }, (_, t) => ({
    ...template,
    name: `t${t}`,
    count: perTenant,
    adminQueue: t % 8,
    // A quarter of the tenants are held to 3 commands/s (they offer ≈ 4.5).
    control: { ...template.control, limit: t % 4 === 0 ? { rate: 3, burst: 8 } : undefined },
  }));
  return config;
}

function benchQos(): void {
  const r = run(qos10kTenants(), 50_000_000, 10_000_000_000);
  const m = r.metrics;
  console.log(
    `10k-tenant admin-queue QoS (drr + token buckets, software CVQ): ${timing(r)}, ${(r.events / r.cpu_s / 1e6).toFixed(2)} M events/cpu-s\n` +
      `  ctrl_ops_per_s ${fmt(Number(m.ctrl_ops_per_s), 0)}, adminq_util ${Number(m.adminq_util).toFixed(3)}, ` +
      `ctrl_backlog_mean ${fmt(Number(m.ctrl_backlog_mean), 0)}, adminq_fairness_jain ${Number(m.adminq_fairness_jain).toFixed(4)}`,
  );
}

// The engine alone on the same machine at the same time (PHOLD, as `vdpascale bench`): a yardstick
// for the figures below when the machine is shared.
const phold = runPhold({ lps: 10_000, epl: 1, untilUs: 1000, seed: 1 });
console.log(`engine PHOLD (10k LPs): ${(phold.events_per_s / 1e6).toFixed(2)} M events/s wall`);
benchBursts();
benchDrr();
benchQos();
