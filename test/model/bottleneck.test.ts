/** The choice of the binding resource among a run's resources (model/bottleneck.ts). */
import { describe, expect, it } from 'vitest';
import { bottleneckOf } from '../../src/model/bottleneck.js';
import type { ResourceName } from '../../src/model/ports.js';
import type { ResourceRole, ResourceUse } from '../../src/stats/resource-usage.js';

const use = (resource: string, role: ResourceRole, utilisation: number): ResourceUse => ({
  resource,
  role,
  capacity: 4,
  utilisation,
  queueMean: 0,
  queueMax: 0,
  queueCapacity: Number.NaN,
  waitMeanUs: Number.NaN,
});
const ledger = {
  capacity: (_: ResourceName) => 2048,
  used: (_: ResourceName) => 2046,
};

describe('bottleneckOf', () => {
  it('names the exhausted admission limit first, with how full it is', () => {
    const b = bottleneckOf([use('data-engines', 'server', 1)], 'msix-vectors', ledger);
    expect(b).toEqual({ name: 'msix-vectors', utilisation: 2046 / 2048 });
  });

  it('names the busiest server; a full buffer never binds', () => {
    const b = bottleneckOf(
      [
        use('adminq-workers', 'server', 0.98),
        use('adminq-queue-1', 'buffer', 1),
        use('data-engines', 'server', 0.2),
      ],
      '',
      ledger,
    );
    expect(b).toEqual({ name: 'adminq-workers', utilisation: 0.98 });
  });

  it('caps accounted time at 95%, so a server at least that busy outranks it', () => {
    // 8,825 submitters spinning on 4 host cores: charged 2206× what exists.
    const overcommitted = [use('host-cores', 'accounted', 2206), use('adminq-workers', 'server', 1)];
    expect(bottleneckOf(overcommitted, '', ledger).name).toBe('adminq-workers');
    // Never idle over a finite window, a server measures a hair under 1: still the cause.
    const windowed = [use('host-cores', 'accounted', 17.5), use('adminq-workers', 'server', 0.9995)];
    expect(bottleneckOf(windowed, '', ledger)).toEqual({ name: 'adminq-workers', utilisation: 0.9995 });
    // A lock re-taken after each hand-over, 98.6% busy, still sets the rate.
    const lock = [use('host-cores', 'accounted', 12), use('managed-cap-lock', 'server', 0.986)];
    expect(bottleneckOf(lock, '', ledger).name).toBe('managed-cap-lock');
    // No server that busy: the overcommitted host is what binds.
    const unsaturated = [use('host-cores', 'accounted', 3), use('adminq-workers', 'server', 0.9)];
    expect(bottleneckOf(unsaturated, '', ledger)).toEqual({ name: 'host-cores', utilisation: 3 });
    // Polling cores charged to the full, engines at 40%: the cores bind.
    const polling = [use('host-cores', 'accounted', 1), use('data-engines', 'server', 0.4)];
    expect(bottleneckOf(polling, '', ledger)).toEqual({ name: 'host-cores', utilisation: 1 });
  });

  it('a population full because a downstream server is saturated yields to that server', () => {
    // 100 build slots all held while their creations queue for the managed-cap lock.
    const downstream = [
      use('provisioning-callers', 'population', 1),
      use('managed-cap-lock', 'server', 0.9995),
    ];
    expect(bottleneckOf(downstream, '', ledger).name).toBe('managed-cap-lock');
    // 10 slots, 16 workers 70% busy: the slots are the limit.
    const slots = [use('provisioning-callers', 'population', 1), use('adminq-workers', 'server', 0.7)];
    expect(bottleneckOf(slots, '', ledger)).toEqual({ name: 'provisioning-callers', utilisation: 1 });
  });

  it('names nothing when nothing is used', () => {
    expect(bottleneckOf([use('data-engines', 'server', 0)], '', ledger).name).toBe('');
  });
});
