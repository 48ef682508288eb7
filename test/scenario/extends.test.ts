/** `extends`: a chain of base files merged under a scenario, relative paths, null removal, errors in bases. */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { InputError } from '../../src/util/errors.js';

const DIR = relative(process.cwd(), join(import.meta.dirname, 'fixtures', 'extends'));

describe('extends', () => {
  it('merges objects key by key through a chain, replaces lists, and null drops a key', async () => {
    const s = await loadScenario(join(DIR, 'child.yaml'));
    expect(s.name).toBe('child');
    expect(s.seed).toBe(7);
    expect(s.durationNs).toBe(10_000_000);
    const config = s.points[0]?.config;
    // queues and policy from base.yaml, depth from sub/middle.yaml, weights from child.yaml
    expect(config?.adminq).toMatchObject({ queues: 2, depth: 32, policy: 'drr', weights: [3, 1] });
    // the child's group list replaces the base's
    expect(config?.workload.groups.map((g) => g.name)).toEqual(['only']);
    // sweep: null removed the base's sweep
    expect(s.points).toHaveLength(1);
    expect(s.swept).toEqual([]);
    expect(s.document.extends).toBeUndefined();
    expect(s.document.$schema).toBeUndefined();
    expect(s.document.sweep).toBeUndefined();
  });

  it('loads the base on its own as an ordinary scenario', async () => {
    const s = await loadScenario(join(DIR, 'base.yaml'));
    expect(s.points.map((p) => p.params)).toEqual([{ instances: 2 }, { instances: 4 }]);
  });

  it('reports a bad value at its line in the base file', async () => {
    const error = await loadScenario(join(DIR, 'bad-value-in-base.yaml')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const { location } = error as InputError;
    expect(location.file).toBe(join(DIR, 'broken-base.yaml'));
    expect(location.line).toBe(4);
    expect(location.path).toBe('adminq.workers');
  });
});
