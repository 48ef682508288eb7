/**
 * Joins the shard folders of one sharded run into one result folder whose CSVs are
 * byte-identical to an unsharded run's: the shards must share a scenario hash and shard count
 * and together hold every run exactly once. The merged folder also gets a journal (all runs,
 * no shard), so it is a complete result folder in every respect.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ShardSpec } from '../runner/study.js';
import { InputError } from '../util/errors.js';
import { defaultWriter, type FileWriter } from './file-writer.js';
import { headerMismatches, JOURNAL_FILE, type JournalHeader, journalHeader, readJournal } from './journal.js';
import { MANIFEST_FILE, type Manifest, studyInfoFromManifest } from './manifest.js';
import { manifestMeta } from './provenance.js';
import { type RunRecord, type StudyInfo, totalRuns } from './records.js';
import { isFreshFolder, SHARD_FILE, writeFinishedFolder } from './result-folder.js';

interface ShardFolder {
  dir: string;
  shard: ShardSpec;
  hash: string;
  info: StudyInfo;
  records: RunRecord[];
}

function readJsonFile<T>(path: string, what: string): T {
  if (!existsSync(path)) throw new InputError(what, { file: path });
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    throw new InputError(`${path} is not valid JSON`, { file: path });
  }
}

function readShardFolder(dir: string): ShardFolder {
  const s = readJsonFile<{ index?: number; count?: number; scenario_hash?: string }>(
    join(dir, SHARD_FILE),
    `${dir} is not a finished shard folder (no ${SHARD_FILE}); run it with --shard I/N (and --resume if it was interrupted)`,
  );
  if (
    !Number.isSafeInteger(s.index) ||
    !Number.isSafeInteger(s.count) ||
    typeof s.scenario_hash !== 'string'
  ) {
    throw new InputError(`${join(dir, SHARD_FILE)} lacks index, count or scenario_hash`);
  }
  const manifest = readJsonFile<Partial<Manifest>>(
    join(dir, MANIFEST_FILE),
    `${dir} has no ${MANIFEST_FILE}`,
  );
  const info = studyInfoFromManifest(manifest, join(dir, MANIFEST_FILE));
  const journal = readJournal(join(dir, JOURNAL_FILE));
  const shard = { index: s.index as number, count: s.count as number };
  if (journal.header.shard?.index !== shard.index || journal.header.shard.count !== shard.count) {
    throw new InputError(`${dir}: ${JOURNAL_FILE} and ${SHARD_FILE} name different shards`);
  }
  return { dir, shard, hash: s.scenario_hash as string, info, records: journal.records };
}

/** Reads and cross-checks the shards; throws InputError with what is wrong or missing. */
export function collectShards(dirs: readonly string[]): {
  info: StudyInfo;
  records: RunRecord[];
  count: number;
} {
  if (dirs.length === 0) throw new InputError('merge needs at least one shard folder');
  const shards = dirs.map(readShardFolder);
  const first = shards[0] as ShardFolder;
  for (const s of shards) {
    if (s.hash !== first.hash) {
      throw new InputError(
        `shards belong to different scenarios: ${first.dir} has scenario hash ${first.hash}, ${s.dir} has ${s.hash}`,
      );
    }
    if (s.shard.count !== first.shard.count) {
      throw new InputError(
        `shards were split differently: ${first.dir} is 1 of ${first.shard.count}, ${s.dir} is 1 of ${s.shard.count}`,
      );
    }
  }
  const count = first.shard.count;
  const byIndex = new Map<number, string>();
  for (const s of shards) {
    const other = byIndex.get(s.shard.index);
    if (other !== undefined)
      throw new InputError(`shard ${s.shard.index}/${count} given twice: ${other} and ${s.dir}`);
    byIndex.set(s.shard.index, s.dir);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    throw new InputError(
      `shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')} missing; merge needs all ${count}`,
    );
  }
  const info = first.info;
  const total = totalRuns(info);
  const seen = new Map<number, RunRecord>();
  for (const s of shards) {
    for (const r of s.records) {
      if (seen.has(r.index))
        throw new InputError(`run ${r.index} appears in more than one shard (again in ${s.dir})`);
      if (r.index >= total)
        throw new InputError(`${s.dir}: run ${r.index} is beyond the ${total} runs of the scenario`);
      seen.set(r.index, r);
    }
  }
  if (seen.size !== total) {
    const lacking = shards.filter((s) => s.records.length < Math.ceil((total - s.shard.index) / count));
    const where = lacking.map((s) => s.dir).join(', ');
    throw new InputError(
      `the shards hold ${seen.size} of ${total} runs` +
        (where ? `; incomplete: ${where} (finish it with --resume)` : ''),
    );
  }
  const records = [...seen.values()].sort((a, b) => a.index - b.index);
  return { info, records, count };
}

/** Merges shard folders into `outDir` (which must hold no other run's results). */
export async function mergeShards(
  dirs: readonly string[],
  outDir: string,
  writer: FileWriter = defaultWriter,
): Promise<{ info: StudyInfo; records: RunRecord[] }> {
  const t0 = performance.now();
  for (const d of dirs) {
    if (resolve(d) === resolve(outDir)) throw new InputError(`--out ${outDir} is one of the shard folders`);
  }
  const { info, records } = collectShards(dirs);
  const header = journalHeader(info, undefined);
  checkMergeTarget(outDir, header);
  await writeFinishedFolder(
    outDir,
    info,
    records,
    manifestMeta(records, t0, null, undefined, records.length),
    writer,
  );
  return { info, records };
}

/**
 * The merged folder may hold other things (the shard folders themselves, batch scripts), but
 * not another run's results; a folder already holding this very merge is rewritten (the same
 * runs from the same shards), so a re-run merge job is harmless.
 */
function checkMergeTarget(outDir: string, header: JournalHeader): void {
  if (isFreshFolder(outDir)) return;
  const journal = join(outDir, JOURNAL_FILE);
  if (existsSync(journal) && headerMismatches(readJournal(journal).header, header).length === 0) return;
  throw new InputError(`--out ${outDir} already holds results of another run; choose another folder`);
}
