/**
 * Checks a scenario's `charts` against what the results will hold: y must be a metric, and
 * x, color and facet a swept parameter or `group` (x may also be `quantile`). A valid key
 * that is simply not swept is only a warning — the chart shows one value — so that adding
 * `--set` for one of the swept keys (e.g. the capacity search's `--set instances=N`) does not
 * make the scenario unloadable.
 */
import { METRICS } from '../model/metrics.js';
import { ConfigProblem } from './config-problem.js';
import { columnName, parseKeyPath } from './key-path.js';
import type { ChartSpec } from './scenario-schema.js';
import { scenarioSchema } from './scenario-schema.js';
import { checkSchemaPath } from './schema-walk.js';
import { didYouMean } from './suggest.js';

const METRIC_NAMES: readonly string[] = METRICS;
const DIMENSION_KEYS = ['x', 'color', 'facet'] as const;

export function checkCharts(charts: readonly ChartSpec[], swept: readonly string[]): string[] {
  const warnings: string[] = [];
  const names = new Set<string>();
  charts.forEach((chart, i) => {
    if (!METRIC_NAMES.includes(chart.y)) {
      throw new ConfigProblem(
        ['charts', i, 'y'],
        `unknown metric '${chart.y}'${didYouMean(chart.y, METRIC_NAMES)}`,
        METRIC_NAMES.join(', '),
      );
    }
    for (const key of DIMENSION_KEYS) {
      const warning = checkDimension(chart[key], key, i, swept);
      if (warning !== undefined) warnings.push(warning);
    }
    if (chart.name !== undefined) {
      if (names.has(chart.name))
        throw new ConfigProblem(['charts', i, 'name'], `two charts are named '${chart.name}'`);
      names.add(chart.name);
    }
  });
  return warnings;
}

function checkDimension(
  value: string | undefined,
  key: string,
  index: number,
  swept: readonly string[],
): string | undefined {
  if (value === undefined || value === 'group' || (key === 'x' && value === 'quantile')) return undefined;
  if (swept.includes(value) || swept.map(columnName).includes(value)) return undefined;
  const choices = [...swept, 'group', ...(key === 'x' ? ['quantile'] : [])];
  let known = false;
  try {
    known = checkSchemaPath(scenarioSchema, parseKeyPath(value)).ok;
  } catch {
    known = false;
  }
  if (known)
    return `charts[${index}].${key}: '${value}' is not swept, so the chart has a single ${key} value`;
  throw new ConfigProblem(
    ['charts', index, key],
    `'${value}' is neither a swept parameter nor group${didYouMean(value, choices)}`,
    choices.join(', '),
  );
}
