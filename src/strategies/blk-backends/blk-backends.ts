/**
 * The virtio-blk backends a parent can have: who serves a request and what it costs. Each is its
 * own file, registered by one line in ./index.ts.
 */
import type { BlkBackendMode } from '../../model/blk/blk-backend.js';
import { Registry } from '../registry.js';
import type { Strategy } from '../strategy.js';

export interface BlkBackendStrategy extends Strategy, BlkBackendMode {
  readonly kind: 'blkBackend';
}

export const blkBackends = new Registry<BlkBackendStrategy>('blk backend');
