/** docs/metrics.md is generated from the one table of metric definitions (refresh: UPDATE_DOCS=1). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS, metricsDocument } from '../../src/model/metric-definitions.js';
import { METRICS } from '../../src/model/metrics.js';

const DOC = join(import.meta.dirname, '..', '..', 'docs', 'metrics.md');

describe('metric definitions', () => {
  it('define every metric, and only those', () => {
    expect(Object.keys(METRIC_DEFINITIONS).sort()).toEqual([...METRICS].sort());
    for (const m of METRICS) expect(METRIC_DEFINITIONS[m].trim(), m).toMatch(/\.$/);
  });

  it('docs/metrics.md is generated from them', () => {
    const doc = metricsDocument();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, doc);
    expect(
      readFileSync(DOC, 'utf8'),
      'refresh: UPDATE_DOCS=1 npx vitest run test/model/metric-definitions.test.ts',
    ).toBe(doc);
  });
});
