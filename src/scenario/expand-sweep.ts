/**
 * Sweeps as data (OMNeT++-style parameter studies): `grid` is the cartesian product with the
 * first key varying slowest, `zip` varies its lists in lockstep, and the two combine as
 * grid × zip (zip innermost). Replications are not expanded here: the runner repeats each
 * point. Point ids (`p0000`, `p0001`, …) follow expansion order, so they are stable for a
 * given sweep whatever order the points later run in.
 */
import { stringify } from 'yaml';
import { ConfigProblem } from './config-problem.js';

export type ParamValue = string | number | boolean;

export interface SweepAxis {
  kind: 'grid' | 'zip';
  /** The key as written, e.g. `adminq.workers`. */
  path: string;
  values: readonly unknown[];
}

export interface PlannedPoint {
  index: number;
  id: string;
  /** Swept path (as written) → value as written (collections in YAML flow form). */
  params: Record<string, ParamValue>;
  /** For each axis, the position of its value in this point. */
  picks: number[];
}

export interface SweepData {
  grid?: Record<string, readonly unknown[]>;
  zip?: Record<string, readonly unknown[]>;
}

/** The axes of a sweep: grid keys in order, then zip keys; zip lists must have equal lengths. */
export function sweepAxes(sweep: SweepData | undefined): SweepAxis[] {
  const grid = Object.entries(sweep?.grid ?? {}).map(([path, values]) => ({
    kind: 'grid' as const,
    path,
    values,
  }));
  const zip = Object.entries(sweep?.zip ?? {}).map(([path, values]) => ({
    kind: 'zip' as const,
    path,
    values,
  }));
  const first = zip[0];
  for (const axis of zip) {
    if (first !== undefined && axis.values.length !== first.values.length) {
      throw new ConfigProblem(
        ['sweep', 'zip', axis.path],
        `zip lists must have equal lengths: ${first.path} has ${first.values.length} values, ${axis.path} has ${axis.values.length}`,
      );
    }
  }
  for (const axis of grid) {
    if (zip.some((z) => z.path === axis.path)) {
      throw new ConfigProblem(
        ['sweep', 'zip', axis.path],
        `${axis.path} is swept in both grid and zip: keep one`,
      );
    }
  }
  return [...grid, ...zip];
}

/** Points of the sweep (1 without axes): the product of grid lengths times the zip length. */
export function pointCount(axes: readonly SweepAxis[]): number {
  const grid = axes.filter((a) => a.kind === 'grid').reduce((n, a) => n * a.values.length, 1);
  const zip = axes.find((a) => a.kind === 'zip')?.values.length ?? 1;
  return grid * zip;
}

/** `p0000`-style ids, zero-padded to at least 4 digits so that they sort in expansion order. */
export function pointId(index: number, total: number): string {
  const width = Math.max(4, String(Math.max(0, total - 1)).length);
  return `p${String(index).padStart(width, '0')}`;
}

/** Expands the axes into points in order: grid like an odometer (last grid key fastest), zip innermost. */
export function expandSweep(axes: readonly SweepAxis[]): PlannedPoint[] {
  const total = pointCount(axes);
  const zipLength = axes.find((a) => a.kind === 'zip')?.values.length ?? 1;
  const points: PlannedPoint[] = [];
  for (let index = 0; index < total; index++) {
    const picks = new Array<number>(axes.length).fill(0);
    let rest = Math.floor(index / zipLength);
    for (let a = axes.length - 1; a >= 0; a--) {
      const axis = axes[a] as SweepAxis;
      if (axis.kind === 'zip') {
        picks[a] = index % zipLength;
      } else {
        picks[a] = rest % axis.values.length;
        rest = Math.floor(rest / axis.values.length);
      }
    }
    const params: Record<string, ParamValue> = {};
    axes.forEach((axis, a) => {
      params[axis.path] = paramValue(axis.values[picks[a] as number]);
    });
    points.push({ index, id: pointId(index, total), params, picks });
  }
  return points;
}

/** A swept value as a CSV cell: scalars as they are, collections in YAML flow form. */
export function paramValue(value: unknown): ParamValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === null || value === undefined) return 'null';
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}
