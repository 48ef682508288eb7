/**
 * MODEL FINGERPRINTS — a determinism check, not validation. Every sweep point of every shipped
 * scenario runs shrunk (see shrink.ts: no warm-up, one replication, ≤ 64 instances, and a window
 * of its own in which that point expects ≈ 2000 arrivals, 200 ms for a provisioning burst) with
 * the scenario's seed, and three things are pinned per point:
 *
 * - `fingerprint`: the event sequence (time, priority and handler of every event) and count;
 * - `results`: a digest of everything the run hands the runner — every metric (exact doubles),
 *   the per-group rows in order, the resources' use, the random stream names and the
 *   warnings — i.e. what the CSVs and the manifest are written from;
 * - `events`: the measured window's event count, readable at a glance.
 *
 * A refactor that changes no behaviour leaves every entry identical: run this before and after
 * on the same base. Nothing here says the numbers are right — the timeline and validation tests
 * do that. After an intended change (and only then), refresh with one command and commit
 * test/scenarios/fingerprints.json with the change that explains it:
 *
 *   UPDATE_FINGERPRINTS=1 npx vitest run test/scenarios/fingerprints.test.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../src/model/config.js';
import { runOne } from '../../src/runner/run-one.js';
import { stableStringify } from '../../src/util/stable-json.js';
import {
  arrivalsPerS,
  loadShrunk,
  SCENARIOS,
  type ShrinkSize,
  scenarioFiles,
  WINDOWS_MS,
  windowForRate,
} from './shrink.js';

interface Pinned {
  fingerprint: string;
  events: number;
  results: string;
}

/** Larger than the smoke size, so that queues, admission limits and caches are exercised. */
const SIZE: ShrinkSize = { maxInstances: 64, minArrivals: 2000 };
const FILE = join(import.meta.dirname, 'fingerprints.json');
const UPDATE = process.env.UPDATE_FINGERPRINTS === '1';
const pinned = (existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : {}) as Record<string, Pinned>;
const fresh: Record<string, Pinned> = {};

/** Label of one point: file, point id and its swept values, e.g. `quickstart.yaml #2 strategy.transport=vendor`. */
function label(file: string, id: string, params: Record<string, unknown>): string {
  const values = Object.entries(params).map(([k, v]) => `${k}=${String(v)}`);
  return [`${relative(SCENARIOS, file)} #${id}`, ...values].join(' ');
}

/**
 * A point's own window: ≈ SIZE.minArrivals arrivals, or the longest candidate for a
 * provisioning burst, so that the burst's sequence (not only its first commands) is pinned.
 */
function windowMs(config: ModelConfig): number {
  const perS = arrivalsPerS(config);
  return perS === Number.POSITIVE_INFINITY
    ? (WINDOWS_MS.at(-1) as number)
    : windowForRate(perS, SIZE.minArrivals);
}

function digest(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex').slice(0, 16);
}

describe('model fingerprints (determinism, not validation)', () => {
  for (const file of scenarioFiles()) {
    it(`${relative(SCENARIOS, file)}: every point, shrunk`, async () => {
      const { shrunk } = await loadShrunk(file, SIZE);
      const mismatches: string[] = [];
      for (const point of shrunk.points) {
        const out = runOne({
          config: point.config,
          seed: shrunk.seed,
          replication: 0,
          warmupNs: shrunk.warmupNs,
          durationNs: windowMs(point.config) * 1e6,
        });
        const key = label(file, point.id, point.params);
        const actual: Pinned = {
          fingerprint: out.fingerprint,
          events: out.metrics.events as number,
          results: digest([out.metrics, out.groups, out.resources, out.streamNames, out.warnings]),
        };
        fresh[key] = actual;
        const expected = pinned[key];
        if (!UPDATE && JSON.stringify(actual) !== JSON.stringify(expected)) {
          mismatches.push(`${key}: pinned ${JSON.stringify(expected)}, now ${JSON.stringify(actual)}`);
        }
      }
      expect(mismatches, `fingerprints changed; see the header of ${FILE}`).toEqual([]);
    });
  }

  it('pins no point that no longer exists', () => {
    if (UPDATE) return;
    const stale = Object.keys(pinned).filter((k) => !(k in fresh));
    expect(stale, `refresh: UPDATE_FINGERPRINTS=1 npx vitest run ${relative(process.cwd(), FILE)}`).toEqual(
      [],
    );
  });

  afterAll(() => {
    // Written once, sorted, from this run alone: a refresh also drops points that are gone.
    if (!UPDATE) return;
    const sorted = Object.fromEntries(
      Object.keys(fresh)
        .sort()
        .map((k) => [k, fresh[k]]),
    );
    writeFileSync(FILE, `${JSON.stringify(sorted, null, 2)}\n`);
  });
});
