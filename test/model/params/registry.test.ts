/**
 * The parameter declarations are complete and consistent: every parameter has a description and
 * a unit, every condition names a declared parameter, every hardware parameter gets a value
 * from the platform profile, and every profile range lies within the validator's bounds (so
 * calibration and sensitivity never sample a value the schema would refuse).
 */
import { describe, expect, it } from 'vitest';
import { groupEntries, paramAt, paramEntries } from '../../../src/model/params/catalogue.js';
import type { ValueKind } from '../../../src/model/params/param.js';
import { listProfiles, PLATFORM_PROFILE } from '../../../src/profiles/index.js';

/** Inclusive numeric bounds of a kind in canonical units, when it has any. */
function bounds(v: ValueKind): { min: number; max: number } | undefined {
  switch (v.type) {
    case 'count':
    case 'real':
      return { min: v.min, max: v.max };
    case 'duration': {
      const scale = v.inUs ? 1 / 1000 : 1;
      return { min: (v.min ?? 0) * scale, max: (v.max ?? Number.POSITIVE_INFINITY) * scale };
    }
    case 'size':
      return { min: v.min ?? 0, max: v.max ?? Number.POSITIVE_INFINITY };
    default:
      return undefined;
  }
}

describe('parameter declarations', () => {
  it('describe every parameter, with a unit', () => {
    for (const { path, param } of paramEntries()) {
      expect(param.description.trim(), path).not.toBe('');
      expect(param.unit.trim(), path).not.toBe('');
    }
  });

  it('name only declared parameters in their conditions', () => {
    const conditions = [...paramEntries(), ...groupEntries()].flatMap((e) => e.conditions);
    for (const c of conditions) expect(paramAt(c.path), c.path).toBeDefined();
  });

  it('declare each path once', () => {
    const paths = paramEntries().map((e) => e.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('get a platform value for every hardware parameter', () => {
    const given = new Set(PLATFORM_PROFILE.params.map((p) => p.path as string));
    const missing = paramEntries()
      .filter((e) => e.param.origin.from === 'profile' && e.param.absent === undefined)
      .map((e) => e.path)
      .filter((p) => !given.has(p) && !p.startsWith('interrupts.coalescing.profile'));
    expect(missing).toEqual([]);
  });

  it('keep every profile value and range within the bounds the schema enforces', () => {
    const problems: string[] = [];
    for (const profile of [PLATFORM_PROFILE, ...listProfiles()]) {
      for (const p of profile.params) {
        const entry = paramAt(p.path);
        if (entry === undefined) {
          problems.push(`${profile.name}: ${p.path} is not a declared parameter`);
          continue;
        }
        const b = bounds(entry.param.value);
        if (b === undefined) continue;
        const points = [
          ...(typeof p.value === 'number' ? [p.value] : []),
          ...(p.range === undefined ? [] : [p.range.min, p.range.max]),
        ];
        for (const x of points) {
          if (x < b.min || x > b.max)
            problems.push(`${profile.name}: ${p.path} ${x} outside [${b.min}, ${b.max}]`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
