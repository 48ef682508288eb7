/**
 * CSV text of string records, byte for byte what csv-stringify writes with the options the
 * result files used (`record_delimiter: 'unix'`, every other option at its default): fields
 * joined by `,`, records each ended by `\n`; a field holding `,`, `"` or `\n` is quoted and its
 * quotes doubled (RFC 4180; a lone `\r` is left unquoted, as csv-stringify leaves it with a `\n`
 * record delimiter); an empty field stays empty. Written here because loading
 * and running csv-stringify cost ≈ 10–35 ms of a trivial run's ≈ 350 ms (bench/cli-bench.ts),
 * and the result files need only this rule. test/output/csv-text.test.ts checks the equality
 * against csv-stringify itself.
 */
const NEEDS_QUOTES = /[",\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvText(records: readonly (readonly string[])[]): string {
  let out = '';
  for (const r of records) out += `${r.map(csvField).join(',')}\n`;
  return out;
}
