import { isolationModes } from './isolation-modes.js';

isolationModes.register({
  kind: 'isolation',
  name: 'none',
  summary: 'one shared DMA context, insecure',
  description:
    'All instances share one DMA context: single-stage walks, no isolation between instances (reported as insecure).',
  cite: ['neugebauer-pcie-2018'],
  uses: [],
  ignores: [],
  context: 'instance',
  scalableMode: false,
  requester: 'function',
  domain: 'function',
  deviceMmu: false,
  buildsDeviceKeys: false,
  isolates: false,
  draws: () => ({}),
});
