/**
 * Workload groups → `GroupConfig`s: shares become instance counts (largest remainder, ties to
 * the earlier group, so counts always sum to `instances`), bit rates become packet rates,
 * and what a group leaves out comes from `GROUP_DEFAULTS`.
 */
import type { z } from 'zod';
import type {
  ControlConfig,
  ControlOp,
  DeviceType,
  DmaConfig,
  GroupConfig,
  IoConfig,
  TrafficConfig,
} from '../model/config.js';
import { makeDistribution } from '../random/distribution.js';
import { ConfigProblem } from './config-problem.js';
import { DEFAULT_GROUP, GROUP_DEFAULTS } from './defaults.js';
import { workloadGroupSchema as groupSchema } from './scenario-schema.js';

type ParsedGroup = z.output<typeof groupSchema>;
type ParsedTraffic = NonNullable<ParsedGroup['traffic']>;
type ParsedControl = NonNullable<ParsedGroup['control']>;
type ParsedDma = NonNullable<ParsedGroup['dma']>;
type ParsedIo = NonNullable<ParsedGroup['io']>;

/** Shares must sum to 1 within rounding of decimal fractions such as 0.1 + 0.2. */
const SHARE_TOLERANCE = 1e-9;

let groupDefaults: ParsedGroup | undefined;
function defaults(): ParsedGroup {
  groupDefaults ??= groupSchema.parse({ name: DEFAULT_GROUP.name, ...GROUP_DEFAULTS });
  return groupDefaults;
}

export function resolveGroups(groups: readonly ParsedGroup[] | undefined, instances: number): GroupConfig[] {
  const list = groups ?? [groupSchema.parse(DEFAULT_GROUP)];
  checkNames(list);
  const counts = groupCounts(list, instances);
  return list.map((g, i) => ({
    name: g.name,
    count: counts[i] as number,
    traffic: resolveTraffic(g.dma === undefined ? g.traffic : noTraffic(g.traffic, i), i),
    dma: g.dma === undefined ? undefined : resolveDma(g.dma, i),
    device: (g.device ?? defaults().device) as DeviceType,
    io: resolveIo(g.io, i),
    control: resolveControl(g.control),
    adminQueue: g.adminQueue ?? (defaults().adminQueue as number),
  }));
}

function checkNames(groups: readonly ParsedGroup[]): void {
  const seen = new Set<string>();
  groups.forEach((g, i) => {
    if (g.name === 'all') {
      throw new ConfigProblem(
        ['workload', 'groups', i, 'name'],
        "'all' is reserved for the aggregate in summary.csv",
      );
    }
    if (seen.has(g.name)) {
      throw new ConfigProblem(
        ['workload', 'groups', i, 'name'],
        `two groups are named '${g.name}': names must be unique`,
      );
    }
    seen.add(g.name);
  });
}

/** Instance count per group from shares or counts (one method for all groups). */
export function groupCounts(groups: readonly ParsedGroup[], instances: number): number[] {
  const only = groups[0];
  if (groups.length === 1 && only && only.share === undefined && only.count === undefined) return [instances];
  groups.forEach((g, i) => {
    if (g.share !== undefined && g.count !== undefined) {
      throw new ConfigProblem(['workload', 'groups', i], 'give share or count, not both');
    }
    if (g.share === undefined && g.count === undefined) {
      throw new ConfigProblem(
        ['workload', 'groups', i],
        'give every group a share (fraction of instances) or a count',
      );
    }
  });
  const byShare = groups.filter((g) => g.share !== undefined).length;
  if (byShare !== 0 && byShare !== groups.length) {
    throw new ConfigProblem(
      ['workload', 'groups'],
      'size every group the same way: all with share, or all with count',
    );
  }
  return byShare > 0 ? countsFromShares(groups, instances) : checkedCounts(groups, instances);
}

function checkedCounts(groups: readonly ParsedGroup[], instances: number): number[] {
  const counts = groups.map((g) => g.count as number);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total !== instances) {
    throw new ConfigProblem(
      ['workload', 'groups'],
      `group counts sum to ${total} but instances is ${instances}`,
    );
  }
  return counts;
}

