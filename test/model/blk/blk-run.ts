/**
 * Runs a whole simulation (control plane included, instances ready at time zero) of a fleet
 * whose groups are blk devices, on the data-path test fixture with every interrupt cost at zero
 * and coalescing off, so that a request's latency is its queueing and backend time alone unless
 * a test sets costs back.
 */
import type { GroupConfig, IoConfig, ModelConfig } from '../../../src/model/config.js';
import { type RunOutput, runSimulation } from '../../../src/model/system.js';
import { chooseStrategies } from '../../../src/strategies/catalogue.js';
import { fixtureConfig, fixtureGroup } from '../data-path/fixture-config.js';
import { fixtureIo } from './fixture-blk.js';

export function blkGroup(name: string, count: number, io: Partial<IoConfig>): GroupConfig {
  return fixtureGroup({ name, count, device: 'blk', io: fixtureIo(io) });
}

export function blkFleet(groups: GroupConfig[]): ModelConfig {
  const c = fixtureConfig();
  c.workload.groups = groups;
  c.instances = groups.reduce((n, g) => n + g.count, 0);
  c.interrupts.coalescing = { kind: 'static', maxPackets: 1, maxUsecs: 0 };
  c.interrupts.posted = 0;
  c.interrupts.guestIrq = 0;
  c.interrupts.guestPerPacket = 0;
  c.iommu.missPenalty = 0;
  return c;
}

export function runBlk(
  config: ModelConfig,
  durationNs: number,
  warmupNs: number,
  replication = 0,
): RunOutput {
  return runSimulation({ config, seed: 7, replication, warmupNs, durationNs }, chooseStrategies(config));
}

export function metric(out: RunOutput, name: string): number {
  const v = out.metrics[name];
  if (typeof v !== 'number') throw new Error(`metric ${name} missing: ${String(v)}`);
  return v;
}
