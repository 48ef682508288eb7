/**
 * Capacity search: the largest integer value of one parameter for which every service-level
 * objective (SLO) holds on the replication mean. The search assumes the SLOs hold on a prefix
 * of the integers (true below the answer, false above), as a resource limit or a saturating
 * queue gives: it brackets by doubling from `lo` and then bisects, probing each value once.
 */
import {
  CLAUSE_OPS,
  type ClauseOp,
  clauseHolds,
  isClauseProblem,
  type MetricClause,
  parseMetricClause,
} from '../scenario/metric-clause.js';
import { InputError } from '../util/errors.js';

export const SLO_OPS = CLAUSE_OPS;
export type SloOp = ClauseOp;

/** A service-level objective: a metric clause the replication mean must meet. */
export type Slo = MetricClause;

/** Parses `'METRIC OP VALUE'`; the metric must be one of `metrics`. */
export function parseSlo(text: string, metrics: readonly string[]): Slo {
  const parsed = parseMetricClause(text, metrics);
  if (!isClauseProblem(parsed)) return parsed;
  switch (parsed.kind) {
    case 'form':
      throw new InputError(`--slo '${text}' is not 'METRIC OP VALUE'`, {}, `OP one of ${SLO_OPS.join(' ')}`);
    case 'metric':
      throw new InputError(`--slo '${text}': unknown metric '${parsed.metric}'`, {}, metrics.join(', '));
    case 'value':
      throw new InputError(
        `--slo '${text}': '${parsed.value}' is not a number (metric names carry the unit)`,
      );
  }
}

/** Whether a replication mean meets the SLO; a mean that could not be computed (NaN) does not. */
export const sloHolds: (slo: Slo, mean: number) => boolean = clauseHolds;

export interface SearchBounds {
  /** First value probed (≥ 0). */
  lo: number;
  /** Largest value considered; without it the doubling goes on up to `limit`. */
  hi?: number | undefined;
  /** Safety stop for an unbounded search. */
  limit?: number;
}

export interface SearchResult {
  /** The largest passing value, or undefined when even `lo` fails. */
  answer: number | undefined;
  /** The smallest failing value probed above the answer (undefined when the answer is `hi`). */
  firstFailure: number | undefined;
  /** Values in the order probed. */
  probes: number[];
  /** The search stopped at `hi` (or `limit`) with every probe passing. */
  capped: boolean;
}

export const DEFAULT_SEARCH_LIMIT = 2 ** 31;

/** Checks the bounds before anything runs. */
export function validateBounds(bounds: SearchBounds): void {
  const { lo, hi } = bounds;
  if (!Number.isSafeInteger(lo) || lo < 0) throw new InputError(`--lo must be an integer >= 0, got ${lo}`);
  if (hi !== undefined && (!Number.isSafeInteger(hi) || hi < lo)) {
    throw new InputError(`--hi must be an integer >= --lo (${lo}), got ${hi}`);
  }
}

/** Brackets by doubling from `lo`, then bisects; `passes(v)` runs the probe at v. */
export async function searchCapacity(
  passes: (value: number) => Promise<boolean>,
  bounds: SearchBounds,
): Promise<SearchResult> {
  validateBounds(bounds);
  const limit = bounds.hi ?? bounds.limit ?? DEFAULT_SEARCH_LIMIT;
  const probes: number[] = [];
  const probe = async (v: number) => {
    probes.push(v);
    return passes(v);
  };
  if (!(await probe(bounds.lo))) return { answer: undefined, firstFailure: bounds.lo, probes, capped: false };
  let good = bounds.lo;
  let bad: number | undefined;
  while (bad === undefined) {
    if (good >= limit) return { answer: good, firstFailure: undefined, probes, capped: true };
    const next = Math.min(good === 0 ? 1 : good * 2, limit);
    if (await probe(next)) good = next;
    else bad = next;
  }
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    if (await probe(mid)) good = mid;
    else bad = mid;
  }
  return { answer: good, firstFailure: bad, probes, capped: false };
}
