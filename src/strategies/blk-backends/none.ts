import { blkBackends } from './blk-backends.js';

blkBackends.register({
  kind: 'blkBackend',
  name: 'none',
  summary: 'no block device',
  description:
    'The parent offers no virtio-blk device (mlx5_vdpa is a network parent only): a blk workload group is refused before time zero.',
  cite: ['linux-mlx5-vdpa'],
  uses: [],
  ignores: [],
  offersBlk: false,
  onHost: false,
  holdNs: () => {
    throw new Error('blk.backend none serves no request: the scenario check refuses blk groups first');
  },
});
