/**
 * The context every component of one run shares (ports.ts ModelContext), built in one place so
 * that a run, a test harness or a benchmark wires the same resource registry and host-core
 * meter: one simulator, one stream factory, no globals.
 */
import type { Simulator } from '../engine/simulator.js';
import type { StreamFactory } from '../random/stream-factory.js';
import { ResourceUsage } from '../stats/resource-usage.js';
import type { ModelConfig } from './config.js';
import { HostCpuMeter } from './host-cpu.js';
import { InstanceTable } from './instance-table.js';
import type { ModelContext } from './ports.js';

/** The resource host time is charged to (resources.csv, the host cores' row). */
export const HOST_CORES = 'host-cores';

export interface BuiltContext extends ModelContext {
  readonly hostCpu: HostCpuMeter;
}

export function makeModelContext(
  sim: Simulator,
  streams: StreamFactory,
  config: ModelConfig,
  warn: (message: string) => void,
): BuiltContext {
  const resources = new ResourceUsage(sim.now);
  const hostCpu = new HostCpuMeter(
    resources.register({ name: HOST_CORES, capacity: config.host.cores, role: 'accounted' }),
  );
  const instances = new InstanceTable(config.workload.groups.map((g) => g.count));
  return { sim, streams, config, instances, hostCpu, resources, warn };
}
