/**
 * Options the chosen strategy does not use. A parameter means the same thing in every
 * strategy, so setting one that the strategy ignores is not an error — but it
 * is reported, once, so that a study does not silently vary something that has no effect.
 */
import type { ModelConfig } from '../model/config.js';
import { CVQ_OPS } from '../model/config.js';

interface Rule {
  /** Scenario key paths (or prefixes); `groups[*]` matches every workload group. */
  keys: string[];
  /** Why the keys are ignored under this config, or undefined when they are used. */
  ignoredWhen: (c: ModelConfig) => string | undefined;
}

const adminQueueUnused = (c: ModelConfig) =>
  c.strategy.transport !== 'admin-vq' && c.strategy.provisioning !== 'admin-vq'
    ? `neither strategy.transport (${c.strategy.transport}) nor strategy.provisioning (${c.strategy.provisioning}) uses the admin queue`
    : undefined;
const unless = (cond: (c: ModelConfig) => boolean, why: (c: ModelConfig) => string) => (c: ModelConfig) =>
  cond(c) ? undefined : why(c);

const RULES: Rule[] = [
  { keys: ['adminq', 'workload.groups[*].adminQueue'], ignoredWhen: adminQueueUnused },
  {
    keys: ['adminq.weights', 'adminq.quantum'],
    ignoredWhen: unless(
      (c) => c.adminq.policy === 'drr',
      (c) => `adminq.policy is ${c.adminq.policy}; weights and quantum apply to drr`,
    ),
  },
  {
    keys: ['iommu.devtlb', 'iommu.atsRtt'],
    ignoredWhen: (c) =>
      c.strategy.isolation === 'device-mmu'
        ? 'strategy.isolation device-mmu translates in the device MMU, not through ATS'
        : undefined,
  },
  {
    keys: ['iommu.deviceMmu', 'limits.deviceMmuContexts'],
    ignoredWhen: unless(
      (c) => c.strategy.isolation === 'device-mmu',
      (c) => `strategy.isolation is ${c.strategy.isolation}, not device-mmu`,
    ),
  },
  {
    keys: ['iommu.pasidTableAccesses', 'limits.pasidBits'],
    ignoredWhen: unless(
      (c) => c.strategy.isolation.startsWith('pasid'),
      (c) =>
        `strategy.isolation is ${c.strategy.isolation}; PASIDs are used by pasid-per-instance and pasid-per-vq`,
    ),
  },
  {
    keys: ['iommu.invalidation', 'iommu.invalidationService', 'iommu.lazyBatch', 'iommu.lazyTimeout'],
    ignoredWhen: (c) =>
      c.iommu.mappings === 'static'
        ? 'iommu.mappings is static: nothing is unmapped, so nothing is invalidated'
        : undefined,
  },
  {
    keys: ['iommu.lazyBatch', 'iommu.lazyTimeout'],
    ignoredWhen: (c) =>
      c.iommu.mappings === 'dynamic' && c.iommu.invalidation === 'strict'
        ? 'iommu.invalidation is strict (no batching)'
        : undefined,
  },
  {
    keys: ['interrupts.coalescing'],
    ignoredWhen: (c) =>
      c.strategy.interrupts === 'polling'
        ? 'strategy.interrupts is polling: no data interrupts to coalesce'
        : undefined,
  },
  {
    keys: ['interrupts.pollInterval', 'interrupts.pollPerRing'],
    ignoredWhen: unless(
      (c) => c.strategy.interrupts === 'polling',
      (c) => `strategy.interrupts is ${c.strategy.interrupts}, not polling`,
    ),
  },
  {
    keys: ['interrupts.sharerCheck'],
    ignoredWhen: unless(
      (c) => c.strategy.interrupts === 'shared',
      (c) => `strategy.interrupts is ${c.strategy.interrupts}, not shared`,
    ),
  },
  {
    keys: ['limits.imsEntries'],
    ignoredWhen: unless(
      (c) => c.strategy.interrupts === 'msi-store',
      (c) => `strategy.interrupts is ${c.strategy.interrupts}, not msi-store`,
    ),
  },
  {
    keys: ['interrupts.exit', 'interrupts.exitsPerInterrupt'],
    ignoredWhen: (c) =>
      c.interrupts.delivery === 'posted' ? 'interrupts.delivery is posted (no VM exits)' : undefined,
  },
  {
    keys: ['interrupts.posted'],
    ignoredWhen: (c) =>
      c.interrupts.delivery === 'exit' ? 'interrupts.delivery is exit, not posted' : undefined,
  },
  {
    keys: ['limits.totalVfs', 'limits.msixPerVf', 'transport.vfCreate'],
    ignoredWhen: unless(
      (c) => c.strategy.transport === 'per-vf',
      (c) => `strategy.transport is ${c.strategy.transport}, not per-vf`,
    ),
  },
  {
    keys: ['transport.deviceCmdService', 'transport.deviceCmdData', 'transport.ucStore'],
    ignoredWhen: unless(
      (c) => c.strategy.transport === 'device-cmd-cap',
      (c) => `strategy.transport is ${c.strategy.transport}, not device-cmd-cap`,
    ),
  },
  {
    keys: ['transport.vendorSlots', 'transport.vendorThrottledSlots', 'transport.vendorService'],
    ignoredWhen: unless(
      (c) => c.strategy.transport === 'vendor',
      (c) => `strategy.transport is ${c.strategy.transport}, not vendor`,
    ),
  },
  {
    keys: ['transport.createConfig', 'transport.createService'],
    ignoredWhen: unless(
      (c) => c.strategy.provisioning === 'managed-cap-create',
      (c) => `strategy.provisioning is ${c.strategy.provisioning}, not managed-cap-create`,
    ),
  },
  {
    keys: ['transport.pollInterval'],
    ignoredWhen: unless(
      (c) => c.strategy.transport === 'device-cmd-cap' || c.strategy.provisioning === 'managed-cap-create',
      () => 'only device-cmd-cap and managed-cap-create poll for acks',
    ),
  },
  {
    keys: ['provisioning.netlinkService', 'provisioning.netlinkPerInstance'],
    ignoredWhen: unless(
      (c) => c.strategy.provisioning === 'netlink',
      (c) => `strategy.provisioning is ${c.strategy.provisioning}, not netlink`,
    ),
  },
  {
    keys: ['host.swCvqDecode'],
    ignoredWhen: unless(
      (c) => c.strategy.cvq === 'software',
      (c) => `strategy.cvq is ${c.strategy.cvq}, not software`,
    ),
  },
  {
    keys: ['device.hwCvqService'],
    ignoredWhen: unless(
      (c) => c.strategy.cvq === 'hardware',
      (c) => `strategy.cvq is ${c.strategy.cvq}, not hardware`,
    ),
  },
  {
    keys: ['device.copyPerByte', 'device.wakeup'],
    ignoredWhen: (c) =>
      c.device.dataPath === 'hardware'
        ? 'device.dataPath is hardware (no host copies or wake-ups)'
        : undefined,
  },
  {
    keys: ['fidelity.budget'],
    ignoredWhen: (c) =>
      c.fidelity.mode === 'packet' ? 'fidelity.mode is packet (the budget applies to batch mode)' : undefined,
  },
];

