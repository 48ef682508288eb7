/** The result files' CSV writer against csv-stringify, whose output it replaces byte for byte. */
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvText } from '../../src/output/csv-text.js';

const TRICKY = [
  '',
  'plain',
  'a,b',
  'say "hi"',
  '"',
  '""',
  'line\nbreak',
  'cr\rhere',
  'crlf\r\n',
  ' lead',
  'trail ',
  '-1',
  '=1+2',
  "'q'",
  'tab\there',
  'ü€',
  ',',
  '\n',
];

describe('csvText', () => {
  it('writes what csv-stringify writes (record_delimiter unix), field by field and for whole tables', () => {
    for (const v of TRICKY)
      expect(csvText([[v]]), JSON.stringify(v)).toBe(stringify([[v]], { record_delimiter: 'unix' }));
    const table = [
      ['point', 'name', 'value'],
      ...TRICKY.map((v, i) => [String(i), v, `${v}${i}`]),
      ['', '', ''],
    ];
    expect(csvText(table)).toBe(stringify(table, { record_delimiter: 'unix' }));
  });
});
