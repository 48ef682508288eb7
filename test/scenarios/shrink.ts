/**
 * The shrunk form of a shipped scenario, shared by the shipped-scenario test and the model
 * fingerprints. Shrinking goes through the same `--set` overrides a user has: no warm-up, one
 * replication, at most N instances (a `--set` on a swept key replaces that sweep dimension, so
 * `instances=N` also pins a swept instance count) and a short window: 200 µs, or longer for
 * light scenarios (control traffic at a few per second per instance) until ≈ M arrivals are
 * expected, so that the run has events to count. The smoke size is N = 8, M = 20.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelConfig } from '../../src/model/config.js';
import { loadScenario, type ResolvedScenario } from '../../src/scenario/load-scenario.js';

export const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));
/** Candidate windows (ms), shortest first; the first with ≈ `minArrivals` expected is used. */
export const WINDOWS_MS = [0.2, 2, 20, 200];

/** How far to shrink: the shipped-scenario test's size unless told. */
export interface ShrinkSize {
  maxInstances: number;
  minArrivals: number;
}
export const SMOKE: ShrinkSize = { maxInstances: 8, minArrivals: 20 };

/** Scenario files under `dir`, recursively, in a stable order. */
export function scenarioFiles(dir: string = SCENARIOS): string[] {
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
function shrinkSets(full: ResolvedScenario, size: ShrinkSize): string[] {
  const sets = ['warmup=0s', 'replications=1'];
  const tooMany = full.points.some((p) => p.config.instances > size.maxInstances);
  if (tooMany && !sizedByCount(full.document)) sets.push(`instances=${size.maxInstances}`);
  return sets;
}

/**
 * Packets, block requests, control operations and churn events per second a point generates
 * (rates are per instance); Infinity for a provisioning burst, which has work at time zero.
 * 0 = an idle point.
 */
export function arrivalsPerS(c: ModelConfig): number {
  if (c.provisioning.start === 'burst') return Number.POSITIVE_INFINITY;
  const churn = c.provisioning.churn.create + c.provisioning.churn.destroy;
  // A DMA group's requesters issue up to `outstanding` requests per DMA round trip each.
  const dmaPerS = (g: ModelConfig['workload']['groups'][number]) =>
    g.dma === undefined ? 0 : (g.dma.outstanding * 1e9) / Math.max(1, c.device.dmaRead);
  // A blk group offers io.rate requests per second; a closed loop keeps iodepth outstanding,
  // counted as completing once per µs each (the order of a memory backend's service time).
  const blkPerS = (g: ModelConfig['workload']['groups'][number]) =>
    g.device !== 'blk' ? 0 : g.io.rate + g.io.iodepth * 1e6;
  return c.workload.groups.reduce(
    (sum, g) => sum + g.count * (g.traffic.ratePps + g.control.rate + dmaPerS(g) + blkPerS(g)),
    churn,
  );
}

/** The first and the last sweep point (one point when the sweep has one). */
export function ends(s: ResolvedScenario) {
  const first = s.points[0];
  const last = s.points[s.points.length - 1];
  if (first === undefined || last === undefined) throw new Error(`${s.name}: no sweep point`);
  return first === last ? [first] : [first, last];
}

/** The shortest candidate window in which `perS` arrivals per second give `minArrivals`. */
export function windowForRate(perS: number, minArrivals: number): number {
  const fit = WINDOWS_MS.find((ms) => perS * ms * 1e-3 >= minArrivals);
  return fit ?? (WINDOWS_MS[WINDOWS_MS.length - 1] as number);
}

/** The shortest window in which every non-idle end point expects `minArrivals` arrivals. */
function windowMs(s: ResolvedScenario, minArrivals: number): number {
  const rates = ends(s)
    .map((p) => arrivalsPerS(p.config))
    .filter((r) => r > 0);
  return windowForRate(Math.min(...rates), minArrivals);
}

/** The scenario in `file`, shrunk; `windowMs` is the measured window it was given. */
export async function loadShrunk(
  file: string,
  size: ShrinkSize = SMOKE,
): Promise<{ shrunk: ResolvedScenario; windowMs: number }> {
  const full = await loadScenario(file);
  const sets = shrinkSets(full, size);
  const probe = await loadScenario(file, { sets: [...sets, `duration=${WINDOWS_MS[0]}ms`] });
  const ms = windowMs(probe, size.minArrivals);
  const shrunk = await loadScenario(file, { sets: [...sets, `duration=${ms}ms`] });
  return { shrunk, windowMs: ms };
}
