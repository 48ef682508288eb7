import { describe, expect, it } from 'vitest';
import { isSourceKey } from '../../src/bibliography/bibliography.js';
import { COMMAND_CLASSES, PARENTS } from '../../src/model/config.js';
import {
  BASES,
  CONFIG_PATHS,
  configPathInfo,
  getProfile,
  hardwarePaths,
  isHardwarePath,
  listProfiles,
  PLATFORM_PROFILE,
  type ProfileParam,
  profileValues,
  resolveProfile,
} from '../../src/profiles/index.js';
import { DIST_NAMES, type DistSpec, makeDistribution } from '../../src/random/distribution.js';
import { InputError } from '../../src/util/errors.js';

const ALL = [PLATFORM_PROFILE, ...listProfiles()];
const REQUIRED = hardwarePaths().filter((p) => p.optional !== true);

function isNonNegative(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0;
}

function isDistSpec(v: unknown): v is DistSpec {
  if (typeof v !== 'object' || v === null || !('dist' in v)) return false;
  const d = v as DistSpec;
  if (!DIST_NAMES.includes(d.dist)) return false;
  switch (d.dist) {
    case 'constant':
    case 'deterministic':
      return isNonNegative(d.value);
    case 'exponential':
      return isNonNegative(d.mean) && d.mean > 0;
    case 'uniform':
      return isNonNegative(d.min) && isNonNegative(d.max) && d.min <= d.max;
    case 'lognormal':
      return isNonNegative(d.mean) && d.mean > 0 && isNonNegative(d.cv);
    case 'empirical':
      return (
        d.values.length > 0 &&
        d.values.every(isNonNegative) &&
        (d.weights === undefined || (d.weights.length === d.values.length && d.weights.every(isNonNegative)))
      );
  }
}

/** Why a value does not fit its ModelConfig leaf, or undefined when it does. */
function typeProblem(p: ProfileParam): string | undefined {
  const info = configPathInfo(p.path);
  if (info === undefined) return 'not a ModelConfig leaf';
  switch (info.kind) {
    case 'integer':
      return Number.isSafeInteger(p.value) && (p.value as number) >= 0
        ? undefined
        : 'not a non-negative integer';
    case 'number':
      return isNonNegative(p.value) ? undefined : 'not a non-negative number';
    case 'dist':
      return isDistSpec(p.value) ? undefined : 'not a valid DistSpec';
    case 'string':
      return typeof p.value === 'string' && (info.values ?? []).includes(p.value)
        ? undefined
        : 'not an allowed value';
    default:
      return `a profile cannot set a ${info.kind}`;
  }
}

