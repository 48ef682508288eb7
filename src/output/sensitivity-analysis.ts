/**
 * From the runs of a sensitivity study to its answers: each sample's metric (the mean over its
 * replications), the indices of every parameter for every metric at every scenario point
 * (Morris μ*, μ, σ or Sobol S, ST, with bootstrap CIs), and with --compare, how often the
 * scenario's conclusion (the best strategy at nominal values) still holds across the samples.
 * A pure function of the analysis descriptor and the runs, so a resumed, sharded or merged
 * folder gets the same bytes.
 */
import { RandomStream } from '../random/random-stream.js';
import { type Method, makeDesign, type SensitivityDesign } from '../runner/sensitivity-plan.js';
import { numberAt, type SpaceParam } from '../runner/sensitivity-space.js';
import type { PointInfo } from '../runner/study.js';
import { morrisIndices } from '../stats/sensitivity/morris.js';
import { sobolIndices } from '../stats/sensitivity/sobol.js';

/**
 * What the analysis reads of a run: its point and its aggregate metrics. A journal record has
 * this shape, and so has a runs.csv row read back (its numbers are round-trip text), so a
 * committed folder without its journal gives the same analysis.
 */
export interface SampleRun {
  point: number;
  output: { metrics: Readonly<Record<string, unknown>> };
}

export type Better = 'lower' | 'higher';

export interface MetricGoal {
  name: string;
  /** Which way is better, for --compare's ranking. */
  better: Better;
}

/** Everything the analysis needs besides the runs (sensitivity.json). */
export interface SensitivityDescriptor {
  method: Method;
  samples: number;
  levels: number;
  seed: number;
  resamples: number;
  level: number;
  replications: number;
  metrics: MetricGoal[];
  /** The swept key the strategies are compared over, or null. */
  compare: string | null;
  params: SpaceParam[];
  /** Each parameter's value in the scenario as written (a distribution: its mean). */
  nominal: number[];
  /** Estimates left out of the default space, and why. */
  notes: string[];
  /** The scenario's own points. */
  basePoints: PointInfo[];
}

export const INDEX_NAMES: Record<Method, readonly string[]> = {
  morris: ['mu_star', 'mu', 'sigma'],
  sobol: ['first', 'total'],
};

/** The index that ranks parameters: μ* for Morris, the total index for Sobol. */
export const RANKING_INDEX: Record<Method, string> = { morris: 'mu_star', sobol: 'total' };

export interface IndexRow {
  /** Scenario point (index into basePoints). */
  point: number;
  parameter: string;
  metric: string;
  index: string;
  value: number;
  low: number;
  high: number;
}

export interface CompareRow {
  metric: string;
  better: Better;
  /** The compared key's value at this scenario point. */
  candidate: string;
  /** 1 = best; tied candidates share the better rank. */
  rank: number;
  /** Samples in which the candidate has this rank. */
  count: number;
  /** Its rank in the nominal sample (the scenario as written). */
  nominalRank: number;
}

export interface Conclusion {
  metric: string;
  better: Better;
  winner: string;
  holds: number;
  samples: number;
  /** Smallest margin over the runner-up across samples (< 1: it lost there). */
  worstRatio: number;
  worstSample: number;
  /** The most influential parameter for the winner, and its value in the worst sample. */
  driver?: { path: string; value: number; unit: string } | undefined;
  sentence: string;
}

export interface SensitivityResult {
  design: SensitivityDesign;
  /** metric → [sample][point] mean over replications (NaN: a replication had no value). */
  values: Map<string, Float64Array[]>;
  indices: IndexRow[];
  compare: CompareRow[];
  conclusions: Conclusion[];
  /** Metrics whose indices could not be computed, and why. */
  skipped: string[];
}

/** The sample × point table of one metric's replication means. */
function metricTable(
  records: readonly SampleRun[],
  metric: string,
  samples: number,
  points: number,
  replications: number,
): Float64Array[] {
  const sum = Array.from({ length: samples }, () => new Float64Array(points));
  for (const r of records) {
    const s = Math.floor(r.point / points);
    const c = r.point % points;
    const v = r.output.metrics[metric];
    const row = sum[s];
    if (row !== undefined)
      row[c] = (row[c] as number) + (typeof v === 'number' ? v : Number.NaN) / replications;
  }
  return sum;
}

function bootstrapStream(d: SensitivityDescriptor, metric: string, point: number): RandomStream {
  return new RandomStream('sensitivity-bootstrap', `${d.seed}:${d.method}:${metric}:${point}`);
}

