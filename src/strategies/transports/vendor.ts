import { transportEntry, transports } from './transports.js';

transports.register(
  transportEntry('vendor', {
    summary: 'firmware command channel',
    cite: ['linux-mlx5-cmd', 'mlx5-vdpa-suspend-2024'],
    uses: ['transport.vendorSlots', 'transport.vendorThrottledSlots', 'transport.vendorService'],
  }),
);
