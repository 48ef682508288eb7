/**
 * The report step of `run`, `merge` and `capacity`: `report/index.ts` (a colleague's module)
 * builds `charts/` and `report.html`. Imported lazily, so commands that never build a report
 * (`--dry-run`, `--no-report`, errors) do not load vega and resvg; commands take the writer
 * by injection so tests can skip it.
 */
export interface ReportOutcome {
  reportPath: string;
  charts: string[];
}

export type ReportWriter = (dir: string) => Promise<ReportOutcome>;

export const writeReportLazily: ReportWriter = async (dir) => {
  const { writeReport } = await import('./report/index.js');
  return writeReport(dir);
};