/**
 * The leaf key paths a user wrote, e.g. `adminq.workers`, `workload.groups[1].traffic.rate`,
 * from the raw (unparsed) scenario: a distribution or a list of values is one leaf.
 */
export function writtenPaths(raw: unknown, prefix = ''): string[] {
  if (Array.isArray(raw)) {
    const objects = raw.some((v) => typeof v === 'object' && v !== null);
    return objects ? raw.flatMap((v, i) => writtenPaths(v, `${prefix}[${i}]`)) : [prefix];
  }
  if (typeof raw !== 'object' || raw === null || 'dist' in raw) return prefix === '' ? [] : [prefix];
  return Object.entries(raw).flatMap(([k, v]) => writtenPaths(v, prefix === '' ? k : `${prefix}.${k}`));
}

/** A rule key (a path or a prefix, `[*]` for any group) as a pattern over written leaf paths. */
function keyPattern(ruleKey: string): RegExp {
  const escaped = ruleKey.replace(/[.[\]*]/g, (c) => `\\${c}`).replace('\\[\\*\\]', '\\[\\d+\\]');
  return new RegExp(`^${escaped}(?:[.[]|$)`);
}

const PATTERNS = RULES.map((rule) => rule.keys.map(keyPattern));

/** One line per rule that applies: the keys written and why the strategy ignores them. */
export function ignoredOptionWarnings(written: readonly string[], config: ModelConfig): string[] {
  const warnings: string[] = [];
  RULES.forEach((rule, r) => {
    const reason = rule.ignoredWhen(config);
    if (reason === undefined) return;
    const patterns = PATTERNS[r] as RegExp[];
    const hits = written.filter((w) => patterns.some((p) => p.test(w)));
    if (hits.length > 0)
      warnings.push(`${hits.join(', ')} ${hits.length === 1 ? 'is' : 'are'} ignored: ${reason}`);
  });
  return [...warnings, ...cvqOpWarnings(config)];
}

function cvqOpWarnings(c: ModelConfig): string[] {
  if (c.strategy.cvq !== 'none') return [];
  return c.workload.groups.flatMap((g) => {
    const ops = CVQ_OPS.filter((op) => (g.control.ops[op] ?? 0) > 0);
    return ops.length > 0 && g.control.rate > 0
      ? [`group '${g.name}': CVQ operations (${ops.join(', ')}) are ignored: strategy.cvq is none`]
      : [];
  });
}
