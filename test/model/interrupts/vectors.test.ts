import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../../src/model/config.js';
import { ResourceLedger } from '../../../src/model/control/resource-ledger.js';
import { interruptCosts } from '../../../src/model/interrupts/delivery.js';
import { dedicatedVectorCapacity } from '../../../src/model/interrupts/vectors.js';
import { chooseStrategies } from '../../../src/strategies/catalogue.js';
import { fixtureConfig } from '../data-path/fixture-config.js';

const mode = (c: ModelConfig) => chooseStrategies(c).interrupts;
const shape = (c: ModelConfig) => chooseStrategies(c).shape;

describe('vectors per instance (virtio-pci per-VQ MSI-X mapping)', () => {
  it('2·pairs + hardware CVQ + config', () => {
    const c = fixtureConfig();
    expect(shape(c).queues).toBe(3);
    expect(shape(c).vectors).toBe(4); // virtio-pci: one pair with a CVQ needs 4 [[virtio-pci]]
    c.strategy.cvq = 'software';
    expect(shape(c).queues).toBe(2);
    expect(shape(c).vectors).toBe(3);
    c.strategy.cvq = 'none';
    c.device.queuePairs = 8;
    expect(shape(c).vectors).toBe(17);
  });

  it('dedicated capacity of a 2048-entry function is ⌊2048 / vectors per instance⌋', () => {
    const c = fixtureConfig();
    expect(dedicatedVectorCapacity(c, shape(c))).toBe(512);
    c.strategy.cvq = 'software';
    expect(dedicatedVectorCapacity(c, shape(c))).toBe(682);
  });

  it('the resource ledger admits exactly ⌊2048 / V⌋ msix instances and names the vectors on the next', () => {
    for (const cvq of ['hardware', 'software'] as const) {
      const c = fixtureConfig();
      c.strategy.cvq = cvq;
      c.instances = 10_000;
      const ledger = new ResourceLedger(c, chooseStrategies(c));
      let admitted = 0;
      let refused: string | undefined;
      while (refused === undefined) {
        refused = ledger.tryAdmit();
        if (refused === undefined) admitted++;
      }
      expect(admitted).toBe(Math.floor(2048 / shape(c).vectors));
      expect(refused).toBe('msix-vectors');
      expect(ledger.used('msix-vectors')).toBe(admitted * shape(c).vectors);
    }
  });

  it('shared mode: sharers = ⌈queues needing vectors / vectors available⌉', () => {
    const c = fixtureConfig();
    c.strategy.interrupts = 'shared';
    c.instances = 100_000;
    expect(mode(c).sharersPerVector(c, shape(c), c.instances)).toBe(Math.ceil((100_000 * 3) / 2048)); // 147
    c.instances = 100;
    expect(mode(c).sharersPerVector(c, shape(c), c.instances)).toBe(1);
    c.strategy.transport = 'per-vf';
    c.limits.msixPerVf = 2;
    expect(mode(c).sharersPerVector(c, shape(c), c.instances)).toBe(2); // 3 queues over its own 2 vectors
    c.strategy.interrupts = 'polling';
    expect(mode(c).sharersPerVector(c, shape(c), c.instances)).toBe(0);
    c.strategy.interrupts = 'msi-store';
    expect(mode(c).sharersPerVector(c, shape(c), c.instances)).toBe(1);
  });

  it('vectors used by mode; the sharer scan is host CPU and delay, not guest handler time', () => {
    const c = fixtureConfig();
    expect(mode(c).vectorsUsed(c, shape(c), 10)).toBe(40);
    c.strategy.interrupts = 'shared';
    c.instances = 100_000;
    c.interrupts.delivery = 'exit';
    expect(mode(c).vectorsUsed(c, shape(c), 100_000)).toBe(2048);
    const costs = interruptCosts(c, mode(c), shape(c));
    const exits = c.interrupts.exitsPerInterrupt * c.interrupts.exit;
    // ⌈100,000 × 3 / 2048⌉ = 147 sharers, each used ring checked by the host's shared handler
    // (ifcvf_vqs_reused_intr_handler) before the guest is signalled.
    const scan = 147 * c.interrupts.sharerCheck;
    expect(costs.handlerNs).toBe(c.interrupts.guestIrq);
    expect(costs.hostNsPerInterrupt).toBe(exits + scan);
    expect(costs.deliveryNs).toBe(exits + scan);
    // One sharer: a dedicated vector, no scan (and posting is allowed).
    c.instances = 100;
    expect(interruptCosts(c, mode(c), shape(c)).hostNsPerInterrupt).toBe(exits);
    c.strategy.interrupts = 'polling';
    expect(mode(c).vectorsUsed(c, shape(c), 100_000)).toBe(0);
  });

  it('exit delivery costs exitsPerInterrupt exits of host CPU and latency; posted costs neither', () => {
    const c = fixtureConfig();
    expect(interruptCosts(c, mode(c), shape(c))).toMatchObject({ deliveryNs: 500, hostNsPerInterrupt: 0 });
    c.interrupts.delivery = 'exit';
    expect(interruptCosts(c, mode(c), shape(c))).toMatchObject({
      deliveryNs: 1420,
      hostNsPerInterrupt: 1420,
    });
  });
});
