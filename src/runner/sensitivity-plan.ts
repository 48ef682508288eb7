/**
 * A sensitivity analysis as a study the runner already knows how to run: one sweep point per
 * (sample, scenario point), the samples of a seeded design (Morris trajectories or a Saltelli
 * design) set by typed overrides, and last the scenario as written (the nominal sample, the
 * conclusion --compare tests). Every point runs replication r with the scenario's seed and r,
 * so all samples share their random numbers (common random numbers), and the runs are
 * journalled, sharded and resumed like those of `run`.
 */

import { type DistSpec, makeDistribution } from '../random/distribution.js';
import { RandomStream } from '../random/random-stream.js';
import { MAX_RUNS } from '../scenario/index.js';
import { getIn } from '../scenario/plain-data.js';
import { type MorrisDesign, morrisDesign } from '../stats/sensitivity/morris.js';
import { type SaltelliDesign, saltelliDesign } from '../stats/sensitivity/sobol.js';
import { InputError } from '../util/errors.js';
import { hash53Hex } from '../util/hash.js';
import { stableStringify } from '../util/stable-json.js';
import type { ParamOverride, PreparedStudy } from './scenario-loader.js';
import { numberAt, type ParameterSpace, type SpaceParam, sampleOverrides } from './sensitivity-space.js';
import type { PointInfo, Study, StudyPoint } from './study.js';

export const METHODS = ['morris', 'sobol'] as const;
export type Method = (typeof METHODS)[number];

/** What fixes the design: with the parameter space, the design is a pure function of these. */
export interface DesignSpec {
  method: Method;
  /** Morris trajectories r, or Saltelli base rows N. */
  samples: number;
  /** Morris grid levels p (even). */
  levels: number;
  /** The scenario's master seed (the design's stream derives from it). */
  seed: number;
}

export interface SensitivityDesign {
  spec: DesignSpec;
  /** Sample coordinates in [0, 1]^k, in run order. */
  unit: Float64Array[];
  morris?: MorrisDesign;
  sobol?: SaltelliDesign;
}

/** The design for k parameters; runs = r(k + 1) for Morris, N(k + 2) for Sobol. */
export function makeDesign(spec: DesignSpec, k: number): SensitivityDesign {
  const rng = new RandomStream(
    'sensitivity-design',
    `${spec.seed}:${spec.method}:${spec.samples}:${spec.levels}:${k}`,
  );
  if (spec.method === 'morris') {
    const morris = morrisDesign(k, spec.samples, spec.levels, rng);
    return { spec, unit: morris.points, morris };
  }
  const sobol = saltelliDesign(k, spec.samples, rng);
  return { spec, unit: sobol.points, sobol };
}

export interface SensitivityStudy {
  /** Points sample-major: sample s of the design at scenario point c is point s × C + c; the nominal sample is last. */
  study: Study;
  space: ParameterSpace;
  design: SensitivityDesign;
  /** The scenario's own points (C of them), as loaded. */
  basePoints: PointInfo[];
  /** Index of the nominal sample (= design samples). */
  nominal: number;
  /** Each parameter's value in the scenario as written (a distribution: its mean), at its first point. */
  nominalValues: number[];
}

/** The column naming the sample of a point (the design's row; the nominal sample is the last). */
export const SAMPLE_KEY = 'sample';

/** The number a parameter holds in a config (a distribution: its mean), for the nominal sample's row. */
function nominalNumber(p: SpaceParam, config: StudyPoint['config']): number {
  const v = getIn(config as unknown as Record<string, unknown>, p.path.split('.'));
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && v !== null && 'dist' in v) return makeDistribution(v as DistSpec).mean;
  if (typeof v === 'object' && v !== null && 'value' in v) return Number((v as { value: unknown }).value);
  return Number.NaN;
}

/**
 * Checks that both ends of every range are values the scenario accepts (the others nominal). A
 * range given on the command line that it refuses is an error; an estimate's is left out with a
 * note (its documented range can meet a constraint of this scenario: DevTLB ways must divide
 * the DevTLB entries, which are 0 without a DevTLB).
 */
