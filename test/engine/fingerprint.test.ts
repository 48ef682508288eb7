/**
 * FINGERPRINT TEST — a determinism check, not validation. It pins the exact event sequence
 * (time, priority, handler of every event, folded into Simulator.fingerprint) and the event
 * count of two small fixed-seed runs. It fails whenever anything changes the sequence: event
 * order, time rounding, the random streams, stream seeding or the workloads themselves. Nothing
 * here says the numbers are right — the timeline and queueing-validation tests do that.
 *
 * After an intended change (and only then), refresh the pinned values with one command and
 * commit test/engine/fingerprints.json with the change that explains it:
 *
 *   UPDATE_FINGERPRINTS=1 npx vitest run test/engine/fingerprint.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDistribution } from '../../src/random/distribution.js';
import { runPhold } from '../../src/runner/phold-bench.js';
import { runStation } from './queue-models.js';

interface Pinned {
  fingerprint: string;
  events: number;
}

const FILE = join(import.meta.dirname, 'fingerprints.json');
const UPDATE = process.env.UPDATE_FINGERPRINTS === '1';
const pinned = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, Pinned>;
const fresh: Record<string, Pinned> = {};

/** Asserts the pinned value, or records the fresh one when refreshing. */
function check(key: string, actual: Pinned): void {
  fresh[key] = actual;
  if (UPDATE) {
    writeFileSync(FILE, `${JSON.stringify({ ...pinned, ...fresh }, null, 2)}\n`);
    return;
  }
  expect(actual, `fingerprint '${key}' changed; see the header of ${FILE}`).toEqual(pinned[key]);
}

describe('fingerprints (determinism, not validation)', () => {
  it('PHOLD 100 LPs × 4 events, until 200 µs, seed 1 (same workload as `vdpascale bench`)', () => {
    const r = runPhold({ lps: 100, epl: 4, untilUs: 200, seed: 1 });
    check('phold-100x4-200us-seed1', { fingerprint: r.fingerprint, events: r.events });
  });

  it('M/M/3 station, 5 ms, seed 1, replication 0 (priorities, same-instant events)', () => {
    const exp = (mean: number) => makeDistribution({ dist: 'exponential', mean });
    const r = runStation(
      {
        servers: 3,
        interarrival: exp(1000 / 2.4),
        service: exp(1000),
        warmupNs: 1_000_000,
        measureNs: 4_000_000,
      },
      1,
      0,
    );
    check('station-mm3-5ms-seed1', { fingerprint: r.fingerprint, events: r.events });
  });
});
