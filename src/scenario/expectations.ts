/**
 * A scenario's `expect`: what the study expects to find, stated where the scenario is. An
 * entry is prose, or prose with checkable clauses (`METRIC OP VALUE`, or `bottleneck == RESOURCE`
 * for what binds) on the points a selector
 * picks (`where`: swept parameter → value or values) for one tenant (`group`, default the
 * aggregate). Everything is checked before time zero — a clause that names no metric, a
 * selector that names no swept parameter or picks no point is an error at its file:line — so
 * that the report can answer each clause with ✔ or ✘ from the results.
 */
import { GROUP_METRICS, METRICS } from '../model/metrics.js';
import { isResourceName, resourceNameList } from '../model/resource-names.js';
import { ConfigProblem } from './config-problem.js';
import { paramValue } from './expand-sweep.js';
import type { ExpectationInput } from './expectation-schema.js';
import { parseKeyPath } from './key-path.js';
import {
  CLAUSE_OPS,
  isClauseProblem,
  type LabelClause,
  type MetricClause,
  parseLabelClause,
  parseMetricClause,
} from './metric-clause.js';
import { scenarioSchema } from './scenario-schema.js';
import { checkSchemaPath } from './schema-walk.js';
import { didYouMean } from './suggest.js';

/** The checked form, as the manifest keeps it and the report reads it. */
export interface Expectation {
  text?: string | undefined;
  /** Swept path → the values (as written in the sweep) a point must have. */
  where: Record<string, (string | number | boolean)[]>;
  /** `all` or a workload group name. */
  group: string;
  checks: Check[];
  /** Why the selector cannot be checked against this sweep (a warning said it), when it cannot. */
  unchecked?: string | undefined;
}

/** A clause on a metric's replication mean, or on a point's binding resource. */
export type Check = MetricClause | LabelClause;

export function isLabelClause(check: Check): check is LabelClause {
  return 'column' in check;
}

/** A point as far as selection goes: its swept values, keyed by path as written. */
interface SelectablePoint {
  params: Record<string, string | number | boolean>;
}

/**
 * Checks `expect` against what the study sweeps and which tenants it has, and returns it in
 * its checked form. A malformed clause, an unknown tenant or a selector key that names no
 * parameter at all throws a ConfigProblem at its key. A selector the sweep cannot meet — a
 * real parameter that is not swept, a value no point has — is only a warning, and the entry
 * stays unchecked: a `--set` that pins a swept key (a shrunk test, a capacity probe) must not
 * make the scenario unloadable (the charts' rule, charts.ts).
 */
export function checkExpectations(
  entries: readonly ExpectationInput[],
  swept: readonly string[],
  points: readonly SelectablePoint[],
  groups: readonly string[],
): { expect: Expectation[]; warnings: string[] } {
  const warnings: string[] = [];
  const expect = entries.map((entry, i): Expectation => {
    if (typeof entry === 'string') return { text: entry, where: {}, group: 'all', checks: [] };
    const group = entry.group ?? 'all';
    if (group !== 'all' && !groups.includes(group)) {
      throw new ConfigProblem(
        ['expect', i, 'group'],
        `'${group}' is not a workload group${didYouMean(group, groups)}`,
        ['all', ...groups].join(', '),
      );
    }
    const texts =
      entry.check === undefined ? [] : typeof entry.check === 'string' ? [entry.check] : entry.check;
    const metrics: readonly string[] = group === 'all' ? METRICS : GROUP_METRICS;
    const checks = texts.map((text, j) => {
      const at = typeof entry.check === 'string' ? ['expect', i, 'check'] : ['expect', i, 'check', j];
      return checkClause(text, metrics, at, group);
    });
    if (entry.text === undefined && checks.length === 0)
      throw new ConfigProblem(['expect', i], 'an expectation needs text, check, or both');
    const selected = checkWhere(entry.where ?? {}, i, swept, points);
    if (typeof selected === 'string') {
      warnings.push(`expect[${i}].where: ${selected}, so this expectation is not checked`);
      return { text: entry.text, where: {}, group, checks: [], unchecked: selected };
    }
    return { text: entry.text, where: selected, group, checks };
  });
  return { expect, warnings };
}

/** The checked selector, or why the sweep cannot meet it. */
function checkWhere(
  where: Record<string, unknown>,
  i: number,
  swept: readonly string[],
  points: readonly SelectablePoint[],
): Expectation['where'] | string {
  const out: Expectation['where'] = {};
  for (const [path, given] of Object.entries(where)) {
    if (!swept.includes(path)) {
      if (isParameterPath(path)) return `'${path}' is not swept`;
      throw new ConfigProblem(
        ['expect', i, 'where', path],
        `'${path}' is not a swept parameter${didYouMean(path, swept)}`,
        swept.length === 0 ? 'nothing: the scenario sweeps no parameter' : swept.join(', '),
      );
    }
    const values = (Array.isArray(given) ? given : [given]).map(paramValue);
    const taken = [...new Set(points.map((p) => p.params[path]))];
    const missing = values.find((v) => !taken.includes(v));
    if (missing !== undefined)
      return `no point has ${path} = ${String(missing)} (it takes ${taken.map(String).join(', ')})`;
    out[path] = values;
  }
  if (!points.some((p) => matches(p, out))) return 'no point of the sweep has all these values at once';
  return out;
}

function isParameterPath(path: string): boolean {
  try {
    return checkSchemaPath(scenarioSchema, parseKeyPath(path)).ok;
  } catch {
    return false;
  }
}

function checkClause(
  text: string,
  metrics: readonly string[],
  at: (string | number)[],
  group: string,
): Check {
  const label = parseLabelClause(text);
  if (label !== undefined) {
    if (group !== 'all')
      throw new ConfigProblem(at, `${label.column} is a property of the whole run, not of group ${group}`);
    if (label.value !== '' && !isResourceName(label.value)) {
      const names = resourceNameList();
      throw new ConfigProblem(
        at,
        `unknown resource '${label.value}'${didYouMean(label.value, names)}`,
        ['none', ...names].join(', '),
      );
    }
    return label;
  }
  const parsed = parseMetricClause(text, metrics);
  if (!isClauseProblem(parsed)) return parsed;
  switch (parsed.kind) {
    case 'form':
      throw new ConfigProblem(at, `'${text}' is not METRIC OP VALUE`, `OP one of ${CLAUSE_OPS.join(' ')}`);
    case 'metric': {
      const scope = group === 'all' ? 'metric' : `per-tenant metric (group ${group})`;
      throw new ConfigProblem(
        at,
        `unknown ${scope} '${parsed.metric}'${didYouMean(parsed.metric, metrics)}`,
        metrics.join(', '),
      );
    }
    case 'value':
      throw new ConfigProblem(at, `'${parsed.value}' is not a number (the metric name carries the unit)`);
  }
}

/** Whether a point has one of the selected values of every selected parameter. */
export function matches(point: SelectablePoint, where: Expectation['where']): boolean {
  return Object.entries(where).every(([path, values]) => values.includes(point.params[path] as never));
}
