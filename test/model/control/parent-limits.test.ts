/**
 * Admission limits with the shipped parent profiles (issue 19, items 5, 6 and 10), resolved as
 * `vdpascale run` resolves a scenario: each count is computed by hand from the profile values
 * cited beside it. `ready` start: instances are admitted in index order at t = 0.
 */
import { describe, expect, it } from 'vitest';
import { runControl } from './harness.js';
import { platformConfig } from './platform-config.js';

function admitted(fragment: Record<string, unknown>) {
  const run = runControl(platformConfig(fragment), { durationNs: 1000 });
  return { ready: run.metrics.instances_ready, resource: run.metrics.limit_resource, run };
}

const managed = { transport: 'admin-vq', provisioning: 'admin-vq', isolation: 'none' };

describe('one-function parents: a managed instance is a VF', () => {
  it('ifcvf stops at its 128 TotalVFs (one vDPA device per VF), not at 2176 / 3 = 725 hardware VQs', () => {
    const r = admitted({
      parent: 'ifcvf',
      instances: 1000,
      strategy: { ...managed, interrupts: 'msi-store' },
    });
    expect([r.ready, r.resource]).toEqual([128, 'vfs']);
  });

  it('vp_vdpa stops at the platform 256 TotalVFs; with the talk’s managed instances it does not', () => {
    const strategy = { ...managed, interrupts: 'msi-store' };
    expect(admitted({ parent: 'vp_vdpa', instances: 1000, strategy }).ready).toBe(256);
    // 4096 hardware VQs / 3 = 1365 once instances share the owner function.
    const proposal = admitted({
      parent: 'vp_vdpa',
      instances: 1400,
      limits: { functionPerInstance: 0 },
      strategy,
    });
    expect([proposal.ready, proposal.resource]).toEqual([1365, 'hw-vqs']);
  });
});

describe('vp_vdpa requests an IRQ per vector: posted delivery holds host CPU vectors', () => {
  it('msi-store, posted: 64 CPUs × 200 vectors / 4 vectors = 3,200 instances, the next names cpu-vectors', () => {
    const r = admitted({
      parent: 'vp_vdpa',
      instances: 3300,
      limits: { functionPerInstance: 0, hwVqs: 1 << 20, imsEntries: 1 << 20 },
      interrupts: { delivery: 'posted' },
      strategy: { ...managed, interrupts: 'msi-store' },
    });
    expect([r.ready, r.resource]).toEqual([3200, 'cpu-vectors']);
    expect(r.run.plane.ledger.used('cpu-vectors')).toBe(12_800);
  });
});

describe('doorbell pages in the owner function’s BAR', () => {
  it('3 VQs × 4 KiB each from the 1 GiB notify BAR: 87,381 instances, the next names notify-bar', () => {
    // 2^30 / 12,288 = 87,381.33; every other pool lifted above that.
    const r = admitted({
      parent: 'vp_vdpa',
      instances: 87_400,
      limits: { functionPerInstance: 0, hwVqs: 1 << 20 },
      strategy: { ...managed, interrupts: 'polling' },
    });
    expect([r.ready, r.resource]).toEqual([87_381, 'notify-bar']);
    expect(r.run.plane.ledger.used('notify-bar')).toBe(87_381 * 3 * 4096);
  });
});
