/**
 * A result folder's life: check it before anything is created (fresh, or a journal to resume),
 * open its journal, and write the final files from the finished runs.
 *
 * Folder rules (never silently delete finished runs):
 * - missing, empty, or holding no result file (other files and folders, e.g. `shards/` or a
 *   README, are left alone) → a fresh run writes into it;
 * - holds a journal → only `--resume` may continue it, and only when the journal belongs to the
 *   same scenario, seed, replications, points and shard; without `--resume` it is an error that
 *   suggests `--resume` or another `--out` — unless every run is finished (below);
 * - holds the finished results of the same study (same scenario hash, seed, replications,
 *   points and shard, every run done) → a fresh run replaces them: by determinism it writes
 *   the same CSVs, and this is what lets committed reference results be regenerated in place;
 * - holds any other result files → an error; choose another `--out`, or pass `--force`, which
 *   replaces them (the caller removes them with `clearResults`, after saying what they were).
 * `--resume` on a folder without results simply starts a fresh run.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import type { ShardSpec } from '../runner/study.js';
import { InputError } from '../util/errors.js';
import { hash53Hex } from '../util/hash.js';
import { stableStringify } from '../util/stable-json.js';
import { type AtomicFile, defaultWriter, type FileWriter } from './file-writer.js';
import {
  headerMismatches,
  JOURNAL_FILE,
  type JournalHeader,
  JournalWriter,
  journalHeader,
  journalText,
  readJournal,
} from './journal.js';
import { buildManifest, MANIFEST_FILE, type ManifestMeta } from './manifest.js';
import type { RunRecord, StudyInfo } from './records.js';
import { pointLabels, summarizeRuns } from './summary.js';
import { groupsCsv, resourcesCsv, runsCsv, summaryCsv } from './tables.js';

export const SHARD_FILE = 'shard.json';
export const RESULT_FILES = [
  'runs.csv',
  'resources.csv',
  'groups.csv',
  'summary.csv',
  'scenario.yaml',
  MANIFEST_FILE,
] as const;

export interface FolderState {
  dir: string;
  header: JournalHeader;
  /** Runs already in the journal (resume), sorted by index. */
  done: RunRecord[];
  /** Set when a journal exists: bytes of it to keep (a torn tail is cut). */
  existing: { validBytes: number; torn: boolean } | undefined;
  /** With `force`: what the folder held, in a few words, which the run replaces. */
  replaces?: string;
}

/** How the caller wants a folder with other results treated. */
export interface FolderIntent {
  resume: boolean;
  /** Replace another study's results instead of refusing them. */
  force?: boolean;
  /** The command to suggest with the refusal (the same command with --force). */
  forceCommand?: string;
}

/** Files whose presence makes a folder a result folder (charts and report.html are rebuilt freely). */
export const RESULT_MARKERS = [JOURNAL_FILE, ...RESULT_FILES, SHARD_FILE] as const;

/** The result files present in `dir` (none when it is missing). */
export function resultFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) throw new InputError(`${dir} exists and is not a directory`);
  return RESULT_MARKERS.filter((f) => existsSync(join(dir, f)));
}

/** True when `dir` holds no result of any run (it may hold other things). */
export function isFreshFolder(dir: string): boolean {
  return resultFilesIn(dir).length === 0;
}

/** Checks `dir` for a run of `info` (and `shard`); creates nothing. Throws InputError. */
export function inspectResultFolder(
  dir: string,
  info: StudyInfo,
  shard: ShardSpec | undefined,
  intent: FolderIntent,
): FolderState {
  const { resume } = intent;
  const header = journalHeader(info, shard);
  const journalPath = join(dir, JOURNAL_FILE);
  const fresh: FolderState = { dir, header, done: [], existing: undefined };
  if (isFreshFolder(dir)) return fresh;
  if (!resume && isFinishedSameStudy(dir, header)) return fresh;
  if (intent.force && !resume) return { ...fresh, replaces: describeResults(dir) };
  const orForce =
    intent.forceCommand === undefined
      ? ', or pass --force to replace them'
      : `, or replace them: ${intent.forceCommand}`;
  if (!existsSync(journalPath)) {
    throw new InputError(
      `${dir} holds results (${resultFilesIn(dir).join(', ')}) but no ${JOURNAL_FILE}, so there is no run ` +
        `to resume; choose another folder with --out${orForce}`,
    );
  }
  const journal = readJournal(journalPath);
  const diffs = headerMismatches(journal.header, header);
  if (diffs.length > 0 && !resume) {
    throw new InputError(
      `${dir} holds ${journal.records.length} run(s) of a different study (${diffs.join('; ')}); ` +
        `choose another folder with --out${orForce}`,
    );
  }
  if (!resume) {
    throw new InputError(
      `${dir} already holds ${journal.records.length} finished run(s) of '${journal.header.scenario}' ` +
        `(${JOURNAL_FILE}); pass --resume to continue it (finished runs are kept), ` +
        'or choose another folder with --out',
    );
  }
  if (diffs.length > 0) {
    throw new InputError(
      `cannot resume ${dir}: its journal belongs to a different run (${diffs.join('; ')}); ` +
        'choose another folder with --out',
    );
  }
  for (const r of journal.records) {
    const expected = {
      point: Math.floor(r.index / info.replications),
      replication: r.index % info.replications,
    };
    const member = shard === undefined || r.index % shard.count === shard.index;
    if (
      r.point !== expected.point ||
      r.replication !== expected.replication ||
      !member ||
      r.index >= header.runs_total
    ) {
      throw new InputError(
        `cannot resume ${dir}: ${JOURNAL_FILE} holds run ${r.index}, which is not part of this run`,
      );
    }
  }
  const done = [...journal.records].sort((a, b) => a.index - b.index);
  return { dir, header, done, existing: { validBytes: journal.validBytes, torn: journal.torn } };
}

