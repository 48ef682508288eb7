/**
 * Resource limits bite at exactly the configured count (docs/model.md, "Control plane"), the rejected instance
 * names the first resource exhausted in the documented order, and `limit_resource` reports the
 * resource that rejected the first rejected instance. `ready` start: instances are admitted in
 * index order at t = 0.
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../../src/model/config.js';
import { ResourceLedger } from '../../../src/model/control/resource-ledger.js';
import { InstanceState } from '../../../src/model/instance-table.js';
import { RESOURCE_NAMES } from '../../../src/model/ports.js';
import { chooseStrategies } from '../../../src/strategies/catalogue.js';
import { fixtureConfig, group } from './fixture-config.js';
import { runControl } from './harness.js';

function readyRun(n: number, patch: (c: ModelConfig) => void) {
  const config = fixtureConfig(n);
  patch(config);
  return runControl(config, { durationNs: 1000 });
}

/** Instances admitted before the first rejection, and the index and resource of that rejection. */
function firstRejection(n: number, patch: (c: ModelConfig) => void) {
  const run = readyRun(n, patch);
  let first = -1;
  for (let i = 0; i < n; i++) {
    if (run.instances.state[i] === InstanceState.REJECTED) {
      first = i;
      break;
    }
  }
  return { ready: run.metrics.instances_ready, first, resource: run.metrics.limit_resource, run };
}

