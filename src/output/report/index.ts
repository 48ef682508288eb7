/** The HTML report of a result folder, and reading result folders back. */

export { csvObjects, parseCsv } from './parse-csv.js';
export { type ResultFolder, readResultFolder } from './read-result-folder.js';
export { type ReportOptions, type ReportOutput, writeReport } from './write-report.js';
