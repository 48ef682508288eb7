/**
 * One simulation run, start to finish: build the components on a fresh simulator and stream
 * factory, run the warm-up, restart every accumulator, run the measured window (in slices:
 * run-slices.ts), collect the metrics and the steady-state verdicts. Pure: no clock, no files, no global state — two systems can run side by side.
 */
import { Priority } from '../engine/priority.js';
import { Simulator } from '../engine/simulator.js';
import { StreamFactory } from '../random/stream-factory.js';
import type { ResourceUse } from '../stats/resource-usage.js';
import type { BlkModes } from './blk/blk-modes.js';
import { BlkPath } from './blk/blk-path.js';
import { bottleneckOf } from './bottleneck.js';
import type { RunSpec } from './config.js';
import { ControlPlane } from './control/control-plane.js';
import type { ControlStrategies } from './control/strategy-ports.js';
import { DataPath, type DataPathModes } from './data-path/data-path.js';
import { sum } from './data-path/data-path-stats.js';
import { BOTTLENECK_COLUMN, LIMIT_RESOURCE_COLUMN } from './metrics.js';
import { HOST_CORES, makeModelContext } from './model-context.js';
import type { DataPathPort, MetricSink, ModelComponent, ModelContext, ResourceName } from './ports.js';
import { runSliced, type SliceObserver, verdicts } from './run-slices.js';

export interface GroupMetricRow {
  group: string;
  metric: string;
  value: number;
}

export interface RunOutput {
  /** Aggregate metrics by name (numbers, and the `limit_resource` and `bottleneck` strings). */
  metrics: Record<string, number | string>;
  /** Per-group metrics in the order components wrote them. */
  groups: GroupMetricRow[];
  /**
   * Every queueing resource over the measured window, in registration order (absent in runs
   * journaled before bottleneck attribution existed).
   */
  resources?: ResourceUse[];
  /** Fingerprint of the whole event sequence (warm-up included). */
  fingerprint: string;
  streamNames: string[];
  warnings: string[];
}

class CollectingSink implements MetricSink {
  readonly metrics: Record<string, number | string> = {};
  readonly groups: GroupMetricRow[] = [];
  set(metric: string, value: number | string): void {
    this.metrics[metric] = value;
  }
  setGroup(group: string, metric: string, value: number): void {
    this.groups.push({ group, metric, value });
  }
}

/** The strategy objects a run is built with, chosen by name (src/strategies/catalogue.ts). */
export interface RunStrategies extends ControlStrategies, DataPathModes, BlkModes {}

/**
 * The control plane's view of the fleet: each instance's life goes to the data path of its
 * device type (net instances to DataPath, blk instances to BlkPath).
 */
function fleetPort(ctx: ModelContext, net: DataPath, blk: () => BlkPath | undefined): DataPathPort {
  const groups = ctx.config.workload.groups;
  const blkOf = (i: number) =>
    groups[ctx.instances.group[i] as number]?.device === 'blk' ? blk() : undefined;
  return {
    activate: (i) => (blkOf(i) ?? net).activate(i),
    deactivate: (i) => (blkOf(i) ?? net).deactivate(i),
    notifyControl: (i) => (blkOf(i) ?? net).notifyControl(i),
  };
}

/**
 * Fleet-wide interrupt metrics of a fleet with blk instances: vectors held and interrupts
 * delivered by both device types (each data path wrote its own; the blk one counts only blk).
 */
function addBlkInterrupts(sink: CollectingSink, net: DataPath, blk: BlkPath, windowNs: number): void {
  const m = sink.metrics;
  m.vectors_used = (Number(m.vectors_used) || 0) + blk.vectorsUsed();
  const netIrqs = sum(net.stats.interrupts) + sum(net.stats.controlInterrupts);
  m.interrupts_per_s = ((netIrqs + blk.stats.interruptCount()) * 1e9) / windowNs;
  // The shared translator's stall sum covers both; the per-packet figure is the net packets' own.
  const tr = net.translator;
  const netStall = tr === undefined ? 0 : tr.stallNs - blk.stats.stallNs.value;
  const perPacket = netStall / net.stats.serviced.value;
  if (Number.isFinite(perPacket)) m.translation_ns_per_packet = perPacket;
  else delete m.translation_ns_per_packet;
}

