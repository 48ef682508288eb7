/**
 * The project's bibliography: every public document a default, a limit or a strategy rests on,
 * by key. Profiles and strategies cite keys (`cite: ['linux-pci-regs']`), comments cite them as
 * `[[linux-pci-regs]]`, and docs/sources.md is generated from this table (a test fails when a
 * key does not resolve or the document is stale). Nothing cited lives outside the repository
 * except the public documents themselves.
 */
import { KERNEL_SOURCES } from './kernel-sources.js';
import { PAPER_SOURCES } from './paper-sources.js';
import { REPORT_SOURCES } from './report-sources.js';
import type { Source } from './source.js';
import { SPEC_SOURCES } from './spec-sources.js';
import { VENDOR_SOURCES } from './vendor-sources.js';

export type { Source, SourceKind } from './source.js';

export const BIBLIOGRAPHY = {
  ...SPEC_SOURCES,
  ...KERNEL_SOURCES,
  ...PAPER_SOURCES,
  ...VENDOR_SOURCES,
  ...REPORT_SOURCES,
} as const satisfies Record<string, Source>;

/** A key of the bibliography: what `cite` lists accept. */
export type SourceKey = keyof typeof BIBLIOGRAPHY;

export function isSourceKey(key: string): key is SourceKey {
  return Object.hasOwn(BIBLIOGRAPHY, key);
}

/** Keys in a stable, readable order: by kind as above, then as written. */
export function sourceKeys(): SourceKey[] {
  return Object.keys(BIBLIOGRAPHY) as SourceKey[];
}

/** One line: authors, "title", where, year, DOI or URL. */
export function formatCitation(key: SourceKey): string {
  const s: Source = BIBLIOGRAPHY[key];
  const parts = [s.authors, `"${s.title}"`, s.where, s.year === undefined ? undefined : String(s.year)];
  const link = s.doi !== undefined ? `doi:${s.doi}` : s.url;
  return [...parts, link].filter((p) => p !== undefined && p !== '').join(', ');
}

/** The double-bracketed citations in a text (keys are lowercase words joined by hyphens), in order. */
export function citationsIn(text: string): string[] {
  return [...text.matchAll(/\[\[([a-z0-9]+(?:-[a-z0-9]+)+)\]\]/g)].map((m) => m[1] as string);
}
