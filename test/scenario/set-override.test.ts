/** `--set PATH=VALUE`: paths, YAML 1.2 values, group names, and the same validation as the file. */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { formatKeyPath, parseKeyPath } from '../../src/scenario/key-path.js';
import { parseSet } from '../../src/scenario/set-override.js';
import { closest } from '../../src/scenario/suggest.js';

const TWO_GROUPS = relative(process.cwd(), join(import.meta.dirname, 'fixtures', 'two-groups.yaml'));

describe('parseSet', () => {
  it('splits at the first = and reads the value as YAML 1.2', () => {
    expect(parseSet('adminq.workers=8')).toMatchObject({ segments: ['adminq', 'workers'], value: 8 });
    expect(parseSet('strategy.transport=admin-vq').value).toBe('admin-vq');
    expect(parseSet('strategy.cvq=no').value).toBe('no');
    expect(parseSet('adminq.service={dist: exponential, mean: 50us}').value).toEqual({
      dist: 'exponential',
      mean: '50us',
    });
    expect(parseSet('adminq.weights=[3, 1]').value).toEqual([3, 1]);
    expect(parseSet('description=a=b').value).toBe('a=b');
    expect(parseSet('seed=null').value).toBeNull();
    expect(parseSet('sweep.grid.adminq.workers=[1, 4]').segments).toEqual([
      'sweep',
      'grid',
      'adminq.workers',
    ]);
  });

  it('parses key paths with indexes and group names', () => {
    expect(parseKeyPath('workload.groups[1].traffic.rate')).toEqual([
      'workload',
      'groups',
      1,
      'traffic',
      'rate',
    ]);
    expect(parseKeyPath('workload.groups[noisy].share')).toEqual([
      'workload',
      'groups',
      { name: 'noisy' },
      'share',
    ]);
    expect(formatKeyPath(['workload', 'groups', 1, 'traffic', 'rate'])).toBe(
      'workload.groups[1].traffic.rate',
    );
  });

  it('quotes a key that is no identifier, so an unknown empty key still has a visible path', () => {
    expect(formatKeyPath([''])).toBe('[""]');
    expect(formatKeyPath(['device', ''])).toBe('device[""]');
    expect(formatKeyPath(['device', 'a b', 'c'])).toBe('device["a b"].c');
  });
});

describe('--set on a scenario', () => {
  it('applies last, with units, to keys that were not in the file', async () => {
    const s = await loadScenario(TWO_GROUPS, {
      sets: [
        'adminq.workers=8',
        'adminq.service={dist: exponential, mean: 50us}',
        'workload.groups[noisy].control.limit.burst=4',
        'iommu.iotlb.pageSize=2MiB',
        'duration=5ms',
        'adminq.workers=16',
      ],
    });
    const config = s.points[0]?.config;
    expect(config?.adminq.workers).toBe(16);
    expect(config?.adminq.service.CREATE).toEqual({ dist: 'exponential', mean: 50_000 });
    expect(config?.workload.groups[1]?.control.limit).toEqual({ rate: 1000, burst: 4 });
    expect(config?.iommu.iotlb.pageSize).toBe(2 * 1024 * 1024);
    expect(s.durationNs).toBe(5_000_000);
  });

  it('null resets a key to its default', async () => {
    const s = await loadScenario(TWO_GROUPS, {
      sets: ['adminq.weights=null', 'adminq.queues=null', 'workload.groups[1].adminQueue=null'],
    });
    expect(s.points[0]?.config.adminq.weights).toEqual([1]);
  });
});

describe('suggestions', () => {
  it('finds typos, case slips and abbreviations, but not unrelated words', () => {
    expect(closest('wrokers', ['workers', 'depth'])).toBe('workers');
    expect(closest('QueueSize', ['queueSize'])).toBe('queueSize');
    expect(closest('expo', ['exponential', 'uniform'])).toBe('exponential');
    expect(closest('workload', ['seed', 'name'])).toBeUndefined();
  });
});
