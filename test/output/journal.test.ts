import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  encodeRecord,
  headerMismatches,
  JournalWriter,
  journalHeader,
  readJournal,
} from '../../src/output/journal.js';
import type { RunRecord, StudyInfo } from '../../src/output/records.js';
import { InputError } from '../../src/util/errors.js';

const info = {
  name: 'j',
  hash: 'abc',
  seed: 3,
  replications: 2,
  points: [{ index: 0, id: 'p0', params: { x: 1 } }],
} as unknown as StudyInfo;

const rec = (index: number, metrics: Record<string, number | string>): RunRecord => ({
  index,
  point: 0,
  replication: index,
  wallMs: 1.5,
  output: {
    metrics,
    groups: [{ group: 'g', metric: 'm', value: Number.NaN }],
    fingerprint: `f${index}`,
    streamNames: ['s'],
    warnings: [],
  },
});

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'vdpascale-journal-'));
}

describe('journal', () => {
  it('round-trips records exactly, non-finite numbers included', () => {
    const path = join(tmp(), 'journal.jsonl');
    const w = JournalWriter.create(path, journalHeader(info, undefined));
    const a = rec(0, {
      x: 0.1 + 0.2,
      nan: Number.NaN,
      inf: Number.POSITIVE_INFINITY,
      ninf: -Infinity,
      s: 'pasid',
      tiny: 5e-324,
    });
    const b = rec(1, { x: 1 });
    w.append(a);
    w.append(b);
    w.close();
    const j = readJournal(path);
    expect(j.header.scenario_hash).toBe('abc');
    expect(j.records).toEqual([a, b]);
    expect(Number.isNaN(j.records[0]?.output.groups[0]?.value)).toBe(true);
    expect(j.torn).toBe(false);
  });

  it('drops a torn last line and reopening cuts it off', () => {
    const path = join(tmp(), 'journal.jsonl');
    const w = JournalWriter.create(path, journalHeader(info, undefined));
    w.append(rec(0, { x: 1 }));
    w.close();
    appendFileSync(path, encodeRecord(rec(1, { x: 2 })).slice(0, 30));
    const j = readJournal(path);
    expect(j.torn).toBe(true);
    expect(j.records.map((r) => r.index)).toEqual([0]);
    const w2 = JournalWriter.reopen(path, j.validBytes);
    w2.append(rec(1, { x: 2 }));
    w2.close();
    expect(readJournal(path).records.map((r) => r.index)).toEqual([0, 1]);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(4);
  });

  it('reports a corrupt middle line and duplicates as bad input', () => {
    const path = join(tmp(), 'journal.jsonl');
    writeFileSync(
      path,
      `${JSON.stringify(journalHeader(info, undefined))}\n{oops\n${encodeRecord(rec(0, {}))}`,
    );
    expect(() => readJournal(path)).toThrow(InputError);
    writeFileSync(
      path,
      `${JSON.stringify(journalHeader(info, undefined))}\n${encodeRecord(rec(0, {}))}${encodeRecord(rec(0, {}))}`,
    );
    expect(() => readJournal(path)).toThrow(/recorded twice/);
    writeFileSync(path, '{"hello":1}\n');
    expect(() => readJournal(path)).toThrow(/not a vdpascale run journal/);
  });

  it('names header differences', () => {
    const h = journalHeader(info, undefined);
    expect(headerMismatches(h, h)).toEqual([]);
    const other = journalHeader({ ...info, seed: 4 }, { index: 0, count: 2 });
    const diffs = headerMismatches(h, other);
    expect(diffs.some((d) => d.startsWith('seed 3 in the journal, 4 now'))).toBe(true);
    expect(diffs.some((d) => d.startsWith('shard'))).toBe(true);
  });
});