async function checkRanges(prepared: PreparedStudy, space: ParameterSpace): Promise<ParameterSpace> {
  const base = prepared.base.points[0]?.config;
  if (base === undefined) throw new Error('internal: a scenario has at least one point');
  const kept: SpaceParam[] = [];
  const notes = [...space.notes];
  for (const p of space.params) {
    let refused: string | undefined;
    for (const end of [0, 1]) {
      const override = sampleOverrides([p], [end], base)[0] as ParamOverride;
      try {
        await prepared.resolve([override]);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const { min, max } = p.range;
        const message = `the range ${min}..${max} (${p.origin}) leaves what the scenario accepts at ${numberAt(p, end)}: ${e.message}`;
        if (p.given) throw new InputError(`--params: ${message}`, { path: p.path }, e.allowed);
        refused = message;
        break;
      }
    }
    if (refused === undefined) kept.push(p);
    else notes.push(`${p.path}: left out, ${refused}`);
  }
  if (kept.length === 0)
    throw new InputError('no parameter to vary: the scenario refuses every range', {}, notes.join('; '));
  return { params: kept, notes };
}

/** One sample's scenario; values the scenario refuses together (each end alone passed) name the sample. */
async function resolveSample(
  prepared: PreparedStudy,
  space: ParameterSpace,
  u: Float64Array,
  nominal: StudyPoint['config'],
  s: number,
): Promise<Study> {
  try {
    return await prepared.resolve(sampleOverrides(space.params, u, nominal));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw new InputError(
      `sample ${s} of the design sets values the scenario refuses together: ${e.message}`,
      e.location,
      'narrower ranges (--params PATH=LO..HI) or fewer parameters',
    );
  }
}

export async function planSensitivity(
  prepared: PreparedStudy,
  requested: ParameterSpace,
  spec: DesignSpec,
): Promise<SensitivityStudy> {
  const base = prepared.base;
  const space = await checkRanges(prepared, requested);
  const C = base.points.length;
  const k = space.params.length;
  const samples = spec.method === 'morris' ? spec.samples * (k + 1) : spec.samples * (k + 2);
  const runs = (samples + 1) * C * base.replications;
  if (runs > MAX_RUNS)
    throw new InputError(
      `${samples + 1} samples × ${C} point(s) × ${base.replications} replication(s) = ${runs} runs, more than the ${MAX_RUNS} allowed`,
      {},
      'fewer --samples or --params',
    );
  const design = makeDesign(spec, k);
  const nominalConfig = base.points[0]?.config as StudyPoint['config'];
  const points: StudyPoint[] = [];
  const digest = hash53Hex(
    stableStringify({ spec, params: space.params.map((p) => [p.path, p.range, p.form]) }),
  ).slice(0, 8);
  const warnings = new Set(base.warnings);
  for (let s = 0; s <= samples; s++) {
    const u = design.unit[s];
    const study = u === undefined ? base : await resolveSample(prepared, space, u, nominalConfig, s);
    for (const w of study.warnings) warnings.add(w);
    if (study.points.length !== C)
      throw new Error(`sample ${s} resolved to ${study.points.length} points, not ${C}`);
    study.points.forEach((pt, c) => {
      const own = base.points[c]?.id ?? '';
      const label = u === undefined ? 'nominal' : `s${s}`;
      points.push({
        index: s * C + c,
        // The design's digest in every id: a journal or shard of another design is refused.
        id: `${label}@${digest}${C > 1 ? `:${own}` : ''}`,
        params: { [SAMPLE_KEY]: s, ...pt.params },
        config: pt.config,
      });
    });
  }
  // The values each sample sets are in design.csv; the result tables name the sample.
  const study: Study = {
    ...base,
    swept: [SAMPLE_KEY, ...base.swept],
    points,
    // The sensitivity report draws its own charts; the scenario's are about its sweep.
    charts: [],
    warnings: [...warnings],
  };
  const nominal = space.params.map((p) => nominalNumber(p, nominalConfig));
  const basePoints = base.points.map(({ config: _c, ...info }) => info);
  return { study, space, design, basePoints, nominal: samples, nominalValues: nominal };
}
