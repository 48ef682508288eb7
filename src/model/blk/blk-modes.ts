/**
 * What the block path is built with: the run's interrupt mode, blk backend and blk instance
 * shape (strategy objects chosen by name), and what it shares with the net data path.
 */
import type { AddressLayout } from '../data-path/address-layout.js';
import type { InstanceShape } from '../instance-shape.js';
import type { InterruptMode } from '../interrupts/interrupt-mode.js';
import type { Translator } from '../iommu/translator.js';
import type { BlkBackendMode } from './blk-backend.js';

export interface BlkModes {
  readonly interrupts: InterruptMode;
  readonly blkBackend: BlkBackendMode;
  readonly blkShape: InstanceShape;
}

/** What the block path shares with the net data path: the IOMMU caches and the address space. */
export interface SharedDma {
  readonly translator: Translator | undefined;
  readonly layout: AddressLayout;
}
