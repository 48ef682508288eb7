/**
 * The calibration search on objectives with known answers: it finds the minimum of a mixed
 * integer/continuous least-squares problem, its profile-likelihood interval is the set where
 * SSE ≤ min + χ²₁(0.95)·σ², and evaluations it already knows (a resumed fit) are not redone.
 */
import { describe, expect, it } from 'vitest';
import {
  CHI2_1_95,
  candidateKey,
  type FitParam,
  fitParameters,
} from '../../src/runner/calibration-search.js';

const PARAMS: FitParam[] = [
  { path: 'entries', lo: 32, hi: 256, integer: true },
  { path: 'access', lo: 50, hi: 150, integer: false, whole: true },
];
// SSE = ((e − 128)/16)² + ((a − 90)/5)² + 1 over n = 12 points and k = 2: σ² = SSE / (n − k) = 0.1 at the minimum.
const sse = ([e, a]: readonly number[]) =>
  (((e as number) - 128) / 16) ** 2 + (((a as number) - 90) / 5) ** 2 + 1;

describe('calibration search', () => {
  it('finds the minimum and the χ² profile interval of each parameter', async () => {
    let calls = 0;
    const fit = await fitParameters(PARAMS, 12, async (cs) => {
      calls += cs.length;
      return cs.map(sse);
    });
    expect(fit.best).toEqual([128, 90]);
    expect(fit.sse).toBe(1);
    const variance = 1 / 10;
    expect(fit.variance).toBeCloseTo(variance, 12);
    // ((e − 128)/16)² ≤ 3.84 σ² ⇒ |e − 128| ≤ 16 √(0.384) = 9.9; |a − 90| ≤ 5 √0.384 = 3.1.
    const de = 16 * Math.sqrt(CHI2_1_95 * variance);
    const da = 5 * Math.sqrt(CHI2_1_95 * variance);
    expect(fit.intervals[0]).toMatchObject({ lo: Math.ceil(128 - de), hi: Math.floor(128 + de) });
    expect(Math.abs((fit.intervals[1]?.lo as number) - (90 - da))).toBeLessThanOrEqual(1);
    expect(Math.abs((fit.intervals[1]?.hi as number) - (90 + da))).toBeLessThanOrEqual(1);
    expect(fit.evaluations).toBe(calls);
  });

  it('a resumed fit reuses what it knows and reaches the same answer', async () => {
    const first = new Map<string, number>();
    const fit = await fitParameters(PARAMS, 12, async (cs) =>
      cs.map((c) => {
        const v = sse(c);
        first.set(candidateKey(c), v);
        return v;
      }),
    );
    let calls = 0;
    const again = await fitParameters(
      PARAMS,
      12,
      async (cs) => {
        calls += cs.length;
        return cs.map(sse);
      },
      { known: first },
    );
    expect(again.best).toEqual(fit.best);
    expect(again.intervals).toEqual(fit.intervals);
    expect(calls).toBe(0);
  });
});
