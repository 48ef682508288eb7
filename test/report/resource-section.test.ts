import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceRow } from '../../src/output/charts/result-data.js';
import { type ResultFolder, readResultFolder } from '../../src/output/report/read-result-folder.js';
import { resourceSection } from '../../src/output/report/resource-section.js';
import { writeSyntheticResult } from './synthetic-result.js';

/**
 * The report's "what binds" part on the synthetic admin-queue study: the binding list names the
 * workers, and the utilisation chart draws the resources something used, on an axis that ends
 * at 100 % (a bar beyond it says its value), leaving out a resource idle at every point.
 */
let root: string;
let folder: ResultFolder;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vdpascale-resources-'));
  folder = await readResultFolder(await writeSyntheticResult(root, 'adminq-qos'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every run also registered the netlink lock, never taken in the window, and host cores at `hostUtil`. */
function withIdleLock(rows: readonly ResourceRow[], hostUtil?: number): ResourceRow[] {
  const runs = new Map(rows.map((r) => [`${r.point}/${r.replication}`, r]));
  const idle = [...runs.values()].map((r) => ({
    ...r,
    resource: 'netlink-lock',
    role: 'server' as const,
    capacity: 1,
    utilisation: 0,
    queueMean: 0,
    queueMax: 0,
    waitMeanUs: Number.NaN,
  }));
  const host = rows.map((r) =>
    r.resource === 'host-cores' && hostUtil !== undefined ? { ...r, utilisation: hostUtil } : r,
  );
  return [...host, ...idle];
}

/** The chart's data rows: resource words and mean utilisation per point. */
function chartValues(section: ReturnType<typeof resourceSection>): Record<string, unknown>[] {
  const spec = section.chart?.spec as { data?: { values?: Record<string, unknown>[] } } | undefined;
  return spec?.data?.values ?? [];
}

describe('resource section', () => {
  it('names the binding resource of every point in words', () => {
    const section = resourceSection(folder.manifest, folder.summary, folder.runs, folder.resources);
    const items = section.bindingHtml.match(/<li>/g) ?? [];
    expect(items).toHaveLength(folder.manifest.points.length);
    expect(section.bindingHtml).toContain('admin-queue workers');
  });

  it('leaves a resource idle at every point out of the chart, keeps the used ones', () => {
    const section = resourceSection(
      folder.manifest,
      folder.summary,
      folder.runs,
      withIdleLock(folder.resources),
    );
    const drawn = new Set(chartValues(section).map((v) => v.resource));
    expect(drawn.has('admin-queue workers')).toBe(true);
    expect(drawn.has('host mediation cores')).toBe(true);
    expect([...drawn].some((r) => String(r).includes('netlink'))).toBe(false);
    expect(JSON.stringify(section.chart?.spec)).not.toContain('netlink');
  });

  it('caps the axis at 100 % and labels a bar beyond it with its value', () => {
    const section = resourceSection(
      folder.manifest,
      folder.summary,
      folder.runs,
      withIdleLock(folder.resources, 5),
    );
    const text = JSON.stringify(section.chart?.spec);
    expect(text).toContain('"domain":[0,1]');
    expect(text).toContain('"clamp":true');
    const host = chartValues(section).filter((v) => v.resource === 'host mediation cores');
    expect(host.length).toBeGreaterThan(0);
    // 500 % of 4 cores (spinning submitters) stays in the data: the text layer draws "500% ▸".
    for (const v of host) expect(Object.values(v)).toContain(5);
    expect(text).toContain("datum['mean'] > 1");
  });
});
