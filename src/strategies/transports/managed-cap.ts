import { transportEntry, transports } from './transports.js';

transports.register(
  transportEntry('managed-cap', {
    summary: 'device_select window',
    cite: ['wang-hyperscale-vdpa', 'so-mmio-read'],
    uses: [],
  }),
);
