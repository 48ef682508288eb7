/**
 * The blk parts of a test ModelConfig: a one-queue hardware block device with round
 * deterministic costs and an idle io workload. Tests override what they study.
 */
import type { BlkConfig, IoConfig } from '../../../src/model/config.js';

export function fixtureBlk(patch: Partial<BlkConfig> = {}): BlkConfig {
  return {
    numQueues: 1,
    queueSize: 256,
    segMax: 126,
    sizeMax: 4096,
    blkSize: 512,
    backend: 'hardware',
    workers: 1,
    service: { dist: 'deterministic', value: 10_000 },
    perByte: 0,
    wakeup: 0,
    messageRoundTrip: 0,
    batch: 1,
    ...patch,
  };
}

export function fixtureIo(patch: Partial<IoConfig> = {}): IoConfig {
  return {
    rate: 0,
    iodepth: 0,
    size: { dist: 'deterministic', value: 4096 },
    read: 1,
    pattern: 'random',
    span: 1 << 20,
    ...patch,
  };
}
