import { vectorsPerInstance } from '../../model/interrupts/vectors.js';
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
  sharersPerVector: () => 1,
  vectorsUsed: (config, active) => active * vectorsPerInstance(config),
  handlerExtraNs: () => 0,
  draws: (vectors, config) => ({ 'msix-vectors': vectors, ...deliveredMessages(vectors, config) }),
});
