/**
 * A deterministic stand-in for the model (a worker module: default export = RunTaskFn).
 * `offered_pps` depends only on (seed, replication) — common random numbers — while the
 * other metrics also depend on the point's fake config.
 */
import { appendFileSync } from 'node:fs';
import type { RunSpec } from '../../src/model/config.js';
import { GROUP_METRICS, METRICS } from '../../src/model/metrics.js';
import type { RunOutput } from '../../src/model/system.js';
import { timedTask } from '../../src/runner/run-task.js';
import { hash53, hash53Hex } from '../../src/util/hash.js';
import type { FakeConfig } from './fake-scenario.js';

const unit = (text: string) => hash53(text) / 2 ** 53;

export function fakeRun(spec: RunSpec): RunOutput {
  const cfg = (spec.config as unknown as { fake: FakeConfig }).fake;
  const point = `${cfg.strategy}|${cfg.load}|${cfg.instances}`;
  // FAKE_FAIL='load:replication' makes that run throw (an environment variable, so that the
  // scenario hash, and with it --resume, is unaffected: a "fixed model" can resume).
  if (process.env.FAKE_FAIL === `${cfg.load}:${spec.replication}`) {
    throw new Error(`fake model failure at load ${cfg.load}, replication ${spec.replication}`);
  }
  // FAKE_SPIN_MS (environment, like FAKE_FAIL: the scenario hash stays) slows every run, for
  // the signal tests; FAKE_START_LOG names a file that gets one line per run that starts.
  const spinMs = cfg.spinMs || Number(process.env.FAKE_SPIN_MS ?? 0);
  if (process.env.FAKE_START_LOG)
    appendFileSync(process.env.FAKE_START_LOG, `start ${point} ${spec.replication}\n`);
  if (spinMs > 0) {
    const until = performance.now() + spinMs;
    while (performance.now() < until) {
      // busy: a CPU-bound run
    }
  }
  const crn = `${spec.seed}|${spec.replication}`;
  const offered = 1000 + Math.floor(unit(`${crn}|offered`) * 1000) / 7;
  const metrics: Record<string, number | string> = {};
  METRICS.forEach((m, i) => {
    metrics[m] = unit(`${crn}|${point}|${m}`) * 10 ** (i % 7) * cfg.load;
  });
  metrics.offered_pps = offered;
  metrics.throughput_pps = offered * (cfg.strategy === 'a' ? 0.9 : 0.8);
  metrics.drop_rate = cfg.load === 0 ? Number.NaN : 0.1 / cfg.load;
  metrics.instances_rejected = Math.max(0, cfg.instances - 512);
  metrics.instances_ready = Math.min(cfg.instances, 512);
  metrics.vectors_used = 4 * Math.min(cfg.instances, 512);
  if (cfg.inf) metrics.vector_sharers_max = Number.POSITIVE_INFINITY;
  metrics.limit_resource = cfg.instances > 512 ? 'msix-vectors' : '';
  const groups: RunOutput['groups'] = [];
  for (const group of ['victim', 'noisy, "quoted"']) {
    for (const metric of GROUP_METRICS.slice(0, 4)) {
      groups.push({ group, metric, value: unit(`${crn}|${point}|${group}|${metric}`) });
    }
  }
  return {
    metrics,
    groups,
    fingerprint: hash53Hex(JSON.stringify([metrics, groups])),
    streamNames: ['workload/victim/arrivals', `strategy/${cfg.strategy}`],
    warnings: cfg.strategy === 'b' ? ['strategy b ignores adminq.weights'] : [],
  };
}

export default timedTask(fakeRun);
