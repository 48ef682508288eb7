/**
 * Interrupt modes (docs/model.md, "Data path"), registered by name with a description and sources. The costs
 * and vector accounting live beside the model (src/model/interrupts/delivery.ts, vectors.ts),
 * which may not import this layer; this registry is the catalogue the scenario layer validates
 * `strategy.interrupts` against.
 */
import type { InterruptMode } from '../model/config.js';
import { Registry, type StrategyInfo } from './registry.js';

export interface InterruptModeStrategy extends StrategyInfo {
  readonly name: InterruptMode;
  /** The table whose entries the mode consumes (none for polling). */
  readonly resource: 'msix-vectors' | 'ims-entries' | undefined;
}

export const interruptModes = new Registry<InterruptModeStrategy>('interrupt mode');

interruptModes.register({
  name: 'msix',
  description:
    'A dedicated MSI-X vector per virtqueue plus one for config changes; instances fail when the function’s table (≤ 2048 entries) runs out.',
  sources: [
    'per-VQ MSI-X vectors plus config [[virtio-pci]]',
    'the 2048-entry MSI-X table (PCI_MSIX_FLAGS_QSIZE) [[linux-pci-regs]]',
  ],
  resource: 'msix-vectors',
});
interruptModes.register({
  name: 'shared',
  description:
    'Queues share vectors (sharers = ⌈queues / vectors available⌉); the handler checks every sharer’s used ring, costing CPU and latency per interrupt.',
  sources: ['the Linux fallback to one shared VQ vector [[virtio-pci]]', 'ifcvf MSI-X modes [[linux-ifcvf]]'],
  resource: 'msix-vectors',
});
interruptModes.register({
  name: 'msi-store',
  description:
    'Per-queue messages kept in device memory (IMS-like), delivered like MSI-X; no 2048 limit, bounded by the device’s message store and the IOMMU’s remapping entries.',
  sources: ['the Interrupt Message Store [[intel-siov]]', 'Linux IMS support [[linux-ims-2022]]'],
  resource: 'ims-entries',
});
interruptModes.register({
  name: 'polling',
  description:
    'Host cores poll every used ring each interval (cost per ring checked); no interrupts; latency up to one interval, which stretches when the rings outgrow the cores.',
  sources: ['estimate: poll cost per ring ≈ one used-index read (profiles: interrupts.pollPerRing)'],
  resource: undefined,
});