/** What a result folder holds, for the note `--force` prints: `15 runs of 'quickstart' (scenario 3f2a…)`. */
export function describeResults(dir: string): string {
  const manifest = readJsonObject(join(dir, MANIFEST_FILE));
  if (manifest !== undefined) {
    return `${String(manifest.runs_done ?? '?')} run(s) of '${String(manifest.name ?? '?')}' (scenario hash ${String(manifest.scenario_hash ?? '?')})`;
  }
  const journalPath = join(dir, JOURNAL_FILE);
  if (existsSync(journalPath)) {
    const journal = readJournal(journalPath);
    return `${journal.records.length} run(s) of '${journal.header.scenario}' (${JOURNAL_FILE}, unfinished)`;
  }
  return resultFilesIn(dir).join(', ');
}

/** Removes what a run writes in `dir` (results, journal, charts, report), and nothing else. */
export function clearResults(dir: string, writer: FileWriter = defaultWriter): void {
  for (const name of [...RESULT_MARKERS, 'charts', 'report.html']) writer.remove(join(dir, name));
}

function readJsonObject(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const v: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** True when `dir`'s manifest says it holds every run of the study `header` describes. */
function isFinishedSameStudy(dir: string, header: JournalHeader): boolean {
  const m = readJsonObject(join(dir, MANIFEST_FILE));
  if (m === undefined) return false;
  const points = Array.isArray(m.points) ? (m.points as Array<Record<string, unknown>>) : [];
  const digest = hash53Hex(stableStringify(points.map((p) => [p.point, p.id, p.params])));
  return (
    m.scenario_hash === header.scenario_hash &&
    m.seed === header.seed &&
    m.replications === header.replications &&
    digest === header.points_digest &&
    stableStringify(m.shard ?? null) === stableStringify(header.shard) &&
    typeof m.runs_done === 'number' &&
    m.runs_done === m.runs_expected
  );
}

/** Creates the folder and opens its journal for appending (new, or the existing one). */
export function openResultFolder(state: FolderState, writer: FileWriter = defaultWriter): JournalWriter {
  writer.makeDirectory(state.dir);
  const path = join(state.dir, JOURNAL_FILE);
  return state.existing
    ? JournalWriter.reopen(path, state.existing.validBytes, writer)
    : JournalWriter.create(path, state.header, writer);
}

/**
 * Writes a whole finished folder from runs gathered elsewhere (a merge of shards, a capacity
 * search): the journal first, so a crash midway leaves a folder that --resume can finish, then
 * the result files.
 */
export async function writeFinishedFolder(
  dir: string,
  info: StudyInfo,
  records: readonly RunRecord[],
  meta: ManifestMeta,
  writer: FileWriter = defaultWriter,
): Promise<void> {
  const journal = {
    path: join(dir, JOURNAL_FILE),
    data: journalText(journalHeader(info, undefined), records),
  };
  await writeResultFiles(dir, info, records, meta, writer, journal);
}

/** Reads the folder's journal back: the runs, sorted by index. */
export function readFinishedRuns(dir: string): RunRecord[] {
  return [...readJournal(join(dir, JOURNAL_FILE)).records].sort((a, b) => a.index - b.index);
}

/**
 * Writes runs.csv, groups.csv, summary.csv, scenario.yaml, shard.json (for a shard) and
 * manifest.json (last: its presence marks a finished folder), each atomically, in one
 * writeAtomicAll (flushed together; the manifest renamed once the others are durable).
 * `first` (a merge's journal) is renamed before them.
 */
export async function writeResultFiles(
  dir: string,
  info: StudyInfo,
  records: readonly RunRecord[],
  meta: ManifestMeta,
  writer: FileWriter = defaultWriter,
  first?: AtomicFile,
): Promise<void> {
  const sorted = [...records].sort((a, b) => a.index - b.index);
  writer.makeDirectory(dir);
  const files: AtomicFile[] = first === undefined ? [] : [first];
  const add = (name: string, data: string) => files.push({ path: join(dir, name), data });
  add('runs.csv', runsCsv(info, sorted));
  add('groups.csv', groupsCsv(sorted));
  add('resources.csv', resourcesCsv(sorted));
  add('summary.csv', summaryCsv(info, summarizeRuns(sorted), pointLabels(sorted)));
  add('scenario.yaml', stringifyYaml(info.document));
  if (meta.shard) {
    const shard = { index: meta.shard.index, count: meta.shard.count, scenario_hash: info.hash };
    add(SHARD_FILE, `${JSON.stringify(shard, null, 2)}\n`);
  }
  const manifest = `${JSON.stringify(buildManifest(info, sorted, meta), null, 2)}\n`;
  await writer.writeAtomicAll(files, { path: join(dir, MANIFEST_FILE), data: manifest });
}
