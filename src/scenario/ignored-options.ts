/**
 * Options the chosen strategy does not use. A parameter means the same thing in every
 * strategy, so setting one that the strategy ignores is not an error — but it is reported,
 * once, so that a study does not silently vary something that has no effect. The declared
 * sections say when a parameter depends on another's value (`appliesWhen`, src/model/params/);
 * the strategies say which parameters they use or make irrelevant (`uses`, `ignores`).
 */
import type { ModelConfig } from '../model/config.js';
import { CVQ_OPS } from '../model/config.js';
import { groupEntries, paramEntries } from '../model/params/catalogue.js';
import type { Condition } from '../model/params/param.js';
import { chooseStrategies, strategyRules } from '../strategies/catalogue.js';
import { cvqModes } from '../strategies/cvq/index.js';
import { getIn } from './plain-data.js';

interface Rule {
  /** Scenario key paths (or prefixes); `groups[*]` matches every workload group. */
  keys: string[];
  /** Why the keys are ignored under this config, or undefined when they are used. */
  ignoredWhen: (c: ModelConfig) => string | undefined;
}

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

/** Why `c` fails the condition, or undefined when it holds. */
function failure(cond: Condition, config: ModelConfig): string | undefined {
  const value = String(getIn(config as unknown as Record<string, unknown>, cond.path.split('.')));
  const holds = cond.in !== undefined ? cond.in.includes(value) : !(cond.notIn ?? []).includes(value);
  if (holds) return undefined;
  if (cond.why !== undefined) return cond.why;
  return cond.in !== undefined
    ? `${cond.path} is ${value}, not ${cond.in.join(' or ')}`
    : `${cond.path} is ${value}`;
}

/** A rule per declared parameter or group with conditions of its own (a group's cover its leaves by prefix). */
const DECLARED: Rule[] = [...groupEntries(), ...paramEntries()]
  .map((e) => ({ path: e.path, conditions: 'group' in e ? e.group.appliesWhen : e.param.appliesWhen }))
  .filter((e) => e.conditions.length > 0)
  .map(({ path, conditions }) => ({
    keys: [path.replaceAll('[]', '[*]')],
    ignoredWhen: (c: ModelConfig) => {
      for (const cond of conditions) {
        const why = failure(cond, c);
        if (why !== undefined) return why;
      }
      return undefined;
    },
  }));

/** The strategies' rules: parameters only some of them use, or that one makes irrelevant. */
const STRATEGIES: Rule[] = strategyRules().map((r) => ({
  keys: [r.path],
  ignoredWhen: (c) => r.ignoredWhen(c),
}));

/**
 * A condition that is a disjunction, which declarations do not express: callers exist only while
 * something is created or torn down.
 */
const CONTROL: Rule[] = [
  {
    keys: ['provisioning.concurrency'],
    ignoredWhen: (c) =>
      c.provisioning.start === 'ready' &&
      c.provisioning.churn.create === 0 &&
      c.provisioning.churn.destroy === 0
        ? 'provisioning.start is ready and there is no churn: nothing is created or torn down'
        : undefined,
  },
];

/**
 * A VF's limits apply when each instance is a PCI function: the per-vf transport, or a parent
 * that makes one vDPA device per function (limits.functionPerInstance 1) whatever the transport
 * — a disjunction, computed as the instances' shape.
 */
const FUNCTION: Rule[] = [
  {
    keys: ['limits.totalVfs', 'limits.msixPerVf'],
    ignoredWhen: (c) =>
      chooseStrategies(c).shape.ownVectorTable
        ? undefined
        : `instances share the parent function (strategy.transport is ${c.strategy.transport}, limits.functionPerInstance 0): no VF each`,
  },
];

/** The blk section configures block devices: a fleet without a blk group has none. */
const BLK: Rule[] = [
  {
    keys: ['blk'],
    ignoredWhen: (c) =>
      c.workload.groups.some((g) => g.device === 'blk')
        ? undefined
        : 'no workload group is a block device (device: blk)',
  },
];

const ALL_RULES = [...DECLARED, ...STRATEGIES, ...CONTROL, ...FUNCTION, ...BLK];
const PATTERNS = ALL_RULES.map((rule) => rule.keys.map(keyPattern));

/** One line per reason that applies: the keys written (in the order written) and why they are ignored. */
export function ignoredOptionWarnings(written: readonly string[], config: ModelConfig): string[] {
  const byReason = new Map<string, Set<string>>();
  ALL_RULES.forEach((rule, r) => {
    const reason = rule.ignoredWhen(config);
    if (reason === undefined) return;
    const patterns = PATTERNS[r] as RegExp[];
    const hits = written.filter((w) => patterns.some((p) => p.test(w)));
    if (hits.length === 0) return;
    const keys = byReason.get(reason) ?? new Set<string>();
    for (const h of hits) keys.add(h);
    byReason.set(reason, keys);
  });
  const warnings = [...byReason].map(([reason, keys]) => {
    const hits = written.filter((w) => keys.has(w));
    return `${hits.join(', ')} ${hits.length === 1 ? 'is' : 'are'} ignored: ${reason}`;
  });
  return [...warnings, ...cvqOpWarnings(config)];
}

function cvqOpWarnings(c: ModelConfig): string[] {
  if (cvqModes.get(c.strategy.cvq).carriesCommands) return [];
  return c.workload.groups.flatMap((g) => {
    const ops = CVQ_OPS.filter((op) => (g.control.ops[op] ?? 0) > 0);
    return ops.length > 0 && g.control.rate > 0
      ? [
          `group '${g.name}': CVQ operations (${ops.join(', ')}) are ignored: strategy.cvq is ${c.strategy.cvq}`,
        ]
      : [];
  });
}

/**
 * Why the parameter at a scenario leaf path has no effect under `config`, or undefined when it
 * may have one: the same rules as the warnings, asked of one path (sensitivity analysis refuses
 * to vary a parameter the strategy ignores, and leaves such estimates out of its default space).
 */
export function ignoredReason(path: string, config: ModelConfig): string | undefined {
  for (const [r, rule] of ALL_RULES.entries()) {
    if (!(PATTERNS[r] as RegExp[]).some((p) => p.test(path))) continue;
    const why = rule.ignoredWhen(config);
    if (why !== undefined) return why;
  }
  return undefined;
}
