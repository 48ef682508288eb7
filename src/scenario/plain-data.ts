/**
 * Small operations on plain YAML/JSON data (objects, arrays, scalars): the merged scenario
 * before validation. `extends` merges with `deepMerge`; `--set` and sweep points write with `setIn`.
 */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `over` on top of `base`: mappings merge key by key, everything else (lists included)
 * replaces, and `null` removes the key — so a scenario can drop a base's sweep with `sweep: null`.
 */
export function deepMerge(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = out[key];
    if (value === null) delete out[key];
    else if (isPlainObject(value) && isPlainObject(below)) out[key] = deepMerge(below, value);
    else out[key] = value;
  }
  return out;
}

/** A deep copy of plain data (objects, arrays, scalars); several times faster than structuredClone. */
export function copyPlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyPlain) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyPlain(value[key]);
  return out as T;
}

/**
 * Writes `value` at `path`, creating mappings on the way; `null` deletes the key. Returns an
 * error text instead of throwing when a list position does not exist or a scalar is in the way.
 */
export function setIn(
  root: Record<string, unknown>,
  path: readonly (string | number)[],
  value: unknown,
): string | undefined {
  let node: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i] as string | number;
    const container = node as Record<string, unknown> | unknown[];
    let next = Array.isArray(container) ? container[segment as number] : container[segment as string];
    const wantList = typeof path[i + 1] === 'number';
    if (next === undefined || next === null) {
      if (typeof segment === 'number') return `position ${segment} does not exist`;
      if (wantList) return `there is no list at '${segment}' to index`;
      next = {};
      (container as Record<string, unknown>)[segment] = next;
    }
    if (wantList ? !Array.isArray(next) : !isPlainObject(next)) {
      return `'${String(segment)}' holds ${Array.isArray(next) ? 'a list' : 'a single value'}, so it has no '${String(path[i + 1])}'`;
    }
    node = next;
  }
  const last = path[path.length - 1] as string | number;
  if (Array.isArray(node)) {
    if (typeof last !== 'number' || last >= node.length) return `position ${String(last)} does not exist`;
    node[last] = value;
  } else if (value === null) {
    delete (node as Record<string, unknown>)[last as string];
  } else {
    (node as Record<string, unknown>)[last as string] = value;
  }
  return undefined;
}

/** The value at `path`, or undefined. */
export function getIn(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isPlainObject(node) && typeof segment === 'string') node = node[segment];
    else return undefined;
  }
  return node;
}
