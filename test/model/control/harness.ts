/**
 * Runs the control plane alone: a stub data path that records activations, and a ModelContext
 * built by hand (Simulator, StreamFactory, InstanceTable, HostCpuMeter), with the same warm-up
 * boundary as src/model/system.ts (an event at warmupNs, priority LATE).
 */
import { Priority } from '../../../src/engine/priority.js';
import { Simulator } from '../../../src/engine/simulator.js';
import type { ModelConfig } from '../../../src/model/config.js';
import { ControlPlane } from '../../../src/model/control/control-plane.js';
import type { HostCpuMeter } from '../../../src/model/host-cpu.js';
import type { InstanceTable } from '../../../src/model/instance-table.js';
import { makeModelContext } from '../../../src/model/model-context.js';
import type { DataPathPort, MetricSink } from '../../../src/model/ports.js';
import { StreamFactory } from '../../../src/random/stream-factory.js';
import { summarize } from '../../../src/stats/confidence.js';
import { chooseStrategies } from '../../../src/strategies/catalogue.js';

export class StubDataPath implements DataPathPort {
  readonly activatedAt = new Map<number, number>();
  activations = 0;
  deactivations = 0;
  constructor(private readonly sim: Simulator) {}
  activate(instance: number): void {
    this.activations++;
    this.activatedAt.set(instance, this.sim.now);
  }
  deactivate(): void {
    this.deactivations++;
  }
}

export interface ControlRun {
  plane: ControlPlane;
  sim: Simulator;
  dataPath: StubDataPath;
  hostCpu: HostCpuMeter;
  instances: InstanceTable;
  metrics: Record<string, number | string>;
  groups: Record<string, Record<string, number>>;
  warnings: string[];
}

export interface RunOptions {
  seed?: number;
  replication?: number;
  warmupNs?: number;
  durationNs: number;
}

export function runControl(config: ModelConfig, options: RunOptions): ControlRun {
  const sim = new Simulator();
  const streams = new StreamFactory(options.seed ?? 1, options.replication ?? 0);
  const warnings = new Set<string>();
  const ctx = makeModelContext(sim, streams, config, (m) => warnings.add(m));
  const { hostCpu, instances } = ctx;
  const dataPath = new StubDataPath(sim);
  const plane = new ControlPlane(ctx, dataPath, chooseStrategies(config));
  plane.start();
  const warmupNs = options.warmupNs ?? 0;
  const warmup = sim.handler('test/warmup-end', () => {
    plane.resetStats(sim.now);
    ctx.resources.resetAll(sim.now);
  });
  sim.scheduleAt(warmupNs, warmup, 0, Priority.LATE);
  sim.run({ until: warmupNs + options.durationNs });
  const metrics: Record<string, number | string> = {};
  const groups: Record<string, Record<string, number>> = {};
  const sink: MetricSink = {
    set: (m, v) => {
      metrics[m] = v;
    },
    setGroup: (g, m, v) => {
      groups[g] ??= {};
      (groups[g] as Record<string, number>)[m] = v;
    },
  };
  plane.collect(sink, options.durationNs);
  return { plane, sim, dataPath, hostCpu, instances, metrics, groups, warnings: [...warnings].sort() };
}

/** Mean and 95 % half-width of `pick` over `n` independent replications (seed fixed, replication index varies). */
export function replicate(
  n: number,
  config: () => ModelConfig,
  options: RunOptions,
  pick: (run: ControlRun) => number,
): { mean: number; ci95Half: number; values: number[] } {
  const values: number[] = [];
  for (let r = 0; r < n; r++) values.push(pick(runControl(config(), { ...options, replication: r })));
  const s = summarize(values);
  return { mean: s.mean, ci95Half: s.ci95Half, values };
}
