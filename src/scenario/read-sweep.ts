/**
 * The `sweep` section of a merged scenario → axes with concrete key paths, checked before any
 * point is built: the section's shape, every key a parameter that can vary between points, no
 * key twice, no two keys sharing a CSV column, zip lists of equal length.
 */
import { InputError } from '../util/errors.js';
import { ConfigProblem } from './config-problem.js';
import { type SweepAxis, type SweepData, sweepAxes } from './expand-sweep.js';
import { columnName, parseKeyPath } from './key-path.js';
import type { FileLayer } from './load-layers.js';
import type { ScenarioLocator } from './locator.js';
import { scenarioSchema, sweepSchema } from './scenario-schema.js';
import { checkSchemaPath } from './schema-walk.js';
import { concretePath } from './set-override.js';
import { type DataPath, problemsOf } from './zod-issues.js';

/** Top-level keys whose values can differ between points (they end up in the ModelConfig). */
export const SWEEPABLE = [
  'parent',
  'instances',
  'strategy',
  'device',
  'limits',
  'transport',
  'adminq',
  'iommu',
  'interrupts',
  'host',
  'provisioning',
  'fidelity',
  'workload',
];

export interface ReadAxis extends SweepAxis {
  /** Where the axis writes, with group names resolved to positions. */
  target: DataPath;
  /** The file that wrote this sweep key (for locating its values). */
  layer: FileLayer | undefined;
}

export function readSweep(
  sweep: unknown,
  data: Record<string, unknown>,
  locator: ScenarioLocator,
): ReadAxis[] {
  if (sweep === undefined) return [];
  const parsed = sweepSchema.safeParse(sweep, { reportInput: true });
  if (!parsed.success) {
    const problems = problemsOf(parsed.error, sweepSchema).map((p) => ({ ...p, path: ['sweep', ...p.path] }));
    throw locator.first(problems);
  }
  let axes: SweepAxis[];
  try {
    axes = sweepAxes(parsed.data as SweepData);
  } catch (e) {
    if (e instanceof ConfigProblem) throw locator.error({ path: e.segments as DataPath, message: e.message });
    throw e;
  }
  const read = axes.map((axis) => readAxis(axis, data, locator));
  checkDistinct(read, locator);
  return read;
}

function readAxis(axis: SweepAxis, data: Record<string, unknown>, locator: ScenarioLocator): ReadAxis {
  const at = ['sweep', axis.kind];
  const fail = (message: string, allowed?: string): InputError =>
    locator.error({
      path: at,
      key: axis.path,
      message: `sweep key '${axis.path}': ${message}`,
      ...(allowed ? { allowed } : {}),
    });
  let target: DataPath;
  try {
    const segments = parseKeyPath(axis.path);
    const root = segments[0];
    if (typeof root !== 'string' || !SWEEPABLE.includes(root)) {
      throw fail(
        `${String(root)} cannot vary between points (sweep model parameters; use replications for seeds)`,
        SWEEPABLE.join(', '),
      );
    }
    const check = checkSchemaPath(scenarioSchema, segments);
    if (!check.ok) throw fail(check.message, check.allowed);
    target = concretePath(data, segments, '');
  } catch (e) {
    if (e instanceof InputError && e.location.line === undefined) throw fail(e.message, e.allowed);
    throw e;
  }
  return { ...axis, target, layer: locator.layerWriting([...at, axis.path]) };
}

function checkDistinct(axes: readonly ReadAxis[], locator: ScenarioLocator): void {
  const seen = new Map<string, string>();
  for (const axis of axes) {
    for (const key of [`path:${axis.target.join('\u0000')}`, `column:${columnName(axis.path)}`]) {
      const other = seen.get(key);
      if (other !== undefined) {
        const what = key.startsWith('path')
          ? 'set the same parameter'
          : `share the CSV column ${columnName(axis.path)}`;
        throw locator.error({
          path: ['sweep', axis.kind],
          key: axis.path,
          message: `sweep keys '${other}' and '${axis.path}' ${what}`,
        });
      }
      seen.set(key, axis.path);
    }
  }
}
