/** Small HTML helpers for the report page. */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe for element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * JSON to embed in a `<script type="application/json">`: `<` is escaped so that a string
 * containing `</script>` cannot end the element early.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** Four significant digits, exponent form for very large or small magnitudes, '—' for NaN. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (Number.isInteger(x) && abs < 1e9) return String(x);
  if (abs >= 1e6 || abs < 1e-3) return x.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(4)));
}

/** A table from header cells and rows of already-escaped HTML cells. */
export function htmlTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  className = '',
): string {
  const th = head.map((h) => `<th>${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  const cls = className === '' ? '' : ` class="${className}"`;
  return `<table${cls}><thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}
