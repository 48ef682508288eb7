/**
 * Bottleneck attribution on whole runs (model/system.ts): each saturated resource is named as
 * the binding one, an admission-bound run names the exhausted limit, and a resource's reported
 * utilisation is the offered load over its capacity, ρ = λ / (c μ), within the replications'
 * 95% confidence interval (the tolerance is that interval: |x̄ − ρ| ≤ t_{0.975,R−1} · s/√R, as
 * in test/engine/queueing-validation.test.ts; nothing is chosen).
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../src/model/config.js';
import type { RunOutput } from '../../src/model/system.js';
import { runOne } from '../../src/runner/run-one.js';
import { summarize } from '../../src/stats/confidence.js';
import { fixtureConfig as controlFixture, expo, group, serviceMap } from './control/fixture-config.js';
import { mmcWait } from './control/queueing-theory.js';
import { fixtureConfig } from './data-path/fixture-config.js';

const SEED = 1;
const REPLICATIONS = 8;

function run(config: ModelConfig, durationNs: number, replication = 0, warmupNs = 1e6): RunOutput {
  return runOne({ config, seed: SEED, replication, warmupNs, durationNs });
}

function use(out: RunOutput, resource: string) {
  const row = out.resources?.find((r) => r.resource === resource);
  if (row === undefined)
    throw new Error(`no resource ${resource} in ${out.resources?.map((r) => r.resource)}`);
  return row;
}

/**
 * `instances` instances × `ratePps` Poisson packets of 1500 B on `engines` engines whose serial
 * work is exactly 100 + 0.28 × 1500 = 520 ns (the 500 ns DMA reads overlap it: 32 tags per
 * engine hide them, 32 / 500 ns ≫ 1 / 520 ns) and no translation stall (every IOTLB miss costs
 * 0), so E[S] is known exactly.
 */
function dataPath(instances: number, ratePps: number, engines: number): ModelConfig {
  const c = fixtureConfig();
  c.instances = instances;
  c.strategy.isolation = 'none';
  c.iommu.missPenalty = 0;
  c.device.engines = engines;
  const g = c.workload.groups[0];
  if (g === undefined) throw new Error('fixture');
  g.count = instances;
  g.traffic.ratePps = ratePps;
  return c;
}
const SERVICE_NS = 100 + 0.28 * 1500;

describe('bottleneck attribution', () => {
  it('utilisation of the data-path engines is ρ = λ / (c μ) within the CI', () => {
    // 20 × 461.5 kpps = 9.23 Mpps on 8 engines × 520 ns: ρ = 0.6.
    const engines = 8;
    const lambdaPerNs = (20 * 461_500) / 1e9;
    const rho = (lambdaPerNs * SERVICE_NS) / engines;
    const runs = Array.from({ length: REPLICATIONS }, (_, r) => run(dataPath(20, 461_500, engines), 10e6, r));
    expect(runs.every((o) => o.metrics.translation_ns_per_packet === 0)).toBe(true);
    const s = summarize(runs.map((o) => use(o, 'data-engines').utilisation));
    const detail = `data-engines: ${s.mean.toFixed(4)} ± ${s.ci95Half.toFixed(4)} (95% CI, n=${s.n}), ρ ${rho.toFixed(4)}`;
    expect(Math.abs(s.mean - rho), detail).toBeLessThanOrEqual(s.ci95Half);
    // The engine_util metric is the same level, so the two agree exactly.
    for (const o of runs)
      expect(use(o, 'data-engines').utilisation).toBeCloseTo(o.metrics.engine_util as number, 12);
    // Below saturation nothing binds hard: the engines are the busiest resource, at ρ.
    expect(runs[0]?.metrics.bottleneck).toBe('data-engines');
  });

  it('an engine-saturated data path names the engines, busy all the time', () => {
    // 10× the engines' capacity: 20 × 7.69 Mpps against 8 / 520 ns = 15.4 Mpps.
    const out = run(dataPath(20, 7_690_000, 8), 2e6);
    expect(out.metrics.bottleneck).toBe('data-engines');
    // Saturated from the first microseconds: idle only if the ready FIFO ever ran empty.
    expect(out.metrics.bottleneck_util).toBeGreaterThan(0.999);
    expect(use(out, 'data-engines').queueMean).toBeGreaterThan(1);
    expect(out.metrics.limit_resource).toBe('');
  });

  it('a saturated invalidation queue (strict unmaps) is named, not the idle engines', () => {
    // Strict dynamic mappings: every handled packet's unmap is one submission of an IOTLB and a
    // wait descriptor, 2 × 357 ns on the fixture's one IOMMU unit (1.4 M/s), against
    // 40 × 100 kpps = 4 M unmaps/s offered; each of the 80 queues' submitters spins for the
    // 10 µs completion latency, so together they could issue 8 M/s: the unit binds.
    const c = dataPath(40, 100_000, 8);
    c.iommu.mappings = 'dynamic';
    c.iommu.invalidation = 'strict';
    const out = run(c, 20e6);
    expect(out.metrics.bottleneck).toBe('invalidation-queue');
    expect(use(out, 'invalidation-queue').utilisation).toBeGreaterThan(0.99);
    // The engines carry only what the unit lets through (a submission may flush several
    // buffers of one handling pass): far from saturated.
    expect(use(out, 'data-engines').utilisation).toBeLessThan(0.5);
  });

  it('polling cores that cannot keep up are named as the host cores', () => {
    // 400 instances × 2 rings × 100 ns per ring on 4 cores = 20 µs per pass > the 10 µs interval.
    const c = dataPath(400, 100, 8);
    c.strategy.interrupts = 'polling';
    const out = run(c, 2e6);
    expect(out.metrics.bottleneck).toBe('host-cores');
    expect(use(out, 'host-cores').utilisation).toBeCloseTo(1, 6);
    expect(out.resources?.some((r) => r.resource === 'interrupt-handlers')).toBe(false);
  });

  it('an admission-bound run names the exhausted limit and how full it is', () => {
    // admin-vq with a hardware CVQ: 4 vectors per instance (RX, TX, CVQ, config), 2048 in the
    // table ⇒ 512 instances fit; 600 are requested.
    const c = dataPath(600, 0, 8);
    const out = run(c, 1e6);
    expect(out.metrics.limit_resource).toBe('msix-vectors');
    expect(out.metrics.bottleneck).toBe('msix-vectors');
    expect(out.metrics.instances_ready).toBe(512);
    expect(out.metrics.bottleneck_util).toBe(1); // 512 × 4 = 2048 of 2048 vectors
  });

  it('an idle run names nothing', () => {
    const out = run(dataPath(4, 0, 8), 1e6);
    expect(out.metrics.bottleneck).toBe('');
    expect(out.metrics.bottleneck_util).toBeUndefined();
  });
});

