import type { TopLevelSpec } from 'vega-lite';

/** A chart ready to write: `name` is file-safe (`charts/<name>.vl.json`). */
export interface NamedChart {
  name: string;
  title: string;
  spec: TopLevelSpec;
}

/** The charts to draw, and what was left out (both shown in the report). */
export interface ChartSelection {
  charts: NamedChart[];
  /** Declared charts that cannot be drawn, each with the reason: a warning. */
  skipped: string[];
  /** Titles of informative charts left out by the cap on the number of charts: a note. */
  notCharted: string[];
}

/** Chart names become file names: keep them to `[a-z0-9_-]`. */
export function fileSafe(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'chart'
  );
}
