/**
 * The run journal, `journal.jsonl` in a result folder: the durable record of finished runs
 * from which the result files are written, and what `--resume` and `merge` read.
 *
 * Format (JSON Lines, UTF-8, one object per line, `\n` after every line):
 * - line 1, the header: `{"journal":"vdpascale-runs","version":1,"scenario":NAME,
 *   "scenario_hash":H,"seed":S,"replications":R,"runs_total":T,"points_digest":D,
 *   "shard":null|{"index":I,"count":N}}` — what the runs belong to; resume refuses a mismatch.
 * - then one line per finished run, in completion order: `{"index":G,"point":P,
 *   "replication":R,"wall_ms":W,"output":{"metrics":{…},"groups":[…],"fingerprint":…,
 *   "streamNames":[…],"warnings":[…]}}` — the model's full RunOutput. Numbers are JSON's
 *   shortest round-trip text (exact); NaN and ±Infinity, which JSON lacks, are written as
 *   `{"$float":"NaN"}` / `{"$float":"Infinity"}` / `{"$float":"-Infinity"}`.
 *
 * Each run line goes out in one write() followed by fsync, so a kill -9 (or a power cut) loses
 * at most the runs in flight; a torn last line (no trailing newline) is dropped on reading and
 * truncated away before appending.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ShardSpec } from '../runner/study.js';
import { InputError } from '../util/errors.js';
import { hash53Hex } from '../util/hash.js';
import { stableStringify } from '../util/stable-json.js';
import { type AppendFile, defaultWriter, type FileWriter } from './file-writer.js';
import type { RunRecord, StudyInfo } from './records.js';

export const JOURNAL_FILE = 'journal.jsonl';
const MAGIC = 'vdpascale-runs';
const VERSION = 1;

export interface JournalHeader {
  journal: typeof MAGIC;
  version: number;
  scenario: string;
  scenario_hash: string;
  seed: number;
  replications: number;
  runs_total: number;
  /** Hash of the points' ids and parameter values: catches a changed sweep behind an equal hash. */
  points_digest: string;
  shard: ShardSpec | null;
}

export function journalHeader(info: StudyInfo, shard: ShardSpec | undefined): JournalHeader {
  return {
    journal: MAGIC,
    version: VERSION,
    scenario: info.name,
    scenario_hash: info.hash,
    seed: info.seed,
    replications: info.replications,
    runs_total: info.points.length * info.replications,
    points_digest: hash53Hex(stableStringify(info.points.map((p) => [p.index, p.id, p.params]))),
    shard: shard ? { index: shard.index, count: shard.count } : null,
  };
}

const replacer = (_key: string, value: unknown): unknown =>
  typeof value === 'number' && !Number.isFinite(value) ? { $float: String(value) } : value;

const reviver = (_key: string, value: unknown): unknown => {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const tag = (value as { $float?: unknown }).$float;
    if (keys.length === 1 && typeof tag === 'string') return Number(tag);
  }
  return value;
};

export function encodeRecord(r: RunRecord): string {
  const line = {
    index: r.index,
    point: r.point,
    replication: r.replication,
    wall_ms: r.wallMs,
    output: r.output,
  };
  return `${JSON.stringify(line, replacer)}\n`;
}

export function encodeHeader(h: JournalHeader): string {
  return `${JSON.stringify(h)}\n`;
}

function decodeRecord(line: string): RunRecord | undefined {
  const v = JSON.parse(line, reviver) as Record<string, unknown>;
  const out = v.output as Record<string, unknown> | undefined;
  const ok =
    Number.isSafeInteger(v.index) &&
    Number.isSafeInteger(v.point) &&
    Number.isSafeInteger(v.replication) &&
    typeof v.wall_ms === 'number' &&
    out !== undefined &&
    typeof out.metrics === 'object' &&
    Array.isArray(out.groups) &&
    typeof out.fingerprint === 'string';
  if (!ok) return undefined;
  return {
    index: v.index as number,
    point: v.point as number,
    replication: v.replication as number,
    wallMs: v.wall_ms as number,
    output: {
      metrics: out.metrics as RunRecord['output']['metrics'],
      groups: out.groups as RunRecord['output']['groups'],
      fingerprint: out.fingerprint as string,
      streamNames: Array.isArray(out.streamNames) ? (out.streamNames as string[]) : [],
      warnings: Array.isArray(out.warnings) ? (out.warnings as string[]) : [],
      // A run journaled before bottleneck attribution has no resources (and reads back without).
      ...(Array.isArray(out.resources)
        ? { resources: out.resources as RunRecord['output']['resources'] }
        : {}),
    },
  };
}