describe('bottleneck attribution in the control plane', () => {
  const US = 1e-6;
  /** `instances` instances issuing config reads (one CONFIG admin command each) over admin-vq. */
  function adminq(instances: number, perSecond: number, workers: number, depth: number): ModelConfig {
    const c = controlFixture(instances);
    c.adminq.workers = workers;
    c.adminq.depth = depth;
    c.adminq.deviceInflightLimit = Number.POSITIVE_INFINITY;
    c.adminq.submit = 0;
    // Host vectors for all 10,000 instances (64 × 200 admit 3,200): this measures the admin queue.
    c.limits.vectorsPerCpu = 1_000;
    c.adminq.service = serviceMap(expo(20_000));
    c.workload.groups = [
      group('t', instances, {
        control: { rate: perSecond / instances, ops: { 'config-read': 1 }, limit: undefined },
      }),
    ];
    return c;
  }

  it("admin-queue workers: utilisation ρ = λ/(cμ), and the queue's wait by Little's law = Erlang C", () => {
    // 4 workers × 20 µs exponential, λ = 0.7 × 4 / 20 µs = 140 000 commands/s: M/M/4 at ρ = 0.7.
    const mu = 1 / (20 * US);
    const lambda = 0.7 * 4 * mu;
    const runs = Array.from({ length: REPLICATIONS }, (_, r) =>
      run(adminq(10_000, lambda, 4, Number.POSITIVE_INFINITY), 200e6, r, 20e6),
    );
    const util = summarize(runs.map((o) => use(o, 'adminq-workers').utilisation));
    const detail = `adminq-workers: ${util.mean.toFixed(4)} ± ${util.ci95Half.toFixed(4)} (95% CI), ρ 0.7`;
    expect(Math.abs(util.mean - 0.7), detail).toBeLessThanOrEqual(util.ci95Half);
    // The workers' queue holds commands posted and not yet fetched: its wait is M/M/4's Wq.
    const theoryUs = mmcWait(4, lambda, mu) / US; // ≈ 7.14 µs
    const wait = summarize(runs.map((o) => use(o, 'adminq-workers').waitMeanUs));
    const waitDetail = `wait ${wait.mean.toFixed(3)} ± ${wait.ci95Half.toFixed(3)} µs, Erlang C ${theoryUs.toFixed(3)} µs`;
    expect(Math.abs(wait.mean - theoryUs), waitDetail).toBeLessThanOrEqual(wait.ci95Half);
  });

  it('a saturated admin queue names its workers, with its full ring beside them (not instead)', () => {
    // 10× the workers' 200 000 commands/s; the 32-entry ring stays full, submitters wait for it.
    const out = run(adminq(10_000, 2_000_000, 4, 32), 20e6, 0, 5e6);
    expect(out.metrics.bottleneck).toBe('adminq-workers');
    expect(out.metrics.bottleneck_util).toBeGreaterThan(0.999);
    const ring = use(out, 'adminq-queue-0');
    expect(ring.utilisation).toBeGreaterThan(0.999); // 32 of 32 entries held
    expect(ring.queueMean).toBeGreaterThan(1); // submitters waiting for an entry
  });

  it('the one global vDPA management lock binds netlink provisioning', () => {
    // A burst of 200 creations over netlink: each holds vdpa_dev_lock for its whole sequence.
    const c = controlFixture(200);
    c.strategy.transport = 'managed-cap';
    c.strategy.provisioning = 'netlink';
    c.provisioning.start = 'burst';
    const out = run(c, 50e6, 0, 0);
    expect(out.metrics.bottleneck).toBe('netlink-lock');
    expect(use(out, 'netlink-lock').queueMean).toBeGreaterThan(1);
  });
});
