import { deliveredMessages, interruptModes } from './interrupt-modes.js';

interruptModes.register({
  kind: 'interrupts',
  name: 'msix',
  summary: 'dedicated vectors; instances fail when exhausted',
  description:
    'A dedicated MSI-X vector per virtqueue plus one for config changes; instances fail when the function’s table (≤ 2048 entries) runs out.',
  cite: ['virtio-pci', 'linux-pci-regs'],
  uses: [],
  ignores: [],
  delivers: true,
  programming: 'vector',
  sharersPerVector: () => 1,
  vectorsUsed: (_config, shape, active) => active * shape.vectors,
  scanNs: () => 0,
  draws: (config, shape) => ({ 'msix-vectors': shape.vectors, ...deliveredMessages(shape.vectors, config) }),
});
