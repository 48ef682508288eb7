import { cvqModes } from './cvq-modes.js';

cvqModes.register({
  kind: 'cvq',
  name: 'none',
  summary: 'no control virtqueue',
  description: 'No control virtqueue: CVQ operations of the workload are ignored (with a warning).',
  cite: ['virtio-net'],
  uses: [],
  ignores: [],
  hardwareQueues: 0,
  carriesCommands: false,
  program: () => [],
});
