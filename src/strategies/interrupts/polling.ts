import { interruptModes } from './interrupt-modes.js';

interruptModes.register({
  kind: 'interrupts',
  name: 'polling',
  summary: 'host cores poll the used rings',
  description:
    'Host cores poll every used ring each interval (cost per ring checked); no interrupts; latency up to one interval, which stretches when the rings outgrow the cores.',
  // A poll costs about one used-index read per ring (interrupts.pollPerRing): an estimate.
  cite: [],
  uses: ['interrupts.pollInterval', 'interrupts.pollPerRing'],
  ignores: [
    { path: 'interrupts.coalescing', why: 'strategy.interrupts is polling: no data interrupts to coalesce' },
  ],
  delivers: false,
  programming: 'none',
  sharersPerVector: () => 0,
  vectorsUsed: () => 0,
  scanNs: () => 0,
  draws: () => ({}),
});