/** The host cores' row with host time that components charge only when they collect (spinning, polling). */
function withHostTime(use: ResourceUse[], pendingNs: number, windowNs: number): ResourceUse[] {
  if (!(pendingNs > 0)) return use;
  return use.map((r) =>
    r.resource === HOST_CORES
      ? { ...r, utilisation: r.utilisation + pendingNs / (r.capacity * windowNs) }
      : r,
  );
}

/**
 * Runs one replication. The warm-up boundary is an event at `warmupNs` with priority LATE,
 * so every model event at that instant is counted in the warm-up and the measured window
 * starts clean; the run then processes events up to and including `warmupNs + durationNs`.
 */
export function runSimulation(spec: RunSpec, strategies: RunStrategies, observe?: SliceObserver): RunOutput {
  const { config } = spec;
  const sim = new Simulator();
  const streams = new StreamFactory(spec.seed, spec.replication);
  const warnings = new Set<string>();
  const ctx = makeModelContext(sim, streams, config, (m) => warnings.add(m));
  const { hostCpu, resources } = ctx;
  const dataPath = new DataPath(ctx, strategies);
  let blkPath: BlkPath | undefined;
  const control = new ControlPlane(
    ctx,
    fleetPort(ctx, dataPath, () => blkPath),
    strategies,
  );
  dataPath.sendModerationTo((instance) => control.issueDriverCommand('coal-set', instance));
  // Built after the control plane, and only for fleets with blk groups: a net-only run registers
  // exactly the handlers (and so has exactly the event fingerprint) it had before blk existed.
  const hasBlk = config.workload.groups.some((g) => g.device === 'blk');
  if (hasBlk) blkPath = new BlkPath(ctx, strategies, dataPath);
  const components: ModelComponent[] =
    blkPath === undefined ? [control, dataPath] : [control, dataPath, blkPath];
  for (const c of components) c.start();

  let eventsAtWarmup = 0;
  const warmupEnd = sim.handler('system/warmup-end', () => {
    for (const c of components) c.resetStats(sim.now);
    resources.resetAll(sim.now);
    // The fingerprint counts processed events as they happen (eventsProcessed is settled per run call).
    eventsAtWarmup = sim.fingerprint.count;
  });
  sim.scheduleAt(spec.warmupNs, warmupEnd, 0, Priority.LATE);
  // A burst that ends inside the measured window is what a burst study asks about: its
  // resources are measured over the burst (window start → the last burst instance's DRIVER_OK),
  // not diluted by the quiet or churning rest of the window.
  let burstUse: ResourceUse[] | undefined;
  control.burstObserver = (now) => {
    if (now <= spec.warmupNs || now >= spec.warmupNs + spec.durationNs) return;
    let pendingHostNs = 0;
    for (const c of components) pendingHostNs += c.settleResources?.(now) ?? 0;
    burstUse = withHostTime(resources.collect(now, now - spec.warmupNs), pendingHostNs, now - spec.warmupNs);
  };
  const queues = components.flatMap((c) => (c.queue === undefined ? [] : [c.queue]));
  const watch = runSliced(sim, spec.warmupNs, spec.durationNs, queues, () => sim.fingerprint.count, observe);

  const sink = new CollectingSink();
  sink.set(LIMIT_RESOURCE_COLUMN, '');
  for (const c of components) c.collect(sink, spec.durationNs);
  if (blkPath !== undefined) addBlkInterrupts(sink, dataPath, blkPath, spec.durationNs);
  sink.set('events', sim.fingerprint.count - eventsAtWarmup);
  sink.set('sim_time_ms', spec.durationNs / 1e6);
  sink.set('host_cpu_util', hostCpu.busy / (config.host.cores * spec.durationNs));
  const used = burstUse ?? resources.collect(spec.warmupNs + spec.durationNs, spec.durationNs);
  const limit = sink.metrics[LIMIT_RESOURCE_COLUMN] as ResourceName | '';
  const bottleneck = bottleneckOf(used, limit, control.ledger);
  sink.set(BOTTLENECK_COLUMN, bottleneck.name);
  if (Number.isFinite(bottleneck.utilisation)) sink.set('bottleneck_util', bottleneck.utilisation);
  for (const w of verdicts(watch, sink.metrics)) warnings.add(w);
  return {
    metrics: sink.metrics,
    groups: sink.groups,
    resources: used,
    fingerprint: sim.fingerprint.value,
    streamNames: streams.streamNames(),
    warnings: [...warnings].sort(),
  };
}