describe('config paths', () => {
  it('lists each path once', () => {
    const paths = CONFIG_PATHS.map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('lists a service time per command class', () => {
    for (const c of COMMAND_CLASSES) expect(isHardwarePath(`adminq.service.${c}`)).toBe(true);
  });

  it('keeps strategy, workload and QoS policy out of the hardware paths', () => {
    for (const path of [
      'parent',
      'instances',
      'strategy.transport',
      'adminq.policy',
      'adminq.weights',
      'host.cores',
    ]) {
      expect(isHardwarePath(path)).toBe(false);
    }
    expect(isHardwarePath('no.such.path')).toBe(false);
  });
});

describe.each(ALL.map((p) => [p.name, p] as const))('profile %s', (_name, profile) => {
  it('documents every parameter with a unit, a range or a note on it, a basis and its sources', () => {
    for (const p of profile.params) {
      expect(p.unit.trim(), p.path).not.toBe('');
      expect(p.range !== undefined || (p.rangeNote ?? '').trim() !== '', p.path).toBe(true);
      expect(BASES, p.path).toContain(p.basis);
      expect(p.note.trim(), p.path).not.toBe('');
      for (const key of p.cite) expect(isSourceKey(key), `${p.path}: ${key}`).toBe(true);
      // Only an estimate or a design fact may stand without a public document.
      if (p.basis !== 'estimate' && p.basis !== 'design') expect(p.cite.length, p.path).toBeGreaterThan(0);
    }
  });

  it('gives numeric ranges that hold the value (for a distribution: its mean)', () => {
    for (const p of profile.params) {
      if (p.range === undefined) continue;
      const v = typeof p.value === 'object' ? makeDistribution(p.value).mean : p.value;
      expect(typeof v, p.path).toBe('number');
      expect(p.range.min, p.path).toBeLessThanOrEqual(v as number);
      expect(p.range.max, p.path).toBeGreaterThanOrEqual(v as number);
      const decades = p.range.min > 0 && p.range.max / p.range.min > 10;
      expect(p.range.scale, p.path).toBe(decades ? 'log' : 'linear');
    }
  });

  it('sets only hardware paths of ModelConfig, each once', () => {
    const paths = profile.params.map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.filter((path) => !isHardwarePath(path))).toEqual([]);
  });

  it('gives each value the type its ModelConfig leaf has', () => {
    const problems = profile.params.flatMap((p) => {
      const why = typeProblem(p);
      return why === undefined ? [] : [`${p.path}: ${why}`];
    });
    expect(problems).toEqual([]);
  });

  it('marks DistSpec values with the dist(ns) unit and only them', () => {
    for (const p of profile.params)
      expect(p.unit === 'dist(ns)', p.path).toBe(configPathInfo(p.path)?.kind === 'dist');
  });

  it('has a description and behaviour sentences', () => {
    expect(profile.description).not.toBe('');
    expect(profile.behaviour.length).toBeGreaterThan(0);
  });
});

describe('platform profile', () => {
  it('covers every hardware path of ModelConfig', () => {
    const set = new Set<string>(PLATFORM_PROFILE.params.map((p) => p.path));
    expect(REQUIRED.map((p) => p.path).filter((path) => !set.has(path))).toEqual([]);
  });

  it('keeps the cited calibration points in canonical units', () => {
    const v = new Map<string, unknown>(PLATFORM_PROFILE.params.map((p) => [p.path, p.value]));
    // single-stage miss ≈ 300 ns = 4 levels × 75 ns [[neugebauer-pcie-2018]]
    expect((v.get('iommu.walk.levels') as number) * (v.get('iommu.walk.memAccess') as number)).toBe(300);
    expect(v.get('transport.mmioRead')).toEqual({ dist: 'deterministic', value: 1000 });
    expect(v.get('transport.vendorService')).toEqual({ dist: 'deterministic', value: 1_100_000 });
    expect(v.get('transport.vfCreate')).toEqual({ dist: 'deterministic', value: 400_000_000 });
    expect(v.get('iommu.lazyTimeout')).toBe(10_000_000);
    expect(v.get('interrupts.exit')).toBe(710);
    // the virtio reset value, which virtio_net keeps [[virtio-net]]
    expect(v.get('interrupts.coalescing.maxUsecs')).toBe(0);
    expect(v.get('interrupts.coalescing.maxPackets')).toBe(0);
    expect(v.get('limits.msixPerFunction')).toBe(2048);
    expect(v.get('limits.irtePerUnit')).toBe(65536);
    expect(v.get('adminq.depth')).toBe(32);
  });
});

describe('parent profiles', () => {
  it('are the five parents of config.ts, in order', () => {
    expect(listProfiles().map((p) => p.name)).toEqual([...PARENTS]);
  });

  it.each([...PARENTS])('%s with the platform gives a value for every hardware path', (name) => {
    const set = new Set<string>(profileValues(name).map((v) => v.path));
    expect(REQUIRED.map((p) => p.path).filter((path) => !set.has(path))).toEqual([]);
  });

  it.each([...PARENTS])('%s lists only values that differ from the platform', (name) => {
    const platform = new Map<string, unknown>(PLATFORM_PROFILE.params.map((p) => [p.path, p.value]));
    const same = getProfile(name).params.filter(
      (p) => JSON.stringify(p.value) === JSON.stringify(platform.get(p.path)),
    );
    expect(same.map((p) => p.path)).toEqual([]);
  });

  it('overlay the platform and mark what they inherit', () => {
    const mlx5 = resolveProfile('mlx5');
    const byPath = new Map(mlx5.map((p) => [p.path, p]));
    expect(byPath.get('limits.totalVfs')).toMatchObject({ value: 127, from: 'mlx5' });
    expect(byPath.get('transport.vendorSlots')).toMatchObject({ value: 31, from: 'platform' });
    expect(mlx5.map((p) => p.path)).toEqual(
      CONFIG_PATHS.map((p) => p.path).filter((path) => byPath.has(path)),
    );
  });

  it('express each parent’s behaviour through ModelConfig fields', () => {
    const value = (name: string, path: string) => profileValues(name).find((v) => v.path === path)?.value;
    expect(value('ifcvf', 'limits.maxQueuesPerInstance')).toBe(17);
    expect(value('ifcvf', 'limits.totalVfs')).toBe(128);
    expect(value('mlx5', 'limits.totalVfs')).toBe(127);
    expect(value('mlx5', 'iommu.deviceMmu.keyBuild')).toBe(1_000_000_000);
    expect(value('mlx5', 'transport.vendorService')).toEqual({
      dist: 'empirical',
      values: [1_100_000, 500_000],
      weights: [1, 1],
    });
    expect(value('vduse', 'device.dataPath')).toBe('vduse');
    expect(value('vduse', 'limits.instanceMemory')).toBe(64 * 1024 * 1024);
    expect(value('vduse', 'iommu.missPenalty')).toBe(0);
    expect(value('vdpa_sim', 'device.dataPath')).toBe('software');
    expect(value('vdpa_sim', 'iommu.iotlb.entries')).toBe(2048);
    expect(value('vdpa_sim', 'limits.maxQueuesPerInstance')).toBe(3);
    expect(value('vp_vdpa', 'limits.pasidBits')).toBe(0);
    expect(value('vp_vdpa', 'limits.deviceMmuContexts')).toBe(0);
  });

  it('say so when a number is unverified', () => {
    const vfs = getProfile('ifcvf').params.find((p) => p.path === 'limits.totalVfs');
    expect(vfs?.rangeNote).toMatch(/UNVERIFIED/);
    expect(vfs?.basis).toBe('estimate');
  });

  it('hand out copies, so callers cannot change a profile', () => {
    const vendorValues = () => {
      const v = profileValues('mlx5').find((x) => x.path === 'transport.vendorService')?.value;
      return (v as { values: number[] } | undefined)?.values ?? [];
    };
    const first = vendorValues();
    first[0] = 1;
    expect(vendorValues()[0]).toBe(1_100_000);
  });

  it('reject an unknown name with the valid ones', () => {
    expect(() => getProfile('mlx4')).toThrow(InputError);
    try {
      getProfile('mlx4');
    } catch (e) {
      expect((e as InputError).format()).toContain('ifcvf, mlx5, vp_vdpa, vduse, vdpa_sim');
    }
  });
});
