/**
 * Morris and Sobol estimators against functions whose indices are known in closed form: the
 * Ishigami function (Ishigami & Homma 1990; indices from Sobol' & Levitan 1999, a = 7, b = 0.1)
 * and a linear model. "Within the CI" is the test: each index's bootstrap interval must hold the
 * analytic value. Intervals are asked at 1 − 0.05/m for the m indices checked together
 * (Bonferroni), so that all of them hold at once with probability ≥ 95% by construction, not
 * by the choice of seed.
 */
import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/random/random-stream.js';
import { type MorrisDesign, morrisDesign, morrisIndices } from '../../src/stats/sensitivity/morris.js';
import { saltelliDesign, sobolIndices } from '../../src/stats/sensitivity/sobol.js';

const A = 7;
const B = 0.1;
const PI = Math.PI;

/** Ishigami on [0, 1]^3, each factor mapped to [−π, π]. */
function ishigami(u: Float64Array): number {
  const [x1, x2, x3] = Array.from(u, (v) => -PI + 2 * PI * v) as [number, number, number];
  return Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
}

// Closed form: V1 = bπ⁴/5 + b²π⁸/50 + 1/2, V2 = a²/8, V13 = b²π⁸(1/18 − 1/50), V = V1 + V2 + V13.
const V1 = (B * PI ** 4) / 5 + (B * B * PI ** 8) / 50 + 0.5;
const V2 = (A * A) / 8;
const V13 = B * B * PI ** 8 * (1 / 18 - 1 / 50);
const V = V1 + V2 + V13;
const ISHIGAMI = {
  first: [V1 / V, V2 / V, 0],
  total: [(V1 + V13) / V, V2 / V, V13 / V],
};

const rng = (name: string) => new RandomStream(name, `sensitivity-test:${name}`);
const outputs = (points: readonly Float64Array[], f: (u: Float64Array) => number) =>
  Float64Array.from(points, f);

describe('Sobol indices (Saltelli design, Jansen estimators)', () => {
  it('hold the Ishigami function’s analytic first-order and total indices within their bootstrap CIs', () => {
    // Coverage over independent repetitions, the property a 95% interval claims: each index's
    // interval must hold its analytic value in at least `floor` of R repetitions, `floor` the
    // 0.1% quantile of Binomial(R, 0.95), so the six checks fail together with probability
    // below 0.6% if the intervals are right — and surely if they are biased or too narrow.
    const R = 40;
    const floor = binomialQuantile(R, 0.95, 0.001);
    const covered = new Array<number>(6).fill(0);
    const widths: number[] = [];
    for (let r = 0; r < R; r++) {
      const design = saltelliDesign(3, 512, rng(`ishigami-design-${r}`));
      const idx = sobolIndices(design, outputs(design.points, ishigami), rng(`ishigami-boot-${r}`), {
        resamples: 400,
      });
      idx.forEach((s, i) => {
        const first = ISHIGAMI.first[i] as number;
        const total = ISHIGAMI.total[i] as number;
        if (s.first.low <= first && first <= s.first.high) covered[i] = (covered[i] as number) + 1;
        if (s.total.low <= total && total <= s.total.high) covered[3 + i] = (covered[3 + i] as number) + 1;
        widths.push(s.total.high - s.total.low);
      });
    }
    expect(floor).toBeGreaterThanOrEqual(33);
    for (const c of covered) expect(c).toBeGreaterThanOrEqual(floor);
    // Informative, not vacuous: the intervals span a small part of the [0, 1] an index lives in.
    const meanWidth = widths.reduce((a, b) => a + b, 0) / widths.length;
    expect(meanWidth).toBeLessThan(0.25);
  });

  it('give a linear model S_i = ST_i = c_i² / Σc² and an inert factor 0', () => {
    const c = [1, 2, 3, 0];
    const design = saltelliDesign(4, 2048, rng('linear-design'));
    const f = (u: Float64Array) => c.reduce((s, ci, i) => s + ci * (u[i] as number), 0);
    const level = 1 - 0.05 / 8;
    const idx = sobolIndices(design, outputs(design.points, f), rng('linear-boot'), { level });
    const sum = c.reduce((s, ci) => s + ci * ci, 0);
    const misses: string[] = [];
    idx.forEach((s, i) => {
      const truth = (c[i] as number) ** 2 / sum;
      for (const est of [s.first, s.total])
        if (!(est.low <= truth && truth <= est.high))
          misses.push(`factor ${i}: ${truth} not in [${est.low}, ${est.high}]`);
    });
    expect(misses).toEqual([]);
    // With common points the inert factor's A and A_B rows give the same output: ST is exactly 0.
    expect(idx[3]?.total).toEqual({ value: 0, low: 0, high: 0 });
  });

  it('is deterministic: the same streams give the same design and intervals', () => {
    const run = () => {
      const d = saltelliDesign(3, 64, rng('det'));
      return sobolIndices(d, outputs(d.points, ishigami), rng('det-boot'));
    };
    expect(run()).toEqual(run());
  });
});