export function analyseSensitivity(
  d: SensitivityDescriptor,
  records: readonly SampleRun[],
): SensitivityResult {
  const design = makeDesign(
    { method: d.method, samples: d.samples, levels: d.levels, seed: d.seed },
    d.params.length,
  );
  const S = design.unit.length + 1; // with the nominal sample
  const C = d.basePoints.length;
  const values = new Map<string, Float64Array[]>();
  const indices: IndexRow[] = [];
  const skipped: string[] = [];
  const options = { resamples: d.resamples, level: d.level };
  for (const m of d.metrics) {
    const table = metricTable(records, m.name, S, C, d.replications);
    values.set(m.name, table);
    for (let c = 0; c < C; c++) {
      const y = Float64Array.from(design.unit, (_, s) => (table[s] as Float64Array)[c] as number);
      const missing = y.filter(Number.isNaN).length;
      if (missing > 0) {
        skipped.push(
          `${m.name} at ${d.basePoints[c]?.id ?? c}: no value in ${missing} of ${y.length} samples`,
        );
        continue;
      }
      const rng = bootstrapStream(d, m.name, c);
      const rows: Array<[string, { value: number; low: number; high: number }]>[] = design.morris
        ? morrisIndices(design.morris, y, rng, options).map((x) => [
            ['mu_star', x.muStar],
            ['mu', x.mu],
            ['sigma', x.sigma],
          ])
        : sobolIndices(design.sobol as NonNullable<SensitivityDesign['sobol']>, y, rng, options).map((x) => [
            ['first', x.first],
            ['total', x.total],
          ]);
      rows.forEach((kinds, i) => {
        const parameter = d.params[i]?.path ?? '';
        for (const [index, e] of kinds)
          indices.push({
            point: c,
            parameter,
            metric: m.name,
            index,
            value: e.value,
            low: e.low,
            high: e.high,
          });
      });
    }
  }
  const { compare, conclusions } =
    d.compare === null ? { compare: [], conclusions: [] } : compareStrategies(d, design, values, indices);
  return { design, values, indices, compare, conclusions, skipped };
}

/** Ranks the compared candidates in every sample, against the nominal sample's winner. */
function compareStrategies(
  d: SensitivityDescriptor,
  design: SensitivityDesign,
  values: Map<string, Float64Array[]>,
  indices: readonly IndexRow[],
): { compare: CompareRow[]; conclusions: Conclusion[] } {
  const key = d.compare as string;
  const names = d.basePoints.map((p) => String(p.params[key]));
  const samples = design.unit.length;
  const compare: CompareRow[] = [];
  const conclusions: Conclusion[] = [];
  for (const m of d.metrics) {
    const table = values.get(m.name) as Float64Array[];
    const sign = m.better === 'lower' ? 1 : -1;
    const best = (row: Float64Array) => Math.min(...Array.from(row, (v) => sign * v));
    const nominal = table[samples] as Float64Array;
    const winner = Array.from(nominal).findIndex((v) => sign * v === best(nominal));
    const counts = names.map(() => new Array<number>(names.length).fill(0));
    let holds = 0;
    let worstRatio = Number.POSITIVE_INFINITY;
    let worstSample = -1;
    for (let s = 0; s < samples; s++) {
      const row = table[s] as Float64Array;
      ranksOf(row, sign).forEach((rank, c) => {
        const at = counts[c] as number[];
        at[rank - 1] = (at[rank - 1] as number) + 1;
      });
      const w = row[winner] as number;
      if (sign * w === best(row)) holds++;
      const others = Array.from(row).filter((_, c) => c !== winner);
      const runnerUp = m.better === 'lower' ? Math.min(...others) : Math.max(...others);
      const ratio = m.better === 'lower' ? runnerUp / w : w / runnerUp;
      if (ratio < worstRatio || worstSample < 0) {
        worstRatio = ratio;
        worstSample = s;
      }
    }
    const nominalRanks = ranksOf(nominal, sign);
    names.forEach((candidate, c) => {
      (counts[c] as number[]).forEach((count, r) => {
        compare.push({
          metric: m.name,
          better: m.better,
          candidate,
          rank: r + 1,
          count,
          nominalRank: nominalRanks[c] as number,
        });
      });
    });
    if (winner < 0 || names.length < 2) continue;
    const ranked = indices
      .filter((r) => r.point === winner && r.metric === m.name && r.index === RANKING_INDEX[d.method])
      .sort((a, b) => b.value - a.value)[0];
    // A driver only when something moves the winner's metric at all.
    const p =
      ranked !== undefined && ranked.value > 0
        ? d.params.find((x) => x.path === ranked.parameter)
        : undefined;
    const i = p === undefined ? -1 : d.params.indexOf(p);
    const u = design.unit[worstSample];
    const driver =
      p === undefined || u === undefined
        ? undefined
        : { path: p.path, value: numberAt(p, u[i] as number), unit: p.unit };
    const word = m.better === 'lower' ? 'smallest' : 'largest';
    const at =
      driver === undefined
        ? ''
        : ` at ${driver.path} = ${formatValue(driver.value, driver.unit)} (sample ${worstSample})`;
    const sentence =
      `${names[winner]} has the ${word} ${m.name} in ${holds} of ${samples} samples; ` +
      `worst case ratio ${worstRatio.toPrecision(3)}×${at}`;
    conclusions.push({
      metric: m.name,
      better: m.better,
      winner: names[winner] as string,
      holds,
      samples,
      worstRatio,
      worstSample,
      driver,
      sentence,
    });
  }
  return { compare, conclusions };
}

/** Rank of each value (1 = best in the direction `sign` orders), ties sharing the better rank. */
function ranksOf(row: Float64Array, sign: number): number[] {
  const v = Array.from(row, (x) => sign * x);
  return v.map((x) => 1 + v.filter((y) => y < x).length);
}

/** A canonical value with a readable unit: ns → µs/ms/s, else the unit as it is. */
export function formatValue(v: number, unit: string): string {
  const timeUnit = unit === 'ns' || unit === 'dist(ns)';
  if (timeUnit) {
    if (v >= 1e9) return `${+(v / 1e9).toPrecision(3)} s`;
    if (v >= 1e6) return `${+(v / 1e6).toPrecision(3)} ms`;
    if (v >= 1e3) return `${+(v / 1e3).toPrecision(3)} µs`;
    return `${+v.toPrecision(3)} ns`;
  }
  return `${+v.toPrecision(4)}${unit ? ` ${unit}` : ''}`;
}
