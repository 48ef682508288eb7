/**
 * Result folders: the run journal, the CSV tables and their number format, summaries with
 * confidence intervals, the manifest, shard merging, and running a study or a capacity search
 * into a folder. (Charts and the HTML report live in `charts/` and `report/`.)
 */

export {
  type CapacityOutcome,
  type CapacityRequest,
  checkCapacityRequest,
  type ProbeReport,
  runCapacity,
} from './capacity-study.js';
export {
  type AppendFile,
  defaultWriter,
  FileWriter,
  WriteError,
  type WriteFs,
  writeFileAtomic,
} from './file-writer.js';
export { type CellValue, formatCell, formatNumber } from './format.js';
export {
  JOURNAL_FILE,
  type JournalContents,
  type JournalHeader,
  JournalWriter,
  journalHeader,
  readJournal,
} from './journal.js';
export { buildManifest, MANIFEST_FILE, type Manifest, resultFingerprint } from './manifest.js';
export { collectShards, mergeShards } from './merge.js';
export { columnName, type PointInfo, type RunRecord, type StudyInfo, studyInfo } from './records.js';
export { type ReportOutcome, type ReportWriter, writeReportLazily } from './report-adapter.js';
export {
  type FolderState,
  inspectResultFolder,
  isFreshFolder,
  readFinishedRuns,
  SHARD_FILE,
  writeResultFiles,
} from './result-folder.js';
export { type ProgressEvent, type RunStudyOptions, runStudy, type StudyOutcome } from './run-study.js';
export { ALL_GROUPS, type SummaryRow, summarizeRuns, summarizeValues } from './summary.js';
export { formatSummaryTable, headlineMetrics } from './summary-table.js';
export { groupsCsv, runsCsv, summaryCsv } from './tables.js';
