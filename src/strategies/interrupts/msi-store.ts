import { deliveredMessages, interruptModes } from './interrupt-modes.js';

interruptModes.register({
  kind: 'interrupts',
  name: 'msi-store',
  summary: 'IMS-like messages in the device',
  description:
    'Per-queue messages kept in device memory (IMS-like), delivered like MSI-X; no 2048 limit, bounded by the device’s message store and the IOMMU’s remapping entries.',
  cite: ['intel-siov', 'linux-ims-2022'],
  uses: ['limits.imsEntries'],
  ignores: [],
  delivers: true,
  programming: 'message',
  sharersPerVector: () => 1,
  vectorsUsed: (_config, shape, active) => active * shape.vectors,
  scanNs: () => 0,
  draws: (config, shape) => ({ 'ims-entries': shape.vectors, ...deliveredMessages(shape.vectors, config) }),
});