/** The smallest x with P(X ≤ x) ≥ q for X ~ Binomial(n, p). */
function binomialQuantile(n: number, p: number, q: number): number {
  let cdf = 0;
  let pmf = (1 - p) ** n;
  for (let x = 0; x <= n; x++) {
    cdf += pmf;
    if (cdf >= q) return x;
    pmf *= ((n - x) / (x + 1)) * (p / (1 - p));
  }
  return n;
}

/** μ*, μ and σ of the effects over every grid point the Morris design can measure them at. */
function gridTruth(
  design: Pick<MorrisDesign, 'factors' | 'levels' | 'delta'>,
  f: (u: Float64Array) => number,
) {
  const { factors: k, levels: p, delta } = design;
  return Array.from({ length: k }, (_, i) => {
    const effects: number[] = [];
    const total = p ** k;
    for (let code = 0; code < total; code++) {
      const u = new Float64Array(k);
      let c = code;
      for (let d = 0; d < k; d++) {
        u[d] = (c % p) / (p - 1);
        c = Math.floor(c / p);
      }
      if ((u[i] as number) + delta > 1 + 1e-12) continue;
      const moved = Float64Array.from(u);
      moved[i] = (u[i] as number) + delta;
      effects.push((f(moved) - f(u)) / delta);
    }
    const mu = effects.reduce((s, e) => s + e, 0) / effects.length;
    const muStar = effects.reduce((s, e) => s + Math.abs(e), 0) / effects.length;
    return { mu, muStar };
  });
}

describe('Morris elementary effects', () => {
  it('hold the Ishigami function’s μ* and μ over the 4-level grid within their bootstrap CIs', () => {
    const design = morrisDesign(3, 400, 4, rng('morris-ishigami'));
    expect(design.points).toHaveLength(400 * 4);
    const truth = gridTruth(design, ishigami);
    const level = 1 - 0.05 / 6;
    const idx = morrisIndices(design, outputs(design.points, ishigami), rng('morris-boot'), { level });
    const misses: string[] = [];
    idx.forEach((m, i) => {
      const t = truth[i] as { mu: number; muStar: number };
      if (!(m.muStar.low <= t.muStar && t.muStar <= m.muStar.high))
        misses.push(`μ*${i + 1} = ${t.muStar} not in [${m.muStar.low}, ${m.muStar.high}]`);
      if (!(m.mu.low <= t.mu && t.mu <= m.mu.high))
        misses.push(`μ${i + 1} = ${t.mu} not in [${m.mu.low}, ${m.mu.high}]`);
    });
    expect(misses).toEqual([]);
    // x3 acts only through its interaction with x1: its σ is of the order of its μ*.
    const x3 = idx[2];
    expect(x3?.sigma.value).toBeGreaterThan(0.5 * (x3?.muStar.value ?? 0));
  });

  it('give a linear model μ* = |c_i| and σ = 0 exactly, an inert factor 0', () => {
    const c = [1, -2, 3, 0];
    const design = morrisDesign(4, 10, 4, rng('morris-linear'));
    const f = (u: Float64Array) => c.reduce((s, ci, i) => s + ci * (u[i] as number), 0);
    const idx = morrisIndices(design, outputs(design.points, f), rng('morris-linear-boot'));
    idx.forEach((m, i) => {
      // Exact up to the rounding of Δ = 2/3 in binary.
      expect(m.muStar.value).toBeCloseTo(Math.abs(c[i] as number), 9);
      expect(m.mu.value).toBeCloseTo(c[i] as number, 9);
      expect(m.sigma.value).toBeCloseTo(0, 9);
      expect(m.muStar.high - m.muStar.low).toBeCloseTo(0, 9);
    });
  });

  it('moves every factor once per trajectory, by ±Δ, inside the unit cube', () => {
    const design = morrisDesign(5, 20, 6, rng('morris-shape'));
    for (let t = 0; t < 20; t++) {
      const moved = Array.from(design.moved.subarray(t * 5, t * 5 + 5)).sort();
      expect(moved).toEqual([0, 1, 2, 3, 4]);
    }
    for (const p of design.points) for (const v of p) expect(v >= -1e-12 && v <= 1 + 1e-12).toBe(true);
    expect(design.delta).toBeCloseTo(6 / 10, 12);
  });
});
