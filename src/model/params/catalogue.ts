/**
 * The parameter sections the model declares, and their parameters flattened by path: what the
 * scenario layer builds its schema, defaults and ignored-option warnings from, and what
 * profiles and typed overrides resolve paths against. A repeated group's children carry `[]`
 * in their path (`workload.groups[].traffic.rate`); a group's conditions apply to everything in
 * it.
 */

import { BLK } from '../blk/blk-params.js';
import { ADMINQ } from '../control/adminq-params.js';
import { PROVISIONING } from '../control/provisioning-params.js';
import { TRANSPORT } from '../control/transport-params.js';
import { DEVICE } from '../data-path/device-params.js';
import { FIDELITY } from '../data-path/fidelity-params.js';
import { HOST } from '../host-params.js';
import { INTERRUPTS } from '../interrupts/interrupt-params.js';
import { IOMMU } from '../iommu/iommu-params.js';
import { LIMITS } from '../limits.js';
import { ROOT } from '../root-params.js';
import { STRATEGY } from '../strategy-params.js';
import { WORKLOAD } from '../workload-params.js';
import type { Condition, Group, Param, Section } from './param.js';

/** Every declared section, in the order scenario files and listings show them. */
export const SECTIONS: readonly Section[] = [
  ROOT,
  STRATEGY,
  DEVICE,
  BLK,
  LIMITS,
  TRANSPORT,
  ADMINQ,
  IOMMU,
  INTERRUPTS,
  HOST,
  PROVISIONING,
  FIDELITY,
  WORKLOAD,
];

export interface ParamEntry {
  /** Dotted scenario path; `[]` marks a list element. */
  readonly path: string;
  readonly param: Param;
  /** The group's conditions and then the parameter's own. */
  readonly conditions: readonly Condition[];
}

export interface GroupEntry {
  readonly path: string;
  readonly group: Group;
  readonly conditions: readonly Condition[];
}

const join = (prefix: string, key: string): string => (prefix === '' ? key : `${prefix}.${key}`);

function walk(
  group: Group,
  path: string,
  inherited: readonly Condition[],
  params: ParamEntry[],
  groups: GroupEntry[],
): void {
  const conditions = [...inherited, ...group.appliesWhen];
  if (path !== '') groups.push({ path, group, conditions });
  const base = group.repeated !== undefined ? `${path}[]` : path;
  for (const [key, child] of Object.entries(group.shape)) {
    if (child.kind === 'group') walk(child, join(base, key), conditions, params, groups);
    else
      params.push({ path: join(base, key), param: child, conditions: [...conditions, ...child.appliesWhen] });
  }
}

function flatten(sections: readonly Section[]): { params: ParamEntry[]; groups: GroupEntry[] } {
  const params: ParamEntry[] = [];
  const groups: GroupEntry[] = [];
  for (const s of sections) walk(s, s.name, [], params, groups);
  return { params, groups };
}

const FLAT = flatten(SECTIONS);
const BY_PATH = new Map(FLAT.params.map((e) => [e.path, e]));

/** Every declared parameter, in declaration order. */
export function paramEntries(): readonly ParamEntry[] {
  return FLAT.params;
}

/** Every declared group (sections excluded), outermost first. */
export function groupEntries(): readonly GroupEntry[] {
  return FLAT.groups;
}

/** The parameter at a declared path (`[]` for list elements), or undefined. */
export function paramAt(path: string): ParamEntry | undefined {
  return BY_PATH.get(path);
}

/** A concrete path's declared form: list positions become `[]` (`workload.groups[1].share` → `workload.groups[].share`). */
export function declaredPath(path: string): string {
  return path.replace(/\[[^\]]*\]/g, '[]');
}
