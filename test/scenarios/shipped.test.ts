/**
 * Every scenario shipped under `scenarios/` (recursively; the JSON Schema aside) loads and
 * validates as written, and runs in a shrunk form (every shipped scenario also runs, shrunk,
 * as a test; `shrink.ts` says how). The first and the last sweep point then run through
 * `runOne`, and their output must carry the run metrics. New scenario files are picked up
 * without editing this test.
 */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOTTLENECK_COLUMN, LIMIT_RESOURCE_COLUMN, METRICS } from '../../src/model/metrics.js';
import { runOne } from '../../src/runner/run-one.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { arrivalsPerS, ends, loadShrunk, SCENARIOS, scenarioFiles } from './shrink.js';

const files = scenarioFiles();

describe('shipped scenarios', () => {
  it('finds the scenario files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const name = relative(SCENARIOS, file);
    it(`${name} validates and runs shrunk`, async () => {
      const full = await loadScenario(file);
      expect(full.points.length).toBeGreaterThan(0);

      const { shrunk, windowMs: ms } = await loadShrunk(file);
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
          expect([...METRICS, LIMIT_RESOURCE_COLUMN, BOTTLENECK_COLUMN], where).toContain(key);
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
        // Every run names what binds it (or nothing, when idle) among the resources it reports.
        const bottleneck = out.metrics[BOTTLENECK_COLUMN];
        expect(typeof bottleneck, where).toBe('string');
        const named = [
          ...(out.resources ?? []).map((r) => r.resource),
          out.metrics[LIMIT_RESOURCE_COLUMN],
          '',
        ];
        expect(named, where).toContain(bottleneck);
        // An idle point (no traffic, control, churn or burst: base.yaml) may have no events.
        if (arrivalsPerS(point.config) > 0) expect(out.metrics.events as number, where).toBeGreaterThan(0);
        else expect(out.metrics.events as number, where).toBeGreaterThanOrEqual(0);
        expect(out.metrics.sim_time_ms, where).toBe(ms);
        expect(out.fingerprint, where).toMatch(/\S/);
      }
    });
  }
});