export interface JournalContents {
  header: JournalHeader;
  /** Runs in file order. */
  records: RunRecord[];
  /** Bytes up to the end of the last complete line (a torn tail lies beyond). */
  validBytes: number;
  /** A torn last line was dropped. */
  torn: boolean;
}

/** Reads a journal; a corrupt line other than a torn tail is an InputError naming it. */
export function readJournal(path: string): JournalContents {
  const text = readFileSync(path, 'utf8');
  const lastNewline = text.lastIndexOf('\n');
  const complete = text.slice(0, lastNewline + 1);
  const lines = complete.split('\n').slice(0, -1);
  const bad = (n: number, why: string) =>
    new InputError(`${path}: line ${n}: ${why}`, { file: path, line: n });
  const headerLine = lines[0];
  if (headerLine === undefined) throw bad(1, 'empty journal (no header line)');
  let header: JournalHeader;
  try {
    header = JSON.parse(headerLine) as JournalHeader;
  } catch {
    throw bad(1, 'header is not JSON');
  }
  if (header.journal !== MAGIC) throw bad(1, 'not a vdpascale run journal');
  if (header.version !== VERSION)
    throw bad(1, `journal version ${header.version}; this build reads ${VERSION}`);
  const records: RunRecord[] = [];
  const seen = new Set<number>();
  lines.slice(1).forEach((line, i) => {
    let r: RunRecord | undefined;
    try {
      r = decodeRecord(line);
    } catch {
      r = undefined;
    }
    if (r === undefined) throw bad(i + 2, 'corrupt run record');
    if (seen.has(r.index)) throw bad(i + 2, `run ${r.index} recorded twice`);
    seen.add(r.index);
    records.push(r);
  });
  const validBytes = Buffer.byteLength(complete, 'utf8');
  return { header, records, validBytes, torn: complete.length < text.length };
}

/** Header fields that must match for a journal to be resumed; returns the differences. */
export function headerMismatches(found: JournalHeader, expected: JournalHeader): string[] {
  const diffs: string[] = [];
  const show = (v: unknown) => (v === null ? 'none' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  for (const key of [
    'scenario_hash',
    'seed',
    'replications',
    'runs_total',
    'points_digest',
    'shard',
  ] as const) {
    if (stableStringify(found[key]) !== stableStringify(expected[key])) {
      diffs.push(`${key} ${show(found[key])} in the journal, ${show(expected[key])} now`);
    }
  }
  return diffs;
}

/**
 * Appends run records, one write + fsync each. A failed append (a full disk) cuts the partial
 * line off again and refuses every later append, so a torn line never sits before a whole one.
 */
export class JournalWriter {
  private constructor(private readonly file: AppendFile) {}

  /** Starts a new journal holding only the header (written atomically). */
  static create(path: string, header: JournalHeader, writer: FileWriter = defaultWriter): JournalWriter {
    writer.writeAtomic(path, encodeHeader(header));
    return new JournalWriter(writer.openAppend(path));
  }

  /** Reopens an existing journal, first cutting off a torn last line. */
  static reopen(path: string, validBytes: number, writer: FileWriter = defaultWriter): JournalWriter {
    if (!existsSync(path)) throw new Error(`journal ${path} vanished`);
    return new JournalWriter(writer.openAppend(path, validBytes));
  }

  append(record: RunRecord): void {
    this.file.append(Buffer.from(encodeRecord(record), 'utf8'));
  }

  close(): void {
    this.file.close();
  }
}

/** The whole journal as text (used by merge, which writes it at once, atomically). */
export function journalText(header: JournalHeader, records: readonly RunRecord[]): string {
  return encodeHeader(header) + records.map(encodeRecord).join('');
}