describe('resource limits', () => {
  it('msix: floor(2048 / 4) = 512 instances; the 513th is rejected naming msix-vectors', () => {
    const r = firstRejection(600, (c) => {
      c.limits.msixPerFunction = 2048;
    });
    expect(r.ready).toBe(512);
    expect(r.first).toBe(512);
    expect(r.resource).toBe('msix-vectors');
    expect(r.run.metrics.instances_rejected).toBe(88);
    expect(r.run.plane.ledger.used('msix-vectors')).toBe(2048);
  });

  it('a software CVQ needs 3 vectors: floor(2048 / 3) = 682', () => {
    const r = firstRejection(700, (c) => {
      c.limits.msixPerFunction = 2048;
      c.strategy.cvq = 'software';
    });
    expect(r.ready).toBe(682);
    expect(r.first).toBe(682);
    expect(r.resource).toBe('msix-vectors');
  });

  it('shared and polling interrupts need no dedicated vectors', () => {
    for (const mode of ['shared', 'polling'] as const) {
      const r = firstRejection(1000, (c) => {
        c.limits.msixPerFunction = 2048;
        c.strategy.interrupts = mode;
      });
      expect(r.ready).toBe(1000);
      expect(r.resource).toBe('');
    }
  });

  it('per-vf: TotalVFs = 127', () => {
    const r = firstRejection(200, (c) => {
      c.strategy.transport = 'per-vf';
    });
    expect([r.ready, r.first, r.resource]).toEqual([127, 127, 'vfs']);
  });

  it("per-vf draws vectors from the VF's own table: a 3-entry VF table rejects every 4-vector instance", () => {
    const r = firstRejection(10, (c) => {
      c.strategy.transport = 'per-vf';
      c.limits.msixPerVf = 3;
    });
    expect([r.ready, r.first, r.resource]).toEqual([0, 0, 'msix-vectors']);
  });

  // [resource, patch, expected admitted count] — each computed from the per-instance demand.
  const cases: [string, (c: ModelConfig) => void, number][] = [
    // 3 VQs each: 99 ≤ 100 < 102.
    [
      'hw-vqs',
      (c) => {
        c.limits.hwVqs = 100;
      },
      33,
    ],
    // 2 · 9 + 1 = 19 queues > 17 (ifcvf): no instance fits.
    [
      'queues-per-instance',
      (c) => {
        c.device.queuePairs = 9;
      },
      0,
    ],
    [
      'ims-entries',
      (c) => {
        c.strategy.interrupts = 'msi-store';
        c.limits.imsEntries = 16_384; // / 4 messages
        c.limits.hostCpus = 128; // 25,600 host vectors / 4 = 6,400: the entries bind first
      },
      4096,
    ],
    [
      'irte',
      (c) => {
        c.limits.irtePerUnit = 65_536; // one unit / 4 vectors
        c.limits.iommuUnits = 1;
        c.limits.hostCpus = 512; // 102,400 host vectors / 4 = 25,600: the IRTEs bind first
      },
      16_384,
    ],
    [
      'cpu-vectors',
      (c) => {
        c.interrupts.delivery = 'exit';
        c.limits.hostCpus = 2; // 2 × 200 / 4
      },
      100,
    ],
    // Posted delivery holds host vectors too: 64 CPUs × 200 vectors / 4 = 3,200 msi-store instances.
    [
      'cpu-vectors',
      (c) => {
        c.interrupts.delivery = 'posted';
        c.strategy.interrupts = 'msi-store';
        c.limits.imsEntries = 1 << 20;
        c.limits.hostCpus = 64;
        c.limits.vectorsPerCpu = 200;
      },
      3200,
    ],
    // PASID 0 is reserved (IOMMU_NO_PASID): 10 bits give 2^10 − 1 = 1023.
    [
      'pasid',
      (c) => {
        c.limits.pasidBits = 10;
      },
      1023,
    ],
    // pasid-per-vq takes a PASID per translated VQ group: with 3 groups, RX and TX in groups 0
    // and 1, the hardware CVQ in group 2: ⌊1023 / 3⌋ = 341.
    [
      'pasid',
      (c) => {
        c.limits.pasidBits = 10;
        c.limits.vqGroups = 3;
        c.strategy.isolation = 'pasid-per-vq';
      },
      341,
    ],
    // ... and a domain per group: ⌊1000 / 3⌋ = 333 (it charged one per instance before).
    [
      'iommu-domains',
      (c) => {
        c.limits.domainIds = 1000;
        c.limits.vqGroups = 3;
        c.strategy.isolation = 'pasid-per-vq';
      },
      333,
    ],
    // mlx5's two groups with a software CVQ: the data VQs share group 0 and the CVQ's group is
    // the driver's own IOTLB, so one domain per instance.
    [
      'iommu-domains',
      (c) => {
        c.limits.domainIds = 1000;
        c.limits.vqGroups = 2;
        c.strategy.cvq = 'software';
        c.strategy.isolation = 'pasid-per-vq';
      },
      1000,
    ],
    // A one-function parent (ifcvf, vp_vdpa): a managed instance is a VF, TotalVFs = 127.
    [
      'vfs',
      (c) => {
        c.limits.functionPerInstance = 1;
      },
      127,
    ],
    // Doorbells: 3 VQs × 4 KiB pages from the owner's BAR; 10 instances fit, the 11th does not.
    [
      'notify-bar',
      (c) => {
        c.limits.notifyBar = 10 * 3 * 4096 + 4095;
        c.limits.notifyPerQueue = 4096;
      },
      10,
    ],
    [
      'iommu-domains',
      (c) => {
        c.limits.domainIds = 1000;
      },
      1000,
    ],
    [
      'device-mmu-contexts',
      (c) => {
        c.strategy.isolation = 'device-mmu';
        c.limits.deviceMmuContexts = 50;
      },
      50,
    ],
    [
      'device-memory',
      (c) => {
        c.limits.deviceMemory = 10 * 4096 + 4095;
      },
      10,
    ],
  ];
  for (const [resource, patch, admitted] of cases) {
    it(`${resource} bites at exactly ${admitted}`, () => {
      const r = firstRejection(admitted + 5, patch);
      expect([r.ready, r.first, r.resource]).toEqual([admitted, admitted, resource]);
    });
  }

  it('pasidBits 0 admits no PASID instance (PASID 0 is reserved)', () => {
    const config = fixtureConfig(1);
    config.limits.pasidBits = 0;
    const ledger = new ResourceLedger(config, chooseStrategies(config));
    expect(ledger.capacity('pasid')).toBe(0);
    expect(ledger.tryAdmit()).toBe('pasid');
  });

  it('a per-vf instance on a one-function parent is one VF, not two', () => {
    const r = firstRejection(200, (c) => {
      c.strategy.transport = 'per-vf';
      c.limits.functionPerInstance = 1;
    });
    expect([r.ready, r.first, r.resource]).toEqual([127, 127, 'vfs']);
  });

  it("a one-function parent's instance draws vectors from its VF's table and no BAR of the owner", () => {
    const vfTable = firstRejection(10, (c) => {
      c.limits.functionPerInstance = 1;
      c.limits.msixPerVf = 3; // 4 vectors wanted
    });
    expect([vfTable.ready, vfTable.resource]).toEqual([0, 'msix-vectors']);
    const bar = firstRejection(10, (c) => {
      c.limits.functionPerInstance = 1;
      c.limits.notifyBar = 0;
    });
    expect([bar.ready, bar.resource]).toEqual([10, '']);
    expect(bar.run.plane.ledger.capacity('notify-bar')).toBe(Number.POSITIVE_INFINITY);
  });

  it('names the first resource in check order when several are exhausted at once', () => {
    // hw-vqs (33 instances) binds before msix (40), and is named although msix is checked later.
    const r = firstRejection(50, (c) => {
      c.limits.hwVqs = 100;
      c.limits.msixPerFunction = 160;
    });
    expect([r.ready, r.resource]).toEqual([33, 'hw-vqs']);
    // Both exhausted by the same instance: the earlier in RESOURCE_NAMES is named.
    const both = firstRejection(50, (c) => {
      c.limits.hwVqs = 30; // 10 instances
      c.limits.msixPerFunction = 40; // 10 instances
    });
    expect([both.ready, both.resource]).toEqual([10, 'hw-vqs']);
    expect(RESOURCE_NAMES.indexOf('hw-vqs')).toBeLessThan(RESOURCE_NAMES.indexOf('msix-vectors'));
  });

  it('per-group rejection counts', () => {
    const config = fixtureConfig(20);
    config.limits.hwVqs = 30; // 10 instances fit: group a (0–9), group b rejected
    config.workload.groups = [group('a', 10), group('b', 10)];
    const run = runControl(config, { durationNs: 1000 });
    expect(run.groups.a?.instances_ready).toBe(10);
    expect(run.groups.b?.instances_rejected).toBe(10);
  });

  it('release gives the resources back', () => {
    const config = fixtureConfig(1);
    config.limits.msixPerFunction = 4;
    const ledger = new ResourceLedger(config, chooseStrategies(config));
    expect(ledger.tryAdmit()).toBeUndefined();
    expect(ledger.tryAdmit()).toBe('msix-vectors');
    ledger.release();
    expect(ledger.used('msix-vectors')).toBe(0);
    expect(ledger.tryAdmit()).toBeUndefined();
    expect(ledger.capacity('msix-vectors')).toBe(4);
    expect(ledger.capacity('vfs')).toBe(Number.POSITIVE_INFINITY);
  });
});
