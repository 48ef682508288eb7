/**
 * JSON with object keys sorted at every level, so that equal values always give equal text
 * (used for scenario hashes and manifests). Integer-like keys would otherwise be reordered by
 * `Object.keys`, which is one of the classic causes of non-reproducible output.
 */
export function stableStringify(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      out[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}
