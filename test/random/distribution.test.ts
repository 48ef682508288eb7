/**
 * Each distribution's sample mean and variance against its analytic `mean` and `variance`,
 * with tolerances derived from the sample itself (n = 200,000 draws per distribution):
 *
 * - mean: |x̄ − μ| ≤ t_{0.975, n−1} · s / √n — the usual 95% interval for a mean.
 * - variance: the sample variance s² is asymptotically normal with variance (μ₄ − σ⁴)/n
 *   (e.g. Casella & Berger, Statistical Inference, ex. 5.8 / the delta method), where μ₄ is the
 *   fourth central moment. Estimating μ₄ by the sample's m₄ and σ⁴ by s⁴ gives the 95% interval
 *   |s² − σ²| ≤ t_{0.975, n−1} · √((m₄ − s⁴)/n). (With n = 2·10^5, t ≈ z = 1.96.)
 *   The lognormal is tested at cv = 0.5, where its kurtosis (~8) keeps m₄ well estimated; at
 *   cv = 2 the kurtosis is ~10^3 and a fourth-moment interval would be unreliable.
 *
 * Seeds are fixed (deterministic test); for an arbitrary seed each bound would be missed with
 * probability ~5%.
 */
import { describe, expect, it } from 'vitest';
import { type DistSpec, makeDistribution } from '../../src/random/distribution.js';
import type { RandomStream } from '../../src/random/random-stream.js';
import { StreamFactory } from '../../src/random/stream-factory.js';
import { studentT975 } from '../../src/stats/confidence.js';

const N = 200_000;

interface Moments {
  n: number;
  mean: number;
  variance: number;
  /** Fourth central moment (biased, 1/n). */
  m4: number;
}

function momentsOf(xs: Float64Array): Moments {
  const n = xs.length;
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d2 = (x - mean) ** 2;
    m2 += d2;
    m4 += d2 * d2;
  }
  return { n, mean, variance: m2 / (n - 1), m4: m4 / n };
}

/** Mean and variance within the intervals described in the file header. */
function expectMoments(label: string, xs: Float64Array, mean: number, variance: number): void {
  const m = momentsOf(xs);
  const t = studentT975(m.n - 1);
  const meanHalf = t * Math.sqrt(m.variance / m.n);
  const varHalf = t * Math.sqrt(Math.max(0, m.m4 - m.variance ** 2) / m.n);
  expect(Math.abs(m.mean - mean), `${label} mean ${m.mean} vs ${mean} ± ${meanHalf}`).toBeLessThanOrEqual(
    meanHalf,
  );
  expect(
    Math.abs(m.variance - variance),
    `${label} variance ${m.variance} vs ${variance} ± ${varHalf}`,
  ).toBeLessThanOrEqual(varHalf);
}

function draw(n: number, rng: RandomStream, sample: (rng: RandomStream) => number): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = sample(rng);
  return xs;
}

const specs: [string, DistSpec][] = [
  ['exponential', { dist: 'exponential', mean: 1000 }],
  ['uniform', { dist: 'uniform', min: 200, max: 1800 }],
  ['lognormal cv 0.5', { dist: 'lognormal', mean: 1000, cv: 0.5 }],
  ['lognormal cv 0.1', { dist: 'lognormal', mean: 400, cv: 0.1 }],
  ['empirical weighted', { dist: 'empirical', values: [1, 2, 5, 10], weights: [1, 2, 3, 4] }],
  ['empirical equal', { dist: 'empirical', values: [3, 7, 7, 20] }],
];

describe('distributions: sample moments within their 95% intervals', () => {
  for (const [label, spec] of specs) {
    it(label, () => {
      const d = makeDistribution(spec);
      const rng = new StreamFactory(1, 0).stream(`test/dist/${label}`);
      expectMoments(
        label,
        draw(N, rng, (r) => d.sample(r)),
        d.mean,
        d.variance,
      );
    });
  }

  it('analytic moments are the textbook ones', () => {
    expect(makeDistribution({ dist: 'exponential', mean: 5 })).toMatchObject({ mean: 5, variance: 25 });
    expect(makeDistribution({ dist: 'uniform', min: 0, max: 12 })).toMatchObject({ mean: 6, variance: 12 });
    const ln = makeDistribution({ dist: 'lognormal', mean: 10, cv: 0.3 });
    expect(ln.mean).toBe(10);
    expect(ln.variance).toBeCloseTo(9, 12);
    // weights 1:2:3:4 → p = .1 .2 .3 .4: mean = .1 + .4 + 1.5 + 4 = 6; E[x²] = .1 + .8 + 7.5 + 40 = 48.4
    const emp = makeDistribution({ dist: 'empirical', values: [1, 2, 5, 10], weights: [1, 2, 3, 4] });
    expect(emp.mean).toBeCloseTo(6, 12);
    expect(emp.variance).toBeCloseTo(48.4 - 36, 12);
  });

  it('constant and deterministic return their value exactly', () => {
    const rng = new StreamFactory(1, 0).stream('test/dist/constant');
    for (const dist of ['constant', 'deterministic'] as const) {
      const d = makeDistribution({ dist, value: 400 });
      expect(d.mean).toBe(400);
      expect(d.variance).toBe(0);
      for (let i = 0; i < 100; i++) expect(d.sample(rng)).toBe(400);
    }
  });

  it('empirical draws only its values, in proportion (each frequency within its 95% interval)', () => {
    const d = makeDistribution({ dist: 'empirical', values: [1, 2, 5, 10], weights: [1, 2, 3, 4] });
    const rng = new StreamFactory(1, 0).stream('test/dist/empirical-freq');
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const x = d.sample(rng);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([1, 2, 5, 10]);
    for (const [value, p] of [
      [1, 0.1],
      [2, 0.2],
      [5, 0.3],
      [10, 0.4],
    ] as const) {
      // Binomial proportion: 95% half-width 1.96·√(p(1−p)/n).
      const share = (counts.get(value) ?? 0) / N;
      expect(Math.abs(share - p)).toBeLessThanOrEqual(1.96 * Math.sqrt((p * (1 - p)) / N));
    }
  });
});

describe('RandomStream primitives: sample moments within their 95% intervals', () => {
  const rng = (name: string) => new StreamFactory(1, 0).stream(`test/stream/${name}`);

  it('random() is uniform on [0, 1): mean 1/2, variance 1/12', () => {
    const xs = draw(N, rng('random'), (r) => r.random());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expectMoments('random', xs, 0.5, 1 / 12);
  });

  it('below(n) is uniform on 0..n−1: mean (n−1)/2, variance (n²−1)/12', () => {
    const xs = draw(N, rng('below'), (r) => r.below(10));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x < 10)).toBe(true);
    expectMoments('below', xs, 4.5, 99 / 12);
  });

  it('exponential(m): mean m, variance m²', () => {
    expectMoments(
      'exponential',
      draw(N, rng('exponential'), (r) => r.exponential(3)),
      3,
      9,
    );
  });

  it('normal(): mean 0, variance 1', () => {
    expectMoments(
      'normal',
      draw(N, rng('normal'), (r) => r.normal()),
      0,
      1,
    );
  });

  it('bernoulli(p): mean p, variance p(1 − p)', () => {
    const xs = draw(N, rng('bernoulli'), (r) => (r.bernoulli(0.3) ? 1 : 0));
    expectMoments('bernoulli', xs, 0.3, 0.21);
  });
});
