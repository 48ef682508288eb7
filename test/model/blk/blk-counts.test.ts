/**
 * Exact counts of the block device: translations per request, vectors and virtqueues per
 * instance, the provisioning sequence over the transport, and the ledger refusing the 2049th
 * vector.
 */
import { describe, expect, it } from 'vitest';
import {
  BLK_CONFIG_BYTES,
  blkCapacityReads,
  blkConfigReads,
} from '../../../src/model/blk/blk-config-space.js';
import { dataSegments, requestBytes, requestTranslations } from '../../../src/model/blk/blk-request.js';
import { provisionSequence, StepKind, teardownSequence } from '../../../src/model/control/op-programs.js';
import { ResourceLedger } from '../../../src/model/control/resource-ledger.js';
import { chooseStrategies } from '../../../src/strategies/catalogue.js';
import { blkFleet, blkGroup, metric, runBlk } from './blk-run.js';
import { fixtureBlk } from './fixture-blk.js';

const KiB = 1024;

describe('translations per request (descriptor, header, data pages, status, used entry)', () => {
  it('counts one translation per data page', () => {
    expect(requestTranslations(128 * KiB, 0, 4 * KiB)).toBe(32 + 4); // 128 KiB over 4 KiB pages: 32
    expect(requestTranslations(4 * KiB, 0, 4 * KiB)).toBe(1 + 4);
    expect(requestTranslations(4 * KiB, 512, 4 * KiB)).toBe(2 + 4); // straddles a page boundary
    expect(requestTranslations(128 * KiB, 0, 2048 * KiB)).toBe(1 + 4);
    expect(requestTranslations(512, 4096 - 512, 4 * KiB)).toBe(1 + 4);
  });

  it('rounds sizes up to blocks and splits them into size_max segments', () => {
    expect(requestBytes(1000, 512)).toBe(1024);
    expect(requestBytes(1, 4096)).toBe(4096);
    expect(dataSegments(128 * KiB, 4 * KiB)).toBe(32);
    expect(dataSegments(4 * KiB + 512, 4 * KiB)).toBe(2);
  });

  it('the data path makes exactly that many for aligned 128 KiB requests', () => {
    const c = blkFleet([
      blkGroup('disk', 2, { iodepth: 2, size: { dist: 'deterministic', value: 128 * KiB } }),
    ]);
    c.blk = fixtureBlk({ blkSize: 4 * KiB, segMax: 32, workers: 4 });
    const out = runBlk(c, 2_000_000, 100_000);
    expect(metric(out, 'blk_translations_per_request')).toBe(36);
  });

  it('VDUSE translates nothing (bounce buffers)', () => {
    const c = blkFleet([blkGroup('disk', 1, { iodepth: 1 })]);
    c.device.dataPath = 'vduse';
    c.blk = fixtureBlk({ backend: 'userspace' });
    expect(metric(runBlk(c, 1_000_000, 0), 'blk_translations_per_request')).toBe(0);
  });
});

describe('queues and vectors of a blk instance', () => {
  it('num_queues request queues, no CVQ, num_queues + 1 vectors', () => {
    const c = blkFleet([blkGroup('disk', 1, {})]);
    c.blk = fixtureBlk({ numQueues: 4 });
    const s = chooseStrategies(c);
    expect(s.blkShape.queues).toBe(4); // the hardware CVQ of the strategy is net's only
    expect(s.blkShape.vectors).toBe(5);
    expect(s.shape.vectors).toBe(4); // a net instance: one pair, the CVQ, config
    c.blk.numQueues = 1;
    expect(chooseStrategies(c).blkShape.vectors).toBe(2);
  });

  it('the ledger admits 1024 one-queue blk instances (2048 vectors) and refuses the 2049th vector', () => {
    const c = blkFleet([blkGroup('disk', 2000, {})]);
    c.limits.msixPerFunction = 2048;
    const ledger = new ResourceLedger(c, chooseStrategies(c));
    for (let i = 0; i < 1024; i++) expect(ledger.tryAdmit('blk')).toBeUndefined();
    expect(ledger.used('msix-vectors')).toBe(2048);
    expect(ledger.tryAdmit('blk')).toBe('msix-vectors');
    ledger.release('blk');
    expect(ledger.used('msix-vectors')).toBe(2046);
    expect(ledger.tryAdmit('blk')).toBeUndefined();
  });

  it('net and blk instances draw from one table: 256 net (4 vectors) leave room for 204 blk of 5', () => {
    const c = blkFleet([blkGroup('disk', 1, {})]);
    c.blk = fixtureBlk({ numQueues: 4 });
    const ledger = new ResourceLedger(c, chooseStrategies(c));
    for (let i = 0; i < 256; i++) expect(ledger.tryAdmit('net')).toBeUndefined();
    let blk = 0;
    while (ledger.tryAdmit('blk') === undefined) blk++;
    expect(blk).toBe(Math.floor((2048 - 256 * 4) / 5));
    expect(ledger.tryAdmit('net')).toBeUndefined(); // 1024 + 1020 = 2044: one more net instance of 4 fits
    expect(ledger.tryAdmit('net')).toBe('msix-vectors');
  });
});

describe('provisioning a blk instance over the transport', () => {
  it('reads the 30 bytes of virtio_blk_config the driver uses in 12 register reads', () => {
    expect(BLK_CONFIG_BYTES).toBe(72);
    // capacity: generation, two halves, generation; then 8 single reads.
    expect(blkConfigReads()).toBe(4 + 8);
    expect(blkCapacityReads()).toBe(4);
  });

  it('CREATE, FEAT, config read, 4 commands per request queue, an MSI per vector, DRIVER_OK', () => {
    const c = blkFleet([blkGroup('disk', 1, {})]);
    c.blk = fixtureBlk({ numQueues: 4 });
    const strategies = chooseStrategies(c);
    const blk = { ...strategies, shape: strategies.blkShape };
    const steps = provisionSequence(c, blk, 'blk').filter((s) => s.kind === StepKind.COMMAND);
    expect(steps).toHaveLength(3 + 4 * 4 + 5 + 1);
    expect(steps[2]?.reads).toBe(12);
    const net = provisionSequence(c, strategies, 'net').filter((s) => s.kind === StepKind.COMMAND);
    expect(net).toHaveLength(2 + 4 * 3 + 4 + 1); // no config read; 3 VQs (pair + CVQ), 4 vectors
    expect(teardownSequence(blk)).toHaveLength(1 + 4 + 5 + 1);
  });
});
