/**
 * Typed overrides: a canonical value set by path in memory reaches the resolved ModelConfig
 * unchanged for every declared parameter a profile gives (a round trip through the document
 * form and the schema), is validated like the file, replaces a sweep over its key, and a
 * prepared scenario resolves again without reading its files.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paramEntries } from '../../src/model/params/catalogue.js';
import { PLATFORM_PROFILE } from '../../src/profiles/index.js';
import { loadScenario, prepareScenario } from '../../src/scenario/index.js';
import { getIn } from '../../src/scenario/plain-data.js';
import { InputError } from '../../src/util/errors.js';

const TWO_GROUPS = relative(process.cwd(), join(import.meta.dirname, 'fixtures', 'two-groups.yaml'));

describe('typed overrides', () => {
  it('carry every platform value of a declared parameter to the ModelConfig unchanged', async () => {
    const declared = new Set(paramEntries().map((e) => e.path));
    const prepared = await prepareScenario(TWO_GROUPS);
    const problems: string[] = [];
    for (const p of PLATFORM_PROFILE.params) {
      if (!declared.has(p.path)) {
        problems.push(`${p.path}: not a declared parameter`);
        continue;
      }
      // A neighbouring value where the bounds allow one, so that an ignored override shows;
      // the platform value itself where none does (or where it contradicts the fixture, which
      // writes adminq.queues 2 with two weights).
      const neighbours =
        typeof p.value === 'number' && Number.isInteger(p.value)
          ? [p.value + 1, p.value - 1]
          : [scaled(p.value, 2), scaled(p.value, 0.5)];
      let value: unknown;
      let s: ReturnType<typeof prepared.resolve> | undefined;
      for (const c of [...neighbours, p.value]) {
        try {
          s = prepared.resolve([{ path: p.path, value: c }]);
          value = c;
          break;
        } catch {
          // out of bounds, not a power of two, or against a cross-field rule: try the next
        }
      }
      if (s === undefined) {
        problems.push(`${p.path}: no value resolves`);
        continue;
      }
      const got = getIn(s.points[0]?.config as unknown as Record<string, unknown>, p.path.split('.'));
      if (JSON.stringify(got) !== JSON.stringify(value))
        problems.push(`${p.path}: set ${JSON.stringify(value)}, got ${JSON.stringify(got)}`);
    }
    expect(problems).toEqual([]);
  });

  it('set a workload group by position, in canonical units', async () => {
    const prepared = await prepareScenario(TWO_GROUPS);
    const s = prepared.resolve([
      { path: 'workload.groups[1].traffic.rate', value: { unit: 'pps', value: 1234 } },
      { path: 'workload.groups[0].traffic.workingSet', value: 8192 },
    ]);
    const groups = s.points[0]?.config.workload.groups ?? [];
    expect(groups[1]?.traffic.ratePps).toBe(1234);
    expect(groups[0]?.traffic.workingSet).toBe(8192);
  });

  it('replace a sweep over their key, with a warning', async () => {
    const s = await loadScenario(TWO_GROUPS, {
      sets: ['sweep.grid.instances=[10, 20]'],
      overrides: [{ path: 'instances', value: 30 }],
    });
    expect(s.points.map((p) => p.config.instances)).toEqual([30]);
    expect(s.warnings.join('\n')).toMatch(/override instances=30 replaces the sweep over instances/);
  });

  it('refuse a value of the wrong kind or out of bounds, naming the path', async () => {
    const prepared = await prepareScenario(TWO_GROUPS);
    const bad = (path: string, value: number | string) => {
      try {
        prepared.resolve([{ path, value }]);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const wrongKind = bad('iommu.walk.memAccess', 'fast');
    expect(wrongKind).toBeInstanceOf(InputError);
    expect((wrongKind as InputError).format()).toMatch(/override iommu\.walk\.memAccess: expected ns/);
    const fraction = bad('iommu.walk.memAccess', 90.5);
    expect((fraction as InputError).format()).toMatch(/whole number of ns/);
    const tooMany = bad('limits.msixPerFunction', 4096);
    expect(tooMany).toBeInstanceOf(InputError);
    expect((tooMany as InputError).format()).toMatch(/limits\.msixPerFunction.*2048/s);
  });

  it('resolve a prepared scenario again without reading its file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vdpascale-prepared-'));
    const file = join(dir, 'two-groups.yaml');
    copyFileSync(TWO_GROUPS, file);
    const prepared = await prepareScenario(file);
    rmSync(dir, { recursive: true });
    const s = prepared.resolve([{ path: 'instances', value: 12 }]);
    expect(s.points[0]?.config.instances).toBe(12);
    expect(prepared.base.points[0]?.config.instances).not.toBe(12);
  });
});

/** A profile value with every number in it doubled (strings and flags kept). */
function scaled(value: unknown, factor: number): never {
  if (typeof value === 'number')
    return (Number.isInteger(value) ? Math.round(value * factor) : value * factor) as never;
  if (Array.isArray(value)) return value.map((v) => scaled(v, factor)) as never;
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'cv' || k === 'weights' ? v : scaled(v, factor)]),
    ) as never;
  return value as never;
}