function countsFromShares(groups: readonly ParsedGroup[], instances: number): number[] {
  const shares = groups.map((g) => g.share as number);
  const total = shares.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > SHARE_TOLERANCE) {
    throw new ConfigProblem(
      ['workload', 'groups'],
      `group shares sum to ${+total.toPrecision(12)}; they must sum to 1`,
    );
  }
  const exact = shares.map((s) => s * instances);
  const counts = exact.map((x) => Math.floor(x + SHARE_TOLERANCE));
  let left = instances - counts.reduce((a, b) => a + b, 0);
  // Hand the remaining instances to the largest fractional parts; a stable sort keeps ties in group order.
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x + SHARE_TOLERANCE) }))
    .sort((a, b) => b.frac - a.frac);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] as number) + 1;
    left--;
  }
  return counts;
}

function resolveTraffic(given: ParsedTraffic | undefined, index: number): TrafficConfig {
  const t = { ...(defaults().traffic as ParsedTraffic), ...given };
  const packetSize = t.packetSize as NonNullable<ParsedTraffic['packetSize']>;
  const meanBytes = makeDistribution(packetSize).mean;
  const rate = t.rate as NonNullable<ParsedTraffic['rate']>;
  if (meanBytes < 1) {
    throw new ConfigProblem(
      ['workload', 'groups', index, 'traffic', 'packetSize'],
      'the mean packet size must be at least 1B',
    );
  }
  return {
    ratePps: rate.unit === 'pps' ? rate.value : rate.value / (8 * meanBytes),
    arrival: t.arrival as TrafficConfig['arrival'],
    onMean: t.onMean as number,
    offMean: t.offMean as number,
    packetSize,
    direction: t.direction as TrafficConfig['direction'],
    workingSet: t.workingSet as number,
    locality: t.locality as TrafficConfig['locality'],
  };
}

/** A DMA group offers no packets: its `traffic`, if written, is refused. */
function noTraffic(given: ParsedTraffic | undefined, index: number): ParsedTraffic {
  if (given !== undefined) {
    throw new ConfigProblem(
      ['workload', 'groups', index, 'dma'],
      'a group carries traffic or dma (a DMA microbenchmark), not both',
    );
  }
  return { rate: { unit: 'pps', value: 0 } } as ParsedTraffic;
}

function resolveDma(given: ParsedDma, index: number): DmaConfig {
  const d = { ...(defaults().dma as ParsedDma), ...given };
  if ((d.window as number) < (d.size as number)) {
    throw new ConfigProblem(
      ['workload', 'groups', index, 'dma', 'window'],
      `the window (${d.window} bytes) must hold at least one request of size ${d.size} bytes`,
    );
  }
  return {
    op: d.op as DmaConfig['op'],
    size: d.size as number,
    window: d.window as number,
    pattern: d.pattern as DmaConfig['pattern'],
    outstanding: d.outstanding as number,
    cache: d.cache as DmaConfig['cache'],
  };
}

/** Open loop at `rate` or closed loop with `iodepth`: exactly one of them (a group without io issues nothing). */
function resolveIo(given: ParsedIo | undefined, index: number): IoConfig {
  const d = defaults().io as ParsedIo;
  const io = { ...d, ...given };
  if (given?.rate !== undefined && given.iodepth !== undefined) {
    throw new ConfigProblem(
      ['workload', 'groups', index, 'io'],
      'give rate (open loop) or iodepth (closed loop), not both',
    );
  }
  return {
    rate: given?.rate ?? 0,
    iodepth: given?.iodepth ?? 0,
    size: io.size as IoConfig['size'],
    read: io.read as number,
    pattern: io.pattern as IoConfig['pattern'],
    span: io.span as number,
  };
}

function resolveControl(given: ParsedControl | undefined): ControlConfig {
  const c = defaults().control as ParsedControl;
  return {
    rate: given?.rate ?? (c.rate as number),
    ops: { ...(given?.ops ?? c.ops) } as Partial<Record<ControlOp, number>>,
    limit: given?.limit === undefined || given.limit === 'none' ? undefined : { ...given.limit },
  };
}
