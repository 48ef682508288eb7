/**
 * How numbers are written into the result CSVs — one rule, so that the same value always gives
 * the same bytes:
 *
 * - a finite number is JavaScript's shortest round-trip text (`String(x)`): integers without a
 *   decimal point (`512`), otherwise the fewest digits that parse back to the same double
 *   (`0.1`, `1234.5678901234`), exponent form outside [1e-7, 1e21) (`1e-7`, `2.5e+21`);
 *   `-0` is written `0`. pandas, R, Python `float()` and `Number()` all read these exactly.
 * - NaN, a missing value or undefined → an empty cell (pandas reads NaN).
 * - ±Infinity → `Infinity` / `-Infinity` (read as ±inf by pandas and `Number()`).
 * - strings are written as they are (csvText quotes them when needed); booleans as
 *   `true` / `false`.
 */
export type CellValue = number | string | boolean | null | undefined;

export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return '';
  if (x === Number.POSITIVE_INFINITY) return 'Infinity';
  if (x === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (Object.is(x, -0)) return '0';
  return String(x);
}

export function formatCell(value: CellValue): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}
