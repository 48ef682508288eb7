/**
 * Every scenario shipped under `scenarios/` (recursively; the JSON Schema aside) loads and
 * validates as written, and runs in a shrunk form (architecture.md principle 10: "every shipped
 * scenario also runs, shrunk, as a test"). Shrinking goes through the same `--set` overrides a
 * user has: no warm-up, one replication, at most 8 instances (a `--set` on a swept key replaces
 * that sweep dimension, so `instances=8` also pins a swept instance count) and a short window:
 * 200 µs, or longer for light scenarios (control traffic at a few per second per instance) until
 * ≈ 20 arrivals are expected, so that the run has events to count. The first and the last sweep
 * point then run through `runOne`, and their output must carry the run metrics. New scenario
 * files are picked up without editing this test.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../src/model/config.js';
import { LIMIT_RESOURCE_COLUMN, METRICS } from '../../src/model/metrics.js';
import { runOne } from '../../src/runner/run-one.js';
import { loadScenario, type ResolvedScenario } from '../../src/scenario/load-scenario.js';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const MAX_INSTANCES = 8;
/** Candidate windows (ms), shortest first; the first with ≈ MIN_ARRIVALS expected is used. */
const WINDOWS_MS = [0.2, 2, 20, 200];
const MIN_ARRIVALS = 20;

/** Scenario files under `dir`, recursively, in a stable order. */
function scenarioFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return scenarioFiles(path);
      return e.name.endsWith('.yaml') || e.name.endsWith('.yml') ? [path] : [];
    })
    .sort();
}

/** True when some workload group is sized by `count`: those must sum to `instances`, so it stays. */
function sizedByCount(document: Record<string, unknown>): boolean {
  const workload = document.workload as { groups?: Array<Record<string, unknown>> } | undefined;
  return (workload?.groups ?? []).some((g) => g.count !== undefined);
}

/** The `--set` overrides that shrink a study, window aside. */
function shrinkSets(full: ResolvedScenario): string[] {
  const sets = ['warmup=0s', 'replications=1'];
  const tooMany = full.points.some((p) => p.config.instances > MAX_INSTANCES);
  if (tooMany && !sizedByCount(full.document)) sets.push(`instances=${MAX_INSTANCES}`);
  return sets;
}

/**
 * Packets, control operations and churn events per second a point generates (rates are per
 * instance); Infinity for a provisioning burst, which has work at time zero. 0 = an idle point.
 */
function arrivalsPerS(c: ModelConfig): number {
  if (c.provisioning.start === 'burst') return Number.POSITIVE_INFINITY;
  const churn = c.provisioning.churnCreateRate + c.provisioning.churnDestroyRate;
  return c.workload.groups.reduce((sum, g) => sum + g.count * (g.traffic.ratePps + g.control.rate), churn);
}

/** The first (first, last) sweep points. */
function ends(s: ResolvedScenario) {
  const first = s.points[0];
  const last = s.points[s.points.length - 1];
  if (first === undefined || last === undefined) throw new Error(`${s.name}: no sweep point`);
  return first === last ? [first] : [first, last];
}

/** The shortest window in which every non-idle end point expects MIN_ARRIVALS arrivals. */
function windowMs(s: ResolvedScenario): number {
  const rates = ends(s)
    .map((p) => arrivalsPerS(p.config))
    .filter((r) => r > 0);
  const slowest = Math.min(...rates);
  const fit = WINDOWS_MS.find((ms) => slowest * ms * 1e-3 >= MIN_ARRIVALS);
  return fit ?? (WINDOWS_MS[WINDOWS_MS.length - 1] as number);
}

const files = scenarioFiles(SCENARIOS);

describe('shipped scenarios', () => {
  it('finds the scenario files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const name = relative(SCENARIOS, file);
    it(`${name} validates and runs shrunk`, async () => {
      const full = await loadScenario(file);
      expect(full.points.length).toBeGreaterThan(0);

      const sets = shrinkSets(full);
      const probe = await loadScenario(file, { sets: [...sets, `duration=${WINDOWS_MS[0]}ms`] });
      const ms = windowMs(probe);
      const shrunk = await loadScenario(file, { sets: [...sets, `duration=${ms}ms`] });
      expect(shrunk.replications).toBe(1);
      expect(shrunk.warmupNs).toBe(0);
      expect(shrunk.durationNs).toBe(ms * 1e6);
      for (const point of ends(shrunk)) {
        const out = runOne({
          config: point.config,
          seed: shrunk.seed,
          replication: 0,
          warmupNs: shrunk.warmupNs,
          durationNs: shrunk.durationNs,
        });
        const where = `${name} point ${point.id}`;
        // Every metric a run writes is a declared column; the run bookkeeping is always there.
        for (const key of Object.keys(out.metrics)) {
          expect([...METRICS, LIMIT_RESOURCE_COLUMN], where).toContain(key);
        }
        for (const key of [
          'events',
          'sim_time_ms',
          'host_cpu_util',
          'instances_ready',
          'instances_rejected',
        ]) {
          expect(typeof out.metrics[key], `${where}: ${key}`).toBe('number');
        }
        expect(typeof out.metrics[LIMIT_RESOURCE_COLUMN], where).toBe('string');
        // An idle point (no traffic, control, churn or burst: base.yaml) may have no events.
        if (arrivalsPerS(point.config) > 0) expect(out.metrics.events as number, where).toBeGreaterThan(0);
        else expect(out.metrics.events as number, where).toBeGreaterThanOrEqual(0);
        expect(out.metrics.sim_time_ms, where).toBe(ms);
        expect(out.fingerprint, where).toMatch(/\S/);
      }
    });
  }
});
