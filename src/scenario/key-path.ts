/**
 * Dotted key paths as users write them in `--set`, sweeps and error messages:
 * `adminq.workers`, `workload.groups[1].traffic.rate`, `workload.groups[noisy].share` (a group
 * picked by name). Parsed into segments; array positions are numbers.
 */
import { InputError } from '../util/errors.js';

/** A key, an array index, or a workload group picked by its name (`[noisy]`). */
export type Segment = string | number | { name: string };

const SEGMENT = /^([A-Za-z$_][A-Za-z0-9_$]*)((?:\[[^\]]+\])*)$/;

/** Splits `a.b[1].c` into `['a', 'b', 1, 'c']`; throws InputError on malformed text. */
export function parseKeyPath(text: string): Segment[] {
  if (text.trim() === '') throw new InputError('empty key path', {}, 'a dotted path such as adminq.workers');
  const segments: Segment[] = [];
  for (const part of text.split('.')) {
    const m = SEGMENT.exec(part);
    if (!m) {
      throw new InputError(
        `malformed key path '${text}' at '${part}'`,
        { path: text },
        'dotted keys with optional [index] or [group-name], e.g. workload.groups[1].traffic.rate',
      );
    }
    segments.push(m[1] as string);
    for (const idx of (m[2] ?? '').matchAll(/\[([^\]]+)\]/g)) {
      const inner = idx[1] as string;
      segments.push(/^\d+$/.test(inner) ? Number(inner) : { name: inner });
    }
  }
  return segments;
}

/** Keys a message could not show unquoted: the empty key and keys with white space. */
const UNSEEN = /^$|\s/;

/**
 * The inverse of parseKeyPath: `['workload', 'groups', 1, 'share']` → `workload.groups[1].share`.
 * An unknown key that would vanish in the text (`''`, `'a b'`, `'x '`) is written quoted,
 * `device[""]`, so an error message still names a path that shows where the key sits; other
 * keys stay as written (a sweep key is itself a path: `sweep.grid.adminq.workers`).
 */
export function formatKeyPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'object') out += `[${s.name}]`;
    else if (UNSEEN.test(s)) out += `[${JSON.stringify(s)}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out;
}

/**
 * The CSV column of a swept parameter (README, "Result folder"): `.` → `_`, `[i]` → `_i`, so
 * `adminq.workers` → `adminq_workers` and `workload.groups[1].share` → `workload_groups_1_share`.
 * Vega-Lite reads dots as nesting, hence no dots.
 */
export function columnName(path: string): string {
  return path.replace(/\[([^\]]+)\]/g, '_$1').replace(/\./g, '_');
}

/** Whether `prefix` is a leading part of `path` (segment-wise, equal paths included). */
export function isPrefixPath(prefix: readonly Segment[], path: readonly Segment[]): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((s, i) => sameSegment(s, path[i]));
}

export function sameSegment(a: Segment | undefined, b: Segment | undefined): boolean {
  if (typeof a === 'object' && typeof b === 'object') return a.name === b.name;
  return a === b;
}
