/**
 * Parameters and their values in words, for chart titles, legends and report text: a swept
 * `workload.groups[1].control.limit` reads "noisy: control rate limit" and its value `none`
 * "no limit". The words come from the scenario schema: a key's `title` (zod meta, also the
 * JSON Schema `title` editors show), else the key itself split into words under its section's
 * title; a special value's words are the `title` of the literal that stands for it.
 */
import { parse as parseYaml } from 'yaml';
import { type core, z } from 'zod';
import { parseKeyPath, type Segment } from './key-path.js';
import { scenarioSchema } from './scenario-schema.js';
import { alternatives, checkSchemaPath } from './schema-walk.js';

/** Abbreviations that read better written out or capitalised (keys are lower case). */
const WORDS: Readonly<Record<string, string>> = {
  adminq: 'admin-queue',
  ats: 'ATS',
  cvq: 'CVQ',
  devtlb: 'device TLB',
  dma: 'DMA',
  hw: 'hardware',
  ims: 'IMS',
  iommu: 'IOMMU',
  iotlb: 'IOTLB',
  irq: 'IRQ',
  mmio: 'MMIO',
  mmu: 'MMU',
  msix: 'MSI-X',
  pasid: 'PASID',
  pwc: 'paging-structure cache',
  rtt: 'round trip',
  sw: 'software',
  vf: 'VF',
  vfs: 'VFs',
  vq: 'VQ',
  vqs: 'VQs',
};

/** The `title` a schema node carries (zod meta), through optional and other wrappers. */
function titleOf(schema: core.$ZodType): string | undefined {
  const own = z.globalRegistry.get(schema as z.ZodType)?.title;
  if (typeof own === 'string') return own;
  const inner = (schema._zod.def as { innerType?: core.$ZodType }).innerType;
  return inner === undefined ? undefined : titleOf(inner);
}

/** `deviceInflightLimit` → "device inflight limit", abbreviations spelt out. */
export function keyWords(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_]+/)
    .map((w) => WORDS[w.toLowerCase()] ?? w.toLowerCase())
    .join(' ');
}

/** The schema nodes along a path (one list per segment), or undefined for an unknown path. */
function nodesAlong(path: readonly Segment[]): core.$ZodType[][] | undefined {
  const out: core.$ZodType[][] = [];
  for (let depth = 1; depth <= path.length; depth++) {
    const check = checkSchemaPath(scenarioSchema, path.slice(0, depth));
    if (!check.ok) return undefined;
    out.push(check.schemas);
  }
  return out;
}

function segmentsOf(path: string): Segment[] | undefined {
  try {
    return parseKeyPath(path);
  } catch {
    return undefined;
  }
}

/**
 * The name of the workload group a path points into (`workload.groups[1]…`), from the
 * document; none when the scenario has a single group (naming it would say nothing).
 */
function groupNameOf(path: readonly Segment[], document: unknown): string | undefined {
  if (path[0] !== 'workload' || path[1] !== 'groups') return undefined;
  const at = path[2];
  const groups = (document as { workload?: { groups?: { name?: unknown }[] } } | undefined)?.workload?.groups;
  if (groups !== undefined && groups.length <= 1) return undefined;
  if (typeof at === 'object') return at.name;
  if (typeof at !== 'number') return undefined;
  const name = groups?.[at]?.name;
  return typeof name === 'string' ? name : `group ${at + 1}`;
}

/**
 * A parameter path in words: its own title, or its key's words after the nearest titled
 * section ("admin-queue workers"); inside a workload group, prefixed by the group's name
 * (read from the scenario `document`). An unknown path comes back as written.
 */
export function parameterLabel(path: string, document?: unknown): string {
  const segments = segmentsOf(path);
  const nodes = segments === undefined ? undefined : nodesAlong(segments);
  if (segments === undefined || nodes === undefined) return path;
  const keys = segments
    .map((s, i) => ({ s, i }))
    .filter((k): k is { s: string; i: number } => typeof k.s === 'string');
  const leaf = keys[keys.length - 1];
  if (leaf === undefined) return path;
  const own = (nodes[leaf.i] ?? []).map(titleOf).find((t) => t !== undefined);
  let words = own;
  if (words === undefined) {
    const section = keys
      .slice(0, -1)
      .reverse()
      .map((k) => (nodes[k.i] ?? []).map(titleOf).find((t) => t !== undefined))
      .find((t) => t !== undefined);
    words = section === undefined ? keyWords(leaf.s) : `${section} ${keyWords(leaf.s)}`;
  }
  const group = groupNameOf(segments, document);
  return group === undefined ? words : `${group}: ${words}`;
}

/** A swept value as it reads in a chart or table. */
export type LabelledValue = string | number | boolean | null;

/**
 * A parameter value in words: a special value (`none`, `off`) by its literal's title ("no
 * limit"), a mapping written in the file (`{ maxPackets: 0 }`) as its keys' words, a large
 * number with thousands separators; anything else as written.
 */
export function valueLabel(path: string, value: LabelledValue): string {
  if (value === null) return '—';
  if (typeof value === 'number')
    return Math.abs(value) >= 10_000 ? value.toLocaleString('en-US') : String(value);
  if (typeof value === 'boolean') return String(value);
  const special = specialValueTitle(path, value);
  if (special !== undefined) return special;
  const mapping = flowMapping(value);
  if (mapping !== undefined)
    return Object.entries(mapping)
      .map(([k, v]) => `${keyWords(k)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(', ');
  return value;
}

function specialValueTitle(path: string, value: string): string | undefined {
  const segments = segmentsOf(path);
  const check = segments === undefined ? undefined : checkSchemaPath(scenarioSchema, segments);
  if (check === undefined || !check.ok) return undefined;
  // alternatives() sees through the transform that turns a literal into its model value.
  for (const alt of check.schemas.flatMap(alternatives)) {
    const def = alt._zod.def as { type: string; values?: unknown[] };
    if (def.type === 'literal' && def.values?.includes(value)) return titleOf(alt);
  }
  return undefined;
}

/** `{ a: 1, b: x }` (a mapping the sweep wrote as YAML flow text) as an object, else undefined. */
function flowMapping(text: string): Record<string, unknown> | undefined {
  if (!text.startsWith('{') || !text.endsWith('}')) return undefined;
  try {
    const parsed: unknown = parseYaml(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
